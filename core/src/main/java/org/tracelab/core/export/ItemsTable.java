package org.tracelab.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Timestamps;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.items.Item;
import org.tracelab.core.items.TaggedItem;

/**
 * The items as a table: one row per item with its source, capture facts, hash, size, WARC record and tags. In a bag
 * a last column maps each item to its payload file, since payload names never come from captured names.
 */
public final class ItemsTable {
    /** The columns every items table has, in order. */
    public static final List<String> COLUMNS = List.of("id", "kind", "source", "captured_at", "collector",
            "http_status", "sha256", "size", "content_type", "parent", "truncated", "warc_file", "warc_offset",
            "warc_length", "tags", "case", "purpose");

    private ItemsTable() {
    }

    /**
     * Writes a row per item to {@code out}, which is flushed, not closed.
     *
     * @param payloadPath where each item's bytes are in a bag, or null outside a bag
     * @return the number of rows
     */
    public static long write(Case c, TableFormat format, Writer out, Function<Item, String> payloadPath,
                             Progress progress) throws IOException {
        CaseManifest m = c.manifest();
        List<String> columns = new ArrayList<>(COLUMNS);
        if (payloadPath != null) {
            columns.add("bag_path");
        }
        long[] rows = {0};
        try (TableWriter t = new TableWriter(format, out, columns)) {
            c.forEachItem(ti -> {
                try {
                    t.row(cells(ti, m, payloadPath, format));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                rows[0]++;
                progress.advance(1);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    private static List<Object> cells(TaggedItem ti, CaseManifest m, Function<Item, String> payloadPath,
                                      TableFormat format) {
        Item i = ti.item();
        JsonNode meta = i.meta();
        JsonNode warc = meta.path("warc");
        Object tags = format == TableFormat.CSV ? String.join(";", ti.tags()) : ti.tags();
        List<Object> row = new ArrayList<>(Arrays.asList(i.id(), i.kind(), i.source(),
                Timestamps.format(i.capturedAt()), i.collector(),
                meta.path("status").isInt() ? meta.path("status").asInt() : null, i.blob().sha256(), i.size(),
                i.contentType(), i.parentId(), i.truncated(),
                warc.path("file").isTextual() ? warc.path("file").asText() : null,
                warc.path("offset").isIntegralNumber() ? warc.path("offset").asLong() : null,
                warc.path("length").isIntegralNumber() ? warc.path("length").asLong() : null,
                tags, m.name(), m.purpose()));
        if (payloadPath != null) {
            row.add(payloadPath.apply(i));
        }
        return row;
    }
}
