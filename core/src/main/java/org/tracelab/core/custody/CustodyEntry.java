package org.tracelab.core.custody;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;

/**
 * One link of the custody chain: who did what, when, to which item, with which tool and parameters.
 *
 * <p>{@code hash = SHA-256(prevHash ‖ canonical JSON of the other fields)}, both as lowercase hex text.
 */
public record CustodyEntry(long seq, Instant at, String examiner, String action, Long itemId, String tool,
                           JsonNode params, String prevHash, String hash) {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public CustodyEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq < 1: " + seq);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(examiner, "examiner");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The item this entry is about, if any. */
    public Optional<Long> item() {
        return Optional.ofNullable(itemId);
    }

    /** The canonical JSON the hash covers. */
    public String canonicalJson() {
        return canonicalJson(seq, at, examiner, action, itemId, tool, params);
    }

    /** True when {@link #hash()} is what the fields and {@link #prevHash()} hash to. */
    public boolean hashHolds() {
        return hash.equals(chainHash(prevHash, canonicalJson()));
    }

    static String canonicalJson(long seq, Instant at, String examiner, String action, Long itemId, String tool,
                                JsonNode params) {
        return canonicalJson(seq, at, examiner, action, itemId, tool, Json.canonical(params));
    }

    /**
     * The canonical JSON of an entry whose params are already canonical text: the fields written in sorted key
     * order around it, the same text {@link Json#canonical} makes of the whole entry as a tree (CustodyEntryTest
     * holds both to it), without building, copying and sorting a tree per entry, which the log's writer paid for
     * every capture and every ingested item.
     */
    static String canonicalJson(long seq, Instant at, String examiner, String action, Long itemId, String tool,
                                String canonicalParams) {
        return canonicalJson(seq, Timestamps.format(at), examiner, action, itemId, tool, canonicalParams);
    }

    /**
     * True when a row of the log, its time and parameters as the text stored, hashes to its recorded hash: the
     * stored text is then exactly what the writer hashed (its one canonical form), without parsing it.
     */
    public static boolean storedRowHolds(long seq, String at, String examiner, String action, Long itemId,
                                         String tool, String params, String prevHash, String hash) {
        return hash.equals(chainHash(prevHash, canonicalJson(seq, at, examiner, action, itemId, tool, params)));
    }

    private static String canonicalJson(long seq, String at, String examiner, String action, Long itemId,
                                        String tool, String canonicalParams) {
        StringWriter out = new StringWriter(160 + canonicalParams.length());
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("action", action);
            g.writeStringField("at", at);
            g.writeStringField("examiner", examiner);
            if (itemId == null) {
                g.writeNullField("item");
            } else {
                g.writeNumberField("item", itemId);
            }
            g.writeFieldName("params");
            g.writeRawValue(canonicalParams);
            g.writeNumberField("seq", seq);
            g.writeStringField("tool", tool);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    static String chainHash(String prevHash, String canonicalJson) {
        return Hashing.sha256Hex(prevHash + canonicalJson);
    }
}
