package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    /** The formatter the written form was defined by, before it was written digit by digit. */
    private static final DateTimeFormatter DEFINED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatTheFormatterWroteAndReadsItBack() {
        SplittableRandom random = new SplittableRandom(20);
        Instant first = Instant.parse("0001-01-01T00:00:00Z");
        Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(first.getEpochSecond(), last.getEpochSecond() + 1),
                    random.nextInt(1_000_000_000));
            String written = Timestamps.format(t);
            assertEquals(DEFINED.format(t.truncatedTo(ChronoUnit.MILLIS)), written, t.toString());
            assertEquals(t.truncatedTo(ChronoUnit.MILLIS), Timestamps.parse(written), written);
            assertEquals(Instant.parse(written), Timestamps.parse(written), written);
        }
    }

    @Test
    void writesYearsOutsideOneToNineThousandAsTheFormatterDoes() {
        for (Instant t : List.of(Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0000-06-01T12:00:00Z"),
                Instant.parse("-0001-06-01T12:00:00Z"))) {
            assertEquals(DEFINED.format(t), Timestamps.format(t));
        }
    }

    @Test
    void readsEveryOtherInstantAsInstantParseDoes() {
        for (String s : List.of("2024-12-31T24:00:00.000Z", "2016-12-31T23:59:60.000Z", "2024-02-29T00:00:00.000Z",
                "2024-01-31T23:59:59Z", "2024-01-31T23:59:59.123456Z", "+12024-01-31T23:59:59.123Z",
                "0000-01-01T00:00:00.000Z")) {
            assertEquals(Instant.parse(s), Timestamps.parse(s), s);
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String s : List.of("2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z", "2024-00-10T00:00:00.000Z",
                "2024-01-32T00:00:00.000Z", "2024-01-01T25:00:00.000Z", "2024-01-01T00:60:00.000Z",
                "2024-01-01T00:00:61.000Z", "2024-01-01T00:00:00.00xZ", "2024-01-01 00:00:00.000Z",
                "2024-01-01T00:00:00.000+", "２０２４-01-01T00:00:00.000Z", "")) {
            assertThrows(DateTimeException.class, () -> Timestamps.parse(s), s);
            assertThrows(DateTimeException.class, () -> Instant.parse(s), s);
        }
    }
}
