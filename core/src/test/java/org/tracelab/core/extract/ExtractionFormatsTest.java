package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-world formats, made by the test, through one shared worker. All names and numbers are fictitious. */
class ExtractionFormatsTest {
    @TempDir
    static Path work;

    static TextExtractor extractor;

    @BeforeAll
    static void startWorker() {
        extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withWorkerHeapMb(384), work.resolve("extract"));
    }

    @AfterAll
    static void stopWorker() {
        extractor.close();
    }

    @Test
    void pdfGivesTextTitleAuthorAndCreationDate(@TempDir Path dir) throws IOException {
        Path pdf = TestDocuments.pdf(dir, "Fictitious vacancy", "Fictitious Agency",
                "Waitress wanted abroad, free housing, call +998 90 000 00 00 (fictitious)");
        try (Extraction x = extractor.extract(pdf, "ad.pdf")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertEquals("application/pdf", x.contentType());
            assertTrue(x.text().contains("Waitress wanted abroad"), x.text());
            assertEquals(Optional.of("Fictitious vacancy"), x.title());
            assertEquals(Optional.of("Fictitious Agency"), x.author());
            assertEquals(Optional.of(Instant.parse("2025-03-14T09:30:00Z")), x.created());
            assertEquals("en", x.language());
        }
    }

    @Test
    void docxGivesParagraphTitleAndAuthor(@TempDir Path dir) throws IOException {
        Path docx = TestDocuments.docx(dir, "Vakansiya", "Chet elda ish: oylik maosh, bepul yotoqxona va ovqat beriladi.");
        try (Extraction x = extractor.extract(docx, "ad.docx")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertTrue(x.contentType().contains("wordprocessingml"), x.contentType());
            assertTrue(x.text().contains("bepul yotoqxona"), x.text());
            assertEquals(Optional.of("Vakansiya"), x.title());
            assertEquals(Optional.of("Fictitious Recruiter"), x.author());
            assertEquals("uz-Latn", x.language());
        }
    }

    @Test
    void xlsxGivesEveryCell(@TempDir Path dir) throws IOException {
        Path xlsx = TestDocuments.xlsx(dir, "Требуются девушки на работу в отель", "Зарплата 900 долларов в месяц");
        try (Extraction x = extractor.extract(xlsx, "list.xlsx")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertTrue(x.text().contains("девушки на работу"), x.text());
            assertTrue(x.text().contains("900 долларов"), x.text());
            assertEquals("ru", x.language());
        }
    }

    @Test
    void odtGivesParagraphAndTitle(@TempDir Path dir) throws IOException {
        Path odt = TestDocuments.odt(dir, "Иш таклифи", "Хорижда иш: ойлик маош, бепул ётоқхона, ҳужжатлар тез тайёр бўлади.");
        try (Extraction x = extractor.extract(odt, "ad.odt")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertEquals("application/vnd.oasis.opendocument.text", x.contentType());
            assertTrue(x.text().contains("бепул ётоқхона"), x.text());
            assertEquals(Optional.of("Иш таклифи"), x.title());
            assertEquals("uz-Cyrl", x.language());
        }
    }

    @Test
    void rtfGivesText(@TempDir Path dir) throws IOException {
        Path rtf = TestDocuments.rtf(dir, "Drivers needed for construction work, visa and ticket provided.");
        try (Extraction x = extractor.extract(rtf, "ad.rtf")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertEquals("application/rtf", x.contentType());
            assertTrue(x.text().contains("visa and ticket provided"), x.text());
        }
    }

    @Test
    void htmlWithBrokenMarkupStillGivesTextAndTitle(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("ad.html");
        Files.writeString(html, "<html><head><title>Ish bor!</title><body><div><p>Oylik maosh 1000$ <b>bepul "
                + "yotoqxona<p>Qizlar kerak, tajriba shart emas <table><tr><td>Telegram: @fictitious_job"
                + "</div></span><p>Murojaat qiling", StandardCharsets.UTF_8);
        try (Extraction x = extractor.extract(html, "ad.html")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertTrue(x.contentType().startsWith("text/html"), x.contentType());
            assertEquals(Optional.of("Ish bor!"), x.title());
            assertTrue(x.text().contains("tajriba shart emas"), x.text());
            assertTrue(x.text().contains("Murojaat qiling"), x.text());
            assertEquals("uz-Latn", x.language());
        }
    }

    @Test
    void emailGivesBodySubjectSenderAndAttachmentAsMember(@TempDir Path dir) throws IOException {
        Path eml = TestDocuments.eml(dir, "Job offer in Dubai", "We offer hotel work abroad, free housing.",
                "contract.txt", "Contract: the worker pays 2000 USD for the visa (fictitious).");
        try (Extraction x = extractor.extract(eml, "offer.eml")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertEquals("message/rfc822", x.contentType());
            assertEquals(Optional.of("Job offer in Dubai"), x.title());
            assertTrue(x.author().orElse("").contains("jobs@agency.example"), x.author().toString());
            assertTrue(x.text().contains("hotel work abroad"), x.text());
            assertEquals(1, x.members().size(), x.members().toString());
            EmbeddedMember attachment = x.members().get(0);
            assertEquals("contract.txt", attachment.name());
            try (InputStream in = attachment.open()) {
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("pays 2000 USD"));
            }
        }
    }

    @Test
    void zipInsideZipIsUnpackedOneItemPerLevel(@TempDir Path dir) throws IOException {
        byte[] ad = "Ishchilar kerak, oylik maosh yaxshi.".getBytes(StandardCharsets.UTF_8);
        byte[] inner = TestDocuments.zipOf("ad.txt", ad);
        Path outer = dir.resolve("outer.zip");
        Files.write(outer, TestDocuments.zipOf("inner.zip", inner));
        try (Extraction x = extractor.extract(outer, "outer.zip")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertEquals("application/zip", x.contentType());
            assertEquals(1, x.members().size());
            EmbeddedMember innerZip = x.members().get(0);
            assertEquals("inner.zip", innerZip.name());
            assertEquals("application/zip", innerZip.contentType());
            try (Extraction y = extractor.extract(innerZip.file(), innerZip.name())) {
                assertEquals(1, y.members().size());
                EmbeddedMember text = y.members().get(0);
                assertEquals("ad.txt", text.name());
                assertTrue(text.contentType().startsWith("text/plain"), text.contentType());
                try (Extraction z = extractor.extract(text.file(), text.name())) {
                    assertTrue(z.text().contains("Ishchilar kerak"), z.text());
                    assertEquals("uz-Latn", z.language());
                }
            }
        }
    }

    @Test
    void closingAnExtractionDeletesItsMemberSpools(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("one.zip");
        Files.write(zip, TestDocuments.zipOf("a.txt", "fictitious".getBytes(StandardCharsets.UTF_8)));
        Extraction x = extractor.extract(zip, "one.zip");
        Path spool = x.members().get(0).file();
        assertTrue(Files.exists(spool));
        x.close();
        assertTrue(Files.notExists(spool));
    }

    @Test
    void streamIsExtractedLikeAFile() throws IOException {
        byte[] html = "<p>Требуются водители, жильё бесплатно</p>".getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new ByteArrayInputStream(html); Extraction x = extractor.extract(in, "ad.html")) {
            assertTrue(x.text().contains("водители"), x.text());
            assertEquals("ru", x.language());
        }
    }

    @Test
    void testHookMarkersAreOrdinaryTextWhenHooksAreOff(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("marker.txt");
        Files.writeString(file, "TRACELAB-TEST-CRASH is just text here", StandardCharsets.US_ASCII);
        try (Extraction x = extractor.extract(file, "marker.txt")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertTrue(x.text().contains("just text here"), x.text());
        }
    }

    @Test
    void missingFileIsAnUnreadableError(@TempDir Path dir) {
        Extraction x = extractor.extract(dir.resolve("gone.pdf"), "gone.pdf");
        assertEquals(ExtractionError.Kind.UNREADABLE, x.error().orElseThrow().kind());
        assertTrue(x.error().orElseThrow().message().contains("gone.pdf"));
    }

    /** The throughput benchmark: small HTML ads one after the other; prints the rate, asserts only correctness. */
    @Test
    void smallHtmlAdsAreExtractedInSequence(@TempDir Path dir) throws IOException {
        int count = 200;
        Path html = dir.resolve("ad.html");
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Files.writeString(html, "<html><head><title>Vakansiya " + i + "</title></head><body><h1>Ish bor</h1>"
                    + "<p>Xorijda ish, oylik maosh " + (500 + i) + " dollar, bepul yotoqxona. Telefon: +998 90 000 "
                    + String.format("%04d", i) + " (fictitious)</p></body></html>", StandardCharsets.UTF_8);
            int n = i;
            try (Extraction x = extractor.extract(html, "ad-" + i + ".html")) {
                assertTrue(x.complete(), () -> "error: " + x.error());
                assertTrue(x.text().contains("oylik maosh " + (500 + n)), x.text());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("extraction throughput: %d small HTML ads in %.2f s = %.0f docs/s%n", count, seconds,
                count / seconds);
    }
}
