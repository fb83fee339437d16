package org.tracelab.samples.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/** The HTML of the lab site: ad pages with the quirks of real classifieds, listing pages, the channel preview. */
public final class Pages {
    /** Listing page size. */
    public static final int PAGE_SIZE = 20;
    /** The name of the public channel in the preview. */
    public static final String CHANNEL = "ish_bor_demo";

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final String NOTICE_EN = "Fictitious training data";

    private Pages() {
    }

    /** The site's own support line and channel, in every ad page's footer and share bar (fictitious). */
    public static final String SUPPORT_PHONE = "+998 71 555 00 99";
    public static final String SUPPORT_EMAIL = "support@bozor-demo.example";
    public static final String SITE_CHANNEL = "bozor_demo_uz";
    /** Other ads a page quotes in its "similar ads" block, at most. */
    public static final int SIMILAR = 3;
    /** The placeholder lazy-loaded photos show until a script swaps them in, relative to the site root. */
    public static final String BLANK = "static/blank.gif";
    /** Where the site's image CDN resizes a picture on the fly: {@code cdn-cgi/image/OPTIONS/PATH} serves PATH. */
    public static final String CDN = "cdn-cgi/image/";
    /** Where the channel preview's pictures are served from, as Telegram serves them from its own CDN host. */
    public static final String CHANNEL_FILES = "tgcdn/file/";

    /**
     * The page of one ad, in the furniture of a real classifieds site: header and menu, cookie banner, a "similar
     * ads" block quoting {@code similar} (other ads' titles and prices), a share bar naming the site's channel and a
     * footer with the site's support phone and e-mail. None of it is the ad's: the answer key ignores it.
     */
    public static String ad(AdPlan plan, AdText text, List<Similar> similar) {
        Templates t = Templates.of(plan.language());
        // the quirks follow from the text seed, so reposts look the same and the page stays deterministic
        SplittableRandom quirks = new SplittableRandom(plan.textSeed() ^ 0x5DEECE66DL);
        StringBuilder body = new StringBuilder();
        for (String para : text.paragraphs()) {
            switch (quirks.nextInt(4)) {
                case 0 -> body.append("<p>").append(esc(para)).append('\n');
                case 1 -> body.append(esc(para)).append("<BR><br/>\n");
                case 2 -> body.append("<p><font color=\"#333\">").append(esc(para)).append("</font></p></span>\n");
                default -> body.append("<p><b>").append(esc(para)).append("\n");
            }
        }
        StringBuilder contacts = new StringBuilder();
        for (String c : text.contacts()) {
            contacts.append(esc(c)).append("<br>\n");
        }
        String page = (plan.index() / PAGE_SIZE + 1) + "";
        return head(plan.language().tag(), text.title() + " | Bozor Demo", t.notice()) + SITE_HEADER
                + "<div class=\"crumbs\"><a href=\"../index.html\">Bozor Demo</a> &rsaquo; <a href=\"page-" + page
                + ".html\">" + esc(t.label("ads")) + "</a></div>\n"
                + "<div class=\"ad\" id=\"" + plan.id() + "\">\n"
                + "<h1 class=\"ad-title\">" + esc(text.title()) + "</h1>\n"
                + "<div class=\"ad-meta\">" + esc(t.label("price")) + ": <span class=\"ad-price\">"
                + esc(text.price()).replace(" ", "&nbsp;") + "</span> &middot; " + esc(t.label("location"))
                + ": <span class=\"ad-location\">" + esc(text.city()) + "</span> &middot; " + esc(t.label("posted"))
                + ": <time class=\"ad-posted\" datetime=\"" + text.posted() + "\">" + SHOWN.format(text.posted())
                + "</time></div>\n"
                + "<div class=\"ad-body\">\n" + body + "</div>\n" + gallery(plan)
                + "<div class=\"ad-contact\">" + esc(t.label("contact")) + ":<br>\n" + contacts + "</div>\n"
                + "</div>\n" + similarAds(similar) + SHARE_BAR + SITE_FOOTER + foot(t.notice());
    }

