package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Where a main text's lines lie in the full text, and back. Texts are fictitious. */
class TextPiecesTest {
    private static final String TEXT = "Bosh sahifa\nE'lonlar\nOshpaz kerak.\nMaosh 500$.\nUlashish\nTel +998 90 000 00 00"
            + "\nsupport@site.example";

    @Test
    void linesNextToEachOtherInTheTextAreOnePiece() {
        TextPieces p = TextPieces.find("Oshpaz kerak.\nMaosh 500$.", TEXT).orElseThrow();
        assertEquals(List.of(new TextPieces.Range(21, 46)), p.ranges());
        assertEquals("Oshpaz kerak.\nMaosh 500$.", p.in(TEXT));
    }

    @Test
    void linesApartInTheTextArePiecesJoinedByALineBreak() {
        String main = "Oshpaz kerak.\nMaosh 500$.\nTel +998 90 000 00 00";
        TextPieces p = TextPieces.find(main, TEXT).orElseThrow();
        assertEquals("21-46,56-77", p.toString());
        assertEquals(main, p.in(TEXT));
        assertEquals(main.length(), p.length());
        assertEquals(Optional.of(p), TextPieces.parse(p.toString()));
    }

    @Test
    void aTextNotMadeOfLinesOfTheTextInOrderHasNoPieces() {
        assertEquals(Optional.empty(), TextPieces.find("Maosh 500$.\nOshpaz kerak.", TEXT), "out of order");
        assertEquals(Optional.empty(), TextPieces.find("Oshpaz kerak, Toshkent.", TEXT), "not in the text");
        assertEquals(Optional.empty(), TextPieces.find("Oshpaz kerak.\n\nMaosh 500$.", TEXT), "an empty line");
        assertEquals(Optional.empty(), TextPieces.find("", TEXT));
    }

    @Test
    void aPartOfALineIsAPieceToo() {
        TextPieces p = TextPieces.find("kerak.\nMaosh", TEXT).orElseThrow();
        assertEquals("kerak.\nMaosh", p.in(TEXT));
    }

    @Test
    void moreThanTheMostPiecesIsNoPieces() {
        StringJoiner text = new StringJoiner("\n");
        StringJoiner main = new StringJoiner("\n");
        for (int i = 0; i <= TextPieces.MAX_PIECES; i++) {
            text.add("line " + i).add("menu " + i);
            main.add("line " + i);
        }
        assertEquals(Optional.empty(), TextPieces.find(main.toString(), text.toString()));
    }

    @Test
    void whatIsFoundGivesTheTextBackOnRandomLines() {
        Random r = new Random(16);
        for (int n = 0; n < 2_000; n++) {
            StringJoiner text = new StringJoiner("\n");
            StringJoiner main = new StringJoiner("\n");
            for (int i = 0; i < 1 + r.nextInt(30); i++) {
                String line = "ab".repeat(r.nextInt(3)) + (char) ('a' + r.nextInt(3)) + (r.nextBoolean() ? "" : " b");
                text.add(line);
                if (r.nextInt(3) > 0) {
                    main.add(line);
                }
            }
            String m = main.toString();
            Optional<TextPieces> p = TextPieces.find(m, text.toString());
            assertTrue(p.isEmpty() || p.get().in(text.toString()).equals(m), () -> m + " in " + text);
            assertTrue(m.isEmpty() || p.isPresent(), () -> m + " in " + text); // its lines are the text's, in order
        }
    }

    @Test
    void writtenPiecesThatAreNotPiecesAreNone() {
        for (String bad : List.of("", "5", "-1-4", "4-2", "0-5,3-8", "a-b", "0-5,", "0-99999999999")) {
            assertEquals(Optional.empty(), TextPieces.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> TextPieces.parse("0-100").orElseThrow().in(TEXT));
    }
}
