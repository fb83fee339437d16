package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.entities.MarkupLinks;

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
        Extraction x = InlineExtractor.tryExtract(page, "ad", Optional.empty(), 1000).orElseThrow();
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
        assertEquals("Работа за границей", InlineExtractor.tryExtract(page, "ru.html", Optional.empty(), 1000).orElseThrow().text());
    }

    @Test
    void thePagesLinksComeFromTheParseOfItsTextAsIfTheMarkupWereReadOnItsOwn() throws IOException {
        // A byte-order mark, links in the head, in a script-free noscript and in a data attribute (fictitious).
        Path page = dir.resolve("links.html");
        Files.write(page, ("\uFEFF<html><head><link rel=canonical href=\"https://example.org/ad/1\">"
                + "<script>var u = 'https://t.me/not_a_link';</script></head><body>"
                + "<noscript><a href=\"https://t.me/from_noscript\">x</a></noscript>"
                + "<p>Ish bor <a href=\"https://t.me/lab_fictitious\">Telegram</a></p>"
                + "<button data-href=\"https://wa.me/998900000000\">Yozish</button></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        Extraction x = InlineExtractor.tryExtract(page, "links.html", Optional.empty(), 1000).orElseThrow();
        List<MarkupLinks.Link> fromFile = MarkupLinks.read(page);
        assertEquals(fromFile, x.links().orElseThrow());
        assertEquals(4, fromFile.size(), fromFile.toString());
        assertFalse(x.text().contains("not_a_link"), x.text());
    }

    @Test
    void plainUtf8TextIsCutAtTheWriteLimitAndMarked() throws IOException {
        Path text = dir.resolve("long.txt");
        Files.writeString(text, "ish bor ".repeat(100), StandardCharsets.UTF_8);
        Extraction x = InlineExtractor.tryExtract(text, "long.txt", Optional.empty(), 50).orElseThrow();
        assertEquals(50, x.text().length());
        assertTrue(x.truncated());
    }

    @Test
    void whatIsNotSmallHtmlOrUtf8TextGoesToTheWorker() throws IOException {
        Path latin1 = dir.resolve("old.txt");
        Files.write(latin1, "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(InlineExtractor.tryExtract(latin1, "old.txt", Optional.empty(), 1000).isEmpty(), "not UTF-8: Tika detects charsets");
        Path bin = dir.resolve("hang.bin");
        Files.writeString(bin, "TRACELAB-TEST-HANG", StandardCharsets.US_ASCII);
        assertTrue(InlineExtractor.tryExtract(bin, "hang.bin", Optional.empty(), 1000).isEmpty(), "unknown kinds go to the worker");
        Path big = dir.resolve("big.html");
        Files.write(big, new byte[(int) InlineExtractor.MAX_BYTES + 1]);
        assertTrue(InlineExtractor.tryExtract(big, "big.html", Optional.empty(), 1000).isEmpty(), "large documents go to the worker");
    }

    @Test
    void aMetaThatLiesAboutItsCharsetIsOverruledByUtf8Bytes() throws IOException {
        Path page = dir.resolve("lying.html");
        Files.write(page, ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>招聘 (fictitious)</title></head><body><p>Работа за границей, 招聘服务员</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        Extraction x = InlineExtractor.tryExtract(page, "lying.html", Optional.empty(), 1000).orElseThrow();
        assertEquals("Работа за границей, 招聘服务员", x.text());
        assertEquals("招聘 (fictitious)", x.title().orElseThrow());
        assertEquals("UTF-8 (meta declares gb2312 but the bytes are UTF-8)", x.charset().orElseThrow());
    }

    @Test
    void theHttpHeaderCharsetComesBeforeTheMetaAndAByteOrderMarkBeforeBoth() throws IOException {
        Path page = dir.resolve("header.html");
        byte[] cp1251 = "<html><head><meta charset=\"utf-8\"></head><body>Работа</body></html>"
                .getBytes(Charset.forName("windows-1251"));
        Files.write(page, cp1251);
        Extraction x = InlineExtractor.tryExtract(page, "header.html", Optional.of("text/html; charset=windows-1251"),
                1000).orElseThrow();
        assertEquals("Работа", x.text());
        assertEquals("windows-1251 (HTTP Content-Type declares windows-1251)", x.charset().orElseThrow());
        byte[] body = "<html><body>Ish bor</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[body.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(body, 0, marked, 3, body.length);
        Files.write(page, marked);
        Extraction y = InlineExtractor.tryExtract(page, "header.html", Optional.of("text/html; charset=windows-1251"),
                1000).orElseThrow();
        assertEquals("Ish bor", y.text());
        assertEquals("UTF-8 (byte-order mark)", y.charset().orElseThrow());
    }

    @Test
    void undeclaredLegacyBytesAreDetected() throws IOException {
        Path page = dir.resolve("old.html");
        Files.write(page, ("<html><body><p>Требуются девушки для работы официантками в кафе за границей. Жильё и"
                + " питание бесплатно, визу оформим сами, звоните по телефону.</p></body></html>")
                .getBytes(Charset.forName("windows-1251")));
        Extraction x = InlineExtractor.tryExtract(page, "old.html", Optional.empty(), 1000).orElseThrow();
        assertTrue(x.text().startsWith("Требуются девушки"), x.text());
        assertTrue(x.charset().orElseThrow().startsWith("windows-1251 (no mark, header or meta; detected"),
                x.charset().orElseThrow());
    }

    @Test
    void aPageWithoutTitleIsNamedByItsOgTitleThenByItsFirstHeading() throws IOException {
        Path page = dir.resolve("og.html");
        Files.writeString(page, "<html><head><meta property=\"og:title\" content=\"Oshpaz kerak (fictitious)\">"
                + "</head><body><h1>Other heading</h1><p>Maosh 500$</p></body></html>", StandardCharsets.UTF_8);
        assertEquals("Oshpaz kerak (fictitious)",
                InlineExtractor.tryExtract(page, "og.html", Optional.empty(), 1000).orElseThrow().title().orElseThrow());
        Files.writeString(page, "<html><body><svg><title>logo</title></svg><h1>Ofitsiant <i>kerak</i></h1>"
                + "<p>Maosh 500$</p></body></html>", StandardCharsets.UTF_8);
        assertEquals("Ofitsiant kerak",
                InlineExtractor.tryExtract(page, "og.html", Optional.empty(), 1000).orElseThrow().title().orElseThrow());
        Files.writeString(page, "<p>before the head</p><title>Late title (fictitious)</title><p>Maosh</p>",
                StandardCharsets.UTF_8);
        assertEquals("Late title (fictitious)",
                InlineExtractor.tryExtract(page, "og.html", Optional.empty(), 1000).orElseThrow().title().orElseThrow());
    }

    @Test
    void rubyAnnotationsStayOutOfTheWordsTheyAnnotate() throws IOException {
        Path page = dir.resolve("ruby.html");
        Files.writeString(page, "<html><body><p><ruby>東<rp>(</rp><rt>とう</rt><rp>)</rp>京<rt>きょう</rt></ruby>で"
                + "働く</p></body></html>", StandardCharsets.UTF_8);
        Extraction x = InlineExtractor.tryExtract(page, "ruby.html", Optional.empty(), 1000).orElseThrow();
        assertEquals("東京で働く", x.text());
        assertEquals("東京で働く", x.mainText().orElseThrow());
    }

    @Test
    void aPageKeepsItsFullTextAndGetsItsMainTextWithoutFurniture() throws IOException {
        Path page = dir.resolve("ad.html");
        Files.writeString(page, TestPages.adWithFurniture("+998 71 200 00 00", "Oshpaz kerak"),
                StandardCharsets.UTF_8);
        Extraction x = InlineExtractor.tryExtract(page, "ad.html", Optional.empty(), 100_000).orElseThrow();
        String main = x.mainText().orElseThrow();
        assertTrue(main.contains("Oshpaz kerak") && main.contains("+998 90 111 22 33"), main);
        for (String furniture : List.of("+998 71 200 00 00", "cookies", "Bosh sahifa", "Telegram", "O'xshash")) {
            assertFalse(main.contains(furniture), furniture + " in " + main);
            assertTrue(x.text().contains(furniture), furniture + " missing from the full text");
        }
    }

    /** The title as jsoup's queries found it before the extraction walked for it itself: kept as its specification. */
    private static Optional<String> titleByQueries(Document doc) {
        for (Element t : doc.getElementsByTag("title")) {
            if (t.closest("svg") == null && !t.text().isBlank()) {
                return Optional.of(t.text().strip());
            }
        }
        String og = doc.select("meta[property=og:title], meta[name=og:title]").attr("content");
        if (!og.isBlank()) {
            return Optional.of(og.strip());
        }
        Element h1 = doc.selectFirst("h1");
        String h = h1 == null ? "" : BlockText.of(h1).replace('\n', ' ');
        return h.isBlank() ? Optional.empty() : Optional.of(h.strip());
    }

    @Test
    void theTitleAndAuthorAreWhatJsoupsQueriesFoundInHostileMarkupAfterItsRemovals() {
        List<String> pages = new ArrayList<>(RandomMarkup.pages(23, 2_000, 60));
        pages.add("<svg><title>pic</title></svg><meta name=og:title><meta name=og:title content=' og '><h1>h</h1>");
        pages.add("<body><h1> <b>one</b><div>two</div> </h1><meta name=author><meta name=AUTHOR content=A></body>");
        pages.add("<noscript><title>n</title><meta name=author content=N><h1>x</h1></noscript><template><h1>t</h1>"
                + "</template><h1 content=c name=author>h<script>s</script></h1><meta name=author content=M>");
        pages.add("<title>a<template>b</template></title><svg><title><style>s</style></title></svg><title> </title>");
        for (String html : pages) {
            Document before = Jsoup.parse(html);
            for (Element e : before.select("script, style, noscript, template")) {
                e.remove();
            }
            Document after = Jsoup.parse(html);
            PageHead head = PageHead.takeOutNotText(after);
            assertEquals(before.outerHtml(), after.outerHtml(), html);
            assertEquals(titleByQueries(before), head.title(), html);
            String author = before.select("meta[name=author]").attr("content");
            assertEquals(author.isBlank() ? Optional.empty() : Optional.of(author.strip()), head.author(), html);
        }
    }
}
