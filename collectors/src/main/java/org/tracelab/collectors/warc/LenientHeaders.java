package org.tracelab.collectors.warc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The WARC header fields an import reads, taken from a record that may be damaged. jwarc's accessors throw when a
 * field is missing ({@code type()}), repeated ({@code sole} behind {@code target()} and the digests) or malformed
 * ({@code contentType()}); an import must keep such a record, so here the first value counts, and each field that
 * could not be read is noted for the item's metadata instead of thrown.
 */
final class LenientHeaders {
    private final WarcRecord record;
    private final List<String> faults = new ArrayList<>();

    LenientHeaders(WarcRecord record) {
        this.record = record;
    }

    /** {@code WARC-Type}, when present. */
    Optional<String> type() {
        return first("WARC-Type");
    }

    /** {@code WARC-Target-URI}, without the angle brackets of WARC 1.0, when present and not blank. */
    Optional<String> target() {
        return first("WARC-Target-URI")
                .map(t -> t.startsWith("<") && t.endsWith(">") && t.length() > 1 ? t.substring(1, t.length() - 1) : t)
                .filter(t -> !t.isBlank());
    }

    /** The record's {@code Content-Type}, parsed leniently; a value beyond that is noted and treated as absent. */
    Optional<MediaType> contentType() {
        Optional<String> raw = first("Content-Type");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MediaType.parseLeniently(raw.get()));
        } catch (RuntimeException unparsable) {
            faults.add("Content-Type: not a media type");
            return Optional.empty();
        }
    }

    /** Whether the record says it holds an HTTP message. */
    boolean isHttp() {
        return contentType().map(t -> t.base().toString().equalsIgnoreCase("application/http")).orElse(false);
    }

    /** {@code WARC-Block-Digest}, when present and of the form {@code algorithm:value}. */
    Optional<WarcDigest> blockDigest() {
        return digest("WARC-Block-Digest");
    }

    /** {@code WARC-Payload-Digest}, when present and of the form {@code algorithm:value}. */
    Optional<WarcDigest> payloadDigest() {
        return digest("WARC-Payload-Digest");
    }

    /** What could not be read, one short line per field; empty for a sound record. */
    List<String> faults() {
        return List.copyOf(faults);
    }

    private Optional<String> first(String name) {
        return record.headers().first(name);
    }

    private Optional<WarcDigest> digest(String name) {
        Optional<String> raw = first(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        int colon = raw.get().indexOf(':');
        if (colon <= 0 || colon == raw.get().length() - 1) {
            faults.add(name + ": not algorithm:value");
            return Optional.empty();
        }
        try {
            WarcDigest d = new WarcDigest(raw.get());
            d.algorithm(); // parsed lazily by jwarc: force it here, where a fault can be noted
            return Optional.of(d);
        } catch (RuntimeException unparsable) {
            faults.add(name + ": not algorithm:value");
            return Optional.empty();
        }
    }
}
