package org.tracelab.samples.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;
import org.tracelab.samples.SiteStyle;

/** The script-rendered site: shells without ads, the ads in its JSON API, and the same ads and key as static. */
class SpaSiteTest {
    @Test
    void adPagesAreShellsAndTheApiHoldsTheAds(@TempDir Path tmp) throws IOException {
        Path spa = tmp.resolve("spa");
        Path plain = tmp.resolve("static");
        ScenarioGenerator.generate(ScenarioSpec.of(7, 45), SiteStyle.SPA, spa, n -> { });
        ScenarioGenerator.generate(ScenarioSpec.of(7, 45), SiteStyle.STATIC, plain, n -> { });

        JsonNode key = Json.MAPPER.readTree(spa.resolve("key.json").toFile());
        assertEquals("spa", key.path("scenario").path("site").asText());
        assertEquals(Json.MAPPER.readTree(plain.resolve("key.json").toFile()).path("ads"), key.path("ads"));

        JsonNode first = key.path("ads").get(0);
        String id = first.path("id").asText();
        String shell = Files.readString(spa.resolve("site").resolve(first.path("path").asText()));
        JsonNode api = Json.MAPPER.readTree(spa.resolve("site/api/ads/" + id + ".json").toFile());
        String title = api.path("title").asText();
        assertFalse(title.isBlank());
        assertFalse(shell.contains(title), shell);
        assertTrue(shell.contains("data-ad=\"" + id + "\"") && shell.contains("../app.js"), shell);
        // the static page of the same ad carries the same title: one scenario, two ways of serving it
        String html = Files.readString(plain.resolve("site").resolve(first.path("path").asText()));
        assertTrue(html.contains(title.replace("&", "&amp;")), html);

        JsonNode page = Json.MAPPER.readTree(spa.resolve("site/api/pages/1.json").toFile());
        assertEquals(20, page.path("ads").size());
        assertEquals(3, page.path("pages").asInt());
        assertTrue(Files.readString(spa.resolve("site/app.js"), StandardCharsets.UTF_8).contains("fetch("));
    }

    @Test
    void anUnknownSiteStyleIsBadInput() {
        TracelabException e = assertThrows(TracelabException.class, () -> SiteStyle.parse("flash"));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("--site flash"), e.getMessage());
    }
}
