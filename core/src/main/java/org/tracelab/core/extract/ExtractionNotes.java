package org.tracelab.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The problems Tika records in a container's metadata instead of throwing (a member it could not open because it is
 * encrypted or corrupt, a warning), and a container that yielded nothing at all, as notes for the item: each would
 * otherwise leave an examiner believing the archive held only what was kept.
 */
final class ExtractionNotes {
    /** Metadata names under which Tika records what went wrong inside a container without failing it. */
    static final List<String> EXCEPTION_KEYS = List.of("X-TIKA:EXCEPTION:embedded_exception",
            "X-TIKA:EXCEPTION:embedded_stream_exception", "X-TIKA:EXCEPTION:embedded_warning",
            "X-TIKA:EXCEPTION:warn");
    /** Types whose whole content is their members: one that yields no member and no text is empty or broken. */
    static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-tar", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/vnd.rar", "application/gzip", "application/x-gzip",
            "application/x-bzip2", "application/x-xz", "application/java-archive", "application/x-cpio",
            "application/vnd.ms-outlook-pst", "application/mbox");
    /** Notes kept per document; the rest are counted in the last one. */
    static final int MAX_NOTES = 20;

    private ExtractionNotes() {
    }

    /** The notes of a worker's extraction. */
    static List<ExtractionError> of(String contentType, Map<String, List<String>> metadata, int members,
                                    String text, boolean failed) {
        List<ExtractionError> notes = new ArrayList<>();
        int more = 0;
        for (String key : EXCEPTION_KEYS) {
            for (String value : metadata.getOrDefault(key, List.of())) {
                if (notes.size() >= MAX_NOTES - 1) {
                    more++;
                    continue;
                }
                String line = firstLine(value);
                boolean warning = key.endsWith("warn") || key.endsWith("warning");
                notes.add(new ExtractionError(warning ? ExtractionError.Kind.PARSE_FAILED
                        : ExtractionError.Kind.MEMBER_SKIPPED, (warning ? "warning: " : memberWhy(line)) + line));
            }
        }
        if (more > 0) {
            notes.add(new ExtractionError(ExtractionError.Kind.MEMBER_SKIPPED, more + " more problems not listed"));
        }
        String base = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!failed && members == 0 && text.isBlank() && ARCHIVES.contains(base)) {
            notes.add(new ExtractionError(ExtractionError.Kind.PARSE_FAILED,
                    "the archive yielded no members and no text: it is empty or corrupt"));
        }
        return notes;
    }

    private static String memberWhy(String line) {
        return line.toLowerCase(Locale.ROOT).contains("encrypt") ? "encrypted member skipped: "
                : "member skipped: ";
    }

    /** The first line of a recorded exception, without its stack trace, cut to a readable length. */
    private static String firstLine(String value) {
        String line = value.strip().lines().findFirst().orElse("").strip();
        int dot = line.indexOf(": ");
        // "org.apache.commons.compress…UnsupportedZipFeatureException: …" reads better by its simple name
        if (dot > 0 && line.substring(0, dot).matches("[\\w.$]+")) {
            String type = line.substring(0, dot);
            line = type.substring(type.lastIndexOf('.') + 1) + line.substring(dot);
        }
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
