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
        root().keptCase().ifPresent(KeptCase::release);
        Case c = Case.openForWriting(caseDir(), "tracelab " + spec.qualifiedName(" ").replaceFirst("^tracelab ", ""),
                clock());
        c.cancelWhen(root().cancellation());
        return c;
    }

    /** Opens the case to read it; in a shell, the case the shell keeps open between commands. */
    Case openForReading() {
        return root().keptCase().map(k -> k.lend(caseDir(), clock()))
                .orElseGet(() -> Case.openForReading(caseDir(), clock()));
    }
}
