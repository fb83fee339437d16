package org.tracelab.core.entities;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two checks that keep a phone number Tracelab reports in the evidence exactly as it says: the digits read are
 * all of one written number (none of its digits left beside them), and the number is what those digits say when
 * read by a rule for how numbers are written. A number that fails either would be invented: a digit dropped, added
 * or moved, or a {@code +} number read as a national one; such a number can join unrelated ads into one cluster.
 */
final class WrittenNumber {

    /** Whether the groups of a run from a given one on begin a number (a second number written right after one). */
    @FunctionalInterface
    interface NextNumber {
        boolean startsAt(Deobfuscator.Run run, int group);
    }

    private WrittenNumber() {
    }

    /**
     * Whether groups {@code i..j} of {@code run} stand apart as one written number: they start the run, follow a
     * number read from it ({@code afterNumber}), or are set off from the digits before them by a visible separator
     * the number itself does not use ("1) 90 123-45-67", not "0 1512 356789"); a '+' run's number starts at its '+'. At the end likewise,
     * except that a number written without '+' may be followed by a few digits of something else ("… 45 67 12 ta
     * bor"). Never inside a stretch of single digits ("[9][0][4] [4][6][8] [7][0][8][1]" is one number or none).
     */
    static boolean standsApart(String text, Deobfuscator.Run run, int i, int j, boolean afterNumber, NextNumber next) {
        List<Deobfuscator.Group> gs = run.groups();
        Set<String> inside = new HashSet<>();
        for (int k = i; k < j; k++) {
            inside.add(separator(text, gs, k));
        }
        if (i > 0 && !afterNumber) {
            String before = separator(text, gs, i - 1);
            if (run.plus() || single(gs, i - 1) && single(gs, i) || inside.contains(before) || plain(before)) {
                return false;
            }
        }
        if (j == gs.size() - 1) {
            return true;
        }
        if (single(gs, j) && single(gs, j + 1)) {
            return false;
        }
        boolean international = run.plus() && i == 0;
        return !international || !inside.contains(separator(text, gs, j)) || next.startsAt(run, j + 1);
    }

    /**
     * Whether a number found at {@code text[s,e)} (by a reader that does not know the runs) stands as written: it
     * starts and ends on group boundaries of the run it lies in, takes a '+' run's '+', and stands apart
     * ({@link #standsApart}) from the digits around it; {@code before} holds the numbers accepted so far.
     */
    static boolean standsAsWritten(String text, List<Deobfuscator.Run> runs, int s, int e, List<Entity> before) {
        Deobfuscator.Run run = null;
        for (Deobfuscator.Run r : runs) {
            if (r.start() < e && s < r.end()) {
                run = r;
                break;
            }
        }
        if (run == null) {
            return true;
        }
        List<Deobfuscator.Group> gs = run.groups();
        int i = 0;
        while (i < gs.size() && gs.get(i).end() <= s) {
            i++;
        }
        int j = gs.size() - 1;
        while (j >= 0 && gs.get(j).start() >= e) {
            j--;
        }
        if (i >= gs.size() || j < i || gs.get(i).start() < s || gs.get(j).end() > e) {
            return false; // it cuts a group of digits
        }
        if (run.plus() && i == 0 && s > run.start()) {
            return false; // a '+' number read without its '+'
        }
        int prevEnd = i > 0 ? gs.get(i - 1).end() : -1;
        int start = gs.get(i).start();
        boolean afterNumber = i > 0 && before.stream().anyMatch(b -> b.end() >= prevEnd && b.end() <= start);
        return standsApart(text, run, i, j, afterNumber, (r, g) -> false);
    }

    /**
     * Whether {@code digits}, as written (with a '+' before them or not), are number {@code n} read by a rule for
     * writing numbers: with '+', country code and national number; without, the national number alone, after a
     * trunk prefix (0, 8), after the country code, or after an international prefix (00, 8~10) and the country code.
     */
    static boolean reads(String digits, boolean plus, PhoneNumber n, PhoneNumberUtil util) {
        String cc = Integer.toString(n.getCountryCode());
        String nsn = util.getNationalSignificantNumber(n);
        if (plus) {
            return digits.equals(cc + nsn);
        }
        return digits.equals(nsn) || digits.equals(cc + nsn) || digits.equals("0" + nsn) || digits.equals("8" + nsn)
                || digits.equals("00" + cc + nsn) || digits.equals("810" + cc + nsn);
    }

    /** The decimal digits of {@code raw}, in any script, as ASCII. */
    static String digits(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        raw.codePoints().filter(Character::isDigit).forEach(c -> b.append(Character.digit(c, 10)));
        return b.toString();
    }

    /** Whether {@code raw} is written with a '+' (or a full-width one). */
    static boolean plus(String raw) {
        return raw.indexOf('+') >= 0 || raw.indexOf('\uFF0B') >= 0;
    }

    private static String separator(String text, List<Deobfuscator.Group> gs, int k) {
        return text.substring(gs.get(k).end(), gs.get(k + 1).start());
    }

    /** A separator of blanks, dashes, dots and underscores only: one that also joins the groups of one number. */
    private static boolean plain(String separator) {
        for (int k = 0; k < separator.length(); k++) {
            if (" -.\u00A0\u202F\u2009\t_".indexOf(separator.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean single(List<Deobfuscator.Group> gs, int k) {
        return gs.get(k).digits().length() == 1;
    }
}
