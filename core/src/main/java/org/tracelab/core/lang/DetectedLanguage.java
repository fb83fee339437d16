package org.tracelab.core.lang;

import java.util.Objects;

/**
 * A language decision: a BCP 47 tag such as {@code uz-Latn}, {@code uz-Cyrl}, {@code ru}, {@code kk}, {@code de},
 * {@code zh} (see {@link LanguageIdentifier} for all), or {@code und}, with a confidence in [0, 1].
 */
public record DetectedLanguage(String tag, double confidence) {
    /** Too little text to say anything. */
    public static final DetectedLanguage UNDETERMINED = new DetectedLanguage("und", 0);

    public DetectedLanguage {
        Objects.requireNonNull(tag, "tag");
        if (tag.isBlank()) {
            throw new IllegalArgumentException("blank language tag");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
        }
    }

    /** The language without script, e.g. {@code uz} for {@code uz-Cyrl}. */
    public String language() {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
