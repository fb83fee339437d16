package org.tracelab.samples.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A hand-in as it travels: one ZIP file holding {@code bag/} (the signed bag) and {@code findings.jsonl}. Unpacking
 * it never writes outside the folder it is unpacked into: every name is checked before anything is written (no
 * absolute path, no {@code ..}, no backslash, no drive, no control character, nothing but {@code bag/...} and the
 * findings), an entry that is a symbolic link or any other special file refuses the whole archive, and the bytes
 * inflated are counted as they come, so an archive that inflates past its limits (a zip bomb) is refused whatever its
 * headers claim.
 */
final class HandinArchive {
    static final String BAG = "bag/";
    static final String FINDINGS = "findings.jsonl";
    /** At most this many entries. */
    static final int MAX_ENTRIES = 200_000;
    /** An entry inflating past this many times its compressed size, once past a megabyte, is a bomb. */
    static final long MAX_RATIO = 1_000;
    private static final Pattern SEGMENT = Pattern.compile("[^\\x00-\\x1f\\x7f/\\\\:*?\"<>|]{1,255}");
    private static final int UNIX = 3;
    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;

    private HandinArchive() {
    }

    /**
     * Unpacks {@code zip} into {@code into} (made here, must not exist), inflating at most {@code maxBytes} in all.
     *
     * @throws HandinRefused naming the entry and what is wrong with it
     */
    static void unpack(Path zip, Path into, long maxBytes) throws HandinRefused, IOException {
        checkSpecialFiles(zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Set<String> names = new HashSet<>();
            Set<String> files = new HashSet<>();
            int count = 0;
            boolean findings = false;
            boolean bagit = false;
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new HandinRefused(422, "the hand-in holds more than " + MAX_ENTRIES + " files");
                }
                String name = entry.getName();
                checkName(name);
                String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                if (!names.add(path)) {
                    throw new HandinRefused(422, "the hand-in names '" + printable(name) + "' twice");
                }
                if (!entry.isDirectory()) {
                    files.add(path);
                }
                findings |= name.equals(FINDINGS);
                bagit |= name.equals(BAG + "bagit.txt");
            }
            for (String path : names) {
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    if (files.contains(path.substring(0, slash))) {
                        throw new HandinRefused(422, "the hand-in names '" + printable(path.substring(0, slash))
                                + "' as a file and as a folder");
                    }
                }
            }
            if (!bagit) {
                throw new HandinRefused(400, "the hand-in holds no bag (bag/bagit.txt); make it with "
                        + "'tracelab lab submit'");
            }
            if (!findings) {
                throw new HandinRefused(400, "the hand-in holds no " + FINDINGS);
            }
            Files.createDirectory(into);
            Path root = into.toRealPath();
            long[] inflated = {0};
            // one buffer for every entry: a bag holds hundreds of small files, and a buffer each made the garbage
            // collector pause the lab site's serving while a class handed in
            byte[] buffer = new byte[1 << 16];
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new HandinRefused(422, "'" + printable(entry.getName()) + "' points outside the hand-in");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                             StandardOpenOption.WRITE)) {
                    copy(entry, in, out, buffer, inflated, maxBytes);
                }
            }
        } catch (ZipException e) {
            throw new HandinRefused(400, "the hand-in is not a readable ZIP file (" + e.getMessage() + ")");
        }
    }

    private static void copy(ZipEntry entry, InputStream in, OutputStream out, byte[] buffer, long[] inflated,
                             long maxBytes) throws IOException, HandinRefused {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long mine = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            mine += n;
            inflated[0] += n;
            if (inflated[0] > maxBytes) {
                throw new HandinRefused(422, "the hand-in inflates to more than " + maxBytes + " bytes (a zip bomb?)");
            }
            if (mine > (1 << 20) && mine / compressed > MAX_RATIO) {
                throw new HandinRefused(422, "'" + printable(entry.getName()) + "' inflates more than " + MAX_RATIO
                        + " times its size (a zip bomb?)");
            }
            out.write(buffer, 0, n);
        }
    }

    /** Only files of {@code bag/} and the findings, by plain relative names. */
    private static void checkName(String name) throws HandinRefused {
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        boolean ok = !path.isEmpty() && (path.equals(FINDINGS) || path.equals("bag") || path.startsWith(BAG));
        if (ok) {
            for (String segment : path.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                    ok = false;
                    break;
                }
            }
        }
        if (!ok) {
            throw new HandinRefused(422, "the hand-in holds '" + printable(name) + "', which is not a plain "
                    + "file of bag/ or " + FINDINGS + " (path traversal?)");
        }
    }

    /**
     * Reads the central directory itself, since {@link ZipFile} does not tell a symbolic link from a file: an entry
     * made on Unix carries its file type in the top bits of its external attributes.
     */
    private static void checkSpecialFiles(Path zip) throws IOException, HandinRefused {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65_535);
            ByteBuffer end = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new HandinRefused(400, "the hand-in is not a ZIP file (no end of central directory)");
            }
            long entries = end.getShort(eocd + 10) & 0xffff;
            long dirSize = end.getInt(eocd + 12) & 0xffffffffL;
            long dirStart = end.getInt(eocd + 16) & 0xffffffffL;
            if (eocd >= 20 && end.getInt(eocd - 20) == 0x07064b50) {
                ByteBuffer z64 = read(ch, end.getLong(eocd - 20 + 8), 56);
                if (z64.getInt(0) != 0x06064b50) {
                    throw new HandinRefused(400, "the hand-in's ZIP64 directory is damaged");
                }
                entries = z64.getLong(32);
                dirSize = z64.getLong(40);
                dirStart = z64.getLong(48);
            }
            if (entries > MAX_ENTRIES) {
                throw new HandinRefused(422, "the hand-in holds more than " + MAX_ENTRIES + " files");
            }
            if (dirStart < 0 || dirSize < 0 || dirStart + dirSize > size || dirSize > 64L << 20) {
                throw new HandinRefused(400, "the hand-in's ZIP directory lies outside the file");
            }
            ByteBuffer dir = read(ch, dirStart, (int) dirSize);
            int at = 0;
            for (long n = 0; n < entries; n++) {
                if (at + 46 > dirSize || dir.getInt(at) != 0x02014b50) {
                    throw new HandinRefused(400, "the hand-in's ZIP directory is damaged at entry " + (n + 1));
                }
                int madeBy = (dir.getShort(at + 4) & 0xffff) >> 8;
                int nameLength = dir.getShort(at + 28) & 0xffff;
                int extra = dir.getShort(at + 30) & 0xffff;
                int comment = dir.getShort(at + 32) & 0xffff;
                int mode = (dir.getInt(at + 38) >>> 16) & TYPE_MASK;
                if (at + 46 + nameLength > dirSize) {
                    throw new HandinRefused(400, "the hand-in's ZIP directory is damaged at entry " + (n + 1));
                }
                if (madeBy == UNIX && mode != 0 && mode != REGULAR && mode != DIRECTORY) {
                    byte[] name = new byte[nameLength];
                    dir.get(at + 46, name);
                    throw new HandinRefused(422, "the hand-in holds '" + printable(new String(name,
                            java.nio.charset.StandardCharsets.UTF_8)) + "', a "
                            + (mode == 0120000 ? "symbolic link" : "special file") + "; a bag holds plain files only");
                }
                at += 46 + nameLength + extra + comment;
            }
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException, HandinRefused {
        if (position < 0 || length < 0 || position + length > ch.size()) {
            throw new HandinRefused(400, "the hand-in's ZIP directory lies outside the file");
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new HandinRefused(400, "the hand-in is cut short");
            }
        }
        return b.flip();
    }

    /** A name as it may be shown: control characters as {@code ?}, at most 200 characters. */
    static String printable(String name) {
        String s = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
