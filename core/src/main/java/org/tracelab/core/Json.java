package org.tracelab.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/** The JSON mapper every module shares, and the canonical form hashed by the custody chain. */
public final class Json {
    /** Shared, thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /**
     * The canonical form's writer: the properties of every object sorted as they are written (by Java's string
     * order), at every depth, where a sorted copy of each tree used to be built first; a capture wrote two such
     * forms, a custody entry's and its item's meta.
     */
    private static final ObjectMapper CANONICAL = MAPPER.copy()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    private Json() {
    }

    /** Any value (map, list, record, scalar) as a tree. */
    public static JsonNode tree(Object value) {
        return value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
    }

    /** Parses JSON text; malformed text is a programming or tampering fault here, so it is unchecked. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The canonical text of a tree: object keys sorted by code point at every depth, no insignificant whitespace.
     * Two trees with the same content always give the same text, which is what a hash chain needs.
     */
    public static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(tree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }

    /** Compact text of a value, keys of maps sorted. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
