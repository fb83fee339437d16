package org.tracelab.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.ingest.IngestReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Runs one collector: opens the case for writing, logs the run, reports each capture, tags what was asked. */
final class CollectorRun implements Callable<Integer> {
    static final String TAG = "--tag";

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

        Map<String, Object> logged = new LinkedHashMap<>();
        // As typed, but a password in a URL is masked: the log is evidence, shared in every export.
        logged.put("targets", targets.stream().map(Urls::withoutPassword).toList());
        logged.put("options", options);
        logged.put("tags", tags);

        AtomicLong stored = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        IngestReport ingested;
        try (Case c = Case.openForWriting(root.caseDir(), "tracelab collect " + collector.id(), root.clock());
             ProgressBar bar = out.progress("collect " + collector.id())) {
            CaptureListener listener = new CaptureListener() {
                @Override
                public void stored(StoredItem item) {
                    stored.incrementAndGet();
                    bytes.addAndGet(item.blob().size());
                    for (String t : tags) {
                        c.tag(item.id(), t);
                    }
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
                    skipped.incrementAndGet();
                    out.info("tracelab: skipped: " + Printable.of(source) + ": " + Printable.of(reason));
                }

                @Override
                public void failed(String source, String reason) {
                    failed.incrementAndGet();
                    out.warn("tracelab: not captured: " + Printable.of(source) + ": " + Printable.of(reason));
                }
            };
            CaptureSink sink = c.startCapture(collector.id(), logged, listener);
            try {
                collector.collect(new CollectRequest(collector.id(), targets, options, bar), sink);
            } catch (IOException | RuntimeException e) {
                c.finishCapture(collector.id(), outcome(stored, bytes, failed, skipped, e.getMessage()));
                throw e;
            }
            c.finishCapture(collector.id(), outcome(stored, bytes, failed, skipped, null));
            try (ProgressBar ingestBar = out.progress("ingest")) {
                ingested = c.ingest(ingestBar);
            }
        }
        out.line("collected " + stored.get() + " item" + (stored.get() == 1 ? "" : "s") + " ("
                + Sizes.human(bytes.get()) + ") with " + collector.id()
                + (skipped.get() > 0 ? "; " + skipped.get() + " skipped by the rules of collection" : "")
                + (failed.get() > 0 ? "; " + failed.get() + " could not be captured (see above)" : ""));
        out.info(IngestSummary.of(ingested));
        if (failed.get() > 0) {
            return ExitCode.IO;
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> outcome(AtomicLong stored, AtomicLong bytes, AtomicLong failed,
                                               AtomicLong skipped, String error) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("stored", stored.get());
        o.put("bytes", bytes.get());
        o.put("failed", failed.get());
        o.put("skipped", skipped.get());
        if (error != null) {
            o.put("error", error);
        }
        return o;
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
