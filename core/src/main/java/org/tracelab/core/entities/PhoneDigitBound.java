package org.tracelab.core.entities;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.List;

/**
 * The fewest digits a number found by libphonenumber's {@code findNumbers} (leniency {@code VALID}, one default
 * region) is read from, and whether a piece of text holds a cluster of that many: a piece without one holds no such
 * number and need not be searched. On ads most pieces that hold a digit hold only prices, years, sizes and times.
 *
 * <p>Why a piece without such a cluster holds no number (libphonenumber 9.0.x, {@code PhoneNumberMatcher} and
 * {@code PhoneNumberUtil.parseHelper}):
 * <ol>
 *   <li>Every candidate the matcher parses lies inside one match of its pattern: at most two leading chars of
 *       {@code (} {@code [} {@code +} and their full-width forms, each followed by at most four punctuation chars,
 *       then blocks of {@code \p{Nd}} digits with at most four punctuation chars between blocks ({@link #PUNCTUATION},
 *       {@code x} and {@code X} among them), then an optional extension. So its digits before the extension lie in
 *       one cluster as {@link #mayHoldNumber} counts it: digits (any script: {@link Character#isDigit}, as
 *       {@code \p{Nd}}) and {@code x}/{@code X} joined by runs of at most four other such chars.</li>
 *   <li>The number's digits are those of the candidate before its extension, normalised: each {@code \p{Nd}} digit
 *       as its value, or, when three ASCII letters are left (a vanity number), ASCII digits and letters mapped to
 *       keys. The extension's label and digits are stripped first whenever what stands before it is a viable number;
 *       when it is not, the candidate is no number at all (the viability check of the whole candidate needs the same
 *       three digits before any letter). Before the extension only {@code x}/{@code X} are letters, so a number
 *       never reads more digits than its cluster counts.</li>
 *   <li>A valid number's national significant number has one of its country's possible lengths (the general
 *       description's, checked before any pattern). The national-prefix transform of the metadata that parses it may
 *       add its literal digits ({@code 268$1}: three); nothing else adds a digit. So a number written with a plus
 *       needs {@link #WITH_PLUS} digits (the calling code's digits and its shortest national number, less the
 *       transform's, over every calling code), one written without needs the region's shortest national number less
 *       its transforms, or the region's international prefix (its literal digits) and {@link #WITH_PLUS}.</li>
 * </ol>
 * The bounds are read from the metadata when the class loads, never written here; {@code PhoneDigitBoundTest} holds
 * the skipped pieces to {@code findNumbers} itself.
 */
final class PhoneDigitBound {

    /** libphonenumber's {@code VALID_PUNCTUATION} (package-private there), the chars it allows between digits. */
    static final String PUNCTUATION = "-x\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFF0E\uFF0F \u00A0\u00AD"
            + "\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D.[]/~\u2053\u223C\uFF5EX";
    /** Between two digits of one candidate, at most this many punctuation chars. */
    static final int MAX_GAP = 4;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    /** libphonenumber's shortest national number (its {@code MIN_LENGTH_FOR_NSN}), where the metadata says nothing. */
    private static final int SHORTEST_ANY = 2;
    /** The fewest digits of a number written with a plus, over every calling code. */
    static final int WITH_PLUS = withPlus();

    private static final boolean[] JOINERS = joiners();

    private final int bare;

    PhoneDigitBound(String region) {
        PhoneMetadata own = METADATA.getMetadataForRegion(region);
        int cc = own.getCountryCode();
        int national = shortestNational(cc) - addedDigits(own);
        // the region's own code written first: stripped and transformed by the region's metadata, then by its code's
        int ownCodeWritten = String.valueOf(cc).length() + shortestNational(cc) - addedDigits(own)
                - addedDigits(parsing(cc));
        int international = prefixDigits(own.getInternationalPrefix()) + WITH_PLUS;
        this.bare = Math.max(1, Math.min(Math.min(national, ownCodeWritten), international));
    }

    /** The fewest digits of a number written without a plus in this region. */
    int withoutPlus() {
        return bare;
    }

