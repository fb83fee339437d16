package org.tracelab.core.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.imagehash.PictureHash;

/**
 * Where ingest puts what it derives; the {@link org.tracelab.core.Case} implements it so that every record is
 * committed with its custody entry, in the same groups as captures.
 */
public interface IngestSink {
    /**
     * Records an item's extracted text, its main text when it is a page, its entities and, when it is a picture, its
     * hash (replacing or removing what an earlier extraction recorded), and logs an {@code extract} entry with
     * {@code params}, handed over: the sink adds to them the digests of the rows it wrote.
     */
    void record(DerivedText derived, Optional<DerivedText> main, List<EntityMention> entities,
                Optional<PictureHash> picture, ObjectNode params) throws IOException;

    /** The capture path for archive members, started (and logged) on first use. */
    CaptureSink members() throws IOException;

    /** Commits what was recorded, so the index never covers more than the database holds. */
    void commit() throws IOException;

    /** Ends the member capture run, if one was started, logging what it stored. */
    void finish(Object outcome) throws IOException;
}
