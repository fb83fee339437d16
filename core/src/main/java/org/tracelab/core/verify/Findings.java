package org.tracelab.core.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the checks of one {@code verify} run found: problems, and coverage an older case lacks, counted by kind. */
final class Findings {
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Long> gaps = new LinkedHashMap<>();

    void add(Problem p) {
        problems.add(p);
    }

    void add(Problem.Kind kind, String subject, String expected, String found) {
        problems.add(new Problem(kind, subject, expected, found));
    }

    /** One more thing the case cannot prove, e.g. {@code items logged before record hashes}; counted, not listed. */
    void gap(String what) {
        gaps.merge(what, 1L, Long::sum);
    }

    List<Problem> problems() {
        return problems;
    }

    /** The gaps as lines: {@code 12 items logged before …}. */
    List<String> gaps() {
        return gaps.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
    }
}
