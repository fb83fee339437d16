package org.tracelab.core.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds every extraction runs within.
 *
 * @param timeout        time limit per document, after which the worker is killed and restarted
 * @param maxTextChars   write limit: text beyond it is dropped and the extraction marked {@code WRITE_LIMIT}
 * @param maxMembers     most embedded members spooled per document
 * @param maxMemberBytes most bytes spooled for all members of one document together
 * @param maxUnpackRatio most bytes of members per byte of container before it counts as a zip bomb
 * @param workerHeapMb   heap of the worker process, in MiB
 * @param workerIdle     how long a worker process is kept with nothing to do: it then ends, and the next document
 *                       for a worker starts one again (a collection's pictures come together, with their pages, and
 *                       two idle workers held about 190 MB through the rest of a 100,000-ad run)
 * @param testHooks      lets test files make the worker hang, crash or run out of memory; never set outside tests
 * @param ocr            how text in images is read (Tesseract, languages, bounds); its time limit is {@code timeout}
 */
public record ExtractorSettings(
        Duration timeout,
        int maxTextChars,
        int maxMembers,
        long maxMemberBytes,
        long maxUnpackRatio,
        int workerHeapMb,
        Duration workerIdle,
        boolean testHooks,
        OcrSettings ocr) {

    /**
     * 60 s per document, 10 M characters, 10 000 members, 1 GiB of members, ratio 100, 768 MiB heap, a worker kept
     * 10 s idle (a start costs it about half a second of a core), OCR in English (a case reads its region's languages).
     */
    public static final ExtractorSettings DEFAULTS = new ExtractorSettings(Duration.ofSeconds(60), 10_000_000,
            10_000, 1L << 30, 100, 768, Duration.ofSeconds(10), false, OcrSettings.DEFAULTS);

    public ExtractorSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(workerIdle, "workerIdle");
        Objects.requireNonNull(ocr, "ocr");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maxTextChars must be positive: " + maxTextChars);
        }
        if (maxMembers < 0) {
            throw new IllegalArgumentException("maxMembers < 0: " + maxMembers);
        }
        if (maxMemberBytes < 0) {
            throw new IllegalArgumentException("maxMemberBytes < 0: " + maxMemberBytes);
        }
        if (maxUnpackRatio < 1) {
            throw new IllegalArgumentException("maxUnpackRatio must be at least 1: " + maxUnpackRatio);
        }
        if (workerHeapMb < 64) {
            throw new IllegalArgumentException("workerHeapMb must be at least 64: " + workerHeapMb);
        }
        if (workerIdle.isNegative() || workerIdle.isZero()) {
            throw new IllegalArgumentException("workerIdle must be positive: " + workerIdle);
        }
    }

    /** These settings with another per-document time limit. */
    public ExtractorSettings withTimeout(Duration newTimeout) {
        return new ExtractorSettings(newTimeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio,
                workerHeapMb, workerIdle, testHooks, ocr);
    }

    /** These settings with another text write limit. */
    public ExtractorSettings withMaxTextChars(int newMax) {
        return new ExtractorSettings(timeout, newMax, maxMembers, maxMemberBytes, maxUnpackRatio, workerHeapMb,
                workerIdle, testHooks, ocr);
    }

    /** These settings with another worker heap size. */
    public ExtractorSettings withWorkerHeapMb(int newHeapMb) {
        return new ExtractorSettings(timeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio, newHeapMb,
                workerIdle, testHooks, ocr);
    }

    /** These settings with another time a worker is kept idle. */
    public ExtractorSettings withWorkerIdle(Duration newIdle) {
        return new ExtractorSettings(timeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio, workerHeapMb,
                newIdle, testHooks, ocr);
    }

    /** These settings with the test hooks on or off. */
    public ExtractorSettings withTestHooks(boolean on) {
        return new ExtractorSettings(timeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio,
                workerHeapMb, workerIdle, on, ocr);
    }

    /** These settings with another way of reading text in images. */
    public ExtractorSettings withOcr(OcrSettings newOcr) {
        return new ExtractorSettings(timeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio, workerHeapMb,
                workerIdle, testHooks, newOcr);
    }

    /**
     * Tesseract's time limit per image: a little under the document's, so that Tika stops Tesseract and says so
     * before the worker itself is stopped.
     */
    int ocrTimeoutSeconds() {
        long s = timeout.toSeconds();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, s > 10 ? s - 5 : s * 3 / 4));
    }
}
