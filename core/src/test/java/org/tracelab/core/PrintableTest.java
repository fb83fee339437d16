package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlCharactersInNamesCannotForgeTerminalLines() {
        assertEquals("evil\\nverified: all holds", Printable.of("evil\nverified: all holds"));
        assertEquals("a\\u001b[2Jb", Printable.of("a\u001b[2Jb"));
        assertEquals("x\\u202ey", Printable.of("x\u202ey"));
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String s = "Ish bor: oʻqituvchi, Тошкент";
        assertSame(s, Printable.of(s));
    }
}
