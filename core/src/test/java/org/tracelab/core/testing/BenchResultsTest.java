package org.tracelab.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.testing.BenchResults.Figure;

class BenchResultsTest {
    @TempDir
    Path tmp;

    @Test
    void figuresAreAppendedAsTsvLinesWithFourSignificantDigits() throws Exception {
        Path file = tmp.resolve("results.tsv");
        BenchResults.appendTo(file, new Figure("crawl", 2000, "rate", 107.234, "wget", 1123.49, "pages/s"));
        BenchResults.appendTo(file, Figure.alone("scan", 1_000_000, "time", 136.0, "s"));
        assertEquals(List.of("crawl\t2000\trate\t107.2\twget\t1123\tpages/s", "scan\t1000000\ttime\t136\t-\t-\ts"),
                Files.readAllLines(file));
    }

    @Test
    void aFieldWithATabIsRefusedBecauseItWouldShiftTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> new Figure("a\tb", 1, "time", 1, "-", 0, "s"));
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Figure.alone("scan", 10, "time", Double.NaN, "s").line());
    }
}
