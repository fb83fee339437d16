package org.tracelab.core.patterns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.tracelab.core.index.IndexPass;
import org.tracelab.core.Case;
import org.tracelab.core.TracelabException;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.TextScope;

/** Scans every indexed item of a case: the index finds the candidates, their extracted texts give the passages. */
public final class CaseScan {
    /** Characters of an item's text scanned; ads are far shorter, long documents are scanned from their start. */
    static final int MAX_CHARS = 200_000;
    /** What a matched item is tagged for each category it matched, followed by the category. */
    public static final String INDICATOR_TAG = "indicator:";
    /** What an item scoring at least the minimum score is tagged. */
    public static final String SUSPICIOUS_TAG = "suspicious";

    /** One matched item and where it came from. */
    public record Scanned(long itemId, String source, ScanResult result) {
        public Scanned {
            Objects.requireNonNull(result, "result");
        }
    }

    private CaseScan() {
    }

    /**
     * A scan as the case's rule: scans {@code c} (open for writing) with {@code packs}, tags each matched item
     * {@code indicator:<category>} for every category it matched and {@code suspicious} when it scores at least
     * {@code minScore}, each tag logged, and records the results for the exports ({@link RecordedScan}).
     *
     * @return the matched items, in index order
     */
    public static List<Scanned> scanAndTag(Case c, List<IndicatorPack> packs, double minScore) {
        return scanAndTag(c, packs, minScore, TextScope.MAIN);
    }

    /** As {@link #scanAndTag(Case, List, double)}, reading the texts {@code scope} names. */
    public static List<Scanned> scanAndTag(Case c, List<IndicatorPack> packs, double minScore, TextScope scope) {
        List<Scanned> scanned = run(c, new Scanner(packs), scope);
        for (Scanned s : scanned) {
            for (String category : s.result().categories()) {
                c.tag(s.itemId(), INDICATOR_TAG + category);
            }
            if (s.result().score() >= minScore) {
                c.tag(s.itemId(), SUSPICIOUS_TAG);
            }
        }
        // Kept for the exports (items table scores, the report's hits), so they need not scan again.
        RecordedScan.record(c, scanned, Map.of("packs", packs.stream().map(p -> p.name() + " (" + p.origin()
                + ")").toList(), "minScore", minScore, "text", scope.name().toLowerCase(java.util.Locale.ROOT)));
        return scanned;
    }

    /** The items of {@code c} that match any indicator of {@code scanner}, in index order; bad input without index. */
    public static List<Scanned> run(Case c, Scanner scanner) {
        return run(c, scanner, TextScope.MAIN);
    }

    /** As {@link #run(Case, Scanner)}, reading the texts {@code scope} names (a page's main text by default). */
    public static List<Scanned> run(Case c, Scanner scanner, TextScope scope) {
        Map<String, String> sources = new HashMap<>();
        List<Scanned> out = new ArrayList<>();
        return IndexPass.over(c.dir(), reader -> {
            scanner.scanIndex(reader, doc -> document(c, reader, doc, sources, scope), r ->
                    out.add(new Scanned(Long.parseLong(r.itemId()), sources.get(r.itemId()), r)));
            return out;
        });
    }

    private static Optional<ScanDocument> document(Case c, DirectoryReader reader, int doc,
                                                   Map<String, String> sources, TextScope scope) {
        try {
            Document d = reader.storedFields().document(doc);
            long id = Long.parseLong(d.get(IndexFields.ID));
            Optional<DerivedText> text = c.text(id, scope);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            sources.put(Long.toString(id), d.get(IndexFields.SOURCE));
            return Optional.of(new ScanDocument(Long.toString(id), c.textHead(text.get(), MAX_CHARS)));
        } catch (IOException e) {
            throw TracelabException.io("reading the index of " + c.dir(), e);
        }
    }
}
