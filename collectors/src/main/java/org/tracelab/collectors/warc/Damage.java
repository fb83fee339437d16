package org.tracelab.collectors.warc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The places in one WARC file where a record could not be read, and why, said in one line for the examiner. */
final class Damage {
    /** Places named in the line; the rest are counted. */
    static final int NAMED = 5;

    private record Place(long offset, String why) {
    }

    private final List<Place> places = new ArrayList<>();

    void add(long offset, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        places.add(new Place(offset, why.replaceAll("\\s+", " ").strip()));
    }

    boolean isEmpty() {
        return places.isEmpty();
    }

    /** How many places were bad. */
    int count() {
        return places.size();
    }

    /** One line: how many records were bad, where, why the first was, and what was kept. */
    String describe(int kept) {
        Place first = places.get(0);
        String where = places.size() == 1 ? "at byte offset " + first.offset() + ": " + first.why()
                : "at byte offsets " + places.stream().limit(NAMED).map(p -> Long.toString(p.offset()))
                .collect(Collectors.joining(", ")) + (places.size() > NAMED ? ", …" : "")
                + " (the first: " + first.why() + ")";
        if (kept == 0) {
            return "not a readable WARC file: no record could be read, " + where + "; the file itself is kept";
        }
        return places.size() + " bad record" + (places.size() == 1 ? "" : "s") + " (truncated or corrupt) " + where
                + "; the " + kept + " record" + (kept == 1 ? "" : "s") + " read " + (kept == 1 ? "is" : "are") + " kept";
    }
}
