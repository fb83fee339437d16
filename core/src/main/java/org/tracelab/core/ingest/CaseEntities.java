package org.tracelab.core.ingest;

import java.util.List;
import org.tracelab.core.entities.EntityExtractor;

/** The case's entity finder: {@link EntityExtractor} in the case's phone region, its entities as mentions. */
public final class CaseEntities implements EntityFinder {
    private final EntityExtractor extractor;

    /** Finds entities reading local phone numbers in {@code region} (ISO 3166, e.g. {@code UZ}). */
    public CaseEntities(String region) {
        this.extractor = new EntityExtractor(region);
    }

    @Override
    public List<EntityMention> find(String text) {
        return extractor.extract(text).stream()
                .map(e -> new EntityMention(e.type().cliName(), e.value(), e.raw(), e.start(), e.end()))
                .toList();
    }
}
