package org.tracelab.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
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

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new IllegalArgumentException(what + " must not hold control characters or line breaks");
        }
    }
}
