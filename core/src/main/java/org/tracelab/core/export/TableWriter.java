package org.tracelab.core.export;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tracelab.core.Json;

/**
 * Writes rows of named cells as CSV or JSON Lines. Text cells of CSV pass through {@link SpreadsheetSafe}; JSON keeps
 * every value exactly. The writer given is flushed, not closed: its opener closes it.
 *
 * <p>A CSV may start with a byte order mark: Excel reads a CSV without one in the machine's ANSI code page, which
 * turns Cyrillic and Uzbek text into mojibake, and reads it as UTF-8 with one. LibreOffice and Google Sheets accept
 * either. JSON Lines never has one (RFC 8259 forbids it).
 */
final class TableWriter implements AutoCloseable {
    private final TableFormat format;
    private final Writer out;
    private final List<String> columns;
    private final CSVPrinter csv;

    /** Byte order mark, written as the first character of a CSV when asked. */
    static final char BOM = '\uFEFF';

    TableWriter(TableFormat format, boolean bom, Writer out, List<String> columns) throws IOException {
        this.format = format;
        this.out = out;
        this.columns = List.copyOf(columns);
        if (bom && format == TableFormat.CSV) {
            out.write(BOM);
        }
        // RFC 4180: comma, double quotes, CRLF after every record, a header line.
        this.csv = format == TableFormat.CSV
                ? new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get())
                : null;
    }

    /** One row; {@code cells} has a value (or null) for every column, in column order. */
    void row(List<?> cells) throws IOException {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + cells.size() + " cells");
        }
        if (csv != null) {
            for (Object cell : cells) {
                csv.print(cell instanceof String s ? SpreadsheetSafe.cell(s) : cell);
            }
            csv.println();
        } else {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                o.put(columns.get(i), cells.get(i));
            }
            out.write(Json.write(o));
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        out.flush();
    }

    TableFormat format() {
        return format;
    }
}
