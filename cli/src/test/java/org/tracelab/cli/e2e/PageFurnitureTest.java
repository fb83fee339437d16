package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * Pages of one fictitious classifieds site, each ad with its own phone inside the site's furniture (menu, cookie
 * banner, similar ads, share bar, a footer with the site's support phone): the furniture ties nothing together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageFurnitureTest {
    static final String SITE_PHONE = "+998 71 200 00 00";
    Cli cli;

    static String page(String title, String body, String phone) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + " (fictitious)</title></head>"
                + "<body><header class=\"site-header\"><nav class=\"menu\"><a href=\"/\">Bosh sahifa</a>"
                + " <a href=\"/jobs\">Ishlar</a> <a href=\"/about\">Biz haqimizda</a></nav></header>"
                + "<div class=\"cookie-banner\">We use cookies. <button>OK</button></div>"
                + "<main><article><h1>" + title + "</h1><p>" + body + "</p><p>Telefon: " + phone
                + ", soat 9 dan 18 gacha qo'ng'iroq qiling, hujjatlar bilan keling.</p></article>"
                + "<section class=\"similar-ads\"><h2>O'xshash e'lonlar</h2><ul><li><a href=\"/ad/9\">Sotuvchi kerak"
                + " — 3 500 000 so'm</a></li></ul></section>"
                + "<div class=\"share-bar\">Telegram: @ish_site_example</div>"
                + "</main><footer class=\"site-footer\">Qo'llab-quvvatlash: " + SITE_PHONE
                + ", support@ish-site.example</footer></body></html>";
    }

    @BeforeAll
    void collect(@TempDir Path tmp) throws IOException {
        Path site = tmp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("ad1.html"), page("Oshpaz kerak", "Toshkentdagi restoranga tajribali oshpaz"
                + " kerak, maosh har oy o'z vaqtida, yotoqxona beriladi.", "+998 90 111 22 33"), StandardCharsets.UTF_8);
        Files.writeString(site.resolve("ad2.html"), page("Haydovchi kerak", "Yuk mashinasi uchun haydovchi kerak,"
                + " C toifali guvohnoma, ish Samarqand viloyatida.", "+998 93 444 55 66"), StandardCharsets.UTF_8);
        Files.writeString(site.resolve("ad3.html"), page("Sotuvchi kerak", "Kiyim do'koniga sotuvchi qiz kerak,"
                + " ish vaqti 10 dan 20 gacha, tushlik bepul.", "+998 97 777 88 99"), StandardCharsets.UTF_8);
        cli = new Cli(tmp.resolve("lab"));
        assertEquals(0, cli.init().code());
        Cli.Run run = cli.run("collect", "file", site.toString());
        assertEquals(0, run.code(), run::toString);
    }

    @Test
    void theSitesFooterPhoneOnEveryAdDoesNotJoinThemInLinks() {
        Cli.Run run = cli.run("--json", "links");
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.out().strip(), run::toString);
        Cli.Run full = cli.run("--json", "links", "--full-text");
        assertEquals(0, full.code(), full::toString);
        List<JsonNode> clusters = full.out().lines().map(Json::parse).toList();
        assertEquals(1, clusters.size(), full::toString);
        assertEquals(3, clusters.get(0).path("items").size(), full::toString);
    }

    @Test
    void showTextGivesTheMainTextFirstAndJsonCarriesBoth() {
        Cli.Run search = cli.run("--json", "search", "haydovchi");
        assertEquals(0, search.code(), search::toString);
        String id = Json.parse(search.out().lines().findFirst().orElseThrow()).path("id").asText();
        Cli.Run json = cli.run("--json", "show", id, "--text");
        assertEquals(0, json.code(), json::toString);
        JsonNode j = Json.parse(json.out().strip());
        String main = j.path("mainText").asText();
        assertTrue(main.contains("haydovchi kerak") && main.contains("+998 93 444 55 66"), main);
        assertFalse(main.contains(SITE_PHONE) || main.contains("cookies") || main.contains("Bosh sahifa"), main);
        assertTrue(j.path("text").asText().contains(SITE_PHONE), j::toString);
        assertTrue(j.path("charset").asText().startsWith("UTF-8"), j::toString);
        Cli.Run text = cli.run("show", id, "--text");
        assertTrue(text.out().indexOf("main text:") < text.out().indexOf("full text:"), text::toString);
    }

    @Test
    void theFullTextStaysSearchable() {
        Cli.Run run = cli.run("--json", "search", "\"" + SITE_PHONE + "\"");
        assertEquals(0, run.code(), run::toString);
        assertEquals(3, run.out().lines().count(), run::toString);
    }
}
