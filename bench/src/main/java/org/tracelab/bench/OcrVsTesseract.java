package org.tracelab.bench;

import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.tracelab.core.extract.Extraction;
import org.tracelab.core.extract.ExtractorSettings;
import org.tracelab.core.extract.OcrLanguages;
import org.tracelab.core.extract.OcrSettings;
import org.tracelab.core.extract.TextExtractor;
import org.tracelab.samples.Flyer;

/**
 * Character error rate and time per image of Tracelab's OCR (the extraction worker that ingest uses) against
 * {@code tesseract} run directly on the same images, in the same run, interleaved image by image: fictitious flyers
 * in Uzbek (Latin and Cyrillic), Russian and English drawn by the samples' {@link Flyer} with DejaVu Sans, clean and
 * photographed badly (rotated 3 degrees, blurred, JPEG at quality 25, and all three). Both read the languages of an
 * Uzbek case, {@code uzb+uzb_cyrl+rus+eng}; Tesseract with its defaults otherwise.
 *
 * <p>Usage: {@code OcrVsTesseract WORK_DIR [FLYERS_PER_LANGUAGE]}; prints a Markdown table, then one
 * {@code SUMMARY} line of the overall figures.
 */
public final class OcrVsTesseract {
    private static final String LANGS = String.join("+", OcrLanguages.forRegion("UZ"));
    private static final List<String> VARIANTS = List.of("clean", "rotated", "blurred", "jpeg25", "degraded");

    private OcrVsTesseract() {
    }

    /** One flyer's lines in one language and script; {@code %d} is the flyer's number, {@code %s} its phone. */
    private record Script(String tag, List<String> lines) {
    }

    private static final List<Script> SCRIPTS = List.of(
            new Script("uz-Latn", List.of("DUBAYDA ISH!", "Mehmonxonaga xodimlar kerak", "Oylik %d00 dollar",
                    "Viza va chipta bepul", "Tel: %s", "Telegram: @dubay_ish_%d")),
            new Script("uz-Cyrl", List.of("ДУБАЙДА ИШ!", "Меҳмонхонага ходимлар керак", "Ойлик %d00 доллар",
                    "Виза ва чипта бепул", "Тел: %s", "Telegram: @dubay_ish_%d")),
            new Script("ru", List.of("РАБОТА В ДУБАЕ!", "Требуются горничные без опыта", "Зарплата %d00 долларов",
                    "Виза и билет бесплатно", "Звоните: %s", "Telegram: @rabota_dubai_%d")),
            new Script("en", List.of("WORK IN DUBAI!", "Hotel staff wanted, no experience", "Salary $%d00 a month",
                    "Visa and ticket paid", "Call: %s", "Telegram: @dubai_jobs_%d")));

