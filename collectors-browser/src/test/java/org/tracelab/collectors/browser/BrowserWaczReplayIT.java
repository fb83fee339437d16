package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;
import org.tracelab.samples.SiteStyle;

/**
 * A script-rendered ad collected with {@code collect browser}, exported as WACZ and replayed in Webrecorder's
 * ReplayWeb.page ({@code scripts/wacz-replay/check.js}, as the CLI's WaczReplayIT does for a static page): the
 * shell, its script and the JSON its script fetched all come from the WACZ, and the ad's text shows. The scenario is
 * fictitious. The page's screenshot and rendered DOM are in the package too, as resource records.
 */
class BrowserWaczReplayIT {
    @TempDir
    Path tmp;

    @Test
    void aRenderedAdReplaysWithItsTextInReplayWebPage() throws Exception {
        Path repo = Path.of(System.getProperty("tracelab.jar")).toAbsolutePath().getParent().getParent().getParent();
        Path script = repo.resolve("scripts/wacz-replay/check.js");
        Path node = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "node")).filter(Files::isExecutable).findFirst().orElse(null);
        if (node == null) {
            fail("this test needs node and npm on the PATH (scripts/system-packages installs Debian's)");
        }
        Path installLog = tmp.resolve("install.log");
        Process install = new ProcessBuilder(script.resolveSibling("install").toString())
                .redirectErrorStream(true).redirectOutput(installLog.toFile()).start();
        install.getOutputStream().close(); // see WaczReplayIT: npm must not get this JVM's stdin
        assertEquals(0, install.waitFor(), () -> "scripts/wacz-replay/install failed");

        Path scenario = tmp.resolve("scenario");
        ScenarioGenerator.generate(ScenarioSpec.of(2, 3), SiteStyle.SPA, scenario, n -> { });
        var ad = Json.MAPPER.readTree(scenario.resolve("key.json").toFile()).path("ads").get(0);
        String title = Json.MAPPER.readTree(scenario.resolve("site/api/ads/" + ad.path("id").asText() + ".json")
                .toFile()).path("title").asText();
        Path caseDir = tmp.resolve("case");
        assertEquals(0, BrowserCollectCommandTest.tracelab("case", "init", caseDir.toString(), "--name",
                "Replay (fictitious)", "--examiner", "Cadet A", "--purpose", "WACZ replay test").code());
        String page;
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            page = server.baseUri().resolve(ad.path("path").asText()).toString();
            var run = BrowserCollectCommandTest.tracelab("--case", caseDir.toString(), "collect", "browser", page,
                    "--delay", "0");
            assertEquals(0, run.code(), run::toString);
        }
        // The server is gone: what shows next can only come from the WACZ.
        Path wacz = tmp.resolve("lab.wacz");
        var export = BrowserCollectCommandTest.tracelab("--case", caseDir.toString(), "export", "wacz", "--out",
                wacz.toString());
        assertEquals(0, export.code(), export::toString);
        // The screenshot and the rendered DOM are in the WARC as resource records, indexed where replay tools look
        // for them (urn:view: is where ReplayWeb.page and Browsertrix show a page's screenshot), and verify holds.
        String index;
        try (var zip = new java.util.zip.ZipFile(wacz.toFile())) {
            index = new String(zip.getInputStream(zip.getEntry("indexes/index.cdx")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        String pageUrl = page;
        assertTrue(index.lines().anyMatch(l -> l.contains("\"url\":\"urn:view:" + pageUrl + "\"")
                && l.contains("\"mime\":\"image/png\"")), index);
        assertTrue(index.lines().anyMatch(l -> l.contains("\"url\":\"urn:dom:" + pageUrl + "\"")
                && l.contains("\"mime\":\"text/html\"")), index);
        var verify = BrowserCollectCommandTest.tracelab("--case", caseDir.toString(), "verify");
        assertEquals(0, verify.code(), verify::toString);

        Path shot = Path.of("target/rendered-ad-in-replaywebpage.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        Path log = tmp.resolve("check.log");
        Process p = new ProcessBuilder(node.toString(), script.toString(), wacz.toString(), page, title,
                shot.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("the replay check did not finish in 180 s: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("replayed " + page), out);
    }
}
