package org.tracelab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.dupes.CaseDupes;
import org.tracelab.core.dupes.DuplicateGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tracelab dupes}: near-duplicate items, such as one ad template reposted with a new phone or city. */
@Command(name = "dupes", mixinStandardHelpOptions = true,
        description = {"Near-duplicate items (the same ad template with a new phone, price or city), found with "
                + "MinHash and locality-sensitive hashing over word pairs, numbers masked; each candidate pair is "
                + "checked by its exact Jaccard similarity."})
final class DupesCommand extends BaseCommand {
    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.8",
            description = "Lowest Jaccard similarity of shingles, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold <= 1)) {
            throw TracelabException.badInput("--threshold " + threshold, "must be in (0, 1]");
        }
        Output out = out();
        try (Case c = openForReading()) {
            CaseDupes.Result result = CaseDupes.run(c, threshold);
            int n = 0;
            for (DuplicateGroup g : result.groups()) {
                n++;
                List<String> sources = g.items().stream().map(i -> result.sources().get(i)).toList();
                if (out.json()) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("group", n);
                    j.put("items", g.items().stream().map(Long::parseLong).toList());
                    j.put("sources", sources);
                    j.put("similarity", g.similarity());
                    out.json(j);
                    continue;
                }
                out.line("group " + n + ": " + g.items().size() + " items, similarity at least " + g.similarity());
                for (int i = 0; i < g.items().size(); i++) {
                    out.line("  item " + g.items().get(i) + "  " + Printable.of(String.valueOf(sources.get(i))));
                }
            }
            out.info(result.groups().size() + " groups among " + result.items() + " items");
        }
        return ExitCode.OK;
    }
}
