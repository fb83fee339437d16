package org.tracelab.core.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Runs Tika on one document inside the worker process. {@link AutoDetectParser} wraps the handler in Tika's
 * {@code SecureContentHandler}, which stops text zip bombs and deep XML nesting; {@link MemberSpooler} stops
 * binary ones. Every failure comes back as a reply with an error kind.
 */
final class TikaDocumentParser {
    /** Metadata values past this length are cut: XMP packets and thumbnails are not what an examiner reads. */
    static final int MAX_METADATA_VALUE = 10_000;
    static final int MAX_METADATA_NAMES = 500;

    private final AutoDetectParser parser = new AutoDetectParser();

    WorkerProtocol.Reply parse(WorkerProtocol.Request request) {
        Path file = Path.of(request.file());
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return failure(ExtractionError.Kind.UNREADABLE, request.file() + ": " + describe(e));
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, request.name());
        BodyContentHandler handler = new BodyContentHandler(request.maxTextChars());
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        MemberSpooler spooler = new MemberSpooler(Path.of(request.memberDir()), parser.getDetector(),
                new ParsingEmbeddedDocumentExtractor(context), request.maxMembers(), request.maxMemberBytes(), size,
                request.maxUnpackRatio());
        context.set(EmbeddedDocumentExtractor.class, spooler);
        ExtractionError.Kind kind = null;
        String message = null;
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, handler, metadata, context);
        } catch (NoSuchFileException e) {
            kind = ExtractionError.Kind.UNREADABLE;
            message = request.file() + ": no such file";
        } catch (Exception | StackOverflowError e) {
            // A parser may fail in any way on hostile input; each way is this document's error, not the run's.
            kind = classify(e);
            message = describe(e);
        }
        if (spooler.cut() != null && kind != ExtractionError.Kind.WRITE_LIMIT) {
            kind = spooler.cutKind();
            message = spooler.cut();
        }
        return new WorkerProtocol.Reply(handler.toString(), metadata.get(Metadata.CONTENT_TYPE),
                metadata.get(TikaCoreProperties.TITLE), author(metadata),
                date(metadata, TikaCoreProperties.CREATED), date(metadata, TikaCoreProperties.MODIFIED),
                asMap(metadata), spooler.members(), kind == null ? null : kind.name(), message);
    }

    static WorkerProtocol.Reply failure(ExtractionError.Kind kind, String message) {
        return new WorkerProtocol.Reply("", null, null, null, null, null, Map.of(), List.of(), kind.name(),
                message);
    }

    private static ExtractionError.Kind classify(Throwable e) {
        if (WriteLimitReachedException.isWriteLimitReached(e)) {
            return ExtractionError.Kind.WRITE_LIMIT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return ExtractionError.Kind.ENCRYPTED;
            }
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return ExtractionError.Kind.ZIP_BOMB;
            }
        }
        return ExtractionError.Kind.PARSE_FAILED;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root == e) {
            return oneLine(first);
        }
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return oneLine(first + " (caused by " + cause + ")");
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }

    private static String author(Metadata metadata) {
        String creator = metadata.get(TikaCoreProperties.CREATOR);
        return creator != null ? creator : metadata.get("Message-From");
    }

    private static String date(Metadata metadata, Property property) {
        Date date = metadata.getDate(property);
        return date == null ? null : date.toInstant().toString();
    }

    private static Map<String, List<String>> asMap(Metadata metadata) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        String[] names = metadata.names();
        Arrays.sort(names);
        for (String name : names) {
            if (map.size() >= MAX_METADATA_NAMES) {
                break;
            }
            List<String> values = new ArrayList<>();
            for (String value : metadata.getValues(name)) {
                values.add(value.length() > MAX_METADATA_VALUE ? value.substring(0, MAX_METADATA_VALUE) : value);
            }
            map.put(name, values);
        }
        return map;
    }
}
