package org.tracelab.collectors.ads;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.tracelab.collectors.http.CaptureTasks;
import org.tracelab.collectors.http.DerivedRecord;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.HttpOptions;
import org.tracelab.collectors.http.Urls;
import org.tracelab.collectors.images.PictureUrls;
import org.tracelab.collectors.images.Photos;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.StoredItem;

/**
 * {@code collect ads --profile P}: walks a classified-ads site described by a profile, listing page after listing
 * page, capturing the listing and every ad page, and stores each ad's fields as an {@code ad} item whose parent is
 * the ad page it was read from. With a {@code photos} selector in the profile, or {@code --images}, the ad's photos
 * are captured as items under the ad.
 */
public final class AdsCollector extends HttpCollector {
    /** The collector's id on the command line. */
    public static final String ID = "ads";
    /** The item kind of an ad's structured record. */
    public static final String KIND = "ad";
    /** The flag that keeps every ad's photos even when the profile names none. */
    static final String IMAGES = "--images";
    static final String BROWSER = "--browser";
    /** The link inside a matched element that is no link itself (an ad's card, say). */
    private static final Evaluator A_HREF = QueryParser.parse("a[href]");

    private static final IntOption MAX_PAGES = new IntOption("--max-pages", "N", "walk at most N listing pages", 100,
            1, 1_000_000);

    /** The collector as ServiceLoader makes it. */
    public AdsCollector() {
        super(ID);
    }

    @Override
    public String description() {
        return "a classified-ads site described by a profile: listing and ad pages, and each ad as a record";
    }

    @Override
    public String targetLabel() {
        return "";
    }

    @Override
    protected List<CollectorOption> ownOptions() {
        return List.of(
                CollectorOption.value("--profile", "PROFILE.json", "the site profile (start, nextPage, adLink, fields)",
                        null),
                CollectorOption.value("--base", "URL", "the URL the profile's start is relative to", null),
                MAX_PAGES.option(),
                CollectorOption.flag(IMAGES, "keep each ad's photos: those the profile's photos selector names, or"
                        + " every image of the ad page when it names none"),
                CollectorOption.flag(BROWSER, "render the listing and ad pages in the browser and read the fields"
                        + " from what their scripts built (needs the browser collector)"));
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        if (!request.targets().isEmpty()) {
            throw TracelabException.badInput("collect ads " + String.join(" ", request.targets()),
                    "takes no URLs; the profile's start (and --base) say where to begin");
        }
        AdsProfile profile = AdsProfile.read(Path.of(request.value("--profile").orElseThrow(
                () -> TracelabException.badInput("collect ads", "give --profile PROFILE.json"))));
        URI start = start(profile, request.value("--base"));
        int maxPages = MAX_PAGES.read(request);
        boolean images = profile.photos().isPresent() || request.flag(IMAGES);
        try (HttpCapture http = open(request, sink);
             PageSource pages = request.flag(BROWSER)
                     ? renderer().open(http, sink, ID, HttpOptions.settings(request), clock())
                     : new FetchedPages(http)) {
            new Walk(profile, pages, sink, request.progress(), maxPages, images ? new Photos(http, sink) : null)
                    .run(start);
        }
    }

    /** The browser the build provides (the browser collector's module), or bad input saying it has none. */
    private static PageRenderer renderer() {
        return ServiceLoader.load(PageRenderer.class).findFirst().orElseThrow(() -> TracelabException.badInput(
                "collect ads " + BROWSER, "this Tracelab has no browser collector (module collectors-browser);"
                        + " collect without " + BROWSER + " or use a build that has it"));
    }

    /** The first listing page: the profile's start, resolved against --base or the profile's base when relative. */
    static URI start(AdsProfile profile, Optional<String> baseOption) {
        Optional<String> base = baseOption.or(profile::base);
        if (base.isEmpty()) {
            if (!profile.start().contains("://")) {
                throw TracelabException.badInput("profile " + profile.file(), "$.start '" + profile.start()
                        + "' is relative: give --base URL (e.g. the lab server's address)");
            }
            return Urls.target(profile.start());
        }
        String b = base.get().endsWith("/") ? base.get() : base.get() + "/";
        return Urls.resolve(Urls.target(b), profile.start()).orElseThrow(() -> TracelabException.badInput(
                "profile " + profile.file(), "$.start '" + profile.start() + "' does not resolve against " + b));
    }

    /** One run over the listing. */
    private final class Walk {
        private final AdsProfile profile;
        private final PageSource pages;
        private final CaptureSink sink;
        private final Progress progress;
        private final int maxPages;
        /** Keeps the ads' photos; null when the run keeps none. */
        private final Photos photos;
        private final Set<URI> seenListings = new HashSet<>();
        private final Set<URI> seenAds = new HashSet<>();
        private boolean fieldsChecked;

