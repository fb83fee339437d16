package org.tracelab.collectors.telegram;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.tracelab.collectors.http.Urls;
import org.tracelab.collectors.images.PictureUrls;

/**
 * One page of a channel's public web preview ({@code t.me/s/NAME}): its posts and the "load more" link to older
 * ones. Read with the preview's own class names; markup it does not know is skipped, not guessed at.
 */
final class ChannelPage {
    private static final Pattern VIEWS = Pattern.compile("([0-9]+(?:[.,][0-9]+)?)\\s*([KkMm]?)");
    private static final Pattern BEFORE = Pattern.compile("[?&]before=(\\d+)");
    // The preview's markup, as queries parsed once (jsoup's evaluators are safe to share between threads).
    private static final Evaluator POST = QueryParser.parse("div.tgme_widget_message[data-post]");
    private static final Evaluator TEXT = QueryParser.parse(".tgme_widget_message_text");
    private static final Evaluator TIME = QueryParser.parse(".tgme_widget_message_date time[datetime], time[datetime]");
    private static final Evaluator VIEW_COUNT = QueryParser.parse(".tgme_widget_message_views");
    private static final Evaluator POST_LINK = QueryParser.parse("a.tgme_widget_message_date[href]");
    private static final Evaluator MORE = QueryParser.parse(
            "a.tme_messages_more[href], a[data-before][href], a[href*=before=]");
    private static final Evaluator BR = QueryParser.parse("br");
    private static final Evaluator A_HREF = QueryParser.parse("a[href]");
    // Photos (one, or an album's) and a video's preview frame, drawn as background images.
    private static final Evaluator PHOTO = QueryParser.parse(".tgme_widget_message_photo_wrap[style]");
    private static final Evaluator VIDEO_THUMB = QueryParser.parse(
            ".tgme_widget_message_video_thumb[style], .tgme_widget_message_roundvideo_thumb[style]");

    /**
     * A post as read from the page.
     *
     * @param pictures its photos, then its videos' preview frames, to be kept as items of the post
     */
    record Post(String channel, String postId, Map<String, Object> record, List<URI> pictures) {
        Post {
            pictures = List.copyOf(pictures);
        }
    }

    private final Document doc;

    ChannelPage(Document doc) {
        this.doc = doc;
    }

    /** The posts on the page, in page order (oldest first, as the preview shows them). */
    List<Post> posts() {
        List<Post> out = new ArrayList<>();
        for (Element m : doc.select(POST)) {
            String dataPost = m.attr("data-post").strip();
            int slash = dataPost.lastIndexOf('/');
            if (slash <= 0 || slash == dataPost.length() - 1) {
                continue;
            }
            String channel = dataPost.substring(0, slash);
            String id = dataPost.substring(slash + 1);
            Element text = m.selectFirst(TEXT);
            Element time = m.selectFirst(TIME);
            Element views = m.selectFirst(VIEW_COUNT);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("channel", channel);
            r.put("postId", id);
            r.put("date", time == null ? null : time.attr("datetime").strip());
            r.put("text", text == null ? null : textWithBreaks(text));
            r.put("links", text == null ? List.of() : links(text));
            r.put("views", views == null ? null : views.text().strip());
            r.put("viewCount", views == null ? null : viewCount(views.text()).orElse(null));
            Element link = m.selectFirst(POST_LINK);
            r.put("url", link == null ? null : link.absUrl("href"));
            List<URI> photos = PictureUrls.in(m.select(PHOTO));
            List<URI> previews = PictureUrls.in(m.select(VIDEO_THUMB));
            // Listed only when there are some, so a post of text alone keeps the record it always had.
            if (!photos.isEmpty()) {
                r.put("photos", photos.stream().map(URI::toString).toList());
            }
            if (!previews.isEmpty()) {
                r.put("videoPreviews", previews.stream().map(URI::toString).toList());
            }
            List<URI> pictures = new ArrayList<>(photos);
            pictures.addAll(previews);
            out.add(new Post(channel, id, r, pictures));
        }
        return out;
    }

    /** The page of older posts, from the preview's "load more" link, when there is one. */
    Optional<URI> older() {
        for (Element a : doc.select(MORE)) {
            Matcher m = BEFORE.matcher(a.attr("href"));
            if (m.find()) {
                return Urls.link(a.absUrl("href"));
            }
        }
        return Optional.empty();
    }

    /** "3.9K" → 3900, "1.2M" → 1200000, "845" → 845; empty when the text is no count. */
    static Optional<Long> viewCount(String shown) {
        Matcher m = VIEWS.matcher(shown.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1).replace(',', '.'));
        double scale = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1_000;
            case "M" -> 1_000_000;
            default -> 1;
        };
        return Optional.of(Math.round(n * scale));
    }

    /** The post's text with its line breaks kept: the preview writes them as {@code <br>}. */
    private static String textWithBreaks(Element text) {
        Element copy = text.clone();
        copy.select(BR).forEach(br -> br.replaceWith(new TextNode("\n")));
        return copy.wholeText().strip();
    }

    private static List<String> links(Element text) {
        Set<String> out = new LinkedHashSet<>();
        for (Element a : text.select(A_HREF)) {
            String abs = a.absUrl("href");
            out.add(abs.isEmpty() ? a.attr("href") : abs);
        }
        return List.copyOf(out);
    }
}