    /**
     * The ad's photos and flyers, each written one of the ways real sites write them: a plain {@code src}, lazy-loaded
     * from {@code data-src} behind a placeholder, a {@code srcset} of sizes from the image CDN, or a CDN thumbnail
     * linking to the full picture. Every way names the same file, so the answer key's path finds it.
     */
    static String gallery(AdPlan plan) {
        if (plan.pictures().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<div class=\"ad-photos\">\n");
        for (PicturePlan p : plan.pictures()) {
            String alt = p.kind() == PicturePlan.Kind.FLYER ? "flyer" : "photo";
            String file = "../" + p.path();
            switch (Math.floorMod(p.path().hashCode() ^ (int) plan.textSeed(), 4)) {
                case 0 -> out.append("<img src=\"").append(file).append("\" alt=\"").append(alt).append("\">\n");
                case 1 -> out.append("<img class=\"lazy\" src=\"../").append(BLANK).append("\" data-src=\"")
                        .append(file).append("\" alt=\"").append(alt).append("\" loading=\"lazy\">\n");
                case 2 -> out.append("<img src=\"").append(cdn(p, 480, 80)).append("\" srcset=\"")
                        .append(cdn(p, 320, 75)).append(" 320w, ").append(cdn(p, 960, 85))
                        .append(" 960w\" sizes=\"(max-width: 600px) 320px, 960px\" alt=\"").append(alt)
                        .append("\">\n");
                default -> out.append("<a class=\"zoom\" href=\"").append(file).append("\"><img src=\"")
                        .append(cdn(p, 960, 85)).append("\" alt=\"").append(alt).append("\"></a>\n");
            }
        }
        return out.append("</div>\n").toString();
    }

    private static String cdn(PicturePlan p, int width, int quality) {
        return "../" + CDN + "width=" + width + ",quality=" + quality + "/" + p.path();
    }

    /** An ad another page quotes: where it is, its title and its price. */
    public record Similar(String path, String title, String price) {
    }

    private static final String SITE_HEADER = "<header class=\"site-header\"><a class=\"logo\" href=\"../index.html\">"
            + "Bozor Demo</a>\n<nav class=\"menu\"><ul><li><a href=\"../index.html\">Bosh sahifa / Главная</a></li>"
            + "<li><a href=\"page-1.html\">E'lonlar / Объявления</a></li><li><a href=\"page-1.html\">Ish / Работа</a>"
            + "</li><li><a href=\"page-1.html\">Ko'chmas mulk / Недвижимость</a></li></ul></nav></header>\n"
            + "<div class=\"cookie-banner\" id=\"cookie-consent\">Sayt cookie-fayllardan foydalanadi. Сайт использует"
            + " файлы cookie. This site uses cookies. <button type=\"button\">OK</button></div>\n";
    private static final String SHARE_BAR = "<div class=\"share-bar\">Ulashish / Поделиться: <span class=\"share"
            + "-telegram\">Telegram @" + SITE_CHANNEL + "</span> · <span class=\"share-copy\">Havolani nusxalash /"
            + " Скопировать ссылку</span></div>\n";
    private static final String SITE_FOOTER = "<footer class=\"site-footer\"><p>Qo'llab-quvvatlash / Служба"
            + " поддержки: " + SUPPORT_PHONE + ", " + SUPPORT_EMAIL + "</p><p>Bizning kanal / Наш канал: t.me/"
            + SITE_CHANNEL + "</p><p>© Bozor Demo</p></footer>\n";

    private static String similarAds(List<Similar> similar) {
        if (similar.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section class=\"similar-ads\"><h2>O'xshash e'lonlar / Похожие"
                + " объявления</h2>\n<ul>\n");
        for (Similar s : similar) {
            out.append("<li><a href=\"").append(esc(s.path())).append("\">").append(esc(s.title()))
                    .append("</a> — ").append(esc(s.price())).append("</li>\n");
        }
        return out.append("</ul></section>\n").toString();
    }

