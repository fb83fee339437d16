package org.tracelab.core.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.IndexCommit;

/**
 * The version of how a case index is laid out (its fields, their analysis, what their postings hold), recorded in
 * each commit's user data. An index of another version matches differently, so a writer
 * rebuilds it and a searcher asks for {@code tracelab reindex}.
 *
 * <p>Versions: 1 (no key) until session 3; 2 folds {@code ё} before Russian stemming; 3 adds common grams to the
 * text fields (session 4); 4 adds main texts (their blob for passages, the entities they show) and the capture
 * each item belongs to; 5 indexes words joined to digits also as the word (session 8). (Offsets in the text
 * fields' postings were tried for highlighting in session 3 and dropped: at 1,000,000 ads they made a search slower.)
 */
public final class IndexFormat {
    /** The commit user-data key. */
    static final String KEY = "tracelab.index.format";
    /** The version this code writes and reads. */
    public static final int CURRENT = 5;
    /** What an index whose commits carry no version was written with. */
    static final int UNVERSIONED = 1;

    private IndexFormat() {
    }

    /** The version {@code commit} was written with; {@link #UNVERSIONED} when it does not say, -1 when unreadable. */
    public static int of(IndexCommit commit) throws IOException {
        String v = commit.getUserData().get(KEY);
        if (v == null) {
            return UNVERSIONED;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The user-data entry that records {@link #CURRENT}. */
    static Map.Entry<String, String> current() {
        return Map.entry(KEY, Integer.toString(CURRENT));
    }
}
