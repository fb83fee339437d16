package org.tracelab.core.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.TracelabException;

class ScannerTest {
    private static final Scanner ALL = new Scanner(IndicatorPacks.builtIn());

    private static Indicator indicator(String id, double weight, String query) {
        return new Indicator(id, id.substring(0, id.indexOf('.')), weight, "test indicator", "test indicator", "test", query,
                List.of(), List.of());
    }

    @Test
    void tenHitsOfOneCategoryScoreLessThanThreeCategories() {
        IndicatorPack pack = new IndicatorPack("t", PackLanguage.EN, "test", List.of(
                indicator("offer.a", 2, "alpha"), indicator("offer.b", 2, "beta"), indicator("offer.c", 2, "gamma"),
                indicator("offer.d", 2, "delta"), indicator("travel.e", 1, "visa"), indicator("debt.f", 1, "fee"),
                indicator("control.g", 1, "curfew")));
        Scanner scanner = new Scanner(List.of(pack));
        ScanResult oneKind = scanner.scan("one", "alpha beta gamma delta alpha beta gamma delta");
        ScanResult threeKinds = scanner.scan("three", "a visa, a fee and a curfew");
        assertEquals(4, oneKind.hits().size());
        assertEquals(2.0, oneKind.score());
        assertEquals(3.0, threeKinds.score());
        assertEquals(List.of("three", "one"), Scanner.rank(List.of(oneKind, threeKinds), 0).stream()
                .map(ScanResult::itemId).toList());
    }

    @Test
    void passagesAreTheSentencesWithTheMatchedWordsMarked() {
        ScanResult r = ALL.scan("ad", "Nice city. On arrival the passport is kept by the employer for safety. Call us.");
        IndicatorHit hit = r.hits().stream()
                .filter(h -> h.indicator().id().equals("travel-documents.passport-handed-over")).findFirst()
                .orElseThrow();
        Passage p = hit.passages().get(0);
        assertEquals("On arrival the passport is kept by the employer for safety.", p.text());
        assertTrue(p.marked("[", "]").contains("[passport]"), p.marked("[", "]"));
        assertEquals("passport", "Nice city. On arrival the passport is kept".substring(
                p.span().start() + p.matches().get(0).start(), p.span().start() + p.matches().get(0).end()));
    }

    @Test
    void oneUzbekPackMatchesLatinAndCyrillicAndEveryApostrophe() {
        for (String text : List.of("Faqat Telegramga yozing, qo'ng'iroq qilmang.",
                "Faqat Telegramga yozing, qoʻngʻiroq qilmang.", "Фақат Телеграмга ёзинг, қўнғироқ қилманг.")) {
            assertTrue(ALL.scan("x", text).indicatorIds().contains("off-platform-contact.telegram-only"), text);
        }
    }

