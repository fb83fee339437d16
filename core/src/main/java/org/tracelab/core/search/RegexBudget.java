package org.tracelab.core.search;

import org.apache.lucene.util.automaton.RegExp;

/**
 * An upper bound on the automaton Lucene builds for a {@code /regex/} query, checked before it is built.
 *
 * <p>Lucene bounds the work of determinizing a regular expression, but not of building it first: every repetition
 * copies the automaton of what it repeats, so {@code /a++++…/} or {@code /((a+)+)+…/} doubles it per operator, and a
 * few dozen operators keep the search busy for ever (found by fuzzing the query front end). The bound follows how
 * {@code RegExp.toAutomaton} builds each node, generously; a real search pattern stays far below it.
 */
final class RegexBudget {
    /**
     * States an expression may need. Lucene's building work grows with the square of the states (each step prunes
     * dead states over the whole automaton): about 1 s at 12,000 on a loaded machine, so 2,000 keeps a query under
     * a few tens of ms per field. A term pattern rarely needs a hundred ({@code [0-9]{2,3}(-[0-9]{2}){2}}: 37).
     */
    static final long MAX_STATES = 2_000;

    private RegexBudget() {
    }

    /** Whether the automaton of {@code regex} (Lucene's syntax, the classic parser's flags) stays within the budget. */
    static boolean fits(RegExp regex) {
        return states(regex) <= MAX_STATES;
    }

    /** The bound, saturating just above the budget so that no product overflows. */
    private static long states(RegExp node) {
        long s = switch (node.kind) {
            case REGEXP_UNION, REGEXP_CONCATENATION -> states(node.exp1) + states(node.exp2);
            case REGEXP_INTERSECTION -> states(node.exp1) * states(node.exp2);
            case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT ->
                    states(node.exp1) + 1;
            case REGEXP_REPEAT_MIN -> states(node.exp1) * (node.min + 1L) + 1;
            case REGEXP_REPEAT_MINMAX -> states(node.exp1) * (node.max + 1L) + 1;
            case REGEXP_STRING -> node.s.length() + 1L;
            case REGEXP_INTERVAL -> 20L * Math.max(1, node.digits) + 2;
            case REGEXP_CHAR, REGEXP_CHAR_RANGE, REGEXP_CHAR_CLASS, REGEXP_ANYCHAR -> 2;
            case REGEXP_EMPTY, REGEXP_ANYSTRING, REGEXP_AUTOMATON -> 1;
        };
        return Math.min(s, MAX_STATES + 1);
    }
}
