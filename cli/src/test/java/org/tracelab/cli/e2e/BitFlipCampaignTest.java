package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Hashing;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;

/**
 * Single-bit flips across everything a case holds, as an attacker or a failing disk would make them: after each,
 * either {@code verify} names the fault (exit 1), or the case cannot be read and says so in one line (exit 2 or 3),
 * or the flip changed nothing a user can see, proven by a dump of every table, every WARC file's record content,
 * every blob, the keys, the head, case.json and the index's committed files being identical to before. A flip that
 * changes any of those and passes {@code verify} is a miss; there must be none.
 *
 * <p>The case (a served fictitious scenario crawled, ingested, tagged and noted) is built once and copied per flip.
 * {@code -Dtracelab.flips=N} sets the number of flips (default 300), {@code -Dtracelab.flips.seed=S} the seed.
 */
class BitFlipCampaignTest {
    /** Where a flip lands, with the share of flips each place gets. */
    enum Place {
        DATABASE(40), BLOBS(15), WARC(15), INDEX(10), KEYS(7), HEAD(7), MANIFEST(6);

        final int share;

        Place(int share) {
            this.share = share;
        }
    }

    /** What a flip came to. */
    enum Outcome {
        NAMED, UNREADABLE, UNCHANGED, MISSED
    }

    @TempDir
    static Path tmp;
    static Path pristine;
    static Map<String, String> pristineView;

