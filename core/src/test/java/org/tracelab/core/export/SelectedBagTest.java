package org.tracelab.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.bag.BagReport;
import org.tracelab.core.export.bag.BagVerifier;
import org.tracelab.core.patterns.CaseScan;
import org.tracelab.core.patterns.IndicatorPacks;
import org.tracelab.core.patterns.RecordedScan;
import org.tracelab.core.patterns.Scanner;
import org.tracelab.core.search.QuerySyntaxException;

/** Bags of the items a query selects, their texts, and the indicator scores of the last scan in the items table. */
class SelectedBagTest {
    private static final Instant AT = Instant.parse("2026-04-01T09:00:00Z");

    @TempDir
    Path tmp;

    /** Ids of: a listing (parent), an ad found on it, an unrelated ad, a Cyrillic ad. All fictitious. */
    private long listing;
    private long dubaiAd;
    private long bakeryAd;
    private long russianAd;

    private Case caseOfAds() throws IOException {
        Case c = Case.create(tmp.resolve("case"), CaseManifest.create("Selection lab (fictitious)", "Cadet B",
                "Training exercise: selected bags (all data fictitious)", "UZ", AT), Clock.systemUTC());
        CaptureSink sink = c.startCapture("file", Map.of("paths", "fictitious"), null);
        listing = store(sink, "/fictitious/listing.txt", "Fictitious listing of jobs in hotels and shops.", null);
        dubaiAd = store(sink, "/fictitious/ad-1.txt", "Fictitious ad: waiter wanted in Dubai. Salary from $2,500 a "
                + "month! On arrival the passport is kept by the employer for safety.", listing);
        bakeryAd = store(sink, "/fictitious/ad-2.txt", "Fictitious ad: baker for a local bakery, salary 4,500,000 "
                + "UZS a month.", listing);
        russianAd = store(sink, "/fictitious/ad-3.txt", "Вымышленное объявление: официант в Дубае.", null);
        c.finishCapture("file", Map.of("items", 4));
        c.ingest(Progress.NONE);
        return c;
    }

