package org.tracelab.samples.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one phone number, handle or address the many ways people do in ads, so that the same identifier looks
 * different in each ad of a cluster and only normalisation reveals the link.
 */
public final class ContactWriter {
    /** Number of distinct phone styles; styles {@value #PLAIN_PHONE_STYLES} and above are the tricky ones. */
    public static final int PHONE_STYLES = 10;
    /** Styles below this are the plain ones everyday ads use. */
    public static final int PLAIN_PHONE_STYLES = 6;
    /** Number of distinct telegram, whatsapp and email styles. */
    public static final int HANDLE_STYLES = 5;

    private static final String[] EMOJI = {"🔸", "📞", "➖", "✅", "🔹"};

    private ContactWriter() {
    }

    /** The phone written in style {@code style} (0 … {@link #PHONE_STYLES}-1), digit words from {@code digits}. */
    public static String phone(Phone p, int style, List<String> digits) {
        List<String> g = groups(p);
        String cc = "+" + p.countryCode();
        String trunk = p.region().equals("KG") ? "0" : "8";
        return switch (Math.floorMod(style, PHONE_STYLES)) {
            case 0 -> cc + " " + g.get(0) + " " + String.join("-", g.subList(1, g.size()));
            case 1 -> p.region().equals("UZ") || p.region().equals("TJ")
                    ? g.get(0) + " " + String.join("", g.subList(1, g.size()))
                    : trunk + p.nsn();
            case 2 -> p.region().equals("TJ")
                    ? "(" + cc + ") " + g.get(0) + "-" + String.join("-", g.subList(1, g.size()))
                    : trunk + " (" + g.get(0) + ") " + String.join(" ", g.subList(1, g.size()));
            case 3 -> p.e164();
            case 4 -> p.countryCode() + " " + String.join(" ", g);
            case 5 -> "(" + g.get(0) + ") " + String.join("-", g.subList(1, g.size()));
            case 6 -> cc + " " + words(g, digits);
            case 7 -> homoglyphs(cc + " " + String.join(" ", g));
            case 8 -> cc + " " + String.join(EMOJI[(int) (Long.parseLong(p.nsn()) % EMOJI.length)], g);
            default -> cc + " " + String.join(".", g);
        };
    }

    /** A Telegram handle (without @) in style {@code style}. */
    public static String telegram(String handle, int style) {
        return switch (Math.floorMod(style, HANDLE_STYLES)) {
            case 0 -> "@" + handle;
            case 1 -> "t.me/" + handle;
            case 2 -> "https://t.me/" + handle;
            case 3 -> "@" + capitalizeParts(handle);
            default -> "@ " + handle;
        };
    }

    /** A WhatsApp number in style {@code style}: a wa.me link or a phone style. */
    public static String whatsapp(Phone p, int style, List<String> digits) {
        return switch (Math.floorMod(style, HANDLE_STYLES)) {
            case 0 -> "wa.me/" + p.e164().substring(1);
            case 1 -> "https://wa.me/" + p.e164().substring(1);
            case 2 -> phone(p, 0, digits);
            case 3 -> phone(p, 8, digits);
            default -> phone(p, 4, digits);
        };
    }

    /** An email address in style {@code style}, some obfuscated against harvesting as people do. */
    public static String email(String address, int style) {
        String[] parts = address.split("@", 2);
        return switch (Math.floorMod(style, HANDLE_STYLES)) {
            case 0 -> address;
            case 1 -> parts[0] + " [at] " + parts[1];
            case 2 -> parts[0] + "(at)" + parts[1].replace(".", "(dot)");
            case 3 -> address.toUpperCase(Locale.ROOT);
            default -> parts[0] + " @ " + parts[1];
        };
    }

    private static List<String> groups(Phone p) {
        int[] sizes = switch (p.region()) {
            case "RU", "KZ" -> new int[] {3, 3, 2, 2};
            case "KG" -> new int[] {3, 3, 3};
            default -> new int[] {2, 3, 2, 2};
        };
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int size : sizes) {
            out.add(p.nsn().substring(at, at + size));
            at += size;
        }
        return out;
    }

    private static String words(List<String> groups, List<String> digits) {
        List<String> parts = new ArrayList<>();
        for (String group : groups) {
            List<String> w = new ArrayList<>();
            group.chars().forEach(c -> w.add(digits.get(c - '0')));
            parts.add(String.join(" ", w));
        }
        return String.join(", ", parts);
    }

    private static String homoglyphs(String s) {
        // Latin O for zero, small L for one, Cyrillic Ze for three: what spammers use to dodge filters
        return s.replace('0', 'O').replace('1', 'l').replace('3', 'З');
    }

    private static String capitalizeParts(String handle) {
        StringBuilder out = new StringBuilder();
        for (String part : handle.split("_", -1)) {
            if (!out.isEmpty()) {
                out.append('_');
            }
            out.append(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
