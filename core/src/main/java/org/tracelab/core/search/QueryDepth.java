package org.tracelab.core.search;

/**
 * How deep a query in Lucene's classic syntax nests its parentheses. Lucene's parser recurses once per level, so a
 * query of some thousands of {@code (} overflows the stack; a query is refused before parsing when it nests deeper
 * than {@link #MAX}, which no person writes.
 */
public final class QueryDepth {
    /** The deepest nesting accepted. */
    public static final int MAX = 64;

    private QueryDepth() {
    }

    /** The index of the first {@code (} that nests deeper than {@link #MAX}, outside phrases and escapes; or -1. */
    public static int firstTooDeep(String query) {
        int depth = 0;
        boolean inPhrase = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inPhrase = !inPhrase;
            } else if (!inPhrase && c == '(') {
                if (++depth > MAX) {
                    return i;
                }
            } else if (!inPhrase && c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return -1;
    }
}
