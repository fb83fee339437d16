package org.tracelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;

/**
 * The training run the {@code ./tracelab} launcher records its ahead-of-time cache from (JDK 25 and newer,
 * {@code -XX:AOTCacheOutput}): the commands a trainee runs most, in one JVM, on a small fictitious case made in
 * {@code FOLDER}. The cache then holds the classes those commands load, already linked, with their profiles, so a
 * later {@code search} or {@code case info} starts without reading and verifying them out of the jar again. A cache
 * recorded from {@code --version} alone (as the first run after a build made it) held neither Lucene nor SQLite.
 * It also crawls a small site served on 127.0.0.1 in this JVM, so the capture path (HttpClient, WARC, robots.txt,
 * link extraction) is in the cache: without it a crawl's first seconds went to loading and linking those classes.
 *
 * <p>Four caches, each from a training of its own, because mapping a cache costs in proportion to the classes it
 * holds, every one of which is loaded at start: {@code all} (the whole list below, on a case it makes in
 * {@code FOLDER}), and, each run after it on the case it left, {@code quick} (the commands that read or tag one case:
 * case info, show, entities, tag; a cache a third the size), {@code search}, and {@code version} (version and help,
 * which open no case: a cache half the size of quick's, and --version in about half quick's CPU). The launcher picks
 * the cache by the command (docs/BENCHMARKS.md, "Start-up, session 11" and "session 12").
 *
 * <p>Not a command of the contract: {@code java -cp tracelab.jar org.tracelab.cli.StartupTraining [GROUP] FOLDER}.
 */
