package org.tracelab.samples;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.tracelab.core.TracelabException;

/** A language and script that scenario texts are written in, named by its BCP 47 tag in key.json. */
public enum Language {
    UZ_LATN("uz-Latn", 35),
    UZ_CYRL("uz-Cyrl", 15),
    RU("ru", 35),
    EN("en", 15);

    private final String tag;
    private final int weight;

    Language(String tag, int weight) {
        this.tag = tag;
        this.weight = weight;
    }

    /** The BCP 47 tag, e.g. {@code uz-Cyrl}. */
    public String tag() {
        return tag;
    }

    /** How often ads are written in this language relative to the others, as on real Uzbek sites. */
    public int weight() {
        return weight;
    }

    /**
     * Parses a comma-separated list such as {@code uz,ru,en}; {@code uz} means both Uzbek scripts, and the
     * tags {@code uz-Latn} / {@code uz-Cyrl} pick one.
     */
    public static Set<Language> parseList(String list) {
        Set<Language> out = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String code = raw.trim().toLowerCase(Locale.ROOT);
            switch (code) {
                case "uz" -> {
                    out.add(UZ_LATN);
                    out.add(UZ_CYRL);
                }
                case "uz-latn" -> out.add(UZ_LATN);
                case "uz-cyrl" -> out.add(UZ_CYRL);
                case "ru" -> out.add(RU);
                case "en" -> out.add(EN);
                default -> throw TracelabException.badInput("--langs " + list,
                        "unknown language '" + raw.trim() + "' (use uz, uz-Latn, uz-Cyrl, ru, en)");
            }
        }
        return out;
    }
}
