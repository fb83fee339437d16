package org.tracelab.core.lang;

/**
 * How many letters of a text each writing system holds: the first and cheapest cut, since Hangul, kana, Han and
 * Hebrew letters name their language outright and Latin, Cyrillic and Arabic narrow the candidates.
 */
final class ScriptCensus {
    /** The writing systems the identifier tells apart; Han and kana count together as {@link #CJK}. */
    enum Script { LATIN, CYRILLIC, ARABIC, HEBREW, HANGUL, CJK, OTHER }

    private final int[] letters = new int[Script.values().length];
    private int kana;
    private int total;

    private ScriptCensus() {
    }

    /** Nothing counted yet: what {@link #add} sums a text's lines into. */
    static ScriptCensus none() {
        return new ScriptCensus();
    }

    /** Adds {@code line}'s counts to these: a text's census is the sum of its lines'. */
    void add(ScriptCensus line) {
        for (int i = 0; i < letters.length; i++) {
            letters[i] += line.letters[i];
        }
        kana += line.kana;
        total += line.total;
    }

    /** Counts the letters of {@code text} by script. */
    static ScriptCensus of(String text) {
        ScriptCensus census = new ScriptCensus();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                census.add(cp);
            }
        }
        return census;
    }

    private void add(int cp) {
        Character.UnicodeScript script = Scripts.of(cp);
        Script group = switch (script) {
            case LATIN -> Script.LATIN;
            case CYRILLIC -> Script.CYRILLIC;
            case ARABIC -> Script.ARABIC;
            case HEBREW -> Script.HEBREW;
            case HANGUL -> Script.HANGUL;
            case HAN -> Script.CJK;
            case HIRAGANA, KATAKANA -> {
                kana++;
                yield Script.CJK;
            }
            // The prolonged sound mark ー is "common" script but only Japanese writes it among letters.
            default -> cp == 'ー' ? Script.CJK : Script.OTHER;
        };
        letters[group.ordinal()]++;
        total++;
    }

    /** All letters counted. */
    int letters() {
        return total;
    }

    /** Letters of {@code script}. */
    int letters(Script script) {
        return letters[script.ordinal()];
    }

    /** Hiragana and katakana letters, a subset of {@link Script#CJK}. */
    int kana() {
        return kana;
    }

    /** The script with the most letters; {@link Script#OTHER} for a text without letters. */
    Script dominant() {
        Script best = Script.OTHER;
        int most = 0;
        for (Script s : Script.values()) {
            if (letters[s.ordinal()] > most) {
                best = s;
                most = letters[s.ordinal()];
            }
        }
        return best;
    }

    /** The share of all letters written in {@code script}, 0 for a text without letters. */
    double share(Script script) {
        return total == 0 ? 0 : letters(script) / (double) total;
    }
}
