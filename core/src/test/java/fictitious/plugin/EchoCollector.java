package fictitious.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.Header;
import org.tracelab.core.collect.HttpExchange;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.WarcLocation;

/**
 * A third-party collector as a plugin author would write one, outside Tracelab's packages and using nothing but
 * the contract package: each target becomes a fictitious HTTP exchange, archived in the case's WARC files and
 * recorded as an item. Found through {@code META-INF/services} of the test class path.
 */
public final class EchoCollector implements Collector {
    /** Its id on the command line. */
    public static final String ID = "echo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "fictitious: echoes each target as an HTTP exchange (a test plugin)";
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        for (String target : request.targets()) {
            URI url = URI.create("http://echo.example/" + target);
            StoredBlob body = sink.storeBlob(new ByteArrayInputStream(("echo " + target)
                    .getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
            HttpFacts http = new HttpFacts("GET", 200, "HTTP/1.1",
                    List.of(new Header("Content-Type", "text/plain")), List.of(new Header("Host", "echo.example")),
                    "192.0.2.1", null);
            WarcLocation warc = sink.archive(new HttpExchange(url, at, http, body));
            sink.record(NewItem.of("http-response", url.toString(), at, ID, "text/plain", null, Map.of())
                    .with(http).with(warc), body);
        }
    }
}
