package org.tracelab.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.analysis.CommonGrams;
import org.tracelab.core.entities.EntityType;
import org.tracelab.core.imagehash.PdqHash;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.EntityFinder;
import org.tracelab.core.ingest.EntityMention;

/**
 * Lucene's classic query syntax over a case index: free text searches the three text fields, and the fields a
 * user knows by name ({@code title:}, {@code host:}, {@code lang:}, {@code kind:}, {@code tag:}, {@code phone:},
 * {@code telegram:}, {@code email:} and the other entity types) map to the index's fields. Entity values are
 * normalized as ingest normalized them, so {@code phone:"90 123 45 67"} finds {@code +998901234567}. Tags are not in
 * the index: {@code tag:} (a term, a prefix, a wildcard…) is matched against the tags the case holds now and becomes
 * a filter on the ids of the items that have them, as {@code --tag} does.
 *
 * <p>Not thread-safe (the classic parser is not); make one per query.
 */
public final class CaseQueryParser {
    /** Entity types a query may name as a field; each maps to {@code entity.<type>}. */
    static final Set<String> ENTITY_TYPES = java.util.Arrays.stream(EntityType.values()).map(EntityType::cliName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** Names a user may write for index fields. */
    static final Map<String, String> ALIASES = Map.of("title", IndexFields.TITLE, "host", IndexFields.HOST,
            "lang", IndexFields.LANG, "kind", IndexFields.KIND, "collector", IndexFields.COLLECTOR,
            "tag", IndexFields.TAGS, "tags", IndexFields.TAGS, "id", IndexFields.ID);
    /** The field names a query may use, sorted: for a shell to complete. */
    public static java.util.SortedSet<String> fieldNames() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(ALIASES.keySet());
        names.addAll(ENTITY_TYPES);
        names.add(IMAGE_FIELD);
        return names;
    }

    /**
     * The index field a keyword field name of a query stands for ({@code lang}, {@code host}, {@code kind},
     * {@code collector}), if it is one.
     */
    public static java.util.Optional<String> keywordField(String name) {
        return java.util.Set.of("lang", "host", "kind", "collector").contains(name)
                ? java.util.Optional.of(ALIASES.get(name)) : java.util.Optional.empty();
    }

    /** The field that finds items by picture: {@code image:ITEM}. */
    public static final String IMAGE_FIELD = "image";
    /** At most this many items answer one {@code image:} (Lucene's clause limit is 1024). */
    private static final int MAX_SIMILAR = 1000;
    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

    private final Analyzer analyzer;
    private final EntityFinder entities;
    private final CaseTags tags;
    private final SimilarPictures pictures;

    /** A parser with no case behind it: {@code tag:} and {@code image:} match nothing. */
    public CaseQueryParser(Analyzer analyzer, EntityFinder entities) {
        this(analyzer, entities, CaseTags.NONE, SimilarPictures.NONE);
    }

    /**
     * A parser analyzing with {@code analyzer}, normalizing entity values with {@code entities}, resolving
     * {@code tag:} against the case's {@code tags} and {@code image:ITEM} against its {@code pictures}.
     */
    public CaseQueryParser(Analyzer analyzer, EntityFinder entities, CaseTags tags, SimilarPictures pictures) {
        this.analyzer = analyzer;
        this.entities = entities;
        this.tags = java.util.Objects.requireNonNull(tags, "tags");
        this.pictures = java.util.Objects.requireNonNull(pictures, "pictures");
    }

