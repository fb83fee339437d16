package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Tesseract kept across pictures: each read as by Tesseract alone, and a bad picture costs its process only. */
class KeptTesseractTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void eachPictureIsTheHocrTesseractWritesForItAlone(@TempDir Path dir) throws Exception {
        Tesseract real = installed();
        Path first = flyer(dir, "first", "KEPT TESSERACT (FICTITIOUS)", "Call +998 90 555 01 02");
        Path second = flyer(dir, "second", "SECOND FLYER (FICTITIOUS)", "Tel +998 90 555 01 03");
        try (KeptTesseract kept = new KeptTesseract(real.binary(), real.tessdata(), "eng", "3")) {
            for (Path picture : new Path[] {first, second, first}) {
                String hocr = kept.read(picture, MINUTE);
                assertEquals(alone(real, picture, dir), hocr, picture.toString());
                assertTrue(hocr.contains("555"), hocr);
            }
        }
    }

    @Test
    void aPictureTesseractCannotReadIsNamedAndTheNextIsRead(@TempDir Path dir) throws Exception {
        Tesseract real = installed();
        Path good = flyer(dir, "good", "GOOD FLYER (FICTITIOUS)", "Tel +998 90 555 01 04");
        Path bad = dir.resolve("bad.pgm");
        Files.write(bad, new byte[] {0x50, 0x35, 0x0a, (byte) 0xff, 0x00, 0x13, 0x37});
        Path after = flyer(dir, "after", "AFTER FLYER (FICTITIOUS)", "Tel +998 90 555 01 05");
        try (KeptTesseract kept = new KeptTesseract(real.binary(), real.tessdata(), "eng", "3")) {
            assertTrue(kept.read(good, MINUTE).contains("555"));
            IOException e = assertThrows(IOException.class, () -> kept.read(bad, MINUTE));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
            assertEquals(alone(real, after, dir), kept.read(after, MINUTE));
        }
    }

    @Test
    void aPictureThatHangsTesseractIsStoppedAtTheDeadlineAndTheNextIsRead(@TempDir Path dir) throws Exception {
        Path program = StandInTesseract.install(dir);
        Path hangs = StandInTesseract.picture(dir, "hangs", StandInTesseract.HANGS);
        Path next = StandInTesseract.picture(dir, "next", 100);
        try (KeptTesseract kept = new KeptTesseract(program, dir, "eng", "3")) {
            assertTrue(kept.read(next, MINUTE).contains(">omp-"));
            long start = System.nanoTime();
            assertThrows(TimeoutException.class, () -> kept.read(hangs, Duration.ofSeconds(2)));
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(waited < 10, "stopped at the deadline, not after " + waited + " s");
            assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command()
                    .filter(c -> c.endsWith("sleep")).isPresent()), "the hung Tesseract was killed");
            String hocr = kept.read(next, MINUTE);
            assertTrue(hocr.contains("id='page_1'") && hocr.contains(">omp-"), hocr);
        }
    }

    @Test
    void aPictureThatKillsTesseractIsNamedAndTheNextIsRead(@TempDir Path dir) throws Exception {
        Path program = StandInTesseract.install(dir);
        Path crashes = StandInTesseract.picture(dir, "crashes", StandInTesseract.CRASHES);
        Path next = StandInTesseract.picture(dir, "next", 100);
        try (KeptTesseract kept = new KeptTesseract(program, dir, "eng", "3")) {
            assertTrue(kept.read(next, MINUTE).contains(">omp-"));
            IOException e = assertThrows(IOException.class, () -> kept.read(crashes, MINUTE));
            assertTrue(e.getMessage().contains(crashes.toString()), e.getMessage());
            assertTrue(kept.read(next, MINUTE).contains(">omp-"));
        }
    }

    @Test
    void aLaterPageIsNumberedAsTheFirstInItsMarkupOnly() {
        String third = "  <div class='ocr_page' id='page_3' title='image \"/w/p3.pgm\"; bbox 0 0 9 9; ppageno 2;"
                + " scan_res 70 70'>\n   <div class='ocr_carea' id='block_3_12'><span class='ocrx_word'"
                + " id='word_3_3' title='bbox 0 0 9 9; x_wconf 3'>id=&#39;word_3_3&#39; ppageno 2;</span></div>\n"
                + "  </div>\n";
        String first = "  <div class='ocr_page' id='page_1' title='image \"/w/p3.pgm\"; bbox 0 0 9 9; ppageno 0;"
                + " scan_res 70 70'>\n   <div class='ocr_carea' id='block_1_12'><span class='ocrx_word'"
                + " id='word_1_3' title='bbox 0 0 9 9; x_wconf 3'>id=&#39;word_3_3&#39; ppageno 2;</span></div>\n"
                + "  </div>\n";
        assertEquals(first, KeptTesseract.asFirstPage(third, 3));
        assertEquals(first, KeptTesseract.asFirstPage(first, 1));
    }

    @Test
    void onlyATesseractWhoseStreamOfPagesWasCheckedIsKept() {
        assertTrue(version("5.3.0").keepable());
        assertTrue(version("10.0.1").keepable());
        assertFalse(version("4.1.1").keepable());
        assertFalse(version("unknown").keepable());
    }

    private static Tesseract version(String v) {
        return new Tesseract(Path.of("/usr/bin/tesseract"), v, Path.of("/tessdata"), Set.of("eng"));
    }

    private static Tesseract installed() {
        Tesseract t = Tesseract.find("tesseract").orElse(null);
        assumeTrue(t != null && t.languages().contains("eng"), "Tesseract with eng is not installed");
        return t;
    }

    /** A flyer drawn as the worker gives it to Tesseract. */
    private static Path flyer(Path dir, String name, String... lines) throws IOException {
        Path pgm = dir.resolve(name + ".pgm");
        OcrPicture.writePgm(TestImages.flyer(lines), pgm);
        return pgm;
    }

    /** What Tika's command writes for the picture alone. */
    private static String alone(Tesseract t, Path picture, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "alone-", "");
        ProcessBuilder b = new ProcessBuilder(t.binary().toString(), picture.toString(), out.toString(), "--psm", "3",
                "-l", "eng", "-c", "page_separator=", "-c", "preserve_interword_spaces=0", "hocr")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("TESSDATA_PREFIX", t.tessdata().toString());
        Process p = b.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "tesseract alone on " + picture);
        return Files.readString(Path.of(out + ".hocr"), StandardCharsets.UTF_8);
    }
}
