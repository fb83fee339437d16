package org.tracelab.collectors.ads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Reads an ad's fields out of its page with the profile's selectors. */
final class AdFields {
    private AdFields() {
    }

    /**
     * The record of one ad: each profile field (null when its selector matched nothing on this page) and the URL.
     * A date field takes the {@code datetime} attribute when the element has one, as {@code <time>} elements do.
     */
    static Map<String, Object> extract(AdsProfile profile, Document page, String url) {
        Map<String, Object> out = new LinkedHashMap<>();
        profile.fields().forEach((name, query) -> out.put(name, value(page.select(query.evaluator()))));
        out.put("url", url);
        return out;
    }

    /** The fields whose selectors match nothing on {@code page}, in profile order. */
    static List<String> unmatched(AdsProfile profile, Document page) {
        List<String> out = new ArrayList<>();
        profile.fields().forEach((name, query) -> {
            if (page.selectFirst(query.evaluator()) == null) {
                out.add(name);
            }
        });
        return out;
    }

    private static String value(Elements found) {
        if (found.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Element e : found) {
            String v = e.hasAttr("datetime") ? e.attr("datetime").strip() : e.text().strip();
            if (!v.isEmpty()) {
                parts.add(v);
            }
        }
        return String.join("\n", parts);
    }
}
