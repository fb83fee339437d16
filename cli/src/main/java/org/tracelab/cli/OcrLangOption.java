package org.tracelab.cli;

import org.tracelab.core.Case;
import org.tracelab.core.TracelabException;
import org.tracelab.core.extract.OcrLanguages;
import org.tracelab.core.extract.OcrSettings;
import picocli.CommandLine.Option;

/** {@code --ocr-lang LANGS}: the languages OCR reads in images, instead of the case region's. */
final class OcrLangOption {
    static final String NAME = "--ocr-lang";
    static final String LABEL = "LANGS";
    static final String DESCRIPTION = "Languages to read in images (Tesseract codes joined by '+', e.g. "
            + "uzb+uzb_cyrl+rus+eng), or 'none' for no OCR; by default the case region's.";

    @Option(names = NAME, paramLabel = LABEL, description = DESCRIPTION)
    String value;

    /** How {@code c} reads images in this command. */
    OcrSettings settings(Case c) {
        return settings(c, value);
    }

    /** How {@code c} reads images given {@code value} of {@value #NAME} (null when not given). */
    static OcrSettings settings(Case c, String value) {
        if (value == null) {
            return c.ocr(OcrLanguages.OF_REGION);
        }
        try {
            return c.ocr(OcrLanguages.parse(value));
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput(NAME + " " + value, e.getMessage());
        }
    }
}
