package org.tracelab.core.entities;

import java.util.Objects;
import java.util.Optional;

/**
 * One entity found in a text.
 *
 * @param type       what it is
 * @param value      the normalized value: E.164 for phones and WhatsApp, lowercase handle without {@code @} for
 *                   Telegram/Instagram/VK, lowercase address for e-mail, checksum-valid address for wallets
 * @param raw        the text exactly as written, {@code text.substring(start, end)}
 * @param start      UTF-16 offset of the first char of {@code raw} in the text given to the extractor
 * @param end        UTF-16 offset just past the last char of {@code raw}
 * @param region     for phones (and WhatsApp numbers): ISO 3166 region of the numbering plan (UZ, KZ, RU, KG, TJ, TM,
 *                   …), or {@code null} when unknown or not a phone
 * @param numberType for phones: libphonenumber's number type ({@code MOBILE}, {@code FIXED_LINE}, …), or {@code null}
 * @param obfuscated whether it was written to dodge filters (digits as words, look-alike letters, emoji between
 *                   digits, {@code [at]}/{@code [dot]} in e-mails) and had to be decoded
 */
public record Entity(EntityType type, String value, String raw, int start, int end, String region, String numberType,
                     boolean obfuscated) {

    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        if (start < 0 || end < start || end - start != raw.length()) {
            throw new IllegalArgumentException("bad offsets [" + start + "," + end + ") for raw '" + raw + "'");
        }
    }

    /** An entity that is not a phone number (no region or number type). */
    public static Entity of(EntityType type, String value, String text, int start, int end, boolean obfuscated) {
        return new Entity(type, value, text.substring(start, end), start, end, null, null, obfuscated);
    }

    public Optional<String> regionIfKnown() {
        return Optional.ofNullable(region);
    }

    public Optional<String> numberTypeIfKnown() {
        return Optional.ofNullable(numberType);
    }
}
