package org.tracelab.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link MediaTypes} gives Tika's own answer on every file of the project's test corpora (every module's test
 * resources: collectors' fixtures, third-party pages and images with their provenance) and, when the system property
 * {@code tracelab.mediaTypes.corpora} names folders (separated by the path separator), on every file under them:
 * how the generated site and the 181 article pages were checked (docs/BENCHMARKS.md).
 */
class MediaTypesCorporaTest {

    @Test
    void everyFileOfTheCorporaGetsTikasAnswer() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            modules.map(m -> m.resolve("src/test/resources")).filter(Files::isDirectory).forEach(roots::add);
        }
        String extra = System.getProperty("tracelab.mediaTypes.corpora", "");
        for (String p : extra.split(java.io.File.pathSeparator)) {
            if (!p.isBlank()) {
                roots.add(Path.of(p));
            }
        }
        int files = 0;
        int withoutTika = 0;
        List<String> differ = new ArrayList<>();
        TikaMagics table = TikaMagics.table().orElseThrow();
        for (Path root : roots) {
            List<Path> all;
            try (Stream<Path> s = Files.walk(root)) {
                all = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : all) {
                byte[] header;
                try (InputStream in = Files.newInputStream(f)) {
                    header = in.readNBytes(MediaTypes.HEADER_BYTES);
                }
                String name = f.getFileName().toString();
                String ours = MediaTypes.detect(header, name);
                String tika = MediaTypes.tika(header, name);
                if (!ours.equals(tika)) {
                    differ.add(f + ": " + ours + " where Tika says " + tika);
                }
                files++;
                boolean plainPage = PlainHtmlPage.named(name) && PlainHtmlPage.is(header);
                withoutTika += plainPage || table.magicTypes(header)
                        .filter(t -> t.isEmpty() || !MediaTypes.XML_ROOTED.contains(t.get(0))).isPresent() ? 1 : 0;
            }
        }
        System.out.printf("media types of %d files under %s: all Tika's; %d told without Tika's detection%n",
                files, roots, withoutTika);
        assertTrue(files > 50, "files: " + files);
        assertEquals(List.of(), differ);
    }
}
