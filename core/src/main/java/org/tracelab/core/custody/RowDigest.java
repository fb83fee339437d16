package org.tracelab.core.custody;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;

/**
 * The SHA-256 of a table row as the case stores it, which the custody entry recording the row carries so that
 * {@code verify} can tell the row unchanged: the canonical JSON of every column that is not NULL, named in lower
 * case. Every column counts, so a column added later is covered without a change here; NULLs are left out, so a
 * column added as NULL leaves the digests of older rows as they were.
 */
public final class RowDigest {
    private RowDigest() {
    }

    /** The digest of the row {@code rs} stands on. */
    public static String of(ResultSet rs) throws SQLException {
        return of(rs, rs.getMetaData().getColumnCount());
    }

    /** The digest of the first {@code count} columns of the row {@code rs} stands on; a query may add more. */
    public static String of(ResultSet rs, int count) throws SQLException {
        return Hashing.sha256Hex(canonical(rs, count));
    }

    /**
     * The canonical JSON of {@link #columns}, written straight from the row: the text {@link Json#canonical} gives for
     * that tree (names sorted, the same number, string and base64 forms), without building and sorting a tree per row
     * (ingest takes one for each text it records).
     */
    static String canonical(ResultSet rs, int count) throws SQLException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            write(g, rs, shape(rs, count));
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer does not fail", e);
        }
        return out.toString();
    }

    /**
     * The columns of each prepared statement's rows, kept by statement: reading a row's column names from the driver
     * (a native call each) and sorting them cost more than the rest of the digest of a derived row, and ingest takes
     * two or three digests a text through the same few kept statements. Only prepared statements, whose SQL never
     * changes (a plain statement may run another query next); weak keys, so a statement dropped takes its entry along.
     */
    private static final Map<Statement, Columns> KEPT = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The first {@code count} columns of {@code rs}'s rows: their lowercase names by position, the number of columns
     * the query gives, and the positions (1-based) in the order of the names, or null when a name repeats.
     */
    private record Columns(String[] names, int total, int[] order) {
        static Columns of(ResultSet rs, int count) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            String[] names = new String[count];
            for (int i = 1; i <= count; i++) {
                names[i - 1] = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            }
            // The order a TreeMap of the names iterates in: String's natural order.
            Integer[] byName = new Integer[count];
            for (int i = 0; i < count; i++) {
                byName[i] = i + 1;
            }
            Arrays.sort(byName, (a, b) -> names[a - 1].compareTo(names[b - 1]));
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = byName[i];
                if (i > 0 && names[order[i] - 1].equals(names[order[i - 1] - 1])) {
                    order = null;
                    break;
                }
            }
            return new Columns(names, md.getColumnCount(), order);
        }
    }

    /**
     * The columns of {@code rs}, kept for its statement when that is a prepared one. A statement whose table gained a
     * column since (the migrations only add columns) is prepared again by SQLite and gives one more: counted, so an
     * entry never outlives the shape it describes.
     */
    private static Columns shape(ResultSet rs, int count) throws SQLException {
        if (!(rs.getStatement() instanceof PreparedStatement st)) {
            return Columns.of(rs, count);
        }
        Columns c = KEPT.get(st);
        if (c == null || c.names().length != count || c.total() != rs.getMetaData().getColumnCount()) {
            c = Columns.of(rs, count);
            KEPT.put(st, c);
        }
        return c;
    }

    /** Writes the row {@code rs} stands on as the canonical JSON object of its columns that are not NULL. */
    private static void write(JsonGenerator g, ResultSet rs, Columns columns) throws SQLException, IOException {
        if (columns.order() == null) {
            writeRepeated(g, rs, columns.names());
            return;
        }
        g.writeStartObject();
        for (int i : columns.order()) {
            Object v = rs.getObject(i);
            if (v != null) {
                g.writeFieldName(columns.names()[i - 1]);
                writeValue(g, v);
            }
        }
        g.writeEndObject();
    }

    /** {@link #write} for columns of which two share a name: the last that is not NULL stands for the name. */
    private static void writeRepeated(JsonGenerator g, ResultSet rs, String[] names)
            throws SQLException, IOException {
        Map<String, Object> row = new TreeMap<>();
        for (int i = 1; i <= names.length; i++) {
            Object v = rs.getObject(i);
            if (v != null) {
                row.put(names[i - 1], v);
            }
        }
        g.writeStartObject();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case Integer n -> g.writeNumber(n.longValue());
            case Long n -> g.writeNumber(n);
            case Double d -> g.writeNumber(d);
            case String str -> g.writeString(str);
            case byte[] b -> g.writeBinary(b);
            default -> g.writeString(v.toString());
        }
    }

    /** The digest of rows taken with {@link #columns}, in the order given, e.g. the entities of one item. */
    public static String ofRows(ArrayNode rows) {
        return Hashing.sha256Hex(Json.canonical(rows));
    }

    /**
     * The digest of every row of {@code rs} in the order given; the rows are read. The same as {@link #ofRows(ArrayNode)}
     * of their {@link #columns}, written straight from the rows (ingest takes one for each text it records).
     */
    public static String ofRows(ResultSet rs) throws SQLException {
        Columns columns = null;
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            while (rs.next()) {
                if (columns == null) {
                    columns = shape(rs, rs.getMetaData().getColumnCount());
                }
                write(g, rs, columns);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer does not fail", e);
        }
        return Hashing.sha256Hex(out.toString());
    }

    /**
     * The digest of the one row {@code sql} selects with {@code args}, read back inside the writer's transaction.
     *
     * @throws IllegalStateException when no row matches: the writer just wrote it
     */
    public static String ofRow(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            return ofRow(ps, args);
        }
    }

    /** As {@link #ofRow(Connection, String, Object...)}, with a statement kept by the caller; it is left open. */
    public static String ofRow(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for the statement " + ps);
            }
            return of(rs);
        }
    }

    /** The digest of all rows {@code sql} selects with {@code args}, in its order. */
    public static String ofRows(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return ofRows(rs);
            }
        }
    }

    /** The first {@code count} columns of the row {@code rs} stands on, as the digest takes them. */
    public static ObjectNode columns(ResultSet rs, int count) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        ObjectNode row = Json.MAPPER.createObjectNode();
        for (int i = 1; i <= count; i++) {
            Object v = rs.getObject(i);
            String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            switch (v) {
                case null -> {
                }
                case Integer n -> row.put(name, n.longValue());
                case Long n -> row.put(name, n);
                case Double d -> row.put(name, d);
                case String s -> row.put(name, s);
                case byte[] b -> row.put(name, b);
                default -> row.put(name, v.toString());
            }
        }
        return row;
    }
}
