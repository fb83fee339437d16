package org.tracelab.shared;

/** The fields of a document in the shared index: one item of one case. */
final class Fields {
    /** The case's id: the hash of its first custody entry (case.init), so a hit names a case it can be checked in. */
    static final String CASE_ID = "case_id";
    static final String CASE_NAME = "case_name";
    static final String CASE_PURPOSE = "case_purpose";
    static final String CASE_EXAMINER = "case_examiner";
    static final String ITEM_ID = "item_id";
    /** {@code caseId:itemId}, the document's id as a field. */
    static final String ITEM_KEY = "item_key";
    /** The capture an item belongs to (its own id, or an ad's page), as in the case index. */
    static final String CAPTURE = "capture";
    /** SHA-256 of the item's raw bytes, as in the case. */
    static final String SHA256 = "sha256";
    /** Hash of the custody entry that recorded the item, to verify a hit back in its own case. */
    static final String CUSTODY_HASH = "custody_hash";
    static final String KIND = "kind";
    static final String COLLECTOR = "collector";
    static final String HOST = "host";
    /** Keyword forms of the language: the tag and its bare language ({@code uz-cyrl}, {@code uz}). */
    static final String LANG = "lang";
    /** The language tag as detected. */
    static final String LANGUAGE = "language";
    static final String CAPTURED = "captured";
    static final String SOURCE = "source";
    static final String TITLE = "title";
    static final String FULL_TEXT = "full_text";
    static final String MAIN_TEXT = "main_text";
    static final String TAGS = "tags";
    /** Every entity as {@code type:value}, for counting across cases. */
    static final String ENTITIES = "entities";
    /**
     * Every entity with a form it is written in, {@code type:value} then {@link #FORM_SEPARATOR} then the form as
     * written: a value's forms sort together, so one pass over the field gives each value's forms case by case.
     */
    static final String ENTITY_FORMS = "entity_forms";
    /** Between an entity and its written form in {@link #ENTITY_FORMS}: a character no value or form holds. */
    static final char FORM_SEPARATOR = '\u001f';
    /** Entities by type: {@code entity.phone}, … */
    static final String ENTITY = "entity";
    /** PDQ hashes (hex) of the item's pictures. */
    static final String IMAGE_PDQ = "image_pdq";
    /** SHA-256 of the document's other fields: a re-publish sends only documents whose fingerprint changed. */
    static final String FINGERPRINT = "fingerprint";

    private Fields() {
    }
}
