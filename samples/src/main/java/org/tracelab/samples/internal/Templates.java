package org.tracelab.samples.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tracelab.core.Json;
import org.tracelab.samples.Language;

/**
 * The texts of one language, read from {@code templates/<tag>.json}; Uzbek Cyrillic is the Uzbek Latin file
 * transliterated, so the two scripts always say the same thing.
 */
public final class Templates {
    /** One kind of everyday ad: its id, its price ranges per currency, title and body variants. */
    public record Kind(String id, Map<String, long[]> prices, List<String> titles, List<String> bodies) {
    }

    /** A city name and the phone region of people who live there. */
    public record City(String name, String region) {
    }

    private static final Map<Language, Templates> CACHE = new EnumMap<>(Language.class);

    private final Language language;
    private final JsonNode root;
    private final UnaryOperator<String> script;
    private final List<Kind> kinds = new ArrayList<>();
    private final List<City> cities = new ArrayList<>();

    private Templates(Language language, JsonNode root, UnaryOperator<String> script) {
        this.language = language;
        this.root = root;
        this.script = script;
        for (JsonNode k : root.get("ordinary")) {
            Map<String, long[]> prices = new java.util.TreeMap<>();
            k.get("price").properties().forEach(e ->
                    prices.put(e.getKey(), new long[] {e.getValue().get(0).asLong(), e.getValue().get(1).asLong()}));
            kinds.add(new Kind(k.get("id").asText(), prices, strings(k.get("titles")), strings(k.get("bodies"))));
        }
        for (JsonNode c : root.get("cities")) {
            cities.add(new City(script.apply(c.get("name").asText()), c.get("region").asText()));
        }
    }

    /** The templates of a language, loaded once. */
    public static synchronized Templates of(Language language) {
        return CACHE.computeIfAbsent(language, l -> switch (l) {
            case UZ_CYRL -> new Templates(l, load("uz-Latn"), UzbekTransliterator::toCyrillic);
            default -> new Templates(l, load(l.tag()), UnaryOperator.identity());
        });
    }

    private static JsonNode load(String tag) {
        String name = "/org/tracelab/samples/templates/" + tag + ".json";
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    public Language language() {
        return language;
    }

    public List<Kind> kinds() {
        return kinds;
    }

    public List<City> cities() {
        return cities;
    }

    /** A label of the page chrome, e.g. {@code price}. */
    public String label(String key) {
        return text(root.get("labels").get(key).asText());
    }

    /** The visible fictitious-data notice in this language. */
    public String notice() {
        return text(root.get("notice").asText());
    }

    /** A list under {@code deceptive}: destinations, jobs, titles, openers, closers. */
    public List<String> deceptive(String key) {
        return strings(root.get("deceptive").get(key));
    }

    /** A list under {@code flyer}: headlines and lines of a recruiter's flyer. */
    public List<String> flyer(String key) {
        return strings(root.get("flyer").get(key));
    }

    /** The short fictitious-data notice a flyer carries in this language. */
    public String flyerNotice() {
        return text(root.get("flyer").get("notice").asText());
    }

    /** The sentence variants that plant one indicator. */
    public List<String> indicator(String id) {
        JsonNode n = root.get("indicators").get(id);
        if (n == null) {
            throw new IllegalStateException("templates " + language.tag() + " have no sentences for " + id);
        }
        return strings(n);
    }

    /** Line formats for a contact type (phone, telegram, whatsapp, email), {v} standing for the value. */
    public List<String> contact(String type) {
        return strings(root.get("contact").get(type));
    }

    /** Price formats for a currency: {n} the grouped amount, {m} millions. */
    public List<String> currency(String code) {
        return strings(root.get("currency").get(code));
    }

    /** The words for the digits 0 to 9. */
    public List<String> digits() {
        return strings(root.get("digits"));
    }

    /** Text in this language's script; kinds and cities are already converted. */
    public String text(String s) {
        return script.apply(s);
    }

    private List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(script.apply(n.asText())));
        return List.copyOf(out);
    }
}
