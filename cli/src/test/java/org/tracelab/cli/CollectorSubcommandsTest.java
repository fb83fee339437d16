package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorSubcommandsTest {
    @Test
    void onlyACommandLineNamingCollectLoadsTheCollectors() {
        assertTrue(Tracelab.needsCollectors(new String[] {"collect", "file", "x"}));
        assertTrue(Tracelab.needsCollectors(new String[] {"--case", "collect", "collect", "page", "http://x/"}));
        assertTrue(Tracelab.needsCollectors(new String[] {"help", "collect"}));
        assertFalse(Tracelab.needsCollectors(new String[] {"--version"}));
        assertFalse(Tracelab.needsCollectors(new String[] {"--case", "lab01", "search", "collect*"}));
    }

    @Test
    void bareCollectStillNamesEveryInstalledCollector() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(new String[] {"collect"}, Map.of(), Clock.systemUTC(), out, err, false);
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.BAD_INPUT, code, printed);
        for (String id : new String[] {"file", "page", "ads", "feed", "sitemap", "telegram", "warc"}) {
            assertTrue(printed.contains(id), () -> id + " missing from:\n" + printed);
        }
    }

    @Test
    void topLevelHelpStillListsCollect() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Tracelab.run(new String[] {"--help"}, Map.of(), Clock.systemUTC(), out, new ByteArrayOutputStream(),
                false);
        assertEquals(ExitCode.OK, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("collect"));
    }
}
