package org.tracelab.samples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.Json;

/** The site profile that lets {@code collect ads} walk a generated site; every selector matches its pages. */
public final class Profile {
    /** Selector of the link to the next listing page. */
    public static final String NEXT_PAGE = "a.next";
    /** Selector of the links from a listing page to ads. */
    public static final String AD_LINK = "a.ad-link";
    /** Selector of an ad's photos and flyers. */
    public static final String PHOTOS = "div.ad-photos img";

    private Profile() {
    }

    /** The field selectors, in a fixed order. */
    public static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "h1.ad-title");
        fields.put("body", "div.ad-body");
        fields.put("price", ".ad-price");
        fields.put("location", ".ad-location");
        fields.put("contact", ".ad-contact");
        fields.put("posted", "time.ad-posted");
        return fields;
    }

    /** The profile as pretty JSON text. */
    static String json() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "bozor-demo");
        p.put("start", "ads/page-1.html");
        p.put("nextPage", NEXT_PAGE);
        p.put("adLink", AD_LINK);
        p.put("fields", fields());
        p.put("photos", PHOTOS);
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(p) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
