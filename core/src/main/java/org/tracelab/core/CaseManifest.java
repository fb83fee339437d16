package org.tracelab.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
     * The manifest a parsed {@code case.json} holds. Read field by field, not bound by Jackson's databind: binding a
     * record builds its deserializer by reflection in every process, which was a large part of opening a case for a
     * command that answers in a second (docs/BENCHMARKS.md, Start-up). As strict as that binding: a field this
     * build does not know is refused.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    static CaseManifest fromJson(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }
        JsonNode format = json.path("formatVersion");
        if (!format.isMissingNode() && !format.isInt()) {
            throw new IllegalArgumentException("formatVersion must be a whole number");
        }
        return new CaseManifest(text(json, "name"), text(json, "examiner"), text(json, "purpose"),
                text(json, "region"), text(json, "created"), text(json, "toolVersion"), format.asInt(0));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return value.textValue();
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
