package org.tracelab.collectors.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.tracelab.collectors.page.LinkExtractor;
import org.tracelab.core.collect.Progress;

/**
 * A breadth-first crawl in the browser, one page at a time: the allow-list and robots.txt are asked before each
 * page, the delay is kept between two pages of one host, and the links of each rendered page (what its scripts
 * built, not only what its HTML held) feed the next level. No URL is visited twice in a run.
 */
final class BrowserCrawl {
    private record Target(URI url, CompletableFuture<Long> parentId, int depth) {
    }

    private final BrowserPlan plan;
    private final BrowserPages pages;
    private final Progress progress;
    private final Set<URI> seen = new HashSet<>();

    BrowserCrawl(BrowserPlan plan, BrowserPages pages, Progress progress) {
        this.plan = plan;
        this.pages = pages;
        this.progress = progress;
    }

    /** Renders the seeds and what they link to; returns the number of pages rendered, each of them recorded. */
    int run() throws IOException {
        progress.total(-1, "pages");
        Queue<Target> queue = new ArrayDeque<>();
        for (URI seed : plan.scope().seeds()) {
            if (seen.add(seed)) {
                queue.add(new Target(seed, CompletableFuture.completedFuture(null), 0));
            }
        }
        int visited = 0;
        while (!queue.isEmpty() && visited < plan.scope().maxPages()) {
            Target t = queue.remove();
            if (!pages.permitted(t.url())) {
                continue;
            }
            visited++;
            Optional<BrowserPages.Visited> rendered = pages.visit(t.url(), t.parentId());
            progress.advance(1);
            if (rendered.isEmpty() || t.depth() >= plan.scope().depth()) {
                continue;
            }
            RenderedPage page = rendered.get().page();
            seen.add(page.finalUrl());
            for (URI link : LinkExtractor.links(new ByteArrayInputStream(page.dom().getBytes(StandardCharsets.UTF_8)),
                    "UTF-8", page.finalUrl())) {
                if (plan.scope().follows(link, page.finalUrl()) && seen.add(link)) {
                    queue.add(new Target(link, rendered.get().itemId(), t.depth() + 1));
                }
            }
        }
        pages.finish();
        return visited;
    }
}
