package org.tracelab.core.export.wacz;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tracelab.core.items.Item;

/**
 * The records of WARC files imported with {@code collect warc}, as a WACZ serves them: from the imported file itself,
 * exactly as received (the case keeps it as the records' parent item), at the offsets the import recorded. A
 * record's length runs to the next record the import found in the file, or to the file's end.
 */
final class ImportedWarcs {
    /** The kind of an imported record ({@code collect warc}). */
    static final String KIND = "warc-record";

    /** What the index needs of one replayable record; {@code status} is null for a resource, which has none. */
    record Capture(String url, Instant at, String mime, Integer status, String sha256, long offset) {
    }

    /** Every record offset of each imported file (by the file's item id), replayable or not. */
    private final Map<Long, TreeSet<Long>> offsets = new TreeMap<>();
    /** The replayable records (responses with an HTTP status, resources with a web address) of each file. */
    private final Map<Long, List<Capture>> captures = new TreeMap<>();

    /** Takes note of {@code i} when it is an imported record. */
    void add(Item i) {
        JsonNode meta = i.meta();
        if (!KIND.equals(i.kind()) || i.parent().isEmpty() || !meta.path("offset").canConvertToLong()
                || !meta.has("offset")) {
            return;
        }
        long file = i.parent().get();
        long offset = meta.path("offset").asLong();
        offsets.computeIfAbsent(file, k -> new TreeSet<>()).add(offset);
        String type = meta.path("type").asText("");
        Integer status;
        if (type.equals("response") && meta.path("http").path("status").canConvertToInt()
                && meta.path("http").has("status")) {
            status = meta.path("http").path("status").asInt();
        } else if (type.equals("resource") && i.source().toLowerCase(Locale.ROOT).matches("https?://.*")) {
            status = null;
        } else {
            return;
        }
        String mime = i.contentType() == null ? "unk" : i.contentType().split(";", 2)[0].strip();
        captures.computeIfAbsent(file, k -> new ArrayList<>()).add(new Capture(i.source(), i.capturedAt(),
                mime.isEmpty() ? "unk" : mime, status, i.blob().sha256(), offset));
    }

    /** The imported files that hold replayable records, by item id. */
    Iterable<Long> files() {
        return captures.keySet();
    }

    /** The replayable records of file {@code file}. */
    List<Capture> captures(long file) {
        return captures.getOrDefault(file, List.of());
    }

    /** The bytes from {@code offset} to the next record of the file, or to its end at {@code fileSize}. */
    long length(long file, long offset, long fileSize) {
        Long next = offsets.get(file).higher(offset);
        return (next == null ? fileSize : next) - offset;
    }

    /** The name of an imported file inside the package: its item id, then its own name, made safe. */
    static String archiveName(Item file) {
        String name = file.meta().path("name").asText("imported.warc").replaceAll("[^A-Za-z0-9._-]", "_");
        return "imported-" + file.id() + "-" + (name.isEmpty() ? "imported.warc" : name);
    }
}
