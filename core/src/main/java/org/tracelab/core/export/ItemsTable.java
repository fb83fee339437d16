package org.tracelab.core.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Timestamps;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.items.Item;
import org.tracelab.core.items.TaggedItem;
import org.tracelab.core.patterns.RecordedScan;

/**
 * The items as a table: one row per item with its source, capture facts, hash, size, WARC record, tags, and its
 * score and matched indicators in the case's last scan ({@link RecordedScan}; empty cells when the case was never
 * scanned or the item came after the scan, 0 when it matched nothing). In a bag, last columns map each item to its
 * payload files, since payload names never come from captured names.
 */
public final class ItemsTable {
    /** The columns every items table has, in order. */
    public static final List<String> COLUMNS = List.of("id", "kind", "source", "captured_at", "collector",
            "http_status", "sha256", "size", "content_type", "parent", "truncated", "warc_file", "warc_offset",
            "warc_length", "tags", "indicator_score", "indicators", "case", "purpose");

    /** What a bag adds to its items table: which items it holds and where their files are in it. */
    public interface InBag {
        /** True when the bag holds the item. */
        boolean holds(Item item);

        /** The extra columns, after {@link #COLUMNS}. */
        List<String> columns();

        /** The extra cells of a held item, one per extra column. */
        List<Object> cells(Item item);
    }

    private ItemsTable() {
    }

    /**
     * Writes a row per item to {@code out}, which is flushed, not closed.
     *
     * @param bag the bag the table is part of, or null outside a bag
     * @param bom true to start a CSV with a byte order mark, for Excel
     * @return the number of rows
     */
    public static long write(Case c, TableFormat format, boolean bom, Writer out, InBag bag, Progress progress)
            throws IOException {
        CaseManifest m = c.manifest();
        Optional<RecordedScan> scan = RecordedScan.last(c);
        List<String> columns = new ArrayList<>(COLUMNS);
        if (bag != null) {
            columns.addAll(bag.columns());
        }
        long[] rows = {0};
        try (TableWriter t = new TableWriter(format, bom, out, columns)) {
            c.forEachItem(ti -> {
                if (bag != null && !bag.holds(ti.item())) {
                    return;
                }
                t.row(cells(ti, m, scan, bag, format));
                rows[0]++;
                progress.advance(1);
            });
        }
        return rows[0];
    }

    private static List<Object> cells(TaggedItem ti, CaseManifest m, Optional<RecordedScan> scan, InBag bag,
                                      TableFormat format) {
        Item i = ti.item();
        Optional<WarcLocation> warc = i.warc();
        Object tags = format == TableFormat.CSV ? String.join(";", ti.tags()) : ti.tags();
        OptionalDouble score = scan.map(s -> s.score(i.id())).orElse(OptionalDouble.empty());
        List<String> ids = scan.flatMap(s -> s.of(i.id())).map(RecordedScan.Scored::indicators).orElse(List.of());
        Object indicators = format == TableFormat.CSV ? String.join(";", ids) : ids;
        List<Object> row = new ArrayList<>(Arrays.asList(i.id(), i.kind(), i.source(),
                Timestamps.format(i.capturedAt()), i.collector(),
                i.http().map(HttpFacts::status).orElse(null), i.blob().sha256(), i.size(),
                i.contentType(), i.parentId(), i.truncated(),
                warc.map(WarcLocation::file).orElse(null), warc.map(WarcLocation::offset).orElse(null),
                warc.map(WarcLocation::length).orElse(null),
                tags, score.isPresent() ? (Object) score.getAsDouble() : null,
                score.isPresent() ? indicators : null, m.name(), m.purpose()));
        if (bag != null) {
            row.addAll(bag.cells(i));
        }
        return row;
    }
}