    @BeforeAll
    static void buildCase() throws Exception {
        Path scenario = tmp.resolve("scenario");
        assertEquals(0, Cli.runBare("-q", "lab", "generate", "--seed", "5", "--ads", "10", "--out",
                scenario.toString()).code());
        pristine = tmp.resolve("pristine");
        Cli cli = new Cli(pristine);
        assertEquals(0, cli.init().code());
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            Cli.Run crawl = cli.run("-q", "collect", "page", server.baseUri().toString(), "--depth", "2",
                    "--same-host", "--delay", "0", "--allow-host",
                    server.baseUri().getHost() + ":" + server.baseUri().getPort());
            assertEquals(0, crawl.code(), crawl::toString);
        }
        assertEquals(0, cli.run("tag", "3", "suspicious").code());
        assertEquals(0, cli.run("note", "4", "Same handle as item 3 (fictitious)").code());
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
        assertTrue(v.out().contains("all holds") && !v.out().contains("not covered"), v::toString);
        // Flips must land on every kind of row verify covers, main texts stored as pieces of the text among them.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + pristine.resolve("case.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM derived WHERE kind = 'main'"
                     + " AND text_pieces IS NOT NULL")) {
            assertTrue(rs.next() && rs.getLong(1) > 0, "the case holds main texts stored as pieces of the text");
        }
        pristineView = view(pristine);
    }

    @Test
    void noBitFlipChangesWhatTheCaseHoldsAndPassesVerify() throws Exception {
        int flips = Integer.getInteger("tracelab.flips", 300);
        Random random = new Random(Long.getLong("tracelab.flips.seed", 22L));
        Map<Place, Map<Outcome, Integer>> counts = new EnumMap<>(Place.class);
        List<String> misses = new ArrayList<>();
        Path work = tmp.resolve("work");
        int total = 0;
        long started = System.nanoTime();
        long copying = 0;
        // Places drawn by their shares, flip by flip, so that any stretch of a long run covers them all.
        for (int i = 0; i < flips; i++) {
            Place place = draw(random);
            long t0 = System.nanoTime();
            restore(pristine, work);
            copying += System.nanoTime() - t0;
            List<Path> files = files(work, place);
            Path file = files.get(random.nextInt(files.size()));
            long size = Files.size(file);
            long offset = (long) (random.nextDouble() * size);
            int bit = random.nextInt(8);
            flip(file, offset, bit);
            String where = place + " " + work.relativize(file) + " byte " + offset + " bit " + bit;
            Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> judge(work, where));
            counts.computeIfAbsent(place, p -> new EnumMap<>(Outcome.class)).merge(o, 1, Integer::sum);
            if (o == Outcome.MISSED) {
                misses.add(where);
            }
            total++;
            if (total % 1000 == 0) {
                System.out.print(table(counts, total, started, copying)); // a long run shows where it is
            }
        }
        String table = table(counts, total, started, copying);
        System.out.print(table);
        if (!misses.isEmpty()) {
            fail(misses.size() + " flips changed the case and passed verify:\n" + String.join("\n", misses) + "\n"
                    + table);
        }
    }

    private static Place draw(Random random) {
        int r = random.nextInt(100);
        for (Place p : Place.values()) {
            r -= p.share;
            if (r < 0) {
                return p;
            }
        }
        throw new IllegalStateException("the shares add up to 100");
    }

    private static String table(Map<Place, Map<Outcome, Integer>> counts, int total, long started, long copying) {
        StringBuilder table = new StringBuilder("bit-flip campaign: " + total + " flips, seed "
                + Long.getLong("tracelab.flips.seed", 22L) + ", " + (System.nanoTime() - started) / 1_000_000
                + " ms (restoring the copy " + copying / 1_000_000 + " ms)\n");
        table.append(String.format("%-10s %7s %11s %10s %7s%n", "place", "named", "unreadable", "unchanged", "missed"));
        for (Map.Entry<Place, Map<Outcome, Integer>> e : counts.entrySet()) {
            Map<Outcome, Integer> c = e.getValue();
            table.append(String.format("%-10s %7d %11d %10d %7d%n", e.getKey(), c.getOrDefault(Outcome.NAMED, 0),
                    c.getOrDefault(Outcome.UNREADABLE, 0), c.getOrDefault(Outcome.UNCHANGED, 0),
                    c.getOrDefault(Outcome.MISSED, 0)));
        }
        return table.toString();
    }

    /** Runs verify on the flipped case and decides what the flip came to. */
    private static Outcome judge(Path work, String where) throws Exception {
        Cli.Run v = Cli.runBare("--case", work.toString(), "verify");
        switch (v.code()) {
            case 1 -> {
                assertTrue(v.out().contains(" (expected "), () -> where + ": exit 1 without a named problem\n" + v);
                return Outcome.NAMED;
            }
            case 2, 3 -> {
                assertTrue(v.err().startsWith("tracelab: ") && v.err().strip().lines().count() == 1,
                        () -> where + ": unreadable, but not in one line\n" + v);
                return Outcome.UNREADABLE;
            }
            case 0 -> {
                Map<String, String> now = view(work);
                if (now.equals(pristineView)) {
                    return Outcome.UNCHANGED;
                }
                List<String> differ = new ArrayList<>();
                for (String k : pristineView.keySet()) {
                    if (!pristineView.get(k).equals(now.get(k))) {
                        differ.add(k + ": " + firstDifference(pristineView.get(k), String.valueOf(now.get(k))));
                    }
                }
                System.out.println("MISSED " + where + ": differs in " + differ);
                return Outcome.MISSED;
            }
            default -> throw new AssertionError(where + ": exit " + v.code() + "\n" + v);
        }
    }

    /** The first line that differs, before and after, shortened: enough to tell what the flip changed. */
    private static String firstDifference(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(none)";
            String y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " was '" + shorten(x) + "', is '" + shorten(y) + "'";
            }
        }
        return "same lines";
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static List<Path> files(Path caseDir, Place place) throws IOException {
        return switch (place) {
            case DATABASE -> List.of(caseDir.resolve("case.db"));
            case HEAD -> List.of(caseDir.resolve("custody.head"));
            case MANIFEST -> List.of(caseDir.resolve("case.json"));
            case KEYS -> List.of(caseDir.resolve("keys/case-ed25519.key"), caseDir.resolve("keys/case-ed25519.pub"));
            case BLOBS -> regularFiles(caseDir.resolve("blobs/sha256"));
            case WARC -> regularFiles(caseDir.resolve("warc"));
            case INDEX -> regularFiles(caseDir.resolve("index")).stream()
                    .filter(f -> !f.getFileName().toString().equals("write.lock")).toList();
        };
    }

    private static void flip(Path file, long offset, int bit) throws IOException {
        file.toFile().setWritable(true);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ (1 << bit));
        }
    }

    /**
     * Everything a user can see of a case, each part by a key: every row of every table (and the schema), every
     * blob, every WARC file's record content (decompressed), the key files, the head, case.json and the files of
     * the index's commit.
     */
    static Map<String, String> view(Path caseDir) throws IOException {
        Map<String, String> v = new TreeMap<>();
        try {
            tables(caseDir, v);
        } catch (SQLException e) {
            v.put("case.db", "unreadable: " + e.getMessage());
        }
        for (Path f : regularFiles(caseDir.resolve("blobs/sha256"))) {
            v.put(caseDir.relativize(f).toString(), sha256(Files.newInputStream(f)));
        }
        for (Path f : regularFiles(caseDir.resolve("warc"))) {
            try {
                v.put(caseDir.relativize(f) + " records", sha256(new GZIPInputStream(Files.newInputStream(f))));
            } catch (IOException e) {
                v.put(caseDir.relativize(f) + " records", "unreadable: " + e.getMessage());
            }
        }
        for (String f : List.of("keys/case-ed25519.key", "keys/case-ed25519.pub", "custody.head", "case.json")) {
            v.put(f, Files.readString(caseDir.resolve(f), StandardCharsets.ISO_8859_1));
        }
        for (Path f : regularFiles(caseDir.resolve("index"))) {
            if (!f.getFileName().toString().equals("write.lock")) {
                v.put(caseDir.relativize(f).toString(), sha256(Files.newInputStream(f)));
            }
        }
        return v;
    }

    private static void tables(Path caseDir, Map<String, String> v) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            StringBuilder schema = new StringBuilder();
            try (ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")) {
                while (rs.next()) {
                    schema.append(rs.getString(1)).append('|').append(rs.getString(2)).append('|')
                            .append(rs.getString(3)).append('|').append(rs.getString(4)).append('\n');
                    if ("table".equals(rs.getString(1))) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            v.put("case.db schema", schema.toString());
            for (String t : tables) {
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object o = rs.getObject(i);
                            rows.append(o instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(o))
                                    .append('\u001f');
                        }
                        rows.append('\n');
                    }
                }
                v.put("case.db table " + t, rows.toString());
            }
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try (InputStream i = in) {
            var sha = Hashing.sha256();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = i.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Makes {@code copy} the same as {@code from} again, as a fresh copy would be but cheaper: files whose length or
     * modification time differ from the original's (the flipped one, anything verify might have written) are copied
     * back, files the original lacks (a journal, a lock) are deleted.
     */
    private static void restore(Path from, Path copy) throws IOException {
        Map<String, Path> originals = new TreeMap<>();
        for (Path p : regularFiles(from)) {
            originals.put(from.relativize(p).toString(), p);
        }
        if (!Files.isDirectory(copy)) {
            try (Stream<Path> dirs = Files.walk(from)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    Files.createDirectories(copy.resolve(from.relativize(d).toString()));
                }
            }
        } else {
            for (Path p : regularFiles(copy)) {
                if (!originals.containsKey(copy.relativize(p).toString())) {
                    p.toFile().setWritable(true);
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, Path> e : originals.entrySet()) {
            Path target = copy.resolve(e.getKey());
            if (Files.isRegularFile(target) && Files.size(target) == Files.size(e.getValue())
                    && Files.getLastModifiedTime(target).equals(Files.getLastModifiedTime(e.getValue()))) {
                continue;
            }
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                target.toFile().setWritable(true);
            }
            Files.copy(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
