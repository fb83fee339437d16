package org.tracelab.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny fictitious lab site whose pages try every way to run script in whatever shows them later; its two ads share a
 * fictitious phone written with markup around it, so they form a link cluster, and one names an indicator.
 */
final class HostileSite {
    static final String SCRIPT = "<script>document.title='PWNED';document.body.innerHTML='PWNED'</script>";

    private HostileSite() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("index.html"), "<html><head><title>" + SCRIPT + "Jobs abroad (fictitious)"
                + "</title></head><body><h1>Fictitious ads</h1>"
                + "<a href=\"ad-1.html\">Ad 1</a> <a href=\"ad-2.html?x=<script>alert(1)</script>\">Ad 2</a>"
                + "<a href=\"javascript:document.title='PWNED'\">js</a></body></html>", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ad-1.html"), "<html><body onload=\"document.title='PWNED'\">" + SCRIPT
                + "<img src=x onerror=\"document.title='PWNED'\">Work abroad, 3000$ (fictitious). Call "
                + "<b>+998 90 000 00 00</b>, Telegram @fict_<script>alert(1)</script>recruiter</body></html>",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ad-2.html"), "<html><body><svg onload=\"document.title='PWNED'\"></svg>"
                + "Visa free (fictitious). On arrival the passport is kept by the employer for safety. Call "
                + "<i onmouseover=\"document.title='PWNED'\">+998 (90) 000-00-00</i></body></html>",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("docs/<img src=x onerror=document.title='PWNED'>.html"), SCRIPT,
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("docs/=HYPERLINK(\"x\").txt"), "fictitious", StandardCharsets.UTF_8);
        return dir;
    }
}
