package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/** A file many times the heap imports: bytes are hashed while they stream, never held whole. */
class LargeFileIT {
    @TempDir
    Path tmp;

    @Test
    void fileFarLargerThanTheHeapImportsAndVerifies() throws Exception {
        Path big = tmp.resolve("disk-image.bin");
        long size = 600L * 1024 * 1024 + 123;
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(size);
            f.seek(size / 2);
            f.writeBytes("fictitious marker in the middle");
        }
        Path caseDir = tmp.resolve("case");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        try (JarProcess p = JarProcess.start("48m", "--case", caseDir.toString(), "--json", "collect", "file",
                big.toString())) {
            assertEquals(0, p.waitFor(300), p::err);
            JsonNode item = Json.parse(p.outLines().get(0));
            assertEquals(size, item.path("size").asLong());
        }
        assertEquals(0, cli.run("verify").code());
    }
}
