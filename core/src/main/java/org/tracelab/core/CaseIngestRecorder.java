package org.tracelab.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.custody.CustodyLog;
import org.tracelab.core.imagehash.ImageHashStore;
import org.tracelab.core.imagehash.PictureHash;
import org.tracelab.core.ingest.DerivedStore;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.EntityMention;
import org.tracelab.core.ingest.Ingest;
import org.tracelab.core.ingest.IngestSink;

/**
 * Where ingest records derived data: in the capture groups, each text with its custody entry; archive members
 * become items through a capture run of their own, started at the first member. Holds the {@link Case}'s monitor
 * for database work.
 */
final class CaseIngestRecorder implements IngestSink {
    private final Case owner;
    private final DerivedStore derived;
    private final ImageHashStore pictures;
    private final CustodyLog custody;
    private final CaptureGroups groups;
    private CaptureSink members;

    CaseIngestRecorder(Case owner, DerivedStore derived, ImageHashStore pictures, CustodyLog custody,
                       CaptureGroups groups) {
        this.owner = owner;
        this.derived = derived;
        this.pictures = pictures;
        this.custody = custody;
        this.groups = groups;
    }

    @Override
    public void record(DerivedText text, Optional<DerivedText> main, List<EntityMention> found,
                       Optional<PictureHash> picture, ObjectNode params) throws IOException {
        synchronized (owner) {
            try {
                groups.inGroup(() -> {
                    derived.put(text, main, found);
                    pictures.put(text.itemId(), picture);
                    return custody.append("extract", text.itemId(), covered(text.itemId(), picture, params));
                });
            } catch (SQLException | IOException e) {
                throw new IOException("recording the text of item " + text.itemId() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The entry's parameters with the digests of every derived and entity row of the item and of its picture hash,
     * as now written. The picture's row is read only when one was written: {@code pictures.put} without a hash leaves
     * the item none.
     */
    private ObjectNode covered(long itemId, Optional<PictureHash> picture, ObjectNode p) throws SQLException {
        ObjectNode rows = p.putObject(CoveredRows.DERIVED);
        derived.records(itemId).forEach(rows::put);
        p.put(CoveredRows.ENTITY_ROWS, derived.entityRecord(itemId));
        if (picture.isPresent()) {
            pictures.record(itemId).ifPresent(h -> p.put(CoveredRows.IMAGE_HASH, h));
        }
        return p;
    }

    @Override
    public CaptureSink members() {
        if (members == null) {
            members = owner.startCapture(Ingest.COLLECTOR,
                    Map.of("what", "members of archives and attachments of e-mails, found by extraction"), null);
        }
        return members;
    }

    @Override
    public void commit() throws IOException {
        synchronized (owner) {
            try {
                groups.flush();
            } catch (SQLException | IOException e) {
                groups.abandon(e);
                throw new IOException("committing extracted texts: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void finish(Object outcome) {
        if (members != null) {
            owner.finishCapture(Ingest.COLLECTOR, outcome);
        }
    }
}
