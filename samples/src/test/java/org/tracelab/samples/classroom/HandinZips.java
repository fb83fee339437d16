package org.tracelab.samples.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-in archives for tests, right and broken: the class service's unit tests (here) and its end-to-end refusals
 * (cli, through this module's test jar) make them the same way. Every archive is fictitious content.
 */
public final class HandinZips {
    /** Findings with nothing flagged. */
    public static final byte[] FINDINGS = "{\"flagged\": [], \"clusters\": []}\n".getBytes(StandardCharsets.UTF_8);
    /** A bag's declaration. */
    public static final byte[] BAGIT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
            .getBytes(StandardCharsets.UTF_8);

    private HandinZips() {
    }

    /** A ZIP of {@code entries} in order, deflated at the default level. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return zip(entries, Deflater.DEFAULT_COMPRESSION);
    }

    /** A ZIP of {@code entries} in order, deflated at {@code level}. */
    public static byte[] zip(Map<String, byte[]> entries, int level) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(level);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A hand-in shaped right on the outside: the bag's declaration, the findings, and {@code extra}. */
    public static byte[] handin(Map<String, byte[]> extra) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("findings.jsonl", FINDINGS);
        entries.put("bag/bagit.txt", BAGIT);
        entries.putAll(extra);
        return zip(entries, Deflater.DEFAULT_COMPRESSION);
    }

    /** Marks the central directory entry of {@code name} as made on Unix with the mode of a symbolic link. */
    public static byte[] asSymlink(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int at = centralEntry(zip, name);
        b.putShort(at + 4, (short) 0x0314);
        b.putInt(at + 38, 0120777 << 16);
        return zip;
    }

    /** Makes the central directory entry of {@code name} claim it inflates to {@code size} bytes. */
    public static byte[] claimSize(byte[] zip, String name, int size) {
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(centralEntry(zip, name) + 24, size);
        return zip;
    }

    private static int centralEntry(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) == 0x02014b50 && (b.getShort(at + 28) & 0xffff) == wanted.length
                    && Arrays.equals(zip, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                return at;
            }
        }
        throw new AssertionError("no central directory entry " + name);
    }

    /** Every occurrence of {@code from} (local header and central directory) renamed to {@code to}, as long. */
    public static byte[] rename(byte[] zip, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        assertEquals(f.length, t.length);
        byte[] out = zip.clone();
        int renamed = 0;
        for (int at = 0; at + f.length <= out.length; at++) {
            if (Arrays.equals(out, at, at + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, at, t.length);
                renamed++;
            }
        }
        assertEquals(2, renamed, "the local header and the central directory entry");
        return out;
    }
}
