package org.tracelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.export.bag.BagReport;
import org.tracelab.core.export.bag.BagVerifier;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.VerifyListener;
import org.tracelab.core.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tracelab verify}: re-hash every blob, walk the whole custody chain, name every difference; or, with
 * {@code --bag}, check an exported bag's manifests and signature.
 */
@Command(name = "verify", description = "Check every blob, WARC file, item, derived row, tag and note against the "
        + "custody chain, and the chain itself; name what differs. "
        + "With --bag, check an exported bag instead.", mixinStandardHelpOptions = true)
final class VerifyCommand extends BaseCommand {
    @Option(names = "--bag", paramLabel = "DIR",
            description = "Check this bag's manifests, Payload-Oxum and signature; needs no case.")
    Path bag;

    @Option(names = "--quick", description = "Skip re-reading the WARC files (their lengths are still compared with"
            + " their seals) and SQLite's index check, for huge cases; the report says what was skipped.")
    boolean quick;

    @Override
    public Integer call() {
        Output out = out();
        if (bag != null) {
            return verifyBag(out);
        }
        VerifyReport r;
        try (Case c = openForReading(); ProgressBar bar = out.progress("verify")) {
            r = c.verify(quick, new VerifyListener() {
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
            j.put("warcFiles", r.warcFiles());
            j.put("gaps", r.gaps());
            j.put("problems", r.problems().stream().map(p -> Map.of("kind", p.kind().label(), "subject",
                    p.subject(), "expected", p.expected(), "found", p.found())).toList());
            out.json(j);
        } else {
            for (Problem p : r.problems()) {
                out.line(Printable.of(p.describe()));
            }
            for (String gap : r.gaps()) {
                out.line(Printable.of("not covered: " + gap));
            }
            String counts = r.items() + " items, " + r.blobs() + " blobs and " + r.warcFiles() + " WARC files ("
                    + Sizes.human(r.bytes()) + ") re-hashed, " + r.logEntries() + " log entries chained";
            out.line(r.holds() ? "verified: " + counts + "; all holds"
                    : "NOT verified: " + r.problems().size() + " problem" + (r.problems().size() == 1 ? "" : "s")
                    + " in " + counts);
        }
        return r.holds() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private int verifyBag(Output out) {
        BagReport r;
        try (ProgressBar bar = out.progress("verify bag")) {
            r = new BagVerifier(bag).run(bar);
        } catch (IOException e) {
            throw TracelabException.io("reading bag " + bag, e);
        }
        String key = r.publicKeyFingerprint().orElse("none");
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("holds", r.holds());
            j.put("payloadFiles", r.payloadFiles());
            j.put("payloadBytes", r.payloadBytes());
            j.put("signatureHolds", r.signatureHolds());
            j.put("publicKeySha256", key);
            j.put("problems", r.problems().stream().map(p -> Map.of("kind", p.kind().label(), "subject",
                    p.subject(), "expected", p.expected(), "found", p.found())).toList());
            out.json(j);
        } else {
            for (Problem p : r.problems()) {
                out.line(Printable.of(p.describe()));
            }
            String counts = r.payloadFiles() + " payload files (" + Sizes.human(r.payloadBytes()) + ")";
            out.line(r.holds() ? "bag verified: " + counts + " match both manifests; signed by key sha256 " + key
                    + " (compare it with the case.init entry of the case)"
                    : "bag NOT verified: " + r.problems().size() + " problem"
                    + (r.problems().size() == 1 ? "" : "s") + " in " + counts);
        }
        return r.holds() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
