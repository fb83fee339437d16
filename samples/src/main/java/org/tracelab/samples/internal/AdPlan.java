package org.tracelab.samples.internal;

import java.util.List;
import org.tracelab.samples.Language;

/**
 * Everything decided about one ad before its text is written; the text follows from {@code textSeed}, so a repost
 * that copies the seed copies the wording.
 *
 * @param index position in the scenario, from 0
 * @param id the ad id, e.g. {@code ad000042}
 * @param language language and script
 * @param kind the everyday kind (e.g. {@code job.cashier}) or {@code deceptive}
 * @param indicators planted indicator ids, empty for ordinary ads
 * @param city index into the language's city list
 * @param textSeed seed of the wording choices
 * @param contacts how to reach the poster
 * @param template the lineage of the text: {@code tpl-<id of the first ad with this text>}
 * @param repostOf the ad this one reposts, or null
 * @param cluster the planted cluster id, or null
 * @param pictures the photos and flyers the ad shows, in page order
 */
public record AdPlan(int index, String id, Language language, String kind, List<String> indicators, int city,
                     long textSeed, List<Contact> contacts, String template, String repostOf, String cluster,
                     List<PicturePlan> pictures) {
    /** Freezes the lists. */
    public AdPlan {
        indicators = List.copyOf(indicators);
        contacts = List.copyOf(contacts);
        pictures = List.copyOf(pictures);
    }

    /** This ad showing {@code newPictures}, in {@code newCluster} (null for none). */
    AdPlan with(List<PicturePlan> newPictures, String newCluster) {
        return new AdPlan(index, id, language, kind, indicators, city, textSeed, contacts, template, repostOf,
                newCluster, newPictures);
    }

    /** Whether the key lists this ad as deceptive. */
    public boolean deceptive() {
        return !indicators.isEmpty();
    }

    /** The page path relative to the site root. */
    public String path() {
        return "ads/" + id + ".html";
    }

    /** The id of the ad at an index. */
    public static String idOf(int index) {
        return String.format("ad%06d", index + 1);
    }
}
