package org.tracelab.collectors.ads;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;

/**
 * A classified-ads site described as data (the lab generator's {@code profile.json}): where the listing starts, how
 * to reach the next listing page and the ads, and a CSS selector per field of an ad.
 *
 * @param file     the profile file, named in every message about it
 * @param name     the site's name
 * @param start    the first listing page, absolute or relative to {@code base}
 * @param base     the URL {@code start} is relative to, if the profile names one
 * @param nextPage selector of the link to the next listing page
 * @param adLink   selector of the links from a listing page to ads
 * @param fields   field name to selector, in the profile's order; {@code title} and {@code body} are required
 * @param photos   selector of the ad's photos (images, or elements holding them), if the profile names one
 */
public record AdsProfile(Path file, String name, String start, Optional<String> base, Query nextPage, Query adLink,
                         Map<String, Query> fields, Optional<Query> photos) {
    /** Fields every profile must name. */
    public static final List<String> REQUIRED_FIELDS = List.of("title", "body");

    /**
     * A selector as the profile wrote it, and parsed: once per run rather than once per page (jsoup's evaluators
     * are safe to share between threads).
     */
    public record Query(String css, Evaluator evaluator) {
        public Query {
            Objects.requireNonNull(css, "css");
            Objects.requireNonNull(evaluator, "evaluator");
        }

        @Override
        public String toString() {
            return css;
        }
    }

    public AdsProfile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(nextPage, "nextPage");
        Objects.requireNonNull(adLink, "adLink");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Objects.requireNonNull(photos, "photos");
    }

    /**
     * Reads and checks a profile: its JSON, its keys and the syntax of each selector.
     *
     * @throws TracelabException bad input naming the file and the line/column or JSON path at fault
     */
    public static AdsProfile read(Path file) {
        JsonNode root;
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            root = Json.MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw TracelabException.badInput("profile " + file, "no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw TracelabException.badInput("profile " + file, "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw TracelabException.badInput("profile " + file, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw TracelabException.badInput("profile " + file, "must be a JSON object");
        }
        String name = text(file, root, "name");
        String start = text(file, root, "start");
        Optional<String> base = root.hasNonNull("base") ? Optional.of(text(file, root, "base")) : Optional.empty();
        Query next = selector(file, "nextPage", text(file, root, "nextPage"));
        Query adLink = selector(file, "adLink", text(file, root, "adLink"));
        JsonNode f = root.get("fields");
        if (f == null || !f.isObject()) {
            throw TracelabException.badInput("profile " + file, "$.fields is missing or not an object of selectors");
        }
        Map<String, Query> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "fields." + e.getKey();
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw TracelabException.badInput("profile " + file, "$." + path + " must be a CSS selector (a string)");
            }
            fields.put(e.getKey(), selector(file, path, e.getValue().asText()));
        }
        for (String required : REQUIRED_FIELDS) {
            if (!fields.containsKey(required)) {
                throw TracelabException.badInput("profile " + file, "$.fields." + required + " is missing");
            }
        }
        Optional<Query> photos = root.hasNonNull("photos")
                ? Optional.of(selector(file, "photos", text(file, root, "photos"))) : Optional.empty();
        return new AdsProfile(file, name, start, base, next, adLink, fields, photos);
    }

    /** The one-line message for a selector that matched nothing where it must match. */
    TracelabException matchedNothing(String key, Query selector, String url) {
        return TracelabException.badInput("profile " + file, "$." + key + " selector '" + selector.css()
                + "' matches nothing on " + url);
    }

    private static String text(Path file, JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            throw TracelabException.badInput("profile " + file, "$." + key + " is missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw TracelabException.badInput("profile " + file, "$." + key + " must be a non-empty string");
        }
        return v.asText().strip();
    }

    private static Query selector(Path file, String path, String css) {
        try {
            String stripped = css.strip();
            return new Query(stripped, QueryParser.parse(stripped));
        } catch (Selector.SelectorParseException e) {
            throw TracelabException.badInput("profile " + file, "$." + path + " is not a valid CSS selector '" + css
                    + "': " + e.getMessage());
        }
    }
}