public final class StartupTraining {
    /** Fictitious texts in the three languages of the labs, with a phone and a handle for the entity finders. */
    private static final Map<String, String> TEXTS = Map.of(
            "ad-uz.txt", "Fictitious ad. Chet elda ish! Oyiga 3000$ maosh, tajriba shart emas. Tel: +998 90 000 00 00",
            "ad-ru.txt", "Вымышленное объявление. Работа за границей, жильё предоставляется. Пишите в Telegram @lab_fake",
            "ad-en.txt", "Fictitious ad. Work abroad, visa and tickets paid, no experience needed. Call +998 91 000 00 00",
            "page.html", "<html><head><title>Fictitious</title></head><body><p>Ish taklifi: oʻqituvchi kerak</p></body></html>");
    /** Ads beside {@link #TEXTS}: enough that the searched words' postings are packed in blocks, as in a real case. */
    private static final int MANY_ADS = 400;
    /** Pages of the training crawl's site: enough for the capture path's methods to gather profiles. */
    private static final int SITE_PAGES = 200;

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !List.of("all", "quick", "search", "version")
                .contains(args[0]))) {
            System.err.println("usage: java -cp tracelab.jar org.tracelab.cli.StartupTraining [all|quick|search|version]"
                    + " FOLDER (all: a new or empty FOLDER; quick, search, version: the FOLDER all trained in)");
            System.exit(ExitCode.BAD_INPUT);
        }
        Tracelab.setUpProcess();
        String group = args.length == 2 ? args[0] : "all";
        Path dir = Path.of(args[args.length - 1]);
        String c = dir.resolve("case").toString();
        List<List<String>> version = List.of(List.of("--version"), List.of("--help"));
        List<List<String>> quick = List.of(
                List.of("--case", c, "case", "info"),
                List.of("--case", c, "show", "1"),
                List.of("--case", c, "show", "1", "--text"),
                List.of("--json", "--case", c, "show", "1"),
                List.of("--case", c, "entities"),
                List.of("--case", c, "entities", "--type", "phone", "--min-items", "1"),
                List.of("--case", c, "tag", "1", "training"));
        List<List<String>> search = List.of(
                List.of("--case", c, "search", "ish", "--limit", "10"),
                List.of("--json", "--case", c, "search", "работа OR work", "--lang", "ru"),
                List.of("--case", c, "search", "ish", "--entity", "phone:+998900000000"),
                List.of("--case", c, "search", "taklif*", "--tag", "training"));
        int failed = switch (group) {
            case "quick" -> runAll(quick);
            case "search" -> runAll(search);
            case "version" -> runAll(version);
            default -> trainAll(dir, c, version, quick, search);
        };
        System.exit(failed == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED);
    }

    /** Makes the training case in {@code dir}, runs every command on it and crawls a site served here; failures. */
    private static int trainAll(Path dir, String c, List<List<String>> version, List<List<String>> quick,
                                List<List<String>> search) throws IOException {
        Path files = dir.resolve("files");
        Files.createDirectories(files);
        for (Map.Entry<String, String> t : TEXTS.entrySet()) {
            Files.writeString(files.resolve(t.getKey()), t.getValue(), StandardCharsets.UTF_8);
        }
        writeManyAds(files);
        Path site = dir.resolve("site");
        writeSite(site);
        int failed = runAll(List.of(
                List.of("case", "init", c, "--name", "start-up training (fictitious)", "--examiner", "tracelab",
                        "--purpose", "training run of the launcher's start-up cache, fictitious data"),
                List.of("-q", "--case", c, "collect", "file", files.toString())));
        failed += runAll(version);
        failed += runAll(quick);
        failed += runAll(search);
        try (LabServer server = LabServer.start(site, new LabServerOptions(0, 0, 0, 0, 1))) {
            failed += run(List.of("-q", "--case", c, "collect", "page", server.baseUri().toString(), "--depth", "3",
                    "--delay", "0"));
        }
        return failed;
    }

    private static int runAll(List<List<String>> commands) {
        int failed = 0;
        for (List<String> command : commands) {
            failed += run(command);
        }
        return failed;
    }

    /** Runs one command line; 1 when it failed (said on stderr), else 0. */
    private static int run(List<String> command) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(command.toArray(String[]::new), Map.of(), Clock.systemUTC(),
                OutputStream.nullOutputStream(), err, false);
        if (code == ExitCode.OK) {
            return 0;
        }
        System.err.println("tracelab start-up training: '" + String.join(" ", command) + "' exited " + code + ": "
                + err.toString(StandardCharsets.UTF_8).strip());
        return 1;
    }

    /**
     * {@link #MANY_ADS} short fictitious ads sharing the training searches' words. A term in fewer than 128 items is
     * stored by Lucene as a plain list, a commoner one in packed blocks, read by codec classes a real case's search
     * loads and a handful of ads never would: trained on four texts, a search of 10,000 ads read those classes out of
     * the jar again.
     */
    private static void writeManyAds(Path files) throws IOException {
        Path many = files.resolve("many");
        Files.createDirectories(many);
        for (int i = 0; i < MANY_ADS; i++) {
            Files.writeString(many.resolve("ad-" + i + ".txt"), "Fictitious ad " + i + ". Chet elda ish taklifi, oyiga "
                    + (1000 + 7 * i) + "$. Работа за границей " + i + ". Work abroad, job " + i + ". Tel +998 90 000 "
                    + String.format(java.util.Locale.ROOT, "%02d %02d", i / 100, i % 100), StandardCharsets.UTF_8);
        }
    }

    /** A fictitious site of {@link #SITE_PAGES} pages, page i linking to pages 10i+1 to 10i+10. */
    private static void writeSite(Path site) throws IOException {
        Files.createDirectories(site.resolve("p"));
        for (int i = 0; i < SITE_PAGES; i++) {
            StringBuilder html = new StringBuilder("<html><head><title>Fictitious ad " + i
                    + "</title></head><body><p>Ish taklifi / Работа / Job offer " + i + " (fictitious)</p>\n");
            for (int k = 10 * i + 1; k <= 10 * i + 10 && k < SITE_PAGES; k++) {
                html.append("<a href=\"/p/").append(k).append(".html\">ad ").append(k).append("</a>\n");
            }
            html.append("</body></html>\n");
            Path page = i == 0 ? site.resolve("index.html") : site.resolve("p").resolve(i + ".html");
            Files.writeString(page, html, StandardCharsets.UTF_8);
        }
    }
}
