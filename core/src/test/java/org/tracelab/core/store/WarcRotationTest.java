package org.tracelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.tracelab.core.Hashing;
import org.tracelab.core.collect.Header;
import org.tracelab.core.collect.HttpExchange;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.custody.WarcSeal;

/**
 * A WARC file closed by rotation is sealed like one closed at the end of a run: every file the archive wrote is
 * sealed exactly once, with the length and SHA-256 its bytes have on disk, and each record is where its location
 * says. The exchanges are fictitious.
 */
class WarcRotationTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path caseDir;

    @Test
    void everyRotatedFileIsSealedOnceWithTheBytesItHas() throws IOException {
        BlobStore blobs = new BlobStore(caseDir.resolve("blobs"));
        blobs.create();
        List<WarcSeal> seals = new ArrayList<>();
        List<WarcLocation> written = new ArrayList<>();
        // A rotation size of one byte: every exchange starts a new file, so four exchanges make four files.
        try (WarcArchive archive = new WarcArchive(caseDir, Clock.fixed(AT, ZoneOffset.UTC), 1, blobs, seals::add)) {
            for (int i = 0; i < 4; i++) {
                StoredBlob page = blobs.put(new ByteArrayInputStream(("<html>fictitious ad " + i + "</html>")
                        .getBytes(StandardCharsets.UTF_8)));
                HttpFacts http = new HttpFacts("GET", 200, "HTTP/1.1",
                        List.of(new Header("Content-Type", "text/html")), List.of(new Header("Host", "lab.example")),
                        null, null);
                written.add(archive.write(new HttpExchange(URI.create("http://lab.example/ad/" + i), AT, http,
                        page)));
                archive.sync();
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(caseDir.resolve("warc"))) {
            files = list.sorted().toList();
        }
        assertEquals(4, files.size(), "one file per exchange at a one-byte rotation");
        assertEquals(4, seals.size(), "three sealed by rotation, the last by close");
        assertEquals(files.stream().map(f -> "warc/" + f.getFileName()).toList(),
                seals.stream().map(WarcSeal::file).sorted().toList());
        for (WarcSeal seal : seals) {
            byte[] bytes = Files.readAllBytes(caseDir.resolve(seal.file()));
            assertEquals(bytes.length, seal.bytes(), seal.file());
            assertEquals(HexFormat.of().formatHex(Hashing.sha256().digest(bytes)), seal.sha256(), seal.file());
        }
        for (int i = 0; i < written.size(); i++) {
            WarcLocation at = written.get(i);
            try (WarcReader reader = new WarcReader(caseDir.resolve(at.file()))) {
                reader.position(at.offset());
                WarcRecord first = reader.next().orElseThrow();
                assertEquals("response", first.type(), "a location points at the response record: " + at.file());
                assertEquals(URI.create("http://lab.example/ad/" + i).toString(),
                        first.headers().first("WARC-Target-URI").orElseThrow());
            }
        }
    }

}
