package org.tracelab.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.HttpExchange;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.collect.WarcMetadata;
import org.tracelab.core.collect.WarcResource;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.custody.CustodyLog;
import org.tracelab.core.items.ItemStore;
import org.tracelab.core.store.BlobStore;

/**
 * Where one collection run's captures go: bytes into the blob store, a row and a custody entry per capture in the
 * open group. Database work holds the monitor of the {@link Case} it writes, like every other use of the case's
 * connection.
 */
final class CaseCaptureSink implements CaptureSink {
    private final Object caseMonitor;
    private final BlobStore blobs;
    private final ItemStore items;
    private final CustodyLog custody;
    private final CaptureGroups groups;
    private final String collectorId;
    private final CaptureListener listener;
    /** Tags each capture gets in its own group, as the run asked ({@code collect --tag}). */
    private final List<String> tags;
    private final Clock clock;

    CaseCaptureSink(Object caseMonitor, BlobStore blobs, ItemStore items, CustodyLog custody, CaptureGroups groups,
                    String collectorId, CaptureListener listener, List<String> tags, Clock clock) {
        this.caseMonitor = caseMonitor;
        this.blobs = blobs;
        this.items = items;
        this.custody = custody;
        this.groups = groups;
        this.collectorId = collectorId;
        this.listener = listener;
        this.tags = List.copyOf(tags);
        this.clock = clock;
    }

    @Override
    public StoredBlob storeBlob(InputStream content, long maxBytes) throws IOException {
        // Hashing and writing the bytes needs no lock: many collector threads may do it at once. Small blobs
        // are staged and synced with their group (see GroupCommit), not one by one.
        return blobs.stage(content, maxBytes);
    }

    @Override
    public StoredItem record(NewItem item, StoredBlob blob) throws IOException {
        requireHeld(blob);
        synchronized (caseMonitor) {
            try {
                return groups.inGroup(() -> logged(item, blob));
            } catch (SQLException | IOException e) {
                throw TracelabException.io("recording capture of " + item.source(), e);
            }
        }
    }

    /** The item's row, its custody entry and its tags, in the open group; heard of once the group commits. */
    private StoredItem logged(NewItem item, StoredBlob blob) throws SQLException {
        long id = items.insert(item, blob);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("collector", item.collector());
        p.put("kind", item.kind());
        p.put("source", item.source());
        p.put("sha256", blob.id().sha256());
        p.put("size", blob.size());
        if (blob.truncated()) {
            p.put("truncated", true);
        }
        if (item.parentId() != null) {
            p.put("parent", item.parentId());
        }
        p.put(CoveredRows.RECORD, items.record(id));
        custody.append("capture", id, p);
        for (String tag : tags) {
            if (items.tag(id, tag, clock.instant())) {
                custody.append("tag", id, Map.of("tag", tag, CoveredRows.RECORD, items.tagRecord(id, tag)));
            }
        }
        StoredItem stored = new StoredItem(id, item, blob);
        groups.onCommit(() -> listener.stored(stored), why -> listener.failed(item.source(), why));
        return stored;
    }

    @Override
    public InputStream open(BlobId blob) throws IOException {
        return blobs.open(blob);
    }

    @Override
    public WarcLocation archive(HttpExchange exchange) throws IOException {
        requireHeld(exchange.payload());
        if (exchange.requestBody() != null) {
            requireHeld(exchange.requestBody());
        }
        // Written outside the case's monitor, like the blobs: the group syncs the records before it commits.
        return groups.warc().write(exchange);
    }

    @Override
    public WarcLocation archive(WarcMetadata metadata) throws IOException {
        return groups.warc().write(metadata);
    }

    @Override
    public WarcLocation archive(WarcResource resource) throws IOException {
        requireHeld(resource.body());
        return groups.warc().write(resource);
    }

    /** Has {@code sync} run before every later group commits, until closed: how tests fail a group's sync. */
    Closeable syncBeforeCommit(CaptureGroups.Syncable sync) {
        return groups.syncBeforeCommit(sync);
    }

    private void requireHeld(StoredBlob blob) {
        if (!blobs.holds(blob.id())) {
            throw new IllegalArgumentException("blob " + blob.id() + " is not in this case's store");
        }
    }

    @Override
    public void failed(String source, String reason) throws IOException {
        note("capture.failed", source, reason);
        listener.failed(source, reason);
    }

    @Override
    public void rejected(String source, String reason) throws IOException {
        note("capture.rejected", source, reason);
        listener.rejected(source, reason);
    }

    @Override
    public void noted(String source, String reason) throws IOException {
        note("capture.noted", source, reason);
        listener.noted(source, reason);
    }

    @Override
    public void skipped(String source, String reason) throws IOException {
        note("capture.skipped", source, reason);
        listener.skipped(source, reason);
    }

    private void note(String action, String source, String reason) throws IOException {
        synchronized (caseMonitor) {
            try {
                groups.afterGroup(() -> custody.append(action, null,
                        Map.of("collector", collectorId, "source", source, "reason", reason)));
            } catch (SQLException | IOException e) {
                throw new IOException("logging " + action + " of " + source + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void record(String action, Object params) throws IOException {
        synchronized (caseMonitor) {
            try {
                groups.afterGroup(() -> custody.append(action, null, params));
            } catch (SQLException | IOException e) {
                throw new IOException("logging " + action + ": " + e.getMessage(), e);
            }
        }
    }
}
