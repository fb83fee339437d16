package org.tracelab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.ingest.EntitySummary;
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

    @Override
    public Integer call() {
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
        for (EntitySummary e : all) {
            if (out.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("type", e.type());
                j.put("value", e.value());
                j.put("items", e.items());
                j.put("mentions", e.mentions());
                j.put("forms", e.forms());
                out.json(j);
            } else {
                out.line(String.format("%5d item%s  %-9s %s   as %s", e.items(), e.items() == 1 ? " " : "s",
                        e.type(), Printable.of(e.value()),
                        Printable.of(String.join(" | ", e.forms()))));
            }
        }
        if (!out.json() && all.isEmpty()) {
            out.line("no entities" + (t == null ? "" : " of type " + Printable.of(t))
                    + (minItems > 1 ? " shared by " + minItems + " items or more" : ""));
        }
        return ExitCode.OK;
    }
}
