package org.tracelab.samples.internal;

/**
 * Writes Uzbek Latin text in Uzbek Cyrillic, so each template is authored once and both scripts read alike.
 * Text inside {braces} is a placeholder name and is left alone.
 */
final class UzbekTransliterator {
    /** Brand names and abbreviations that Uzbek Cyrillic texts also write in Latin letters. */
    private static final java.util.Set<String> KEEP = java.util.Set.of("Tracelab", "IELTS", "GB", "Bozor", "Demo", "TG");

    private UzbekTransliterator() {
    }

    static String toCyrillic(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        int i = 0;
        boolean inPlaceholder = false;
        while (i < latin.length()) {
            char c = latin.charAt(i);
            if (c == '{') {
                inPlaceholder = true;
            }
            if (inPlaceholder) {
                out.append(c);
                inPlaceholder = c != '}';
                i++;
                continue;
            }
            char next = i + 1 < latin.length() ? latin.charAt(i + 1) : '\0';
            boolean upper = Character.isUpperCase(c);
            char lower = Character.toLowerCase(c);
            char nextLower = Character.toLowerCase(next);
            boolean wordStart = i == 0 || !Character.isLetter(latin.charAt(i - 1)) && !isApostrophe(latin.charAt(i - 1));
            if (wordStart && Character.isLetter(c)) {
                int end = i;
                while (end < latin.length() && Character.isLetter(latin.charAt(end))) {
                    end++;
                }
                String word = latin.substring(i, end);
                if (KEEP.contains(word) || word.indexOf('w') >= 0 || word.indexOf('W') >= 0) {
                    out.append(word);
                    i = end;
                    continue;
                }
            }
            String two = null;
            if ((lower == 'o' || lower == 'g') && isApostrophe(next)) {
                two = lower == 'o' ? "ў" : "ғ";
            } else if (lower == 's' && nextLower == 'h') {
                two = "ш";
            } else if (lower == 'c' && nextLower == 'h') {
                two = "ч";
            } else if (lower == 'y' && (nextLower == 'o' || nextLower == 'u' || nextLower == 'a' || nextLower == 'e')
                    && !isApostrophe(i + 2 < latin.length() ? latin.charAt(i + 2) : '\0')) {
                two = switch (nextLower) {
                    case 'o' -> "ё";
                    case 'u' -> "ю";
                    case 'a' -> "я";
                    default -> "е";
                };
            }
            if (two != null) {
                out.append(upper ? two.toUpperCase() : two);
                i += 2;
                continue;
            }
            if (isApostrophe(c)) {
                // the tutuq belgisi between letters is the hard sign; elsewhere it is punctuation
                boolean between = i > 0 && Character.isLetter(latin.charAt(i - 1)) && Character.isLetter(next);
                out.append(between ? 'ъ' : c);
                i++;
                continue;
            }
            String one = single(lower, wordStart);
            out.append(one == null ? String.valueOf(c) : upper ? one.toUpperCase() : one);
            i++;
        }
        return out.toString();
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == 'ʻ' || c == 'ʼ' || c == '‘' || c == '’';
    }

    private static String single(char c, boolean wordStart) {
        return switch (c) {
            case 'a' -> "а";
            case 'b' -> "б";
            case 'c' -> "с";
            case 'd' -> "д";
            case 'e' -> wordStart ? "э" : "е";
            case 'f' -> "ф";
            case 'g' -> "г";
            case 'h' -> "ҳ";
            case 'i' -> "и";
            case 'j' -> "ж";
            case 'k' -> "к";
            case 'l' -> "л";
            case 'm' -> "м";
            case 'n' -> "н";
            case 'o' -> "о";
            case 'p' -> "п";
            case 'q' -> "қ";
            case 'r' -> "р";
            case 's' -> "с";
            case 't' -> "т";
            case 'u' -> "у";
            case 'v' -> "в";
            case 'x' -> "х";
            case 'y' -> "й";
            case 'z' -> "з";
            default -> null;
        };
    }
}
