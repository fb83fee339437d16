package org.tracelab.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab site's files kept in memory once read. A class of thirty trainees fetches every file of the same scenario
 * thirty times, so each is read from disk once and then served as bytes, not opened and read on every request. A file
 * whose size or modification time changed since it was read is read again (a scenario edited while served is served
 * as it now is). A file larger than {@link #MAX_FILE} is left to the caller to stream from disk, and once the copies
 * fill their budget (checked without a lock, so overrun by at most a file per request at once) a file not yet kept
 * is read on every request, as before.
 */
final class SiteFiles {
    /** The largest file kept in memory. */
    static final int MAX_FILE = 1 << 20;

    private final ConcurrentHashMap<Path, Copy> copies = new ConcurrentHashMap<>();
    private final AtomicLong kept = new AtomicLong();
    private final long budget;

    /** Keeps at most {@code budget} bytes of copies in all. */
    SiteFiles(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("a budget is not negative: " + budget);
        }
        this.budget = budget;
    }

    /** A budget of an eighth of the heap, at most 256 MB: a generated scenario of 100,000 ads is not held whole. */
    static SiteFiles forHeap() {
        return new SiteFiles(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    private record Copy(long size, FileTime modified, byte[] bytes) {
    }

    /**
     * The bytes of {@code file} as it is now ({@code attributes} just read): kept from before or read now; null when
     * it is larger than {@link #MAX_FILE}, to be streamed.
     */
    byte[] bytes(Path file, BasicFileAttributes attributes) throws IOException {
        Copy c = copies.get(file);
        if (c != null && c.size() == attributes.size() && c.modified().equals(attributes.lastModifiedTime())) {
            return c.bytes();
        }
        if (attributes.size() > MAX_FILE) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        if (after.size() != bytes.length || !after.lastModifiedTime().equals(attributes.lastModifiedTime())) {
            return bytes; // being written: serve what was read, keep nothing
        }
        if (kept.get() + bytes.length > budget) {
            return bytes; // the budget is spent: this one is read on every request
        }
        Copy replaced = copies.put(file, new Copy(bytes.length, after.lastModifiedTime(), bytes));
        kept.addAndGet(bytes.length - (replaced == null ? 0 : replaced.bytes().length));
        return bytes;
    }
}
