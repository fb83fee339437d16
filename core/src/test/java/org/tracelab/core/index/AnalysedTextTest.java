package org.tracelab.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.CaseFolder;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.entities.EntityExtractorThroughput;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.items.Item;

/**
 * A text analysed ahead on another thread and replayed into the writer must leave the index exactly as the writer's
 * own analysis does: same terms, documents, frequencies, positions, offsets seen by the writer, and norms.
 */
class AnalysedTextTest {

    private static final String[] EDGES = {
        "", " ", "\n\n", "a", "ё", "Ёлка ёж", "O'zbekiston Oʻzbekiston O‘zbekiston O`zbekiston Ўзбекистон",
        "Тажриба шарт эмас! Tajriba shart emas!", "Опыт не нужен, бесплатное жильё и проживание.",
        "Free housing, visa and tickets. Don't worry: it's the agency's job.", "+998 (90) 123-45-67 📞 тел.",
        "e\u0301\u0301 ﬁ ß İstanbul ǅ", "x\u00ADy\u200Bz", "𝟗𝟎 ①②", "ҚАЗАҚСТАН қазақ ғ ү ұ һ", "日本語のテキスト 한국어",
        "word ".repeat(3000), "<p>not markup, only text</p> &amp; \t\u00A0\u2009",
    };

    @TempDir
    Path dir;

    @Test
    void replayedAnalysisIndexesExactlyAsTheWritersOwn() throws IOException {
        List<String> texts = new ArrayList<>(List.of(EDGES));
        texts.addAll(EntityExtractorThroughput.corpus(200, 20261123L));
        texts.add(String.join("\n", texts));
        Path own = dir.resolve("own");
        Path replayed = dir.resolve("replayed");
        try (CaseIndex a = CaseIndex.open(own); CaseIndex b = CaseIndex.open(replayed)) {
            for (int i = 0; i < texts.size(); i++) {
                IndexedItem it = item(i + 1, texts.get(i), i % 3 == 0 ? "Ish bor — работа, job " + i : null);
                Optional<AnalysedText> analysed = b.analyse(it.text());
                assertTrue(analysed.isPresent(), "text " + i + " was analysed ahead");
                a.put(it);
                b.put(it, analysed);
            }
            a.commit(texts.size());
            b.commit(texts.size());
        }
        assertSameIndex(own.resolve(CaseFolder.INDEX), replayed.resolve(CaseFolder.INDEX));
    }

    /**
     * Line by line, kept or not, the tokens are those of the whole text: terms, increments, offsets and the end, on
     * texts made to find where a line's words could differ (a word or mark at a line's start or end, every break
     * character, scripts broken by dictionary, emoji sequences, lines around the length limits, texts beyond the
     * ICU tokenizer's buffer, common words pairing across lines).
     */
    @Test
    void lineByLineTheTokensAreTheWholeTextsTokens() throws IOException {
        Random random = new Random(20261207L);
        List<String> texts = new ArrayList<>(List.of(EDGES));
        texts.add(String.join("\n", EDGES));
        texts.add("va\nva\nи\nthe\n\nva\n");
        texts.add("x".repeat(ScriptRuns.CHUNK) + "\nva bor");
        texts.add("x ".repeat(ScriptRuns.CHUNK / 2 + 1) + "\nva bor");
        for (int i = 0; i < 2_000; i++) {
            texts.add(randomText(random));
        }
        try (Analyzer writers = IndexFields.indexingAnalyzer()) {
            KeptLines lines = new KeptLines(writers);
            int split = 0;
            for (String text : texts) {
                // Four times: lines analysed together (twice), then alone and kept, then taken as kept.
                for (int round = 0; round < 2 + KeptLines.OTHER_TEXTS; round++) {
                    if (lines.of(text) != null) {
                        split++;
                    }
                    AnalysedText analysed = AnalysedText.of(writers, lines, text).orElseThrow();
                    for (String field : CaseAnalyzers.TEXT_FIELDS) {
                        assertEquals(tokens(writers.tokenStream(field, text)), tokens(analysed.tokens(field)),
                                field + " of " + text.length() + " chars: " + text.substring(0,
                                        Math.min(200, text.length())));
                    }
                }
            }
            assertTrue(split > 7_000, "most texts went line by line: " + split);
        }
    }

