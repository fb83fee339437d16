package org.tracelab.core.export.bag;

import java.util.regex.Pattern;
import org.tracelab.core.items.Item;

/**
 * Names inside a bag. Payload names are made from ids and hashes, never from captured names, so no source path
 * ({@code ../}, control characters, a 300-byte name) can leave {@code data/} or break a manifest line; the items
 * table maps each payload file back to its source.
 */
public final class BagPaths {
    /** A WARC file name Tracelab would write: no separators, no dot-only names, bounded length. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private BagPaths() {
    }

    /** {@code data/items/<id>/<sha256>}: where an item's raw bytes are in the bag. */
    public static String item(Item item) {
        return "data/items/" + item.id() + "/" + item.blob().sha256();
    }

    /** {@code data/text/<id>.txt}: where the text extracted from an item is in the bag. */
    public static String text(Item item) {
        return "data/text/" + item.id() + ".txt";
    }

    /** {@code data/warc/item-<id>.warc.gz}: an item's own WARC record, in a bag of selected items. */
    public static String warcRecord(Item item) {
        return "data/warc/item-" + item.id() + ".warc.gz";
    }

    /** {@code data/warc/<name>} for a WARC file the case names {@code warc/<name>}, or null when it is no such name. */
    public static String warc(String caseRelative) {
        if (caseRelative == null || !caseRelative.startsWith("warc/")) {
            return null;
        }
        String name = caseRelative.substring("warc/".length());
        return SAFE_NAME.matcher(name).matches() ? "data/warc/" + name : null;
    }

    /** A path as a manifest line writes it: RFC 8493 percent-encodes CR, LF and {@code %}. */
    public static String encode(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The path a manifest line names. */
    public static String decode(String encoded) {
        return encoded.replace("%0D", "\r").replace("%0d", "\r").replace("%0A", "\n").replace("%0a", "\n")
                .replace("%25", "%");
    }
}
