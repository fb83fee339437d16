package org.tracelab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.dupes.CaseDupes;
import org.tracelab.core.dupes.DuplicateGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tracelab dupes}: near-duplicate items, such as one ad template reposted with a new phone or city. */
@Command(name = "dupes", mixinStandardHelpOptions = true,
        description = {"Near-duplicate items (the same ad template with a new phone, price or city), found with "
                + "MinHash and locality-sensitive hashing over word pairs, numbers masked; each candidate pair is "
                + "checked by its exact Jaccard similarity. Each group is a centre (its representative) and the items "
                + "at least the threshold similar to it, each with its similarity."})
final class DupesCommand extends BaseCommand {
    @Mixin
    TextScopeOption text = new TextScopeOption();

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.8",
            description = "Lowest Jaccard similarity of shingles to a group's centre, in (0, 1] "
                    + "(default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold <= 1)) {
            throw TracelabException.badInput("--threshold " + threshold, "must be in (0, 1]");
        }
        Output out = out();
        try (Case c = openForReading()) {
            CaseDupes.Result result = CaseDupes.run(c, threshold, text.scope());
            int n = 0;
            for (DuplicateGroup g : result.groups()) {
                n++;
                if (out.json()) {
                    out.json(json(n, g, result.sources()));
                    continue;
                }
                out.line("group " + n + ": " + g.items().size() + " items, each at least " + g.similarity()
                        + " similar to the centre");
                out.line("  centre item " + g.centre() + "  " + source(result, g.centre()));
                for (DuplicateGroup.Member m : g.members()) {
                    out.line("  item " + m.item() + "  " + String.format(Locale.ROOT, "%.3f", m.similarity()) + "  "
                            + source(result, m.item()));
                }
            }
            out.info(result.groups().size() + " groups among " + result.items() + " items");
        }
        return ExitCode.OK;
    }

    private static String source(CaseDupes.Result result, String item) {
        return Printable.of(String.valueOf(result.sources().get(item)));
    }

    /** One group as JSON: the centre, each member with its similarity to it, and the flat lists older readers use. */
    private static Map<String, Object> json(int n, DuplicateGroup g, Map<String, String> sources) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("group", n);
        j.put("centre", Long.parseLong(g.centre()));
        j.put("centreSource", sources.get(g.centre()));
        List<Map<String, Object>> members = new ArrayList<>();
        for (DuplicateGroup.Member m : g.members()) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("item", Long.parseLong(m.item()));
            member.put("source", sources.get(m.item()));
            member.put("similarity", m.similarity());
            members.add(member);
        }
        j.put("members", members);
        j.put("items", g.items().stream().map(Long::parseLong).toList());
        j.put("sources", g.items().stream().map(sources::get).toList());
        j.put("similarity", g.similarity());
        return j;
    }
}
