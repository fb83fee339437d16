package org.tracelab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tracelab.core.TracelabException;
import org.tracelab.samples.BundledScenarios;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.classroom.ClassOptions;
import org.tracelab.samples.classroom.ClassServer;
import org.tracelab.samples.classroom.SimulatedFindings;
import org.tracelab.samples.classroom.Trainee;

/**
 * {@code tracelab demo --class N}: a class on the bundled small scenario with N simulated trainees (fictitious), of
 * four kinds in turn: one who found everything, one who missed the clusters tied by a messenger handle, one whose bag
 * was edited after it was signed, and one who also collected from a site outside the lab. Each trainee's steps are
 * real tracelab command lines, printed as run; the instructor's page stays up until Ctrl-C.
 */
final class ClassDemo {
    private static final List<String> KINDS = List.of("found everything", "missed the messenger clusters",
            "edited the bag after signing", "collected outside the lab");

    private final DemoCommand demo;
    private final Path work;

    ClassDemo(DemoCommand demo, Path work) {
        this.demo = demo;
        this.work = work;
    }

    int run(int trainees) throws IOException, InterruptedException {
        if (trainees < 1 || trainees > 200) {
            throw TracelabException.badInput("--class " + trainees, "must be 1 to 200 trainees");
        }
        Output out = demo.out();
        Path scenario = work.resolve("scenario");
        BundledScenarios.Bundled small = BundledScenarios.ALL.get(0);
        out.info("class demo: generating the '" + small.name() + "' scenario (fictitious) in " + scenario);
        ScenarioGenerator.generate(small.spec(), scenario);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= trainees; i++) {
            names.add("Trainee " + i + " (fictitious, " + KINDS.get((i - 1) % KINDS.size()) + ")");
        }
        ClassServer cls = ClassServer.start(scenario, work.resolve("class"), new ClassOptions(0,
                InetAddress.getLoopbackAddress(), names, "Demo instructor (fictitious)",
                ClassOptions.DEFAULT_MAX_BYTES, 10), demo.clock());
        try (LabServer elsewhere = LabServer.start(scenario, LabServerOptions.defaults())) {
            URI base = cls.baseUri();
            out.info("class demo: the class is served at " + base + "; codes in " + work.resolve("class/codes.csv"));
            for (Trainee t : cls.room().trainees()) {
                simulate(t, (t.index() - 1) % KINDS.size(), base, elsewhere.baseUri(), scenario);
            }
        }
        out.line("");
        out.line("class demo: " + trainees + " trainees handed in; the class case is " + work.resolve("class/case"));
        out.line("instructor: " + cls.instructorUri());
        Serving.untilStopped(cls::close, null, demo.root().cancellation(), out);
        return ExitCode.OK;
    }

    private void simulate(Trainee t, int kind, URI lab, URI outside, Path scenario) throws IOException {
        Path caseDir = work.resolve("trainee-" + t.index());
        String host = lab.getHost() + ":" + lab.getPort();
        demo.out().info("\nclass demo: " + t.name());
        List<List<String>> steps = new ArrayList<>();
        steps.add(List.of("case", "init", caseDir.toString(), "--name", "Class lab (fictitious)", "--examiner",
                t.name(), "--purpose", "Class exercise on the fictitious small scenario"));
        // A few ads are enough to show the checks; a trainee of a real class collects the whole site.
        steps.add(List.of("--case", caseDir.toString(), "collect", "page", lab.resolve("ads/ad000001.html").toString(),
                lab.resolve("ads/ad000002.html").toString(), lab.resolve("ads/ad000003.html").toString(), "--delay",
                "0", "--allow-host", host));
        if (kind == 3) {
            steps.add(List.of("--case", caseDir.toString(), "collect", "page", outside.resolve("ads/ad000004.html")
                    .toString(), "--delay", "0"));
        }
        steps.add(List.of("--case", caseDir.toString(), "scan"));
        for (List<String> step : steps) {
            demo.step(step, OutputStream.nullOutputStream());
        }
        Path findings = work.resolve("findings-" + t.index() + ".json");
        SimulatedFindings.write(scenario.resolve("key.json"), kind == 1 ? "handle" : null, findings);
        List<String> submit = new ArrayList<>(List.of("--case", caseDir.toString(), "lab", "submit", "--server",
                lab.toString(), "--code", t.code(), "--findings", findings.toString()));
        if (kind == 2) {
            Path bag = work.resolve("bag-" + t.index());
            demo.step(List.of("--case", caseDir.toString(), "export", "bag", "--out", bag.toString()),
                    OutputStream.nullOutputStream());
            try (Stream<Path> s = Files.walk(bag.resolve("data/items"))) {
                Path item = s.filter(Files::isRegularFile).findFirst().orElseThrow();
                demo.out().info("class demo: editing " + bag.relativize(item) + " after the bag was signed");
                Files.writeString(item, "<p>edited after signing (fictitious)</p>", StandardOpenOption.APPEND);
            }
            submit.addAll(List.of("--bag", bag.toString()));
        }
        demo.step(submit, demo.root().stdout());
    }
}
