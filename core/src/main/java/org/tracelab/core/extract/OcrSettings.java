package org.tracelab.core.extract;

import java.util.List;
import java.util.Objects;

/**
 * How text is read from images: which Tesseract, which languages, and the bounds past which an image is not read.
 * The time limit is the extraction's own ({@link ExtractorSettings#timeout()}).
 *
 * @param tesseract the Tesseract command: a name looked up on the {@code PATH} or a path; Tika runs it by the name
 *                  {@code tesseract}, so a path must end in that name
 * @param languages Tesseract language codes to read, in order ({@link OcrLanguages}); empty for no OCR
 * @param maxPixels images with more pixels than this are not read (a decompression bomb claims billions)
 * @param minBytes  smaller images (tracking pixels, icons) are not read
 * @param maxBytes  larger images are not read
 * @param pdfDpi    resolution at which a scanned PDF page with no text of its own is drawn for OCR
 */
public record OcrSettings(String tesseract, List<String> languages, long maxPixels, long minBytes, long maxBytes,
                          int pdfDpi) {
    /** Tesseract on the PATH reading English; a case gives its region's languages instead. */
    public static final OcrSettings DEFAULTS = new OcrSettings("tesseract", List.of("eng"), 40_000_000L, 100,
            50L << 20, 300);

    public OcrSettings {
        Objects.requireNonNull(tesseract, "tesseract");
        if (tesseract.isBlank()) {
            throw new IllegalArgumentException("tesseract command must not be blank");
        }
        languages = new OcrLanguages(java.util.Optional.of(languages)).chosen().orElseThrow();
        if (maxPixels < 1 || minBytes < 0 || maxBytes < minBytes) {
            throw new IllegalArgumentException("OCR bounds out of order: maxPixels " + maxPixels + ", bytes "
                    + minBytes + " to " + maxBytes);
        }
        if (pdfDpi < 72 || pdfDpi > 600) {
            throw new IllegalArgumentException("pdfDpi must be 72 to 600: " + pdfDpi);
        }
    }

    /** True when some language is to be read. */
    public boolean on() {
        return !languages.isEmpty();
    }

    /** These settings reading other languages (none: OCR off). */
    public OcrSettings withLanguages(List<String> newLanguages) {
        return new OcrSettings(tesseract, newLanguages, maxPixels, minBytes, maxBytes, pdfDpi);
    }

    /** These settings with another Tesseract command. */
    public OcrSettings withTesseract(String command) {
        return new OcrSettings(command, languages, maxPixels, minBytes, maxBytes, pdfDpi);
    }

    /** These settings with another pixel limit. */
    public OcrSettings withMaxPixels(long newMax) {
        return new OcrSettings(tesseract, languages, newMax, minBytes, maxBytes, pdfDpi);
    }
}
