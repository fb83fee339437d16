package org.tracelab.cli;

import java.util.Map;
import org.tracelab.core.Case;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tracelab note ID TEXT}. */
@Command(name = "note", description = "Add a note to an item (logged).", mixinStandardHelpOptions = true)
final class NoteCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The item's id.")
    long id;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Override
    public Integer call() {
        try (Case c = openForWriting()) {
            long noteId = c.note(id, text);
            Output out = out();
            if (out.json()) {
                out.json(Map.of("item", id, "note", noteId));
            } else {
                out.line("added note " + noteId + " to item " + id);
            }
        }
        return ExitCode.OK;
    }
}
