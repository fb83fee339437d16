package org.tracelab.cli.engines;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.tracelab.core.Json;
import org.tracelab.core.analysis.CaseAnalyzers;

/** A lab scenario's ads read from its files: the text a trainee's case would hold, and the instructor's key. */
record LabScenario(Path dir, JsonNode key, List<Ad> ads) {
    /** One ad: id, language and deceptive flag from the key, title+body and contact text from its page. */
    /** Currency words after folding: prices are drawn in several currencies for one template. */
    static final Set<String> CURRENCY = Set.of("so'm", "sum", "sumov", "usd", "dollar", "rubl", "rub", "rubley",
            "rubles", "uzs", "u.ye", "mln");

    record Ad(String id, String path, String lang, boolean deceptive, Set<String> indicators, String text,
              String contact, String city, Set<String> identifiers) {
        /**
         * The words of the ad's body (not its title), folded and in Latin script, with its city and every number
         * masked: equal for ads made from one template, whichever title or Uzbek script they were written with.
         */
        String skeleton() {
            String body = text.substring(text.indexOf('\n') + 1);
            StringBuilder out = new StringBuilder();
            try (Analyzer analyzer = CaseAnalyzers.create();
                 TokenStream ts = analyzer.tokenStream(CaseAnalyzers.TEXT, body.replace(city, "cityname"))) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    String t = term.toString();
                    out.append(t.matches(".*[0-9].*") || CURRENCY.contains(t) ? "#" : t).append(' ');
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Uzbek case endings join the city ("Toshkentda") or, after a Cyrillic-Latin mix, stand apart.
            return out.toString().replaceAll("(# )+", "# ").replaceAll("cityname\\S*( da| dan| ga)?\\b", "cityname");
        }
    }

    static LabScenario read(Path dir) {
        try {
            JsonNode key = Json.MAPPER.readTree(dir.resolve("key.json").toFile());
            List<Ad> ads = new ArrayList<>();
            for (JsonNode a : key.get("ads")) {
                Document page = Jsoup.parse(dir.resolve("site").resolve(a.get("path").asText()).toFile());
                Set<String> indicators = new HashSet<>();
                a.get("indicators").forEach(i -> indicators.add(i.asText()));
                String text = page.select("h1.ad-title").text() + "\n" + page.select("div.ad-body").text();
                Set<String> identifiers = new HashSet<>();
                a.get("phones").forEach(p -> identifiers.add("phone:" + p.asText()));
                a.get("handles").forEach(h -> identifiers.add(h.asText()));
                ads.add(new Ad(a.get("id").asText(), a.get("path").asText(), a.get("lang").asText(),
                        a.get("deceptive").asBoolean(), indicators, text, page.select("div.ad-contact").text(),
                        page.select("span.ad-location").text(), identifiers));
            }
            return new LabScenario(dir, key, ads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundled scenario of the samples module, read from the repository (the tests run in cli/). */
    static LabScenario bundled(String name) {
        return read(Path.of("..", "samples", "scenarios", name));
    }
}
