package org.tracelab.samples.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * One way to reach the poster of an ad, and the style it is written in.
 *
 * @param type phone, telegram, whatsapp or email
 * @param phone the number for phone and whatsapp, else null
 * @param handle the Telegram name or email address, else null
 * @param style how it is written (see {@link ContactWriter})
 */
public record Contact(String type, Phone phone, String handle, int style) {
    /** Checks that the type has the value it needs. */
    public Contact {
        switch (type) {
            case "phone", "whatsapp" -> Objects.requireNonNull(phone, "phone");
            case "telegram", "email" -> Objects.requireNonNull(handle, "handle");
            default -> throw new IllegalArgumentException("unknown contact type " + type);
        }
    }

    /** The normalised value: E.164 for numbers, lower case for handles and addresses. */
    public String value() {
        return phone != null ? phone.e164() : handle.toLowerCase(Locale.ROOT);
    }

    /** The same identifier written in another style. */
    public Contact withStyle(int newStyle) {
        return new Contact(type, phone, handle, newStyle);
    }
}
