package org.tracelab.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Pages made by the tests: fictitious ads in the furniture of a real classifieds site. */
public final class TestPages {
    private TestPages() {
    }

    /**
     * A fictitious ad page: site header and menu, cookie banner, the ad (its title, text and the advertiser's phone
     * +998 90 111 22 33), a "similar ads" block, a share bar with the site's Telegram channel, and a footer with the
     * site's own support phone {@code sitePhone} and e-mail.
     */
    public static String adWithFurniture(String sitePhone, String title) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + " (fictitious)</title></head>"
                + "<body><header class=\"site-header\"><a href=\"/\">Ish.example</a>"
                + "<nav class=\"menu\"><ul><li><a href=\"/\">Bosh sahifa</a></li><li><a href=\"/jobs\">Ishlar</a></li>"
                + "<li><a href=\"/about\">Biz haqimizda</a></li></ul></nav></header>"
                + "<div class=\"cookie-banner\">We use cookies to improve the site. <button>OK</button></div>"
                + "<main><article class=\"ad\"><h1>" + title + "</h1>"
                + "<p class=\"ad-text\">Toshkentdagi restoranga tajribali oshpaz kerak. Ish vaqti kuniga 10 soat,"
                + " maosh har oy o'z vaqtida, yotoqxona beriladi, tushlik bepul. Tajriba kamida ikki yil.</p>"
                + "<p>Murojaat uchun telefon: +998 90 111 22 33, soat 9 dan 18 gacha qo'ng'iroq qiling."
                + " Hujjatlar bilan keling, suhbat ofisda bo'ladi.</p></article>"
                + "<section class=\"similar-ads related\"><h2>O'xshash e'lonlar</h2><ul>"
                + "<li><a href=\"/ad/2\">Ofitsiant kerak — 4 000 000 so'm</a></li>"
                + "<li><a href=\"/ad/3\">Sotuvchi kerak — 3 500 000 so'm</a></li></ul></section>"
                + "<div class=\"share-bar\">Ulashing: <a href=\"https://t.me/ish_example\">Telegram</a></div></main>"
                + "<footer class=\"site-footer\"><p>Qo'llab-quvvatlash: " + sitePhone
                + ", support@ish.example</p><p>© Ish.example, fictitious site</p></footer></body></html>";
    }

    /**
     * {@code first}, then an ad with furniture ({@code sitePhone} its site's) and the four real-shaped, fictitious pages
     * of the handle tests: what the tests holding a fast path to the old one read besides random markup.
     */
    public static List<String> withShapedPages(List<String> first, String sitePhone) throws IOException {
        List<String> pages = new ArrayList<>(first);
        pages.add(adWithFurniture(sitePhone, "Oshpaz kerak"));
        for (String name : List.of("ad-uz", "ad-ru", "channel", "news")) {
            try (InputStream in = TestPages.class.getResourceAsStream("/org/tracelab/core/entities/handle-pages/"
                    + name + ".html")) {
                pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return pages;
    }
}
