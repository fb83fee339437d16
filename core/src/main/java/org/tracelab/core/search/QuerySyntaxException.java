package org.tracelab.core.search;

import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;

/**
 * A query that does not parse, with the column of the fault. The message is one line ({@code query: col N: …});
 * {@link #caret()} gives the query with a caret under the fault, for a terminal.
 */
public final class QuerySyntaxException extends TracelabException {
    private final String query;
    private final int column;
    private final String problem;

    /**
     * @param column 1-based column of the fault; one past the end when the query ended too early
     */
    public QuerySyntaxException(String query, int column, String problem) {
        // The problem often quotes a token of the query, which may hold a line break; the message is made one line
        // by TracelabException, the problem alone here, for callers that print it beside the caret.
        super(Failure.BAD_INPUT, "query: col " + column + ": " + problem);
        this.query = query;
        this.column = Math.max(1, Math.min(column, query.length() + 1));
        this.problem = Printable.of(problem);
    }

    public String query() {
        return query;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    /** Two lines: the query, and a caret under the fault. */
    public String caret() {
        // Control characters become spaces one for one, so the caret stays under its column.
        StringBuilder line = new StringBuilder(query.length());
        query.chars().forEach(c -> line.append(Character.isISOControl(c) ? ' ' : (char) c));
        return line + "\n" + " ".repeat(column - 1) + "^";
    }
}
