package org.tracelab.core.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("seq", seq);
        o.put("at", Timestamps.format(at));
        o.put("examiner", examiner);
        o.put("action", action);
        if (itemId == null) {
            o.putNull("item");
        } else {
            o.put("item", itemId);
        }
        o.put("tool", tool);
        o.set("params", params);
        return Json.canonical(o);
    }

    static String chainHash(String prevHash, String canonicalJson) {
        return Hashing.sha256Hex(prevHash + canonicalJson);
    }
}
