package org.tracelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tracelab.core.Case;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.Exports;
import org.tracelab.samples.classroom.Handin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tracelab lab submit}: hand in the case's signed bag and findings to a class. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Hand in to a class ('lab class'): a signed bag of the case (made now with 'export bag', or the"
                + " one given with --bag) and the case's findings (its last scan and its links, or --findings). "
                + "A second hand-in is a new version; the latest counts and all are kept.")
final class LabSubmitCommand extends BaseCommand {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "The class's address.")
    URI server;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "Your join code.")
    String code;

    @Option(names = "--bag", paramLabel = "DIR", description = "Hand in this bag instead of making one now.")
    Path bag;

    @Option(names = "--findings", paramLabel = "FILE", description = "Hand in these findings (JSON or JSON Lines, as "
            + "'lab grade' reads them) instead of the case's last scan and links.")
    Path findings;

    @Override
    public Integer call() throws IOException {
        Output out = out();
        Path work = Files.createTempDirectory("tracelab-handin-");
        try {
            Path bagDir = bag;
            Path findingsFile = findings;
            if (findingsFile != null && !Files.isRegularFile(findingsFile)) {
                throw TracelabException.badInput(findingsFile.toString(), "no such file");
            }
            if (bagDir == null || findingsFile == null) {
                try (Case c = bagDir == null ? openForWriting() : openForReading()) {
                    if (findingsFile == null) {
                        findingsFile = work.resolve("findings.jsonl");
                        Handin.writeFindings(c, findingsFile);
                    }
                    if (bagDir == null) {
                        bagDir = work.resolve("bag");
                        out.info("making a signed bag of the case (export bag)");
                        Exports.bag(c, bagDir, null, null, Progress.NONE);
                    }
                }
            }
            Path zip = work.resolve("handin.zip");
            Handin.pack(bagDir, findingsFile, zip);
            out.info("handing in " + Sizes.human(Files.size(zip)) + " to " + server);
            Handin.Answer a = Handin.send(server, code, zip);
            if (a.status() != 201) {
                String reason = a.body().strip();
                out.warn("tracelab: the class refused the hand-in (HTTP " + a.status() + "): " + reason);
                if (out.json()) {
                    out.json(java.util.Map.of("accepted", false, "status", a.status(), "reason", reason));
                }
                return a.status() >= 500 ? ExitCode.IO : ExitCode.BAD_INPUT;
            }
            JsonNode j = Json.parse(a.body());
            if (out.json()) {
                out.json(j);
            } else {
                out.line("handed in version " + j.path("version").asInt() + " (sha256 " + j.path("sha256").asText()
                        + ")");
                out.line(String.format(java.util.Locale.ROOT, "flagged ads F1 %.2f, clusters F1 %.2f",
                        j.path("flagged").path("f1").asDouble(), j.path("clusters").path("f1").asDouble()));
                j.path("checks").properties().forEach(e -> {
                    for (JsonNode f : e.getValue().path("failures")) {
                        out.line("  " + e.getKey() + ": " + f.path("en").asText());
                    }
                });
                out.line(j.path("evidenceHolds").asBoolean() ? "evidence: every check passed"
                        : "evidence: some checks failed (above)");
                out.line("your page: " + server.resolve(j.path("page").asText()));
            }
            return ExitCode.OK;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
