package org.tracelab.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tracelab.core.Json;

/**
 * What a collector knows about a capture before its bytes are stored.
 *
 * @param kind        what the item is: {@code file}, {@code http-response}, {@code ad}, {@code post}, …
 * @param source      where it came from: a URL, or a file's path as the examiner named it
 * @param capturedAt  when the bytes were received or read
 * @param collector   the id of the collector that made it
 * @param contentType the media type as reported or detected, if known
 * @param parentId    the item this one was found in or reached from, if any
 * @param meta        what the collector knows besides: typed {@link Facts} (see {@link #with}) and its own keys, as
 *                    a JSON object
 */
public record NewItem(String kind, String source, Instant capturedAt, String collector, String contentType,
                      Long parentId, JsonNode meta) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,39}");

    public NewItem {
        requireName(kind, "kind");
        requireName(collector, "collector");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(capturedAt, "capturedAt");
        meta = meta == null ? JsonNodeFactory.instance.objectNode() : meta;
        if (!meta.isObject()) {
            throw new IllegalArgumentException("meta must be a JSON object, not " + meta.getNodeType());
        }
    }

    /** An item with metadata given as any value Jackson can turn into an object (a map, a record). */
    public static NewItem of(String kind, String source, Instant capturedAt, String collector, String contentType,
                             Long parentId, Object meta) {
        return new NewItem(kind, source, capturedAt, collector, contentType, parentId, Json.tree(meta));
    }

    /** This item with {@code facts} written into its meta (replacing facts of the same kind). */
    public NewItem with(Facts facts) {
        ObjectNode m = meta.deepCopy();
        facts.writeTo(m);
        return new NewItem(kind, source, capturedAt, collector, contentType, parentId, m);
    }

    /** What the HTTP exchange said, when the item is one. */
    public Optional<HttpFacts> http() {
        return HttpFacts.of(meta);
    }

    /** Where the item's WARC records lie, when it has them. */
    public Optional<WarcLocation> warc() {
        return WarcLocation.of(meta);
    }

    private static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be lowercase letters, digits, '.' or '-': '" + value + "'");
        }
    }
}
