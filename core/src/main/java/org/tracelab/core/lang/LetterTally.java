package org.tracelab.core.lang;

import java.util.List;

/**
 * What {@link LetterEvidence}'s rules count in a lower-case text: the letters of each script the identifier reads
 * with an alphabet and those outside it, Latin letters with diacritics, Turkmen's, Kazakh's and Kyrgyz's letters, and
 * Uzbek's apostrophe letters. Each is a count or a flag that adds up over a text's lines to what one pass over the
 * whole text counts (no letter pair spans a line feed), so a line is tallied once and kept ({@link LineReadings}).
 */
final class LetterTally {
    /** The known alphabets by the scripts' positions in the counts ({@link #position}). */
    private static final List<boolean[]> KNOWN = List.of(table(LetterEvidence.KNOWN_LATIN),
            table(LetterEvidence.KNOWN_CYRILLIC), table(LetterEvidence.KNOWN_ARABIC),
            table(LetterEvidence.KNOWN_HEBREW));
    private static final String TURKIC_LATIN = "äçöşü";
    /** Turkish and Azerbaijani letters, Czech and Slovak ones, and the acute vowels and ð þ æ of Icelandic. */
    private static final String NOT_TURKMEN_LATIN = "ığəčšřěůľôťďáéíóúðþæ";
    private static final String KYRGYZ_SHARED = "ңөү";
    /** The telling letters' kinds, as bits by character: a look-up per letter rather than a search of five lists. */
    private static final int TURKMEN_OWN = 1;
    private static final int TURKIC = 2;
    private static final int NOT_TURKMEN = 4;
    private static final int KAZAKH_NOT_KYRGYZ = 8;
    private static final int SHARED_WITH_KYRGYZ = 16;
    private static final byte[] KINDS = kinds();

    /** Letters and marks of each script, and those of them outside the script's known alphabet. */
    private final int[] inScript = new int[KNOWN.size()];
    private final int[] foreign = new int[KNOWN.size()];
    private int latinLetters;
    private int latinMarked;
    private boolean turkmenOwn;
    private boolean turkic;
    private boolean notTurkmen;
    private boolean kazakhNotKyrgyz;
    private boolean kyrgyzShared;
    private int uzbekApostrophes;
    private int otherApostrophes;

    private LetterTally() {
    }

    /** Nothing counted yet: what {@link #add} sums lines into. */
    static LetterTally none() {
        return new LetterTally();
    }

