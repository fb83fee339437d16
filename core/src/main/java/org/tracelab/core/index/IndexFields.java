package org.tracelab.core.index;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.analysis.CommonGrams;
import org.tracelab.core.entities.FoundIn;
import org.tracelab.core.ingest.EntityMention;

/**
 * The fields of a case index and how an item becomes a document in it. Keyword fields hold lowercase values so
 * that {@code lang:uz-Latn} and {@code --lang uz-latn} find the same items.
 */
public final class IndexFields {
    /** The item id: stored, matched exactly. */
    public static final String ID = "id";
    public static final String KIND = "kind";
    /** Host of a web capture (or of the capture a member came from). */
    public static final String HOST = "host";
    /** The language tag and, for tags with a script or region, the bare language too ({@code uz-latn}, {@code uz}). */
    public static final String LANG = "lang";
    public static final String COLLECTOR = "collector";
    /** Capture time in epoch milliseconds: points and doc values, for ranges and sorting. */
    public static final String CAPTURED = "captured";
    /**
     * Tags, as a query names them: not indexed (they change after indexing), matched against the case database's
     * tags when a query is parsed; a keyword field so that their analysis is that of one.
     */
    public static final String TAGS = "tags";
    public static final String TITLE = "title";
    /** Where the item came from: stored only. */
    public static final String SOURCE = "source";
    /** SHA-256 of the extracted text blob: stored only, to highlight hits from the text itself. */
    public static final String TEXT_SHA256 = "text_sha256";
    /** SHA-256 of a page's main text blob: stored only, so passages come from the text a reader would read. */
    public static final String MAIN_SHA256 = "main_sha256";
    /** Where the pieces of a page's main text lie in its extracted text when it is not a blob: stored only. */
    public static final String MAIN_PIECES = "main_pieces";
    /**
     * The capture an item belongs to, stored: its own id, or for a record read out of a page (an ad, a post) the
     * page's, so that a search shows the page and its record as one hit.
     */
    public static final String CAPTURE = "capture";
    /** Kinds of item that are records read out of the page that is their parent. */
    public static final Set<String> RECORD_KINDS = Set.of("ad", "post");
    /**
     * Prefix of the fields that hold the entities a page shows in its main text (all of an item's entities when it
     * has no main text): what links read by default, so a site-wide footer phone does not tie every page together.
     */
    public static final String MAIN_ENTITY_PREFIX = "main." + CaseAnalyzers.ENTITY_PREFIX;
    /** Fields holding one exact lowercase value. */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ID, KIND, HOST, LANG, COLLECTOR, TAGS);
    private IndexFields() {
    }

    /** The field that holds entities of {@code type}, e.g. {@code entity.phone}. */
    public static String entityField(String type) {
        return CaseAnalyzers.ENTITY_PREFIX + type;
    }

    /** The field that holds entities of {@code type} found in main texts, e.g. {@code main.entity.phone}. */
    public static String mainEntityField(String type) {
        return MAIN_ENTITY_PREFIX + type;
    }

    /**
     * The analyzer for querying and highlighting: the case analyzers, keyword fields lowercased whole. The index
     * holds the same terms and, besides, common grams ({@link #indexingAnalyzer}).
     */
    public static Analyzer analyzer() {
        return new KeywordAwareAnalyzer(CaseAnalyzers.create());
    }

    /**
     * The analyzer for indexing: {@link #analyzer()} with words joined to digits also as the word
     * ({@link JoinedWords}) and {@link CommonGrams} on the text fields.
     */
    static Analyzer indexingAnalyzer() {
        return CommonGrams.forIndexing(highlightingAnalyzer());
    }

    /** The analyzer that highlights a hit's words as the index holds them: without common grams, with joined words. */
    public static Analyzer highlightingAnalyzer() {
        return new KeywordAwareAnalyzer(CaseAnalyzers.forIndexing());
    }

    /** The lowercase form keyword fields hold. */
    public static String keyword(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** The host of a web source, lowercase; empty for files and other sources. */
    public static Optional<String> hostOf(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        if (!s.startsWith("http://") && !s.startsWith("https://")) {
            return Optional.empty();
        }
        int end = s.length();
        for (String stop : new String[] {"/", "?", "#"}) {
            int i = s.indexOf(stop, s.indexOf("//") + 2);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        try {
            return Optional.ofNullable(URI.create(s.substring(0, end)).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The document for one item, its text fields replayed from {@code analysed} when given. */
    static Document document(IndexedItem it, Optional<AnalysedText> analysed) {
        if (analysed.isPresent() && !analysed.get().isOf(it.text())) {
            throw new IllegalArgumentException("analysis of another text given for item " + it.item().id());
        }
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(it.item().id()), Field.Store.YES));
        doc.add(new StringField(KIND, keyword(it.item().kind()), Field.Store.YES));
        doc.add(new StringField(COLLECTOR, keyword(it.item().collector()), Field.Store.NO));
        hostOf(it.item().source()).ifPresent(h -> doc.add(new StringField(HOST, h, Field.Store.NO)));
        String lang = it.derived().language();
        doc.add(new StoredField(LANG, lang));
        doc.add(new StringField(LANG, keyword(lang), Field.Store.NO));
        int dash = lang.indexOf('-');
        if (dash > 0) {
            doc.add(new StringField(LANG, keyword(lang.substring(0, dash)), Field.Store.NO));
        }
        doc.add(new LongField(CAPTURED, it.item().capturedAt().toEpochMilli(), Field.Store.YES));
        doc.add(new StoredField(SOURCE, it.item().source()));
        doc.add(new StoredField(TEXT_SHA256, it.derived().blob().sha256()));
        it.main().ifPresent(m -> doc.add(m.derived().pieces().isPresent()
                ? new StoredField(MAIN_PIECES, m.derived().pieces().get().toString())
                : new StoredField(MAIN_SHA256, m.derived().blob().sha256())));
        long capture = RECORD_KINDS.contains(it.item().kind()) ? it.item().parent().orElse(it.item().id())
                : it.item().id();
        doc.add(new StoredField(CAPTURE, capture));
        it.derived().title().ifPresent(t -> {
            doc.add(new TextField(TITLE, t, Field.Store.YES));
            for (String f : CaseAnalyzers.TEXT_FIELDS) {
                doc.add(new TextField(f, t, Field.Store.NO));
            }
        });
        for (String f : CaseAnalyzers.TEXT_FIELDS) {
            doc.add(analysed.isPresent() ? new Field(f, analysed.get().tokens(f), TextField.TYPE_NOT_STORED)
                    : new TextField(f, it.text(), Field.Store.NO));
        }
        String main = it.main().map(IndexedItem.Main::text).orElse(null);
        for (EntityMention e : it.entities()) {
            doc.add(new StringField(entityField(e.type()), e.value(), Field.Store.NO));
            // A link's URL is never in any text; whether it is the site's own furniture is decided across pages
            // (CaseLinks.withoutSitesOwn), not by the main text.
            if (main == null || e.foundIn() == FoundIn.LINK || main.contains(e.raw())) {
                doc.add(new StringField(mainEntityField(e.type()), e.value(), Field.Store.NO));
            }
        }
        return doc;
    }

    /** Keyword fields as one lowercase token; everything else as the case analyzers say. */
    private static final class KeywordAwareAnalyzer extends DelegatingAnalyzerWrapper {
        private final Analyzer text;
        private final Analyzer keyword = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                KeywordTokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }

            @Override
            protected org.apache.lucene.analysis.TokenStream normalize(String fieldName,
                                                                      org.apache.lucene.analysis.TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };

        KeywordAwareAnalyzer(Analyzer text) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.text = text;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return KEYWORD_FIELDS.contains(fieldName) ? keyword : text;
        }

        @Override
        public void close() {
            text.close();
            keyword.close();
            super.close();
        }
    }
}
