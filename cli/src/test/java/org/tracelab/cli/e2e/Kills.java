package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tracelab.core.Json;

/**
 * What the SIGKILL trials share: how many trials to run, the seed that replays them, and the check that every capture
 * a killed process acknowledged is in the case with the hash it acknowledged.
 */
final class Kills {
    /** The seed of this run's kill moments: {@code -Dcrash.seed}, else the clock. */
    final long seed = Long.getLong("crash.seed", System.nanoTime());
    final Random random = new Random(seed);

    /** Trials per command: {@code -Dcrash.trials}, else the modest number CI runs. */
    final int trials;

    private int killedRunning;
    private int killedAfterTheEnd;
    private int killedInCapture = -1; // -1: the command has no capture phase to count
    private long acknowledgedChecked;

    Kills(int ciDefault) {
        this.trials = Integer.getInteger("crash.trials", ciDefault);
    }

    /** Printed with every failure, so the failing trial can be replayed. */
    String replay(String command, int trial) {
        return command + " trial " + trial + ", seed " + seed + " (replay with -Dcrash.seed=" + seed
                + " -Dcrash.trials=" + trials + ")";
    }

    /** Counts one kill: whether it caught the process still running, and how many acknowledged captures it left. */
    void counted(boolean wasRunning, long acknowledged) {
        if (wasRunning) {
            killedRunning++;
        } else {
            killedAfterTheEnd++;
        }
        acknowledgedChecked += acknowledged;
    }

    /** Counts a kill that landed in the capture phase (before the last capture was acknowledged). */
    void landedInCapture(boolean inCapture) {
        killedInCapture = Math.max(killedInCapture, 0) + (inCapture ? 1 : 0);
    }

    /** One line for the test's output, from which docs/RELIABILITY.md takes its figures. */
    String summary(String command) {
        return "crash trials: " + command + ": " + trials + " trials, " + killedRunning + " killed while running"
                + (killedInCapture < 0 ? "" : " (" + killedInCapture + " of them while capturing)") + ", "
                + killedAfterTheEnd + " after the end, " + acknowledgedChecked + " acknowledged captures checked, seed "
                + seed;
    }

    /** The capture reports among the complete lines a killed {@code --json collect} printed. */
    static List<JsonNode> acknowledged(List<String> lines) {
        List<JsonNode> reported = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode n = Json.parse(line);
                if (n.has("id") && n.has("sha256")) {
                    reported.add(n);
                }
            } catch (IllegalArgumentException partialLine) {
                // cut by the kill: never a report
            }
        }
        return reported;
    }

    /** Every acknowledged capture is in the case, with the hash and source it was acknowledged with. */
    static void assertPresent(Cli cli, List<JsonNode> reported, String why) {
        for (JsonNode r : reported) {
            Cli.Run show = cli.run("--json", "show", r.path("id").asText());
            assertEquals(0, show.code(), () -> "acknowledged item " + r + " missing after a kill, " + why + "\n" + show);
            JsonNode item = Json.parse(show.out());
            assertEquals(r.path("sha256").asText(), item.path("sha256").asText(),
                    () -> "acknowledged item " + r + " after a kill, " + why);
            assertEquals(r.path("source").asText(), item.path("source").asText(), why);
        }
    }
}
