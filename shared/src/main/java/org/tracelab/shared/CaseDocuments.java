package org.tracelab.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.imagehash.PdqResult;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.EntityMention;
import org.tracelab.core.ingest.TextScope;
import org.tracelab.core.items.Item;
import org.tracelab.core.items.TaggedItem;

/**
 * The documents a case publishes: one per item, its searchable fields as the case index holds them (same text,
 * lowercase keywords, normalised entities) with the case's id, name and purpose, the item's SHA-256 and the hash of
 * the custody entry that recorded it, so a hit can be verified in its own case. Made one at a time, on demand.
 */
final class CaseDocuments {
    /** The most text one document carries (the case index's own write limit is ten million characters). */
    static final int MAX_TEXT_CHARS = 1_000_000;

    private final Case c;
    private final String caseId;
    private final Map<Long, String> custodyHashes;
    private final List<TaggedItem> items;

    private CaseDocuments(Case c, String caseId, Map<Long, String> custodyHashes, List<TaggedItem> items) {
        this.c = c;
        this.caseId = caseId;
        this.custodyHashes = custodyHashes;
        this.items = items;
    }

    /** Reads the case's items and the custody entry that first names each (the one that recorded it). */
    static CaseDocuments of(Case c) {
        CaseManifest m = c.manifest();
        if (m.examiner().isBlank() || m.purpose().isBlank()) {
            throw TracelabException.badInput("case " + c.dir(), "publishing needs the case's examiner and purpose");
        }
        String caseId = caseIdOf(c);
        Map<Long, String> hashes = c.recordingEntryHashes();
        List<TaggedItem> items = new ArrayList<>();
        try {
            c.forEachItem(items::add);
        } catch (IOException e) {
            throw TracelabException.io("reading case " + c.dir(), e);
        }
        return new CaseDocuments(c, caseId, hashes, List.copyOf(items));
    }

    /** The case's id in the shared index: the hash of its first custody entry (case.init). */
    static String caseIdOf(Case c) {
        CustodyEntry init = c.lastCustodyEntry("case.init").orElseThrow(() -> TracelabException.badInput(
                "case " + c.dir(), "its custody log has no case.init entry; run 'tracelab verify'"));
        return init.hash();
    }

    String caseId() {
        return caseId;
    }

    List<TaggedItem> items() {
        return items;
    }

    /** The document of one item, its fingerprint included. */
    Map<String, Object> document(TaggedItem tagged) {
        Item it = tagged.item();
        CaseManifest m = c.manifest();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(Fields.CASE_ID, caseId);
        d.put(Fields.CASE_NAME, m.name());
        d.put(Fields.CASE_PURPOSE, m.purpose());
        d.put(Fields.CASE_EXAMINER, m.examiner());
        d.put(Fields.ITEM_ID, it.id());
        d.put(Fields.ITEM_KEY, key(caseId, it.id()));
        d.put(Fields.CAPTURE, IndexFields.RECORD_KINDS.contains(it.kind()) ? it.parent().orElse(it.id()) : it.id());
        d.put(Fields.SHA256, it.blob().sha256());
        d.put(Fields.CUSTODY_HASH, custodyHashes.get(it.id()));
        d.put(Fields.KIND, IndexFields.keyword(it.kind()));
        d.put(Fields.COLLECTOR, IndexFields.keyword(it.collector()));
        IndexFields.hostOf(it.source()).ifPresent(h -> d.put(Fields.HOST, h));
        d.put(Fields.CAPTURED, it.capturedAt().toEpochMilli());
        d.put(Fields.SOURCE, it.source());
        d.put(Fields.TAGS, tagged.tags().stream().map(IndexFields::keyword).toList());
        Optional<DerivedText> text = c.text(it.id());
        text.ifPresent(t -> {
            d.put(Fields.LANGUAGE, t.language());
            Set<String> langs = new TreeSet<>();
            langs.add(IndexFields.keyword(t.language()));
            int dash = t.language().indexOf('-');
            if (dash > 0) {
                langs.add(IndexFields.keyword(t.language().substring(0, dash)));
            }
            d.put(Fields.LANG, List.copyOf(langs));
            t.title().ifPresent(title -> d.put(Fields.TITLE, title));
            d.put(Fields.FULL_TEXT, read(t));
            c.text(it.id(), TextScope.MAIN).filter(main -> !main.blob().equals(t.blob()))
                    .ifPresent(main -> d.put(Fields.MAIN_TEXT, read(main)));
        });
        Map<String, Set<String>> byType = new TreeMap<>();
        Set<String> all = new TreeSet<>();
        Set<String> forms = new TreeSet<>();
        for (EntityMention e : c.entitiesOf(it.id())) {
            byType.computeIfAbsent(e.type(), k -> new TreeSet<>()).add(e.value());
            all.add(e.type() + ":" + e.value());
            forms.add(e.type() + ":" + e.value() + Fields.FORM_SEPARATOR + form(e.raw()));
        }
        d.put(Fields.ENTITIES, List.copyOf(all));
        d.put(Fields.ENTITY_FORMS, List.copyOf(forms));
        Map<String, Object> entity = new LinkedHashMap<>();
        byType.forEach((type, values) -> entity.put(type, List.copyOf(values)));
        d.put(Fields.ENTITY, entity);
        c.pictureHash(it.id()).flatMap(p -> p.pdq()).map(PdqResult::hash)
                .ifPresent(h -> d.put(Fields.IMAGE_PDQ, h.hex()));
        d.put(Fields.FINGERPRINT, Hashing.sha256Hex(SharedIndex.MAPPING_VERSION + Json.canonical(d)));
        return d;
    }

    /**
     * A mention's written form as the shared index keeps it: spaces collapsed, the separator dropped, at most
     * {@link #MAX_FORM_CHARS} characters (a link's whole attribute can be long; a keyword has a length limit).
     */
    static String form(String raw) {
        String f = raw.replace(Fields.FORM_SEPARATOR, ' ').replaceAll("\\s+", " ").strip();
        return f.length() > MAX_FORM_CHARS ? f.substring(0, MAX_FORM_CHARS) + "…" : f;
    }

    /** The longest written form kept, in characters. */
    static final int MAX_FORM_CHARS = 200;

    /** The document id of an item: the case's id and the item's. */
    static String key(String caseId, long itemId) {
        return caseId + ":" + itemId;
    }

    private String read(DerivedText t) {
        try (InputStream in = c.openText(t)) {
            byte[] head = in.readNBytes(MAX_TEXT_CHARS * 4);
            String s = new String(head, StandardCharsets.UTF_8);
            return s.length() > MAX_TEXT_CHARS ? s.substring(0, MAX_TEXT_CHARS) : s;
        } catch (IOException e) {
            throw TracelabException.io("reading the text of item " + t.itemId(), e);
        }
    }
}
