package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code case.json} through SQLite's JSON functions: as strict as a JSON parser, the same manifest back. */
class ManifestFieldsTest {
    private static final String VALID = """
            {
              "name" : "Fictitious case",
              "examiner" : "a.karimova",
              "purpose" : "training exercise, fictitious data",
              "region" : "UZ",
              "created" : "2026-12-07T01:00:00Z",
              "toolVersion" : "0.1.0-SNAPSHOT",
              "formatVersion" : 1
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aWrittenManifestReadsBackEqual() throws Exception {
        CaseManifest m = CaseManifest.create("Fictitious \"case\" \\ one", "a.karimova", "training, Ташкент",
                "kz", Instant.parse("2026-12-07T01:00:00Z"));
        CaseFolder.writeManifest(tmp, m);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertEquals(m, CaseFolder.readManifest(tmp, db));
        }
    }

    @Test
    void theFieldsOfAnObjectComeWithTheirTypesAndTheLastOfARepeatedName() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            var fields = ManifestFields.parse("{\"a\": \"x\", \"b\": 2, \"c\": null, \"a\": \"y\", \"d\": [1]}", db);
            assertEquals(new ManifestFields.Field("text", "y"), fields.get("a"));
            assertEquals("integer", fields.get("b").type());
            assertEquals(2L, ((Number) fields.get("b").atom()).longValue());
            assertEquals("null", fields.get("c").type());
            assertEquals("array", fields.get("d").type());
        }
    }

    @Test
    void whatIsNotStrictJsonOrNotAnObjectIsRefused() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String bad : new String[] {"{ not json", "", "{\"name\": \"x\",}", "{name: \"x\"}",
                "{\"name\": \"x\" /* a comment */}", "{\"n\": 0x10}", "{\"n\": 'x'}"}) {
                var e = assertThrows(IllegalArgumentException.class, () -> ManifestFields.parse(bad, db), bad);
                assertEquals("malformed JSON", e.getMessage(), bad);
            }
            var e = assertThrows(IllegalArgumentException.class, () -> ManifestFields.parse("[1, 2]", db));
            assertEquals("not a JSON object", e.getMessage());
        }
    }

    @Test
    void aManifestWithAWrongFieldNamesIt() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertRefused(db, VALID.replace("\"region\" : \"UZ\"", "\"region\" : 7"), "region must be text");
            assertRefused(db, VALID.replace("\"formatVersion\" : 1", "\"formatVersion\" : 1.5"),
                    "formatVersion must be a whole number");
            assertRefused(db, VALID.replace("\"formatVersion\" : 1", "\"formatVersion\" : 4294967297"),
                    "formatVersion must be a whole number");
            assertRefused(db, VALID.replace("\"formatVersion\" : 1", "\"formatVersion\" : \"1\""),
                    "formatVersion must be a whole number");
            assertRefused(db, VALID.replace("{", "{ \"extra\" : true,"), "unknown field 'extra'");
            assertRefused(db, VALID.replace("\"examiner\" : \"a.karimova\",", ""), "examiner must not be empty");
        }
    }

    private void assertRefused(Connection db, String text, String why) throws Exception {
        Files.writeString(tmp.resolve(CaseFolder.MANIFEST), text);
        var e = assertThrows(TracelabException.class, () -> CaseFolder.readManifest(tmp, db));
        assertTrue(e.getMessage().contains("not a valid case manifest: " + why), e.getMessage());
    }
}
