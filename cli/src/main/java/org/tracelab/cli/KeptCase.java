package org.tracelab.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.tracelab.core.Cancellation;
import org.tracelab.core.Case;

/**
 * The case a shell keeps open for reading between its commands, so a search after a search answers from an open
 * database and index instead of opening both again. A command borrows it ({@link #lend}) and closes what it
 * borrowed as it always does; a command that writes lets it go ({@link #release}) first, so the next reader sees
 * the case as written (an older case's schema upgraded, new items indexed).
 */
final class KeptCase implements AutoCloseable {
    private final Cancellation cancellation;
    private Path dir;
    private Case open;
    /** Counts the releases: what was read from the case before the last one may be out of date. */
    private long generation;

    /** A keeper whose case's searches stop when {@code cancellation} says so (the shell's Ctrl-C). */
    KeptCase(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    /** The case in {@code dir} open for reading, shared with this keeper; the caller closes it when done. */
    synchronized Case lend(Path dir, Clock clock) {
        Path key = dir.toAbsolutePath().normalize();
        if (open != null && !key.equals(this.dir)) {
            release();
        }
        if (open == null) {
            open = Case.openForReading(key, clock);
            open.cancelWhen(cancellation);
            this.dir = key;
        }
        return open.retain();
    }

    /** Closes the kept case, if any; the next {@link #lend} opens it anew. */
    synchronized void release() {
        if (open != null) {
            Case c = open;
            open = null;
            dir = null;
            c.close();
        }
        generation++;
    }

    /** Changes each time the kept case is let go (a command wrote to it): read-once values go out of date. */
    synchronized long generation() {
        return generation;
    }

    @Override
    public void close() {
        release();
    }
}
