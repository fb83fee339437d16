package org.tracelab.cli;

import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tracelab tag ID TAG}. */
@Command(name = "tag", description = "Tag an item (logged).", mixinStandardHelpOptions = true)
final class TagCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
    long id;

    @Parameters(index = "1", paramLabel = "TAG", description = "The tag, e.g. suspicious.")
    String tag;

    @Override
    public Integer call() {
        try (Case c = openForWriting()) {
            boolean added = c.tag(id, tag);
            Output out = out();
            if (out.json()) {
                out.json(Map.of("item", id, "tag", tag.strip(), "added", added));
            } else {
                out.line(added ? "tagged item " + id + " " + Printable.of(tag.strip())
                        : "item " + id + " already has tag " + Printable.of(tag.strip()));
            }
        }
        return ExitCode.OK;
    }
}
