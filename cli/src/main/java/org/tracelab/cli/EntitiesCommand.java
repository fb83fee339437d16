package org.tracelab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.ingest.EntitySummary;
import org.tracelab.shared.CrossCaseSearch;
import org.tracelab.shared.SharedIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tracelab entities [--type T] [--min-items N]}: entities with how many items share each. */
@Command(name = "entities", description = "List the entities found (phones, e-mails, handles…) with how many items "
        + "share each, the most shared first.", mixinStandardHelpOptions = true)
final class EntitiesCommand extends BaseCommand {
    @Option(names = "--type", paramLabel = "T", description = "Only this type: phone, email, url, telegram, …")
    String type;

    @Option(names = "--min-items", paramLabel = "N", defaultValue = "1",
            description = "Only entities mentioned by at least N items (default: ${DEFAULT-VALUE}).")
    int minItems;

    @Option(names = "--min-cases", paramLabel = "N", defaultValue = "1",
            description = "With --shared: only identifiers seen in at least N cases (default: ${DEFAULT-VALUE}).")
    int minCases;

    @picocli.CommandLine.Mixin
    SharedOption shared = new SharedOption();

    @Override
    public Integer call() {
        if (minCases < 1) {
            throw TracelabException.badInput("--min-cases " + minCases, "must be at least 1");
        }
        if (shared.given()) {
            return acrossCases();
        }
        if (minCases > 1) {
            throw TracelabException.badInput("--min-cases " + minCases, "counts cases in the shared index: add --shared");
        }
        if (minItems < 1) {
            throw TracelabException.badInput("--min-items " + minItems, "must be at least 1");
        }
        // An unknown type is a mistake to name, not an empty answer.
        String t = type == null ? null : org.tracelab.core.entities.EntityType.fromName(type).cliName();
        List<EntitySummary> all;
        try (Case c = openForReading()) {
            all = c.entities(t, minItems);
        }
        Output out = out();
        out.rows(all, EntitiesCommand::text, e -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("type", e.type());
            j.put("value", e.value());
            j.put("items", e.items());
            j.put("mentions", e.mentions());
            j.put("forms", e.forms());
            return j;
        });
        if (!out.json() && all.isEmpty()) {
            out.line("no entities" + (t == null ? "" : " of type " + Printable.of(t))
                    + (minItems > 1 ? " shared by " + minItems + " items or more" : ""));
        }
        return ExitCode.OK;
    }

    /** One value's line: {@code "   12 items  phone     +998905550012   as +998 90 555 00 12 | ..."}. */
    private static String text(EntitySummary e) {
        StringBuilder line = Columns.right(new StringBuilder(96), e.items(), 5).append(" item")
                .append(e.items() == 1 ? "   " : "s  ");
        return Columns.left(line, e.type(), 9).append(' ').append(Printable.of(e.value())).append("   as ")
                .append(Printable.of(String.join(" | ", e.forms()))).toString();
    }

    /** Identifiers seen in several published cases, with the cases. */
    private int acrossCases() {
        String t = type == null ? null : org.tracelab.core.entities.EntityType.fromName(type).cliName();
        SharedIndex index = shared.connect(root().env());
        List<CrossCaseSearch.SharedEntity> all = new CrossCaseSearch(index).entities(t, minCases);
        Output out = out();
        for (CrossCaseSearch.SharedEntity e : all) {
            if (out.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("type", e.type());
                j.put("value", e.value());
                j.put("items", e.items());
                List<Map<String, Object>> cases = new java.util.ArrayList<>();
                for (CrossCaseSearch.CaseCount c : e.cases()) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("case", c.caseName());
                    one.put("caseId", c.caseId());
                    one.put("items", c.items());
                    one.put("forms", c.forms());
                    cases.add(one);
                }
                j.put("cases", cases);
                out.json(j);
            } else {
                out.line(String.format(java.util.Locale.ROOT, "%3d case%s %5d item%s  %-9s %s   in %s", e.cases().size(),
                        e.cases().size() == 1 ? " " : "s", e.items(), e.items() == 1 ? " " : "s", e.type(),
                        Printable.of(e.value()), Printable.of(String.join(" | ", e.cases().stream()
                                .map(c -> c.caseName() + " (" + c.items() + ")"
                                        + (c.forms().isEmpty() ? "" : " as " + String.join(", ", c.forms())))
                                .toList()))));
            }
        }
        if (!out.json() && all.isEmpty()) {
            out.line("no identifiers" + (t == null ? "" : " of type " + Printable.of(t)) + " in "
                    + (minCases > 1 ? minCases + " cases or more" : "the shared index") + " at " + index.cluster());
        }
        return ExitCode.OK;
    }
}
