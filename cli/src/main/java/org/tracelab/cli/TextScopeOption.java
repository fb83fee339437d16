package org.tracelab.cli;

import org.tracelab.core.ingest.TextScope;
import picocli.CommandLine.Option;

/** {@code --full-text}: read pages' full text, furniture included, instead of their main text (the default). */
final class TextScopeOption {
    @Option(names = "--full-text", description = "Read pages' full text, menus, footers and banners included, instead"
            + " of their main text (a site-wide footer phone then ties every page of the site together).")
    boolean fullText;

    TextScope scope() {
        return fullText ? TextScope.FULL : TextScope.MAIN;
    }
}
