package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tracelab.core.entities.FoundIn;
import org.tracelab.core.extract.OcrReading;

/** A fictitious flyer's text as Tesseract read it, the {@code +} of its phone made into a {@code 4}. */
class OcrPhoneMentionsTest {
    private static final String READ = "SHOSHILINCH!\nTel: 477755550072\nTo'qima ma'lumot: o'quv uchun";

    @Test
    void aPhoneWhosePlusOcrReadAsFourIsMentionedAsFoundByOcrWithWhatWasRead() throws IOException {
        List<EntityMention> found = new CaseEntities("UZ").find(content(List.of(
                new OcrReading.Span(0, READ.length()))));

        EntityMention phone = found.stream().filter(m -> m.type().equals("phone")).findFirst().orElseThrow();
        assertEquals("+77755550072", phone.value());
        assertEquals("477755550072", phone.raw());
        assertEquals(FoundIn.OCR, phone.foundIn());
    }

    @Test
    void theSameDigitsTypedAsTextAreNotAPhone() throws IOException {
        List<EntityMention> found = new CaseEntities("UZ").find(content(List.of()));

        assertTrue(found.stream().noneMatch(m -> m.type().equals("phone")), found.toString());
    }

    private static ItemContent content(List<OcrReading.Span> ocr) {
        return new ItemContent(READ, "file:///flyer.png", "image/png", Path.of("flyer.png"), Optional.empty(), ocr);
    }
}
