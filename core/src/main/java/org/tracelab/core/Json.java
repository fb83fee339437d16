package org.tracelab.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;

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
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = CANONICAL.createGenerator(out)) {
            writeSorted(g, tree(value));
        } catch (IOException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
        return out.toString();
    }

    /**
     * Writes {@code node} as {@link #CANONICAL} writes it, its objects' names sorted in an array where the mapper
     * copies each object into a sorted map: the case thread writes two such texts for every text it records (the
     * custody entry's parameters and their rows), and a capture one more (its item's meta). Values other than
     * objects, arrays, strings, integers, booleans and nulls are left to the mapper. JsonTest holds the two writers
     * to each other.
     */
    private static void writeSorted(JsonGenerator g, JsonNode node) throws IOException {
        switch (node) {
            case ObjectNode o -> {
                @SuppressWarnings("unchecked")
                Map.Entry<String, JsonNode>[] fields = o.properties().toArray(new Map.Entry[0]);
                Arrays.sort(fields, Map.Entry.comparingByKey());
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> f : fields) {
                    g.writeFieldName(f.getKey());
                    writeSorted(g, f.getValue());
                }
                g.writeEndObject();
            }
            case ArrayNode a -> {
                g.writeStartArray();
                for (JsonNode e : a) {
                    writeSorted(g, e);
                }
                g.writeEndArray();
            }
            case TextNode t -> g.writeString(t.textValue());
            case IntNode i -> g.writeNumber(i.intValue());
            case LongNode l -> g.writeNumber(l.longValue());
            case BooleanNode b -> g.writeBoolean(b.booleanValue());
            case NullNode n -> g.writeNull();
            default -> CANONICAL.writeTree(g, node);
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
