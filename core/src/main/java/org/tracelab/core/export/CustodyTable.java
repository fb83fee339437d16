package org.tracelab.core.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.collect.Progress;

/**
 * The custody log as a table: one row per entry with item, action, examiner, time, tool, parameters and both chain
 * hashes, so the chain can be re-checked from the export alone. Every row names the case and its purpose.
 */
public final class CustodyTable {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("seq", "at", "examiner", "action", "item", "tool", "params",
            "prev_hash", "entry_hash", "case", "purpose");

    private CustodyTable() {
    }

    /**
     * Writes every entry of the case's log to {@code out}, which is flushed, not closed.
     *
     * @param bom true to start a CSV with a byte order mark, for Excel
     * @return the number of rows
     */
    public static long write(Case c, TableFormat format, boolean bom, Writer out, Progress progress)
            throws IOException {
        CaseManifest m = c.manifest();
        long[] rows = {0};
        try (TableWriter t = new TableWriter(format, bom, out, COLUMNS)) {
            c.forEachCustodyEntry(e -> {
                // Canonical JSON in CSV, so the entry hash can be recomputed from the cell; a tree in JSON Lines.
                Object params = format == TableFormat.CSV ? Json.canonical(e.params()) : e.params();
                t.row(Arrays.asList(e.seq(), Timestamps.format(e.at()), e.examiner(), e.action(), e.itemId(),
                        e.tool(), params, e.prevHash(), e.hash(), m.name(), m.purpose()));
                rows[0]++;
                progress.advance(1);
            });
        }
        return rows[0];
    }
}
