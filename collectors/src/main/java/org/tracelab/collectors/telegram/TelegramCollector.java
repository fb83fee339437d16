package org.tracelab.collectors.telegram;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracelab.collectors.http.Capture;
import org.tracelab.collectors.http.DerivedRecord;
import org.tracelab.collectors.http.HtmlPages;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.Urls;
import org.tracelab.collectors.images.Photos;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;
import org.tracelab.core.collect.StoredItem;

/**
 * {@code collect telegram URL}: a channel's public web preview. Each preview page is captured; each post on it
 * becomes a {@code post} item (channel, post id, date, text, links, views, photos) whose parent is that page, and its
 * photos and its videos' preview frames are captured as items under the post; older posts are reached through the
 * preview's {@code ?before=N} pages.
 */
public final class TelegramCollector extends HttpCollector {
    /** The collector's id on the command line. */
    public static final String ID = "telegram";
    /** The item kind of a post's structured record. */
    public static final String KIND = "post";
    private static final IntOption MAX_PAGES = new IntOption("--max-pages", "N",
            "read at most N preview pages per channel", 50, 1, 100_000);

    // t.me/NAME, t.me/s/NAME and telegram.me/…: the channel names Telegram allows.
    private static final Pattern TME = Pattern.compile(
            "(?i)^(?:https?://)?(?:www\\.)?(?:t|telegram)\\.me/(?:s/)?([A-Za-z0-9_]{3,64})/?(\\?.*)?$");
    /** @NAME, as channels are written in ads and posts. */
    private static final Pattern HANDLE = Pattern.compile("^@([A-Za-z0-9_]{3,64})$");

    /** The collector as ServiceLoader makes it. */
    public TelegramCollector() {
        super(ID);
    }

    @Override
    public String description() {
        return "a Telegram channel's public web preview (@NAME, t.me/NAME or t.me/s/NAME): each post as a record"
                + " with its photos, older pages too";
    }

    @Override
    public String targetLabel() {
        return "CHANNEL";
    }

    @Override
    protected List<CollectorOption> ownOptions() {
        return List.of(MAX_PAGES.option());
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        if (request.targets().isEmpty()) {
            throw TracelabException.badInput("collect telegram",
                    "give a channel: @NAME, t.me/NAME or https://t.me/s/NAME");
        }
        List<URI> channels = request.targets().stream().map(TelegramCollector::previewUrl).toList();
        int maxPages = MAX_PAGES.read(request);
        request.progress().total(-1, "pages");
        try (HttpCapture http = open(request, sink)) {
            Photos photos = new Photos(http, sink);
            for (URI channel : channels) {
                walk(channel, maxPages, http, photos, sink, request);
            }
        }
    }

    /** The preview URL of a channel: {@code t.me/NAME} becomes {@code https://t.me/s/NAME}; other URLs stay. */
    static URI previewUrl(String target) {
        String t = target == null ? "" : target.strip();
        Matcher handle = HANDLE.matcher(t);
        if (handle.matches()) {
            return Urls.target("https://t.me/s/" + handle.group(1));
        }
        Matcher m = TME.matcher(t);
        if (m.matches()) {
            return Urls.target("https://t.me/s/" + m.group(1) + (m.group(2) == null ? "" : m.group(2)));
        }
        if (!t.contains("://")) {
            throw TracelabException.badInput("channel '" + t + "'", "give @NAME, t.me/NAME or the preview's URL,"
                    + " https://t.me/s/NAME (private invitation links cannot be read)");
        }
        return Urls.target(t);
    }

    private void walk(URI first, int maxPages, HttpCapture http, Photos photos, CaptureSink sink,
                      CollectRequest request) throws IOException {
        Set<URI> pages = new HashSet<>();
        Set<String> posts = new HashSet<>();
        URI page = first;
        for (int n = 0; page != null && n < maxPages && pages.add(page); n++) {
            Optional<Capture> got = http.capture(page, null);
            request.progress().advance(1);
            if (got.isEmpty()) {
                return;
            }
            Capture c = got.get();
            if (c.status() >= 400 || !c.isHtml()) {
                sink.failed(page.toString(), "preview page answered " + c.status() + " "
                        + c.mediaType().orElse("without a content type") + "; no posts read");
                return;
            }
            ChannelPage preview = new ChannelPage(HtmlPages.html(http, c));
            List<ChannelPage.Post> found = preview.posts();
            if (n == 0 && found.isEmpty()) {
                sink.failed(page.toString(), "no posts found: not a channel preview page (t.me/s/NAME), or the"
                        + " channel is private or empty");
            }
            for (ChannelPage.Post p : found) {
                if (posts.add(p.channel() + "/" + p.postId())) {
                    String source = p.record().get("url") instanceof String u && !u.isEmpty()
                            ? u : c.finalUrl() + "#" + p.postId();
                    StoredItem post = store(new DerivedRecord(KIND, source, c.item().id(), p.record()), sink);
                    photos.keep(post.id(), p.pictures());
                }
            }
            page = preview.older().orElse(null);
        }
    }
}
