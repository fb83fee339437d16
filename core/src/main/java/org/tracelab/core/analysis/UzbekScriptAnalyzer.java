package org.tracelab.core.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.tracelab.core.lang.UzbekApostrophes;

/**
 * The analyzer of the script-neutral {@code text} field: apostrophe variants unified, words split by Unicode rules,
 * lower-cased, Cyrillic transliterated to Uzbek Latin, then case and diacritics folded. A word written in either
 * Uzbek script, with any apostrophe, ends as one term; no stemming, so the field suits every language.
 */
final class UzbekScriptAnalyzer extends Analyzer {
    /** Rules read once; a compiled Transliterator is not thread-safe, so each token stream gets its own. */
    static final String RULES = loadRules();
    /** Every apostrophe variant as the ASCII apostrophe. */
    static final CharForCharFilter.Substitution APOSTROPHES = new CharForCharFilter.Substitution(
            UzbekApostrophes.VARIANTS, "'".repeat(UzbekApostrophes.VARIANTS.length()));
    private final boolean joinedWords;

    /** The analyzer; with {@code joinedWords}, words joined to digits are also emitted as the word. */
    UzbekScriptAnalyzer(boolean joinedWords) {
        this.joinedWords = joinedWords;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CharForCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new CharForCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new ICUTokenizer();
        return new TokenStreamComponents(tokenizer,
                normalize(fieldName, joinedWords ? JoinedWords.added(tokenizer) : tokenizer));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream stream = new LowerCaseFilter(in);
        stream = new CyrillicToLatinFilter(stream);
        return new ICUFoldingFilter(stream);
    }

    static Transliterator cyrillicToLatin() {
        return Transliterator.createFromRules("uz-Cyrl-Latn-tracelab", RULES, Transliterator.FORWARD);
    }

    private static String loadRules() {
        try (InputStream in = UzbekScriptAnalyzer.class.getResourceAsStream("uz-Cyrl-Latn.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource uz-Cyrl-Latn.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read uz-Cyrl-Latn.txt", e);
        }
    }
}
