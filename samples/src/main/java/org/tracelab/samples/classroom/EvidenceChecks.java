package org.tracelab.samples.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.bag.BagReport;
import org.tracelab.core.export.bag.BagVerifier;
import org.tracelab.core.verify.Problem;

/**
 * Whether a handed-in bag would hold as evidence: it validates and its signature holds ({@link BagVerifier}), it was
 * signed with the key its own case was made with, its custody log chains end to end, every capture came from the
 * lab, and the case records a purpose and an examiner. Each failure is a {@link Failure} a trainee can read.
 */
final class EvidenceChecks {
    /** At most this many failures are named per check; the rest are counted. */
    static final int NAMED = 12;
    private static final String LOG = "data/custody-log.jsonl";
    private static final Set<Problem.Kind> CHAIN = EnumSet.of(Problem.Kind.CHAIN_BROKEN, Problem.Kind.ENTRY_ALTERED,
            Problem.Kind.ENTRY_REMOVED, Problem.Kind.ENTRY_REORDERED);

    private EvidenceChecks() {
    }

    /** What the checks found, and what the bag's log says of its case. */
    record Outcome(List<Check> checks, Instant firstCapture, String examiner, String purpose, String keySha256) {
    }

    /** Checks the bag folder {@code bag} against the lab at {@code lab}. */
    static Outcome run(Path bag, LabHosts lab) throws IOException {
        BagReport report = new BagVerifier(bag).run(Progress.NONE);
        List<Failure> bagFailures = new ArrayList<>();
        List<Failure> custody = new ArrayList<>();
        for (Problem p : report.problems()) {
            if (CHAIN.contains(p.kind()) || p.subject().equals(LOG) && p.kind() == Problem.Kind.BAG_FILE_MISSING) {
                custody.add(p.kind() == Problem.Kind.BAG_FILE_MISSING ? Failure.of(Feedback.CUSTODY_MISSING)
                        : Failure.of(Feedback.CUSTODY_BROKEN, p.subject()));
            } else {
                bagFailures.add(failure(p));
            }
        }
        Log log = Log.read(bag.resolve(LOG));
        List<Failure> key = new ArrayList<>();
        String signedBy = report.publicKeyFingerprint().orElse("none");
        if (log.keySha256 == null) {
            key.add(Failure.of(Feedback.KEY_UNKNOWN));
        } else if (!log.keySha256.equals(signedBy)) {
            key.add(Failure.of(Feedback.KEY_NOT_THE_CASE, log.keySha256, signedBy));
        }
        List<Failure> hosts = new ArrayList<>();
        if (log.sources.isEmpty()) {
            hosts.add(Failure.of(Feedback.NO_CAPTURES));
        }
        for (String source : log.sources) {
            if (!fromLab(source, lab)) {
                hosts.add(Failure.of(Feedback.OUTSIDE_LAB, source, lab.shown()));
            }
        }
        List<Failure> manifest = new ArrayList<>();
        if (log.purpose == null || log.purpose.isBlank()) {
            manifest.add(Failure.of(Feedback.NO_PURPOSE));
        }
        if (log.examiner == null || log.examiner.isBlank()) {
            manifest.add(Failure.of(Feedback.NO_EXAMINER));
        }
        List<Check> checks = List.of(check("bag", bagFailures), check("key", key), check("custody", custody),
                check("hosts", hosts), check("case", manifest));
        return new Outcome(checks, log.firstCapture, log.examiner, log.purpose, log.keySha256);
    }

    /** The outcome for a bag that could not be read at all: no check can pass, each says why. */
    static Outcome unreadable(String why) {
        List<Check> checks = new ArrayList<>();
        for (String id : Check.IDS) {
            checks.add(new Check(id, List.of(Failure.of(Feedback.GRADING_FAILED, why))));
        }
        return new Outcome(checks, null, null, null, null);
    }

    /** A check naming its first {@value #NAMED} failures and counting the rest. */
    private static Check check(String id, List<Failure> found) {
        // Both payload manifests name a changed file: the trainee is told once.
        List<Failure> failures = List.copyOf(new java.util.LinkedHashSet<>(found));
        if (failures.size() <= NAMED) {
            return new Check(id, failures);
        }
        List<Failure> named = new ArrayList<>(failures.subList(0, NAMED));
        named.add(Failure.of(Feedback.MORE, Integer.toString(failures.size() - NAMED)));
        return new Check(id, named);
    }

    private static boolean fromLab(String source, LabHosts lab) {
        try {
            return lab.holds(URI.create(source));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Failure failure(Problem p) {
        return switch (p.kind()) {
            case BAG_FILE_CHANGED -> Failure.of(Feedback.BAG_CHANGED, p.subject());
            case BAG_FILE_MISSING -> Failure.of(Feedback.BAG_FILE_MISSING, p.subject());
            case BAG_FILE_UNLISTED -> Failure.of(Feedback.BAG_FILE_ADDED, p.subject());
            case BAG_OXUM -> {
                String[] said = bytesAndFiles(p.expected());
                String[] held = bytesAndFiles(p.found());
                yield Failure.of(Feedback.BAG_SIZE, said[0], said[1], held[0], held[1]);
            }
            case BAG_SIGNATURE -> Failure.of(Feedback.BAG_SIGNATURE);
            case ITEM_ALTERED -> Failure.of(Feedback.ITEM_NOT_CAPTURED, p.subject());
            case WARC_MISSING, WARC_CHANGED, WARC_RECORD_DAMAGED, WARC_RECORD_MISPLACED ->
                    Failure.of(Feedback.WEB_ARCHIVE_DAMAGED, p.subject());
            default -> Failure.of(Feedback.BAG_MALFORMED, p.subject() + ": " + p.found());
        };
    }

    /** What the bag's custody log says, read leniently: the chain itself is checked by the bag verifier. */
    private static final class Log {
        String examiner;
        String purpose;
        String keySha256;
        Instant firstCapture;
        final Set<String> sources = new java.util.LinkedHashSet<>();

        static Log read(Path file) throws IOException {
            Log log = new Log();
            if (!Files.isRegularFile(file)) {
                return log;
            }
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    JsonNode e;
                    try {
                        e = Json.parse(line);
                    } catch (RuntimeException bad) {
                        continue; // named by the chain check
                    }
                    JsonNode params = e.path("params");
                    switch (e.path("action").asText()) {
                        case "case.init" -> {
                            log.examiner = params.path("examiner").asText(null);
                            log.purpose = params.path("purpose").asText(null);
                            log.keySha256 = params.path("publicKeySha256").asText(null);
                        }
                        case "capture" -> log.capture(e, params);
                        default -> {
                        }
                    }
                }
            }
            return log;
        }

        /** A web capture is judged by its address; one found inside another (an archive's member) by its parent's. */
        private void capture(JsonNode e, JsonNode params) {
            if (firstCapture == null) {
                try {
                    firstCapture = Timestamps.parse(e.path("at").asText());
                } catch (RuntimeException bad) {
                    // a capture without a readable time is named by the chain check
                }
            }
            String source = params.path("source").asText("");
            boolean web = source.startsWith("http://") || source.startsWith("https://");
            if (web || !params.path("parent").isNumber()) {
                sources.add(source);
            }
        }
    }

    /** A Payload-Oxum ({@code BYTES.FILES}) as its two numbers, so a trainee reads "35784 bytes in 11 files". */
    private static String[] bytesAndFiles(String oxum) {
        if (oxum != null && oxum.matches("\\d{1,19}\\.\\d{1,19}")) {
            return oxum.split("\\.");
        }
        return new String[] {String.valueOf(oxum), "?"};
    }
}
