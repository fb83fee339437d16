package org.tracelab.core.imagehash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Hashes picture items for ingest: decodes within the decoder's limits and turns every refusal into a record. */
public final class PictureHasher {
    private final ImageDecoder decoder;

    public PictureHasher(ImageDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * Whether items of this media type are pictures to hash: every {@code image/*} type except vector drawings,
     * which have no pixels of their own.
     */
    public static boolean isPicture(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String t = mediaType.toLowerCase(Locale.ROOT);
        return t.startsWith("image/") && !t.startsWith("image/svg");
    }

    /**
     * The hash of the picture in {@code file}, or the record of why it has none.
     *
     * @throws IOException when the file itself cannot be read (the store's fault, not the picture's)
     */
    public PictureHash hash(long itemId, Path file, Instant at) throws IOException {
        try {
            ImageDecoder.Decoded d = decoder.decode(file);
            return new PictureHash(itemId, Optional.of(Pdq.hash(d.image())), Optional.of(d.format()), d.width(),
                    d.height(), Optional.empty(), at);
        } catch (ImageRefused e) {
            return new PictureHash(itemId, Optional.empty(), Optional.empty(), 0, 0,
                    Optional.of(new PictureHash.Refusal(e.kind(), e.getMessage())), at);
        }
    }
}
