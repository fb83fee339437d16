package org.tracelab.samples;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.samples.internal.AdPlan;
import org.tracelab.samples.internal.AdText;
import org.tracelab.samples.internal.AdWriter;
import org.tracelab.samples.internal.BlockPlan;
import org.tracelab.samples.internal.BlockPlanner;
import org.tracelab.samples.internal.ClusterPlan;
import org.tracelab.samples.internal.Contact;
import org.tracelab.samples.internal.Documents;
import org.tracelab.samples.internal.Pages;
import org.tracelab.samples.internal.Phone;
import org.tracelab.samples.internal.PicturePlan;
import org.tracelab.samples.internal.Pictures;
import org.tracelab.samples.internal.SpaPages;
import org.tracelab.samples.photos.NearCopies;

/**
 * Generates a lab scenario folder from a {@link ScenarioSpec}: the same spec always gives the same bytes, and the
 * ads stream to disk block by block so any number of them fits in a small heap.
 */
public final class ScenarioGenerator {
    /** Bumped whenever the output for a seed changes; recorded in key.json. */
    public static final String GENERATOR_VERSION = "4";
    /** The base that sitemap.xml, feed.xml and robots.txt are written with; {@link LabServer} swaps in its own. */
    public static final String PLACEHOLDER_BASE = "http://lab.tracelab.invalid/";

    private static final int FEED_ITEMS = 30;
    private static final int CHANNEL_POSTS = 100;
    private static final int SITEMAP_URLS = 50_000;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String RECRUITER_HANDLE = "golden_bridge_demo";

    private ScenarioGenerator() {
    }

    /** Generates from the command line: {@code SEED ADS OUT_DIR}, all languages; prints the summary. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ScenarioGenerator SEED ADS OUT_DIR");
            System.exit(2);
        }
        ScenarioSpec spec = ScenarioSpec.of(Long.parseLong(args[0]), Integer.parseInt(args[1]));
        System.out.println(generate(spec, Path.of(args[2])));
    }

    /** Generates into {@code out}, which must not exist or be empty. */
    public static ScenarioSummary generate(ScenarioSpec spec, Path out) {
        return generate(spec, out, page -> { });
    }

    /** Generates into {@code out}, telling {@code progress} the number of ads written after each block. */
    public static ScenarioSummary generate(ScenarioSpec spec, Path out, IntConsumer progress) {
        return generate(spec, SiteStyle.STATIC, out, progress);
    }

