package org.tracelab.collectors.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * A browser tab and its DevTools session, kept from one page to the next while pages leave it as they found it: a
 * new tab costs a renderer's start and a round of set-up calls on every page, a tab left on {@code about:blank}
 * none. A tab a page troubled (a crash, a dialog, a script stopped, a budget run out) is closed instead.
 *
 * @param page     the tab
 * @param devtools its DevTools session, attached before the tab runs anything: attaching later waits for a page
 *                 that may never yield
 */
record Tab(Page page, CDPSession devtools) {
    /** Opens a new tab in {@code context}. */
    static Tab open(BrowserContext context) {
        Page page = context.newPage();
        return new Tab(page, context.newCDPSession(page));
    }

    /** Closes the tab without running its page's beforeunload handlers; a tab already gone is fine. */
    void close() {
        try {
            page.close(new Page.CloseOptions().setRunBeforeUnload(false));
        } catch (PlaywrightException gone) {
            // the browser was killed or the renderer crashed
        }
    }
}
