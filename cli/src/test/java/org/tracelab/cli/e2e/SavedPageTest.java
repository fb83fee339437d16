package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * A page saved as MHTML (Chrome's layout, quoted-printable and base64 parts; fictitious, see mhtml/README.md) is read
 * as its page: main text, charset and the identifiers of its markup as for any page, its other parts as members.
 */
class SavedPageTest {
    @TempDir
    Path tmp;
    Cli cli;
    Path saved;

    @BeforeEach
    void collectTheSavedPage() throws IOException {
        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        saved = tmp.resolve("saved-ad.mhtml");
        try (InputStream in = SavedPageTest.class.getResourceAsStream("mhtml/saved-ad.mhtml")) {
            Files.copy(in, saved);
        }
        Cli.Run r = cli.run("collect", "file", saved.toString());
        assertEquals(0, r.code(), r::toString);
    }


    @Test
    void thePageIsReadAsAPageNotAsItsMimeSource() {
        JsonNode text = Json.parse(cli.run("--json", "show", "1", "--text").out());
        assertEquals("multipart/related", text.path("contentType").asText(), text::toString);
        assertEquals("Vakansiya: ofitsiant Dubayda — Ish e'lonlari (fictitious)", text.path("title").asText());
        String main = text.path("mainText").asText();
        assertTrue(main.contains("Требуются официанты в отель"), main);
        assertTrue(main.contains("Tajriba shart emas, viza va chipta bepul."), main);
        assertFalse(main.contains("Bosh sahifa"), "the site's menu is not main text: " + main);
        String full = text.path("text").asText();
        assertFalse(full.contains("=D0") || full.contains("quoted-printable") || full.contains("MultipartBoundary"),
                full);
        assertTrue(text.path("charset").asText().startsWith("UTF-8"), text::toString);
    }

    @Test
    void itsWordsAreFoundInEitherScriptAndJoinedToDigits() {
        assertTrue(cli.sources("официанты").contains(saved.toString()));
        assertTrue(cli.sources("\"viza va chipta bepul\"").contains(saved.toString()));
        assertTrue(cli.sources("dubai").contains(saved.toString()));
    }

    @Test
    void theIdentifiersOfItsMarkupAreFoundAsForAnyPage() {
        JsonNode text = Json.parse(cli.run("--json", "show", "1", "--text").out());
        List<String> links = new ArrayList<>();
        for (JsonNode e : text.path("entities")) {
            if (e.path("foundIn").asText().equals("link")) {
                links.add(e.path("type").asText() + ":" + e.path("value").asText());
            }
        }
        assertTrue(links.stream().anyMatch(l -> l.startsWith("telegram:") && l.contains("fictitious_dubai_jobs")),
                links::toString);
        assertTrue(links.contains("phone:+998901112233"), links::toString);
    }

    @Test
    void itsOtherPartsAreMembers() {
        Cli.Run r = cli.run("--json", "search", "*:*", "--limit", "10");
        List<String> all = new ArrayList<>();
        r.out().lines().filter(l -> !l.isBlank()).forEach(l -> all.add(Json.parse(l).path("source").asText()));
        assertTrue(all.contains(saved + "!/https://jobs.example.invalid/static/site.css"), all::toString);
        JsonNode show = Json.parse(cli.run("--json", "show", "1").out());
        assertEquals(0, show.path("extractionProblems").size(), show::toString);
        boolean png = false;
        for (int id = 2; id <= 3; id++) {
            JsonNode member = Json.parse(cli.run("--json", "show", Integer.toString(id)).out());
            assertEquals(1, member.path("parent").asInt(), member::toString);
            png |= member.path("contentType").asText().equals("image/png")
                    && member.path("source").asText().endsWith("!/https://jobs.example.invalid/static/logo.png");
        }
        assertTrue(png, "the base64 image is a member of its own");
        assertEquals(0, cli.run("verify").code());
    }
}
