package org.tracelab.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.tracelab.core.Case;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the global options, the output, and opening the case. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    Tracelab root() {
        return (Tracelab) spec.root().userObject();
    }

    Output out() {
        return root().output();
    }

    Clock clock() {
        return root().clock();
    }

    Path caseDir() {
        return root().caseDir();
    }

    /** Opens the case for a command that changes it, naming the command for anyone who finds it locked. */
    Case openForWriting() {
        return Case.openForWriting(caseDir(), "tracelab " + spec.qualifiedName(" ").replaceFirst("^tracelab ", ""),
                clock());
    }

    Case openForReading() {
        return Case.openForReading(caseDir(), clock());
    }
}
