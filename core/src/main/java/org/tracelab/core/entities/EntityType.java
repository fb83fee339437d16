package org.tracelab.core.entities;

import java.util.Locale;
import org.tracelab.core.TracelabException;

/** The kinds of entity the extractor finds. Each has a stable lowercase name for the command line and storage. */
public enum EntityType {
    /** A telephone number; value in E.164 ({@code +998901234567}). */
    PHONE("phone"),
    /** An e-mail address; value lowercased ({@code name@mail.ru}). */
    EMAIL("email"),
    /** A web link; value with lowercase scheme and host, {@code https://} added when the text had no scheme. */
    URL("url"),
    /** A Telegram user, bot, group or channel name; value lowercase without {@code @}. */
    TELEGRAM("telegram"),
    /** A Telegram invite link ({@code t.me/+CODE}, {@code t.me/joinchat/CODE}); value is the code, case kept. */
    TELEGRAM_INVITE("telegram-invite"),
    /** A WhatsApp contact link ({@code wa.me/NUMBER}) or a number labelled WhatsApp; value in E.164. */
    WHATSAPP("whatsapp"),
    /** A WhatsApp group invite link ({@code chat.whatsapp.com/CODE}); value is the code, case kept. */
    WHATSAPP_INVITE("whatsapp-invite"),
    /** An Instagram account; value lowercase without {@code @}. */
    INSTAGRAM("instagram"),
    /** A VK (VKontakte) page; value lowercase as in the link ({@code id123}, {@code club123}, {@code name}). */
    VK("vk"),
    /** A Facebook page, profile or group; value lowercase as in the link ({@code name}, {@code groups/name}, or the id). */
    FACEBOOK("facebook"),
    /** A TikTok account ({@code tiktok.com/@name}); value lowercase without {@code @}. */
    TIKTOK("tiktok"),
    /** A Bitcoin address (base58check P2PKH/P2SH or bech32/bech32m), checksum verified; value as written. */
    BTC("btc"),
    /** An Ethereum (or other EVM chain) address; value in EIP-55 checksum case. */
    ETH("eth"),
    /** A TRON address (base58check, version byte 0x41), checksum verified; value as written. */
    TRON("tron");

    private final String cliName;

    EntityType(String cliName) {
        this.cliName = cliName;
    }

    /** The stable lowercase name ({@code phone}, {@code telegram-invite}, …) used on the command line. */
    public String cliName() {
        return cliName;
    }

    /**
     * The type named {@code name}: its {@link #cliName()} or enum name, case-insensitive, {@code _} and {@code -} alike.
     *
     * @throws TracelabException (BAD_INPUT) for an unknown name, listing the known ones
     */
    public static EntityType fromName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EntityType t : values()) {
            if (t.cliName.equals(key)) {
                return t;
            }
        }
        StringBuilder known = new StringBuilder();
        for (EntityType t : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(t.cliName);
        }
        throw new TracelabException(TracelabException.Failure.BAD_INPUT,
                "unknown entity type '" + name + "'; known: " + known);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
