package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identifier reading texts line by line, with lines kept ({@link LineReadings}), answers as the whole-text reading
 * before it ({@link LanguageIdentifierReference}) did: the same tag and the same confidence to the bit, on the
 * corpora's texts whole and cut, on mixes of their lines (lines recurring in texts of both scripts, the way a site's
 * pages and ad records repeat them), and on hostile texts (apostrophes of every kind at line ends, letters outside the
 * basic plane, lone surrogates, Greek capital sigma, dotted capital I, every telling letter, texts past the 5,000
 * characters read). Each with lines kept as by default and with so few kept that they are dropped all the time.
 */
class LanguageIdentifierLinesTest {
    private static Map<String, Set<String>> words;
    private static LanguageIdentifierReference reference;
    private static List<String> corpus;

    @BeforeAll
    static void load() throws IOException {
        words = LanguageIdentifier.bundledWords();
        reference = new LanguageIdentifierReference(words);
        corpus = new ArrayList<>();
        for (String resource : List.of("labelled-ads.tsv", "udhr/udhr-wide.tsv", "udhr/udhr-short.tsv",
                "udhr/udhr-snippets.tsv")) {
            corpus.addAll(texts(resource));
        }
    }

    private static List<LanguageIdentifier> identifiers() {
        return List.of(new LanguageIdentifier(words), new LanguageIdentifier(words, 300));
    }

    @Test
    void corpusTextsWholeAndCut() {
        for (LanguageIdentifier identifier : identifiers()) {
            for (String text : corpus) {
                same(identifier, text);
                same(identifier, text.substring(0, Math.min(40, text.length())));
                same(identifier, text.replace(". ", ".\n").replace(", ", ",\n"));
            }
        }
    }

    @Test
    void mixesOfCorpusLines() {
        List<String> lines = new ArrayList<>();
        for (String text : corpus) {
            lines.addAll(Arrays.asList(text.split("(?<=[.,;:!?]) ")));
        }
        String[] breaks = {"\n", "\n", "\n\n", "\r\n", " \n", "\n ", "'\n", "\n'", ". ", "\u2028"};
        Random random = new Random(21);
        for (LanguageIdentifier identifier : identifiers()) {
            for (int i = 0; i < 15_000; i++) {
                StringBuilder sb = new StringBuilder();
                for (int n = 1 + random.nextInt(12); n > 0; n--) {
                    sb.append(lines.get(random.nextInt(random.nextBoolean() ? 60 : lines.size())));
                    sb.append(breaks[random.nextInt(breaks.length)]);
                }
                same(identifier, sb.toString());
            }
        }
    }

    @Test
    void hostileTexts() {
        List<String> pool = new ArrayList<>(List.of("o'zbek", "oʻ", "g'", "'", "ʻ", "’", "`", "´", "ʹ", "''", " ",
                "\n", "\n", "\n\n", "\r\n", "\t", "—", ",", ".", "12", "ish", "kerak", "the", "and", "lari", "larni",
                "larda", "ning", "gan", "q", "x", "ı", "ğ", "ş", "ç", "ö", "ü", "ý", "ň", "ä", "é", "č", "ß", "ə", "á",
                "İ", "I", "Ish", "работа", "ва", "учун", "ў", "ҳ", "қ", "ғ", "ә", "ұ", "і", "ї", "һ", "ң", "ө", "ү",
                "ӣ", "ҷ", "ы", "щ", "ъ", "х", "нинг", "дын", "нун", "ҳо", "ҳои", "ад", "анд", "җ", "Ә", "Ң", "Ў",
                "Σ", "ΣΑΣ", "σ", "ΟΔΟΣ Σ", "سلام", "پ", "ې", "שלום", "װ", "工作", "カタカナ", "ー", "한국",
                "\u0301", "\u0307", "\uD840\uDC00", "\uD835\uDC00", "\uD800", "\uDC00", "Z\uD800", "Ⅻ", "ª"));
        Random random = new Random(20);
        for (String tag : List.of("uz-Latn", "uz-Cyrl", "en", "tr", "ru", "kk", "ky", "tg")) {
            List<String> list = new ArrayList<>(words.get(tag));
            list.sort(null);
            for (int i = 0; i < 25; i++) {
                pool.add(list.get(random.nextInt(list.size())));
            }
        }
        for (LanguageIdentifier identifier : identifiers()) {
            for (int i = 0; i < 30_000; i++) {
                // a few pools of few parts, so that lines recur; now and then a text past what the identifier reads
                List<String> parts = pool.subList(0, 20 + random.nextInt(pool.size() - 20));
                int length = i % 500 == 0 ? 6_000 : random.nextInt(60);
                StringBuilder sb = new StringBuilder();
                while (sb.length() < length) {
                    sb.append(parts.get(random.nextInt(parts.size())));
                    if (random.nextInt(4) == 0) {
                        sb.append(' ');
                    }
                }
                same(identifier, sb.toString());
            }
        }
    }

    @Test
    void referenceWordsAreTheRunsOfLettersASplitAtNonLettersLeaves() {
        String[] parts = {"o'zbek", "ʻ", "Ish", " ", "bor!", "\uD840\uDC00", "\uD800", "—", "'", "Работа", "12", "\n", "é"};
        Random random = new Random(8);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            String text = sb.toString();
            assertEquals(Arrays.stream(text.split("[^\\p{L}]+")).filter(w -> !w.isEmpty()).toList(),
                    LanguageIdentifierReference.words(text, false), text);
            assertEquals(Arrays.stream(text.split("[^\\p{L}']+")).filter(w -> !w.isEmpty()).toList(),
                    LanguageIdentifierReference.words(text, true), text);
        }
    }

    private static void same(LanguageIdentifier identifier, String text) {
        assertEquals(reference.identify(text), identifier.identify(text), () -> "text: " + text);
    }

    private static List<String> texts(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = LanguageIdentifierLinesTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    out.add(line.substring(tab + 1));
                }
            }
        }
        return out;
    }
}