    /**
     * Whether {@code text[from,to)} holds a cluster of digits from which {@code findNumbers} could read a valid number.
     * A plus anywhere in the piece lowers the bound for all its clusters (its leading chars may stand ten chars before
     * the digits). One pass, no allocation: it reads every piece that holds a digit.
     */
    boolean mayHoldNumber(CharSequence text, int from, int to) {
        int count = 0; // digits (and x) of the cluster so far
        int gap = 0; // other joining chars since its last digit
        int most = 0;
        boolean plus = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(++i));
            }
            if (readAsDigit(cp)) {
                if (++count >= bare) {
                    return true;
                }
                most = Math.max(most, count);
                gap = 0;
            } else if (cp < JOINERS.length && JOINERS[cp] && gap < MAX_GAP) {
                gap++;
                plus |= cp == '+' || cp == '\uFF0B';
            } else {
                plus |= cp == '+' || cp == '\uFF0B';
                count = 0;
                gap = 0;
            }
        }
        return plus && most >= WITH_PLUS;
    }

    /** A digit of any script ({@code \p{Nd}}), or the {@code x} a vanity reading maps to 9. */
    private static boolean readAsDigit(int cp) {
        return cp < 0x80 ? (cp >= '0' && cp <= '9') || cp == 'x' || cp == 'X' : Character.isDigit(cp);
    }

    /** The chars the matcher allows between digits, and a leading plus, by char. */
    private static boolean[] joiners() {
        boolean[] joins = new boolean[0x10000];
        for (int i = 0; i < PUNCTUATION.length(); i++) {
            joins[PUNCTUATION.charAt(i)] = true;
        }
        joins['+'] = true;
        joins['\uFF0B'] = true;
        return joins;
    }

    private static int withPlus() {
        int least = Integer.MAX_VALUE;
        for (int cc : UTIL.getSupportedCallingCodes()) {
            int n = String.valueOf(cc).length() + shortestNational(cc) - addedDigits(parsing(cc));
            least = Math.min(least, n);
        }
        return Math.max(1, least);
    }

    /** The metadata {@code parseHelper} strips a national prefix by once it has read calling code {@code cc}. */
    private static PhoneMetadata parsing(int cc) {
        String main = UTIL.getRegionCodeForCountryCode(cc);
        return PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(main)
                ? METADATA.getMetadataForNonGeographicalRegion(cc) : METADATA.getMetadataForRegion(main);
    }

    /** The shortest national significant number valid in any region of calling code {@code cc}. */
    private static int shortestNational(int cc) {
        int least = Integer.MAX_VALUE;
        for (String r : UTIL.getRegionCodesForCountryCode(cc)) {
            PhoneMetadata m = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(r)
                    ? METADATA.getMetadataForNonGeographicalRegion(cc) : METADATA.getMetadataForRegion(r);
            List<Integer> lengths = m == null ? List.of() : m.getGeneralDesc().getPossibleLengthList();
            if (lengths.isEmpty()) {
                return SHORTEST_ANY; // no lengths: validity checks the pattern alone
            }
            for (int l : lengths) {
                least = Math.min(least, l);
            }
        }
        return least == Integer.MAX_VALUE ? SHORTEST_ANY : least;
    }

    /**
     * The digits a national-prefix transform ({@code 9$1}, {@code 0549$1}) may add: its literal digits. A rule that
     * names more than one group could repeat digits of the text, so it may add any number.
     */
    static int addedDigits(PhoneMetadata m) {
        if (m == null || !m.hasNationalPrefixTransformRule()) {
            return 0;
        }
        String rule = m.getNationalPrefixTransformRule();
        int added = 0;
        int groups = 0;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (c == '$') {
                groups++;
                i++; // the group's number, not a digit of the result
            } else if (c >= '0' && c <= '9') {
                added++;
            } else if (c == '\\') {
                return Integer.MAX_VALUE / 4;
            }
        }
        return groups > 1 ? Integer.MAX_VALUE / 4 : added;
    }

    /**
     * The digits every match of an international-prefix pattern ({@code 00}, {@code 810},
     * {@code 00(?:1[245]|…)}, {@code 001[14-689]|14(?:…)0011}) begins with: of each top-level alternative, the ASCII
     * digits before its first other char, one followed by a quantifier not counted; the least over alternatives.
     */
    static int prefixDigits(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return 0;
        }
        int least = Integer.MAX_VALUE;
        int depth = 0;
        int run = 0;
        boolean counting = true;
        for (int i = 0; i <= pattern.length(); i++) {
            char c = i < pattern.length() ? pattern.charAt(i) : '|';
            if (c == '|' && depth == 0) {
                least = Math.min(least, run);
                run = 0;
                counting = true;
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == '\\') {
                i++;
            }
            if (counting && c >= '0' && c <= '9' && depth == 0 && !quantified(pattern, i)) {
                run++;
            } else {
                counting = false;
            }
        }
        return least;
    }

    private static boolean quantified(String pattern, int i) {
        if (i + 1 >= pattern.length()) {
            return false;
        }
        char next = pattern.charAt(i + 1);
        return next == '?' || next == '*' || next == '{' || next == '+';
    }
}
