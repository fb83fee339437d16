package org.tracelab.samples.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Json;

/**
 * The script-rendered lab site: each listing and ad page is a shell that {@code app.js} fills from the site's JSON
 * API ({@code api/pages/N.json}, {@code api/ads/ID.json}), as real classifieds do. The rendered DOM has the markup of
 * the static site's pages, so the same site profile reads both.
 */
public final class SpaPages {
    /** The script, written to the site root. */
    public static final String SCRIPT = "app.js";
    /** The script's text, a resource of this jar. */
    public static final String SCRIPT_RESOURCE = "/org/tracelab/samples/spa/app.js";

    private SpaPages() {
    }

    /** The shell of one ad's page: the site's chrome and notice, no ad. */
    public static String adShell(AdPlan plan) {
        Templates t = Templates.of(plan.language());
        return Pages.head(plan.language().tag(), "Bozor Demo", t.notice())
                + "<div id=\"app\" data-ad=\"" + Pages.esc(plan.id()) + "\">Loading…</div>\n"
                + "<noscript>This site needs JavaScript.</noscript>\n<script src=\"../" + SCRIPT + "\"></script>\n"
                + Pages.foot(t.notice());
    }

    /** The shell of a listing page; {@code page} counts from 1. */
    public static String listingShell(int page) {
        return Pages.head("en", "Ads, page " + page + " | Bozor Demo", null)
                + "<div id=\"app\" data-page=\"" + page + "\">Loading…</div>\n"
                + "<noscript>This site needs JavaScript.</noscript>\n<script src=\"../" + SCRIPT + "\"></script>\n"
                + Pages.foot(null);
    }

    /** What {@code api/ads/ID.json} answers: the ad's text and the labels of its language. */
    public static String adJson(AdPlan plan, AdText text) {
        Templates t = Templates.of(plan.language());
        Map<String, Object> labels = new LinkedHashMap<>();
        for (String l : List.of("ads", "price", "location", "posted", "contact")) {
            labels.put(l, t.label(l));
        }
        Map<String, Object> ad = new LinkedHashMap<>();
        ad.put("id", plan.id());
        ad.put("lang", plan.language().tag());
        ad.put("page", plan.index() / Pages.PAGE_SIZE + 1);
        ad.put("title", text.title());
        ad.put("price", text.price());
        ad.put("city", text.city());
        ad.put("posted", text.posted().toString());
        ad.put("postedShown", Pages.SHOWN.format(text.posted()));
        ad.put("paragraphs", text.paragraphs());
        ad.put("contacts", text.contacts());
        // as a real site's API answers, through its image CDN; relative to the ad page the script runs in
        ad.put("pictures", plan.pictures().stream().map(p -> "../" + Pages.CDN + "width=960,quality=85/" + p.path())
                .toList());
        ad.put("labels", labels);
        ad.put("notice", "Fictitious training data: every name, number and handle is invented.");
        return json(ad);
    }

    /** What {@code api/pages/N.json} answers: the page's ads as cards. */
    public static String listingJson(int page, int pages, List<AdPlan> plans, List<AdText> texts) {
        List<Map<String, Object>> cards = new java.util.ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("id", plans.get(i).id());
            card.put("lang", plans.get(i).language().tag());
            card.put("title", texts.get(i).title());
            card.put("price", texts.get(i).price());
            card.put("city", texts.get(i).city());
            cards.add(card);
        }
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("page", page);
        listing.put("pages", pages);
        listing.put("ads", cards);
        listing.put("notice", "Fictitious training data: every name, number and handle is invented.");
        return json(listing);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
    }
}
