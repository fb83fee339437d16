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

/**
 * The training run the {@code ./tracelab} launcher records its ahead-of-time cache from (JDK 25 and newer,
 * {@code -XX:AOTCacheOutput}): the commands a trainee runs most, in one JVM, on a small fictitious case made in
 * {@code FOLDER}. The cache then holds the classes those commands load, already linked, with their profiles, so a
 * later {@code search} or {@code case info} starts without reading and verifying them out of the jar again. A cache
 * recorded from {@code --version} alone (as the first run after a build made it) held neither Lucene nor SQLite.
 *
 * <p>Not a command of the contract: {@code java -cp tracelab.jar org.tracelab.cli.StartupTraining FOLDER}.
 */
public final class StartupTraining {
    /** Fictitious texts in the three languages of the labs, with a phone and a handle for the entity finders. */
    private static final Map<String, String> TEXTS = Map.of(
            "ad-uz.txt", "Fictitious ad. Chet elda ish! Oyiga 3000$ maosh, tajriba shart emas. Tel: +998 90 000 00 00",
            "ad-ru.txt", "Вымышленное объявление. Работа за границей, жильё предоставляется. Пишите в Telegram @lab_fake",
            "ad-en.txt", "Fictitious ad. Work abroad, visa and tickets paid, no experience needed. Call +998 91 000 00 00",
            "page.html", "<html><head><title>Fictitious</title></head><body><p>Ish taklifi: oʻqituvchi kerak</p></body></html>");

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp tracelab.jar org.tracelab.cli.StartupTraining FOLDER (new or empty)");
            System.exit(ExitCode.BAD_INPUT);
        }
        Path dir = Path.of(args[0]);
        Path files = dir.resolve("files");
        Files.createDirectories(files);
        for (Map.Entry<String, String> t : TEXTS.entrySet()) {
            Files.writeString(files.resolve(t.getKey()), t.getValue(), StandardCharsets.UTF_8);
        }
        String c = dir.resolve("case").toString();
        List<List<String>> commands = List.of(
                List.of("--version"),
                List.of("case", "init", c, "--name", "start-up training (fictitious)", "--examiner", "tracelab",
                        "--purpose", "training run of the launcher's start-up cache, fictitious data"),
                List.of("-q", "--case", c, "collect", "file", files.toString()),
                List.of("--case", c, "case", "info"),
                List.of("--case", c, "search", "ish", "--limit", "10"),
                List.of("--json", "--case", c, "search", "работа OR work", "--lang", "ru"),
                List.of("--case", c, "search", "ish", "--entity", "phone:+998900000000"),
                List.of("--case", c, "show", "1"),
                List.of("--case", c, "show", "1", "--text"),
                List.of("--case", c, "entities"),
                List.of("--case", c, "tag", "1", "training"),
                List.of("--case", c, "search", "taklif*", "--tag", "training"));
        int failed = 0;
        for (List<String> command : commands) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Tracelab.run(command.toArray(String[]::new), Map.of(), Clock.systemUTC(),
                    OutputStream.nullOutputStream(), err, false);
            if (code != ExitCode.OK) {
                System.err.println("tracelab start-up training: '" + String.join(" ", command) + "' exited " + code
                        + ": " + err.toString(StandardCharsets.UTF_8).strip());
                failed++;
            }
        }
        System.exit(failed == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED);
    }
}
