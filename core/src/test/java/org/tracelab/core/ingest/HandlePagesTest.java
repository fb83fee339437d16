package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tracelab.core.entities.FoundIn;
import org.tracelab.core.entities.MarkupLinks;
import org.tracelab.core.extract.OcrReading;

/** Handles and messenger links in a set of fictitious pages: all found, none false, each where it was found. */
class HandlePagesTest {

    @Test
    void everyIdentifierOfThePagesIsFoundAndNoneIsFalse() throws IOException {
        List<HandlePageSet.Result> results = HandlePageSet.run();
        Path out = Path.of("target", "handle-pages.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, HandlePageSet.table(results));
        for (HandlePageSet.Result r : results) {
            assertEquals(Set.of(), r.missed(), r.page().file() + ": missed");
            assertEquals(Set.of(), r.falseFinds(), r.page().file() + ": false");
        }
    }

    @Test
    void aMessengerButtonIsFoundInALinkWithTheUrlAsWritten() throws IOException {
        Path page = HandlePageSet.file("ad-ru.html");
        String markup = Files.readString(page);
        List<EntityMention> found = new CaseEntities("UZ").find(new ItemContent("Написать", "https://jobs.example/2",
                "text/html; charset=UTF-8", page));
        EntityMention tg = found.stream().filter(m -> m.type().equals("telegram")).findFirst().orElseThrow();
        assertEquals(FoundIn.LINK, tg.foundIn());
        assertEquals("https://telegram.me/sample_hr_ru_demo", tg.raw());
        assertEquals(tg.raw(), markup.substring(tg.start(), tg.end()), "offsets are the URL's in the markup");
        assertTrue(found.stream().noneMatch(m -> m.type().equals("url")), "links themselves are no identifiers");
    }

    @Test
    void linksTheExtractionReadAreTakenAsTheyAreWithoutReadingTheMarkupAgain() throws IOException {
        Path gone = Path.of("target", "no-such-page.html"); // never read: the links came with the extraction
        List<EntityMention> found = new CaseEntities("UZ").find(new ItemContent("Yozing", "https://jobs.example/3",
                "text/html; charset=UTF-8", gone, Optional.of(List.of(new MarkupLinks.Link(
                        "https://t.me/sample_from_parse_demo", 40)))));
        assertEquals(List.of("telegram"), found.stream().map(EntityMention::type).toList());
        assertEquals(40, found.get(0).start());
    }

    @Test
    void textMentionsComeFirstThenLinks() throws IOException {
        Path page = HandlePageSet.file("ad-uz.html");
        List<EntityMention> found = new CaseEntities("UZ").find(new ItemContent("Aloqa uchun: @sample_recruiter_demo",
                "https://jobs.example/1", "text/html", page));
        assertEquals(FoundIn.TEXT, found.get(0).foundIn());
        assertEquals(FoundIn.LINK, found.get(found.size() - 1).foundIn());
    }

    @Test
    void anImagesTextIsFoundByOcrAndHasNoLinks() throws IOException {
        Path page = HandlePageSet.file("ad-uz.html"); // its markup must not be read for an image
        List<EntityMention> found = new CaseEntities("UZ").find(new ItemContent("Tel: 90 123 45 67",
                "/evidence/flyer.png", "image/png", page, Optional.empty(), List.of(new OcrReading.Span(0, 17))));
        assertEquals(List.of(FoundIn.OCR), found.stream().map(EntityMention::foundIn).toList());
    }

    @Test
    void onlyWhatOcrReadOfAScannedPdfIsFoundByOcr() throws IOException {
        Path page = HandlePageSet.file("ad-uz.html");
        String text = "Contract page 1: call +998 90 123 45 67\n\nScanned page 2: Tel 90 765 43 21\n";
        int scanned = text.indexOf("Scanned");
        List<EntityMention> found = new CaseEntities("UZ").find(new ItemContent(text, "/evidence/contract.pdf",
                "application/pdf", page, Optional.empty(), List.of(new OcrReading.Span(scanned, text.length()))));
        assertEquals(List.of(FoundIn.TEXT, FoundIn.OCR), found.stream().map(EntityMention::foundIn).toList());
    }
}
