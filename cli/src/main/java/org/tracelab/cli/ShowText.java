package org.tracelab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.extract.ExtractionError;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.EntityMention;
import org.tracelab.core.ingest.TextScope;
import org.tracelab.core.items.Item;

/**
 * {@code show ID --text}: the extracted text of an item, line by line, each line made safe to print; a page's main
 * text first, then its full text (menus, footers and all).
 */
final class ShowText {
    private ShowText() {
    }

    static void print(Case c, Item item, Output out) throws IOException {
        DerivedText d = c.text(item.id()).orElseThrow(() -> TracelabException.badInput("item " + item.id(),
                "no text extracted yet; run 'tracelab reindex'"));
        Optional<DerivedText> main = c.text(item.id(), TextScope.MAIN).filter(m -> !m.equals(d));
        List<EntityMention> entities = c.entitiesOf(item.id());
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", item.id());
            j.put("contentType", d.contentType());
            j.put("language", d.language());
            j.put("title", d.title().orElse(null));
            j.put("author", d.author().orElse(null));
            j.put("sha256", d.blob().sha256());
            j.put("charset", d.charset().orElse(null));
            j.put("ocr", d.ocr().map(m -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("method", m);
                o.put("confidence", d.ocrConfidence().orElse(null));
                return o;
            }).orElse(null));
            j.put("error", d.errorKind().map(k -> Map.of("kind", k, "message", d.error().orElse(""))).orElse(null));
            j.put("notes", d.notes().stream().map(ExtractionError::asMap).toList());
            j.put("entities", entities.stream().map(e -> Map.of("type", e.type(), "value", e.value(), "raw", e.raw(),
                    "start", e.start(), "end", e.end(), "foundIn", e.foundIn().storedName())).toList());
            // The text is a blob of at most the extractor's write limit; JSON needs it whole.
            if (main.isPresent()) {
                j.put("mainSha256", main.get().blob().sha256());
                j.put("mainText", read(c, main.get()));
            }
            j.put("text", read(c, d));
            out.json(j);
            return;
        }
        out.line("item " + item.id() + "  " + Printable.of(d.contentType()) + "  " + d.language()
                + d.title().map(t -> "  " + Printable.of(t)).orElse(""));
        d.problems().forEach(p -> out.line("  extraction " + p.kind() + ": " + Printable.of(p.message())));
        d.charset().ifPresent(cs -> out.line("  charset " + Printable.of(cs)));
        d.ocr().ifPresent(m -> out.line("  read by OCR: " + Printable.of(m) + d.ocrConfidence()
                .map(pct -> ", mean word confidence " + pct + " %").orElse(", no words found")));
        for (EntityMention e : entities) {
            out.line("  " + e.type() + " " + Printable.of(e.value()) + " written " + Printable.of(e.raw())
                    + switch (e.foundIn()) {
                        case TEXT -> "";
                        case LINK -> " (in a link of the page)";
                        case OCR -> " (in text read by OCR)";
                    });
        }
        if (main.isPresent()) {
            out.line("");
            out.line("main text:");
            lines(c, main.get(), out);
            out.line("");
            out.line("full text:");
        } else {
            out.line("");
        }
        lines(c, d, out);
    }

    private static void lines(Case c, DerivedText text, Output out) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(c.openText(text), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.line(Printable.of(line));
            }
        }
    }

    /** A text blob whole: at most the extractor's write limit, and JSON needs it whole. */
    private static String read(Case c, DerivedText text) throws IOException {
        try (var in = c.openText(text)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