    /** A listing page; {@code page} counts from 1. */
    public static String listing(int page, int pages, List<AdPlan> plans, List<AdText> texts) {
        StringBuilder out = new StringBuilder(head("en", "Ads, page " + page + " | Bozor Demo", null));
        out.append("<h1>Bozor Demo: ads, page ").append(page).append(" of ").append(pages).append("</h1>\n");
        out.append("<ul class=\"ad-list\">\n");
        for (int i = 0; i < plans.size(); i++) {
            AdPlan p = plans.get(i);
            AdText x = texts.get(i);
            out.append("<li class=\"ad-card\" lang=\"").append(p.language().tag()).append("\">");
            if (!p.pictures().isEmpty()) {
                // a thumbnail from the image CDN, lazy-loaded as listings load them
                out.append("<img class=\"card-thumb\" src=\"").append(cdn(p.pictures().get(0), 200, 70))
                        .append("\" loading=\"lazy\" alt=\"\" width=\"200\">");
            }
            out.append("<a class=\"ad-link\" href=\"")
                    .append(p.id()).append(".html\">").append(esc(x.title())).append("</a> <span class=\"card-price\">")
                    .append(esc(x.price())).append("</span> <span class=\"card-city\">").append(esc(x.city()))
                    .append("</span></li>\n");
        }
        out.append("</ul>\n<div class=\"pager\">");
        if (page > 1) {
            out.append("<a class=\"prev\" href=\"page-").append(page - 1).append(".html\">&laquo; Previous</a> ");
        }
        if (page < pages) {
            out.append("<a class=\"next\" href=\"page-").append(page + 1).append(".html\">Next &raquo;</a>");
        }
        out.append("</div>\n");
        return out + foot(null);
    }

    /** One message of the channel preview, in the shape of t.me/s/NAME. */
    public static String channelMessage(int postId, AdPlan plan, AdText text) {
        StringBuilder msg = new StringBuilder("<b>").append(esc(text.title())).append("</b><br/>");
        for (String para : text.paragraphs()) {
            msg.append(esc(para)).append("<br/>");
        }
        for (String c : text.contacts()) {
            msg.append(esc(c)).append("<br/>");
        }
        msg.append("<a href=\"../").append(plan.path()).append("\">").append(esc(Templates.of(plan.language())
                .label("details"))).append("</a>");
        long views = 200 + Math.floorMod(plan.textSeed(), 9_800);
        String shownViews = views >= 1000 ? (views / 1000) + "." + (views % 1000 / 100) + "K" : String.valueOf(views);
        return "<div class=\"tgme_widget_message_wrap\"><div class=\"tgme_widget_message\" data-post=\"" + CHANNEL
                + "/" + postId + "\">\n" + channelMedia(postId, plan)
                + "<div class=\"tgme_widget_message_text\" dir=\"auto\">" + msg + "</div>\n"
                + "<div class=\"tgme_widget_message_footer\"><span class=\"tgme_widget_message_views\">" + shownViews
                + "</span> <a class=\"tgme_widget_message_date\" href=\"https://t.me/" + CHANNEL + "/" + postId
                + "\"><time datetime=\"" + text.posted().toString().replace("Z", "+00:00") + "\">"
                + SHOWN.format(text.posted()) + "</time></a></div>\n</div></div>\n";
    }

