package org.tracelab.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CollectionReport;
import org.tracelab.core.collect.CollectionRun;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.StoredItem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Runs one collector: reads its arguments, has the case run the collection, and prints each capture and the sum. */
final class CollectorRun implements Callable<Integer> {
    static final String TAG = "--tag";
    static final String NO_INGEST = "--no-ingest";

    private final Collector collector;
    private final Tracelab root;
    CommandSpec spec;

    CollectorRun(Collector collector, Tracelab root) {
        this.collector = collector;
        this.root = root;
    }

    @Override
    public Integer call() throws IOException {
        List<String> targets = spec.positionalParameters().isEmpty() ? List.of()
                : valueList(spec.positionalParameters().get(0).getValue());
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (CollectorOption o : collector.options()) {
            OptionSpec os = spec.findOption(o.name());
            if (os == null) {
                continue;
            }
            Object v = os.getValue();
            if (v instanceof Boolean b) {
                if (b) {
                    options.put(o.name(), List.of("true"));
                }
            } else if (v != null) {
                List<String> vs = valueList(v);
                if (!vs.isEmpty()) {
                    options.put(o.name(), vs);
                }
            }
        }
        List<String> tags = valueList(spec.findOption(TAG).getValue());
        Output out = root.output();
        // As typed, but a password in a URL is masked: the log is evidence, shared in every export.
        CollectionRun run = new CollectionRun(collector, targets, options,
                targets.stream().map(Urls::withoutPassword).toList(), tags);
        CollectionReport r;
        root.keptCase().ifPresent(KeptCase::release);
        try (Case c = Case.openForWriting(root.caseDir(), "tracelab collect " + collector.id(), root.clock());
             StagedBars bars = new StagedBars(out)) {
            r = c.collect(run, new Printer(out), bars,
                    OcrLangOption.settings(c, (String) spec.findOption(OcrLangOption.NAME).getValue()),
                    !Boolean.TRUE.equals(spec.findOption(NO_INGEST).getValue()));
        }
        out.line("collected " + r.stored() + " item" + (r.stored() == 1 ? "" : "s") + " ("
                + Sizes.human(r.bytes()) + ") with " + collector.id()
                + (r.skipped() > 0 ? "; " + r.skipped() + " skipped by the rules of collection" : "")
                + (r.failed() > 0 ? "; " + r.failed() + " could not be captured (see above)" : "")
                + (r.rejected() > 0 ? "; " + r.rejected() + " input" + (r.rejected() == 1 ? "" : "s")
                + " bad (see above)" : ""));
        if (r.ingested().isPresent()) {
            IngestSummary.print(r.ingested().get(), out);
        } else {
            out.line("not extracted yet: 'tracelab reindex' extracts the new items, finds their entities and"
                    + " indexes them");
        }
        if (r.failed() > 0) {
            return ExitCode.IO;
        }
        return r.rejected() > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    /** Prints each capture as it is committed (JSON), and each source skipped or not captured. */
    private record Printer(Output out) implements CaptureListener {
        @Override
        public void stored(StoredItem item) {
            if (out.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("id", item.id());
                j.put("kind", item.item().kind());
                j.put("source", item.item().source());
                j.put("sha256", item.blob().id().sha256());
                j.put("size", item.blob().size());
                j.put("truncated", item.blob().truncated());
                out.json(j);
            }
        }

        @Override
        public void skipped(String source, String reason) {
            out.info("tracelab: skipped: " + Printable.of(source) + ": " + Printable.of(reason));
        }

        @Override
        public void failed(String source, String reason) {
            out.warn("tracelab: not captured: " + Printable.of(source) + ": " + Printable.of(reason));
        }

        @Override
        public void rejected(String source, String reason) {
            out.warn("tracelab: bad input: " + Printable.of(source) + ": " + Printable.of(reason));
        }

        @Override
        public void noted(String source, String reason) {
            out.warn("tracelab: note: " + Printable.of(source) + ": " + Printable.of(reason));
        }
    }

    private static List<String> valueList(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else if (v != null) {
            out.add(String.valueOf(v));
        }
        return out;
    }
}
