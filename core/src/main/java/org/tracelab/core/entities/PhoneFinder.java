package org.tracelab.core.entities;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracelab.core.internal.KeptAnswers;

/**
 * Finds telephone numbers and normalises them to E.164 with libphonenumber.
 *
 * <p>Two passes. The first is libphonenumber's own {@code findNumbers} with {@link PhoneNumberUtil.Leniency#VALID}
 * over the text as written, reading numbers without a country code in the default region. The second reads the
 * {@link Deobfuscator}'s numeric runs (digits as words, look-alike letters, emoji between digits, …), splits each
 * run into numbers at group boundaries and validates each with libphonenumber; it also catches what the first pass
 * cannot: several numbers written back to back, a leading trunk {@code 8} in Uzbekistan and Tajikistan (gone from
 * their numbering plans, still in ads), a Kazakh or Russian {@code 8 7xx …} number in another region's ad, a Kazakh
 * mobile written without +7 ({@code (747) 555-00-01}) when it is no valid number of the ad's region, a Russian
 * mobile grouped the Russian way without +7 ({@code (916) 555-12-34}), a Kyrgyz number after its trunk {@code 0},
 * and an international number written without its {@code +} ({@code 996555123456}).
 *
 * <p>A number is reported only as written ({@link WrittenNumber}): its digits are all of one written number, read by
 * the rule for how it was written ('+', {@code 00} or {@code 8~10} and a country code; national with or without a
 * trunk prefix), never with a digit dropped, added or moved. A '+' number that does not validate is no number: its
 * digits are not read again as a national one. In a run of single digits ({@code 9 0 1 2 …}) the whole run is one
 * number or none.
 *
 * <p>Both passes drop what reads as a price, a date, an ad or document id, a bank card, an IBAN or account number, a
 * percentage, or a number inside a link, an e-mail address or a wallet address.
 *
 * <p>Thread-safe; it changes only in the answers it keeps for lines seen before.
 */
final class PhoneFinder {

    /** Country calling codes also recognised when written without '+' (the region's own is always). */
    private static final Set<String> BARE_COUNTRY_CODES = Set.of("998", "996", "992", "993", "7");
    /** Regions whose plans dropped the trunk prefix 8 that people still write. */
    private static final Set<String> OLD_TRUNK_8 = Set.of("UZ", "TJ");
    private static final int MAX_DIGITS = 15; // E.164 allows no more
    /** Regions where "8~10" dials out, or did until lately: ads there still write it for '+'. */
    private static final Set<String> EIGHT_TEN = Set.of("RU", "KZ", "UZ", "TJ", "TM", "KG", "BY");
    /**
     * Ten digits opening with a Kazakh mobile code (700–709, 747, 771, 775–778): in Central Asian ads that is a
     * Kazakh mobile written without +7, whatever the ad's region, since no other plan nearby has ten-digit 7xx
     * numbers.
     */
    private static final Pattern KZ_MOBILE_WITHOUT_7 = Pattern.compile("7(?:0\\d|47|71|7[5-8])\\d{7}");

