package org.tracelab.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-writer-per-case lock: an OS lock on {@code case.lock}, which also names its holder so that a second
 * writer is told who is busy with the case. The OS drops the lock when the holder dies, so a killed process
 * never leaves a case locked.
 */
public final class CaseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private CaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once, naming the holder.
     *
     * @param command what this process is doing, shown to anyone who finds the case locked
     */
    public static CaseLock acquire(Path caseDir, String command, Instant now) {
        Path file = caseDir.resolve(CaseFolder.LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                l = null;
            }
            if (l == null) {
                String holder = describeHolder(ch);
                ch.close();
                throw new TracelabException(TracelabException.Failure.LOCKED,
                        caseDir + ": case is being written by " + holder + "; try again when it is done");
            }
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("pid", ProcessHandle.current().pid());
            who.put("host", hostName());
            who.put("command", command);
            who.put("since", Timestamps.format(now));
            byte[] text = (Json.write(who) + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text), 0);
            return new CaseLock(ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw TracelabException.io("case lock " + file, e);
        }
    }

    /**
     * Who holds the case for writing now, if anyone: a shell tells its user at the start that its writing
     * commands will be refused until then. Takes the lock for an instant to find out, when no one holds it.
     */
    public static java.util.Optional<String> holder(Path caseDir) {
        Path file = CaseFolder.requireCase(caseDir).resolve(CaseFolder.LOCK);
        if (!java.nio.file.Files.isWritable(file)) {
            return java.util.Optional.empty(); // never written (no lock file), or on read-only media: no writer
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                return java.util.Optional.of("this process");
            }
            if (l == null) {
                return java.util.Optional.of(describeHolder(ch));
            }
            l.release();
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw TracelabException.io("case lock " + file, e);
        }
    }

    private static String describeHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        try {
            JsonNode n = Json.parse(text);
            return "process " + n.path("pid").asText() + " on " + n.path("host").asText()
                    + " (" + n.path("command").asText() + ", since " + n.path("since").asText() + ")";
        } catch (IllegalArgumentException e) {
            return "another process";
        }
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        // Linux's own answer, as gethostname gives it: InetAddress first lists the name-service providers on the
        // class path, which opens the whole command jar (docs/BENCHMARKS.md, "Start-up, session 11").
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: ask the JDK
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the lock failure is what the caller reports
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw TracelabException.io("releasing case lock", e);
        }
    }
}
