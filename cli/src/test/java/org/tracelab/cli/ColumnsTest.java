package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void padsAsTheFormatterDoesForShortAndOverlongValues() {
        for (long n : new long[] {0, 7, 12345, 123456, -42, Long.MAX_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%5d", n), Columns.right(new StringBuilder(), n, 5).toString());
        }
        for (String s : new String[] {"", "phone", "telegram", "whatsapp1", "a-much-longer-type"}) {
            assertEquals(String.format(Locale.ROOT, "%-9s", s), Columns.left(new StringBuilder(), s, 9).toString());
        }
    }

    @Test
    void appendsToWhatTheLineHoldsAlready() {
        assertEquals("ab   42|x  |", Columns.left(Columns.right(new StringBuilder("ab"), 42, 5).append('|'), "x", 3)
                .append('|').toString());
    }
}
