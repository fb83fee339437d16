package org.tracelab.core.analysis;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;

/**
 * The one analyzer a case index uses for both indexing and querying, and the names of the fields it knows.
 *
 * <p>Every document's text goes into three parallel fields rather than one field chosen by detected language: ads
 * are short and mix languages, so language identification is least reliable exactly where a wrong choice would
 * hide a document from a query; parallel fields cost index size, which a case can afford. {@link #TEXT} matches
 * across Uzbek scripts and apostrophes (and exact forms in any language), {@link #TEXT_RU} matches Russian word
 * forms, {@link #TEXT_EN} English ones. Search all three with {@link #TEXT_FIELDS}. Fields named with
 * {@link #ENTITY_PREFIX} hold normalized entities (E.164 phones, e-mails, handles) and are matched exactly.
 */
public final class CaseAnalyzers {
    /** Script-neutral text: folded, Uzbek Cyrillic transliterated to Latin, unstemmed. */
    public static final String TEXT = "text";
    /** The same text with Russian stemming. */
    public static final String TEXT_RU = "text_ru";
    /** The same text with English stemming. */
    public static final String TEXT_EN = "text_en";
    /** The text fields a free-text query searches. */
    public static final List<String> TEXT_FIELDS = List.of(TEXT, TEXT_RU, TEXT_EN);
    /** Prefix of entity fields, e.g. {@code entity.phone}: keyword, exact. */
    public static final String ENTITY_PREFIX = "entity.";

    private CaseAnalyzers() {
    }

    /**
     * The text fields a free-text query needs to search for {@code words}: all three, but {@link #TEXT} and
     * {@link #TEXT_EN} for words in Latin script alone. A Latin word passes through the Russian stemmer unchanged,
     * so in {@link #TEXT_RU} it ends as in {@link #TEXT} (same folding; transliteration leaves Latin alone) and that
     * field would only match again ads that {@link #TEXT} matches; searching one field less saves a third of the
     * matching of phrases of frequent words. Not the reverse for Cyrillic words: {@link #TEXT} holds them
     * transliterated and {@link #TEXT_EN} folded and unstemmed, and each matches forms the others do not.
     */
    public static List<String> textFieldsFor(String words) {
        boolean latin = false;
        for (int i = 0; i < words.length(); ) {
            int c = words.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    return TEXT_FIELDS;
                }
                latin = true;
            }
        }
        return latin ? List.of(TEXT, TEXT_EN) : TEXT_FIELDS;
    }

    /** A new analyzer for a case index: thread-safe, reuse one per index writer or searcher. */
    public static Analyzer create() {
        return new FieldAnalyzer(false);
    }

    /**
     * The analyzer the index is written (and its hits highlighted) with: {@link #create()}'s, but a word written
     * joined to digits is also indexed as the word ({@link JoinedWords}).
     */
    public static Analyzer forIndexing() {
        return new FieldAnalyzer(true);
    }

    /**
     * The analyzer of one of {@link #TEXT_FIELDS} alone, whatever field it is later asked for: what an engine that
     * names an analyzer per field (the shared index's OpenSearch plugin) needs; {@code indexing} as
     * {@link #forIndexing()}.
     */
    public static Analyzer forField(String field, boolean indexing) {
        return switch (field) {
            case TEXT -> new UzbekScriptAnalyzer(indexing);
            case TEXT_RU -> new RussianTextAnalyzer(indexing);
            case TEXT_EN -> new EnglishTextAnalyzer(indexing);
            default -> throw new IllegalArgumentException("not a text field: " + field);
        };
    }

    /** Chooses by field name; unknown fields (title, host…) get the script-neutral text analysis. */
    private static final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
        private final Analyzer text;
        private final Analyzer russian;
        private final Analyzer english;
        private final Analyzer keyword = new KeywordAnalyzer();
        private final Map<String, Analyzer> stemmed;

        FieldAnalyzer(boolean joinedWords) {
            super(PER_FIELD_REUSE_STRATEGY);
            text = new UzbekScriptAnalyzer(joinedWords);
            russian = new RussianTextAnalyzer(joinedWords);
            english = new EnglishTextAnalyzer(joinedWords);
            stemmed = Map.of(TEXT_RU, russian, TEXT_EN, english);
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            if (fieldName.startsWith(ENTITY_PREFIX)) {
                return keyword;
            }
            return stemmed.getOrDefault(fieldName, text);
        }

        @Override
        public void close() {
            text.close();
            russian.close();
            english.close();
            keyword.close();
            super.close();
        }
    }
}
