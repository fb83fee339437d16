package org.tracelab.core.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What OCR will do in one extraction run, decided once from the settings and the Tesseract on the machine: read
 * these installed languages with it, or nothing; and the one line to tell the examiner when that is less than was
 * asked (no Tesseract, languages not installed).
 *
 * @param tesseract the Tesseract to run, empty when OCR is off
 * @param languages the installed languages it reads, in the order asked
 * @param note      the line saying what is missing and what to install, when something is
 */
public record OcrPlan(Optional<Tesseract> tesseract, List<String> languages, Optional<String> note) {
    public OcrPlan {
        Objects.requireNonNull(tesseract, "tesseract");
        languages = List.copyOf(languages);
        Objects.requireNonNull(note, "note");
        if (tesseract.isPresent() == languages.isEmpty()) {
            throw new IllegalArgumentException("OCR runs with languages or not at all");
        }
    }

    /** No OCR, and nothing to say about it (it was not asked for). */
    public static final OcrPlan OFF = new OcrPlan(Optional.empty(), List.of(), Optional.empty());

    /** The plan for {@code settings}, with {@code finder} looking up the Tesseract they name. */
    public static OcrPlan of(OcrSettings settings, Function<String, Optional<Tesseract>> finder) {
        if (!settings.on()) {
            return OFF;
        }
        Optional<Tesseract> found = finder.apply(settings.tesseract());
        if (found.isEmpty()) {
            return new OcrPlan(Optional.empty(), List.of(), Optional.of("OCR skipped: no Tesseract at '"
                    + settings.tesseract() + "'; to read text in images, as root run scripts/system-packages or"
                    + " apt-get install tesseract-ocr " + packages(settings.languages())));
        }
        List<String> installed = settings.languages().stream().filter(found.get().languages()::contains).toList();
        List<String> missing = settings.languages().stream().filter(l -> !installed.contains(l)).toList();
        if (installed.isEmpty()) {
            return new OcrPlan(Optional.empty(), List.of(), Optional.of("OCR skipped: Tesseract has none of "
                    + String.join("+", missing) + " installed; as root run apt-get install " + packages(missing)));
        }
        Optional<String> note = missing.isEmpty() ? Optional.empty()
                : Optional.of("OCR reads " + String.join("+", installed) + " without " + String.join("+", missing)
                        + ", not installed; as root run apt-get install " + packages(missing));
        return new OcrPlan(found, installed, note);
    }

    /** True when images are read. */
    public boolean on() {
        return tesseract.isPresent();
    }

    /** How the text is read, as the case records it: e.g. {@code Tesseract 5.3.0 uzb+rus+eng}. */
    public Optional<String> method() {
        return tesseract.map(t -> t.engine() + " " + String.join("+", languages));
    }

    private static String packages(List<String> languages) {
        return String.join(" ", languages.stream().map(OcrLanguages::debianPackage).toList());
    }
}
