package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.custody.RowDigest;

/**
 * Tags and notes against their {@code tag} and {@code note} entries: a row without an entry, a row changed since its
 * entry, and an entry whose row is gone are each named.
 */
final class AnnotationCheck {
    static final String OLD_TAGS = "tags logged before record hashes: when they were added is not under the chain";
    static final String OLD_NOTES = "notes logged before record hashes: their examiner and time are not under the"
            + " chain";

    private final Connection conn;
    private final Findings findings;

    AnnotationCheck(Connection conn, Findings findings) {
        this.conn = conn;
        this.findings = findings;
    }

    /**
     * One kind of annotation: its table, the custody action that logs a row of it, and the column that the entry's
     * param of the same name points at.
     *
     * @param quoted      true when the key is shown in quotes (a tag's text), false for a number (a note's id)
     * @param shownFields entry fields also compared with the column of the same name, each shown when it differs
     */
    private record Annotation(String table, String action, String key, String order, boolean quoted,
                              List<String> shownFields, String oldCoverage) {
        String subject(String keyValue, long item) {
            return action + " " + (quoted ? "'" + keyValue + "'" : keyValue) + " of item " + item;
        }
    }

    private static final List<Annotation> ANNOTATIONS = List.of(
            new Annotation("tags", "tag", "tag", "item_id, tag", true, List.of(), OLD_TAGS),
            new Annotation("notes", "note", "id", "id", false, List.of("text"), OLD_NOTES));

    void run() throws SQLException {
        for (Annotation a : ANNOTATIONS) {
            checkRows(a);
            checkEntries(a);
        }
    }

    /** A SQL value of an entry's params field, NULL when the params are not JSON (the chain walk names those). */
    private static String param(String field) {
        return "CASE WHEN json_valid(c.params) THEN json_extract(c.params, '$." + field + "') END";
    }

    /** Each row against the newest entry that logged it. */
    private void checkRows(Annotation a) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.*, (SELECT c.params FROM custody_log c WHERE c.item_id = r.item_id"
                     + " AND c.action = '" + a.action() + "' AND " + param(a.action()) + " = r." + a.key()
                     + " ORDER BY c.seq DESC LIMIT 1) AS logged FROM " + a.table() + " r ORDER BY " + a.order())) {
            int columns = rs.getMetaData().getColumnCount() - 1;
            rows:
            while (rs.next()) {
                String now = RowDigest.of(rs, columns); // first: reading a column another way may convert it
                String subject = a.subject(rs.getString(a.key()), rs.getLong("item_id"));
                String logged = rs.getString("logged");
                if (logged == null) {
                    findings.add(Problem.Kind.ROW_UNLOGGED, subject, "a '" + a.action() + "' custody entry", "none");
                    continue;
                }
                Optional<JsonNode> entry = ItemCheck.parse(logged);
                for (String field : a.shownFields()) {
                    String value = rs.getString(field);
                    if (entry.isPresent() && !entry.get().path(field).asText().equals(value)) {
                        findings.add(Problem.Kind.ROW_ALTERED, subject, field + " '"
                                + entry.get().path(field).asText() + "' as logged", field + " '" + value + "'");
                        continue rows;
                    }
                }
                compareRecord(subject, entry, now, a.oldCoverage());
            }
        }
    }

    /** Each entry whose row is gone. */
    private void checkEntries(Annotation a) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.seq, c.item_id, " + param(a.action()) + " FROM custody_log c"
                     + " WHERE c.action = '" + a.action() + "' AND NOT EXISTS (SELECT 1 FROM " + a.table()
                     + " r WHERE r.item_id = c.item_id AND r." + a.key() + " = " + param(a.action()) + ")"
                     + " ORDER BY c.seq")) {
            while (rs.next()) {
                if (rs.getString(3) != null) {
                    findings.add(Problem.Kind.ROW_REMOVED, a.subject(rs.getString(3), rs.getLong(2)),
                            "the " + a.action() + " logged by entry " + rs.getLong(1), "none");
                }
            }
        }
    }

    private void compareRecord(String subject, Optional<JsonNode> entry, String now, String oldCoverage) {
        if (entry.isEmpty()) {
            return;
        }
        JsonNode record = entry.get().path(CoveredRows.RECORD);
        if (!record.isTextual()) {
            findings.gap(oldCoverage);
        } else if (!record.asText().equals(now)) {
            findings.add(Problem.Kind.ROW_ALTERED, subject, "row sha256 " + record.asText() + " as logged",
                    "row sha256 " + now);
        }
    }
}