    @Test
    void wildcardPhraseOverALargeVocabularyStillMatches() {
        IndicatorPack pack = new IndicatorPack("t", PackLanguage.EN, "test", List.of(
                indicator("offer.wild", 2, "\"ish* bor\"")));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("ishx").append(i).append(' ');  // 3,000 distinct terms the wildcard expands to
        }
        text.append("ishlar bor");
        List<ScanResult> found = new java.util.ArrayList<>();
        new Scanner(List.of(pack)).scanBatch(List.of(new ScanDocument("big", text.toString())), found::add);
        assertEquals(List.of("offer.wild"), found.get(0).indicatorIds().stream().toList());
    }

    @Test
    void anIdMatchedInTwoLanguagesIsOneHit() {
        ScanResult r = ALL.scan("mixed", "Write only in Telegram, no calls. Пишите только в Телеграм, звонки не принимаю.");
        assertEquals(1, r.indicatorIds().stream().filter("off-platform-contact.telegram-only"::equals).count());
    }

    @Test
    void aBatchScanFindsWhatScanningTextByTextFinds() {
        List<ScanDocument> docs = List.of(
                new ScanDocument("en", "Only girls 18 to 25 with attractive appearance. Write only in Telegram, no calls."),
                new ScanDocument("plain", "Selling a grey sofa, pick-up from Tashkent."),
                new ScanDocument("uz", "Паспортлар менежерга топширилади. Til bilish shart emas."),
                new ScanDocument("ru", "Телефоны сдаются на рабочую неделю. Вылет через 5 дней, места ограничены!"));
        List<ScanResult> batch = new java.util.ArrayList<>();
        ALL.scanBatch(docs, batch::add);
        List<ScanResult> one = docs.stream().map(d -> ALL.scan(d.itemId(), d.text()))
                .filter(r -> !r.hits().isEmpty()).toList();
        assertEquals(List.of("en", "uz", "ru"), batch.stream().map(ScanResult::itemId).toList());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(new java.util.TreeSet<>(one.get(i).indicatorIds()),
                    new java.util.TreeSet<>(batch.get(i).indicatorIds()));
            assertEquals(one.get(i).score(), batch.get(i).score());
            assertEquals(one.get(i).hits().get(0).passages().isEmpty(), false);
        }
    }

    @Test
    void anOrdinaryAdMatchesNothing() {
        ScanResult r = ALL.scan("cashier", "A supermarket in Tashkent is hiring a cashier. Shifts 2/2 from 8:00 to "
                + "20:00, official employment and paid training. Salary 3,500,000 UZS. Come for an interview with "
                + "your CV.");
        assertEquals(List.of(), r.indicatorIds());
        assertEquals(0.0, r.score());
    }

    @Test
    void aPackWithABadQueryIsBadInputNamingFileAndIndicator(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, """
                {"name": "mine", "language": "en", "indicators": [{"id": "x.y", "category": "x", "weight": 1,
                 "description": "d", "source": "s", "query": "\\"unclosed phrase"}]}""");
        IndicatorPack pack = IndicatorPacks.read(file);
        TracelabException e = assertThrows(TracelabException.class, () -> new Scanner(List.of(pack)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("x.y"), e.getMessage());
    }

    @Test
    void aPackFieldOfTheWrongTypeIsNamedByItsJsonPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"name": "bad", "language": "en", "indicators": [{"id": "x.y", "category": "x", "weight": "high",
                 "description": "d", "source": "s", "query": "q"}]}""");
        TracelabException e = assertThrows(TracelabException.class, () -> IndicatorPacks.read(file));
        assertTrue(e.getMessage().contains("$.indicators[0].weight"), e.getMessage());
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
    }

    @Test
    void packTestReportsAnExampleThatDoesNotMatch() {
        Indicator i = new Indicator("x.y", "x", 1, "d", "d", "s", "passport", List.of("no such word here"),
                List.of("my passport"));
        PackTest.Report report = PackTest.run(new IndicatorPack("t", PackLanguage.EN, "test", List.of(i)));
        assertFalse(report.passed());
        assertEquals(2, report.misses().size());
        assertTrue(report.misses().get(0).shouldMatch());
        assertFalse(report.misses().get(1).shouldMatch());
    }

    @Test
    void aFuzzyWordInsideAPhraseIsBadInputNamingTheIndicatorNotACrashMidScan(@TempDir Path dir) throws IOException {
        // Found by IndicatorPackFuzzTest: the complex-phrase parser accepts it and fails only on matching text.
        Path file = dir.resolve("fuzzy.json");
        Files.writeString(file, """
                {"name": "fuzzy", "language": "en", "indicators": [{"id": "x.fuzzy", "category": "x", "weight": 1,
                 "description": "d", "source": "s", "query": "\\"no~need to speak\\"~2"}]}""");
        Scanner scanner = new Scanner(List.of(IndicatorPacks.read(file)));
        TracelabException e = assertThrows(TracelabException.class,
                () -> scanner.scan("1", "Fictitious ad: work abroad, free visa, passport kept by the agency."));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("x.fuzzy"), e.getMessage());
    }
}
