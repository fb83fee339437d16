package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.testing.TestCases;
import org.tracelab.core.Case;
import org.tracelab.core.collect.Progress;

/** Tags live in the case database alone: {@code tag:} and {@code --tag} answer the same the moment a tag is added. */
class TagSearchTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path tmp;
    private Case c;
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void ingestThreeFictitiousAds() throws IOException {
        c = TestCases.create(tmp.resolve("tags"), "Tag search", AT);
        ids.addAll(TestCases.store(c, AT, List.of(
                TestCases.File.text("/fictitious/0.txt", "waiter abroad, fictitious ad"),
                TestCases.File.text("/fictitious/1.txt", "driver abroad, fictitious ad"),
                TestCases.File.text("/fictitious/2.txt", "nanny at home, fictitious ad"))));
        c.ingest(Progress.NONE);
    }

    @Test
    void aTagAddedAfterIngestIsFoundByTheQueryAndByTheFilterAtOnce() {
        c.tag(ids.get(0), "flagged");
        assertEquals(Set.of(ids.get(0)), found("tag:flagged", null));
        assertEquals(Set.of(ids.get(0)), found("abroad", "flagged"));
        assertEquals(found("abroad AND tag:flagged", null), found("abroad", "flagged"));
        assertEquals(Set.of(ids.get(0)), c.matching("tag:flagged"));
    }

    @Test
    void aSecondItemTaggedLaterIsFoundBothWaysToo() {
        c.tag(ids.get(0), "flagged");
        assertEquals(Set.of(ids.get(0)), found("tag:flagged", null));
        c.tag(ids.get(2), "flagged");
        assertEquals(Set.of(ids.get(0), ids.get(2)), found("tag:flagged", null));
        assertEquals(Set.of(ids.get(0), ids.get(2)), found("fictitious", "flagged"));
    }

    @Test
    void anotherTagAndNoTagFindNothingAndNegationExcludesTheTagged() {
        c.tag(ids.get(1), "flagged");
        c.tag(ids.get(2), "call-back");
        assertEquals(Set.of(), found("tag:missing", null));
        assertEquals(Set.of(), found("fictitious", "missing"));
        assertEquals(Set.of(ids.get(2)), found("tag:call-back", null));
        assertEquals(Set.of(ids.get(0), ids.get(2)), found("fictitious -tag:flagged", null));
    }

    @Test
    void tagPatternsMatchTheCaseTagsAsOnAnyKeywordField() {
        c.tag(ids.get(0), "Indicator:Debt");
        c.tag(ids.get(1), "indicator:travel");
        c.tag(ids.get(2), "suspicious");
        assertEquals(Set.of(ids.get(0), ids.get(1)), found("tag:indicator\\:*", null));
        assertEquals(Set.of(ids.get(0)), found("tag:\"indicator:debt\"", null), "tag: ignores case");
        assertEquals(Set.of(ids.get(2)), found("tags:susp?cious", null));
        assertEquals(Set.of(ids.get(2)), found("tag:/sus.*/", null));
        assertEquals(Set.of(ids.get(2)), found("tag:suspicous~1", null));
    }

    @Test
    void aTagFilterNoItemPassesNamesTheTagsTheCaseHas() {
        c.tag(ids.get(0), "flagged");
        SearchResults r = c.search(request("abroad", "missing"));
        assertEquals(0, r.total());
        assertTrue(r.emptyFilters().contains(new EmptyFilter("--tag", "missing", List.of("flagged"))),
                r.emptyFilters()::toString);
    }

    @AfterEach
    void close() {
        c.close();
    }

    private Set<Long> found(String query, String tag) {
        Set<Long> out = new TreeSet<>();
        c.search(request(query, tag)).hits().forEach(h -> out.add(h.id()));
        return out;
    }

    private static SearchRequest request(String query, String tag) {
        return new SearchRequest(query, null, null, null, null, null, tag, null, SearchRequest.DEFAULT_LIMIT, false);
    }
}
