package org.tracelab.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BlobIdTest {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** The char-by-char test is the pattern it replaced, on names near and far from a digest's shape. */
    @Test
    void aNameIsTakenExactlyWhenItIsSixtyFourLowercaseHexDigits() {
        Random random = new Random(7);
        String chars = "0123456789abcdefABCDEFg/ \u0660\uff10-";
        for (int round = 0; round < 50_000; round++) {
            StringBuilder s = new StringBuilder();
            int length = round % 3 == 0 ? random.nextInt(70) : 63 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                // mostly hex, so that names of 64 chars are often taken and sometimes refused by one char
                s.append(random.nextInt(10) < 9 ? "0123456789abcdef".charAt(random.nextInt(16))
                        : chars.charAt(random.nextInt(chars.length())));
            }
            String name = s.toString();
            assertEquals(HEX64.matcher(name).matches(), BlobId.isLowercaseHex64(name), name);
        }
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String name = "0".repeat(63) + c;
            assertEquals(HEX64.matcher(name).matches(), BlobId.isLowercaseHex64(name), "last char " + (int) c);
        }
    }

    @Test
    void aNameThatIsNoDigestIsRefusedWithItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlobId("ABC"));
        assertEquals("not a lowercase hex SHA-256: 'ABC'", e.getMessage());
    }
}
