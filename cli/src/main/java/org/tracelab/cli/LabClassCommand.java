package org.tracelab.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.TracelabException;
import org.tracelab.samples.classroom.ClassOptions;
import org.tracelab.samples.classroom.ClassServer;
import org.tracelab.samples.classroom.ClassRoom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracelab lab class}: serve a scenario to a class, take their hand-ins as evidence and grade them. */
@Command(name = "class", mixinStandardHelpOptions = true,
        description = {"Serve a scenario to a class as 'lab serve' does, and beside it the class service: trainees "
                + "hand in with 'lab submit', each hand-in is kept as evidence in the class case (CLASSDIR/case) and "
                + "graded (findings against the key; the bag, its signature, its custody log, the hosts collected "
                + "from, purpose and examiner); the instructor's page shows the class.",
            "Prints the trainees' address and 'instructor: URL' (secret, new at each start; URL/results.json and "
                + "URL/results.csv give the results). Join codes are in CLASSDIR/codes.csv (name,code): hand each "
                + "trainee their own."})
final class LabClassCommand extends BaseCommand {
    @Parameters(paramLabel = "SCENARIO", description = "The scenario folder (site/ and key.json inside).")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "CLASSDIR",
            description = "The class folder: made when new, taken up again when it holds a class.")
    Path out;

    @Option(names = "--trainees", paramLabel = "FILE",
            description = "Names, one a line; each new name gets a join code (needed for a new class).")
    Path trainees;

    @Option(names = "--port", paramLabel = "P",
            description = "Port (default: the class's port when it was first served, else any free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for a classroom network).")
    String bind;

    @Option(names = "--instructor", paramLabel = "NAME", defaultValue = "Instructor",
            description = "The examiner of the class case (default: ${DEFAULT-VALUE}).")
    String instructor;

    @Option(names = "--max-handin", paramLabel = "SIZE", defaultValue = "500MB",
            description = "Largest hand-in taken: bytes, or with KB, MB, GB (default: ${DEFAULT-VALUE}).")
    String maxHandin;

    @Option(names = "--handins-per-minute", paramLabel = "N", defaultValue = "10",
            description = "Hand-ins taken per join code in any minute (default: ${DEFAULT-VALUE}).")
    int perMinute;

    @Mixin
    DurationOption duration = new DurationOption();

    @Override
    public Integer call() throws InterruptedException {
        Long seconds = duration.seconds();
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw TracelabException.badInput("--bind " + bind, "is not an address of this machine");
        }
        List<String> names = trainees == null ? List.of() : ClassRoom.readNames(trainees);
        ClassOptions options = new ClassOptions(port, address, names, instructor, Sizes.parse(maxHandin,
                "--max-handin"), perMinute);
        ClassServer server = ClassServer.start(scenario, out, options, clock());
        Output o = out();
        Path codes = server.room().dir().resolve("codes.csv");
        if (o.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("url", server.baseUri().toString());
            j.put("instructor", server.instructorUri().toString());
            j.put("codes", codes.toString());
            j.put("trainees", server.room().trainees().size());
            o.json(j);
        } else {
            o.line("serving " + scenario.toAbsolutePath() + " at " + server.baseUri());
            o.line("trainees hand in with: tracelab lab submit --server " + server.baseUri() + " --code CODE");
            o.line("join codes of " + server.room().trainees().size() + " trainees: " + codes);
            o.line("instructor: " + server.instructorUri());
        }
        Serving.untilStopped(server::close, seconds, root().cancellation(), o);
        return ExitCode.OK;
    }
}
