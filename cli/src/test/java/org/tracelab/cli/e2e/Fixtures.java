package org.tracelab.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Folders of fictitious files of mixed kinds, made by the tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A small folder of mixed files: text in three languages, HTML, binary, empty, nested, odd names. */
    static Path mixedFolder(Path parent) throws IOException {
        Path d = parent.resolve("evidence");
        Files.createDirectories(d.resolve("ads/2026"));
        Files.createDirectories(d.resolve("empty-folder"));
        Files.writeString(d.resolve("ads/2026/ad-uz.txt"),
                "Fictitious ad. Chet elda ish! Oyiga 3000$ maosh, tajriba shart emas. Tel: +998 90 000 00 00",
                StandardCharsets.UTF_8);
        Files.writeString(d.resolve("ads/ad-ru.txt"),
                "Вымышленное объявление. Работа за границей, жильё предоставляется. Пишите только в Telegram.",
                StandardCharsets.UTF_8);
        Files.writeString(d.resolve("ads/page.html"),
                "<html><head><title>Fictitious</title></head><body><p>Job offer <b>unclosed <i>markup</body>",
                StandardCharsets.UTF_8);
        byte[] bin = new byte[70_000];
        new Random(7).nextBytes(bin);
        Files.write(d.resolve("flyer.bin"), bin);
        Files.write(d.resolve("empty.txt"), new byte[0]);
        Files.writeString(d.resolve("ўқитувчи — oʻqituvchi.txt"), "Uzbek file name, both scripts", StandardCharsets.UTF_8);
        return d;
    }

    /** {@code n} small distinct files, for crash and concurrency trials. */
    static Path manyFiles(Path parent, int n) throws IOException {
        Path d = parent.resolve("many");
        for (int i = 0; i < n; i++) {
            Path sub = d.resolve("batch-" + (i / 500));
            Files.createDirectories(sub);
            Files.writeString(sub.resolve("ad-" + i + ".txt"), "Fictitious ad number " + i + "\n".repeat(i % 7),
                    StandardCharsets.UTF_8);
        }
        return d;
    }
}