    private static long store(CaptureSink sink, String source, String text, Long parent) throws IOException {
        return sink.store(NewItem.of("file", source, AT, "file", "text/plain", parent, Map.of()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).id();
    }

    private static List<CSVRecord> table(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "the bag's CSV starts with a byte order mark, for Excel");
        try (Reader r = new java.io.StringReader(text.substring(1))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void queryBagHoldsTheMatchesTheirParentsAndTheirTextsAndNamesTheQuery() throws Exception {
        Path bag = tmp.resolve("bag");
        try (Case c = caseOfAds()) {
            ExportResult r = Exports.bag(c, bag, null, "waiter", Progress.NONE);
            assertEquals(2, r.records(), "the waiter ad and the listing it was found on");
            assertEquals("waiter", c.summary().lastEntry().orElseThrow().params().path("query").asText());
        }
        BagReport v = new BagVerifier(bag).run(Progress.NONE);
        assertTrue(v.holds(), () -> v.problems().toString());
        Bag loc = new BagReader().read(bag);
        try (var verifier = new gov.loc.repository.bagit.verify.BagVerifier()) {
            verifier.isValid(loc, false);
        }

        String info = Files.readString(bag.resolve("bag-info.txt"), StandardCharsets.UTF_8);
        assertTrue(info.contains("Tracelab-Query: waiter\n"), info);
        assertTrue(info.contains("Tracelab-Selection: 1 items matching the query, and 1 items they were captured "
                + "from"), info);

        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord row : table(bag.resolve("data/items.csv"))) {
            rows.put(row.get("id"), row);
        }
        assertEquals(2, rows.size(), rows::toString);
        assertEquals("match", rows.get(Long.toString(dubaiAd)).get("included_as"));
        assertEquals("parent", rows.get(Long.toString(listing)).get("included_as"));
        assertFalse(rows.containsKey(Long.toString(bakeryAd)), "the listing's other ad stays out");
        assertFalse(rows.containsKey(Long.toString(russianAd)));
        String textPath = rows.get(Long.toString(dubaiAd)).get("text_bag_path");
        assertEquals("data/text/" + dubaiAd + ".txt", textPath);
        assertTrue(Files.readString(bag.resolve(textPath), StandardCharsets.UTF_8).contains("waiter wanted in Dubai"));
        try (Stream<Path> s = Files.walk(bag.resolve("data"))) {
            assertEquals(6, s.filter(Files::isRegularFile).count(), "2 items, 2 texts, custody log, items table");
        }
    }

    @Test
    void malformedQueryIsBadInputWithItsColumnAndLeavesNoFolder() throws IOException {
        Path bag = tmp.resolve("bag");
        try (Case c = caseOfAds()) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                    () -> Exports.bag(c, bag, null, "waiter AND (dubai", Progress.NONE));
            assertTrue(e.caret().endsWith("^"), e.caret());
            assertFalse(c.summary().lastEntry().orElseThrow().action().startsWith("export"), "nothing logged");
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("case"), s.map(p -> p.getFileName().toString()).toList(), "no bag, no .part");
        }
    }

    @Test
    void aBlobMissingWhileCopyingFailsTheExportNamingTheItemAndLeavesNothing() throws IOException {
        Path bag = tmp.resolve("bag");
        try (Case c = caseOfAds()) {
            Files.delete(c.blobs().path(c.item(bakeryAd).blob()));
            TracelabException e = assertThrows(TracelabException.class,
                    () -> Exports.bag(c, bag, null, null, Progress.NONE));
            assertTrue(e.getMessage().contains("item " + bakeryAd), e::getMessage);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("case"), s.map(p -> p.getFileName().toString()).toList(), "no bag, no .part");
        }
    }

    @Test
    void itemsTableCarriesTheLastScansScoresAndIndicatorsAndIsEmptyBeforeAnyScan() throws IOException {
        try (Case c = caseOfAds()) {
            Path before = tmp.resolve("before.jsonl");
            Exports.items(c, before, TableFormat.JSONL, false, Progress.NONE);
            for (String line : Files.readAllLines(before)) {
                assertTrue(org.tracelab.core.Json.parse(line).path("indicator_score").isNull(), line);
            }

            List<CaseScan.Scanned> scanned = CaseScan.run(c, new Scanner(IndicatorPacks.builtIn()));
            RecordedScan.record(c, scanned, Map.of("packs", List.of("en", "ru", "uz"), "minScore", 3));
            RecordedScan last = RecordedScan.last(c).orElseThrow();
            assertTrue(last.score(dubaiAd).orElseThrow() >= 5, "pay far above market and passport kept");

            Path csv = tmp.resolve("items.csv");
            Exports.items(c, csv, TableFormat.CSV, true, Progress.NONE);
            Map<String, CSVRecord> rows = new HashMap<>();
            for (CSVRecord row : table(csv)) {
                rows.put(row.get("id"), row);
            }
            CSVRecord dubai = rows.get(Long.toString(dubaiAd));
            assertEquals(last.score(dubaiAd).orElseThrow(), Double.parseDouble(dubai.get("indicator_score")));
            assertTrue(dubai.get("indicators").contains("travel-documents.passport-handed-over"), dubai::toString);
            assertEquals("0.0", rows.get(Long.toString(bakeryAd)).get("indicator_score"), "scanned, matched nothing");
            assertEquals("", rows.get(Long.toString(bakeryAd)).get("indicators"));
        }
    }

    @Test
    void csvWithoutByteOrderMarkWhenAskedAndJsonLinesNeverHasOne() throws IOException {
        try (Case c = caseOfAds()) {
            Path plain = tmp.resolve("plain.csv");
            Exports.custody(c, plain, TableFormat.CSV, false, Progress.NONE);
            assertTrue(Files.readString(plain).startsWith("seq,"));
            Path marked = tmp.resolve("marked.csv");
            Exports.custody(c, marked, TableFormat.CSV, true, Progress.NONE);
            byte[] b = Files.readAllBytes(marked);
            assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]), "UTF-8 BOM");
            Path jsonl = tmp.resolve("c.jsonl");
            Exports.custody(c, jsonl, TableFormat.JSONL, true, Progress.NONE);
            assertEquals('{', Files.readString(jsonl).charAt(0));
        }
    }
}
