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
        boolean testHooks,
        OcrSettings ocr) {

    /**
     * 60 s per document, 10 M characters, 10 000 members, 1 GiB of members, ratio 100, 768 MiB heap, OCR in English
     * (a case reads its region's languages).
     */
    public static final ExtractorSettings DEFAULTS = new ExtractorSettings(Duration.ofSeconds(60), 10_000_000,
            10_000, 1L << 30, 100, 768, false, OcrSettings.DEFAULTS);

    public ExtractorSettings {
        Objects.requireNonNull(timeout, "timeout");
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
    }

    /** These settings with another per-document time limit. */
    public ExtractorSettings withTimeout(Duration newTimeout) {
        return new ExtractorSettings(newTimeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio,
                workerHeapMb, testHooks, ocr);
    }

    /** These settings with another text write limit. */
    public ExtractorSettings withMaxTextChars(int newMax) {
        return new ExtractorSettings(timeout, newMax, maxMembers, maxMemberBytes, maxUnpackRatio, workerHeapMb,
                testHooks, ocr);
    }

    /** These settings with another worker heap size. */
    public ExtractorSettings withWorkerHeapMb(int newHeapMb) {
        return new ExtractorSettings(timeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio, newHeapMb,
                testHooks, ocr);
    }

    /** These settings with the test hooks on or off. */
    public ExtractorSettings withTestHooks(boolean on) {
        return new ExtractorSettings(timeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio,
                workerHeapMb, on, ocr);
    }

    /** These settings with another way of reading text in images. */
    public ExtractorSettings withOcr(OcrSettings newOcr) {
        return new ExtractorSettings(timeout, maxTextChars, maxMembers, maxMemberBytes, maxUnpackRatio, workerHeapMb,
                testHooks, newOcr);
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
