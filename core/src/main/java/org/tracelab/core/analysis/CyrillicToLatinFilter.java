package org.tracelab.core.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns the Cyrillic letters of each token to Uzbek Latin by the project's ICU rules ({@code uz-Cyrl-Latn.txt}), as
 * ICU's own transform filter would. Every rule reads a Cyrillic letter, so a token without one is left as it is
 * without asking ICU; and ICU's transliterator is made only for the first token that has one. Setting up ICU's
 * transliterator class registers every transliterator ICU ships (about 30 ms of a command's start), which a search
 * for a Latin word, the most common, then never pays.
 */
final class CyrillicToLatinFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
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
            if (transliterator == null) {
                transliterator = UzbekScriptAnalyzer.cyrillicToLatin();
            }
            String latin = transliterator.transliterate(term.toString());
            term.setEmpty().append(latin);
        }
        return true;
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
