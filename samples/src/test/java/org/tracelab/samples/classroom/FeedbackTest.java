package org.tracelab.samples.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedbackTest {
    @Test
    void everyMessageSaysTheSameBlanksInEachLanguageAndDiffersBetweenThem() {
        for (Feedback f : Feedback.values()) {
            List<String> args = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                args.add("ARG" + i + "X");
            }
            Set<String> texts = new HashSet<>();
            Set<String> blanksUsed = new HashSet<>();
            for (String l : Feedback.LANGUAGES) {
                String text = f.in(l, args);
                texts.add(text);
                assertFalse(text.contains("%"), f + " in " + l + " left a blank unfilled: " + text);
                StringBuilder used = new StringBuilder();
                for (String a : args) {
                    used.append(text.contains(a) ? '1' : '0');
                }
                blanksUsed.add(used.toString());
            }
            assertEquals(3, texts.size(), f + " is not said in three languages");
            assertEquals(1, blanksUsed.size(), f + " names different things in different languages");
        }
    }

    @Test
    void anUnknownLanguageGetsEnglish() {
        assertEquals(Feedback.BAG_SIGNATURE.in("en", List.of()), Feedback.BAG_SIGNATURE.in("de", List.of()));
        assertNotEquals(Feedback.BAG_SIGNATURE.in("en", List.of()), Feedback.BAG_SIGNATURE.in("uz", List.of()));
        assertTrue(Failure.of(Feedback.BAG_CHANGED, "data/items/12/ab").in("en")
                .endsWith("changed after it was signed: data/items/12/ab"));
        assertTrue(Failure.of(Feedback.BAG_SIZE, "35784", "11", "35824", "11").in("en")
                .endsWith("it says 35784 bytes in 11 files, it holds 35824 bytes in 11 files"));
    }
}
