package org.tracelab.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Copies each embedded document to its own file instead of parsing it in place, so every archive member or
 * attachment becomes an item of its own, and stops a container whose members unpack to far more than it weighs.
 * Members are not recursed into here: nesting is walked one level per extraction, which bounds depth by design.
 */
final class MemberSpooler implements EmbeddedDocumentExtractor {
    /** Below this many unpacked bytes no container counts as a bomb, whatever its ratio. */
    static final long RATIO_FLOOR = 16L << 20;

    private final Path dir;
    private final Detector detector;
    private final EmbeddedDocumentExtractor inline;
    private final int maxMembers;
    private final long budget;
    private final List<WorkerProtocol.Member> members = new ArrayList<>();
    private long spooled;
    private String cut;
    private ExtractionError.Kind cutKind;

    MemberSpooler(Path dir, Detector detector, EmbeddedDocumentExtractor inline, int maxMembers, long maxMemberBytes, long containerSize,
                  long maxRatio) {
        this.dir = dir;
        this.detector = detector;
        this.inline = inline;
        this.maxMembers = maxMembers;
        long byRatio = Math.max(RATIO_FLOOR, multiplyCapped(containerSize, maxRatio));
        this.budget = Math.min(maxMemberBytes, byRatio);
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (cut != null) {
            return false;
        }
        if (members.size() >= maxMembers) {
            cut = "more than " + maxMembers + " embedded members; the rest were skipped";
            cutKind = ExtractionError.Kind.MEMBER_LIMIT;
            return false;
        }
        return true;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (!shouldParseEmbedded(metadata)) {
            return;
        }
        if (isBodyPart(metadata)) {
            inline.parseEmbedded(stream, handler, metadata, outputHtml);
            return;
        }
        int index = members.size();
        String name = nameOf(metadata, index);
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%05d.member", index));
        long size = copyWithin(stream, file);
        if (size < 0) {
            Files.deleteIfExists(file);
            cut = "embedded members unpack to more than " + budget + " bytes (member '" + name
                    + "'); probably a zip bomb";
            cutKind = ExtractionError.Kind.ZIP_BOMB;
            throw new SAXException(cut);
        }
        spooled += size;
        String type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            Metadata hint = new Metadata();
            hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
            type = detector.detect(in, hint).toString();
        }
        members.add(new WorkerProtocol.Member(name, type, size, file.toString()));
    }

    List<WorkerProtocol.Member> members() {
        return List.copyOf(members);
    }

    /** Why spooling stopped early, or null when every member was kept. */
    String cut() {
        return cut;
    }

    /** Which limit stopped spooling ({@code MEMBER_LIMIT} or {@code ZIP_BOMB}), or null when none did. */
    ExtractionError.Kind cutKind() {
        return cutKind;
    }

    /** Copies until the budget runs out; returns the size, or -1 when the member would break the budget. */
    private long copyWithin(InputStream in, Path file) throws IOException {
        long allowed = budget - spooled;
        long written = 0;
        byte[] buf = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) != -1) {
                written += n;
                if (written > allowed) {
                    return -1;
                }
                out.write(buf, 0, n);
            }
        }
        return written;
    }

    /**
     * A nameless part that is not an attachment (an e-mail's text or HTML body) is the container's own text, not
     * a document of its own, so it is parsed in place.
     */
    private static boolean isBodyPart(Metadata metadata) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        String type = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE);
        return (name == null || name.isBlank())
                && !TikaCoreProperties.EmbeddedResourceType.ATTACHMENT.name().equals(type);
    }

    private static String nameOf(Metadata metadata, int index) {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name == null || name.isBlank()) {
            name = metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
        }
        return name == null || name.isBlank() ? "member-" + index : name;
    }

    private static long multiplyCapped(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
