package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.CaseEntities;

/** How the case query syntax maps fields and values, and how it points at faults. */
class CaseQueryParserTest {
    private final CaseQueryParser parser = new CaseQueryParser(IndexFields.analyzer(), new CaseEntities("UZ"));

    @Test
    void phoneWrittenAnyWayBecomesTheSameE164Term() {
        String expected = "entity.phone:+998901234567";
        assertEquals(expected, parser.parse("phone:\"+998 90 123 45 67\"").toString());
        assertEquals(expected, parser.parse("phone:\"90 123 45 67\"").toString());
        assertEquals(expected, parser.parse("phone:901234567").toString());
    }

    @Test
    void userFieldNamesMapToIndexFields() {
        assertEquals("lang:uz-latn", parser.parse("lang:uz-Latn").toString());
        assertEquals("host:lab.example", parser.parse("host:LAB.example").toString());
        assertEquals("entity.telegram:recruiter_fictitious", parser.parse("telegram:@Recruiter_Fictitious").toString());
        assertTrue(parser.parse("title:dubai").toString().startsWith("title:dubai"));
    }

    @Test
    void cyrillicFreeTextSearchesTheThreeTextFields() {
        String s = parser.parse("ўқитувчи").toString();
        assertTrue(s.contains("text:o'qituvchi"), s);
        assertTrue(s.contains("text_ru:"), s);
        assertTrue(s.contains("text_en:"), s); // folded unstemmed Cyrillic: where ё meets е
    }

    @Test
    void latinPhraseSearchesTheScriptNeutralAndEnglishFields() {
        String s = parser.parse("\"free housing\"~2").toString();
        assertTrue(s.contains("text:\"free housing\"~2"), s);
        assertTrue(s.contains("text_en:\"free hous\"~2"), s);
        assertTrue(!s.contains("text_ru:"), s); // Russian stemming leaves Latin as it is
    }

    @Test
    void wordsInBothScriptsOrNoneSearchAllThreeTextFields() {
        for (String q : new String[] {"\"viza визу\"", "2026"}) {
            String s = parser.parse(q).toString();
            assertTrue(s.contains("text:") && s.contains("text_ru:") && s.contains("text_en:"), s);
        }
    }

    @Test
    void unclosedPhrasePointsAtItsOpeningQuote() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse("ish \"chet el"));
        assertEquals(5, e.column());
        assertEquals("ish \"chet el\n    ^", e.caret());
        assertEquals("query: col 5: this quoted phrase is not closed", e.getMessage());
    }

    @Test
    void queryEndingEarlyPointsPastItsEnd() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse("title:("));
        assertEquals(8, e.column());
        assertThrows(QuerySyntaxException.class, () -> parser.parse("ish AND"));
    }

    @Test
    void strayTokenIsNamedAtItsColumn() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse("ish)"));
        assertEquals(4, e.column());
        assertTrue(e.problem().contains("')'"), e.problem());
    }

    @Test
    void unknownFieldIsRefusedRatherThanMatchingNothing() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse("ish tel:90"));
        assertEquals(5, e.column());
        assertTrue(e.problem().startsWith("unknown field 'tel'"), e.problem());
    }

    @Test
    void controlCharactersInTheQueryKeepTheCaretAligned() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse("a\tb)"));
        assertEquals("a b)\n   ^", e.caret());
    }

    @Test
    void aReasonQuotingALineBreakStaysOneLine() {
        // Found by fuzzing (seed token-with-line-break): the parser quoted a token holding a line break.
        QuerySyntaxException e = new QuerySyntaxException("ish ~b\nc", 5, "unexpected '~b\nc' here");
        assertEquals("query: col 5: unexpected '~b\\nc' here", e.getMessage());
        assertFalse(e.problem().contains("\n"), e.problem());
    }

    @Test
    void parenthesesNestedThousandsDeepAreASyntaxErrorNotAStackOverflow() {
        String deep = "(".repeat(20_000) + "ish" + ")".repeat(20_000);
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse(deep));
        assertEquals(QueryDepth.MAX + 1, e.column());
        assertTrue(e.problem().contains("nested deeper than " + QueryDepth.MAX), e.problem());
        assertNotNull(parser.parse("(".repeat(QueryDepth.MAX) + "ish" + ")".repeat(QueryDepth.MAX)));
        assertNotNull(parser.parse("\"" + "(".repeat(200) + "\" ish"), "parentheses in a phrase do not nest");
    }

    @Test
    void aRegularExpressionLuceneCannotCompileIsASyntaxErrorAtItsSlash() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse("ish /a(b/"));
        assertEquals(5, e.column());
        assertTrue(e.problem().startsWith("not a regular expression: "), e.problem());
    }
    @Test
    void aRegularExpressionWhoseAutomatonWouldExplodeIsASyntaxErrorNotAHang() {
        // Each stacked repetition doubles the automaton Lucene builds before its determinize limit applies.
        for (String regex : List.of("a" + "+".repeat(60), "(".repeat(40) + "a" + ")+".repeat(40), "(ab){1,70000}")) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parser.parse("ish /" + regex + "/"),
                    regex);
            assertEquals(5, e.column());
            assertTrue(e.problem().startsWith("regular expression too complex"), e.problem());
        }
        assertNotNull(parser.parse("/[0-9]{2,3}(-[0-9]{2}){2}/"), "a real pattern stays within the budget");
        assertNotNull(parser.parse("/(ish|ishchi)+/"));
    }
}
