package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * A page whose messenger button is only an icon: its Telegram name is found in the link, said to be found there,
 * searchable; the CSS and JSON-LD {@code @} words of the page are no handles. The page is fictitious.
 */
class MarkupHandlesTest {
    private static final String PAGE = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Ish bor (fictitious)</title>
            <style>@import url("/site.css"); @media print { a { color: black } }</style>
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting"}</script>
            </head><body><p>Dubayda ish, oylik yuqori (fictitious). Twitter: @sample_gazette_demo</p>
            <a class="tg" href="https://t.me/sample_button_demo"><i class="icon-telegram"></i></a>
            <a href="https://t.me/share/url?url=https%3A%2F%2Fjobs.example%2F1">Ulashish</a>
            </body></html>
            """;

    @Test
    void aTelegramButtonIsFoundInItsLinkAndNothingElseIsAHandle(@TempDir Path tmp) throws IOException {
        Path page = tmp.resolve("ad.html");
        Files.writeString(page, PAGE);
        Cli cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        Cli.Run collect = cli.run("collect", "file", page.toString());
        assertEquals(0, collect.code(), collect::toString);

        JsonNode shown = Json.parse(cli.run("--json", "show", "1", "--text").out());
        List<String> handles = new ArrayList<>();
        for (JsonNode e : shown.path("entities")) {
            if (e.path("type").asText().equals("telegram")) {
                handles.add(e.path("value").asText() + " " + e.path("foundIn").asText());
            }
        }
        assertEquals(List.of("sample_button_demo link"), handles, shown::toString);
        Cli.Run text = cli.run("show", "1", "--text");
        assertTrue(text.out().contains("telegram sample_button_demo written https://t.me/sample_button_demo (in a link"),
                text::toString);

        Cli.Run search = cli.run("--json", "search", "telegram:sample_button_demo");
        assertEquals(0, search.code(), search::toString);
        assertTrue(search.out().contains("ad.html"), search::toString);
    }
}
