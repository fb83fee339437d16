package org.tracelab.core.entities;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a window of text, written without a plus, holds digits that libphonenumber's {@code findNumbers} (leniency
 * {@code VALID}, one default region) could read as a valid number, by where its digit blocks begin and end: finer
 * than {@link PhoneDigitBound}'s count. Every ad holds two dates with times ({@code 02.06.2025 08:52} and
 * {@code 2025-06-02T08:52:00Z}) whose clusters have the digits of a number but no valid number at their block
 * boundaries; {@code findNumbers} parsed each of their inner candidates, each failing with an exception, and was
 * most of the time it spent on windows that held no number.
 *
 * <p>Why a window this drops holds no number (libphonenumber 9.0.x, {@code PhoneNumberMatcher} and
 * {@code PhoneNumberUtil.parseHelper}). A block is a run of consecutive digits ({@code \p{Nd}}, any script); a
 * cluster is blocks joined by at most four punctuation chars ({@link PhoneDigitBound#PUNCTUATION}), as the matcher's
 * pattern joins them.
 * <ol>
 *   <li>Every string the matcher parses (a candidate, or an inner part of one) lies in one match of its pattern: a
 *       lead of brackets or pluses with punctuation, digit blocks joined by at most four punctuation chars, then an
 *       extension. A window with a plus, an {@code x} (the one letter its punctuation holds; three in a candidate
 *       are read as keys), or a char an extension begins with after a digit ({@link #EXTENSION_START}) is not
 *       reasoned about. In any other window a match has no extension and no letter, so its digits lie in one
 *       cluster and it ends with the cluster's last block (the pattern takes 20 digits at once and further blocks
 *       after them; a cluster of more than {@link #MOST_DIGITS} digits is not reasoned about).</li>
 *   <li>A match starts at a block's start: at the window's start, after a char no match holds, or where the last
 *       failed candidate ended. Its inner parts are cut at {@code /}, {@code (}, hyphens, full stops and spaces, and
 *       trimmed of trailing chars that are not digits: each begins at a block's start and ends at a block's end.</li>
 *   <li>Parsing reads such a string's digits char by char (a digit outside the Basic Multilingual Plane, two chars,
 *       would be dropped: a window holding one is not reasoned about). Without a plus, another calling code is read
 *       only after the region's international prefix, matched from the string's first digit and followed by at
 *       least {@link PhoneDigitBound#WITH_PLUS} digits: a cluster with such a match from a block's start is not
 *       reasoned about (nor a region whose prefix may match nothing). Otherwise the calling code is the region's;
 *       the parser may strip the code's digits written first and national prefixes (matches of the patterns for
 *       parsing of the code's regions), each from the front, and adds no digit unless a national-prefix transform
 *       does: a calling code with one is not reasoned about.</li>
 *   <li>A valid number's national significant number (2 to 17 digits) matches the general description (lengths
 *       and pattern) of one of its calling code's regions.</li>
 * </ol>
 * So a number read from a cluster reasoned about is, as digits, a run of whole blocks, less any sequence of those
 * strips from its front, that matches a general description of the calling code's regions; a window none of whose
 * clusters holds one holds no number. {@code PhoneDigitBlocksTest} holds the dropped windows to {@code findNumbers}
 * itself.
 */
final class PhoneDigitBlocks {

    /** The most digits of a cluster reasoned about: the pattern takes a block of up to 20 digits at once. */
    static final int MOST_DIGITS = 20;
    /** libphonenumber's shortest and longest national significant numbers. */
    private static final int SHORTEST = 2;
    private static final int LONGEST = 17;
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final boolean[] JOINERS = joiners();
    /**
     * The first chars of the extensions the matcher's pattern takes after a number's digits ({@code ;ext=},
     * {@code ext}, {@code xt}, {@code extension}, {@code ｅｘｔ}, {@code доб}, {@code anexo}, {@code x}, {@code #},
     * {@code ~}, {@code int}, {@code ｉｎｔ}, and {@code - 12#}'s {@code #}).
     */
    static final boolean[] EXTENSION_START = matching("[;eｅxｘдa#＃~～iｉ]");
    /** The letter a vanity reading could find in a candidate besides its extension's label. */
    static final boolean[] X = matching("[xｘ]");

    private final boolean reasoned;
    private final String ownCode;
    private final Pattern internationalPrefix;
    private final List<Pattern> nationalPrefixes = new ArrayList<>();
    private final List<PhoneNumberDesc> general = new ArrayList<>();
    private final List<Pattern> generalPatterns = new ArrayList<>();

    PhoneDigitBlocks(String region) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneMetadata own = METADATA.getMetadataForRegion(region);
        int cc = own.getCountryCode();
        this.ownCode = String.valueOf(cc);
        String idd = own.getInternationalPrefix();
        this.internationalPrefix = idd.isEmpty() ? null : Pattern.compile(idd);
        boolean emptyPrefix = internationalPrefix != null && internationalPrefix.matcher("").matches();
        boolean transforms = false;
        for (String r : util.getRegionCodesForCountryCode(cc)) {
            PhoneMetadata m = METADATA.getMetadataForRegion(r);
            transforms |= m.hasNationalPrefixTransformRule() && !m.getNationalPrefixTransformRule().isEmpty();
            if (!m.getNationalPrefixForParsing().isEmpty()) {
                nationalPrefixes.add(Pattern.compile(m.getNationalPrefixForParsing()));
            }
            general.add(m.getGeneralDesc());
            generalPatterns.add(Pattern.compile(m.getGeneralDesc().getNationalNumberPattern()));
        }
        this.reasoned = !transforms && !emptyPrefix && !general.isEmpty();
    }

    /** Whether windows are reasoned about at all: not where the calling code has a national-prefix transform. */
    boolean reasoned() {
        return reasoned;
    }

    /**
     * Whether {@code text[from,to)} may hold a number {@code findNumbers} finds: true when it holds a plus, an
     * {@code x}, a char an extension may begin with after a digit, a digit outside the Basic Multilingual Plane, or a
     * cluster too long to reason about or from which a valid number could be read at its blocks' edges.
     */
    boolean mayHoldNumber(CharSequence text, int from, int to) {
        if (!reasoned) {
            return true;
        }
        StringBuilder digits = new StringBuilder();
        List<Integer> starts = new ArrayList<>(); // where each block of the cluster starts in digits
        int gap = 0;
        boolean inBlock = false;
        boolean afterDigit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (Character.isDigit(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return true; // libphonenumber reads a string char by char: this digit would be dropped
                }
            }
            if (c == '+' || c == '\uFF0B' || X[c] || afterDigit && EXTENSION_START[c]) {
                return true;
            }
            if (Character.isDigit(c)) {
                if (!inBlock) {
                    starts.add(digits.length());
                    inBlock = true;
                }
                digits.append((char) ('0' + Character.digit(c, 10)));
                gap = 0;
                afterDigit = true;
                continue;
            }
            inBlock = false;
            if (JOINERS[c] && gap < PhoneDigitBound.MAX_GAP) {
                gap++;
                continue;
            }
            if (mayHoldNumber(digits, starts)) {
                return true;
            }
            digits.setLength(0);
            starts.clear();
            gap = 0;
        }
        return mayHoldNumber(digits, starts);
    }

    /** Whether one cluster, its digits and where its blocks start, may give a valid number. */
    private boolean mayHoldNumber(StringBuilder digits, List<Integer> starts) {
        if (digits.isEmpty()) {
            return false;
        }
        if (digits.length() > MOST_DIGITS || internationalNumberMayFollow(digits, starts)) {
            return true;
        }
        for (int a = 0; a < starts.size(); a++) {
            for (int b = a; b < starts.size(); b++) {
                int end = b + 1 < starts.size() ? starts.get(b + 1) : digits.length();
                if (readable(digits.substring(starts.get(a), end))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the region's international prefix matches digits of the cluster from a block's start, with enough
     * digits after it for a number of any calling code ({@link PhoneDigitBound#WITH_PLUS}).
     */
    private boolean internationalNumberMayFollow(StringBuilder digits, List<Integer> starts) {
        if (internationalPrefix == null || digits.length() <= PhoneDigitBound.WITH_PLUS
                || !internationalPrefix.matcher(digits).find()) {
            return false;
        }
        Matcher m = internationalPrefix.matcher(digits);
        for (int i : starts) {
            for (int end = i + 1; digits.length() - end >= PhoneDigitBound.WITH_PLUS; end++) {
                if (m.region(i, end).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code run}, or what is left of it after strips from its front, may be a valid national number. */
    private boolean readable(String run) {
        if (matchesGeneral(run)) {
            return true;
        }
        if (run.startsWith(ownCode) && readable(run.substring(ownCode.length()))) {
            return true;
        }
        for (Pattern p : nationalPrefixes) {
            Matcher m = p.matcher(run);
            if (m.lookingAt() && m.end() > 0 && readable(run.substring(m.end()))) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesGeneral(String nsn) {
        if (nsn.length() < SHORTEST || nsn.length() > LONGEST) {
            return false;
        }
        for (int i = 0; i < general.size(); i++) {
            List<Integer> lengths = general.get(i).getPossibleLengthList();
            if ((lengths.isEmpty() || lengths.contains(nsn.length())) && generalPatterns.get(i).matcher(nsn).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The chars that match {@code regex} as libphonenumber's matcher compiles it: ignoring case, Unicode's too. */
    private static boolean[] matching(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        boolean[] out = new boolean[0x10000];
        for (int c = 0; c < out.length; c++) {
            out[c] = p.matcher(String.valueOf((char) c)).matches();
        }
        return out;
    }

    private static boolean[] joiners() {
        boolean[] joins = new boolean[0x10000];
        for (int i = 0; i < PhoneDigitBound.PUNCTUATION.length(); i++) {
            joins[PhoneDigitBound.PUNCTUATION.charAt(i)] = true;
        }
        return joins;
    }
}