    /**
     * Parses {@code query} for matching, or throws {@link QuerySyntaxException} pointing at the fault. Exact phrases
     * over the text fields are matched through the index's common grams ({@link CommonGrams}).
     */
    public Query parse(String query) {
        if (query.isBlank()) {
            throw new QuerySyntaxException(query, 1, "the query is empty");
        }
        if (query.strip().equals("*") || query.strip().equals("*:*")) {
            return new MatchAllDocsQuery(); // every item: a search by filters alone
        }
        int tooDeep = QueryDepth.firstTooDeep(query);
        if (tooDeep >= 0) {
            throw new QuerySyntaxException(query, tooDeep + 1, "parentheses nested deeper than " + QueryDepth.MAX);
        }
        Parser p = new Parser(analyzer, query);
        try {
            return p.parse(query);
        } catch (ParseException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof QuerySyntaxException q) {
                    throw q;
                }
            }
            throw explain(query, e);
        }
    }

    /** The exact query for an entity: {@code type} as a user names it, {@code value} as written anywhere. */
    public Query entityQuery(String type, String value) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        if (!ENTITY_TYPES.contains(t)) {
            throw new org.tracelab.core.TracelabException(org.tracelab.core.TracelabException.Failure.BAD_INPUT,
                    "entity type '" + type + "' is unknown; known: " + String.join(", ", new TreeSet<>(ENTITY_TYPES)));
        }
        return new TermQuery(new Term(IndexFields.entityField(t), normalize(t, value)));
    }

    /**
     * The value as ingest stores it: what the entity finder makes of it when it finds an entity of that type in it
     * (so {@code 90 123 45 67} becomes {@code +998901234567}), else the value with the usual folding.
     */
    String normalize(String type, String value) {
        String v = value.strip();
        for (EntityMention m : entities.find(v)) {
            if (m.type().equals(type)) {
                return m.value();
            }
        }
        return switch (type) {
            case "phone", "whatsapp" -> v.replaceAll("[^+0-9]", "");
            case "telegram", "instagram" -> (v.startsWith("@") ? v.substring(1) : v).toLowerCase(Locale.ROOT);
            case "email", "vk" -> v.toLowerCase(Locale.ROOT);
            default -> v;
        };
    }

    /**
     * The items having a tag that {@code tagQuery} (on {@link IndexFields#TAGS}) matches, as a constant-score filter
     * on their ids. Each tag the case has is tried in a one-value memory index analysed as the index would have
     * analysed it, so a prefix, a wildcard or a fuzzy term means what it means on any keyword field.
     */
    private Query taggedItems(Query tagQuery) {
        List<BytesRef> ids = new ArrayList<>();
        for (String tag : tags.names()) {
            MemoryIndex one = new MemoryIndex();
            one.addField(IndexFields.TAGS, IndexFields.keyword(tag), analyzer);
            if (one.search(tagQuery) > 0) {
                tags.itemsTagged(tag).forEach(id -> ids.add(new BytesRef(Long.toString(id))));
            }
        }
        return new ConstantScoreQuery(ids.isEmpty() ? new MatchNoDocsQuery("no item has a tag matching " + tagQuery)
                : new TermInSetQuery(IndexFields.ID, ids));
    }

    /** The classic parser with the user's field names mapped to the index's. */
    private final class Parser extends MultiFieldQueryParser {
        private final String query;
        /** True while an exact phrase (no slop) is parsed, so that {@link #createFieldQuery} may use common grams. */
        private boolean exactPhrase;

        Parser(Analyzer analyzer, String query) {
            super(CaseAnalyzers.TEXT_FIELDS.toArray(String[]::new), analyzer);
            this.query = query;
            setSplitOnWhitespace(true);
            // Leading wildcards scan the terms of a field: slow on a web-scale index, fine on a case.
            setAllowLeadingWildcard(true);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (IMAGE_FIELD.equalsIgnoreCase(String.valueOf(field))) {
                return similarPictures(queryText);
            }
            if (isEntity(field)) {
                return entityQuery(field, queryText);
            }
            if (field == null) {
                return withFieldsFor(queryText, () -> super.getFieldQuery(null, queryText, quoted));
            }
            String indexField = indexField(field);
            return resolved(indexField, super.getFieldQuery(indexField, queryText, quoted));
        }

        /** A quoted phrase; the parser gives {@code slop} 0 when none is written. */
        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (IMAGE_FIELD.equalsIgnoreCase(String.valueOf(field))) {
                return similarPictures(queryText);
            }
            if (isEntity(field)) {
                return entityQuery(field, queryText);
            }
            exactPhrase = slop == 0;
            try {
                if (field == null) {
                    return withFieldsFor(queryText, () -> super.getFieldQuery(null, queryText, slop));
                }
                String indexField = indexField(field);
                return resolved(indexField, super.getFieldQuery(indexField, queryText, slop));
            } finally {
                exactPhrase = false;
            }
        }

        /**
         * The query of one field's tokens; an exact phrase's tokens joined into the common grams the field indexes.
         * The multi-field parser adds a phrase's slop only after this, hence the flag set by the caller.
         */
        @Override
        protected Query createFieldQuery(TokenStream source, BooleanClause.Occur operator, String field,
                                         boolean quoted, int phraseSlop) {
            TokenStream tokens = exactPhrase && quoted ? CommonGrams.forExactPhrase(field, source) : source;
            return super.createFieldQuery(tokens, operator, field, quoted, phraseSlop);
        }

        /**
         * Free text parsed over only the text fields its script needs ({@link CaseAnalyzers#textFieldsFor}); the
         * multi-field parser still joins the per-field queries its own way.
         */
        private Query withFieldsFor(String words, FieldQuery parse) throws ParseException {
            String[] all = fields;
            fields = CaseAnalyzers.textFieldsFor(words).toArray(String[]::new);
            try {
                return parse.get();
            } finally {
                fields = all;
            }
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            String indexField = indexField(field);
            return resolved(indexField, super.getPrefixQuery(indexField, termStr));
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            String indexField = indexField(field);
            return resolved(indexField, super.getWildcardQuery(indexField, termStr));
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            String indexField = indexField(field);
            return resolved(indexField, super.getFuzzyQuery(indexField, termStr, minSimilarity));
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            String indexField = indexField(field);
            try {
                if (!RegexBudget.fits(new RegExp(termStr, RegExp.ALL))) {
                    throw regexError(termStr, "regular expression too complex (more than "
                            + RegexBudget.MAX_STATES + " automaton states); simplify its repetitions");
                }
                return resolved(indexField, super.getRegexpQuery(indexField, termStr));
            } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
                // Lucene's RegExp rejects a bad /regex/ with an unchecked exception; it is the user's syntax error.
                throw regexError(termStr, "not a regular expression: " + e.getMessage());
            }
        }

        /** The caret shows which expression; the expression itself may hold anything, line breaks included. */
        private ParseException regexError(String termStr, String problem) {
            int at = query.indexOf("/" + termStr);
            ParseException pe = new ParseException("bad regular expression");
            pe.initCause(new QuerySyntaxException(query, at < 0 ? 1 : at + 1, problem));
            return pe;
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            String indexField = indexField(field);
            return resolved(indexField,
                    super.getRangeQuery(indexField, part1, part2, startInclusive, endInclusive));
        }

        /**
         * {@code image:ITEM}: the items with a picture like ITEM's, scored {@value PdqHash#BITS} minus the distance
         * so that the nearest rank first; an id that is not a number is a syntax error pointing at it.
         */
        private Query similarPictures(String item) throws ParseException {
            long id;
            try {
                id = Long.parseLong(item.strip());
            } catch (NumberFormatException e) {
                int at = query.indexOf(item);
                ParseException pe = new ParseException("bad image item");
                pe.initCause(new QuerySyntaxException(query, at < 0 ? 1 : at + 1,
                        "image: takes an item id, e.g. image:12, not '" + item + "'"));
                throw pe;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int clauses = 0;
            for (Map.Entry<Long, Integer> e : pictures.similarTo(id).entrySet()) {
                if (clauses++ == MAX_SIMILAR) {
                    break; // nearest first: the farthest of a huge cluster are left out
                }
                b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.ID,
                        Long.toString(e.getKey())))), PdqHash.BITS - e.getValue()), BooleanClause.Occur.SHOULD);
            }
            return clauses == 0 ? new MatchNoDocsQuery("item " + id + " has no hashed picture") : b.build();
        }

        /** A query on the tags field matched against the case's tags now; any other query as it is. */
        private Query resolved(String indexField, Query query) {
            return IndexFields.TAGS.equals(indexField) && query != null ? taggedItems(query) : query;
        }

        private boolean isEntity(String field) {
            return field != null && ENTITY_TYPES.contains(field.toLowerCase(Locale.ROOT));
        }

        /** The index field for a name the user wrote; null (the default text fields) stays null. */
        private String indexField(String field) throws ParseException {
            if (field == null || CaseAnalyzers.TEXT_FIELDS.contains(field)) {
                return field;
            }
            String lower = field.toLowerCase(Locale.ROOT);
            String mapped = ALIASES.get(lower);
            if (mapped != null) {
                return mapped;
            }
            if (lower.startsWith(CaseAnalyzers.ENTITY_PREFIX)
                    && ENTITY_TYPES.contains(lower.substring(CaseAnalyzers.ENTITY_PREFIX.length()))) {
                return lower;
            }
            if (ENTITY_TYPES.contains(lower)) {
                return IndexFields.entityField(lower);
            }
            Set<String> known = new TreeSet<>(ALIASES.keySet());
            known.addAll(ENTITY_TYPES);
            int at = query.indexOf(field + ":");
            ParseException pe = new ParseException("unknown field");
            pe.initCause(new QuerySyntaxException(query, at < 0 ? 1 : at + 1, "unknown field '" + field
                    + "' (put a colon in quotes to search it as text); fields: " + String.join(", ", known)));
            throw pe;
        }
    }

    /** A parse of the multi-field parser, which may fail with a syntax error. */
    @FunctionalInterface
    private interface FieldQuery {
        Query get() throws ParseException;
    }

    /**
     * Turns the parser's exception into a column and a short reason. The classic parser wraps the real failure:
     * a {@link ParseException} holding the token it stopped at (whose columns count from 0), or the tokenizer's
     * error when it stopped inside a phrase or an escape.
     */
    static QuerySyntaxException explain(String query, ParseException e) {
        if (e.getCause() instanceof ParseException inner && inner.currentToken != null
                && inner.currentToken.next != null) {
            Token next = inner.currentToken.next;
            if (next.kind == QueryParserConstants.EOF) {
                return new QuerySyntaxException(query, query.length() + 1,
                        "the query ends too early: a term or a closing bracket is missing");
            }
            return new QuerySyntaxException(query, next.beginColumn + 1, "unexpected '" + next.image + "' here");
        }
        if (e.getCause() instanceof TokenMgrError) {
            int quote = unclosedQuote(query);
            if (quote >= 0) {
                return new QuerySyntaxException(query, quote + 1, "this quoted phrase is not closed");
            }
            if (query.endsWith("\\")) {
                return new QuerySyntaxException(query, query.length(), "a backslash at the end escapes nothing");
            }
            Matcher c = LEXICAL_COLUMN.matcher(String.valueOf(e.getMessage()));
            return new QuerySyntaxException(query, c.find() ? Integer.parseInt(c.group(1)) : query.length() + 1,
                    "the query cannot be read from here (quote the term or escape the character with a backslash)");
        }
        String m = String.valueOf(e.getMessage());
        int colon = m.indexOf("': ");
        return new QuerySyntaxException(query, 1, colon >= 0 ? m.substring(colon + 3).strip() : m);
    }

    /** Index of a double quote that opens a phrase never closed, or -1. */
    private static int unclosedQuote(String q) {
        int open = -1;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                open = open < 0 ? i : -1;
            }
        }
        return open;
    }
}
