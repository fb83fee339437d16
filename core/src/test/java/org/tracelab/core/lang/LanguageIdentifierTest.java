package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accuracy on a labelled sample of fictitious ads (40 per language), and the cases that matter most. */
class LanguageIdentifierTest {
    /** Floors reached when the sample was written; a change that drops below them is a regression. */
    static final double OVERALL_FLOOR = 0.95;
    static final double PER_LANGUAGE_FLOOR = 0.85;

    static LanguageIdentifier identifier;

    @BeforeAll
    static void load() {
        identifier = LanguageIdentifier.standard();
    }

    @Test
    void labelledSampleIsIdentifiedAboveTheFloor() throws IOException {
        Confusion c = Confusion.of(identifier, Confusion.read("labelled-ads.tsv"));
        String report = c.report("language identification, fictitious ads");
        System.out.print(report);
        assertTrue(c.accuracy() >= OVERALL_FLOOR, report);
        for (String tag : c.labels()) {
            assertTrue(c.recall(tag) >= PER_LANGUAGE_FLOOR, tag + " recall\n" + report);
        }
    }

    @Test
    void uzbekCyrillicIsNotRussian() {
        assertEquals("uz-Cyrl", identifier.identify("Ишчилар керак, маош яхши").tag());
        assertEquals("ru", identifier.identify("Нужны рабочие, зарплата хорошая").tag());
    }

    @Test
    void uzbekLatinWithAnyApostropheIsUzbek() {
        assertEquals("uz-Latn", identifier.identify("To‘lov o‘z vaqtida").tag());
        assertEquals("uz-Latn", identifier.identify("Toʻlov oʻz vaqtida").tag());
        assertEquals("uz-Latn", identifier.identify("To'lov o'z vaqtida").tag());
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertEquals("und", identifier.identify("+998 90 000 00 00").tag());
        assertEquals("und", identifier.identify("").tag());
    }

    @Test
    void otherLanguagesFallThroughToOptimaize() {
        assertEquals("de", identifier.identify(
                "Wir suchen Mitarbeiter für unser Hotel in Berlin, die Unterkunft ist kostenlos.").tag());
    }
}
