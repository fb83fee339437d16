package org.tracelab.samples;

import java.util.EnumSet;
import java.util.Set;
import org.tracelab.core.TracelabException;

/**
 * What to generate: the seed that fixes every byte, the number of ads and the languages they are written in.
 *
 * @param seed any long; the same spec always gives the same scenario
 * @param ads number of ads, at least 1
 * @param languages languages to draw ads from, not empty
 */
public record ScenarioSpec(long seed, int ads, Set<Language> languages) {
    /** Validates and freezes the language set in a fixed (declaration) order. */
    public ScenarioSpec {
        if (ads < 1) {
            throw TracelabException.badInput("--ads " + ads, "must be at least 1");
        }
        if (languages == null || languages.isEmpty()) {
            throw TracelabException.badInput("--langs", "name at least one language");
        }
        languages = Set.copyOf(EnumSet.copyOf(languages));
    }

    /** A spec over all languages. */
    public static ScenarioSpec of(long seed, int ads) {
        return new ScenarioSpec(seed, ads, EnumSet.allOf(Language.class));
    }

    /** The languages in declaration order, so iteration never depends on set hashing. */
    public EnumSet<Language> orderedLanguages() {
        return EnumSet.copyOf(languages);
    }
}
