package org.tracelab.core.links;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.tracelab.core.index.IndexPass;
import org.tracelab.core.Case;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.TextScope;

/**
 * The links of a case, read from its index: each {@code entity.<type>} term is an identifier, the documents that
 * hold it are its items. Reading the inverted index gives identifier → items directly, without a pass over texts.
 */
public final class CaseLinks {
    /**
     * The case's links, where each item came from, and for each {@code image} identifier the pictures that make its
     * photo one, with their distances.
     */
    public record Result(Links links, Map<String, String> sources, Map<Identifier, List<ImageLinks.Tie>> imageTies) {
    }

    private CaseLinks() {
    }

    /** The links through identifiers whose type passes {@code types}; bad input when the case has no index. */
    public static Result run(Case c, Predicate<String> types) {
        return run(c, types, TextScope.MAIN);
    }

    /**
     * As {@link #run(Case, Predicate)}, through the identifiers of the texts {@code scope} names: by default only
     * those a page shows in its main text, so a phone in a site-wide footer links nothing.
     */
    public static Result run(Case c, Predicate<String> types, TextScope scope) {
        return run(c, types, scope, ImageLinks.MAX_DISTANCE);
    }

    /**
     * As {@link #run(Case, Predicate, TextScope)}, joining pictures at most {@code imageDistance} apart (of 256 bits)
     * as one photo.
     */
    public static Result run(Case c, Predicate<String> types, TextScope scope, int imageDistance) {
        Map<String, Set<Identifier>> byItem = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        IndexPass.over(c.dir(), reader -> {
            for (LeafReaderContext leaf : reader.leaves()) {
                read(leaf.reader(), types, scope, byItem, sources);
            }
            return null;
        });
        Set<Long> containers = c.recordContainers();
        withoutSitesOwn(byItem, sources, c.linkOnlyEntities());
        Map<String, Set<Identifier>> held = new HashMap<>();
        byItem.forEach((id, ids) -> held.put(id, advertised(ids, sources.get(id))));
        Map<Identifier, List<ImageLinks.Tie>> ties = Map.of();
        if (types.test(ImageLinks.TYPE)) {
            ImageLinks.Result images = ImageLinks.of(c.pictures(), imageDistance);
            images.byHolder().forEach((holder, ids) -> {
                String id = Long.toString(holder);
                held.computeIfAbsent(id, k -> new HashSet<>()).addAll(ids);
                sources.computeIfAbsent(id, k -> c.item(holder).source());
            });
            ties = images.ties();
        }
        List<ItemIdentifiers> items = new ArrayList<>();
        held.forEach((id, ids) -> {
            if (!containers.contains(Long.parseLong(id))) {
                items.add(new ItemIdentifiers(id, ids));
            }
        });
        return new Result(Links.of(items, types), sources, ties);
    }

    /**
     * Takes out of each web page the identifiers that are its site's own: those the page holds only in its markup's
     * links (a header, a footer, a share bar) and that no page of another site holds. Every page of a classifieds
     * site links to the site's channel; that ties no two ads together. Held by a page of another site, or written in
     * a page's text, an identifier still links.
     */
    static void withoutSitesOwn(Map<String, Set<Identifier>> byItem, Map<String, String> sources,
                                Map<Long, Set<String>> linkOnly) {
        if (linkOnly.isEmpty()) {
            return;
        }
        Map<Identifier, Set<String>> hosts = new HashMap<>();
        byItem.forEach((item, ids) -> {
            String host = host(sources.get(item));
            for (Identifier i : ids) {
                hosts.computeIfAbsent(i, k -> new HashSet<>()).add(host == null ? "" : host);
            }
        });
        linkOnly.forEach((item, typed) -> {
            Set<Identifier> ids = byItem.get(Long.toString(item));
            String host = host(sources.get(Long.toString(item)));
            if (ids == null || host == null) {
                return;
            }
            for (String t : typed) {
                Identifier i = Identifier.parse(t);
                if (Set.of(host).equals(hosts.get(i))) {
                    ids.remove(i);
                }
            }
        });
    }

    /** The host of a web source, lower case without {@code www.}; null for a file or member. */
    static String host(String source) {
        if (source == null) {
            return null;
        }
        String s = source.toLowerCase(java.util.Locale.ROOT);
        int scheme = s.startsWith("https://") ? 8 : s.startsWith("http://") ? 7 : -1;
        if (scheme < 0) {
            return null;
        }
        int end = scheme;
        while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String host = s.substring(scheme, end);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * The identifiers an item advertises: not those in its own address (every post of a channel names the channel
     * in its URL; that ties posts to their channel, which is known, not to a recruiter).
     */
    private static Set<Identifier> advertised(Set<Identifier> ids, String source) {
        if (source == null) {
            return ids;
        }
        String own = source.toLowerCase(java.util.Locale.ROOT);
        Set<Identifier> out = new HashSet<>();
        for (Identifier i : ids) {
            if (!own.contains(i.value().toLowerCase(java.util.Locale.ROOT))) {
                out.add(i);
            }
        }
        return out;
    }

    private static void read(LeafReader leaf, Predicate<String> types, TextScope scope,
                             Map<String, Set<Identifier>> byItem,
                             Map<String, String> sources) throws IOException {
        Bits live = leaf.getLiveDocs();
        Map<Integer, String> ids = new HashMap<>();
        for (FieldInfo field : leaf.getFieldInfos()) {
            String prefix = scope == TextScope.MAIN ? IndexFields.MAIN_ENTITY_PREFIX : CaseAnalyzers.ENTITY_PREFIX;
            if (!field.name.startsWith(prefix)) {
                continue;
            }
            String type = field.name.substring(prefix.length());
            Terms terms = leaf.terms(field.name);
            if (!types.test(type) || terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                Identifier identifier = new Identifier(type, term.utf8ToString());
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    String item = ids.get(d);
                    if (item == null) {
                        var doc = leaf.storedFields().document(d, Set.of(IndexFields.ID, IndexFields.SOURCE));
                        item = doc.get(IndexFields.ID);
                        ids.put(d, item);
                        sources.put(item, doc.get(IndexFields.SOURCE));
                    }
                    byItem.computeIfAbsent(item, k -> new HashSet<>()).add(identifier);
                }
            }
        }
    }
}
