package org.tracelab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.CollectorRegistry;
import picocli.CommandLine.Command;

/** {@code tracelab collectors}: the collector plugins installed. */
@Command(name = "collectors", description = "List the installed collector plugins.", mixinStandardHelpOptions = true)
final class CollectorsCommand extends BaseCommand {
    @Override
    public Integer call() {
        CollectorRegistry registry = CollectorRegistry.load();
        Output out = out();
        for (Collector c : registry.all()) {
            if (out.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("id", c.id());
                j.put("description", c.description());
                j.put("class", c.getClass().getName());
                j.put("options", c.options());
                out.json(j);
            } else {
                out.line(String.format("%-10s %s", c.id(), c.description()));
            }
        }
        registry.problems().forEach(p -> out.warn("tracelab: a collector plugin could not be loaded: " + p));
        return ExitCode.OK;
    }
}
