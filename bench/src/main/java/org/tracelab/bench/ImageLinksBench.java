package org.tracelab.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.tracelab.core.imagehash.HashedItem;
import org.tracelab.core.imagehash.ImageDecoder;
import org.tracelab.core.imagehash.ImageRefused;
import org.tracelab.core.imagehash.Pdq;
import org.tracelab.core.imagehash.PdqResult;
import org.tracelab.core.imagehash.PictureSet;
import org.tracelab.core.links.Identifier;
import org.tracelab.core.links.ImageLinks;
import org.tracelab.samples.photos.NearCopies;
import org.tracelab.samples.photos.PhotoGenerator;

/**
 * How well {@code image} links join near copies and keep distinct photos apart, on the photo generator's fictitious
 * rooms, buildings and vehicles: each photo saved as PNG, then copied as a recruiter reposting it would (recompressed,
 * resized, cropped a little, in another format), every file decoded and hashed as ingest does. Prints Markdown: the
 * distance from each kind of copy to its original, recall and false links of {@link ImageLinks} at several
 * thresholds, the nearest distinct photos, and the time per picture.
 *
 * <p>Usage: {@code ImageLinksBench WORK_DIR [--photos N] [--cwebp PATH]}; with {@code --cwebp}, lossy WebP copies
 * are made by libwebp's encoder too (Tracelab's own WebP writer is lossless).
 */
public final class ImageLinksBench {
    private static final int[] THRESHOLDS = {16, 24, 31, 40, 48};

    /** Reposts as the web makes them ({@link NearCopies#repost}, as the lab's reused photos), per photo. */
    private static final int WEB_REPOSTS = 3;
    private static final String WEB_REPOST = "web repost (the lab's copies: 50-100%, half cropped 0.5-2%, a third"
            + " marked, JPEG q45-85)";

    private record Kind(String name, UnaryOperator<BufferedImage> change, NearCopies.Format format, float quality) {
    }

    private record Picture(int source, String kind, PdqResult hash) {
    }

    private ImageLinksBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ImageLinksBench WORK_DIR [--photos N] [--cwebp PATH]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int photos = 150;
        String cwebp = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--photos" -> photos = Integer.parseInt(args[++i]);
                case "--cwebp" -> cwebp = args[++i];
                default -> {
                    System.err.println("ImageLinksBench: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(work);
        List<Kind> kinds = kinds();
        ImageDecoder decoder = new ImageDecoder();
        List<Picture> pictures = new ArrayList<>();
        long hashNanos = 0;
        long hashed = 0;
        long bytes = 0;
        Map<String, List<Integer>> distances = new LinkedHashMap<>();
        for (int p = 0; p < photos; p++) {
            PhotoGenerator.Subject subject = PhotoGenerator.Subject.values()[p % 3];
            int width = new int[] {640, 800, 1024, 1280}[(p / 3) % 4];
            BufferedImage photo = PhotoGenerator.draw(subject, 1000 + p, width, width * 3 / 4);
            Path original = work.resolve("p" + p + ".png");
            Files.write(original, NearCopies.png(photo));
            long t0 = System.nanoTime();
            PdqResult base = hash(decoder, original);
            hashNanos += System.nanoTime() - t0;
            hashed++;
            bytes += Files.size(original);
            pictures.add(new Picture(p, "original", base));
            List<Path> copies = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Kind k : kinds) {
                Path f = work.resolve("p" + p + "-" + k.name().replaceAll("[^a-z0-9]+", "_") + "."
                        + k.format().extension());
                Files.write(f, NearCopies.encode(k.change().apply(photo), k.format(), k.quality()));
                copies.add(f);
                names.add(k.name());
            }
            for (int r = 0; r < WEB_REPOSTS; r++) {
                // the lab's reused photos are made this way (PicturePlanner), each repost its own draw
                Path f = work.resolve("p" + p + "-web" + r + ".jpg");
                Files.write(f, NearCopies.repost(photo, 7919L * p + r).bytes());
                copies.add(f);
                names.add(WEB_REPOST);
            }
            if (cwebp != null) {
                for (int q : new int[] {75, 40}) {
                    Path f = work.resolve("p" + p + "-cwebp" + q + ".webp");
                    Process proc = new ProcessBuilder(cwebp, "-quiet", "-q", Integer.toString(q), original.toString(),
                            "-o", f.toString()).redirectErrorStream(true).start();
                    proc.getInputStream().readAllBytes();
                    if (proc.waitFor() != 0) {
                        throw new IOException("cwebp failed on " + original);
                    }
                    copies.add(f);
                    names.add("WebP lossy q" + q + " (cwebp)");
                }
            }
            for (int i = 0; i < copies.size(); i++) {
                t0 = System.nanoTime();
                PdqResult h = hash(decoder, copies.get(i));
                hashNanos += System.nanoTime() - t0;
                hashed++;
                bytes += Files.size(copies.get(i));
                pictures.add(new Picture(p, names.get(i), h));
                distances.computeIfAbsent(names.get(i), k -> new ArrayList<>()).add(base.hash().distance(h.hash()));
                Files.delete(copies.get(i));
            }
            Files.delete(original);
        }
        printDistances(distances, photos);
        printLinks(pictures, distances.keySet());
        printDistinct(pictures, photos);
        System.out.printf(Locale.ROOT, "%nTime per picture (decode and hash, one thread, %d pictures averaging %.0f KB):"
                + " %.1f ms%n", hashed, bytes / 1024.0 / hashed, hashNanos / 1e6 / hashed);
    }

