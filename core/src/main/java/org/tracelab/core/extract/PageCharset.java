package org.tracelab.core.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * The character set a page's bytes are read in, settled the way browsers settle it (WHATWG encoding sniffing): a
 * byte-order mark, then the charset of the HTTP {@code Content-Type}, then a {@code <meta>} declaration, but only
 * one the bytes agree with (a {@code gb2312} meta over UTF-8 bytes happens), then detection from the bytes.
 *
 * @param charset the charset the bytes are decoded with
 * @param reason  why, in one line an examiner can read back, e.g. {@code meta declares gb2312 but the bytes are UTF-8}
 */
public record PageCharset(Charset charset, String reason) {
    /** Where a {@code <meta>} declaration is looked for; pages put theirs in the head, often after scripts. */
    static final int META_SCAN_BYTES = 8192;
    private static final Pattern META = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile("charset\\s*=\\s*[\"']?([a-z0-9_:.+-]+)",
            Pattern.CASE_INSENSITIVE);
    /** Labels browsers read as a wider charset than the name says (WHATWG Encoding, "labels"). */
    private static final Map<String, String> BROWSER_LABELS = Map.of("iso-8859-1", "windows-1252",
            "us-ascii", "windows-1252", "ascii", "windows-1252", "latin1", "windows-1252", "gb2312", "GBK",
            "x-gbk", "GBK", "iso-8859-9", "windows-1254", "tis-620", "windows-874", "ks_c_5601-1987", "EUC-KR");
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    public PageCharset {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(reason, "reason");
    }

    /** The decision as the case records it: {@code UTF-8 (meta declares gb2312 but the bytes are UTF-8)}. */
    public String note() {
        return charset.name() + " (" + reason + ")";
    }

    /**
     * Settles the charset of {@code bytes}, an HTML page.
     *
     * @param declaredType the {@code Content-Type} the server sent, when the page came over HTTP
     */
    public static PageCharset of(byte[] bytes, Optional<String> declaredType) {
        Optional<Charset> bom = bom(bytes);
        if (bom.isPresent()) {
            return new PageCharset(bom.get(), "byte-order mark");
        }
        Optional<String> header = declaredType.flatMap(t -> label(PARAMETER.matcher(t)));
        if (header.isPresent()) {
            Optional<Charset> cs = charset(header.get());
            if (cs.isPresent()) {
                return new PageCharset(cs.get(), "HTTP Content-Type declares " + header.get());
            }
        }
        int scan = Math.min(bytes.length, META_SCAN_BYTES);
        Optional<String> meta = label(META.matcher(new String(bytes, 0, scan, StandardCharsets.ISO_8859_1)));
        boolean ascii = isAscii(bytes);
        boolean utf8 = !ascii && decodes(bytes, StandardCharsets.UTF_8);
        if (meta.isPresent()) {
            Optional<Charset> cs = charset(meta.get()).map(c -> c.name().startsWith("UTF-16")
                    ? StandardCharsets.UTF_8 : c); // a meta cannot declare UTF-16: it could not have been read
            if (cs.isPresent()) {
                Charset declared = cs.get();
                boolean declaredUtf8 = declared.equals(StandardCharsets.UTF_8);
                if (ascii || declaredUtf8 && utf8 || !declaredUtf8 && !utf8 && decodes(bytes, declared)) {
                    return new PageCharset(declared, "meta declares " + meta.get());
                }
                if (utf8) {
                    return new PageCharset(StandardCharsets.UTF_8,
                            "meta declares " + meta.get() + " but the bytes are UTF-8");
                }
                return detected(bytes, "meta declares " + meta.get() + " but the bytes do not decode in it");
            }
        }
        if (ascii || utf8) {
            return new PageCharset(StandardCharsets.UTF_8, "no mark, header or meta; the bytes are UTF-8");
        }
        return detected(bytes, "no mark, header or meta");
    }

    private static PageCharset detected(byte[] bytes, String why) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch match = detector.detect();
        Optional<Charset> cs = match == null ? Optional.empty() : charset(match.getName());
        if (cs.isPresent() && decodes(bytes, cs.get())) {
            return new PageCharset(cs.get(), why + "; detected from the bytes (confidence " + match.getConfidence()
                    + "%)");
        }
        return new PageCharset(FALLBACK, why + "; nothing detected, read as browsers default to");
    }

    private static Optional<String> label(Matcher m) {
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static Optional<Charset> charset(String label) {
        String name = BROWSER_LABELS.getOrDefault(label.toLowerCase(Locale.ROOT), label);
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when every byte decodes in {@code cs}; a multi-byte character cut at the very end is forgiven. */
    static boolean decodes(byte[] bytes, Charset cs) {
        CoderResult result = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length + 16), false);
        return !result.isError();
    }
}
