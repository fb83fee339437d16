package org.tracelab.core.collect;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.tracelab.core.items.NewItem;
import org.tracelab.core.store.StoredBlob;

/**
 * The one capture path: the bytes go to the evidence store, the item to {@code case.db}, and an entry to the
 * custody log, in that order. Captures are committed in groups; the {@link CaptureListener} hears of a capture only
 * once its group is committed, so what it reports survives any crash. Safe to call from many threads.
 */
public interface CaptureSink {
    /**
     * Stores at most {@code maxBytes} of {@code content} as a new item. The stream is read, not closed.
     *
     * @return the item as recorded; it is durable once the listener has heard of it
     */
    default StoredItem store(NewItem item, InputStream content, long maxBytes) throws IOException {
        return record(item, storeBlob(content, maxBytes));
    }

    /**
     * The first half of {@link #store}, for collectors that must write more (a WARC record, say) between storing
     * the bytes and recording the item: makes at most {@code maxBytes} of {@code content} durable in the evidence
     * store. Nothing refers to the blob until {@link #record} is called with it.
     */
    StoredBlob storeBlob(InputStream content, long maxBytes) throws IOException;

    /** The second half of {@link #store}: records an item over a blob from {@link #storeBlob}, and logs it. */
    StoredItem record(NewItem item, StoredBlob blob) throws IOException;

    /** Stores all of {@code content}. */
    default StoredItem store(NewItem item, InputStream content) throws IOException {
        return store(item, content, Long.MAX_VALUE);
    }

    /**
     * The case folder: WARC files go under its {@code warc/} folder, and an item's WARC location is recorded
     * relative to it, so the case stays portable.
     */
    Path caseDirectory();

    /** Records, in the custody log and to the examiner, that a source could not be captured, and why. */
    void failed(String source, String reason) throws IOException;

    /**
     * Records that a source was deliberately not fetched (robots.txt, outside the allowed hosts): the manners of
     * collection at work, not a failure, but logged so the record shows what was left out and why.
     */
    void skipped(String source, String reason) throws IOException;

    /** Records a decision of the run that bears on the evidence (e.g. robots.txt ignored) in the custody log. */
    void record(String action, Object params) throws IOException;

    /**
     * Has {@code sync} run before every commit of captures, so what items point to outside the store (a WARC
     * record, say) is durable before they are: a collector writes such files without syncing each write, and the
     * group pays one sync. Close the returned handle once nothing more will be written.
     */
    Closeable syncBeforeCommit(Syncable sync);

    /** Something written outside the store that captures refer to. */
    interface Syncable {
        /** Forces everything written so far to disk. */
        void sync() throws IOException;
    }
}