    /** What one tool made of one image. */
    private record Reading(double cer, double seconds) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: OcrVsTesseract WORK_DIR [FLYERS_PER_LANGUAGE]");
            System.exit(2);
        }
        if (!Flyer.fontAvailable()) {
            System.err.println("OcrVsTesseract: DejaVu Sans is not installed (fonts-dejavu-core)");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int perLanguage = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path images = Files.createDirectories(work.resolve("flyers"));
        Map<String, List<Reading>> ours = new LinkedHashMap<>();
        Map<String, List<Reading>> peer = new LinkedHashMap<>();
        ExtractorSettings settings = ExtractorSettings.DEFAULTS.withOcr(OcrSettings.DEFAULTS
                .withLanguages(OcrLanguages.forRegion("UZ")));
        try (TextExtractor extractor = TextExtractor.start(settings, work.resolve("extract"))) {
            warm(extractor, images);
            for (Script script : SCRIPTS) {
                for (int n = 1; n <= perLanguage; n++) {
                    String phone = String.format(Locale.ROOT, "+998 90 555 %02d %02d", 10 + n, 20 + n * 3);
                    List<Flyer.Line> lines = new ArrayList<>();
                    for (int i = 0; i < script.lines().size(); i++) {
                        String text = script.lines().get(i).contains("%s")
                                ? String.format(script.lines().get(i), phone)
                                : String.format(Locale.ROOT, script.lines().get(i), 20 + n);
                        lines.add(i == 0 ? Flyer.Line.headline(text) : Flyer.Line.body(text));
                    }
                    Flyer flyer = Flyer.of(lines);
                    BufferedImage clean = flyer.render(Flyer.Lettering.FONT);
                    for (String variant : VARIANTS) {
                        Path file = write(variant(clean, variant), variant, images.resolve(script.tag() + "-" + n
                                + "-" + variant));
                        String key = script.tag() + "\t" + (variant.equals("clean") ? "clean" : "degraded")
                                + "\t" + variant;
                        ours.computeIfAbsent(key, k -> new ArrayList<>()).add(tracelab(extractor, file,
                                flyer.text()));
                        peer.computeIfAbsent(key, k -> new ArrayList<>()).add(tesseract(file, flyer.text(), work));
                    }
                }
            }
        }
        System.out.println("| script | flyers | variant | Tracelab CER | tesseract CER | Tracelab s/image"
                + " | tesseract s/image |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String key : ours.keySet()) {
            String[] k = key.split("\t");
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f %% | %.1f %% | %.2f | %.2f |%n", k[0],
                    ours.get(key).size(), k[2], 100 * mean(ours.get(key), true), 100 * mean(peer.get(key), true),
                    mean(ours.get(key), false), mean(peer.get(key), false));
        }
        System.out.printf(Locale.ROOT, "SUMMARY cer_clean %.4f cer_degraded %.4f peer_cer_clean %.4f"
                        + " peer_cer_degraded %.4f seconds %.4f peer_seconds %.4f images %d%n",
                pooled(ours, "clean", true), pooled(ours, "degraded", true), pooled(peer, "clean", true),
                pooled(peer, "degraded", true), pooled(ours, null, false), pooled(peer, null, false),
                ours.values().stream().mapToInt(List::size).sum());
    }

    private static void warm(TextExtractor extractor, Path images) throws IOException {
        Flyer warm = Flyer.of(List.of(Flyer.Line.body("Warm-up flyer (fictitious)")));
        Path file = write(warm.render(Flyer.Lettering.FONT), "clean", images.resolve("warm-up"));
        try (Extraction x = extractor.extract(file, file.getFileName().toString())) {
            if (x.ocr().isEmpty()) {
                throw new IllegalStateException("Tracelab ran no OCR: is Tesseract installed with " + LANGS + "?");
            }
        }
    }

    private static Reading tracelab(TextExtractor extractor, Path file, String truth) {
        long start = System.nanoTime();
        try (Extraction x = extractor.extract(file, file.getFileName().toString())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Reading(cer(truth, x.text()), seconds);
        }
    }

    private static Reading tesseract(Path file, String truth, Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("tesseract", file.toString(), "stdout", "-l", LANGS)
                .redirectError(work.resolve("tesseract.log").toFile()).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tesseract failed on " + file);
        }
        return new Reading(cer(truth, out), (System.nanoTime() - start) / 1e9);
    }

    /** Levenshtein distance over the truth's length, both with whitespace runs made one space. */
    static double cer(String truth, String read) {
        int[] a = normal(truth).codePoints().toArray();
        int[] b = normal(read).codePoints().toArray();
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return a.length == 0 ? 0 : (double) prev[b.length] / a.length;
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static BufferedImage variant(BufferedImage clean, String variant) {
        return switch (variant) {
            case "clean", "jpeg25" -> clean;
            case "rotated" -> rotate(clean, 3);
            case "blurred" -> blur(clean);
            case "degraded" -> blur(rotate(clean, 3));
            default -> throw new IllegalArgumentException(variant);
        };
    }

    private static BufferedImage rotate(BufferedImage img, double degrees) {
        AffineTransform t = AffineTransform.getRotateInstance(Math.toRadians(degrees), img.getWidth() / 2.0,
                img.getHeight() / 2.0);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, new AffineTransformOp(t, new RenderingHints(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR)), 0, 0);
        g.dispose();
        return out;
    }

    /** A 5x5 Gaussian blur (sigma about 1.1), as a phone camera slightly out of focus. */
    private static BufferedImage blur(BufferedImage img) {
        float[] k1 = {1, 4, 6, 4, 1};
        float[] k = new float[25];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                k[i * 5 + j] = k1[i] * k1[j] / 256f;
            }
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(5, 5, k), ConvolveOp.EDGE_NO_OP, null).filter(img, out);
        return out;
    }

    private static Path write(BufferedImage img, String variant, Path stem) throws IOException {
        boolean jpeg = variant.equals("jpeg25") || variant.equals("degraded");
        Path file = stem.resolveSibling(stem.getFileName() + (jpeg ? ".jpg" : ".png"));
        if (!jpeg) {
            Flyer.write(img, file);
            return file;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.25f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static double mean(List<Reading> readings, boolean cer) {
        return readings.stream().mapToDouble(r -> cer ? r.cer() : r.seconds()).average().orElse(0);
    }

    /** The mean over every reading of a class ({@code clean}, {@code degraded}, or all with null). */
    private static double pooled(Map<String, List<Reading>> all, String kind, boolean cer) {
        return all.entrySet().stream().filter(e -> kind == null || e.getKey().split("\t")[1].equals(kind))
                .flatMap(e -> e.getValue().stream()).mapToDouble(r -> cer ? r.cer() : r.seconds()).average()
                .orElse(0);
    }
}
