package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bound before {@code findNumbers} drops no piece {@code findNumbers} would find a number in: random pieces
 * (digits of many scripts, libphonenumber's punctuation, {@code x}, extensions, letters, '+', {@code 00} and trunk
 * prefixes, numbers valid at their shortest) read by both, in regions with and without national-prefix transforms;
 * what the bound rests on (which chars are digits and which join them) checked against libphonenumber itself.
 */
class PhoneDigitBoundTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Zero of each script the pieces write digits in (ASCII, full-width, Arabic-Indic, Persian, Devanagari, Thai,
     * mathematical bold: a surrogate pair). */
    private static final int[] ZEROS = {'0', 0xFF10, 0x0660, 0x06F0, 0x0966, 0x0E50, 0x1D7CE};
    private static final String[] JOINERS = {" ", "-", ".", "/", "(", ")", "[", "]", "~", "\u00A0", "\u2013", "\u2212",
        "\u30FC", "\uFF0D", "\u3000", "\u200B", "\u00AD", "x", "X", " - ", "  ", "   ", ") ", " (", "\t", ", "};
    private static final String[] OTHER = {"ext. ", " ext ", " доб. ", " доб ", "#", " int ", " anexo ", " extensión ",
        ";ext=", " x", " X ", "Tel: ", "Narxi ", " so'm", "%", "$", "€", ":", "a", "Ж", "tel", "ıi", "ſ", "№", "*",
        "+", "\uFF0B", "00", "8", "8~10", "810", "0", "(0)", "1-", " / x"};

    @Test
    void digitsAreWhatTheMatcherReadsAsDigits() {
        Pattern nd = Pattern.compile("\\p{Nd}", Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (nd.matcher(Character.toString(cp)).matches() != Character.isDigit(cp)) {
                throw new AssertionError("U+" + Integer.toHexString(cp));
            }
        }
    }

    /**
     * Every char that joins two halves of a number into one match, each half no number alone, is one the bound
     * joins clusters by: tried for every char of the Basic Multilingual Plane.
     */
    @Test
    void everyCharTheMatcherJoinsDigitsByJoinsClusters() {
        String left = "+998 90 12";
        String right = "3 45 67";
        PhoneDigitBound bound = new PhoneDigitBound("UZ");
        int joined = 0;
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            String text = left + c + right;
            for (PhoneNumberMatch m : UTIL.findNumbers(text, "UZ", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                if (m.start() < left.length() && m.end() > left.length() + 1) {
                    joined++;
                    assertTrue(Character.isDigit(c) || PhoneDigitBound.PUNCTUATION.indexOf(c) >= 0,
                            "U+" + Integer.toHexString(c) + " joins digits");
                    assertTrue(bound.mayHoldNumber(text, 0, text.length()));
                }
            }
        }
        assertTrue(joined >= 20, "joined " + joined); // the test reads what it means to: most punctuation joins
    }

    @ParameterizedTest
    @ValueSource(strings = {"UZ", "RU", "KZ", "US", "AG", "GB", "GG", "DE", "AT", "AR", "BR", "SM", "JP", "NF"})
    void noPieceTheBoundDropsHoldsANumber(String region) {
        PhoneDigitBound bound = new PhoneDigitBound(region);
        Random random = new Random(20261207L ^ region.hashCode());
        List<String> numbers = shortestValid(region, random);
        int tight = 0;
        int dropped = 0;
        for (int i = 0; i < 6_000; i++) {
            String piece = piece(random, numbers);
            List<PhoneNumberMatch> found = new ArrayList<>();
            UTIL.findNumbers(piece, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE).forEach(found::add);
            boolean kept = bound.mayHoldNumber(piece, 0, piece.length());
            if (!kept) {
                dropped++;
                assertTrue(found.isEmpty(), () -> region + " dropped \"" + piece + "\" holding " + found.get(0).rawString()
                        + " (bare " + bound.withoutPlus() + ", plus " + PhoneDigitBound.WITH_PLUS + ")");
            } else if (!found.isEmpty() && longestCluster(piece) == need(bound, piece)) {
                tight++; // a number read from a cluster of exactly the bound: one digit less and the test fails
            }
        }
        assertTrue(dropped > 200, region + ": only " + dropped + " pieces dropped");
        if (!List.of("AT", "AG", "GG", "SM").contains(region)) { // their shortest (a transform's local form, Austria's
            // four digits) are too rare to be drawn
            assertTrue(tight > 0, region + ": no number at the bound itself");
        }
    }

    private static final String PRICE = "Narxi 5 000 000 so'm, 2 xona, 3/5 qavat";
    private static final String PHONE = "Tel: 90 123 45 67";

    @Test
    void boundsComeFromTheMetadata() {
        // one example of each kind the bound reasons about, read from libphonenumber here as well
        assertEquals(1, PhoneDigitBound.prefixDigits("0(?:0|1[3-9]\\d)"));
        assertEquals(2, PhoneDigitBound.prefixDigits("001[14-689]|14(?:1[14]|34|4[17]|[56]6|7[47]|88)0011"));
        assertEquals(3, PhoneDigitBound.prefixDigits("810"));
        assertEquals(1, PhoneDigitBound.prefixDigits("00?"));
        assertEquals(0, PhoneDigitBound.prefixDigits(""));
        int shortestPlus = Integer.MAX_VALUE;
        for (String r : UTIL.getSupportedRegions()) {
            new PhoneDigitBound(r); // every region has a bound
        }
        for (String number : shortestValid("AT", new Random(1))) {
            if (number.startsWith("+")) {
                shortestPlus = Math.min(shortestPlus, PhoneNumberUtil.normalizeDigitsOnly(number).length());
            }
        }
        assertTrue(PhoneDigitBound.WITH_PLUS <= shortestPlus);
        assertFalse(new PhoneDigitBound("UZ").mayHoldNumber(PRICE, 0, PRICE.length()));
        assertTrue(new PhoneDigitBound("UZ").mayHoldNumber(PHONE, 0, PHONE.length()));
    }

    /** The bound a piece is held to: the plus one if it holds a plus anywhere. */
    private static int need(PhoneDigitBound bound, String piece) {
        boolean plus = piece.indexOf('+') >= 0 || piece.indexOf('\uFF0B') >= 0;
        return plus ? Math.min(bound.withoutPlus(), PhoneDigitBound.WITH_PLUS) : bound.withoutPlus();
    }

    /** The most digits (and x) of one cluster as the bound counts them, by its rule written again plainly. */
    private static int longestCluster(String piece) {
        int best = 0;
        int count = 0;
        int gap = 0;
        for (int cp : piece.codePoints().toArray()) {
            if (Character.isDigit(cp) || cp == 'x' || cp == 'X') {
                best = Math.max(best, ++count);
                gap = 0;
            } else if ((PhoneDigitBound.PUNCTUATION.indexOf(cp) >= 0 || cp == '+' || cp == 0xFF0B) && gap < 4) {
                gap++;
            } else {
                count = 0;
                gap = 0;
            }
        }
        return best;
    }

    /**
     * Valid numbers of the region's calling code and of the shortest calling codes, at their shortest lengths, written
     * with '+', with the region's international prefix and nationally.
     */
    static List<String> shortestValid(String region, Random random) {
        List<String> out = new ArrayList<>();
        int own = UTIL.getCountryCodeForRegion(region);
        for (int cc : new int[] {own, 43, 49, 98, 290, 378, 672, 1, 44, 54}) {
            for (String r : UTIL.getRegionCodesForCountryCode(cc)) {
                for (int length = 2; length <= 12; length++) {
                    PhoneNumber n = validOfLength(cc, r, length, random);
                    if (n == null) {
                        continue;
                    }
                    out.add(UTIL.format(n, PhoneNumberFormat.E164));
                    out.add(UTIL.format(n, PhoneNumberFormat.INTERNATIONAL));
                    out.add(UTIL.formatOutOfCountryCallingNumber(n, region));
                    out.add(UTIL.format(n, PhoneNumberFormat.NATIONAL));
                    String nsn = UTIL.getNationalSignificantNumber(n);
                    for (int k = 0; k < 4 && k < nsn.length(); k++) {
                        out.add(nsn.substring(k)); // dialled locally, as a transform ("268$1") reads it
                    }
                    break;
                }
            }
        }
        for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
            PhoneNumber n = UTIL.getExampleNumberForType(region, type);
            if (n != null) {
                out.add(UTIL.format(n, PhoneNumberFormat.NATIONAL));
                out.add(UTIL.format(n, PhoneNumberFormat.INTERNATIONAL));
            }
        }
        return out;
    }

    private static PhoneNumber validOfLength(int cc, String region, int length, Random random) {
        for (int tries = 0; tries < 3_000; tries++) {
            PhoneNumber n = new PhoneNumber().setCountryCode(cc);
            StringBuilder nsn = new StringBuilder();
            for (int i = 0; i < length; i++) {
                nsn.append((char) ('0' + (i == 0 ? 1 + random.nextInt(9) : random.nextInt(10))));
            }
            n.setNationalNumber(Long.parseLong(nsn.toString()));
            if (UTIL.isValidNumberForRegion(n, region)) {
                return n;
            }
        }
        return null;
    }

    /** A piece: numbers (whole, cut or grown by a digit), digit runs and joiners, other chars, in many scripts. */
    static String piece(Random random, List<String> numbers) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    String n = numbers.get(random.nextInt(numbers.size()));
                    int cut = random.nextInt(4);
                    if (cut == 1 && n.length() > 1) {
                        n = n.substring(0, n.length() - 1); // one digit short
                    } else if (cut == 2 && n.length() > 1) {
                        n = n.substring(1);
                    }
                    b.append(rewrite(n, random));
                }
                case 2 -> {
                    int digits = 1 + random.nextInt(10);
                    for (int i = 0; i < digits; i++) {
                        b.appendCodePoint(ZEROS[random.nextInt(ZEROS.length)] + random.nextInt(10));
                        if (random.nextInt(3) == 0) {
                            b.append(JOINERS[random.nextInt(JOINERS.length)]);
                        }
                    }
                }
                case 3 -> b.append(OTHER[random.nextInt(OTHER.length)]);
                default -> b.append(JOINERS[random.nextInt(JOINERS.length)]);
            }
        }
        return b.toString();
    }

    /** {@code number} with its digits in one script or mixed, its separators sometimes replaced. */
    private static String rewrite(String number, Random random) {
        int zero = random.nextInt(3) == 0 ? ZEROS[random.nextInt(ZEROS.length)] : '0';
        boolean mixed = random.nextInt(5) == 0;
        StringBuilder b = new StringBuilder();
        for (char c : number.toCharArray()) {
            if (c >= '0' && c <= '9') {
                b.appendCodePoint((mixed ? ZEROS[random.nextInt(ZEROS.length)] : zero) + (c - '0'));
            } else if (c == ' ' && random.nextInt(3) == 0) {
                b.append(JOINERS[random.nextInt(JOINERS.length)]);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
