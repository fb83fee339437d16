package org.tracelab.samples.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.samples.GradeReport;
import org.tracelab.samples.Grader;

/**
 * A class: its trainees and their codes, and the class case that keeps every hand-in as evidence. A hand-in is
 * received into {@code incoming/}, unpacked and its findings graded (a malformed one is refused before anything is
 * kept), then stored as an item of the class case and logged ({@code class.handin}: trainee, version, time, address,
 * hash); only then is it acknowledged. Its evidence is then checked and the result written beside its unpacked copy
 * and logged ({@code class.grade}). What the class knows is rebuilt from the class case's log on opening, and a
 * hand-in logged but not yet graded when the server was killed is graded then.
 *
 * <pre>
 * CLASSDIR/
 *   class.json        the scenario and the port the class was first served on
 *   codes.csv         name,code for each trainee (secret: hand each trainee their own line)
 *   case/             the class case: every hand-in as an item, with its custody log
 *   handins/tNNN/vN/  each hand-in unpacked (derived: rebuilt from the case) and its result.json
 * </pre>
 */
public final class ClassRoom implements AutoCloseable {
    static final String HANDIN = "class.handin";
    static final String GRADE = "class.grade";
    static final String REFUSED = "class.refused";
    private static final String INCOMING = "incoming";
    private static final String HANDINS = "handins";

