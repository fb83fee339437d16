package org.tracelab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.ingest.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tracelab reindex [--extract]}: rebuild the case index from the stored texts. */
@Command(name = "reindex", description = "Rebuild the search index from the extracted texts (the index is derived "
        + "data and may be deleted); items never extracted are extracted now.", mixinStandardHelpOptions = true)
final class ReindexCommand extends BaseCommand {
    @Option(names = "--extract", description = "Extract the text of every item again first (each logged).")
    boolean extract;

    @picocli.CommandLine.Mixin
    OcrLangOption ocrLang;

    @Override
    public Integer call() {
        Output out = out();
        IngestReport r;
        try (Case c = openForWriting(); ProgressBar bar = out.progress("reindex")) {
            r = c.reindex(extract, bar, ocrLang.settings(c));
        }
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("extracted", r.extracted());
            j.put("failed", r.failed());
            j.put("members", r.members());
            j.put("entities", r.entities());
            j.put("indexed", r.indexed());
            j.put("unreadable", r.unreadable());
            j.put("ocrRead", r.ocrRead());
            j.put("ocrNote", r.ocrNote().orElse(null));
            out.json(j);
        } else {
            out.line(IngestSummary.of(r));
            r.ocrNote().ifPresent(note -> out.warn("tracelab: " + note));
        }
        return ExitCode.OK;
    }
}
