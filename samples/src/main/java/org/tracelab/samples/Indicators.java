package org.tracelab.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.Json;

/** The recruitment indicators the generator plants, read from the resource {@code indicators.json}. */
public final class Indicators {
    /** One indicator: {@code <category>.<name>} id, its category and a one-line description for trainees. */
    public record Indicator(String id, String category, String description) {
        /** Checks the id is {@code category.name}. */
        public Indicator {
            if (!id.startsWith(category + ".")) {
                throw new IllegalArgumentException("indicator " + id + " is not in category " + category);
            }
        }
    }

    private static final Map<String, Indicator> ALL = load();

    private Indicators() {
    }

    /** Every indicator, in the resource's order. */
    public static List<Indicator> all() {
        return List.copyOf(ALL.values());
    }

    /** The indicator with this id, if planted by the generator. */
    public static Optional<Indicator> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    /** The categories in the resource's order. */
    public static List<String> categories() {
        List<String> out = new ArrayList<>();
        ALL.values().forEach(i -> {
            if (!out.contains(i.category())) {
                out.add(i.category());
            }
        });
        return out;
    }

    private static Map<String, Indicator> load() {
        try (InputStream in = Indicators.class.getResourceAsStream("indicators.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/tracelab/samples/indicators.json");
            }
            Map<String, Indicator> out = new LinkedHashMap<>();
            for (JsonNode n : Json.MAPPER.readTree(in).get("indicators")) {
                Indicator i = new Indicator(n.get("id").asText(), n.get("category").asText(),
                        n.get("description").asText());
                out.put(i.id(), i);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read indicators.json", e);
        }
    }
}
