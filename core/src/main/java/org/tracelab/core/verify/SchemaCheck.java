package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tracelab.core.internal.CaseDatabase;

/**
 * The database's schema is this build's (tables, indexes and triggers exactly as the migrations make them: an edited
 * trigger or default would change what the case enforces), and each applied schema step is the one logged by the
 * {@code case.init} or {@code case.migrate} entry that applied it.
 */
final class SchemaCheck {
    static final String OLD_STEPS = "schema steps applied before they were logged: when they ran is not under the"
            + " chain";

    private SchemaCheck() {
    }

    static final String READ_THROUGH_COPY = "case.db is at schema step %d, older than this build's %d: read through an"
            + " upgraded copy in memory, the file unchanged; the steps after %d are checked once a writing command"
            + " has upgraded the case and logged it";

    /**
     * @param copiedAtVersion the file's schema version when {@code conn} is an upgraded copy of it in memory, else 0:
     *                        the steps the copy added are this build's by construction and not in the chain yet
     */
    static void run(Connection conn, int copiedAtVersion, Findings findings) throws SQLException {
        Map<String, String> expected = byName(CaseDatabase.expectedSchema());
        Map<String, String> found = byName(CaseDatabase.schema(conn));
        Map<String, String> all = new TreeMap<>(expected);
        found.forEach(all::putIfAbsent);
        for (String name : all.keySet()) {
            String want = expected.getOrDefault(name, "no such object");
            String got = found.getOrDefault(name, "no such object");
            if (!want.equals(got)) {
                findings.add(Problem.Kind.DATABASE_DAMAGED, "case.db schema: " + name, want, got);
            }
        }
        if (copiedAtVersion > 0) {
            findings.gap(READ_THROUGH_COPY.formatted(copiedAtVersion, CaseDatabase.latestVersion(), copiedAtVersion));
        }
        checkSteps(conn, copiedAtVersion, findings);
    }

    private static void checkSteps(Connection conn, int copiedAtVersion, Findings findings) throws SQLException {
        Map<Integer, JsonNode> logged = new HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT params FROM custody_log WHERE action IN ('case.init',"
                     + " 'case.migrate') ORDER BY seq")) {
            while (rs.next()) {
                ItemCheck.parse(rs.getString(1)).ifPresent(p -> p.path("schema")
                        .forEach(step -> logged.put(step.path("version").asInt(), step)));
            }
        }
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, name, applied_at FROM schema_migrations"
                     + (copiedAtVersion > 0 ? " WHERE version <= " + copiedAtVersion : "") + " ORDER BY version")) {
            while (rs.next()) {
                // Types first: a single bit makes a text a blob of the same bytes, which reads back as the same text.
                boolean typed = rs.getObject(2) instanceof String && rs.getObject(3) instanceof String;
                JsonNode step = logged.get(rs.getInt(1));
                String now = rs.getInt(1) + " " + rs.getString(2) + " at " + rs.getString(3);
                if (!typed) {
                    findings.add(Problem.Kind.ROW_ALTERED, "schema step " + rs.getInt(1), "its name and time as text",
                            "a blob");
                    continue;
                }
                if (step == null) {
                    findings.gap(OLD_STEPS);
                    continue;
                }
                String then = step.path("version").asInt() + " " + step.path("name").asText() + " at "
                        + step.path("appliedAt").asText();
                if (!then.equals(now)) {
                    findings.add(Problem.Kind.ROW_ALTERED, "schema step " + rs.getInt(1), "step " + then
                            + " as logged", "step " + now);
                }
            }
        }
    }

    /** Rows {@code type|name|table|sql} keyed by name. */
    private static Map<String, String> byName(List<String> rows) {
        Map<String, String> out = new TreeMap<>();
        for (String r : rows) {
            String[] parts = r.split("\\|", 3);
            out.put(parts[1], r);
        }
        return out;
    }
}
