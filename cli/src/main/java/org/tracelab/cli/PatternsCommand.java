package org.tracelab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Printable;
import org.tracelab.core.patterns.Indicator;
import org.tracelab.core.patterns.IndicatorPack;
import org.tracelab.core.patterns.IndicatorPacks;
import org.tracelab.core.patterns.PackTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracelab patterns}: the recruitment indicator packs that {@code scan} uses. */
@Command(name = "patterns", description = "List and test recruitment indicator packs.",
        subcommands = {PatternsCommand.ListPacks.class, PatternsCommand.TestPacks.class},
        mixinStandardHelpOptions = true)
final class PatternsCommand {

    private static List<IndicatorPack> packs(List<String> names) {
        if (names == null || names.isEmpty()) {
            return IndicatorPacks.builtIn();
        }
        List<IndicatorPack> packs = new ArrayList<>();
        for (String n : names) {
            packs.add(IndicatorPacks.resolve(n));
        }
        return packs;
    }

    /** {@code tracelab patterns list}. */
    @Command(name = "list", description = "List the indicators of the shipped packs (en, ru, uz) or of the packs "
            + "given.", mixinStandardHelpOptions = true)
    static final class ListPacks extends BaseCommand {
        @Option(names = "--pack", paramLabel = "NAME|FILE", description = "A shipped pack (en, ru, uz) or a pack "
                + "file; repeatable. Default: all shipped packs.")
        List<String> packs;

        @Override
        public Integer call() {
            Output out = out();
            for (IndicatorPack pack : packs(packs)) {
                if (!out.json()) {
                    out.line(Printable.of(pack.name()) + " (" + pack.language().code() + "): "
                            + pack.indicators().size() + " indicators in " + pack.categories().size()
                            + " categories, " + Printable.of(pack.origin()));
                }
                for (Indicator i : pack.indicators()) {
                    if (out.json()) {
                        Map<String, Object> j = new LinkedHashMap<>();
                        j.put("pack", pack.name());
                        j.put("language", pack.language().code());
                        j.put("id", i.id());
                        j.put("category", i.category());
                        j.put("weight", i.weight());
                        j.put("description", i.description());
                        j.put("descriptionEn", i.descriptionEn());
                        j.put("source", i.source());
                        j.put("query", i.query());
                        out.json(j);
                    } else {
                        out.line(String.format("  %-48s %4.1f  %s", Printable.of(i.id()), i.weight(),
                                Printable.of(i.description())));
                        if (!i.descriptionEn().equals(i.description())) {
                            out.line(String.format("  %-48s %4s  %s", "", "", Printable.of(i.descriptionEn())));
                        }
                    }
                }
            }
            return ExitCode.OK;
        }
    }

    /** {@code tracelab patterns test}. */
    @Command(name = "test", description = "Run every example of a pack against its indicator's query; fails "
            + "(exit 1) when an example that must match does not, or one that must not match does.",
            mixinStandardHelpOptions = true)
    static final class TestPacks extends BaseCommand {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Pack files, or names of shipped packs.")
        List<String> files;

        @Override
        public Integer call() {
            Output out = out();
            boolean passed = true;
            for (IndicatorPack pack : packs(files)) {
                PackTest.Report report = PackTest.run(pack);
                passed &= report.passed();
                if (out.json()) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("pack", pack.name());
                    j.put("origin", pack.origin());
                    j.put("indicators", pack.indicators().size());
                    j.put("examples", report.examples());
                    j.put("misses", report.misses());
                    j.put("passed", report.passed());
                    out.json(j);
                    continue;
                }
                out.line(Printable.of(pack.name()) + ": " + pack.indicators().size() + " indicators, "
                        + report.examples() + " examples, " + report.misses().size() + " misses"
                        + (report.passed() ? "" : " in " + Printable.of(pack.origin())));
                for (PackTest.Miss m : report.misses()) {
                    out.line("  " + Printable.of(m.indicatorId()) + (m.shouldMatch() ? " does not match: "
                            : " should not match: ") + Printable.of(m.example()));
                }
            }
            return passed ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }
}
