package org.tracelab.core.entities;

import java.util.List;

/** A half-open range {@code [start, end)} of UTF-16 offsets. */
record Span(int start, int end) {

    boolean overlaps(int s, int e) {
        return start < e && s < end;
    }

    static boolean overlapsAny(List<Span> spans, int s, int e) {
        for (Span sp : spans) {
            if (sp.overlaps(s, e)) {
                return true;
            }
        }
        return false;
    }
}
