package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.helpers.DefaultHandler;

/** The limit that stops spooling is named as what it is: too many members is not a zip bomb. Fictitious bytes. */
class MemberSpoolerTest {
    @TempDir
    Path dir;

    private static Metadata named(String name) {
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        return m;
    }

    @Test
    void moreMembersThanTheLimitIsAMemberLimitCut() throws Exception {
        MemberSpooler s = new MemberSpooler(dir, MimeTypes.getDefaultMimeTypes(), null, 1, 1 << 20, 100, 100);
        s.parseEmbedded(new ByteArrayInputStream("first".getBytes(StandardCharsets.UTF_8)), new DefaultHandler(),
                named("a.txt"), false);
        assertNull(s.cutKind());
        assertFalse(s.shouldParseEmbedded(named("b.txt")));
        assertEquals(ExtractionError.Kind.MEMBER_LIMIT, s.cutKind());
        assertEquals("more than 1 embedded members; the rest were skipped", s.cut());
        assertEquals(1, s.members().size());
    }

    @Test
    void membersPastTheByteBudgetAreAZipBombCut() throws Exception {
        MemberSpooler s = new MemberSpooler(dir, MimeTypes.getDefaultMimeTypes(), null, 10, 4, 1, 1);
        try {
            s.parseEmbedded(new ByteArrayInputStream("too long".getBytes(StandardCharsets.UTF_8)),
                    new DefaultHandler(), named("big.txt"), false);
        } catch (org.xml.sax.SAXException expected) {
            // the spooler stops the container's parse
        }
        assertEquals(ExtractionError.Kind.ZIP_BOMB, s.cutKind());
    }
}
