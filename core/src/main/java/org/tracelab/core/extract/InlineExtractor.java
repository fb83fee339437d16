package org.tracelab.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.tracelab.core.entities.MarkupLinks;

/**
 * Extracts the kinds of document Tracelab sees most — HTML pages, plain text, JSON records ({@link JsonText}) — in
 * this process, with jsoup and Jackson, whose parsers are linear and bounded by their input; small XML is Tika's in
 * this process ({@link XmlHere}), everything else goes to the Tika worker. Ads are short HTML: a round trip to the worker for each one would cost more than the
 * extraction itself.
 */
final class InlineExtractor {
    /** Larger documents go to the worker, whose heap is separate from the case writer's. */
    static final long MAX_BYTES = 4L << 20;
    private static final int SNIFF_BYTES = 1024;
    private static final Set<String> TEXT_NAMES = Set.of("txt", "text", "csv", "tsv", "md", "log");
    private static final Set<String> HTML_NAMES = Set.of("html", "htm", "xhtml", "shtml");

    private InlineExtractor() {
    }

    /**
     * Whether a document is likely extracted here rather than by the worker, from what is known before reading it:
     * its name, the type it was declared or detected as, its size. A guess for planning only: a page named otherwise
     * is still found by its first bytes in {@link #tryExtract}, and whatever this says, the extraction is the same.
     */
    static boolean likelyHere(String name, Optional<String> declaredType, long size) {
        if (JsonText.declared(name, declaredType)) {
            return true; // streamed, at any size
        }
        if (size > MAX_BYTES) {
            return false;
        }
        String ext = extension(name);
        if (HTML_NAMES.contains(ext) || TEXT_NAMES.contains(ext) || Mhtml.EXTENSIONS.contains(ext)) {
            return true;
        }
        String type = declaredType.map(t -> t.toLowerCase(Locale.ROOT).strip()).orElse("");
        return type.startsWith("text/html") || type.startsWith("application/xhtml") || type.startsWith("text/plain")
                || type.startsWith(Mhtml.TYPE);
    }

    /**
     * The extraction, or empty when {@code file} is neither JSON named or declared as such ({@link JsonText}) nor small
     * HTML or plain UTF-8 text named as such.
     */
    static Optional<Extraction> tryExtract(Path file, String name, Optional<String> declaredType, int maxChars)
            throws IOException {
        // Before the name's word for HTML: an ads collector's record of a page is JSON named by the page's URL.
        if (JsonText.declared(name, declaredType)) {
            Optional<Extraction> json = JsonText.read(file, maxChars);
            if (json.isPresent()) {
                return json;
            }
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return Optional.empty();
        }
        String ext = extension(name);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (HTML_NAMES.contains(ext) || looksLikeHtml(head)) {
            return Optional.of(html(file, declaredType, maxChars));
        }
        if (TEXT_NAMES.contains(ext)) {
            return text(file, maxChars);
        }
        return Optional.empty();
    }

    private static Extraction html(Path file, Optional<String> declaredType, int maxChars) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        PageCharset charset = PageCharset.of(bytes, declaredType);
        String html = new String(bytes, charset.charset());
        if (!html.isEmpty() && html.charAt(0) == '\uFEFF') {
            html = html.substring(1);
        }
        // One parse serves the links of the markup, the full text, the title and the main text, in that order: the
        // links first, since the text's steps take out scripts and furniture.
        Document doc = Jsoup.parse(html, "", MarkupLinks.parser());
        List<MarkupLinks.Link> links = MarkupLinks.of(doc);
        PageHead head = PageHead.takeOutNotText(doc);
        String text = BlockText.of(doc.body() == null ? doc : doc.body());
        Optional<String> title = head.title();
        Optional<String> author = head.author();
        Optional<String> main = MainText.of(doc).map(m -> cut(m, maxChars)); // last: it strips the page
        return result(text, maxChars, "text/html; charset=" + charset.charset().name(), title, author)
                .withMain(main, charset.note()).withLinks(links);
    }

    static String cut(String text, int maxChars) {
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    private static Optional<Extraction> text(Path file, int maxChars) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty(); // another charset: Tika's detection knows them
        }
        if (text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return Optional.of(result(text, maxChars, "text/plain; charset=UTF-8", Optional.empty(), Optional.empty()));
    }

    /** An extraction of {@code text}, cut at {@code maxChars} (and saying so), in language "und" until told. */
    static Extraction result(String text, int maxChars, String type, Optional<String> title,
                                     Optional<String> author) {
        Optional<ExtractionError> error = Optional.empty();
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars);
            error = Optional.of(new ExtractionError(ExtractionError.Kind.WRITE_LIMIT,
                    "text cut at " + maxChars + " characters"));
        }
        Map<String, List<String>> metadata = title.map(t -> Map.of("dc:title", List.of(t))).orElse(Map.of());
        return new Extraction(text, title, author, Optional.empty(), Optional.empty(), type, "und", metadata,
                List.of(), error, Optional.empty(), Optional.empty());
    }

    /** Markup near the start, after a byte-order mark and whitespace. */
    static boolean looksLikeHtml(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return s.contains("<!doctype html") || s.contains("<html") || s.contains("<head") || s.contains("<body");
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String last = name.substring(slash + 1);
        int q = last.indexOf('?');
        if (q >= 0) {
            last = last.substring(0, q);
        }
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