    private static List<Kind> kinds() {
        List<Kind> k = new ArrayList<>();
        UnaryOperator<BufferedImage> same = UnaryOperator.identity();
        k.add(new Kind("JPEG q80", same, NearCopies.Format.JPEG, 0.8f));
        k.add(new Kind("JPEG q50", same, NearCopies.Format.JPEG, 0.5f));
        k.add(new Kind("JPEG q30", same, NearCopies.Format.JPEG, 0.3f));
        k.add(new Kind("JPEG q15", same, NearCopies.Format.JPEG, 0.15f));
        k.add(new Kind("WebP lossless", same, NearCopies.Format.WEBP, 1f));
        k.add(new Kind("resized 50% (JPEG q75)", i -> NearCopies.resized(i, 0.5), NearCopies.Format.JPEG, 0.75f));
        k.add(new Kind("resized 75% (PNG)", i -> NearCopies.resized(i, 0.75), NearCopies.Format.PNG, 1f));
        k.add(new Kind("resized 30% (JPEG q75)", i -> NearCopies.resized(i, 0.3), NearCopies.Format.JPEG, 0.75f));
        k.add(new Kind("resized 150% (WebP)", i -> NearCopies.resized(i, 1.5), NearCopies.Format.WEBP, 1f));
        k.add(new Kind("cropped 2% (PNG)", i -> NearCopies.cropped(i, 0.02, 0.5), NearCopies.Format.PNG, 1f));
        k.add(new Kind("cropped 4% (PNG)", i -> NearCopies.cropped(i, 0.04, 0.5), NearCopies.Format.PNG, 1f));
        k.add(new Kind("cropped 3% one corner (JPEG q75)", i -> NearCopies.cropped(i, 0.03, 1), NearCopies.Format.JPEG,
                0.75f));
        k.add(new Kind("cropped 6% (PNG)", i -> NearCopies.cropped(i, 0.06, 0.5), NearCopies.Format.PNG, 1f));
        k.add(new Kind("repost: 60%, cropped 3%, JPEG q50", i -> NearCopies.cropped(NearCopies.resized(i, 0.6), 0.03,
                0.5), NearCopies.Format.JPEG, 0.5f));
        k.add(new Kind("marked on 40% of the foot (JPEG q75)", i -> NearCopies.watermarked(i, "ISH BOR", 0.4, true),
                NearCopies.Format.JPEG, 0.75f));
        return k;
    }

    private static PdqResult hash(ImageDecoder decoder, Path file) throws IOException {
        try {
            return Pdq.hash(decoder.decode(file).image());
        } catch (ImageRefused e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void printDistances(Map<String, List<Integer>> distances, int photos) {
        System.out.println("Distance (bits of 256) from each copy to its original PNG, over " + photos + " photos:");
        System.out.println();
        System.out.println("| copy | median | 95th percentile | max | within 31 | within " + ImageLinks.MAX_DISTANCE
                + " |");
        System.out.println("|---|---|---|---|---|---|");
        distances.forEach((kind, d) -> {
            int[] s = d.stream().mapToInt(Integer::intValue).sorted().toArray();
            long pdq = Arrays.stream(s).filter(x -> x <= 31).count();
            long within = Arrays.stream(s).filter(x -> x <= ImageLinks.MAX_DISTANCE).count();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", kind, s[s.length / 2],
                    s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1], pdq / (double) s.length,
                    within / (double) s.length);
        });
    }

