package org.tracelab.core.search;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.tracelab.core.Cancellation;
import org.tracelab.core.TracelabException;
import org.tracelab.core.store.BlobStore;

/**
 * The case index as an open case sees it: one {@link CaseSearcher}, opened at the first question and kept while the
 * case stays open, reopened only when the index has changed since (a writer committed). A case held open across
 * many commands (the shell) or many questions (scan) pays for opening the index, its thread pool and its
 * highlighters once, not once a question.
 */
public final class IndexView implements AutoCloseable {
    private final Path caseDir;
    private final BlobStore blobs;
    private CaseSearcher searcher;
    /** Whether a searcher was opened before: this view is kept, and its next searcher maps the files. */
    private boolean asked;
    private volatile Cancellation cancellation = Cancellation.NONE;

    public IndexView(Path caseDir, BlobStore blobs) {
        this.caseDir = Objects.requireNonNull(caseDir, "caseDir");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /** Stops searches when {@code c} says so (the shell's Ctrl-C). */
    public void cancelWhen(Cancellation c) {
        this.cancellation = Objects.requireNonNull(c, "c");
    }

    /** Answers {@code question} with a searcher on the index as it is now. */
    public synchronized <T> T ask(Function<CaseSearcher, T> question) {
        CaseSearcher s = current();
        s.cancelWhen(cancellation);
        return question.apply(s);
    }

    /**
     * The values the index holds for the keyword field a query names {@code name} ({@code lang}, {@code host},
     * {@code kind}, {@code collector}); none for any other name, or when the case has no index yet.
     */
    public synchronized java.util.List<String> keywordValues(String name) {
        java.util.Optional<String> field = CaseQueryParser.keywordField(name);
        if (field.isEmpty()) {
            return java.util.List.of();
        }
        try {
            return current().values(field.get());
        } catch (TracelabException noIndex) {
            return java.util.List.of();
        }
    }

    /**
     * The searcher for the next question. The first reads the index's files with plain reads (a one-shot command
     * asks once, and mapping them costs it more than it saves); a view asked again is being kept (the shell, scan),
     * so its searcher is opened again with the files mapped, once.
     */
    private CaseSearcher current() {
        if (searcher != null && (!searcher.mapped() || !stillCurrent(searcher))) {
            CaseSearcher stale = searcher;
            searcher = null;
            stale.close();
            asked = true;
        }
        if (searcher == null) {
            searcher = CaseSearcher.open(caseDir, blobs, asked);
        }
        return searcher;
    }

    /** False when a writer committed since, or rebuilt the index in a new folder (reindex) so the old one is gone. */
    private static boolean stillCurrent(CaseSearcher s) {
        try {
            return s.isCurrent();
        } catch (TracelabException e) {
            return false;
        }
    }

    /** Whether the searcher the next question would use reads the index's files mapped; for tests. */
    synchronized boolean mapped() {
        return searcher != null && searcher.mapped();
    }

    @Override
    public synchronized void close() {
        if (searcher != null) {
            searcher.close();
            searcher = null;
        }
    }
}
