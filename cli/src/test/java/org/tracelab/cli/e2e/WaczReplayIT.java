package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;

/**
 * A WACZ export replayed in Webrecorder's ReplayWeb.page, in headless Debian chromium, by
 * {@code scripts/wacz-replay/check.js}: the captured page, Cyrillic text included, must show in the replay frame; so
 * must a page from a WARC file another tool wrote, imported with {@code collect warc}.
 * Needs node and npm; it runs {@code scripts/wacz-replay/install} (idempotent) itself; a screenshot is kept in target/.
 */
class WaczReplayIT {
    /** Text only the captured page holds; fictitious. */
    private static final String MARK = "Вымышленная вакансия 4711: официант (fictitious replay check)";
    /** Text only the page in the imported WARC holds; fictitious. */
    private static final String IMPORTED_MARK = "Вымышленная вакансия 4712 из чужого WARC (fictitious replay check)";

    @TempDir
    Path tmp;

    @Test
    void capturedPageReplaysInReplayWebPage() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Fictitious jobs</title></head><body><h1>Fictitious jobs</h1><p>" + MARK + "</p>"
                + "<a href=\"ad-1.html\">ad</a></body></html>", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("ad-1.html"), "<!DOCTYPE html><html><body>Fictitious ad.</body></html>",
                StandardCharsets.UTF_8);
        Cli cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        String page;
        try (LabServer server = LabServer.start(site, LabServerOptions.defaults())) {
            page = server.baseUri().resolve("index.html").toString();
            Cli.Run crawl = cli.run("collect", "page", page, "--depth", "1", "--delay", "0");
            assertEquals(0, crawl.code(), crawl::toString);
        }
        // The server is gone: what shows next can only come from the WACZ.
        assertReplays(cli, page, MARK, "wacz-in-replaywebpage.png");
    }

    @Test
    void aPageFromAnImportedWarcReplaysInReplayWebPage() throws Exception {
        String page = "http://jobs.example.invalid/ad/4712";
        byte[] html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>" + IMPORTED_MARK
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        Path warc = tmp.resolve("other-tool.warc.gz");
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
            w.write(new WarcResponse.Builder(URI.create(page)).body(new HttpResponse.Builder(200, "OK")
                    .body(MediaType.parse("text/html; charset=utf-8"), html).build()).build());
        }
        Cli cli = new Cli(tmp.resolve("imported-case"));
        assertEquals(0, cli.init().code());
        Cli.Run imported = cli.run("collect", "warc", warc.toString());
        assertEquals(0, imported.code(), imported::toString);
        assertReplays(cli, page, IMPORTED_MARK, "imported-wacz-in-replaywebpage.png");
    }

    /** Exports the case's WACZ and has ReplayWeb.page show {@code page} from it, with {@code mark} in its text. */
    private void assertReplays(Cli cli, String page, String mark, String shotName) throws Exception {
        Path target = Path.of(System.getProperty("tracelab.jar", "target/tracelab.jar")).toAbsolutePath().getParent();
        Path script = target.getParent().getParent().resolve("scripts/wacz-replay/check.js");
        Path node = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "node")).filter(Files::isExecutable).findFirst().orElse(null);
        if (node == null) {
            fail("this test needs node and npm on the PATH (.ci/run installs Debian's when missing)");
        }
        // The install script is idempotent and pins its versions, so the README's test command sets itself up.
        // Its output goes to a file and its input is closed, never this JVM's own: npm puts an inherited stdin in
        // non-blocking mode, and the test runner, which reads its commands from that stdin, then failed the run
        // ("std/in stream corrupted") though every test had passed.
        Path installLog = tmp.resolve("install.log");
        Process install = new ProcessBuilder(script.resolveSibling("install").toString())
                .redirectErrorStream(true).redirectOutput(installLog.toFile()).start();
        install.getOutputStream().close();
        assertEquals(0, install.waitFor(), () -> "scripts/wacz-replay/install failed: " + read(installLog));

        Path wacz = tmp.resolve(shotName + ".wacz");
        Cli.Run export = cli.run("export", "wacz", "--out", wacz.toString());
        assertEquals(0, export.code(), export::toString);

        Path shot = target.resolve(shotName);
        Files.deleteIfExists(shot);
        Path log = tmp.resolve(shotName + ".log");
        Process p = new ProcessBuilder(node.toString(), script.toString(), wacz.toString(), page, mark,
                shot.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("the replay check did not finish in 240 s: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("replayed " + page), out);
        assertTrue(Files.size(shot) > 0, "screenshot at " + shot);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