    private final Path dir;
    private final Path scenario;
    private final JoinCodes codes;
    private final Case evidence;
    private final Clock clock;
    private final LabHosts lab;
    private final long maxBytes;
    private final Map<String, List<HandinResult>> results = new ConcurrentHashMap<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    /** How many hand-ins of each trainee are logged: the last version given. */
    private final Map<String, Integer> logged = new ConcurrentHashMap<>();
    private final Object writing = new Object();
    private final ExecutorService keeping = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform()
            .name("class-handins").daemon(true).unstarted(r));

    /**
     * A hand-in the service would not take.
     *
     * @param at      when
     * @param trainee who, when the code was known, else null
     * @param address from where
     * @param status  the HTTP status answered
     * @param reason  why, in one line
     */
    public record Refusal(String at, String trainee, String address, int status, String reason) {
    }

    private ClassRoom(Path dir, Path scenario, JoinCodes codes, Case evidence, Clock clock, LabHosts lab,
                      long maxBytes) {
        this.dir = dir;
        this.scenario = scenario;
        this.codes = codes;
        this.evidence = evidence;
        this.clock = clock;
        this.lab = lab;
        this.maxBytes = maxBytes;
    }

    /** What a class folder records of itself: the scenario it serves and the port it was first served on. */
    public record Settings(Path scenario, int port) {
    }

    /** The settings of the class in {@code classDir}, when it was made before. */
    public static Optional<Settings> settings(Path classDir) {
        Path f = classDir.resolve("class.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode j = Json.MAPPER.readTree(f.toFile());
            return Optional.of(new Settings(Path.of(j.path("scenario").asText()), j.path("port").asInt()));
        } catch (IOException | RuntimeException e) {
            throw TracelabException.badInput(f.toString(), "is not a class's class.json");
        }
    }

    /**
     * Opens the class in {@code classDir}, making it (with its class case) when new, and gives a code to each name
     * in {@code newNames} not yet in it.
     *
     * @param lab      where the lab is served, which every handed-in capture must come from
     * @param maxBytes the largest hand-in taken
     */
    public static ClassRoom open(Path classDir, Path scenario, List<String> newNames, String instructor,
                                 LabHosts lab, long maxBytes, Clock clock) {
        Path key = scenario.resolve("key.json");
        if (!Files.isRegularFile(key)) {
            throw TracelabException.badInput(scenario.toString(), "is not a scenario folder: no key.json");
        }
        try {
            Files.createDirectories(classDir);
            Path d = classDir.toRealPath();
            Optional<Settings> before = settings(d);
            Path given = scenario.toAbsolutePath().normalize();
            if (before.isPresent() && !before.get().scenario().equals(given)) {
                throw TracelabException.badInput(classDir.toString(), "is a class on " + before.get().scenario()
                        + ", not on " + given);
            }
            JoinCodes codes = JoinCodes.read(d.resolve("codes.csv"));
            int added = codes.addAll(newNames, new SecureRandom());
            if (codes.all().isEmpty()) {
                throw TracelabException.badInput("--trainees", "a new class needs trainees: a file of names, one a"
                        + " line");
            }
            if (added > 0 || !Files.exists(d.resolve("codes.csv"))) {
                codes.write(d.resolve("codes.csv"));
            }
            if (before.isEmpty()) {
                Files.writeString(d.resolve("class.json"), Json.write(Map.of("scenario",
                        scenario.toAbsolutePath().normalize().toString(), "port", lab.port(),
                        "created", Timestamps.format(clock.instant()))) + "\n");
            }
            Path caseDir = d.resolve("case");
            Case c = Files.exists(caseDir.resolve("case.json"))
                    ? Case.openForWriting(caseDir, "tracelab lab class", clock)
                    : Case.create(caseDir, CaseManifest.create("Class on " + scenario.toAbsolutePath().normalize()
                            .getFileName(), instructor, "Hand-ins of a class, kept as evidence and graded against "
                            + "the scenario's key", "UZ", clock.instant()), clock);
            ClassRoom room = new ClassRoom(d, scenario.toAbsolutePath().normalize(), codes, c, clock, lab, maxBytes);
            try {
                room.sweep();
                room.load();
            } catch (IOException | RuntimeException e) {
                room.close();
                throw e;
            }
            return room;
        } catch (IOException e) {
            throw TracelabException.io("opening class " + classDir, e);
        }
    }

    /** The names of a trainees file: one a line, blank lines and lines starting with # left out. */
    public static List<String> readNames(Path file) {
        return JoinCodes.names(file);
    }

    /** The class folder. */
    public Path dir() {
        return dir;
    }

    /** Every trainee, in codes.csv order. */
    public List<Trainee> trainees() {
        return codes.all();
    }

    /** The trainee whose join code this is. */
    public Optional<Trainee> trainee(String code) {
        return codes.byCode(code);
    }

    /** The trainee at {@code index} (from 1). */
    public Optional<Trainee> trainee(int index) {
        List<Trainee> all = codes.all();
        return index >= 1 && index <= all.size() ? Optional.of(all.get(index - 1)) : Optional.empty();
    }

    /** Every graded hand-in of {@code t}, oldest first. */
    public List<HandinResult> results(Trainee t) {
        return List.copyOf(results.getOrDefault(t.name(), List.of()));
    }

    /** The latest graded hand-in of {@code t}: the one that counts. */
    public Optional<HandinResult> latest(Trainee t) {
        List<HandinResult> r = results(t);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(r.size() - 1));
    }

    /** Every refused hand-in, oldest first. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Where the lab is served. */
    public LabHosts lab() {
        return lab;
    }

    /** The largest hand-in taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The scenario's answer key, which only the instructor's side reads. */
    Path key() {
        return scenario.resolve("key.json");
    }

    /**
     * Takes a hand-in of {@code t} from {@code body}: at most {@link #maxBytes} bytes, a ZIP of {@code bag/} and
     * {@code findings.jsonl}. Returns once it is durable in the class case and graded.
     *
     * @throws HandinRefused when it is too large, not a safe archive, or its findings are unreadable; it is logged
     */
    public HandinResult accept(Trainee t, String address, InputStream body) throws HandinRefused, IOException {
        Instant received = clock.instant();
        Path incoming = dir.resolve(INCOMING);
        Files.createDirectories(incoming);
        String id = UUID.randomUUID().toString();
        Path zip = incoming.resolve(id + ".zip");
        String sha256;
        try {
            sha256 = receive(body, zip);
        } catch (HandinRefused r) {
            Files.deleteIfExists(zip);
            refuse(t, address, r.status(), r.getMessage());
            throw r;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        Future<HandinResult> kept = keeping.submit(() -> keep(t, address, received, zip, sha256,
                incoming.resolve(id)));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return kept.get();
                } catch (InterruptedException e) {
                    // the server stopping: the hand-in is kept all the same (or refused and logged) before it stops
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case HandinRefused r -> throw r;
                        case IOException io -> throw io;
                        case RuntimeException re -> throw re;
                        case Error err -> throw err;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Unpacks, grades and stores a received hand-in, on the one thread that does so: hand-ins are kept one at a time
     * and so take at most one of the server's cores, the others serving the lab site to the trainees collecting it.
     */
    private HandinResult keep(Trainee t, String address, Instant received, Path zip, String sha256, Path unpacked)
            throws HandinRefused, IOException {
        try {
            long size = Files.size(zip);
            HandinArchive.unpack(zip, unpacked, maxBytes * 4);
            GradeReport findings;
            try {
                findings = Grader.grade(unpacked.resolve(HandinArchive.FINDINGS), key());
            } catch (TracelabException e) {
                throw new HandinRefused(400, "findings.jsonl: " + e.getMessage().replace(unpacked.toString(), ""));
            }
            Stored stored = store(t, address, received, zip, sha256, size, unpacked);
            return grade(t, stored, findings);
        } catch (HandinRefused r) {
            refuse(t, address, r.status(), r.getMessage());
            throw r;
        } finally {
            Files.deleteIfExists(zip);
            delete(unpacked);
        }
    }

    /** Logs a refusal that came before a hand-in was read (unknown code, too often, too large). */
    public void refuse(Trainee t, String address, int status, String reason) {
        Refusal r = new Refusal(Timestamps.format(clock.instant()), t == null ? null : t.name(), address, status,
                reason);
        synchronized (writing) {
            evidence.log(REFUSED, r);
        }
        refusals.add(r);
    }

    private String receive(InputStream body, Path zip) throws IOException, HandinRefused {
        MessageDigest sha = Hashing.sha256();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), sha)) {
            for (int n; (n = read(body, buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new HandinRefused(413, "the hand-in is larger than this class takes (" + maxBytes
                            + " bytes)");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new HandinRefused(400, "the hand-in is empty");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Reads the upload; a trainee's end going away mid-upload is a refusal, not a failure of the class. */
    private static int read(InputStream body, byte[] buffer) throws HandinRefused {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new HandinRefused(400, "the upload was cut short (" + e.getMessage() + ")");
        }
    }

    private record Stored(int version, String received, String address, String sha256, long bytes, long item,
                          Path folder) {
    }

    /** Keeps the ZIP as an item of the class case and logs the hand-in; durable when this returns. */
    private Stored store(Trainee t, String address, Instant received, Path zip, String sha256, long size,
                         Path unpacked) throws IOException {
        synchronized (writing) {
            int version = logged.merge(t.name(), 1, Integer::sum);
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("trainee", t.name());
            who.put("version", version);
            who.put("address", address);
            who.put("received", Timestamps.format(received));
            CaptureSink sink = evidence.startCapture("class", who, null);
            StoredItem item;
            try (InputStream in = Files.newInputStream(zip)) {
                item = sink.store(NewItem.of("handin", "hand-in of " + t.name() + ", version " + version,
                        received, "class", "application/zip", null, who), in);
            } finally {
                evidence.finishCapture("class", Map.of("stored", 1));
            }
            if (!item.blob().id().sha256().equals(sha256)) {
                throw new IOException("the hand-in changed while it was stored: received sha256 " + sha256
                        + ", stored " + item.blob().id().sha256());
            }
            Path folder = dir.resolve(HANDINS).resolve(t.folder()).resolve("v" + version);
            Map<String, Object> p = new LinkedHashMap<>(who);
            p.put("sha256", sha256);
            p.put("bytes", size);
            p.put("folder", dir.relativize(folder).toString().replace('\\', '/'));
            evidence.log(HANDIN, Map.of("handin", p, "item", item.id()));
            Files.createDirectories(folder.getParent());
            delete(folder);
            Files.move(unpacked, folder, StandardCopyOption.ATOMIC_MOVE);
            return new Stored(version, Timestamps.format(received), address, sha256, size, item.id(), folder);
        }
    }

    /** Checks the evidence of a stored hand-in, writes its result beside it and logs the grade. */
    private HandinResult grade(Trainee t, Stored s, GradeReport findings) throws IOException {
        EvidenceChecks.Outcome o;
        try {
            o = EvidenceChecks.run(s.folder().resolve("bag"), lab);
        } catch (IOException | RuntimeException e) {
            // kept and acknowledged all the same: a bag too broken to check fails its check, it is not lost
            o = EvidenceChecks.unreadable(String.valueOf(e.getMessage()));
        }
        HandinResult r = new HandinResult(t.name(), s.version(), s.received(), s.address(), s.sha256(),
                s.bytes(), s.item(), findings, o.checks(), o.firstCapture() == null ? null
                : Timestamps.format(o.firstCapture()), o.examiner(), o.purpose(), o.keySha256());
        Path json = s.folder().resolve("result.json");
        Path tmp = s.folder().resolve("result.json.tmp");
        Files.writeString(tmp, Json.write(r));
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("trainee", t.name());
        p.put("version", s.version());
        p.put("flaggedF1", findings.flagged().f1());
        p.put("clustersF1", findings.clusters().f1());
        p.put("failedChecks", r.checks().stream().filter(c -> !c.passed()).map(Check::id).toList());
        p.put("resultSha256", Hashing.sha256Hex(Files.readString(json)));
        synchronized (writing) {
            evidence.log(GRADE, Map.of("grade", p, "item", s.item()));
            results.computeIfAbsent(t.name(), x -> new CopyOnWriteArrayList<>()).add(r);
            results.get(t.name()).sort(Comparator.comparingInt(HandinResult::version));
        }
        return r;
    }

    /** Rebuilds what the class knows from the class case's log, grading any hand-in a kill left ungraded. */
    private void load() throws IOException {
        List<CustodyEntry> handins = new ArrayList<>();
        Map<Long, CustodyEntry> graded = new LinkedHashMap<>();
        evidence.forEachCustodyEntry(e -> {
            switch (e.action()) {
                case HANDIN -> handins.add(e);
                case GRADE -> graded.put(e.params().path("item").asLong(), e);
                case REFUSED -> refusals.add(Json.MAPPER.treeToValue(e.params(), Refusal.class));
                default -> {
                }
            }
        });
        for (CustodyEntry e : handins) {
            JsonNode h = e.params().path("handin");
            logged.merge(h.path("trainee").asText(), 1, Integer::sum);
            long item = e.params().path("item").asLong();
            Trainee t = codes.byName(h.path("trainee").asText()).orElse(null);
            if (t == null) {
                continue; // a trainee removed from codes.csv by hand keeps their hand-ins in the case
            }
            Path folder = dir.resolve(h.path("folder").asText()).normalize();
            if (!folder.startsWith(dir.resolve(HANDINS))) {
                throw TracelabException.badInput("custody entry " + e.seq(), "names a hand-in folder outside "
                        + HANDINS);
            }
            Path json = folder.resolve("result.json");
            if (graded.containsKey(item) && Files.isRegularFile(json)) {
                HandinResult r = Json.MAPPER.readValue(json.toFile(), HandinResult.class);
                results.computeIfAbsent(t.name(), x -> new CopyOnWriteArrayList<>()).add(r);
                continue;
            }
            regrade(t, h, item, folder);
        }
        results.values().forEach(l -> l.sort(Comparator.comparingInt(HandinResult::version)));
    }

    /** Unpacks a logged hand-in again from its item and grades it. */
    private void regrade(Trainee t, JsonNode h, long item, Path folder) throws IOException {
        Path incoming = dir.resolve(INCOMING);
        Files.createDirectories(incoming);
        Path zip = incoming.resolve(UUID.randomUUID() + ".zip");
        try {
            try (InputStream in = evidence.openRaw(evidence.item(item))) {
                Files.copy(in, zip);
            }
            delete(folder);
            Files.createDirectories(folder.getParent());
            HandinArchive.unpack(zip, folder, Long.MAX_VALUE);
            GradeReport findings = Grader.grade(folder.resolve(HandinArchive.FINDINGS), key());
            grade(t, new Stored(h.path("version").asInt(), h.path("received").asText(), h.path("address").asText(),
                    h.path("sha256").asText(), h.path("bytes").asLong(), item, folder), findings);
        } catch (HandinRefused r) {
            throw new IllegalStateException("hand-in item " + item + " was taken but now is refused: " + r
                    .getMessage(), r);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** Removes what a killed server left half-received or half-unpacked; none of it was acknowledged. */
    private void sweep() throws IOException {
        Path incoming = dir.resolve(INCOMING);
        if (!Files.isDirectory(incoming)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(incoming)) {
            for (Path p : s) {
                delete(p);
            }
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }

    /** Finishes the hand-in being kept, if any, and closes the class case. */
    @Override
    public void close() {
        keeping.shutdown();
        try {
            if (!keeping.awaitTermination(1, TimeUnit.MINUTES)) {
                keeping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        evidence.close();
    }
}
