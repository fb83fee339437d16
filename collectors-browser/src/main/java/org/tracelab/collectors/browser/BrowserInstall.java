package org.tracelab.collectors.browser;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tracelab.core.TracelabException;

/**
 * What {@code collect browser} runs on, found on this machine: a Chromium, the Node.js that runs Playwright's
 * driver, and the driver's JavaScript that the build unpacked beside this plugin. A missing piece is one line
 * saying what to install (an I/O failure, exit 3), before anything is fetched.
 *
 * @param chromium  the Chromium executable
 * @param node      the Node.js executable
 * @param driverDir the folder holding the driver's {@code package/cli.js}
 */
record BrowserInstall(Path chromium, Path node, Path driverDir) {
    /** Names a Chromium executable (or a wrapper script) the examiner chose. */
    static final String CHROMIUM_ENV = "TRACELAB_CHROMIUM";
    /** Where the driver's JavaScript is, when not beside the plugin. */
    static final String DRIVER_PROPERTY = "tracelab.playwright.dir";

    /**
     * Debian's {@code /usr/bin/chromium} is a shell script that reads {@code /etc/chromium.d} and starts this
     * binary; started directly, nothing of the machine's desktop settings changes what the evidence shows.
     */
    private static final List<String> KNOWN_BINARIES = List.of("/usr/lib/chromium/chromium");
    private static final List<String> ON_PATH = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    private static final String INSTALL_CHROMIUM =
            "collect browser needs Chromium and found none; install it (Debian, Ubuntu: apt-get install chromium)"
                    + " or set " + CHROMIUM_ENV + " to its executable";
    private static final String INSTALL_NODE =
            "collect browser needs Node.js to run Playwright's driver and found none; install it (Debian, Ubuntu:"
                    + " apt-get install nodejs)";

    BrowserInstall {
        Objects.requireNonNull(chromium, "chromium");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(driverDir, "driverDir");
    }

    /** Finds the pieces on this machine, or says in one line which one is missing. */
    static BrowserInstall find(Map<String, String> env) {
        return find(env, KNOWN_BINARIES);
    }

    /** {@link #find(Map)}, looking first at {@code known} paths of a Chromium binary. */
    static BrowserInstall find(Map<String, String> env, List<String> known) {
        Path chromium = chromium(env, known).orElseThrow(() -> missing(INSTALL_CHROMIUM));
        Path node = onPath(env, List.of("node", "nodejs")).orElseThrow(() -> missing(INSTALL_NODE));
        return new BrowserInstall(chromium, node, findDriverDir());
    }

    private static Optional<Path> chromium(Map<String, String> env, List<String> known) {
        String chosen = env.get(CHROMIUM_ENV);
        if (chosen != null && !chosen.isBlank()) {
            Path p = Path.of(chosen);
            if (!Files.isExecutable(p)) {
                throw missing(CHROMIUM_ENV + "=" + chosen + " is not an executable file");
            }
            return Optional.of(p);
        }
        for (String binary : known) {
            Path p = Path.of(binary);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return onPath(env, ON_PATH);
    }

    private static Optional<Path> onPath(Map<String, String> env, List<String> names) {
        String path = env.getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(Pattern.quote(java.io.File.pathSeparator))) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The driver's folder: as the property says, else {@code playwright-driver} beside this plugin's jar (or, run
     * from the build, beside its classes folder), where the build unpacks it.
     */
    private static Path findDriverDir() {
        String chosen = System.getProperty(DRIVER_PROPERTY);
        Path dir;
        if (chosen != null && !chosen.isBlank()) {
            dir = Path.of(chosen);
        } else {
            CodeSource source = BrowserInstall.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                throw missing("collect browser cannot tell where its jar is; set -D" + DRIVER_PROPERTY);
            }
            try {
                dir = Path.of(source.getLocation().toURI()).getParent().resolve("playwright-driver");
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw missing("collect browser cannot tell where its jar is (" + e.getMessage() + "); set -D"
                        + DRIVER_PROPERTY);
            }
        }
        if (!Files.isRegularFile(dir.resolve("package").resolve("cli.js"))) {
            throw missing("collect browser: Playwright's driver is missing from " + dir
                    + "; rebuild Tracelab (./mvnw -B -DskipTests package)");
        }
        return dir;
    }

    private static TracelabException missing(String line) {
        return new TracelabException(TracelabException.Failure.IO, line);
    }
}
