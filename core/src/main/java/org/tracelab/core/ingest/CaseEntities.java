package org.tracelab.core.ingest;

import java.util.List;
import java.util.Objects;
import org.tracelab.core.entities.EntityExtractor;

/**
 * The case's entity finder: {@link EntityExtractor} in the case's phone region, its entities as mentions.
 *
 * <p>The extractor is built at the first text to read, not with the case: it loads libphonenumber's metadata and
 * compiles many patterns, which a command that opens the case only to show or search it mostly never needs (a
 * query asks for entities only to normalise an {@code --entity} or {@code phone:} value). The region is checked by
 * the case manifest already.
 */
public final class CaseEntities implements EntityFinder {
    private final String region;
    private volatile EntityExtractor extractor;

    /** Finds entities reading local phone numbers in {@code region} (ISO 3166, e.g. {@code UZ}). */
    public CaseEntities(String region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    @Override
    public List<EntityMention> find(String text) {
        return extractor().extract(text).stream()
                .map(e -> new EntityMention(e.type().cliName(), e.value(), e.raw(), e.start(), e.end()))
                .toList();
    }

    private EntityExtractor extractor() {
        EntityExtractor x = extractor;
        if (x == null) {
            synchronized (this) {
                x = extractor;
                if (x == null) {
                    x = new EntityExtractor(region);
                    extractor = x;
                }
            }
        }
        return x;
    }
}
