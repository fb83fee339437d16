package org.tracelab.core.entities;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The phone precision suite: libphonenumber's own example numbers ({@link PhoneNumberUtil#getExampleNumberForType})
 * for every type in eleven regions, each written in eight or more ways inside ad sentences in Uzbek, Russian and
 * English; near misses of each (one digit dropped, one added, two swapped, a {@code +} number of another country's
 * length); and decoys (prices, dates, ids, IBAN-like strings). Tracelab's extractor and libphonenumber's
 * {@code PhoneNumberMatcher} ({@code findNumbers}, {@link PhoneNumberUtil.Leniency#VALID}) read the same sentences
 * in the same run, each with the region as its default.
 *
 * <p>A number found is <em>invented</em> when its digits are not the digits written where it was found, read by a
 * rule for how numbers are written (international with {@code +}, {@code 00} or {@code 810}; national with or
 * without a trunk prefix), or when more digits of the same written number stand right beside it (a digit dropped).
 * The numbers are libphonenumber's examples and made-up variants of them; the IBAN-like strings are the published
 * example IBANs or made up: all fictitious.
 *
 * <p>{@link #main} prints the table (Markdown); {@code bench/identifiers phones} runs it.
 */
final class PhonePrecisionSuite {

    static final List<String> REGIONS = List.of("UZ", "KZ", "KG", "TJ", "TM", "RU", "TR", "AE", "PL", "DE", "KR");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Regions that dropped the trunk 8 from their plans, which ads still write. */
    private static final Set<String> OLD_TRUNK_8 = Set.of("UZ", "TJ");

    enum Kind { TRUE_FORM, NEAR_MISS, DECOY }

    /** One sentence of the suite; {@code expected} is the E.164 number a true form writes, else null. */
    record Sentence(String region, Kind kind, String form, String text, String expected) {
    }

    /** A number a finder reported: E.164 value and the text it read it from. */
    record Found(String value, String raw) {
    }

    /** The figures of one finder in one region. */
    static final class Score {
        int trueForms;
        int recalled;
        int invented;
        int decoyFinds;
        int nearMissesRead;
        final List<String> inventedExamples = new ArrayList<>();
        final List<String> missedExamples = new ArrayList<>();
        final List<String> decoyExamples = new ArrayList<>();

        double recall() {
            return trueForms == 0 ? 1 : (double) recalled / trueForms;
        }
    }

    /** Both finders' scores for one region, and how many sentences of each kind it had. */
    record RegionResult(String region, int numbers, int trueForms, int nearMisses, int decoys, Score tracelab,
                        Score matcher) {
    }

    private PhonePrecisionSuite() {
    }

    /** Every sentence for {@code region}: true forms, near misses and decoys. */
    static List<Sentence> sentences(String region) {
        List<Sentence> out = new ArrayList<>();
        for (PhoneNumber n : examples(region)) {
            String e164 = UTIL.format(n, PhoneNumberFormat.E164);
            for (Map.Entry<String, String> f : forms(region, n).entrySet()) {
                for (String template : TEMPLATES) {
                    out.add(new Sentence(region, Kind.TRUE_FORM, f.getKey(), template.formatted(f.getValue()), e164));
                }
            }
            for (Map.Entry<String, String> f : nearMisses(region, n).entrySet()) {
                for (String template : TEMPLATES) {
                    out.add(new Sentence(region, Kind.NEAR_MISS, f.getKey(), template.formatted(f.getValue()), null));
                }
            }
            for (String d : numberDecoys(n)) {
                out.add(new Sentence(region, Kind.DECOY, "decoy", d, null));
            }
        }
        for (String d : DECOYS) {
            out.add(new Sentence(region, Kind.DECOY, "decoy", d, null));
        }
        return out;
    }

    /** Ad sentences in Uzbek (Latin and Cyrillic), Russian and English, each with one place for a number. */
    static final List<String> TEMPLATES = List.of(
            "Chet elda ish! Aloqa uchun: %s, har kuni javob beramiz.",
            "Ишга таклиф. Телефон %s (фақат ёзинг)",
            "Требуются работники, жильё бесплатно. Звоните %s, спросить Анну.",
            "Jobs abroad, visa help. Call %s today");

    /** Prices, dates, ids, account numbers and measures as ads write them: none is a phone number. */
    static final List<String> DECOYS = List.of(
            "Narxi 5 000 000 so'm, kelishamiz.",
            "Oylik 12 500 000 so'm dan boshlab",
            "Цена: 150 000 руб., торг уместен",
            "Зарплата 95 000 - 120 000 руб в месяц",
            "Salary $2,500 per month, bonus 15%",
            "Maosh 1 200 USD, 2 400 000 tenge",
            "Sana: 12.05.2023, vaqti 14:30",
            "Работа с 01.02.2024 по 28.02.2024",
            "Posted 2024-05-12 09:15, expires 2024-06-12",
            "Tug'ilgan sana 1990-01-15, yosh 18-35",
            "IBAN DE89 3704 0044 0532 0130 00",
            "IBAN: TR33 0006 1005 1978 6457 8413 26",
            "Account AE07 0331 2345 6789 0123 456",
            "Rachunek PL61 1090 1014 0000 0712 1981 2874",
            "Счёт KZ86 125K ZT50 0410 0100",
            "Hisob raqami 2020 8000 9001 2345 6001",
            "Karta 8600 1234 5678 9012",
            "Kvartira 75 m², 5/9 qavat, 3 xona",
            "Invoice INV-2024-000123, order #4815162342",
            "Паспорт AA 1234567, ИНН 123456789012");

    /** The example number of every type libphonenumber has for {@code region}, each once. */
    static List<PhoneNumber> examples(String region) {
        Map<String, PhoneNumber> byValue = new LinkedHashMap<>();
        for (PhoneNumberType t : PhoneNumberType.values()) {
            if (t == PhoneNumberType.UNKNOWN || t == PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                continue;
            }
            PhoneNumber n = UTIL.getExampleNumberForType(region, t);
            if (n != null && UTIL.isValidNumber(n)) {
                byValue.putIfAbsent(UTIL.format(n, PhoneNumberFormat.E164), n);
            }
        }
        return List.copyOf(byValue.values());
    }

    /** The ways {@code n} is written: name of the form → the form. */
    static Map<String, String> forms(String region, PhoneNumber n) {
        String cc = Integer.toString(n.getCountryCode());
        List<String> groups = groups(n);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("E.164", UTIL.format(n, PhoneNumberFormat.E164));
        f.put("spaced", "+" + cc + " " + String.join(" ", groups));
        f.put("dashed", "+" + cc + "-" + String.join("-", groups));
        f.put("parenthesised", "+" + cc + " (" + groups.get(0) + ") " + String.join("-", groups.subList(1, groups.size())));
        f.put("00", "00 " + cc + " " + String.join(" ", groups));
        String national = UTIL.format(n, PhoneNumberFormat.NATIONAL);
        f.put("national", national);
        List<String> nationalGroups = List.of(national.replaceAll("[^0-9]+", " ").strip().split(" "));
        f.put("dotted", String.join(".", nationalGroups));
        f.put("national compact", String.join("", nationalGroups));
        if (OLD_TRUNK_8.contains(region)) {
            f.put("old trunk 8", "8 " + national);
        }
        return f;
    }

    /** The national significant number in the groups libphonenumber's international format gives it (at least two). */
    static List<String> groups(PhoneNumber n) {
        String intl = UTIL.format(n, PhoneNumberFormat.INTERNATIONAL);
        List<String> gs = new ArrayList<>(List.of(intl.replaceAll("[^0-9]+", " ").strip().split(" ")));
        gs.remove(0); // the country code
        if (gs.size() == 1) {
            String g = gs.get(0);
            gs = new ArrayList<>(List.of(g.substring(0, 3), g.substring(3)));
        }
        return gs;
    }

    /** Near misses of {@code n}, each written with {@code +} and nationally: name → the form. */
    static Map<String, String> nearMisses(String region, PhoneNumber n) {
        String cc = Integer.toString(n.getCountryCode());
        String nsn = UTIL.getNationalSignificantNumber(n);
        List<String> groups = groups(n);
        Map<String, String> variants = new LinkedHashMap<>();
        int mid = nsn.length() / 2;
        variants.put("one dropped", nsn.substring(0, mid) + nsn.substring(mid + 1));
        variants.put("one added", nsn.substring(0, mid) + digitOtherThan(nsn.charAt(mid)) + nsn.substring(mid));
        int s = mid;
        while (s + 1 < nsn.length() && nsn.charAt(s) == nsn.charAt(s + 1)) {
            s++;
        }
        if (s + 1 < nsn.length()) {
            char[] c = nsn.toCharArray();
            char t = c[s];
            c[s] = c[s + 1];
            c[s + 1] = t;
            variants.put("two swapped", new String(c));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> v : variants.entrySet()) {
            String d = v.getValue();
            out.put(v.getKey() + ", +", "+" + cc + " " + String.join(" ", regroup(d, groups)));
            String trunk = trunk(region, n);
            out.put(v.getKey() + ", national", trunk + String.join(" ", regroup(d, groups)));
        }
        int otherLength = otherCountrysLength(region, nsn.length());
        String resized = (nsn + "0123456789").substring(0, otherLength);
        out.put("another country's length, +", "+" + cc + " " + String.join(" ", regroup(resized, groups)));
        return out;
    }

    /** Prices, ids and the like made of the number's own digits: valid phone digits that are no phone. */
    static List<String> numberDecoys(PhoneNumber n) {
        String nsn = UTIL.getNationalSignificantNumber(n);
        return List.of("ID: " + nsn + ", e'lon faol", "Заказ № " + n.getCountryCode() + nsn,
                "Narxi " + thousands(nsn) + " so'm", "Price " + thousands(nsn) + " USD");
    }

    private static String thousands(String digits) {
        StringBuilder b = new StringBuilder();
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            b.append(' ').append(digits, i, i + 3);
        }
        return b.toString();
    }

    private static String trunk(String region, PhoneNumber n) {
        String national = UTIL.format(n, PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
        String nsn = UTIL.getNationalSignificantNumber(n);
        return national.endsWith(nsn) && national.length() > nsn.length()
                ? national.substring(0, national.length() - nsn.length()) + " " : "";
    }

    private static char digitOtherThan(char c) {
        return c == '5' ? '3' : '5';
    }

    /** A national number length of another suite region, not one {@code region} uses for this kind of number. */
    private static int otherCountrysLength(String region, int own) {
        for (String r : REGIONS) {
            if (r.equals(region)) {
                continue;
            }
            for (PhoneNumber x : examples(r)) {
                int l = UTIL.getNationalSignificantNumber(x).length();
                if (Math.abs(l - own) == 1 || Math.abs(l - own) == 2) {
                    return l;
                }
            }
        }
        return own + 2;
    }

    /** {@code digits} cut in the sizes of {@code model}'s groups, the last group taking what is left. */
    static List<String> regroup(String digits, List<String> model) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < model.size() && at < digits.length(); i++) {
            int size = i == model.size() - 1 ? digits.length() - at : Math.min(model.get(i).length(), digits.length() - at);
            out.add(digits.substring(at, at + size));
            at += size;
        }
        return out;
    }

    /** Runs both finders over every sentence of every region. */
    static List<RegionResult> run() {
        List<RegionResult> out = new ArrayList<>();
        for (String region : REGIONS) {
            EntityExtractor x = new EntityExtractor(region);
            BiFunction<String, String, List<Found>> tracelab = (text, r) -> x.extract(text, EnumSet.of(EntityType.PHONE))
                    .stream().map(e -> new Found(e.value(), e.raw())).toList();
            BiFunction<String, String, List<Found>> matcher = (text, r) -> {
                List<Found> f = new ArrayList<>();
                for (PhoneNumberMatch m : UTIL.findNumbers(text, r, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                    f.add(new Found(UTIL.format(m.number(), PhoneNumberFormat.E164), m.rawString()));
                }
                return f;
            };
            List<Sentence> sentences = sentences(region);
            Score t = score(sentences, tracelab);
            Score m = score(sentences, matcher);
            out.add(new RegionResult(region, examples(region).size(), count(sentences, Kind.TRUE_FORM),
                    count(sentences, Kind.NEAR_MISS), count(sentences, Kind.DECOY), t, m));
        }
        return out;
    }

    private static int count(List<Sentence> sentences, Kind kind) {
        return (int) sentences.stream().filter(s -> s.kind() == kind).count();
    }

    static Score score(List<Sentence> sentences, BiFunction<String, String, List<Found>> finder) {
        Score s = new Score();
        for (Sentence sentence : sentences) {
            List<Found> found = finder.apply(sentence.text(), sentence.region());
            for (Found f : found) {
                if (!writtenThere(sentence.text(), f)) {
                    s.invented++;
                    if (s.inventedExamples.size() < 20) {
                        s.inventedExamples.add(sentence.form() + ": '" + sentence.text() + "' -> " + f.value()
                                + " from '" + f.raw() + "'");
                    }
                } else if (sentence.kind() == Kind.DECOY) {
                    s.decoyFinds++;
                    if (s.decoyExamples.size() < 20) {
                        s.decoyExamples.add("'" + sentence.text() + "' -> " + f.value() + " from '" + f.raw() + "'");
                    }
                } else if (sentence.kind() == Kind.NEAR_MISS) {
                    s.nearMissesRead++;
                }
            }
            if (sentence.kind() == Kind.TRUE_FORM) {
                s.trueForms++;
                if (found.stream().anyMatch(f -> f.value().equals(sentence.expected()))) {
                    s.recalled++;
                } else if (s.missedExamples.size() < 40) {
                    s.missedExamples.add(sentence.form() + ": '" + sentence.text() + "' -> " + found);
                }
            }
        }
        return s;
    }

    /**
     * Whether the number {@code f} is written in {@code text} where it was found: its raw text occurs there, holds
     * exactly the digits of one way of writing the number, and no further digit of the same written number stands
     * beside it (across spaces, dashes, dots and brackets).
     */
    static boolean writtenThere(String text, Found f) {
        int at = text.indexOf(f.raw());
        if (at < 0) {
            return false;
        }
        String digits = digitsOf(f.raw());
        String around = digitsOf(stretch(text, at, at + f.raw().length()));
        if (!around.equals(digits)) {
            return false;
        }
        PhoneNumber n;
        try {
            n = UTIL.parse(f.value(), "ZZ");
        } catch (NumberParseException e) {
            return false;
        }
        String cc = Integer.toString(n.getCountryCode());
        String nsn = UTIL.getNationalSignificantNumber(n);
        if (f.raw().contains("+")) {
            return digits.equals(cc + nsn);
        }
        for (String idd : List.of("", "00", "810")) {
            if (digits.equals(idd + cc + nsn)) {
                return true;
            }
        }
        for (String trunk : List.of("", "0", "8")) {
            if (digits.equals(trunk + nsn)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text[s,e)} widened over the characters a written number is made of. */
    private static String stretch(String text, int s, int e) {
        String numberChars = "0123456789 +-.()[]\u00A0";
        while (s > 0 && numberChars.indexOf(text.charAt(s - 1)) >= 0) {
            s--;
        }
        while (e < text.length() && numberChars.indexOf(text.charAt(e)) >= 0) {
            e++;
        }
        return text.substring(s, e);
    }

    private static String digitsOf(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(Character::isDigit).forEach(c -> b.append(Character.digit(c, 10)));
        return b.toString();
    }

    /** The results as a Markdown table with totals. */
    static String table(List<RegionResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| region | example numbers | true forms | recall Tracelab | recall PhoneNumberMatcher | invented"
                + " Tracelab | invented PhoneNumberMatcher | decoy finds Tracelab | decoy finds PhoneNumberMatcher"
                + " | near misses read as written, Tracelab / PhoneNumberMatcher |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        int numbers = 0;
        int forms = 0;
        int[] sums = new int[8];
        for (RegionResult r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %d | %d | %d | %d | %d / %d |%n",
                    r.region(), r.numbers(), r.trueForms(), r.tracelab().recall(), r.matcher().recall(),
                    r.tracelab().invented, r.matcher().invented, r.tracelab().decoyFinds, r.matcher().decoyFinds,
                    r.tracelab().nearMissesRead, r.matcher().nearMissesRead));
            numbers += r.numbers();
            forms += r.trueForms();
            sums[0] += r.tracelab().recalled;
            sums[1] += r.matcher().recalled;
            sums[2] += r.tracelab().invented;
            sums[3] += r.matcher().invented;
            sums[4] += r.tracelab().decoyFinds;
            sums[5] += r.matcher().decoyFinds;
            sums[6] += r.tracelab().nearMissesRead;
            sums[7] += r.matcher().nearMissesRead;
        }
        b.append(String.format(Locale.ROOT, "| all | %d | %d | %.3f | %.3f | %d | %d | %d | %d | %d / %d |%n",
                numbers, forms, (double) sums[0] / forms, (double) sums[1] / forms, sums[2], sums[3], sums[4],
                sums[5], sums[6], sums[7]));
        return b.toString();
    }

    /** Prints the table, then (with {@code --detail}) examples of what each finder missed or invented. */
    public static void main(String[] args) {
        List<RegionResult> results = run();
        System.out.print(table(results));
        if (List.of(args).contains("--detail")) {
            for (RegionResult r : results) {
                for (String x : r.tracelab().inventedExamples) {
                    System.out.println(r.region() + " Tracelab invented " + x);
                }
                for (String x : r.tracelab().missedExamples) {
                    System.out.println(r.region() + " Tracelab missed " + x);
                }
                for (String x : r.tracelab().decoyExamples) {
                    System.out.println(r.region() + " Tracelab read a decoy " + x);
                }
                for (String x : r.matcher().missedExamples) {
                    System.out.println(r.region() + " PhoneNumberMatcher missed " + x);
                }
                for (String x : r.matcher().inventedExamples) {
                    System.out.println(r.region() + " PhoneNumberMatcher invented " + x);
                }
            }
            Set<String> kinds = new TreeSet<>();
            for (String region : REGIONS) {
                sentences(region).forEach(s -> kinds.add(s.kind() + " " + s.form()));
            }
            System.out.println("forms: " + kinds);
        }
    }
}
