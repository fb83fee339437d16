package org.tracelab.core.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;

/** Reads indicator packs: the ones shipped in core by name, or an instructor's pack from a file. */
public final class IndicatorPacks {
    /** The names of the packs shipped in core. */
    public static final List<String> BUILT_IN = List.of("en", "ru", "uz");

    private static final String RESOURCES = "packs/";

    private IndicatorPacks() {
    }

    /** Every shipped pack, in {@link #BUILT_IN} order. */
    public static List<IndicatorPack> builtIn() {
        return BUILT_IN.stream().map(IndicatorPacks::builtIn).toList();
    }

    /** A shipped pack by name. */
    public static IndicatorPack builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw TracelabException.badInput(name, "no such indicator pack (shipped: " + String.join(", ", BUILT_IN)
                    + "; or give a pack file)");
        }
        String resource = RESOURCES + name + ".json";
        try (InputStream in = IndicatorPacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(Json.MAPPER.readTree(in), "pack " + name);
        } catch (IOException e) {
            throw TracelabException.io("pack " + name, e);
        }
    }

    /** A pack file; bad JSON or a bad field is a one-line error naming the file and the JSON path. */
    public static IndicatorPack read(Path file) {
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw TracelabException.badInput(file.toString(), "not valid JSON at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw TracelabException.badInput(file.toString(), "no such file");
        } catch (IOException e) {
            throw TracelabException.io(file.toString(), e);
        }
        return parse(tree, file.toString());
    }

    /** A shipped pack when {@code nameOrFile} is one of {@link #BUILT_IN}, otherwise a pack file. */
    public static IndicatorPack resolve(String nameOrFile) {
        if (BUILT_IN.contains(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file)) {
            throw TracelabException.badInput(nameOrFile,
                    "neither a shipped pack (" + String.join(", ", BUILT_IN) + ") nor a pack file");
        }
        return read(file);
    }

    static IndicatorPack parse(JsonNode root, String origin) {
        if (root == null || !root.isObject()) {
            throw TracelabException.badInput(origin, "a pack is a JSON object");
        }
        String name = text(root, "name", origin, "$");
        PackLanguage language = PackLanguage.parse(text(root, "language", origin, "$"), origin + " $.language");
        JsonNode list = root.get("indicators");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw TracelabException.badInput(origin, "$.indicators must be a non-empty array");
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            indicators.add(indicator(list.get(i), origin, "$.indicators[" + i + "]"));
        }
        try {
            return new IndicatorPack(name, language, origin, indicators);
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput(origin, e.getMessage());
        }
    }

    private static Indicator indicator(JsonNode node, String origin, String path) {
        if (!node.isObject()) {
            throw TracelabException.badInput(origin, path + " must be an object");
        }
        JsonNode weight = node.get("weight");
        if (weight == null || !weight.isNumber()) {
            throw TracelabException.badInput(origin, path + ".weight must be a number");
        }
        JsonNode examples = node.path("examples");
        String description = text(node, "description", origin, path);
        // packs written before descriptions were translated have only the English one
        String descriptionEn = node.has("descriptionEn") ? text(node, "descriptionEn", origin, path) : description;
        try {
            return new Indicator(text(node, "id", origin, path), text(node, "category", origin, path),
                    weight.asDouble(), description, descriptionEn, text(node, "source", origin, path),
                    text(node, "query", origin, path), strings(examples, "match", origin, path + ".examples"),
                    strings(examples, "noMatch", origin, path + ".examples"));
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput(origin, path + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String origin, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw TracelabException.badInput(origin, path + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field, String origin, String path) {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw TracelabException.badInput(origin, path + "." + field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw TracelabException.badInput(origin, path + "." + field + "[" + i + "] must be a string");
            }
            out.add(value.get(i).asText());
        }
        return out;
    }
}