    /**
     * Recall of each kind of copy alone (the originals and the copies of that kind only, so no copy is reached
     * through another kind's), of all copies at once (where chains through other copies count), and false links.
     */
    private static void printLinks(List<Picture> pictures, Set<String> kindNames) {
        System.out.println();
        System.out.println("`image` links (ImageLinks, as `tracelab links` runs them) at several thresholds: recall = "
                + "share of copies joined to their own original's photo, each kind of copy alone with the "
                + pictures.stream().filter(p -> p.kind().equals("original")).count() + " originals, then all "
                + pictures.size() + " pictures at once; false links = photos joining pictures of two different "
                + "originals, over all pictures at once (in brackets, the pictures wrongly joined).");
        System.out.println();
        StringBuilder head = new StringBuilder("| copy |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int t : THRESHOLDS) {
            head.append(" ").append(t).append(t == ImageLinks.MAX_DISTANCE ? " (chosen)" : "").append(" |");
            rule.append("---|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (String k : kindNames) {
            StringBuilder row = new StringBuilder("| " + k + " |");
            for (int t : THRESHOLDS) {
                row.append(String.format(Locale.ROOT, " %.3f |", recall(pictures, Set.of(k), t)[0]));
            }
            System.out.println(row);
        }
        StringBuilder all = new StringBuilder("| all copies at once |");
        StringBuilder wrong = new StringBuilder("| false links, all at once |");
        for (int t : THRESHOLDS) {
            double[] r = recall(pictures, kindNames, t);
            all.append(String.format(Locale.ROOT, " %.3f |", r[0]));
            wrong.append(String.format(Locale.ROOT, " %d (%d) |", (int) r[1], (int) r[2]));
        }
        System.out.println(all);
        System.out.println(wrong);
    }

    /** Over the originals and the copies of {@code kinds}: recall, photos mixing originals, pictures wrongly joined. */
    private static double[] recall(List<Picture> pictures, Set<String> kinds, int threshold) {
        List<HashedItem> hashes = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            Picture p = pictures.get(i);
            if ((p.kind().equals("original") || kinds.contains(p.kind())) && p.hash().useful()) {
                hashes.add(new HashedItem(i, p.hash().hash()));
            }
        }
        ImageLinks.Result r = ImageLinks.of(new PictureSet(hashes, Map.of()), threshold);
        Map<Integer, Identifier> photoOf = new HashMap<>();
        r.byHolder().forEach((holder, ids) -> photoOf.put(holder.intValue(), ids.iterator().next()));
        int joined = 0;
        int copies = 0;
        Map<Identifier, Map<Integer, Integer>> members = new HashMap<>();
        for (HashedItem h : hashes) {
            int i = (int) h.itemId();
            Picture p = pictures.get(i);
            Identifier mine = photoOf.get(i);
            if (mine != null) {
                members.computeIfAbsent(mine, k -> new HashMap<>()).merge(p.source(), 1, Integer::sum);
            }
            if (!p.kind().equals("original")) {
                copies++;
                if (mine != null && mine.equals(photoOf.get(originalIndex(pictures, i)))) {
                    joined++;
                }
            }
        }
        int falsePhotos = 0;
        int wronglyJoined = 0;
        for (Map<Integer, Integer> bySource : members.values()) {
            if (bySource.size() > 1) {
                falsePhotos++;
                int largest = bySource.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                wronglyJoined += bySource.values().stream().mapToInt(Integer::intValue).sum() - largest;
            }
        }
        return new double[] {copies == 0 ? 1 : joined / (double) copies, falsePhotos, wronglyJoined};
    }

    private static int originalIndex(List<Picture> pictures, int copy) {
        int source = pictures.get(copy).source();
        for (int i = copy; i >= 0; i--) {
            if (pictures.get(i).source() == source && pictures.get(i).kind().equals("original")) {
                return i;
            }
        }
        throw new IllegalStateException("no original of " + source);
    }

    /** The distance from each original to the nearest other original, and the quality of the originals. */
    private static void printDistinct(List<Picture> pictures, int photos) {
        List<PdqResult> originals = pictures.stream().filter(p -> p.kind().equals("original")).map(Picture::hash)
                .toList();
        int[] nearest = new int[originals.size()];
        Arrays.fill(nearest, Integer.MAX_VALUE);
        for (int i = 0; i < originals.size(); i++) {
            for (int j = 0; j < originals.size(); j++) {
                if (i != j) {
                    nearest[i] = Math.min(nearest[i], originals.get(i).hash().distance(originals.get(j).hash()));
                }
            }
        }
        int[] s = nearest.clone();
        Arrays.sort(s);
        int[] q = originals.stream().mapToInt(PdqResult::quality).sorted().toArray();
        System.out.println();
        System.out.printf(Locale.ROOT, "Distinct photos: distance from each of the %d originals to the nearest other "
                + "one: min %d, 5th percentile %d, median %d. PDQ quality of the originals: min %d, median %d.%n",
                photos, s[0], s[(int) (s.length * 0.05)], s[s.length / 2], q[0], q[q.length / 2]);
    }
}