    /** A text of words, marks and breaks from many scripts, some lines long. */
    private static String randomText(Random random) {
        String[] parts = {
            "Ish", "bor", "va", "ёлка", "Ўзбекистон", "O‘zbekiston", "работа", "и", "the", "job's", "ish2024",
            "2024ish", "+998 90 123-45-67", "@handle_uz", "t.me/kanal", "a@b.example", "https://x.example/a?b=1",
            "ภาษาไทยง่าย", "ພາສາລາວ", "မြန်မာစာ", "ភាសាខ្មែរ", "日本語", "한국어", "עברית", "العربية", "Ελληνικά",
            "👨‍👩‍👧", "🇺🇿🇰🇿", "\u0301", "\u200D", "\u00AD", "\u200B", "ﬁ", "ß", "İ", "𝟗𝟎", "①", "'", "ʻ", "`",
            " ", " ", " ", "  ", "\t", "\u00A0", "\u3000", ".", ",", "-", "—", "/", ":", "!",
            "\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u0085", "\f", "\u000B",
        };
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(40) == 0 ? 2_000 : random.nextInt(60);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(200) == 0) {
                b.append("y".repeat(random.nextInt(600)));
            } else if (random.nextInt(300) == 0) {
                b.append("long ".repeat(random.nextInt(1_200)));
            } else {
                b.append(parts[random.nextInt(parts.length)]);
            }
        }
        return b.toString();
    }

    /** What the index writer reads of each token, and of the end. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = stream) {
            TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.getBytesRef().utf8ToString() + " +" + inc.getPositionIncrement() + " "
                        + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
            out.add("end +" + inc.getPositionIncrement() + " " + offset.endOffset());
        }
        return out;
    }

    @Test
    void aTextTooLongToHoldIsLeftToTheWriter() throws IOException {
        try (CaseIndex index = CaseIndex.open(dir)) {
            assertFalse(index.analyse("x".repeat(AnalysedText.MAX_CHARS + 1)).isPresent());
            assertTrue(index.analyse("x".repeat(AnalysedText.MAX_CHARS)).isPresent());
        }
    }

    @Test
    void anAnalysisOfAnotherTextIsRefused() throws IOException {
        try (CaseIndex index = CaseIndex.open(dir)) {
            Optional<AnalysedText> other = index.analyse("another text");
            assertThrows(IllegalArgumentException.class, () -> index.put(item(1, "this text", null), other));
        }
    }

    private static IndexedItem item(long id, String text, String title) {
        BlobId blob = new BlobId("%064x".formatted(id));
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
        Item item = new Item(id, "file", "file:/fictitious/" + id + ".txt", at, "test", blob, text.length(),
                "text/plain", null, false, null);
        DerivedText derived = new DerivedText(id, blob, text.length(), "text/plain", "und", Optional.ofNullable(title),
                Optional.empty(), Optional.empty(), Optional.empty(), "test", Optional.empty(), Optional.empty(), 0,
                at);
        return new IndexedItem(item, derived, text, List.of());
    }

    private static void assertSameIndex(Path a, Path b) throws IOException {
        try (FSDirectory da = FSDirectory.open(a); FSDirectory db = FSDirectory.open(b);
             DirectoryReader ra = DirectoryReader.open(da); DirectoryReader rb = DirectoryReader.open(db)) {
            assertEquals(1, ra.leaves().size());
            assertEquals(1, rb.leaves().size());
            LeafReader la = ra.leaves().get(0).reader();
            LeafReader lb = rb.leaves().get(0).reader();
            assertEquals(la.maxDoc(), lb.maxDoc());
            List<String> fields = new ArrayList<>(CaseAnalyzers.TEXT_FIELDS);
            fields.add(IndexFields.TITLE);
            long postings = 0;
            for (String field : fields) {
                postings += assertSameTerms(field, la.terms(field), lb.terms(field));
                NumericDocValues na = la.getNormValues(field);
                NumericDocValues nb = lb.getNormValues(field);
                for (int d = na.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = na.nextDoc()) {
                    assertEquals(d, nb.nextDoc(), field + " norms");
                    assertEquals(na.longValue(), nb.longValue(), field + " norm of doc " + d);
                }
                assertEquals(DocIdSetIterator.NO_MORE_DOCS, nb.nextDoc(), field + " norms");
            }
            assertTrue(postings > 10_000, "the texts made postings to compare: " + postings);
        }
    }

    private static long assertSameTerms(String field, Terms ta, Terms tb) throws IOException {
        TermsEnum ea = ta.iterator();
        TermsEnum eb = tb.iterator();
        long positions = 0;
        for (var term = ea.next(); term != null; term = ea.next()) {
            assertEquals(term, eb.next(), field + " terms");
            PostingsEnum pa = ea.postings(null, PostingsEnum.ALL);
            PostingsEnum pb = eb.postings(null, PostingsEnum.ALL);
            for (int d = pa.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pa.nextDoc()) {
                assertEquals(d, pb.nextDoc(), field + ":" + term.utf8ToString());
                assertEquals(pa.freq(), pb.freq(), field + ":" + term.utf8ToString() + " in doc " + d);
                for (int k = 0; k < pa.freq(); k++) {
                    assertEquals(pa.nextPosition(), pb.nextPosition(), field + ":" + term.utf8ToString());
                    positions++;
                }
            }
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, pb.nextDoc(), field + ":" + term.utf8ToString());
        }
        assertEquals(null, eb.next(), field + " terms");
        return positions;
    }
}
