package org.tracelab.core.dupes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.tracelab.core.index.IndexPass;
import org.tracelab.core.Case;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.TextScope;

/** Near-duplicate items of a case: every indexed item's extracted text goes through {@link Dupes}. */
public final class CaseDupes {
    /** Characters of a text shingled: templates show in the first part of a text. */
    static final int MAX_CHARS = 20_000;

    /** The groups and where each item came from. */
    public record Result(List<DuplicateGroup> groups, Map<String, String> sources, int items) {
    }

    private CaseDupes() {
    }

    /** Groups of items whose texts reach {@code threshold} Jaccard similarity; bad input without an index. */
    public static Result run(Case c, double threshold) {
        return run(c, threshold, TextScope.MAIN);
    }

    /** As {@link #run(Case, double)}, comparing the texts {@code scope} names (a page's main text by default). */
    public static Result run(Case c, double threshold, TextScope scope) {
        Dupes dupes = new Dupes(threshold);
        Map<String, String> sources = new HashMap<>();
        return IndexPass.over(c.dir(), reader -> {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    Document doc = leaf.reader().storedFields().document(d, Set.of(IndexFields.ID, IndexFields.SOURCE));
                    long id = Long.parseLong(doc.get(IndexFields.ID));
                    Optional<DerivedText> text = c.text(id, scope);
                    if (text.isPresent()) {
                        sources.put(Long.toString(id), doc.get(IndexFields.SOURCE));
                        dupes.add(Long.toString(id), c.textHead(text.get(), MAX_CHARS));
                    }
                }
            }
            return new Result(dupes.groups(), sources, dupes.size());
        });
    }
}
