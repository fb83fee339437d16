package org.tracelab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.Timestamps;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.imagehash.PictureHash;
import org.tracelab.core.extract.ExtractionError;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.items.Item;
import org.tracelab.core.items.Note;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracelab show ID}: an item's record, its custody entries, tags and notes; or its raw bytes. */
@Command(name = "show", description = "Show an item: its record, custody entries, tags and notes, or its raw bytes.",
        mixinStandardHelpOptions = true)
final class ShowCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", description = "The item's id.")
    long id;

    @Option(names = "--raw", description = "Write the item's bytes, exactly as captured, to standard output.")
    boolean raw;

    @Option(names = "--text", description = "Show the text extracted from the item, with its language and entities.")
    boolean text;

    @Override
    public Integer call() throws IOException {
        try (Case c = openForReading()) {
            Item item = c.item(id);
            if (raw) {
                OutputStream rawOut = root().stdout();
                try (InputStream in = c.openRaw(item)) {
                    in.transferTo(rawOut);
                }
                rawOut.flush();
                return ExitCode.OK;
            }
            if (text) {
                ShowText.print(c, item, out());
                return ExitCode.OK;
            }
            List<String> tags = c.tags(id);
            List<Note> notes = c.notes(id);
            List<CustodyEntry> entries = c.custodyOf(id);
            Optional<PictureHash> picture = c.pictureHash(id);
            List<ExtractionError> problems = c.text(id).map(DerivedText::problems).orElse(List.of());
            Output out = out();
            if (out.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("id", item.id());
                j.put("kind", item.kind());
                j.put("source", item.source());
                j.put("capturedAt", Timestamps.format(item.capturedAt()));
                j.put("collector", item.collector());
                j.put("sha256", item.blob().sha256());
                j.put("size", item.size());
                j.put("contentType", item.contentType());
                j.put("parent", item.parentId());
                j.put("truncated", item.truncated());
                j.put("meta", item.meta());
                picture.ifPresent(h -> j.put("picture", h.summary()));
                j.put("extractionProblems", problems.stream().map(ExtractionError::asMap).toList());
                j.put("tags", tags);
                j.put("notes", notes.stream().map(n -> Map.of("id", n.id(), "text", n.text(),
                        "examiner", n.examiner(), "at", Timestamps.format(n.addedAt()))).toList());
                j.put("custody", entries.stream().map(CaseCommand::entryJson).toList());
                out.json(j);
                return ExitCode.OK;
            }
            out.line("item " + item.id() + "  " + item.kind() + "  " + Printable.of(item.source()));
            out.line("  captured      " + Timestamps.format(item.capturedAt()) + " by collector " + item.collector());
            out.line("  sha256        " + item.blob().sha256());
            out.line("  size          " + item.size() + " bytes" + (item.truncated() ? " (truncated at the size limit)" : ""));
            item.contentTypeIfKnown().ifPresent(t -> out.line("  type          " + Printable.of(t)));
            item.parent().ifPresent(p -> out.line("  parent        item " + p));
            picture.ifPresent(h -> out.line("  picture       " + pictureLine(h)));
            item.meta().fields().forEachRemaining(f -> out.line(String.format("  %-13s %s", f.getKey(),
                    Printable.of(f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()))));
            for (ExtractionError p : problems) {
                out.line("  extraction    " + p.kind() + ": " + Printable.of(p.message()));
            }
            if (!tags.isEmpty()) {
                out.line("  tags          " + Printable.of(String.join(", ", tags)));
            }
            for (Note n : notes) {
                out.line("  note          " + Timestamps.format(n.addedAt()) + " " + Printable.of(n.examiner()) + ": "
                        + Printable.of(n.text()));
            }
            for (CustodyEntry e : entries) {
                out.line("  log #" + e.seq() + "  " + Timestamps.format(e.at()) + "  " + e.action() + "  "
                        + e.hash().substring(0, 16) + "…");
            }
        }
        return ExitCode.OK;
    }

    /** A picture's hash in one line: what {@code links} and {@code image:} compare, or why there is none. */
    private static String pictureLine(PictureHash h) {
        String size = h.width() > 0 ? " " + h.width() + " x " + h.height() : "";
        return h.pdq().map(r -> "pdq " + r.hash().hex() + " quality " + r.quality() + " ("
                        + h.format().orElse("?") + size + ")")
                .orElseGet(() -> "no hash: " + Printable.of(h.refusal().orElseThrow().message()));
    }
}