    /**
     * What a post shows above its text, in the preview's markup: the ad's flyer when it has one, else its photos (an
     * album of up to three), one post in five as a video of which the preview shows only a frame.
     */
    private static String channelMedia(int postId, AdPlan plan) {
        List<PicturePlan> flyers = plan.pictures().stream().filter(p -> p.kind() == PicturePlan.Kind.FLYER).toList();
        List<PicturePlan> shown = flyers.isEmpty() ? plan.pictures().stream().limit(3).toList() : flyers;
        if (shown.isEmpty()) {
            return "";
        }
        String post = "https://t.me/" + CHANNEL + "/" + postId;
        if (flyers.isEmpty() && postId % 5 == 0) {
            return "<a class=\"tgme_widget_message_video_player\" href=\"" + post + "\"><i class=\""
                    + "tgme_widget_message_video_thumb\" style=\"background-image:url('" + channelFile(shown.get(0))
                    + "')\"></i><div class=\"message_video_play\"></div><time class=\"message_video_duration\">0:"
                    + (10 + postId % 50) + "</time></a>\n";
        }
        StringBuilder out = new StringBuilder(shown.size() > 1 ? "<div class=\"tgme_widget_message_grouped_wrap\">"
                : "");
        for (PicturePlan p : shown) {
            out.append("<a class=\"tgme_widget_message_photo_wrap\" href=\"").append(post)
                    .append("\" style=\"width:800px;background-image:url('").append(channelFile(p))
                    .append("')\"></a>");
        }
        return out.append(shown.size() > 1 ? "</div>\n" : "\n").toString();
    }

    private static String channelFile(PicturePlan p) {
        return "../" + CHANNEL_FILES + p.path().substring(p.path().lastIndexOf('/') + 1);
    }

    /** A page of the channel preview; {@code before} is the id of the oldest message shown, or 0 if none older. */
    public static String channelPage(List<String> messages, int before) {
        StringBuilder out = new StringBuilder(head("ru", "Ish bor (demo) – Telegram", null));
        out.append("<div class=\"tgme_channel_info\"><div class=\"tgme_channel_info_header_title\">Ish bor | ")
                .append("Работа за границей (demo)</div></div>\n<section class=\"tgme_channel_history\">\n");
        if (before > 0) {
            out.append("<div class=\"tgme_widget_message_centered\"><a class=\"tme_messages_more\" data-before=\"")
                    .append(before).append("\" href=\"").append(CHANNEL).append("?before=").append(before)
                    .append("\">Load more</a></div>\n");
        }
        messages.forEach(out::append);
        out.append("</section>\n");
        return out + foot(null);
    }

    /** The home page. */
    public static String index(int pages, int ads) {
        return head("en", "Bozor Demo", null)
                + "<h1>Bozor Demo</h1>\n<p>A classified-ads site made up for an OSINT training lab: " + ads
                + " ads on " + pages + " pages.</p>\n<ul>\n"
                + "<li><a href=\"ads/page-1.html\">Ads / Объявления / E'lonlar</a></li>\n"
                + "<li><a href=\"s/" + CHANNEL + "\">Channel preview</a></li>\n"
                + "<li><a href=\"feed.xml\">RSS</a> &middot; <a href=\"sitemap.xml\">Sitemap</a></li>\n"
                + "<li><a href=\"docs/contract.pdf\">Contract</a> &middot; <a href=\"docs/offer-letter.docx\">Offer letter"
                + "</a> &middot; <a href=\"docs/flyer.png\">Flyer</a></li>\n"
                + "<li><a href=\"private/staff.html\">Staff area</a></li>\n</ul>\n" + foot(null);
    }

    /** The page under /private/ that robots.txt forbids; a polite collector never fetches it. */
    public static String privatePage() {
        return head("en", "Staff area | Bozor Demo", null)
                + "<h1>Staff area</h1>\n<p>Moderation notes. This page is disallowed in robots.txt: a collector that "
                + "fetched it ignored robots.txt.</p>\n" + foot(null);
    }

    static String head(String lang, String title, String localNotice) {
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + "</title>\n<meta name=\"robots\" content=\"noarchive\">\n</head>\n<body>\n"
                + "<div class=\"notice\" style=\"background:#fffbcc;padding:4px\"><strong>" + NOTICE_EN
                + "</strong>: a made-up site for a Tracelab lab; every name, number and handle is fictitious."
                + (localNotice == null ? "" : "<br>" + esc(localNotice)) + "</div>\n";
    }

    static String foot(String localNotice) {
        return "<div class=\"footer\">" + NOTICE_EN + (localNotice == null ? "" : " · " + esc(localNotice))
                + "</div>\n</body>\n</html>\n";
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
