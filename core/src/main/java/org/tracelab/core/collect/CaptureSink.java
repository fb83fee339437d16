package org.tracelab.core.collect;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one capture path: the bytes go to the evidence store, the item to {@code case.db}, and an entry to the
 * custody log, in that order. Captures are committed in groups; the {@link CaptureListener} hears of a capture only
 * once its group is committed, so what it reports survives any crash. Safe to call from many threads.
 *
 * <p>It is all of the case a collector sees: the case folder, its blob store and its WARC files stay behind it, so
 * a collector cannot write evidence that skips the custody log or lands outside the case's layout.
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
     * Opens the bytes of a blob this case holds (stored through this sink, staged or durable); the caller closes
     * the stream. A collector reads back what it stored this way, never from the case folder.
     */
    InputStream open(BlobId blob) throws IOException;

    /**
     * Writes an exchange whose bodies are already stored (see {@link #storeBlob}) to the case's WARC files as a
     * {@code request} and a {@code response} record, and returns where they lie, to be recorded on the item with
     * {@link NewItem#with}. The case owns the files: it names, rotates and closes them, and makes the records
     * durable before any item that points to them is committed. Safe to call from many threads.
     */
    WarcLocation archive(HttpExchange exchange) throws IOException;

    /** Writes a {@code metadata} record about a record already archived, and returns where it lies. */
    WarcLocation archive(WarcMetadata metadata) throws IOException;

    /** Writes a {@code resource} record of bytes already stored (a screenshot, a DOM), and returns where it lies. */
    WarcLocation archive(WarcResource resource) throws IOException;

    /** Records, in the custody log and to the examiner, that a source could not be captured, and why. */
    void failed(String source, String reason) throws IOException;

    /**
     * Records, in the custody log and to the examiner, that an input given to the run is itself bad (not a WARC
     * file, cut short, corrupt), in one line naming it and what is wrong: the user's input, not the machine, so the
     * run ends as bad input. What could be read of it is kept all the same.
     */
    void rejected(String source, String reason) throws IOException;

    /**
     * Records, in the custody log and to the examiner, a finding about a capture that was kept (a digest that does
     * not match the bytes read): not a failure of the run, but something an examiner must see.
     */
    void noted(String source, String reason) throws IOException;

    /**
     * Records that a source was deliberately not fetched (robots.txt, outside the allowed hosts): the manners of
     * collection at work, not a failure, but logged so the record shows what was left out and why.
     */
    void skipped(String source, String reason) throws IOException;

    /** Records a decision of the run that bears on the evidence (e.g. robots.txt ignored) in the custody log. */
    void record(String action, Object params) throws IOException;
}
