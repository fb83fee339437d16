package org.tracelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
    private static final ResultsTable.Provenance HERE =
            new ResultsTable.Provenance("bench/run --sizes 10k,100k", "2 cores", "2026-11-22", "abc1234");

    @Test
    void eachBenchKeepsItsSizesTogetherInAscendingOrder() {
        List<BenchLine> lines = List.of(
                BenchLine.parse("scan\t100000\ttime\t34.3\t-\t-\ts", "t 1"),
                BenchLine.parse("crawl\t10000\trate\t107\twget\t1123\tpages/s", "t 2"),
                BenchLine.parse("scan\t10000\ttime\t4.1\t-\t-\ts", "t 3"));
        assertEquals(List.of("scan 10000", "scan 100000", "crawl 10000"),
                ResultsTable.ordered(lines).stream().map(l -> l.bench() + " " + l.size()).toList());
    }

    @Test
    void aRateBelowThePeersIsSlowerAndATimeBelowThePeersIsFaster() {
        String md = ResultsTable.render(List.of(
                BenchLine.parse("crawl\t10000\trate\t107\twget\t1070\tpages/s", "t 1"),
                BenchLine.parse("import\t10000\ttime\t5\tsha256sum\t10\ts", "t 2")), HERE);
        assertTrue(md.contains("| crawl, rate | 10k | 107 pages/s | wget 1,070 pages/s | 0.10 (slower) |"), md);
        assertTrue(md.contains("| import, time | 10k | 5.00 s | sha256sum 10.0 s | 0.50 (faster) |"), md);
        assertTrue(md.contains("`bench/run --sizes 10k,100k`") && md.contains("abc1234") && md.contains("2 cores"), md);
    }

    @Test
    void aFigureWithoutAPeerHasNoRatio() {
        String md = ResultsTable.render(List.of(BenchLine.parse("links\t1000000\ttime\t2.5\t-\t-\ts", "t 1")), HERE);
        assertTrue(md.contains("| links, time | 1M | 2.50 s |  |  |"), md);
    }

    @Test
    void aMalformedLineIsNamedByFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchLine.parse("scan\t10\ttime\tfast\t-\t-\ts", "results.tsv line 4"));
        assertTrue(e.getMessage().startsWith("results.tsv line 4: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchLine.parse("scan\t10\ttime", "results.tsv line 5"));
    }
}
