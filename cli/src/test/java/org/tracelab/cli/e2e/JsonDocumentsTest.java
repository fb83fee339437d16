package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * A messenger's export and an API's answer collected as files: searched by the words their escapes spell, their
 * handles found by the field that names them, their passages free of JSON's quotes and braces. Every name, number
 * and handle is made up.
 */
class JsonDocumentsTest {
    /**
     * The shape of a messenger's chat export; written with its Cyrillic as escapes ({@link #escaped}), as
     * many exporters write it.
     */
    private static final String EXPORT = """
            {"name":"Работа за границей (fictitious)",
             "type":"public_channel","id":100017,
             "messages":[
              {"id":1,"type":"message","date":"2025-06-02T08:45:00","from":"Vakansiya demo",
               "text":"Требуются официантки в Дубай, жильё бесплатно. Опыт работы не нужен, всему научим на месте. \
            Билеты оплачивает работодатель, паспорт оформим сами."},
              {"id":2,"type":"message","date":"2025-06-02T09:10:00","from":"Vakansiya demo",
               "text":["Пишите: ",{"type":"phone","text":"+998 90 000 00 41"}],
               "contacts":{"telegram":"vakansiya_demo_41","whatsapp":"+998 90 000 00 42"}}
             ]}
            """;

    @TempDir
    Path tmp;

    @Test
    void aJsonExportIsSearchedByItsWordsAndItsFieldsLabelItsHandles() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("result.json"), escaped(EXPORT), StandardCharsets.UTF_8);
        Cli cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        Cli.Run c = cli.run("collect", "file", in.toString());
        assertEquals(0, c.code(), c::toString);

        assertEquals(List.of("result.json"), cli.sources("официантки").stream()
                .map(s -> s.substring(s.lastIndexOf('/') + 1)).toList(), "a word written only as escapes");
        JsonNode text = Json.parse(cli.run("--json", "show", "1", "--text").out());
        assertEquals("ru", text.path("language").asText(), text::toString);
        assertTrue(text.path("contentType").asText().startsWith("application/json"), text::toString);
        assertEquals("Работа за границей (fictitious)", text.path("title").asText(), text::toString);
        assertTrue(text.path("text").asText().contains("text: Требуются официантки в Дубай, жильё бесплатно. "
                + "Опыт работы не нужен, всему научим на месте. Билеты оплачивает работодатель, паспорт оформим "
                + "сами.\n"),
                text::toString);

        Cli.Run telegram = cli.run("entities", "--type", "telegram");
        assertTrue(telegram.out().contains("vakansiya_demo_41"), "labelled by its field's name\n" + telegram);
        Cli.Run phones = cli.run("entities", "--type", "phone");
        assertTrue(phones.out().contains("+998900000041") && phones.out().contains("+998900000042"), phones::toString);

        Cli.Run search = cli.run("search", "Дубай");
        assertEquals(0, search.code(), search::toString);
        assertTrue(search.out().contains("Дубай"), search::toString);
        assertFalse(search.out().contains("\\u") || search.out().contains("{\"") || search.out().contains("\":"),
                "passages come from the values, not the JSON\n" + search);
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
    }

    /** The same JSON with every character outside ASCII written as an escape, by Jackson's writer. */
    private static String escaped(String json) throws IOException {
        return Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(Json.parse(json));
    }
}
