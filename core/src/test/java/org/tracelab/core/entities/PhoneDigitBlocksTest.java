package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The phone finder's old way read every window {@link PhoneDigitBound} kept with {@code findNumbers}; the new way
 * first asks {@link PhoneDigitBlocks} and reads nothing where it says no. This holds the two to the same matches:
 * random windows of dates and times as ads write them, valid numbers of every length written every way (with the
 * calling code with and without '+', the international prefix, the trunk prefix, cut, grown, glued to dates), prices,
 * digit runs of many scripts with libphonenumber's punctuation, {@code x}, extensions and letters, in regions with
 * and without a national prefix; every window dropped must hold no match.
 */
class PhoneDigitBlocksTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String[] AROUND = {" ", ": ", " · ", "Joylangan: ", "posted: ", "Tel ", "тел. ", ", ", "\t",
        " / ", "-", " - ", ".", "(", ")", "x", "xx", "xxx", "X", " x ", "№", "#", "~", "so'm", "$", "%", "T", "Z", ":",
        "\u00A0", "\u2013", "ext ", " доб ", "00", "8", "0", "810", "998", "7", "(0)", "a", "ж", "٠", "𝟎"};

    /** Extension labels as the matcher's pattern takes them, in other cases and widths too. */
    private static final String[] LABELS = {"#", "＃", "~", "～", "x", "X", "ｘ", "ext", "EXT", "Ext.", "xt", "extn",
        "extension", "extensión", "ｅｘｔ", "доб", "ДОБ", "anexo", "int", "İnt", "ınt", "ｉｎｔ", ";ext=", " - ", ",,", ";"};

    /** The matches {@code findNumbers} gives in {@code window}: what the old way read. */
    private static List<PhoneNumberMatch> found(String window, String region) {
        List<PhoneNumberMatch> out = new ArrayList<>();
        UTIL.findNumbers(window, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE).forEach(out::add);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UZ", "RU", "KZ", "KG", "TJ", "TM", "BY", "GB", "DE", "AT", "FR", "IT", "SM", "JP", "CN",
        "IN", "TR", "US", "AR", "BR", "AG"})
    void noWindowDroppedHoldsANumber(String region) {
        PhoneDigitBound bound = new PhoneDigitBound(region);
        PhoneDigitBlocks blocks = new PhoneDigitBlocks(region);
        Random random = new Random(20261208L ^ region.hashCode());
        List<String> numbers = numbers(region, random);
        int kept = 0;
        int dropped = 0;
        int found = 0;
        for (int i = 0; i < 8_000; i++) {
            String window = window(random, numbers);
            if (!bound.mayHoldNumber(window, 0, window.length())) {
                continue; // never read by either way
            }
            kept++;
            List<PhoneNumberMatch> matches = found(window, region);
            found += matches.isEmpty() ? 0 : 1;
            if (!blocks.mayHoldNumber(window, 0, window.length())) {
                dropped++;
                assertTrue(matches.isEmpty(), () -> region + " dropped \"" + window + "\" holding "
                        + matches.get(0).rawString());
            }
        }
        assertTrue(found > 700, region + ": only " + found + " windows with a number");
        if (!blocks.reasoned()) { // a national-prefix transform in the calling code
            assertTrue(dropped == 0, region + ": dropped " + dropped + " windows it cannot reason about");
        } else if (List.of("UZ", "RU", "KZ", "KG", "TJ", "TM", "BY").contains(region)) {
            assertTrue(dropped > kept / 20, region + ": only " + dropped + " of " + kept + " windows dropped");
        }
        assertTrue(blocks.reasoned() != List.of("US", "AR", "BR", "AG", "SM", "JP", "GB").contains(region), region);
    }

    @Test
    void anAdsDatesAreDroppedAndItsPhonesKept() {
        PhoneDigitBlocks uz = new PhoneDigitBlocks("UZ");
        for (String date : List.of("gan: 02.06.2025 08:45",
                "gan: 28.12.2025 18:59", "posted: 2025-06-02T08:45:00Z", "d: 2025-10-05T00:00:00Z", "02.06.2025 08")) {
            assertTrue(found(date, "UZ").isEmpty(), date);
            assertFalse(uz.mayHoldNumber(date, 0, date.length()), date);
        }
        for (String phone : List.of("Telefon 8 (88) 555 00 33", "90 123 45 67", "00 998 90 123 45 67",
                "998901234567", "998 90 123-45-67", "+998 71 555 00 99", "8 90 123 45 67", "(90) 1234567",
                "٩٠ ١٢٣ ٤٥ ٦٧", "𝟗𝟎 𝟏𝟐𝟑 𝟒𝟓 𝟔𝟕", "02.06.2025 90 123 45 67", "90x123x45x67")) {
            assertTrue(uz.mayHoldNumber(phone, 0, phone.length()), phone);
        }
        PhoneDigitBlocks ru = new PhoneDigitBlocks("RU");
        for (String phone : List.of("8 (926) 559-92-43", "7 926 559 92 43", "926 559 92 43", "8~10 998 90 123 45 67")) {
            assertTrue(ru.mayHoldNumber(phone, 0, phone.length()), phone);
        }
    }

    /**
     * A window: dates, times, numbers and runs of digits (from {@link PhoneDigitBoundTest#piece}) with what stands
     * around them in ads, glued or apart.
     */
    private static String window(Random random, List<String> numbers) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(5);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(7)) {
                case 0, 1 -> b.append(date(random));
                case 6 -> b.append(extension(random, numbers));
                case 2 -> b.append(numbers.get(random.nextInt(numbers.size())));
                case 3 -> b.append(PhoneDigitBoundTest.piece(random, numbers));
                default -> b.append(AROUND[random.nextInt(AROUND.length)]);
            }
        }
        return b.toString();
    }

    /**
     * Digits, a number or a date, then an extension's label and digits that begin with a number and run on (the
     * pattern takes at most 9 or 20 digits after a label, and an inner part may begin after its space), or end in
     * {@code #}.
     */
    private static String extension(Random random, List<String> numbers) {
        String before = switch (random.nextInt(4)) {
            case 0 -> digits(random, 1 + random.nextInt(10));
            case 1 -> date(random);
            case 2 -> numbers.get(random.nextInt(numbers.size()));
            default -> "";
        };
        String[] separators = {"", " ", ". ", ": ", "-", "  ", ", "};
        String after = numbers.get(random.nextInt(numbers.size()));
        if (random.nextBoolean()) {
            after = PhoneNumberUtil.normalizeDigitsOnly(after);
        }
        return before + separators[random.nextInt(separators.length)] + LABELS[random.nextInt(LABELS.length)]
                + separators[random.nextInt(separators.length)] + after + digits(random, random.nextInt(13))
                + (random.nextInt(4) == 0 ? "#" : "");
    }

    /** A date, a time or both, as pages and records write them; the digits sometimes out of any calendar. */
    private static String date(Random random) {
        String d = two(random, 31);
        String m = two(random, 12);
        String y = (random.nextInt(4) == 0 ? "19" : "20") + two(random, 99);
        String h = two(random, 23);
        String min = two(random, 59);
        return switch (random.nextInt(9)) {
            case 0 -> d + "." + m + "." + y + " " + h + ":" + min;
            case 1 -> y + "-" + m + "-" + d + "T" + h + ":" + min + ":" + two(random, 59) + "Z";
            case 2 -> d + "/" + m + "/" + y;
            case 3 -> y + "-" + m + "-" + d + " " + h + ":" + min;
            case 4 -> random.nextInt(31) + 1 + "." + (random.nextInt(12) + 1) + "." + y + " " + random.nextInt(24)
                    + ":" + min;
            case 5 -> d + "." + m + "." + y;
            case 6 -> y + "." + m + "." + d + " " + h + "." + min;
            case 7 -> d + " " + m + " " + y + " " + h + " " + min;
            default -> digits(random, 2 + random.nextInt(3)) + "." + digits(random, 2) + "." + digits(random, 4)
                    + " " + digits(random, 2);
        };
    }

    private static String two(Random random, int most) {
        int v = random.nextInt(most + 1);
        return v < 10 ? "0" + v : String.valueOf(v);
    }

    private static String digits(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /**
     * The region's shortest numbers ({@link PhoneDigitBoundTest#shortestValid}) and its example numbers of every type,
     * written every way: E.164 with and without '+', international, nationally (with the trunk prefix), dialled from
     * abroad, the calling code before the national form, the international prefix, cut by a digit, grown by one.
     */
    private static List<String> numbers(String region, Random random) {
        List<String> out = new ArrayList<>(PhoneDigitBoundTest.shortestValid(region, random));
        for (String r : List.of(region, "UZ", "RU", "KZ", "KG")) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber n = UTIL.getExampleNumberForType(r, type);
                if (n == null) {
                    continue;
                }
                String e164 = UTIL.format(n, PhoneNumberFormat.E164);
                String national = UTIL.format(n, PhoneNumberFormat.NATIONAL);
                String nsn = UTIL.getNationalSignificantNumber(n);
                String cc = String.valueOf(n.getCountryCode());
                for (String w : List.of(e164, e164.substring(1), UTIL.format(n, PhoneNumberFormat.INTERNATIONAL),
                        national, UTIL.formatOutOfCountryCallingNumber(n, region), cc + " " + national, cc + nsn,
                        "00" + cc + nsn, "810 " + cc + " " + nsn, "8 " + nsn, "0" + nsn, nsn, nsn.substring(1),
                        nsn + random.nextInt(10), random.nextInt(10) + nsn, "(" + nsn.substring(0, 3) + ") "
                                + nsn.substring(3))) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
