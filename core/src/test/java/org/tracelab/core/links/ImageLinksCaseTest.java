package org.tracelab.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.imagehash.ImageRefused;
import org.tracelab.core.imagehash.PictureHash;
import org.tracelab.core.imagehash.TestPictures;
import org.tracelab.core.testing.Tamper;
import org.tracelab.core.testing.TestCases;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.VerifyReport;

/**
 * Ads tied only by the same photo, recompressed, resized or cropped in each, through the item each picture belongs
 * to. Pages, phones and pictures are fictitious and made here.
 */
class ImageLinksCaseTest {
    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void adsShowingOnePhotoLinkThroughTheirPicturesAndAnotherPhotoLinksNothing() throws Exception {
        Path dir = tmp.resolve("case");
        BufferedImage hotel = TestPictures.shapes(21, 640, 480);
        long adA;
        long adB;
        long post;
        long adC;
        long pictureA;
        long pictureB;
        long pictureC;
        long pictureP;
        try (Case c = TestCases.create(dir, "Image links", AT)) {
            CaptureSink sink = c.startCapture("page", Map.of("urls", "fictitious"), null);
            adA = page(sink, "https://ads.example/a", "<p>Hotel maids, tel 90 123 45 67</p>", null);
            pictureA = item(sink, "https://ads.example/a.png", "image/png", TestPictures.png(hotel), adA, Map.of());
            adB = page(sink, "https://jobs.example/b", "<p>Waitresses, tel 93 765 43 21</p>", null);
            // Reached through a redirect: the picture belongs to the page that linked the first hop.
            long hop = item(sink, "https://jobs.example/img/b", "text/html", new byte[0], adB,
                    Map.of("status", 302, "redirect", "https://cdn.example/b.jpg"));
            pictureB = item(sink, "https://cdn.example/b.jpg", "image/jpeg",
                    TestPictures.jpeg(TestPictures.scaled(hotel, 0.6), 0.35f), hop, Map.of());
            long channel = page(sink, "https://t.example/s/work_demo", "<p>Channel</p>", null);
            post = item(sink, "https://t.example/work_demo/5", "text/plain",
                    "Ish bor, tel 94 111 22 33".getBytes(StandardCharsets.UTF_8), channel, Map.of(), "post");
            pictureP = item(sink, "https://t.example/photo5.png", "image/png",
                    TestPictures.png(TestPictures.cropped(hotel, 0.02)), channel, Map.of());
            adC = page(sink, "https://ads.example/c", "<p>Sofa for sale, tel 97 555 31 31</p>", null);
            pictureC = item(sink, "https://ads.example/c.png", "image/png",
                    TestPictures.png(TestPictures.shapes(99, 640, 480)), adC, Map.of());
            c.finishCapture("page", Map.of("items", 10));
            c.ingest(Progress.NONE);

            CaseLinks.Result r = CaseLinks.run(c, t -> t.equals(ImageLinks.TYPE));
            List<Cluster> clusters = r.links().clusters();
            assertEquals(1, clusters.size(), clusters::toString);
            assertEquals(Set.of(Long.toString(adA), Long.toString(adB), Long.toString(post)),
                    Set.copyOf(clusters.get(0).items()));
            Identifier photo = new Identifier(ImageLinks.TYPE, Long.toString(pictureA));
            assertEquals(List.of(photo), clusters.get(0).shared());
            List<ImageLinks.Tie> ties = r.imageTies().get(photo);
            assertEquals(2, ties.size(), ties::toString);
            assertTrue(ties.stream().allMatch(t -> t.distance() <= ImageLinks.MAX_DISTANCE), ties::toString);

            Map<Long, Integer> like = c.similarPictures(pictureA);
            assertEquals(0, like.get(pictureA));
            assertTrue(like.keySet().containsAll(List.of(pictureB, pictureP, adA, adB, post)), like::toString);
            assertFalse(like.containsKey(pictureC) || like.containsKey(adC), like::toString);
            assertEquals(like.keySet(), c.similarPictures(adB).keySet(), "an ad asks through its pictures");
            assertTrue(c.similarPictures(adC).keySet().equals(Set.of(pictureC, adC)));
            assertTrue(c.similarPictures(post + 1000).isEmpty());
            assertEquals(PictureHash.ALGORITHM, "pdq");
            assertTrue(c.pictureHash(pictureB).orElseThrow().pdq().isPresent());
            assertEquals(List.of(),
                    c.search(org.tracelab.core.search.SearchRequest.of("image:" + pictureC)).hits().stream()
                            .filter(h -> h.id() == adA).toList());
            assertEquals(Set.of(pictureC, adC), Set.copyOf(
                    c.search(org.tracelab.core.search.SearchRequest.of("image:" + pictureC)).hits().stream()
                            .map(h -> h.id()).toList()));
        }
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            VerifyReport v = c.verify(null);
            assertTrue(v.holds(), () -> v.problems().toString());
        }
        Tamper.sql(dir, "UPDATE image_hashes SET hash = '" + "0".repeat(64) + "' WHERE item_id = " + pictureB);
        Tamper.sql(dir, "DELETE FROM image_hashes WHERE item_id = " + pictureC);
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            List<Problem> problems = c.verify(null).problems();
            assertEquals(List.of(Problem.Kind.ROW_ALTERED, Problem.Kind.ROW_REMOVED),
                    problems.stream().map(Problem::kind).toList(), problems::toString);
            assertTrue(problems.get(0).subject().equals("picture hash of item " + pictureB), problems::toString);
            assertTrue(problems.get(1).subject().equals("picture hash of item " + pictureC), problems::toString);
        }
    }

    @Test
    void aPictureThatCannotBeDecodedIsRecordedAsRefusedAndLinksNothing() throws Exception {
        try (Case c = TestCases.create(tmp.resolve("case"), "Refused pictures", AT)) {
            CaptureSink sink = c.startCapture("page", Map.of("urls", "fictitious"), null);
            byte[] jpeg = TestPictures.jpeg(TestPictures.shapes(5, 400, 300), 0.9f);
            long cut = item(sink, "https://ads.example/cut.jpg", "image/jpeg",
                    java.util.Arrays.copyOf(jpeg, jpeg.length / 3), null, Map.of());
            c.finishCapture("page", Map.of("items", 1));
            c.ingest(Progress.NONE);
            PictureHash h = c.pictureHash(cut).orElseThrow();
            assertEquals(ImageRefused.Kind.DAMAGED, h.refusal().orElseThrow().kind(), h::toString);
            assertTrue(CaseLinks.run(c, t -> true).links().clusters().isEmpty());
            VerifyReport v = c.verify(null);
            assertTrue(v.holds(), () -> v.problems().toString());
        }
    }

    @Test
    void reindexKeepsTheHashesAndReindexExtractMakesThemAgainLogged() throws Exception {
        try (Case c = TestCases.create(tmp.resolve("case"), "Reindexed pictures", AT)) {
            CaptureSink sink = c.startCapture("page", Map.of("urls", "fictitious"), null);
            long picture = item(sink, "https://ads.example/p.png", "image/png",
                    TestPictures.png(TestPictures.shapes(8, 320, 240)), null, Map.of());
            c.finishCapture("page", Map.of("items", 1));
            c.ingest(Progress.NONE);
            PictureHash first = c.pictureHash(picture).orElseThrow();
            c.reindex(false, Progress.NONE);
            assertEquals(first, c.pictureHash(picture).orElseThrow(), "reindex reads the stored hash");
            assertEquals(1, extractEntries(c, picture));
            c.reindex(true, Progress.NONE);
            assertEquals(first.pdq(), c.pictureHash(picture).orElseThrow().pdq());
            assertEquals(2, extractEntries(c, picture), "reindex --extract hashes again, logged");
            VerifyReport v = c.verify(null);
            assertTrue(v.holds(), () -> v.problems().toString());
        }
    }

    private static long extractEntries(Case c, long item) {
        return c.custodyOf(item).stream().filter(e -> e.action().equals("extract")
                && e.params().has(org.tracelab.core.custody.CoveredRows.IMAGE_HASH)).count();
    }

    private static long page(CaptureSink sink, String url, String body, Long parent) throws Exception {
        return item(sink, url, "text/html", ("<html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8),
                parent, Map.of());
    }

    private static long item(CaptureSink sink, String url, String type, byte[] bytes, Long parent,
                             Map<String, Object> meta) throws Exception {
        return item(sink, url, type, bytes, parent, meta, "page");
    }

    private static long item(CaptureSink sink, String url, String type, byte[] bytes, Long parent,
                             Map<String, Object> meta, String kind) throws Exception {
        return sink.store(NewItem.of(kind, url, AT, "page", type, parent, meta), new ByteArrayInputStream(bytes)).id();
    }
}
