package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    void run() throws SQLException {
        checkTags();
        checkNotes();
    }

    /** A SQL value of an entry's params field, NULL when the params are not JSON (the chain walk names those). */
    private static String param(String field) {
        return "CASE WHEN json_valid(c.params) THEN json_extract(c.params, '$." + field + "') END";
    }

    private void checkTags() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT t.*, (SELECT c.params FROM custody_log c WHERE c.item_id = t.item_id"
                     + " AND c.action = 'tag' AND " + param("tag") + " = t.tag ORDER BY c.seq DESC LIMIT 1) AS logged"
                     + " FROM tags t ORDER BY t.item_id, t.tag")) {
            int columns = rs.getMetaData().getColumnCount() - 1;
            while (rs.next()) {
                String now = RowDigest.of(rs, columns); // first: reading a column another way may convert it
                String subject = "tag '" + rs.getString("tag") + "' of item " + rs.getLong("item_id");
                String logged = rs.getString("logged");
                if (logged == null) {
                    findings.add(Problem.Kind.ROW_UNLOGGED, subject, "a 'tag' custody entry", "none");
                    continue;
                }
                compareRecord(subject, ItemCheck.parse(logged), now, OLD_TAGS);
            }
        }
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.seq, c.item_id, " + param("tag") + " FROM custody_log c"
                     + " WHERE c.action = 'tag' AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.item_id = c.item_id"
                     + " AND t.tag = " + param("tag") + ") ORDER BY c.seq")) {
            while (rs.next()) {
                if (rs.getString(3) != null) {
                    findings.add(Problem.Kind.ROW_REMOVED, "tag '" + rs.getString(3) + "' of item " + rs.getLong(2),
                            "the tag logged by entry " + rs.getLong(1), "none");
                }
            }
        }
    }

    private void checkNotes() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT n.*, (SELECT c.params FROM custody_log c WHERE c.item_id = n.item_id"
                     + " AND c.action = 'note' AND " + param("note") + " = n.id ORDER BY c.seq DESC LIMIT 1) AS logged"
                     + " FROM notes n ORDER BY n.id")) {
            int columns = rs.getMetaData().getColumnCount() - 1;
            while (rs.next()) {
                String now = RowDigest.of(rs, columns); // first: reading a column another way may convert it
                String subject = "note " + rs.getLong("id") + " of item " + rs.getLong("item_id");
                String logged = rs.getString("logged");
                if (logged == null) {
                    findings.add(Problem.Kind.ROW_UNLOGGED, subject, "a 'note' custody entry", "none");
                    continue;
                }
                Optional<JsonNode> entry = ItemCheck.parse(logged);
                String text = rs.getString("text");
                if (entry.isPresent() && !entry.get().path("text").asText().equals(text)) {
                    findings.add(Problem.Kind.ROW_ALTERED, subject, "text '" + entry.get().path("text").asText()
                            + "' as logged", "text '" + text + "'");
                    continue;
                }
                compareRecord(subject, entry, now, OLD_NOTES);
            }
        }
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.seq, c.item_id, " + param("note") + " FROM custody_log c"
                     + " WHERE c.action = 'note' AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.item_id = c.item_id"
                     + " AND n.id = " + param("note") + ") ORDER BY c.seq")) {
            while (rs.next()) {
                if (rs.getString(3) != null) {
                    findings.add(Problem.Kind.ROW_REMOVED, "note " + rs.getString(3) + " of item " + rs.getLong(2),
                            "the note logged by entry " + rs.getLong(1), "none");
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
