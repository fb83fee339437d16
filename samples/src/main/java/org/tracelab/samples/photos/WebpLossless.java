package org.tracelab.samples.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.PriorityQueue;

/**
 * Writes a picture as lossless WebP (VP8L), since neither the JDK nor the decoder Tracelab reads WebP with can write
 * it: the subtract-green transform and one prefix code per channel, no back references. Larger than libwebp's
 * output, but any WebP reader reads it and it needs nothing installed.
 */
final class WebpLossless {
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int GREEN_ALPHABET = 256 + 24;
    private static final int MAX_LENGTH = 15;
    private static final int MAX_LENGTH_CODE_LENGTH = 7;

    private WebpLossless() {
    }

    /** The picture as a WebP file, alpha kept when the picture has it. */
    static byte[] write(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (w > 16384 || h > 16384) {
            throw new IllegalArgumentException("WebP is at most 16384 pixels a side, not " + w + " x " + h);
        }
        boolean alpha = img.getColorModel().hasAlpha();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        int[][] counts = new int[4][];
        counts[0] = new int[GREEN_ALPHABET];
        for (int c = 1; c < 4; c++) {
            counts[c] = new int[256];
        }
        int[] a = new int[argb.length];
        int[] r = new int[argb.length];
        int[] g = new int[argb.length];
        int[] b = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            a[i] = alpha ? p >>> 24 : 0xff;
            g[i] = p >> 8 & 0xff;
            r[i] = ((p >> 16 & 0xff) - g[i]) & 0xff; // subtract green: red and blue follow green in a photo
            b[i] = ((p & 0xff) - g[i]) & 0xff;
            counts[0][g[i]]++;
            counts[1][r[i]]++;
            counts[2][b[i]]++;
            counts[3][a[i]]++;
        }
        Bits out = new Bits();
        out.put(0x2f, 8);
        out.put(w - 1, 14);
        out.put(h - 1, 14);
        out.put(alpha ? 1 : 0, 1);
        out.put(0, 3);
        out.put(1, 1); // a transform follows
        out.put(2, 2); // subtract green
        out.put(0, 1); // no more transforms
        out.put(0, 1); // no colour cache
        out.put(0, 1); // no meta prefix codes
        int[][] codes = new int[4][];
        int[][] lengths = new int[4][];
        for (int c = 0; c < 4; c++) {
            lengths[c] = prefixCode(out, counts[c]);
            codes[c] = canonical(lengths[c]);
        }
        prefixCode(out, new int[40]); // distances: none used
        for (int i = 0; i < argb.length; i++) {
            symbol(out, g[i], codes[0], lengths[0]);
            symbol(out, r[i], codes[1], lengths[1]);
            symbol(out, b[i], codes[2], lengths[2]);
            symbol(out, a[i], codes[3], lengths[3]);
        }
        byte[] data = out.bytes();
        ByteArrayOutputStream file = new ByteArrayOutputStream(data.length + 21);
        int pad = data.length & 1;
        file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(file, 4 + 8 + data.length + pad);
        file.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        le32(file, data.length);
        file.writeBytes(data);
        if (pad == 1) {
            file.write(0);
        }
        return file.toByteArray();
    }

    /** Writes the prefix code for symbols counted in {@code counts}; returns each symbol's code length. */
    private static int[] prefixCode(Bits out, int[] counts) {
        int used = 0;
        int only = 0;
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                used++;
                only = s;
            }
        }
        if (used <= 1 && only < 256) {
            // A simple code of one symbol, read with no bits at all.
            out.put(1, 1);
            out.put(0, 1);
            out.put(1, 1);
            out.put(only, 8);
            return new int[counts.length];
        }
        int[] lengths = lengths(counts, MAX_LENGTH);
        int[] lengthCounts = new int[19];
        for (int l : lengths) {
            lengthCounts[l]++;
        }
        int[] lengthLengths = lengths(lengthCounts, MAX_LENGTH_CODE_LENGTH);
        int[] lengthCodes = canonical(lengthLengths);
        int last = CODE_LENGTH_ORDER.length;
        while (last > 4 && lengthLengths[CODE_LENGTH_ORDER[last - 1]] == 0) {
            last--;
        }
        out.put(0, 1); // a normal code
        out.put(last - 4, 4);
        for (int i = 0; i < last; i++) {
            out.put(lengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        out.put(0, 1); // every symbol's length follows
        for (int l : lengths) {
            symbol(out, l, lengthCodes, lengthLengths);
        }
        return lengths;
    }

    /**
     * Huffman code lengths of at most {@code max} bits; when a code runs longer, the counts are halved (keeping every
     * used symbol) and it is built again. At least two symbols get a length, so the code is never degenerate.
     */
    private static int[] lengths(int[] counts, int max) {
        int[] c = counts.clone();
        int used = 0;
        for (int v : c) {
            used += v > 0 ? 1 : 0;
        }
        if (used < 2) {
            // A one-symbol code read with bits: give an unused neighbour a length too, so both are one bit long.
            for (int s = 0; s < c.length && used < 2; s++) {
                if (c[s] == 0) {
                    c[s] = 1;
                    used++;
                }
            }
        }
        while (true) {
            int[] lengths = huffman(c);
            int longest = 0;
            for (int l : lengths) {
                longest = Math.max(longest, l);
            }
            if (longest <= max) {
                return lengths;
            }
            for (int s = 0; s < c.length; s++) {
                if (c[s] > 0) {
                    c[s] = Math.max(1, c[s] >> 1);
                }
            }
        }
    }

    private static int[] huffman(int[] counts) {
        int n = counts.length;
        // Nodes 0..n-1 are symbols; parents follow. Ties are broken by node number, so the code is deterministic.
        long[] weight = new long[2 * n];
        int[] parent = new int[2 * n];
        PriorityQueue<Integer> queue = new PriorityQueue<>((x, y) -> weight[x] != weight[y]
                ? Long.compare(weight[x], weight[y]) : Integer.compare(x, y));
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                weight[s] = counts[s];
                queue.add(s);
            }
        }
        int next = n;
        while (queue.size() > 1) {
            int x = queue.poll();
            int y = queue.poll();
            weight[next] = weight[x] + weight[y];
            parent[x] = next;
            parent[y] = next;
            queue.add(next++);
        }
        int root = next - 1;
        int[] lengths = new int[n];
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                int depth = 0;
                for (int v = s; v != root; v = parent[v]) {
                    depth++;
                }
                lengths[s] = depth;
            }
        }
        return lengths;
    }

    /** Canonical codes for the lengths, as the reader rebuilds them: shorter first, then by symbol. */
    private static int[] canonical(int[] lengths) {
        int[] perLength = new int[MAX_LENGTH + 2];
        for (int l : lengths) {
            perLength[l]++;
        }
        perLength[0] = 0;
        int[] next = new int[MAX_LENGTH + 2];
        int code = 0;
        for (int l = 1; l <= MAX_LENGTH + 1; l++) {
            code = (code + perLength[l - 1]) << 1;
            next[l] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            if (lengths[s] > 0) {
                codes[s] = next[lengths[s]]++;
            }
        }
        return codes;
    }

    /** A code is read from its first bit on, while the stream is packed from each byte's low bit: reversed. */
    private static void symbol(Bits out, int s, int[] codes, int[] lengths) {
        int len = lengths[s];
        if (len == 0) {
            return; // the only symbol of a simple code
        }
        out.put(Integer.reverse(codes[s]) >>> (32 - len), len);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    /** Bits packed from each byte's lowest bit up, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long acc;
        private int count;

        void put(int value, int n) {
            acc |= ((long) value & ((1L << n) - 1)) << count;
            count += n;
            while (count >= 8) {
                bytes.write((int) acc);
                acc >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                bytes.write((int) acc);
                acc = 0;
                count = 0;
            }
            return bytes.toByteArray();
        }
    }
}
