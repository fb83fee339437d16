package org.tracelab.samples.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tracelab.core.export.SpreadsheetSafe;
import org.tracelab.samples.GradeReport;

/** The class's results as data: the instructor's JSON and CSV, and the class view of what was missed most. */
final class ClassResults {
    private ClassResults() {
    }

    /** A hand-in as JSON; with {@code misses}, the missed ads and clusters too (the instructor's view only). */
    static Map<String, Object> handin(HandinResult r, boolean misses) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("version", r.version());
        j.put("received", r.received());
        j.put("sha256", r.sha256());
        j.put("bytes", r.bytes());
        j.put("flagged", r.findings().flagged().summary());
        j.put("clusters", r.findings().clusters().summary());
        Map<String, Object> ties = new LinkedHashMap<>();
        for (GradeReport.TieRecall t : r.findings().ties()) {
            ties.put(t.tie(), Map.of("found", t.found(), "planted", t.planted()));
        }
        j.put("clustersByTie", ties);
        j.put("evidenceHolds", r.evidenceHolds());
        Map<String, Object> checks = new LinkedHashMap<>();
        for (Check c : r.checks()) {
            List<Map<String, String>> failures = new ArrayList<>();
            for (Failure f : c.failures()) {
                Map<String, String> words = new LinkedHashMap<>();
                Feedback.LANGUAGES.forEach(l -> words.put(l, f.in(l)));
                failures.add(words);
            }
            checks.put(c.id(), Map.of("passed", c.passed(), "failures", failures));
        }
        j.put("checks", checks);
        j.put("firstCapture", r.firstCapture());
        j.put("secondsToHandin", r.secondsToHandin());
        if (misses) {
            j.put("address", r.address());
            j.put("examiner", r.examiner());
            j.put("purpose", r.purpose());
            j.put("caseKeySha256", r.keySha256());
            j.put("missedAds", r.findings().missedAds());
            j.put("missedClusters", r.findings().missedClusters());
        }
        return j;
    }

    /** Everything the instructor sees, as one JSON object. */
    static Map<String, Object> json(ClassRoom room) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("lab", room.lab().shown());
        List<Map<String, Object>> trainees = new ArrayList<>();
        for (Trainee t : room.trainees()) {
            Map<String, Object> tj = new LinkedHashMap<>();
            tj.put("name", t.name());
            List<HandinResult> all = room.results(t);
            tj.put("handins", all.size());
            tj.put("latest", all.isEmpty() ? null : handin(all.get(all.size() - 1), true));
            trainees.add(tj);
        }
        j.put("trainees", trainees);
        j.put("mostMissedIndicators", missedIndicators(room));
        j.put("mostMissedClusters", missedClusters(room));
        j.put("oneCaseSeveralTrainees", sharedKeys(room));
        j.put("refused", room.refusals());
        return j;
    }

    /** One row per trainee with their latest hand-in, for a spreadsheet. */
    static String csv(ClassRoom room) {
        StringBuilder sb = new StringBuilder("name,version,received,flagged_precision,flagged_recall,flagged_f1,"
                + "clusters_precision,clusters_recall,clusters_f1," + String.join(",", Check.IDS)
                + ",seconds_to_handin,failures\r\n");
        for (Trainee t : room.trainees()) {
            Optional<HandinResult> latest = room.latest(t);
            List<String> cells = new ArrayList<>();
            cells.add(SpreadsheetSafe.cell(t.name()));
            if (latest.isEmpty()) {
                cells.add("");
                sb.append(String.join(",", cells.stream().map(JoinCodes::quote).toList())).append("\r\n");
                continue;
            }
            HandinResult r = latest.get();
            cells.add(Integer.toString(r.version()));
            cells.add(r.received());
            for (GradeReport.Score s : List.of(r.findings().flagged(), r.findings().clusters())) {
                cells.add(fixed(s.precision()));
                cells.add(fixed(s.recall()));
                cells.add(fixed(s.f1()));
            }
            for (Check c : r.checks()) {
                cells.add(c.passed() ? "pass" : "FAIL");
            }
            cells.add(Long.toString(r.secondsToHandin()));
            List<String> failures = new ArrayList<>();
            r.checks().forEach(c -> c.failures().forEach(f -> failures.add(f.in("en"))));
            cells.add(SpreadsheetSafe.cell(String.join("; ", failures)));
            sb.append(String.join(",", cells.stream().map(JoinCodes::quote).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * Case keys that signed the latest hand-ins of two or more trainees, each with their names: one case handed in
     * by several people, which the instructor should ask about.
     */
    static Map<String, List<String>> sharedKeys(ClassRoom room) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (Trainee t : room.trainees()) {
            room.latest(t).filter(r -> r.keySha256() != null)
                    .ifPresent(r -> byKey.computeIfAbsent(r.keySha256(), k -> new ArrayList<>()).add(t.name()));
        }
        byKey.values().removeIf(names -> names.size() < 2);
        return byKey;
    }

    /** Indicator id to how many trainees' latest hand-ins overlooked it, most first. */
    static Map<String, Integer> missedIndicators(ClassRoom room) {
        Map<String, Integer> count = new TreeMap<>();
        for (Trainee t : room.trainees()) {
            room.latest(t).ifPresent(r -> r.findings().missedAds().stream()
                    .flatMap(m -> m.overlooked().stream()).distinct()
                    .forEach(i -> count.merge(i, 1, Integer::sum)));
        }
        return mostFirst(count);
    }

    /** Planted cluster ({@code id (tie: shared)}) to how many trainees' latest hand-ins missed it, most first. */
    static Map<String, Integer> missedClusters(ClassRoom room) {
        Map<String, Integer> count = new TreeMap<>();
        for (Trainee t : room.trainees()) {
            room.latest(t).ifPresent(r -> r.findings().missedClusters().forEach(c -> count.merge(c.id() + " ("
                    + c.tie() + ": " + String.join(", ", c.shared()) + ")", 1, Integer::sum)));
        }
        return mostFirst(count);
    }

    private static Map<String, Integer> mostFirst(Map<String, Integer> count) {
        Map<String, Integer> out = new LinkedHashMap<>();
        count.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static String fixed(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
