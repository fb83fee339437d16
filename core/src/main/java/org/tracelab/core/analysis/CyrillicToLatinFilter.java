package org.tracelab.core.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tracelab.core.internal.KeptAnswers;

/**
 * Turns the Cyrillic letters of each token to Uzbek Latin by the project's ICU rules ({@code uz-Cyrl-Latn.txt}), as
 * ICU's own transform filter would. Every rule reads a Cyrillic letter, so a token without one is left as it is
 * without asking ICU; and ICU's transliterator is made only for the first token that has one. Setting up ICU's
 * transliterator class registers every transliterator ICU ships (about 30 ms of a command's start), which a search
 * for a Latin word, the most common, then never pays.
 */
final class CyrillicToLatinFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    /**
     * Words this stream transliterated, at most {@value #KEPT_WORDS}: words recur across a case's texts (a site's
     * menus, an ad's stock phrases), and ICU's rules walk every char of every word again (a twentieth of the analysis
     * for the index). The stream is reused, text after text, by one thread.
     */
    static final int KEPT_WORDS = 4_096;
    private final KeptAnswers<String, String> kept = new KeptAnswers<>(KEPT_WORDS);
    /** Made at the first Cyrillic token; one per stream, as a compiled transliterator is not thread-safe. */
    private Transliterator transliterator;

    CyrillicToLatinFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (hasCyrillic(term)) {
            String latin = kept.get(term.toString(), this::transliterate);
            term.setEmpty().append(latin);
        }
        return true;
    }

    private String transliterate(String word) {
        if (transliterator == null) {
            transliterator = UzbekScriptAnalyzer.cyrillicToLatin();
        }
        return transliterator.transliterate(word);
    }

    private static boolean hasCyrillic(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0400' && c <= '\u052f') {
                return true;
            }
        }
        return false;
    }
}
