package org.tracelab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.tracelab.core.Json;
import org.tracelab.core.extract.Extraction;
import org.tracelab.core.extract.ExtractorSettings;
import org.tracelab.core.extract.TextExtractor;

/**
 * Tracelab's main text of each page of the article-extraction benchmark, through the same {@link TextExtractor} that
 * ingest uses (charset, parse, full text, main text, language), written in the benchmark's output format:
 * {@code {"KEY": {"articleBody": "…"}}}. The pages are unpacked before the clock starts; one untimed pass warms the
 * JIT, as the peer's script does for Node's, then one timed pass.
 *
 * <p>Usage: {@code MainTextBench HTML_DIR OUT.json WORK_DIR}; prints {@code tracelab PAGES SECONDS}.
 */
public final class MainTextBench {
    private MainTextBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: MainTextBench HTML_DIR OUT.json WORK_DIR");
            System.exit(2);
        }
        Path work = Path.of(args[2]);
        Path pages = work.resolve("pages");
        Files.createDirectories(pages);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList();
        }
        Map<String, Path> unpacked = new LinkedHashMap<>();
        for (Path f : files) {
            String key = f.getFileName().toString().replace(".html.gz", "");
            Path page = pages.resolve(key + ".html");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                Files.copy(in, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            unpacked.put(key, page);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        double seconds = 0;
        try (TextExtractor extractor = TextExtractor.start(ExtractorSettings.DEFAULTS, work.resolve("extract"))) {
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                for (Map.Entry<String, Path> e : unpacked.entrySet()) {
                    try (Extraction x = extractor.extract(e.getValue(), e.getKey() + ".html")) {
                        out.put(e.getKey(), Map.of("articleBody", x.mainText().orElse(x.text())));
                    }
                }
                seconds = (System.nanoTime() - start) / 1e9;
            }
        }
        Files.writeString(Path.of(args[1]), Json.write(Map.of("version", "tracelab", "output", out)));
        System.out.printf(java.util.Locale.ROOT, "tracelab %d %.3f%n", unpacked.size(), seconds);
    }
}
