package org.tracelab.core.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sitemaps, feeds and other small XML extracted by Tika in this process rather than by the worker: the worker takes
 * one document at a time and starts a JVM for the first, so a site's sitemaps and feed held up every page behind
 * them, while Tika reads such XML through its hardened SAX set-up (no DTDs or external entities, nesting and
 * expansion bounded) in time and memory linear in their size, which is bounded here as a page's is. Only documents
 * Tika detects as one of {@link #TYPES} are taken, and they are parsed by the worker's own code
 * ({@link TikaDocumentParser}, without OCR, which XML never asks for), so the text, type and metadata are the ones
 * the worker gives.
 */
final class XmlHere {
    /** The types Tika gives sitemaps, feeds and plain XML. */
    static final Set<String> TYPES = Set.of("application/xml", "text/xml", "application/rss+xml",
            "application/atom+xml");
    private static final Set<String> NAMES = Set.of("xml", "rss", "atom");
    private static final String QUIET_LOG4J = "log4j2.statusLoggerLevel";

    private final Path workDir;
    private final AtomicLong sequence = new AtomicLong();
    private TikaDocumentParser tika;

    XmlHere(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Whether a document is likely XML taken here, from what is known before reading it: its name or declared type
     * says XML or a feed, and it is no larger than a page read here. A guess for planning, as
     * {@link InlineExtractor#likelyHere} is.
     */
    static boolean likelyHere(String name, Optional<String> declaredType, long size) {
        if (size > InlineExtractor.MAX_BYTES) {
            return false;
        }
        String type = declaredType.map(t -> t.toLowerCase(Locale.ROOT).split(";", 2)[0].strip()).orElse("");
        return NAMES.contains(InlineExtractor.extension(name)) || TYPES.contains(type);
    }

    /**
     * The worker's reply for {@code file}, made here, or empty when it is not small XML named or declared as such and
     * detected by Tika as one of {@link #TYPES}.
     */
    Optional<WorkerProtocol.Reply> extract(Path file, String name, Optional<String> declaredType,
                                           ExtractorSettings settings) throws IOException {
        if (!likelyHere(name, declaredType, Files.size(file))) {
            return Optional.empty();
        }
        TikaDocumentParser parser = parser();
        if (!TYPES.contains(parser.detect(file, name))) {
            return Optional.empty();
        }
        Path members = workDir.resolve("members-here-" + sequence.incrementAndGet());
        return Optional.of(parser.parse(new WorkerProtocol.Request(file.toAbsolutePath().toString(), name,
                members.toAbsolutePath().toString(), settings.maxTextChars(), settings.maxMembers(),
                settings.maxMemberBytes(), settings.maxUnpackRatio(), null)));
    }

    /** Tika's parsers, loaded at the first XML document: a run of pages never pays for them. */
    private synchronized TikaDocumentParser parser() {
        if (tika == null) {
            // Tika's parsers bring Log4j's API without a provider, which would say so on the terminal in the middle of
            // a collection's progress (the worker's says it in its log); unless told otherwise, it is kept quiet.
            if (System.getProperty(QUIET_LOG4J) == null) {
                System.setProperty(QUIET_LOG4J, "OFF");
            }
            tika = new TikaDocumentParser(null, null, false);
        }
        return tika;
    }
}