    /** The tally of one lower-case text. */
    static LetterTally of(String lowerCaseText) {
        LetterTally t = new LetterTally();
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            boolean letter = Character.isLetter(c);
            if (letter || Character.getType(c) == Character.NON_SPACING_MARK) {
                int at = position(Scripts.of(c));
                if (at >= 0) {
                    t.inScript[at]++;
                    boolean[] known = KNOWN.get(at);
                    if (c >= known.length || !known[c]) {
                        t.foreign[at]++;
                    }
                    if (at == 0 && letter) {
                        t.latinLetters++;
                        t.latinMarked += c > 'z' ? 1 : 0;
                    }
                }
            }
            int kinds = c < KINDS.length ? KINDS[c] : 0;
            if (kinds != 0) {
                t.turkmenOwn |= (kinds & TURKMEN_OWN) != 0;
                t.turkic |= (kinds & TURKIC) != 0;
                t.notTurkmen |= (kinds & NOT_TURKMEN) != 0;
                t.kazakhNotKyrgyz |= (kinds & KAZAKH_NOT_KYRGYZ) != 0;
                t.kyrgyzShared |= (kinds & SHARED_WITH_KYRGYZ) != 0;
            }
            if (c == '\'' && i + 1 < lowerCaseText.length() && Character.isLetter(lowerCaseText.charAt(i + 1))) {
                char before = i > 0 ? lowerCaseText.charAt(i - 1) : ' ';
                if (before == 'o' || before == 'g') {
                    t.uzbekApostrophes++;
                } else if (!Character.isLetter(before) || "aeiuy".indexOf(before) < 0) {
                    t.otherApostrophes++;
                }
            }
        }
        return t;
    }

    /** Adds {@code line}'s counts to these. */
    void add(LetterTally line) {
        for (int i = 0; i < inScript.length; i++) {
            inScript[i] += line.inScript[i];
            foreign[i] += line.foreign[i];
        }
        latinLetters += line.latinLetters;
        latinMarked += line.latinMarked;
        turkmenOwn |= line.turkmenOwn;
        turkic |= line.turkic;
        notTurkmen |= line.notTurkmen;
        kazakhNotKyrgyz |= line.kazakhNotKyrgyz;
        kyrgyzShared |= line.kyrgyzShared;
        uzbekApostrophes += line.uzbekApostrophes;
        otherApostrophes += line.otherApostrophes;
    }

    /**
     * True when more than {@link LetterEvidence#MAX_FOREIGN_LETTERS} of the letters of {@code script} (Latin,
     * Cyrillic, Arabic or Hebrew) fall outside its known alphabet.
     */
    boolean mostlyForeign(Character.UnicodeScript script) {
        int at = position(script);
        if (at < 0) {
            throw new IllegalArgumentException("no known alphabet for " + script);
        }
        return inScript[at] > 0 && foreign[at] > LetterEvidence.MAX_FOREIGN_LETTERS * inScript[at];
    }

    /** True when the Latin letters hold so many with diacritics that the text cannot be Uzbek. */
    boolean diacriticsRuleOutUzbek() {
        return latinMarked > LetterEvidence.MAX_UZBEK_DIACRITICS * latinLetters;
    }

    /**
     * True when the text writes Turkmen's own letters (ý, ň) beside its Turkic ones (ä ç ö ş ü), and none of Turkish
     * or Azerbaijani (ı ğ ə), Czech or Slovak (č š ř ě ů ľ ô ť ď) or Icelandic (á ð þ…), the others with ý or ň.
     */
    boolean turkmen() {
        return turkmenOwn && turkic && !notTurkmen;
    }

    /** True when the text has Kyrgyz-or-Kazakh letters but none that Kyrgyz lacks. */
    boolean kyrgyzByAbsence() {
        return kyrgyzShared && !kazakhNotKyrgyz;
    }

    /**
     * How many times the text writes Uzbek's oʻ or gʻ (apostrophes unified) before a letter; 0 when apostrophes more
     * often start a word or follow another consonant, as Hawaiian's ʻokina and the ejectives of Mayan languages
     * (bʼ, kʼ, qʼ) do. Uzbek's tutuq belgisi follows vowels mostly (taʼlim, eʼlon), so it counts for neither.
     */
    int uzbekApostropheLetters() {
        return uzbekApostrophes >= otherApostrophes ? uzbekApostrophes : 0;
    }

    /** The script's position in the counts, -1 for a script without a known alphabet. */
    private static int position(Character.UnicodeScript script) {
        return switch (script) {
            case LATIN -> 0;
            case CYRILLIC -> 1;
            case ARABIC -> 2;
            case HEBREW -> 3;
            default -> -1;
        };
    }

    private static byte[] kinds() {
        String[] lists = {"ýň", TURKIC_LATIN, NOT_TURKMEN_LATIN, LetterEvidence.KAZAKH_NOT_KYRGYZ, KYRGYZ_SHARED};
        int max = 0;
        for (String list : lists) {
            for (int i = 0; i < list.length(); i++) {
                max = Math.max(max, list.charAt(i));
            }
        }
        byte[] kinds = new byte[max + 1];
        for (int k = 0; k < lists.length; k++) {
            for (int i = 0; i < lists[k].length(); i++) {
                kinds[lists[k].charAt(i)] |= (byte) (1 << k);
            }
        }
        return kinds;
    }

    private static boolean[] table(String letters) {
        int max = 0;
        for (int i = 0; i < letters.length(); i++) {
            max = Math.max(max, letters.charAt(i));
        }
        boolean[] t = new boolean[max + 1];
        for (int i = 0; i < letters.length(); i++) {
            t[letters.charAt(i)] = true;
        }
        return t;
    }
}
