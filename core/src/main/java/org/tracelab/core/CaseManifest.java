package org.tracelab.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The case's {@code case.json}: what the case is, who examines it, and on what basis.
 *
 * @param name          a short name for the case
 * @param examiner      who is responsible for its evidence
 * @param purpose       the legal basis or exercise the case serves; repeated in every export
 * @param region        the ISO 3166 region used to read phone numbers written without a country code
 * @param created       when the case was made
 * @param toolVersion   the Tracelab version that made it
 * @param formatVersion the version of this folder layout
 */
public record CaseManifest(@JsonProperty("name") String name,
                           @JsonProperty("examiner") String examiner,
                           @JsonProperty("purpose") String purpose,
                           @JsonProperty("region") String region,
                           @JsonProperty("created") String created,
                           @JsonProperty("toolVersion") String toolVersion,
                           @JsonProperty("formatVersion") int formatVersion) {
    /** The folder layout this build writes. */
    public static final int FORMAT = 1;

    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    /** The fields of {@code case.json}, the record's components by their JSON names. */
    private static final List<String> FIELDS = List.of("name", "examiner", "purpose", "region", "created",
            "toolVersion", "formatVersion");

    public CaseManifest {
        requireText(name, "name");
        requireText(examiner, "examiner");
        requireText(purpose, "purpose");
        Objects.requireNonNull(region, "region");
        if (!REGIONS.contains(region)) {
            throw new IllegalArgumentException("region must be an ISO 3166 two-letter code such as UZ, not '"
                    + region + "'");
        }
        requireText(created, "created");
        requireText(toolVersion, "toolVersion");
    }

    /** A manifest for a case made now by this Tracelab. */
    public static CaseManifest create(String name, String examiner, String purpose, String region, Instant now) {
        String r = region == null ? "UZ" : region.toUpperCase(Locale.ROOT);
        return new CaseManifest(name, examiner, purpose, r, Timestamps.format(now), ToolVersion.version(), FORMAT);
    }

    /**
     * The manifest the fields of a parsed {@code case.json} hold, read field by field, not bound by Jackson's
     * databind: binding a record builds its deserializer by reflection in every process, which was a large part of
     * opening a case for a command that answers in a second (docs/BENCHMARKS.md, Start-up). Strict: a field this
     * build does not know is refused.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    static CaseManifest fromFields(Map<String, ManifestFields.Field> fields) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }
        ManifestFields.Field format = fields.get("formatVersion");
        int formatVersion = 0;
        if (format != null) {
            if (!"integer".equals(format.type()) || !(format.atom() instanceof Number n)
                    || n.longValue() != n.intValue()) {
                throw new IllegalArgumentException("formatVersion must be a whole number");
            }
            formatVersion = n.intValue();
        }
        return new CaseManifest(text(fields, "name"), text(fields, "examiner"), text(fields, "purpose"),
                text(fields, "region"), text(fields, "created"), text(fields, "toolVersion"), formatVersion);
    }

    private static String text(Map<String, ManifestFields.Field> fields, String name) {
        ManifestFields.Field value = fields.get(name);
        if (value == null || "null".equals(value.type())) {
            return null;
        }
        if (!"text".equals(value.type())) {
            throw new IllegalArgumentException(name + " must be text");
        }
        return (String) value.atom();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new IllegalArgumentException(what + " must not hold control characters or line breaks");
        }
    }
}