    /**
     * Generates into {@code out} with its site built in {@code style}; the ads, the key and every other file are
     * the same in both styles, so one answer key grades what was collected from either.
     */
    public static ScenarioSummary generate(ScenarioSpec spec, SiteStyle style, Path out, IntConsumer progress) {
        try {
            if (Files.exists(out)) {
                try (var entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw TracelabException.badInput(out.toString(), "already exists and is not empty");
                    }
                }
            }
            return new Run(spec, style, out, progress).run();
        } catch (IOException e) {
            throw TracelabException.io("writing scenario " + out, e);
        }
    }

    /** One generation: the open writers and the bounded state it carries between blocks. */
    private static final class Run {
        private final ScenarioSpec spec;
        private final SiteStyle style;
        private final Path out;
        private final Path site;
        private final IntConsumer progress;
        private final BlockPlanner planner;
        private final int blocks;
        private final int pages;
        private final List<AdPlan> feedPlans = new ArrayList<>();
        private final List<AdText> feedTexts = new ArrayList<>();
        private final List<String> channelMessages = new ArrayList<>();
        private int deceptive;
        private int clusters;
        private int reposts;
        private int sitemapFiles;
        private Writer sitemap;
        private int sitemapCount;

        Run(ScenarioSpec spec, SiteStyle style, Path out, IntConsumer progress) {
            this.spec = spec;
            this.style = style;
            this.out = out;
            this.site = out.resolve("site");
            this.progress = progress;
            this.planner = new BlockPlanner(spec.seed(), spec.orderedLanguages());
            this.blocks = (spec.ads() + BlockPlanner.BLOCK - 1) / BlockPlanner.BLOCK;
            this.pages = (spec.ads() + Pages.PAGE_SIZE - 1) / Pages.PAGE_SIZE;
        }

        ScenarioSummary run() throws IOException {
            for (String dir : style == SiteStyle.SPA
                    ? List.of("ads", "s/" + Pages.CHANNEL, "docs", "private", "media", "static", "api/ads", "api/pages")
                    : List.of("ads", "s/" + Pages.CHANNEL, "docs", "private", "media", "static")) {
                Files.createDirectories(site.resolve(dir));
            }
            try (JsonGenerator key = Json.MAPPER.getFactory()
                    .createGenerator(Files.newOutputStream(out.resolve("key.json")), JsonEncoding.UTF8)) {
                key.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
                key.writeStartObject();
                key.writeObjectFieldStart("scenario");
                key.writeNumberField("seed", spec.seed());
                key.writeNumberField("ads", spec.ads());
                key.writeArrayFieldStart("langs");
                for (Language l : spec.orderedLanguages()) {
                    key.writeString(l.tag());
                }
                key.writeEndArray();
                key.writeStringField("generator", "tracelab-lab-generator");
                key.writeStringField("generatorVersion", GENERATOR_VERSION);
                if (style != SiteStyle.STATIC) {
                    key.writeStringField("site", style.label());
                }
                key.writeStringField("notice", "Fictitious training data: every name, number and handle is invented.");
                key.writeEndObject();
                key.writeArrayFieldStart("ads");
                for (int b = 0; b < blocks; b++) {
                    writeBlock(planner.plan(b, spec.ads()), key);
                    progress.accept(Math.min(spec.ads(), (b + 1) * BlockPlanner.BLOCK));
                }
                key.writeEndArray();
                closeSitemap();
                // clusters and reposts are re-planned rather than kept, so memory stays bounded by one block
                key.writeArrayFieldStart("clusters");
                for (int b = 0; b < blocks; b++) {
                    for (ClusterPlan c : planner.plan(b, spec.ads()).clusters()) {
                        writeCluster(key, c);
                    }
                }
                key.writeEndArray();
                key.writeArrayFieldStart("reposts");
                for (int b = 0; b < blocks; b++) {
                    for (BlockPlan.RepostGroup r : planner.plan(b, spec.ads()).reposts()) {
                        reposts++;
                        key.writeStartObject();
                        key.writeStringField("template", r.template());
                        writeStrings(key, "ads", r.ads());
                        key.writeEndObject();
                    }
                }
                key.writeEndArray();
                key.writeEndObject();
            }
            writeSiteFiles();
            return new ScenarioSummary(spec.ads(), deceptive, clusters, reposts, pages);
        }

        private void writeBlock(BlockPlan block, JsonGenerator key) throws IOException {
            List<AdPlan> plans = block.ads();
            List<AdText> texts = new ArrayList<>(plans.size());
            for (AdPlan p : plans) {
                AdText text = AdWriter.write(p);
                texts.add(text);
                for (PicturePlan picture : p.pictures()) {
                    Files.write(site.resolve(picture.path()), Pictures.bytes(picture));
                }
                if (style == SiteStyle.SPA) {
                    write(site.resolve(p.path()), SpaPages.adShell(p));
                    write(site.resolve("api/ads/" + p.id() + ".json"), SpaPages.adJson(p, text));
                } else {
                    write(site.resolve(p.path()), Pages.ad(p, text, similar(plans, texts)));
                }
                writeKeyAd(key, p);
                sitemapUrl("ads/" + p.id() + ".html");
                if (p.deceptive()) {
                    deceptive++;
                }
                if (feedPlans.size() < FEED_ITEMS) {
                    feedPlans.add(p);
                    feedTexts.add(text);
                }
                // the channel reposts the recruiters' offers and their flyers, and now and then an ordinary ad
                boolean flyer = p.pictures().stream().anyMatch(x -> x.kind() == PicturePlan.Kind.FLYER);
                if (channelMessages.size() < CHANNEL_POSTS && (p.deceptive() || flyer || p.index() % 7 == 0)) {
                    channelMessages.add(Pages.channelMessage(channelMessages.size() + 1, p, text));
                }
            }
            for (int from = 0; from < plans.size(); from += Pages.PAGE_SIZE) {
                int to = Math.min(plans.size(), from + Pages.PAGE_SIZE);
                int page = plans.get(from).index() / Pages.PAGE_SIZE + 1;
                if (style == SiteStyle.SPA) {
                    write(site.resolve("ads/page-" + page + ".html"), SpaPages.listingShell(page));
                    write(site.resolve("api/pages/" + page + ".json"),
                            SpaPages.listingJson(page, pages, plans.subList(from, to), texts.subList(from, to)));
                } else {
                    write(site.resolve("ads/page-" + page + ".html"),
                            Pages.listing(page, pages, plans.subList(from, to), texts.subList(from, to)));
                }
            }
        }

        /** The ads written just before the last one, as its page quotes them ("similar ads"). */
        private static List<Pages.Similar> similar(List<AdPlan> plans, List<AdText> texts) {
            List<Pages.Similar> out = new ArrayList<>();
            int last = texts.size() - 1;
            for (int i = last - 1; i >= 0 && out.size() < Pages.SIMILAR; i--) {
                String path = plans.get(i).path();
                out.add(new Pages.Similar(path.substring(path.lastIndexOf('/') + 1), texts.get(i).title(),
                        texts.get(i).price()));
            }
            return out;
        }

        private void writeKeyAd(JsonGenerator key, AdPlan p) throws IOException {
            key.writeStartObject();
            key.writeStringField("id", p.id());
            key.writeStringField("path", p.path());
            key.writeStringField("lang", p.language().tag());
            key.writeBooleanField("deceptive", p.deceptive());
            writeStrings(key, "indicators", p.indicators());
            List<String> phones = new ArrayList<>();
            List<String> handles = new ArrayList<>();
            for (Contact c : p.contacts()) {
                if (c.phone() != null && !phones.contains(c.value())) {
                    phones.add(c.value());
                }
                if (!c.type().equals("phone")) {
                    handles.add(c.type() + ":" + c.value());
                }
            }
            writeStrings(key, "phones", phones);
            writeStrings(key, "handles", handles);
            key.writeArrayFieldStart("pictures");
            for (PicturePlan picture : p.pictures()) {
                key.writeStartObject();
                key.writeStringField("path", picture.path());
                key.writeStringField("kind", picture.kind().label());
                key.writeStringField("picture", picture.picture());
                if (picture.flyer() != null) {
                    key.writeStringField("lang", picture.flyer().language().tag());
                    key.writeStringField("carries", picture.flyer().contact().type() + ":"
                            + picture.flyer().contact().value());
                } else if (!picture.copy().equals(NearCopies.Alteration.NONE)) {
                    key.writeStringField("copy", picture.copy().describe());
                }
                key.writeEndObject();
            }
            key.writeEndArray();
            key.writeStringField("template", p.template());
            if (p.repostOf() == null) {
                key.writeNullField("repostOf");
            } else {
                key.writeStringField("repostOf", p.repostOf());
            }
            key.writeEndObject();
        }

        private void writeCluster(JsonGenerator key, ClusterPlan c) throws IOException {
            clusters++;
            key.writeStartObject();
            key.writeStringField("id", c.id());
            writeStrings(key, "ads", c.ads());
            key.writeStringField("tie", c.tie().label());
            key.writeArrayFieldStart("shared");
            for (Contact s : c.shared()) {
                key.writeStartObject();
                key.writeStringField("type", s.type());
                key.writeStringField("value", s.value());
                key.writeEndObject();
            }
            if (c.picture() != null) {
                key.writeStartObject();
                key.writeStringField("type", "photo");
                key.writeStringField("value", c.picture());
                key.writeEndObject();
            }
            key.writeEndArray();
            key.writeEndObject();
        }

        private static void writeStrings(JsonGenerator key, String field, List<String> values) throws IOException {
            key.writeArrayFieldStart(field);
            for (String v : values) {
                key.writeString(v);
            }
            key.writeEndArray();
        }

        private void sitemapUrl(String path) throws IOException {
            if (sitemap == null) {
                sitemapFiles++;
                sitemap = Files.newBufferedWriter(site.resolve("sitemap-ads-" + sitemapFiles + ".xml"),
                        StandardCharsets.UTF_8);
                sitemap.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            }
            sitemap.write("<url><loc>" + PLACEHOLDER_BASE + path + "</loc></url>\n");
            if (++sitemapCount == SITEMAP_URLS) {
                closeSitemap();
            }
        }

        private void closeSitemap() throws IOException {
            if (sitemap != null) {
                sitemap.write("</urlset>\n");
                sitemap.close();
                sitemap = null;
                sitemapCount = 0;
            }
        }

        private void writeSiteFiles() throws IOException {
            write(site.resolve("index.html"), Pages.index(pages, spec.ads()));
            write(site.resolve("private/staff.html"), Pages.privatePage());
            Files.write(site.resolve(Pages.BLANK), Pictures.BLANK_GIF);
            write(site.resolve("robots.txt"), "# Fictitious training data: a made-up site for a Tracelab lab.\n"
                    + "User-agent: *\nDisallow: /private/\n\nSitemap: " + PLACEHOLDER_BASE + "sitemap.xml\n");
            StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                    + "<sitemap><loc>" + PLACEHOLDER_BASE + "sitemap-pages.xml</loc></sitemap>\n");
            for (int i = 1; i <= sitemapFiles; i++) {
                index.append("<sitemap><loc>").append(PLACEHOLDER_BASE).append("sitemap-ads-").append(i)
                        .append(".xml</loc></sitemap>\n");
            }
            write(site.resolve("sitemap.xml"), index.append("</sitemapindex>\n").toString());
            try (Writer w = Files.newBufferedWriter(site.resolve("sitemap-pages.xml"), StandardCharsets.UTF_8)) {
                w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                w.write("<url><loc>" + PLACEHOLDER_BASE + "index.html</loc></url>\n");
                w.write("<url><loc>" + PLACEHOLDER_BASE + "s/" + Pages.CHANNEL + "</loc></url>\n");
                for (int p = 1; p <= pages; p++) {
                    w.write("<url><loc>" + PLACEHOLDER_BASE + "ads/page-" + p + ".html</loc></url>\n");
                }
                w.write("</urlset>\n");
            }
            writeFeed();
            writeChannel();
            Phone recruiter = Phone.of("KZ", 5_549_000L + Math.floorMod(spec.seed(), 1000L), 0);
            String shown = "+7 " + recruiter.nsn().substring(0, 3) + " " + recruiter.nsn().substring(3, 6) + " "
                    + recruiter.nsn().substring(6, 8) + " " + recruiter.nsn().substring(8);
            Documents.contract(site.resolve("docs/contract.pdf"), shown, RECRUITER_HANDLE);
            Documents.offerLetter(site.resolve("docs/offer-letter.docx"), shown, RECRUITER_HANDLE);
            Documents.flyer(site.resolve("docs/flyer.png"), shown, RECRUITER_HANDLE);
            if (style == SiteStyle.SPA) {
                try (var script = ScenarioGenerator.class.getResourceAsStream(SpaPages.SCRIPT_RESOURCE)) {
                    if (script == null) {
                        throw new IllegalStateException("missing resource " + SpaPages.SCRIPT_RESOURCE);
                    }
                    Files.copy(script, site.resolve(SpaPages.SCRIPT));
                }
            }
            write(out.resolve("profile.json"), Profile.json());
            write(out.resolve("README.txt"), readme());
        }

        private void writeFeed() throws IOException {
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n"
                    + "<channel>\n<title>Bozor Demo: new ads (fictitious training data)</title>\n<link>"
                    + PLACEHOLDER_BASE + "index.html</link>\n<description>Fictitious training data: a made-up "
                    + "classifieds site for a Tracelab lab.</description>\n");
            for (int i = 0; i < feedPlans.size(); i++) {
                AdPlan p = feedPlans.get(i);
                AdText t = feedTexts.get(i);
                String link = PLACEHOLDER_BASE + p.path();
                rss.append("<item><title>").append(Pages.esc(t.title())).append("</title><link>").append(link)
                        .append("</link><guid>").append(link).append("</guid><pubDate>")
                        .append(RFC_1123.format(t.posted())).append("</pubDate><description>")
                        .append(Pages.esc(String.join(" ", t.paragraphs()))).append("</description></item>\n");
            }
            write(site.resolve("feed.xml"), rss.append("</channel>\n</rss>\n").toString());
        }

        /** Writes the preview pages newest first: index.html, then before-N.html for each "load more". */
        private void writeChannel() throws IOException {
            Path dir = site.resolve("s/" + Pages.CHANNEL);
            int newest = channelMessages.size();
            String name = "index.html";
            int top = newest;
            while (true) {
                int from = Math.max(1, top - Pages.PAGE_SIZE + 1);
                List<String> shown = top >= 1 ? channelMessages.subList(from - 1, top) : List.of();
                int before = from > 1 ? from : 0;
                write(dir.resolve(name), Pages.channelPage(shown, before));
                if (before == 0) {
                    break;
                }
                name = "before-" + before + ".html";
                top = before - 1;
            }
        }

        private String readme() {
            return "FICTITIOUS TRAINING DATA\n\n"
                    + "This folder is a lab scenario made by the Tracelab lab generator (version " + GENERATOR_VERSION
                    + ") from seed " + spec.seed() + " with " + spec.ads() + " ads.\n"
                    + "Every site, name, phone number, handle and address in it is invented for training;\n"
                    + "any likeness to a real person, company or number is chance.\n\n"
                    + "site/         the web root: serve it with `tracelab lab serve DIR` (DIR: this folder)\n"
                    + (style == SiteStyle.SPA ? "              script-rendered: its listing and ad pages fill themselves from api/;\n"
                            + "              `collect page` captures empty shells, `collect browser` the ads\n" : "")
                    + "profile.json  the site profile for `tracelab collect ads --profile profile.json`\n"
                    + "key.json      the instructor's answer key: keep it from trainees\n\n"
                    + "Grade a trainee's findings with `tracelab lab grade FINDINGS.json --key key.json`.\n";
        }

        private static void write(Path file, String text) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(text);
            }
        }
    }
}