        Walk(AdsProfile profile, PageSource pages, CaptureSink sink, Progress progress, int maxPages,
             Photos photos) {
            this.profile = profile;
            this.photos = photos;
            this.pages = pages;
            this.sink = sink;
            this.progress = progress;
            this.maxPages = maxPages;
        }

        /**
         * Walks the listing. The first ad is read before any other, so a profile whose fields match nothing stops
         * the run at once; every other ad is captured and read on a virtual thread of its own, so storing and
         * reading one ad overlaps the request for the next (the host's turn still allows one request at a time).
         */
        void run(URI start) throws IOException {
            progress.total(-1, "pages");
            try (CaptureTasks ads = new CaptureTasks()) {
                walk(start, ads);
                ads.awaitAll();
            }
        }

        private void walk(URI start, CaptureTasks ads) throws IOException {
            URI page = start;
            for (int n = 0; page != null && n < maxPages && seenListings.add(page); n++) {
                Optional<PageSource.Page> listing = listing(page, n == 0);
                progress.advance(1);
                if (listing.isEmpty()) {
                    return;
                }
                Document doc = listing.get().doc();
                Set<URI> found = links(doc, profile.adLink());
                if (n == 0 && found.isEmpty()) {
                    throw profile.matchedNothing("adLink", profile.adLink(), page.toString());
                }
                long listingId = listing.get().itemId();
                for (URI ad : found) {
                    if (!seenAds.add(ad)) {
                        continue;
                    }
                    if (!fieldsChecked) {
                        captureAd(ad, listingId);
                    } else {
                        ads.submit(() -> captureAd(ad, listingId));
                    }
                }
                page = links(doc, profile.nextPage()).stream().findFirst().orElse(null);
            }
        }

        private void captureAd(URI url, long listingId) throws IOException {
            Optional<PageSource.Page> got = pages.page(url, listingId);
            progress.advance(1);
            if (got.isEmpty()) {
                return;
            }
            PageSource.Page c = got.get();
            Optional<String> unreadable = c.unreadable();
            if (unreadable.isPresent()) {
                sink.failed(url.toString(), "ad page answered " + unreadable.get() + "; no ad record made");
                return;
            }
            Document doc = c.doc();
            if (!fieldsChecked) {
                fieldsChecked = true;
                List<String> unmatched = AdFields.unmatched(profile, doc);
                if (!unmatched.isEmpty()) {
                    String f = unmatched.get(0);
                    throw profile.matchedNothing("fields." + f, profile.fields().get(f), c.finalUrl().toString());
                }
            }
            Map<String, Object> record = AdFields.extract(profile, doc, c.finalUrl().toString());
            List<URI> pictures = photos == null ? List.of() : profile.photos()
                    .map(q -> PictureUrls.in(doc.select(q.evaluator()))).orElseGet(() -> PictureUrls.in(doc.body()));
            if (!pictures.isEmpty()) {
                record.put("photos", pictures.stream().map(URI::toString).toList());
            }
            StoredItem ad = store(new DerivedRecord(KIND, c.finalUrl().toString(), c.itemId(), record), sink);
            if (photos != null) {
                photos.keep(ad.id(), pictures);
            }
        }

        /**
         * Captures a listing page; empty (after saying why) when it cannot be read as HTML. A first page that
         * cannot be read ends the run: nothing of the site could be walked.
         */
        private Optional<PageSource.Page> listing(URI url, boolean first) throws IOException {
            Optional<PageSource.Page> got = pages.page(url, null);
            if (got.isEmpty()) {
                if (first) {
                    throw new TracelabException(TracelabException.Failure.IO, "collect ads: the start page " + url
                            + " could not be captured (the reason is above and in the custody log)");
                }
                return Optional.empty();
            }
            PageSource.Page c = got.get();
            if (c.unreadable().isPresent()) {
                String why = "listing page answered " + c.unreadable().get();
                if (first) {
                    throw new TracelabException(TracelabException.Failure.IO, "collect ads: " + url + ": " + why);
                }
                sink.failed(url.toString(), why + "; listing walk stopped");
                return Optional.empty();
            }
            return got;
        }

        private static Set<URI> links(Document doc, AdsProfile.Query query) {
            Set<URI> out = new LinkedHashSet<>();
            for (Element e : doc.select(query.evaluator())) {
                Element a = e.hasAttr("href") ? e : e.selectFirst(A_HREF);
                String href = a == null ? "" : a.absUrl("href");
                Urls.link(href).ifPresent(out::add);
            }
            return out;
        }
    }
}
