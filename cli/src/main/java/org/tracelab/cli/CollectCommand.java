package org.tracelab.cli;

import java.util.concurrent.Callable;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.CollectorRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code tracelab collect ID …}: one subcommand per installed collector, built from the options each collector
 * describes as data, so that a plugin jar on the class path brings its own command.
 */
@Command(name = "collect", description = "Collect evidence into the case with a collector (see 'tracelab collectors').",
        mixinStandardHelpOptions = true)
final class CollectCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().println("tracelab: collect needs a collector: one of "
                + String.join(", ", spec.subcommands().keySet()));
        return ExitCode.BAD_INPUT;
    }

    /** Adds a subcommand to {@code collect} for each collector in the registry. */
    static void addCollectors(CommandLine collect, CollectorRegistry registry, Tracelab root) {
        for (Collector c : registry.all()) {
            CollectorRun run = new CollectorRun(c, root);
            CommandSpec spec = CommandSpec.wrapWithoutInspection(run);
            spec.name(c.id());
            spec.mixinStandardHelpOptions(true);
            spec.usageMessage().description(c.description());
            if (!c.targetLabel().isEmpty()) {
                spec.addPositional(PositionalParamSpec.builder()
                        .paramLabel(c.targetLabel())
                        .arity("0..*")
                        .type(java.util.List.class)
                        .auxiliaryTypes(String.class)
                        .description("What to collect.")
                        .build());
            }
            for (CollectorOption o : c.options()) {
                if (o.name().equals(CollectorRun.TAG) || o.name().equals(OcrLangOption.NAME)
                        || o.name().equals(CollectorRun.NO_INGEST)
                        || o.name().equals("--help") || o.name().equals("--version")) {
                    continue; // Tracelab's own options win; a plugin cannot shadow them.
                }
                OptionSpec.Builder b = OptionSpec.builder(o.name()).description(o.description());
                if (o.isFlag()) {
                    b.arity("0").type(boolean.class);
                } else if (o.repeatable()) {
                    b.arity("1").paramLabel(o.paramLabel()).type(java.util.List.class).auxiliaryTypes(String.class);
                } else {
                    b.arity("1").paramLabel(o.paramLabel()).type(String.class);
                }
                o.defaultIfAny().ifPresent(b::defaultValue);
                spec.addOption(b.build());
            }
            spec.addOption(OptionSpec.builder(CollectorRun.TAG)
                    .paramLabel("TAG")
                    .arity("1")
                    .type(java.util.List.class)
                    .auxiliaryTypes(String.class)
                    .description("Tag every item collected (repeatable).")
                    .build());
            spec.addOption(OptionSpec.builder(OcrLangOption.NAME)
                    .paramLabel(OcrLangOption.LABEL)
                    .arity("1")
                    .type(String.class)
                    .description(OcrLangOption.DESCRIPTION)
                    .build());
            spec.addOption(OptionSpec.builder(CollectorRun.NO_INGEST)
                    .arity("0")
                    .type(boolean.class)
                    .description("Only import: leave extraction, entities and the index for a later 'tracelab"
                            + " reindex'.")
                    .build());
            run.spec = spec;
            collect.addSubcommand(c.id(), new CommandLine(spec));
        }
    }
}
