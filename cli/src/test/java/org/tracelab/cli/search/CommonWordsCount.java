package org.tracelab.cli.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tracelab.core.index.IndexFields;

/**
 * Where the generated part of the common-grams word list ({@code core/…/analysis/common-words.txt}) comes from: the
 * words found in the most ads of each language among the texts {@link SearchBench} wrote. Not a test: run with
 * {@code -Dtest=CommonWordsCount -Dtracelab.commonwords=DIR/100000} after SearchBench built that size.
 */
@EnabledIfSystemProperty(named = "tracelab.commonwords", matches = ".+")
class CommonWordsCount {
    /** Words in at least this share of a language's ads are listed. */
    private static final double SHARE = 0.10;
    private static final Pattern WORD = Pattern.compile("[\\p{L}'ʻʼ‘’]+");

    @Test
    void printTheWordsInMostAdsOfEachLanguage() throws IOException {
        Path dir = Path.of(System.getProperty("tracelab.commonwords"));
        Map<String, Map<String, Integer>> docFreq = new TreeMap<>();
        Map<String, Integer> ads = new HashMap<>();
        try (FSDirectory index = FSDirectory.open(dir.resolve("case").resolve("index"));
             DirectoryReader reader = DirectoryReader.open(index)) {
            StoredFields stored = reader.storedFields();
            for (int d = 0; d < reader.maxDoc(); d++) {
                Document doc = stored.document(d, Set.of(IndexFields.ID, IndexFields.LANG));
                long id = Long.parseLong(doc.get(IndexFields.ID));
                String lang = doc.get(IndexFields.LANG);
                String text = Files.readString(dir.resolve("files").resolve(Long.toString(id / 1_000))
                        .resolve(id + ".txt"));
                Set<String> words = new HashSet<>();
                Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    words.add(m.group());
                }
                ads.merge(lang, 1, Integer::sum);
                Map<String, Integer> freq = docFreq.computeIfAbsent(lang, k -> new HashMap<>());
                words.forEach(w -> freq.merge(w, 1, Integer::sum));
            }
        }
        for (var e : docFreq.entrySet()) {
            int n = ads.get(e.getKey());
            List<Map.Entry<String, Integer>> top = e.getValue().entrySet().stream()
                    .filter(w -> w.getValue() >= SHARE * n)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
            System.out.printf("COMMON %s (%d ads): %d words%n", e.getKey(), n, top.size());
            for (var w : top) {
                System.out.printf("COMMON %s %s %.3f%n", e.getKey(), w.getKey(), w.getValue() / (double) n);
            }
        }
    }
}
