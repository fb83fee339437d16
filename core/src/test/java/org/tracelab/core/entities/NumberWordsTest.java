package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A token turned down by its opening (its first two chars keyed and folded) is one the word tables would not have
 * found: every word in every way it may be written (cases, apostrophes, ё, Uzbek letters and their Russian folds), the
 * tokens of generated ads, and random tokens made of the words' letters.
 */
class NumberWordsTest {

    private static final NumberWords WORDS = NumberWords.standard();
    private static final String[][] VARIANTS = {{"'", "ʻ", "ʼ", "’", "‘", "`", "´"}, {"е", "ё", "Ё"},
        {"у", "ў", "Ў"}, {"к", "қ", "Қ"}, {"г", "ғ", "Ғ"}, {"х", "ҳ", "Ҳ"}};

    @Test
    void aTokenTurnedDownByItsOpeningIsNoWord() throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String w : words()) {
            tokens.add(w);
            tokens.add(w.toUpperCase(java.util.Locale.ROOT));
            tokens.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
            for (String[] same : VARIANTS) {
                for (String from : same) {
                    for (String to : same) {
                        tokens.add(w.replace(from, to));
                    }
                }
            }
        }
        int words = 0;
        for (String t : tokens) {
            if (WORDS.lookupKey(NumberWords.key(t)) != null) {
                words++;
                assertTrue(WORDS.mayBeWord(t, 0, t.length()), t);
            }
        }
        assertTrue(words > 1_000, "words " + words);
        Random random = new Random(20261207L);
        StringBuilder letters = new StringBuilder();
        tokens.forEach(letters::append);
        for (String ad : EntityExtractorThroughput.corpus(400, 7L)) {
            tokens.addAll(List.of(ad.split("[^\\p{L}'ʻʼ’‘`´]+")));
        }
        for (int i = 0; i < 200_000; i++) {
            int at = random.nextInt(letters.length() - 12);
            tokens.add(letters.substring(at, at + 1 + random.nextInt(11)));
        }
        for (String t : tokens) {
            if (!t.isEmpty() && !WORDS.mayBeWord(t, 0, t.length())) {
                assertEquals(null, WORDS.lookupKey(NumberWords.key(t)), t);
            }
        }
    }

    /** The words of the shipped list as written there. */
    private static List<String> words() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = NumberWords.class.getResourceAsStream("number-words.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 3 && !f[0].startsWith("#")) {
                    for (int i = 2; i < f.length; i++) {
                        out.add(f[i].replace("?", ""));
                    }
                }
            }
        }
        return out;
    }
}
