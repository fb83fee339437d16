package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptsTest {
    @Test
    void everyCodePointHasTheJdksScript() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x10000 ? 1 : 97) {
            assertEquals(Character.UnicodeScript.of(cp), Scripts.of(cp), Integer.toHexString(cp));
        }
    }
}
