package org.tracelab.core.imagehash;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What ingest derived from one picture item: its PDQ hash and quality, or the reason it has none.
 *
 * @param itemId the picture's item
 * @param pdq    the hash, absent when the picture was refused
 * @param format the format its bytes are in (e.g. {@code JPEG}), when a decoder recognised it
 * @param width  its width in pixels from its header, 0 when unknown
 * @param height its height, 0 when unknown
 * @param refusal why it has no hash, absent when it has one
 * @param madeAt when the hash was made
 */
public record PictureHash(long itemId, Optional<PdqResult> pdq, Optional<String> format, int width, int height,
                          Optional<Refusal> refusal, Instant madeAt) {
    /** The name the case records the algorithm under. */
    public static final String ALGORITHM = "pdq";

    /** Why a picture has no hash: the kind and one line naming what is wrong. */
    public record Refusal(ImageRefused.Kind kind, String message) {
        public Refusal {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    public PictureHash {
        Objects.requireNonNull(pdq, "pdq");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(madeAt, "madeAt");
        if (pdq.isPresent() == refusal.isPresent()) {
            throw new IllegalArgumentException("item " + itemId + ": a picture has either a hash or a refusal");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("item " + itemId + ": size " + width + " x " + height);
        }
    }

    /**
     * The hash as the custody entry recording it and {@code show} tell it: algorithm, hash and quality, format and
     * size, or the refusal.
     */
    public Map<String, Object> summary() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", ALGORITHM);
        pdq.ifPresent(r -> {
            p.put("hash", r.hash().hex());
            p.put("quality", r.quality());
        });
        format.ifPresent(f -> p.put("format", f));
        if (width > 0) {
            p.put("width", width);
            p.put("height", height);
        }
        refusal.ifPresent(r -> p.put("refused", Map.of("kind", r.kind().name(), "message", r.message())));
        return p;
    }

    /** The same hash recorded for another item with the same bytes. */
    public PictureHash forItem(long otherItem, Instant at) {
        return new PictureHash(otherItem, pdq, format, width, height, refusal, at);
    }
}
