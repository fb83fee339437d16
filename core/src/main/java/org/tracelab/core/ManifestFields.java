package org.tracelab.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level fields of a JSON object, parsed by SQLite's JSON functions: the case database's connection is open
 * in every command that reads a manifest, and its parser costs nothing to start (see {@link CaseFolder}).
 */
final class ManifestFields {
    private ManifestFields() {
    }

    /**
     * One field's value: its JSON type as SQLite names it ({@code text}, {@code integer}, {@code real},
     * {@code true}, {@code false}, {@code null}, {@code object}, {@code array}) and, for a scalar, the value.
     */
    record Field(String type, Object atom) {
    }

    /**
     * The fields of the JSON object {@code text}, in order; of a name given twice, the last value, as a JSON reader
     * building a tree keeps.
     *
     * @throws IllegalArgumentException when the text is not strict JSON (RFC 8259) or not an object
     */
    static Map<String, Field> parse(String text, Connection db) throws SQLException {
        // json_valid with its default flags accepts RFC 8259 JSON only, where the other functions also take JSON5.
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT json_valid(?1), CASE WHEN json_valid(?1) THEN json_type(?1) END")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new IllegalArgumentException("malformed JSON");
                }
                if (!"object".equals(rs.getString(2))) {
                    throw new IllegalArgumentException("not a JSON object");
                }
            }
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT key, type, atom FROM json_each(?1)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    fields.remove(key);
                    fields.put(key, new Field(rs.getString(2), rs.getObject(3)));
                }
            }
        }
        return fields;
    }
}