    /** A calendar date with a four-digit year (dd.mm.yyyy, dd/mm/yyyy, yyyy-mm-dd); "12-34-56" is a phone's tail. */
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(?:(?:0?[1-9]|[12]\\d|3[01])([./-])(?:0?[1-9]|1[0-2])\\1(?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}([./-])(?:0?[1-9]|1[0-2])\\2(?:0?[1-9]|[12]\\d|3[01]))(?!\\d)");
    /** 1 500 000 / 150.000.000 / 990,000,000: thousands grouping that ends in 000 is money, not a phone. */
    private static final Pattern THOUSANDS = Pattern.compile(
            "\\d{1,3}(?:([ \u00A0\u202F\u2009.,'’])\\d{3})(?:\\1\\d{3})*\\1000|\\d{1,3}(?:[ \u00A0\u202F\u2009.,'’]000){2,}");
    /** An IBAN as written: country, check digits, then groups of four letters or digits ("KZ86 125K ZT50 0410 0100"). */
    static final Pattern IBAN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?:[ \u00A0]?[A-Z0-9]{4}){2,7}(?:[ \u00A0]?[A-Z0-9]{1,3})?(?![\\p{L}\\p{N}])");
    private static final Pattern GROUP_SPLIT = Pattern.compile("[^0-9]+");
    private static final Pattern AFTER_NOT_PHONE = Pattern.compile(
            "(?:so['ʻʼ’‘`]?m|сўм|сум|сом|sum(?![a-z])|руб|р\\.|₽|rub(?![a-z])|тенге|тг(?![а-я])|tenge|₸|\\$|usd"
                    + "|у\\.\\s?е|y\\.\\s?e|уе(?![а-я])|долл|dollar|доллар|евро|euro|eur(?![a-z])|€|млн|mln|million|миллион"
                    + "|млрд|mlrd|тыс|ming(?![a-z])|%|km|км|kg|кг|м2|m2|м²|m²|kv\\.?\\s?m|кв\\.?\\s?м|sotix|сотик|соток)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BEFORE_NOT_PHONE = Pattern.compile(
            "(?:[$€₽₸£¥]|№|#|(?<![\\p{L}\\p{N}])(?:цена|цены|стоимость|стоит|narx|narxi|нарх|нархи|price|cost|oylik|maosh"
                    + "|маош|зарплата|зп|id|код|code|артикул|инн|stir|паспорт|passport|заказ|order|e['ʻʼ’‘`]?lon|эълон"
                    + "|объявлени[ея]|sku|invoice|счет|счёт|hisob|дог[оа]вор|shartnoma)"
                    + "(?![\\p{L}\\p{N}]))[\\s:.=#№\\-–—]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Pieces whose libphonenumber matches are kept (template lines, record fields); longer ones are read each time. */
    static final int KEPT_LINES = 8_192;
    static final int MAX_KEPT_LINE = 400;
    /**
     * Numbers whose validity is kept: the second pass asks for the same digits in an ad's page and in its record,
     * and for a site's own number on every page.
     */
    static final int KEPT_NUMBERS = 8_192;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final KeptAnswers<String, List<Match>> lines = new KeptAnswers<>(KEPT_LINES);
    private final KeptAnswers<String, Optional<PhoneNumber>> numbers = new KeptAnswers<>(KEPT_NUMBERS);
    private final String region;
    private final PhoneDigitBound bound;
    private final PhoneDigitBlocks blocks;
    private final Deobfuscator deobfuscator;

    PhoneFinder(String defaultRegion, Deobfuscator deobfuscator) {
        this.region = defaultRegion.toUpperCase(Locale.ROOT);
        this.deobfuscator = deobfuscator;
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("unknown region '" + defaultRegion + "'");
        }
        this.bound = new PhoneDigitBound(region);
        this.blocks = new PhoneDigitBlocks(region);
    }

    String region() {
        return region;
    }

    /** Phones in {@code text}, by start offset, none overlapping a span in {@code excluded} (sorted or not). */
    List<Entity> find(String text, List<Span> given) {
        List<Span> excluded = withIbans(text, given);
        List<Deobfuscator.Run> runs = deobfuscator.runs(text);
        List<Entity> first = new ArrayList<>();
        for (Match m : libphonenumberMatches(text)) {
            int s = m.start();
            int e = m.end();
            if (!Span.overlapsAny(excluded, s, e) && !notAPhone(text, s, e)
                    && WrittenNumber.standsAsWritten(text, runs, s, e, first)
                    && WrittenNumber.reads(WrittenNumber.digits(m.raw()), WrittenNumber.plus(m.raw()),
                    m.number(), util)) {
                first.add(entity(text, s, e, m.number()));
            }
        }
        List<Entity> second = new ArrayList<>();
        for (Deobfuscator.Run run : runs) {
            if (isBankCard(run) || isAccountNumber(run) || coveredByOne(first, run)) {
                continue;
            }
            split(text, run, excluded, second);
        }
        return merge(text, first, second);
    }

    /**
     * What libphonenumber's {@code findNumbers} (leniency VALID, the default region) finds in {@code text}, read piece
     * by piece, a piece ending at a line break or a double quote: no match spans one (none of its pattern's classes
     * holds either), and what it checks around a match (a Latin letter, a currency sign or a '%' just before or
     * after, a time's ":mm" after) reads either as it reads the text's end. So a piece's matches are the same wherever
     * it stands, and a piece seen before is not read again: a site's template lines (its notice, its footer with the
     * office phone), and the fields of an ad's record (JSON, one line), which repeat the lines of its page (the body)
     * or of other ads (a price, a city). A piece without a cluster of digits long enough for a valid number
     * ({@link PhoneDigitBound}: prices, years, sizes, times) is not read at all. libphonenumber's parse and validation
     * of every candidate was most of phone finding.
     *
     * <p>A piece that may hold a number is read window by window ({@link #readWindows}).
     */
    List<Match> libphonenumberMatches(String text) {
        List<Match> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int to = pieceEnd(text, from);
            if (bound.mayHoldNumber(text, from, to)) {
                readWindows(text, from, to, out);
            }
            if (to == text.length()) {
                break;
            }
            from = to + 1;
        }
        return out;
    }

    /**
     * Reads {@code text[from,to)} in windows that meet at a {@linkplain #windowEdge window edge}, a letter no match
     * can hold, each window holding the edge on either side of it; a window without a cluster of digits long enough
     * for a valid number is not read. Within a piece, most of what {@code findNumbers} parsed and threw away was
     * a price, a date or a size beside the ad's phone: each now sits in a window of its own, left unread. Why the
     * matches are the same: no match holds an edge, so each lies inside one window, where the matcher's search,
     * started before it, finds it as in the piece (its pattern has no anchors or look-arounds, and the search goes
     * on after a failed candidate from that candidate's end); what it checks around a match is the char before and
     * the char after (a Latin letter, a currency sign, '%'), which a window holds as the piece does, edges included,
     * and a time's {@code :mm} after, which holds no letter.
     */
    private void readWindows(String text, int from, int to, List<Match> out) {
        int start = from;
        int edge = nextWindowEdge(text, from, to);
        while (true) {
            int end = edge < to ? edge + 1 : to;
            if (start == from && end == to || bound.mayHoldNumber(text, start, end)) {
                List<Match> found = end - start <= MAX_KEPT_LINE
                        ? lines.get(text.substring(start, end), this::matchesInLine)
                        : matchesInLine(text.substring(start, end));
                for (Match m : found) {
                    out.add(new Match(start + m.start(), start + m.end(), m.raw(), m.number()));
                }
            }
            if (edge >= to) {
                return;
            }
            start = edge;
            edge = nextWindowEdge(text, edge + 1, to);
        }
    }

    private static int nextWindowEdge(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (windowEdge(text.charAt(i))) {
                return i;
            }
        }
        return to;
    }

    /** The Latin letters in none of the extension labels, and the Cyrillic ones in {@code доб}. */
    private static final String EDGE_LATIN = "bcfghjklmpqruvwyz";
    private static final String EDGE_CYRILLIC_NOT = "\u0434\u043E\u0431";

    /**
     * A letter that no match of {@code findNumbers} holds: its pattern allows digits, punctuation (with {@code x}),
     * leading brackets and pluses, and an extension's labels ({@code ext}, {@code extension}, {@code extensión},
     * {@code anexo}, {@code int}, {@code доб}, {@code ;ext=}), matched ignoring case. The Latin letters outside those
     * labels (in both cases, and no other letter whose case folds to one in them, as {@code ſ} and {@code İ} do), and
     * the basic Cyrillic letters but {@code д}, {@code о}, {@code б}.
     */
    static boolean windowEdge(char c) {
        if (c < 0x80) {
            return EDGE_LATIN.indexOf(c | 0x20) >= 0; // only B-Z and b-z land on b-z
        }
        return c >= '\u0410' && c <= '\u044F' && EDGE_CYRILLIC_NOT.indexOf(Character.toLowerCase(c)) < 0;
    }

    /**
     * Where the piece of {@code text} that starts at {@code from} ends: at its next line break or double quote. The
     * deobfuscator keeps its runs by the same pieces.
     */
    static int pieceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '"') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * {@code findNumbers} over {@code line}, unless its digit blocks can give no valid number ({@link PhoneDigitBlocks}:
     * an ad's dates with their times, a fifth of the finder's time when read).
     */
    private List<Match> matchesInLine(String line) {
        if (!blocks.mayHoldNumber(line, 0, line.length())) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        for (PhoneNumberMatch m : util.findNumbers(line, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            out.add(new Match(m.start(), m.end(), m.rawString(), m.number()));
        }
        return List.copyOf(out);
    }

    /** One of libphonenumber's matches: where it lies, as written, and the number read (never changed after). */
    record Match(int start, int end, String raw, PhoneNumber number) {
    }

    /**
     * The longest valid numbers, left to right, at group boundaries of {@code run}, each standing apart as written
     * ({@link WrittenNumber#standsApart}). A run opening with '+' is read as one international number first; when
     * no prefix of it is one, none of its digits is read as anything else.
     */
    private void split(String text, Deobfuscator.Run run, List<Span> excluded, List<Entity> out) {
        List<Deobfuscator.Group> gs = run.groups();
        int i = 0;
        boolean afterNumber = false;
        while (i < gs.size()) {
            boolean plus = run.plus() && i == 0;
            StringBuilder digits = new StringBuilder();
            PhoneNumber best = null;
            int bestJ = -1;
            for (int j = i; j < gs.size(); j++) {
                digits.append(gs.get(j).digits());
                if (digits.length() > MAX_DIGITS) {
                    break;
                }
                if (digits.length() >= Deobfuscator.MIN_RUN_DIGITS
                        && WrittenNumber.standsApart(text, run, i, j, afterNumber, this::startsNumber)) {
                    PhoneNumber n = interpret(digits.toString(), plus);
                    if (n == null && !plus) {
                        n = russianMobile(gs.subList(i, j + 1), digits.toString());
                    }
                    if (n != null && WrittenNumber.reads(digits.toString(), plus, n, util)) {
                        best = n;
                        bestJ = j;
                    }
                }
            }
            if (best != null) {
                int s = plus ? run.start() : gs.get(i).start();
                int e = gs.get(bestJ).end();
                int close = text.indexOf(')', s);
                if (!plus && s > 0 && text.charAt(s - 1) == '(' && close >= 0 && close < e) {
                    s--; // "(747) 555-00-01": the bracket around the first group is part of the number
                }
                if (!Span.overlapsAny(excluded, s, e) && !notAPhone(text, s, e)) {
                    out.add(entity(text, s, e, best));
                }
                i = bestJ + 1;
                afterNumber = true;
            } else if (plus) {
                return; // "+971 53 123 456": an international number that is none is no national one either
            } else {
                i++;
                afterNumber = false;
            }
        }
    }

    /** Whether the groups of {@code run} from {@code i} on begin a valid number written without '+'. */
    private boolean startsNumber(Deobfuscator.Run run, int i) {
        StringBuilder digits = new StringBuilder();
        List<Deobfuscator.Group> gs = run.groups();
        for (int j = i; j < gs.size() && digits.length() <= MAX_DIGITS; j++) {
            digits.append(gs.get(j).digits());
            if (digits.length() >= Deobfuscator.MIN_RUN_DIGITS && interpret(digits.toString(), false) != null) {
                return true;
            }
        }
        return false;
    }

    /** A valid number read from bare digits as people write them, or null. */
    PhoneNumber interpret(String digits, boolean plus) {
        if (plus) {
            return valid("+" + digits);
        }
        if (digits.startsWith("00")) { // "00 998 …": international, and nothing else
            return valid("+" + digits.substring(2));
        }
        if (digits.startsWith("810") && EIGHT_TEN.contains(region)) { // "8~10 998 …" likewise
            return valid("+" + digits.substring(3));
        }
        PhoneNumber n = valid(digits);
        if (n != null) {
            return n;
        }
        if (digits.charAt(0) == '8') {
            if (OLD_TRUNK_8.contains(region) && (n = valid(digits.substring(1))) != null
                    && region.equals(util.getRegionCodeForNumber(n))) {
                return n;
            }
            if (digits.length() == 11 && (n = valid("+7" + digits.substring(1))) != null) {
                return n;
            }
        }
        if (KZ_MOBILE_WITHOUT_7.matcher(digits).matches() && (n = valid("+7" + digits)) != null
                && "KZ".equals(util.getRegionCodeForNumber(n))) {
            return n;
        }
        for (String cc : BARE_COUNTRY_CODES) {
            if (digits.startsWith(cc) && (n = valid("+" + digits)) != null) {
                return n;
            }
        }
        if (digits.length() == 10 && digits.charAt(0) == '0' && (n = valid("+996" + digits.substring(1))) != null
                && "KG".equals(util.getRegionCodeForNumber(n))) {
            return n; // Kyrgyzstan's trunk 0 ("0 (555) 123 456"): no other plan nearby has a 0 before nine digits
        }
        return null;
    }

    /**
     * A Russian mobile written without +7 or 8 the way Russians group it, {@code (916) 555-12-34}: ten digits from a
     * 9xx code in groups of 3, 3, 2 and 2. Bare ten digits ("9161234567") stay unread: they are as often an id.
     */
    private PhoneNumber russianMobile(List<Deobfuscator.Group> groups, String digits) {
        if (groups.size() != 4 || digits.charAt(0) != '9') {
            return null;
        }
        int[] sizes = {3, 3, 2, 2};
        for (int k = 0; k < 4; k++) {
            if (groups.get(k).digits().length() != sizes[k]) {
                return null;
            }
        }
        PhoneNumber n = valid("+7" + digits);
        return n != null && "RU".equals(util.getRegionCodeForNumber(n)) ? n : null;
    }

    /**
     * The number if {@code s} parses in the default region and is valid, else null; the answer is shared and must not
     * be changed.
     */
    PhoneNumber valid(String s) {
        return numbers.get(s, this::parsedValid).orElse(null);
    }

    private Optional<PhoneNumber> parsedValid(String s) {
        try {
            PhoneNumber n = util.parse(s, region);
            return util.isValidNumber(n) ? Optional.of(n) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    Entity entity(String text, int s, int e, PhoneNumber n) {
        String e164 = util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        String r = util.getRegionCodeForNumber(n);
        if (r == null || r.equals(PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY)) {
            r = null;
        }
        PhoneNumberUtil.PhoneNumberType type = util.getNumberType(n);
        String raw = text.substring(s, e);
        return new Entity(EntityType.PHONE, e164, raw, s, e, r,
                type == PhoneNumberUtil.PhoneNumberType.UNKNOWN ? null : type.name(),
                Deobfuscator.needsDecoding(text, s, e) || spacedOut(raw));
    }

    /** Digits written one by one ("9 0 1 2 3 4 5 6 7", "9.0.1.2…"): four or more single-digit groups. */
    private static boolean spacedOut(String raw) {
        int singles = 0;
        for (String g : GROUP_SPLIT.split(raw)) {
            if (g.length() == 1) {
                singles++;
            }
        }
        return singles >= 4;
    }

    /**
     * "996 555 123 000": twelve digits opening with a Central Asian country code read as a phone even when grouped
     * like money, since no price in an ad runs to hundreds of billions.
     */
    private static boolean internationalWithoutPlus(String raw) {
        String digits = GROUP_SPLIT.matcher(raw).replaceAll("");
        return digits.length() == 12 && BARE_COUNTRY_CODES.contains(digits.substring(0, 3));
    }

    /** "100 200 300", "200 300 400 500": groups that are all round hundreds are amounts, not a phone. */
    private static boolean roundGroups(String raw) {
        String[] groups = GROUP_SPLIT.split(raw.strip());
        int n = 0;
        for (String g : groups) {
            if (g.isEmpty()) {
                continue;
            }
            if (!g.endsWith("00")) {
                return false;
            }
            n++;
        }
        return n >= 2;
    }

    /** {@code excluded} and the IBANs of {@code text}, whose digit groups are no phone numbers. */
    private static List<Span> withIbans(String text, List<Span> excluded) {
        AnchoredMatches at = ibanStarts(text).over(IBAN.matcher(text));
        if (!at.find()) {
            return excluded;
        }
        Matcher m = at.matcher();
        List<Span> out = new ArrayList<>(excluded);
        do {
            out.add(new Span(m.start(), m.end()));
        } while (at.find());
        return out;
    }

    /**
     * Where an IBAN can start: two capital Latin letters and two digits. The pattern tried at every offset was a
     * fifteenth of the phone finder's time on ads, which almost never hold one.
     */
    static AnchoredMatches.Starts ibanStarts(String text) {
        AnchoredMatches.Starts starts = new AnchoredMatches.Starts();
        for (int i = 0; i + 3 < text.length(); i++) {
            if (capital(text.charAt(i)) && capital(text.charAt(i + 1)) && digit(text.charAt(i + 2))
                    && digit(text.charAt(i + 3))) {
                starts.add(i);
            }
        }
        return starts;
    }

    private static boolean capital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the digits at {@code text[s,e)} read, in context, as money, a date, an id or a measure. */
    static boolean notAPhone(String text, int s, int e) {
        String raw = text.substring(s, e);
        if (DATE.matcher(raw).find()) {
            return true;
        }
        if (s >= 2 && text.charAt(s - 1) == '-' && Character.isLetter(text.charAt(s - 2))) {
            return true; // "INV-2024-000123", "AB-1234567": a code glued to letters is an id
        }
        if ((THOUSANDS.matcher(raw.strip()).matches() && !internationalWithoutPlus(raw)) || roundGroups(raw)) {
            return true;
        }
        int a = e;
        int skipped = 0;
        while (a < text.length() && skipped < 3 && Character.isSpaceChar(text.charAt(a))) {
            a++;
            skipped++;
        }
        if (AFTER_NOT_PHONE.matcher(text).region(a, Math.min(text.length(), a + 12)).lookingAt()) {
            return true;
        }
        int from = s;
        while (from > 0 && s - from < 32 && text.charAt(from - 1) != '\n') {
            from--;
        }
        return BEFORE_NOT_PHONE.matcher(text).region(from, s).find();
    }

    /** Whether one first-pass match already spans the whole run (nothing left for the second pass to read). */
    private static boolean coveredByOne(List<Entity> first, Deobfuscator.Run run) {
        int i = firstEndingAfter(first, run.start());
        return i < first.size() && first.get(i).start() <= run.start() && first.get(i).end() >= run.end();
    }

    /** In {@code sorted} (text order, no overlaps), the index of the first entity ending after {@code pos}. */
    private static int firstEndingAfter(List<Entity> sorted, int pos) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).end() <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether {@code text[from,to)} is a lone trunk 0 with its spaces and opening bracket. */
    private static boolean trunkZero(String text, int from, int to) {
        return text.substring(from, to).replaceAll("[\\s(]", "").equals("0");
    }

    /** Four or more groups of four digits (the last may be shorter), 16 digits or more: an account or card number. */
    private static boolean isAccountNumber(Deobfuscator.Run run) {
        List<Deobfuscator.Group> gs = run.groups();
        if (gs.size() < 4 || run.digitCount() < 16) {
            return false;
        }
        for (int k = 0; k < gs.size() - 1; k++) {
            if (gs.get(k).digits().length() != 4) {
                return false;
            }
        }
        return gs.get(gs.size() - 1).digits().length() <= 4;
    }

    /** A 16-digit run that passes the Luhn check is a payment card (Uzcard 8600…, Humo 9860…, Visa, …). */
    private static boolean isBankCard(Deobfuscator.Run run) {
        String d = run.digits();
        if (d.length() != 16 || run.plus()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            int v = d.charAt(15 - i) - '0';
            if (i % 2 == 1) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    /**
     * First-pass matches stand; a second-pass match is added where it overlaps none of them, or replaces one it
     * contains that is the same number (a trunk 8 or a '+' the first pass left out) or that only lacks its trunk 0.
     */
    private static List<Entity> merge(String text, List<Entity> first, List<Entity> second) {
        // both lists are in text order and free of overlaps within themselves; first[i].end grows with i
        List<Entity> kept = new ArrayList<>(first);
        List<Entity> added = new ArrayList<>();
        for (Entity c : second) {
            int lo = firstEndingAfter(first, c.start());
            if (lo == first.size() || first.get(lo).start() >= c.end()) {
                added.add(c);
                continue;
            }
            Entity f = first.get(lo);
            boolean onlyOne = lo + 1 == first.size() || first.get(lo + 1).start() >= c.end();
            boolean contains = onlyOne && c.start() <= f.start() && c.end() >= f.end();
            if (contains && c.value().equals(f.value()) && (c.start() < f.start() || c.end() > f.end())) {
                kept.set(lo, c);
            } else if (contains && c.end() == f.end() && trunkZero(text, c.start(), f.start())) {
                kept.set(lo, c); // "0 (555) 123 456": the first pass read the number without its Kyrgyz trunk 0
            }
        }
        kept.addAll(added);
        kept.sort(Comparator.comparingInt(Entity::start).thenComparingInt(Entity::end));
        return kept;
    }
}
