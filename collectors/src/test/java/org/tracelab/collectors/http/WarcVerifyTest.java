package org.tracelab.collectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.Hashing;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.custody.WarcSeal;
import org.tracelab.core.items.Item;
import org.tracelab.core.testing.Tamper;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.VerifyReport;

/** The WARC files a capture writes are sealed when closed, and verify reads them whole. Fictitious pages. */
class WarcVerifyTest {
    @TempDir
    Path tmp;

    private WireMockServer server;
    private Path caseDir;
    private Item first;
    private Item second;
    private Path warc;

    @BeforeEach
    void captureTwoPages() throws Exception {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        for (int i = 1; i <= 2; i++) {
            server.stubFor(get(urlEqualTo("/ad/" + i)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html").withBody("<p>Fictitious ad " + i + ": cooks wanted</p>")));
        }
        try (LabCase lab = new LabCase(tmp)) {
            CaptureSettings s = new CaptureSettings(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    CaptureSettings.MAX_REDIRECTS, CaptureSettings.DEFAULT_MAX_BYTES, Duration.ZERO, false,
                    HostAllowList.any());
            try (HttpCapture http = HttpCapture.open(lab.sink("page"), "page", s, Clock.systemUTC())) {
                first = lab.item(http.capture(Urls.target(url("/ad/1")), null).orElseThrow().item().id());
                second = lab.item(http.capture(Urls.target(url("/ad/2")), null).orElseThrow().item().id());
            }
            lab.finish();
            caseDir = lab.kase.dir();
        }
        warc = caseDir.resolve(first.meta().path("warc").path("file").asText());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private VerifyReport verify(boolean quick) {
        try (Case c = Case.openForReading(caseDir, Clock.systemUTC())) {
            return c.verify(quick, null);
        }
    }

    private static List<Problem.Kind> kinds(VerifyReport r) {
        return r.problems().stream().map(Problem::kind).toList();
    }

    private static boolean names(VerifyReport r, Problem.Kind kind, String subject) {
        return r.problems().stream().anyMatch(p -> p.kind() == kind && p.subject().startsWith(subject));
    }

    @Test
    void closedWarcFileIsSealedWithItsLengthAndHashAndTheCaseVerifies() throws Exception {
        CustodyEntry seal;
        try (Case c = Case.openForReading(caseDir, Clock.systemUTC())) {
            seal = c.lastCustodyEntry(WarcSeal.ACTION).orElseThrow();
        }
        JsonNode p = seal.params();
        assertEquals(caseDir.relativize(warc).toString(), p.path("file").asText());
        assertEquals(Files.size(warc), p.path("bytes").asLong());
        assertEquals(java.util.HexFormat.of().formatHex(Hashing.sha256().digest(Files.readAllBytes(warc))),
                p.path("sha256").asText());
        VerifyReport r = verify(false);
        assertTrue(r.holds(), () -> r.problems().toString());
        assertEquals(1, r.warcFiles());
        assertEquals(List.of(), r.gaps());
    }

    @Test
    void flippedBitInAResponseRecordIsNamedWithTheRecordAndItsItem() throws Exception {
        JsonNode w = second.meta().path("warc");
        long offset = w.path("offset").asLong();
        Tamper.flipByte(warc, offset + w.path("length").asLong() / 2);
        VerifyReport r = verify(false);
        String name = caseDir.relativize(warc).toString();
        assertTrue(names(r, Problem.Kind.WARC_CHANGED, name), r.problems()::toString);
        assertTrue(names(r, Problem.Kind.WARC_RECORD_DAMAGED, name + " at offset " + offset), r.problems()::toString);
        assertTrue(names(r, Problem.Kind.WARC_RECORD_MISPLACED, "item " + second.id()), r.problems()::toString);
    }

    @Test
    void recordAppendedAfterSealingIsNamedWithWhereItBegins() throws Exception {
        long sealed = Files.size(warc);
        JsonNode w = first.meta().path("warc");
        byte[] all = Files.readAllBytes(warc);
        int from = (int) w.path("offset").asLong();
        Files.write(warc, Arrays.copyOfRange(all, from, from + (int) w.path("length").asLong()),
                StandardOpenOption.APPEND);
        VerifyReport r = verify(false);
        assertEquals(List.of(Problem.Kind.WARC_CHANGED), kinds(r), r.problems()::toString);
        assertTrue(r.problems().get(0).found().endsWith("appended after offset " + sealed), r.problems()::toString);
    }

    @Test
    void recordsCutFromTheEndAreNamedWithTheItemsThatLostThem() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(warc.toFile(), "rw")) {
            f.setLength(second.meta().path("warc").path("requestOffset").asLong());
        }
        VerifyReport r = verify(false);
        assertTrue(names(r, Problem.Kind.WARC_CHANGED, "warc/"), r.problems()::toString);
        assertTrue(r.problems().get(0).found().contains("removed"), r.problems()::toString);
        assertTrue(names(r, Problem.Kind.WARC_RECORD_MISPLACED, "item " + second.id()), r.problems()::toString);
        assertTrue(!names(r, Problem.Kind.WARC_RECORD_MISPLACED, "item " + first.id()), r.problems()::toString);
    }

    @Test
    void itemPointedAtAnotherRecordIsNamedTwice() throws Exception {
        Tamper.sql(caseDir, "UPDATE items SET meta = json_set(meta, '$.warc.offset', "
                + first.meta().path("warc").path("offset").asLong() + ") WHERE id = " + second.id());
        VerifyReport r = verify(false);
        assertEquals(List.of(Problem.Kind.ITEM_ALTERED, Problem.Kind.WARC_RECORD_MISPLACED), kinds(r),
                r.problems()::toString);
    }

    @Test
    void deletedWarcFileIsNamed() throws Exception {
        Files.delete(warc);
        VerifyReport r = verify(false);
        assertTrue(names(r, Problem.Kind.WARC_MISSING, caseDir.relativize(warc).toString()), r.problems()::toString);
    }

    @Test
    void quickRunComparesLengthsOnlyAndSaysSo() throws Exception {
        Tamper.flipByte(warc, Files.size(warc) / 2);
        VerifyReport quick = verify(true);
        assertTrue(quick.holds(), () -> quick.problems().toString());
        assertTrue(quick.gaps().stream().anyMatch(g -> g.contains("--quick")), quick.gaps()::toString);
        Files.write(warc, new byte[] {0x1f}, StandardOpenOption.APPEND);
        assertEquals(List.of(Problem.Kind.WARC_CHANGED), kinds(verify(true)));
    }
}
