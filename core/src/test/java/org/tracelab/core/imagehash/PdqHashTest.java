package org.tracelab.core.imagehash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PdqHashTest {
    private static final String HEX = "ad64cd9875e131a177b1f2a0d6b38ae1de9ea80421e4c51dde1b0363deba3466";

    @Test
    void hexReadsBackAsWritten() {
        assertEquals(HEX, PdqHash.parse(HEX).hex());
    }

    @Test
    void bitTwoHundredFiftyFiveIsTheFirstHexDigitsHighBit() {
        PdqHash h = PdqHash.parse("8" + "0".repeat(63));
        assertTrue(h.bit(255));
        assertFalse(h.bit(0));
        assertEquals(1, h.distance(PdqHash.parse("0".repeat(64))));
    }

    @Test
    void chunksAreSixteenBitsFromBitZero() {
        PdqHash h = PdqHash.parse("0".repeat(60) + "beef");
        assertEquals(0xbeef, h.chunk(0));
        assertEquals(0, h.chunk(1));
        assertEquals(0xffff, PdqHash.parse("ffff" + "0".repeat(60)).chunk(15));
    }

    @Test
    void distanceCountsDifferingBits() {
        assertEquals(256, PdqHash.parse("f".repeat(64)).distance(PdqHash.parse("0".repeat(64))));
        assertEquals(0, PdqHash.parse(HEX).distance(PdqHash.parse(HEX.toUpperCase(java.util.Locale.ROOT))));
    }

    @Test
    void badTextIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PdqHash.parse("abc"));
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PdqHash.parse("g".repeat(64)));
    }
}
