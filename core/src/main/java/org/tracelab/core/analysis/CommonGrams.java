package org.tracelab.core.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.commongrams.CommonGramsFilter;
import org.apache.lucene.analysis.commongrams.CommonGramsQueryFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Common grams on the text fields: each very common word is also indexed joined to its neighbours ({@code shart}
 * and {@code emas} also as {@code tajriba_shart}, {@code shart_emas}), and an exact phrase holding one is matched
 * through those rarer pairs instead of the word's long list of positions. Without them {@code "tajriba shart emas"}
 * read the positions of every ad holding all three words, at 1,000,000 ads six times the CPU of a sloppy phrase
 * with as many hits. Words keep their own terms at their own positions, so single words, sloppy phrases and
 * wildcards match as before; only exact phrases are parsed into pairs ({@link #forExactPhrase}), and highlighting
 * analyses a hit's text with the pairs too when its query names one ({@link #named}).
 *
 * <p>The common words are Lucene's English and Russian stop words, Uzbek function words, and the words found in at
 * least a tenth of the generated ads of a language ({@code common-words.txt} says where each comes from). Each is
 * put through each text field's analysis, so a field's set holds the word as that field indexes it (stemmed,
 * transliterated). Changing the list changes the index: bump {@code IndexFormat}.
 */
public final class CommonGrams {
    /**
     * What {@link CommonGramsFilter} joins two words with (private there). A word holding it (a handle such as
     * {@code work_visa}) only makes {@link #named} answer yes without need, which costs time, not passages.
     */
    public static final char SEPARATOR = '_';

    /**
     * The common words of each text field, as that field's analysis makes them: made at the first index writer or
     * exact phrase that needs them, not with every searcher (analysing them is a sixth of a one-shot search's
     * start, and a search without a phrase never reads them).
     */
    private static final class Words {
        static final Map<String, CharArraySet> BY_FIELD = byField();
    }

    private CommonGrams() {
    }

    /** An analyzer that indexes like {@code base} and adds common grams to the text fields. */
    public static Analyzer forIndexing(Analyzer base) {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return base;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                CharArraySet words = Words.BY_FIELD.get(fieldName);
                return words == null ? components : new TokenStreamComponents(components.getSource(),
                        new CommonGramsFilter(components.getTokenStream(), words));
            }
        };
    }

    /**
     * Whether {@code length} chars of {@code term}, a term of {@code field} as its analysis makes it, are a common
     * word of the field: one that {@link #forIndexing} joins to the word before and after it, with {@link #SEPARATOR}
     * between. False for a field without common grams.
     */
    public static boolean isCommon(String field, char[] term, int length) {
        CharArraySet common = Words.BY_FIELD.get(field);
        return common != null && common.contains(term, 0, length);
    }

    /**
     * The tokens of an exact phrase in {@code field} (as {@code base} analysed them) with each common word joined to
     * its neighbour, as the index holds them; {@code words} as it is for a field without common grams. Only for
     * exact phrases: a pair stands for two adjacent positions, which a sloppy phrase does not ask for.
     */
    public static TokenStream forExactPhrase(String field, TokenStream words) {
        CharArraySet common = Words.BY_FIELD.get(field);
        return common == null ? words : new CommonGramsQueryFilter(new CommonGramsFilter(words, common));
    }

    /**
     * Whether {@code query} names a common gram of a text field, so that a highlighter must analyse texts with
     * them ({@link #forIndexing}); without, one analysing the words alone marks the same and costs less.
     */
    public static boolean named(Query query) {
        boolean[] named = {false};
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return CaseAnalyzers.TEXT_FIELDS.contains(field);
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    named[0] |= t.text().indexOf(SEPARATOR) >= 0;
                }
            }
        });
        return named[0];
    }

    private static Map<String, CharArraySet> byField() {
        List<String> words = new ArrayList<>(load());
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(new String((char[]) w)));
        RussianAnalyzer.getDefaultStopSet().forEach(w -> words.add(new String((char[]) w)));
        Map<String, CharArraySet> out = new HashMap<>();
        try (Analyzer analyzer = CaseAnalyzers.create()) {
            for (String field : CaseAnalyzers.TEXT_FIELDS) {
                CharArraySet set = new CharArraySet(words.size(), false);
                for (String w : words) {
                    set.addAll(analyze(analyzer, field, w));
                }
                out.put(field, CharArraySet.unmodifiableSet(set));
            }
        }
        return Map.copyOf(out);
    }

    /** The terms {@code field} makes of {@code word}. */
    private static List<String> analyze(Analyzer analyzer, String field, String word) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing the common word " + word, e);
        }
        return terms;
    }

    private static List<String> load() {
        try (InputStream in = CommonGrams.class.getResourceAsStream("common-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource common-words.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.strip().split("\\s+")))
                    .filter(word -> !word.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read common-words.txt", e);
        }
    }
}
