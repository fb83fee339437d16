package org.tracelab.core.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.entities.Entity;
import org.tracelab.core.entities.EntityExtractor;
import org.tracelab.core.entities.EntityType;
import org.tracelab.core.entities.FoundIn;
import org.tracelab.core.entities.MarkupLinks;
import org.tracelab.core.extract.SavedPage;

/**
 * The case's entity finder: {@link EntityExtractor} in the case's phone region, its entities as mentions; for an
 * HTML item also the identifiers of its markup's links ({@link MarkupLinks}), found in a link; those in text that
 * OCR read (an image's, a scanned page's) are found by OCR.
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
        return mentions(extractor().extract(text), FoundIn.TEXT);
    }

    @Override
    public List<EntityMention> find(ItemContent item) throws IOException {
        String type = item.contentType().toLowerCase(Locale.ROOT);
        List<EntityMention> out = new ArrayList<>();
        for (Entity e : extractor().extract(item.text(), EnumSet.allOf(EntityType.class),
                telegramChannel(item.source()))) {
            out.add(mention(e, item.readByOcr(e.start()) ? FoundIn.OCR : FoundIn.TEXT));
        }
        if (!item.ocrSpans().isEmpty()) {
            for (Entity e : extractor().phonesWithPlusReadAsFour(item.text(), item::readByOcr)) {
                if (out.stream().noneMatch(m -> m.start() < e.end() && e.start() < m.end())) {
                    out.add(mention(e, FoundIn.OCR));
                }
            }
        }
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            List<MarkupLinks.Link> links = item.links().isPresent() ? item.links().get()
                    : MarkupLinks.read(item.content());
            out.addAll(mentions(extractor().extractFromLinks(links), FoundIn.LINK));
        } else if (SavedPage.is(type)) {
            // the page's markup is inside the MIME parts, quoted-printable or base64, not the bytes as stored
            Optional<List<MarkupLinks.Link>> links = item.links().isPresent() ? item.links()
                    : SavedPage.html(item.content(), MarkupLinks.MAX_BYTES).map(MarkupLinks::read);
            if (links.isPresent()) {
                out.addAll(mentions(extractor().extractFromLinks(links.get()), FoundIn.LINK));
            }
        }
        return out;
    }

    /** Whether {@code source} is a Telegram channel's page ({@code https://t.me/s/NAME} and the like). */
    static boolean telegramChannel(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        for (String host : new String[] {"t.me/", "telegram.me/", "telegram.dog/"}) {
            if (s.startsWith("https://" + host) || s.startsWith("http://" + host)) {
                return true;
            }
        }
        return false;
    }

    private static List<EntityMention> mentions(List<Entity> entities, FoundIn where) {
        return entities.stream().map(e -> mention(e, where)).toList();
    }

    private static EntityMention mention(Entity e, FoundIn where) {
        return new EntityMention(e.type().cliName(), e.value(), e.raw(), e.start(), e.end(), where);
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
