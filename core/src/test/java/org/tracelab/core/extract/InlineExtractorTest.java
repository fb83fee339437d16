package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineExtractorTest {
    @TempDir
    Path dir;

    @Test
    void htmlGivesTitleAndVisibleTextWithoutScriptsOrStyles() throws IOException {
        Path page = dir.resolve("ad");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>Ish bor (fictitious)</title>"
                + "<style>p{color:red}</style><script>document.title='PWNED'</script></head>"
                + "<body><h1>Oshpaz kerak</h1><p>Maosh 500$ <b>unclosed<div>Tel: 90 000 00 00</body>",
                StandardCharsets.UTF_8);
        Extraction x = InlineExtractor.tryExtract(page, "ad", 1000).orElseThrow();
        assertEquals("Ish bor (fictitious)", x.title().orElseThrow());
        assertTrue(x.text().contains("Oshpaz kerak\nMaosh 500$ unclosed\nTel: 90 000 00 00"), x.text());
        assertFalse(x.text().contains("PWNED") || x.text().contains("color"), x.text());
        assertTrue(x.contentType().startsWith("text/html"), x.contentType());
        assertTrue(x.complete());
    }

    @Test
    void htmlInItsDeclaredCharsetIsDecoded() throws IOException {
        Path page = dir.resolve("ru.html");
        Files.write(page, "<html><head><meta charset=\"windows-1251\"></head><body>Работа за границей</body></html>"
                .getBytes(Charset.forName("windows-1251")));
        assertEquals("Работа за границей", InlineExtractor.tryExtract(page, "ru.html", 1000).orElseThrow().text());
    }

    @Test
    void plainUtf8TextIsCutAtTheWriteLimitAndMarked() throws IOException {
        Path text = dir.resolve("long.txt");
        Files.writeString(text, "ish bor ".repeat(100), StandardCharsets.UTF_8);
        Extraction x = InlineExtractor.tryExtract(text, "long.txt", 50).orElseThrow();
        assertEquals(50, x.text().length());
        assertTrue(x.truncated());
    }

    @Test
    void whatIsNotSmallHtmlOrUtf8TextGoesToTheWorker() throws IOException {
        Path latin1 = dir.resolve("old.txt");
        Files.write(latin1, "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(InlineExtractor.tryExtract(latin1, "old.txt", 1000).isEmpty(), "not UTF-8: Tika detects charsets");
        Path bin = dir.resolve("hang.bin");
        Files.writeString(bin, "TRACELAB-TEST-HANG", StandardCharsets.US_ASCII);
        assertTrue(InlineExtractor.tryExtract(bin, "hang.bin", 1000).isEmpty(), "unknown kinds go to the worker");
        Path big = dir.resolve("big.html");
        Files.write(big, new byte[(int) InlineExtractor.MAX_BYTES + 1]);
        assertTrue(InlineExtractor.tryExtract(big, "big.html", 1000).isEmpty(), "large documents go to the worker");
    }
}
