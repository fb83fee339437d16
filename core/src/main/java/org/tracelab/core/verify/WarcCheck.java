package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tracelab.core.custody.WarcSeal;

/**
 * The case's WARC files: each read whole (every record parses, every digest it carries holds), compared with the
 * state its {@value WarcSeal#ACTION} entry logged when it was closed, and each item that points into one finds its
 * request and response records at the stated offsets with the stated ids and payload digest. A quick run compares
 * lengths only, and says so.
 */
final class WarcCheck {
    static final String UNSEALED = "WARC files never sealed (an older Tracelab, or a run that did not close them):"
            + " records appended or removed since cannot be told";
    static final String CUT_SHORT = "unsealed WARC files end in a record cut short (a run killed while writing it)";
    static final String QUICK = "WARC files not re-read (--quick): lengths compared with their seals only";
    /** What a WARC file of the case is called: in {@code warc/}, one plain name. */
    private static final Pattern NAME = Pattern.compile("warc/[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Connection conn;
    private final Path caseDir;
    private final boolean quick;
    private final VerifyListener listener;
    private final Findings findings;
    private long files;
    private long bytes;

    WarcCheck(Connection conn, Path caseDir, boolean quick, VerifyListener listener, Findings findings) {
        this.conn = conn;
        this.caseDir = caseDir;
        this.quick = quick;
        this.listener = listener;
        this.findings = findings;
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    /** The bytes a full run re-reads: every file in {@code warc/}. */
    static long size(Path caseDir) throws IOException {
        long n = 0;
        for (Path f : list(caseDir)) {
            n += Files.size(f);
        }
        return n;
    }

    void run(List<ItemCheck.WarcPointer> pointers) throws SQLException, IOException {
        Map<String, WarcSeal> seals = seals();
        Map<String, List<ItemCheck.WarcPointer>> byFile = new TreeMap<>();
        for (ItemCheck.WarcPointer p : pointers) {
            String file = p.warc().path("file").asText();
            if (!NAME.matcher(file).matches()) {
                findings.add(Problem.Kind.WARC_RECORD_MISPLACED, p.subject(), "a WARC file in the case's warc folder",
                        "'" + file + "'");
                continue;
            }
            byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(p);
        }
        TreeSet<String> names = new TreeSet<>(seals.keySet());
        names.addAll(byFile.keySet());
        for (Path f : list(caseDir)) {
            names.add("warc/" + f.getFileName());
        }
        for (String name : names) {
            check(name, Optional.ofNullable(seals.get(name)), byFile.getOrDefault(name, List.of()));
        }
    }

    private void check(String name, Optional<WarcSeal> seal, List<ItemCheck.WarcPointer> pointers)
            throws IOException {
        Path file = caseDir.resolve(name);
        if (!Files.isRegularFile(file)) {
            String why = seal.isPresent() ? "sealed at " + seal.get().bytes() + " bytes"
                    : pointers.size() + " items pointing into it";
            findings.add(Problem.Kind.WARC_MISSING, name, "the file (" + why + ")", "no file");
            return;
        }
        files++;
        if (seal.isEmpty()) {
            findings.gap(UNSEALED);
        }
        if (quick) {
            findings.gap(QUICK);
            long size = Files.size(file);
            if (seal.isPresent() && size != seal.get().bytes()) {
                findings.add(Problem.Kind.WARC_CHANGED, name, seal.get().bytes() + " bytes as sealed",
                        size + " bytes");
            }
            return;
        }
        WarcRecords.Result r = WarcRecords.read(file, seal.map(WarcSeal::bytes).orElse(-1L));
        bytes += r.bytes();
        listener.blobChecked(r.bytes());
        long lastRecord = r.records().keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        for (WarcRecords.Fault f : r.faults()) {
            if (seal.isEmpty() && f.offset() > lastRecord) {
                // A run killed while writing leaves its last record cut short; no committed item points to it.
                findings.gap(CUT_SHORT);
            } else {
                findings.add(Problem.Kind.WARC_RECORD_DAMAGED, name + " at offset " + f.offset(), f.expected(),
                        f.found());
            }
        }
        seal.ifPresent(s -> compareWithSeal(name, s, r));
        for (ItemCheck.WarcPointer p : pointers) {
            checkPointer(name, p, r.records());
        }
    }

    private void compareWithSeal(String name, WarcSeal s, WarcRecords.Result r) {
        if (r.bytes() == s.bytes() && r.sha256().equals(s.sha256())) {
            return;
        }
        String found;
        if (r.bytes() > s.bytes() && r.sealedPrefixSha256().filter(s.sha256()::equals).isPresent()) {
            found = (r.bytes() - s.bytes()) + " bytes appended after offset " + s.bytes();
        } else if (r.bytes() < s.bytes()) {
            found = r.bytes() + " bytes (" + (s.bytes() - r.bytes()) + " removed), sha256 " + r.sha256();
        } else {
            found = r.bytes() + " bytes, sha256 " + r.sha256();
        }
        findings.add(Problem.Kind.WARC_CHANGED, name, s.bytes() + " bytes, sha256 " + s.sha256() + " as sealed",
                found);
    }

    /**
     * The item's record at the offset its metadata states, with its id and digest: a response (and its request) for
     * what came over HTTP, a resource for what a collector made (a screenshot, a rendered DOM).
     */
    private void checkPointer(String name, ItemCheck.WarcPointer p, Map<Long, WarcRecords.Found> records) {
        JsonNode w = p.warc();
        long offset = w.path("offset").asLong(-1);
        String id = w.path("recordId").asText();
        WarcRecords.Found response = records.get(offset);
        String where = name + " at offset " + offset;
        String want = "response or resource record " + id + " of " + w.path("length").asLong() + " bytes with payload sha256:"
                + p.sha256();
        if (response == null) {
            findings.add(Problem.Kind.WARC_RECORD_MISPLACED, p.subject(), want + " in " + where,
                    "no readable record there");
            return;
        }
        boolean holds = ("response".equals(response.type()) || "resource".equals(response.type()))
                && id.equals(response.id())
                && response.length() == w.path("length").asLong()
                && ("sha256:" + p.sha256()).equalsIgnoreCase(String.valueOf(response.payloadDigest()));
        if (!holds) {
            findings.add(Problem.Kind.WARC_RECORD_MISPLACED, p.subject(), want + " in " + where,
                    response.type() + " record " + response.id() + " of " + response.length()
                            + " bytes with payload " + response.payloadDigest());
        }
        if (w.has("requestOffset")) {
            long at = w.path("requestOffset").asLong(-1);
            WarcRecords.Found request = records.get(at);
            if (request == null || !"request".equals(request.type()) || !id.equals(request.concurrentTo())) {
                findings.add(Problem.Kind.WARC_RECORD_MISPLACED, p.subject(), "request record concurrent to " + id
                        + " in " + name + " at offset " + at, request == null ? "no readable record there"
                        : request.type() + " record concurrent to " + request.concurrentTo());
            }
        }
    }

    /** The latest seal logged for each file. */
    private Map<String, WarcSeal> seals() throws SQLException {
        Map<String, WarcSeal> out = new TreeMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT params FROM custody_log WHERE action = '" + WarcSeal.ACTION
                     + "' ORDER BY seq")) {
            while (rs.next()) {
                ItemCheck.parse(rs.getString(1)).ifPresent(p -> {
                    try {
                        WarcSeal seal = new WarcSeal(p.path("file").asText(), p.path("bytes").asLong(),
                                p.path("sha256").asText());
                        out.put(seal.file(), seal);
                    } catch (RuntimeException e) {
                        // an entry of the wrong form was altered: the chain walk names it
                    }
                });
            }
        }
        return out;
    }

    private static List<Path> list(Path caseDir) throws IOException {
        Path dir = caseDir.resolve("warc");
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                if (Files.isRegularFile(f)) {
                    out.add(f);
                }
            }
        }
        out.sort(null);
        return out;
    }
}
