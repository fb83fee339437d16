package org.tracelab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.VerifyListener;
import org.tracelab.core.verify.VerifyReport;
import picocli.CommandLine.Command;

/** {@code tracelab verify}: re-hash every blob, walk the whole custody chain, name every difference. */
@Command(name = "verify", description = "Re-hash every blob and walk the whole custody chain; name what differs.",
        mixinStandardHelpOptions = true)
final class VerifyCommand extends BaseCommand {
    @Override
    public Integer call() {
        Output out = out();
        VerifyReport r;
        try (Case c = openForReading(); ProgressBar bar = out.progress("verify")) {
            r = c.verify(new VerifyListener() {
                @Override
                public void started(long blobs, long bytes) {
                    bar.total(bytes, "bytes");
                }

                @Override
                public void blobChecked(long bytes) {
                    bar.advance(bytes);
                }
            });
        }
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("holds", r.holds());
            j.put("items", r.items());
            j.put("blobs", r.blobs());
            j.put("bytes", r.bytes());
            j.put("logEntries", r.logEntries());
            j.put("problems", r.problems().stream().map(p -> Map.of("kind", p.kind().label(), "subject",
                    p.subject(), "expected", p.expected(), "found", p.found())).toList());
            out.json(j);
        } else {
            for (Problem p : r.problems()) {
                out.line(Printable.of(p.describe()));
            }
            String counts = r.items() + " items, " + r.blobs() + " blobs (" + Sizes.human(r.bytes())
                    + ") re-hashed, " + r.logEntries() + " log entries chained";
            out.line(r.holds() ? "verified: " + counts + "; all holds"
                    : "NOT verified: " + r.problems().size() + " problem" + (r.problems().size() == 1 ? "" : "s")
                    + " in " + counts);
        }
        return r.holds() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
