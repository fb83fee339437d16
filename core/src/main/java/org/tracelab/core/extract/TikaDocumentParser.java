package org.tracelab.core.extract;

import java.io.IOException;
import java.io.StringWriter;
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
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

/**
 * Runs Tika on one document inside the worker process. {@link AutoDetectParser} wraps the handler in Tika's
 * {@code SecureContentHandler}, which stops text zip bombs and deep XML nesting; {@link MemberSpooler} stops
 * binary ones. Every failure comes back as a reply with an error kind. Text in images is read only as the request
 * asks ({@link WorkerProtocol.Ocr}), with the Tesseract the worker was started with.
 */
final class TikaDocumentParser {
    /** Metadata values past this length are cut: XMP packets and thumbnails are not what an examiner reads. */
    static final int MAX_METADATA_VALUE = 10_000;
    static final int MAX_METADATA_NAMES = 500;
    /** Tesseract's fully automatic page segmentation: a flyer's lines are in blocks of different sizes. */
    static final String PAGE_SEGMENTATION = "3";

    private final AutoDetectParser parser;
    private final BoundedOcrParser ocr;

    /**
     * A parser whose OCR runs the {@code tesseract} in {@code tesseractDir} with the traineddata in {@code tessdata},
     * one kept across pictures when {@code keep} ({@link Tesseract#keepable()}); with null folders, one that never
     * runs Tesseract (not even one it finds on the {@code PATH}).
     */
    TikaDocumentParser(Path tesseractDir, Path tessdata, boolean keep) {
        this.ocr = tesseractDir == null ? null : new BoundedOcrParser(tesseract(tesseractDir, tessdata),
                keep ? tesseractDir.resolve(Tesseract.PROGRAM) : null, tessdata, PAGE_SEGMENTATION);
        this.parser = compose(ocr);
    }

    /** Ends the Tesseract kept for OCR, if one runs, and waits for it. */
    void close() {
        if (ocr != null) {
            ocr.close();
        }
    }

    /**
     * Tika's own parsers without its Tesseract parser, which runs whatever {@code tesseract} the {@code PATH}
     * holds in English, and in its place {@code ocr} (none: no OCR), running the Tesseract the parent chose.
     */
    private static AutoDetectParser compose(BoundedOcrParser ocr) {
        ServiceLoader loader = new ServiceLoader(TikaDocumentParser.class.getClassLoader());
        DefaultParser tikas = new DefaultParser(MediaTypeRegistry.getDefaultRegistry(), loader,
                List.of(TesseractOCRParser.class));
        DefaultDetector detector = new DefaultDetector(TikaDocumentParser.class.getClassLoader());
        AutoDetectParser auto = ocr == null ? new AutoDetectParser(detector, tikas)
                : new AutoDetectParser(detector, tikas, ocr);
        auto.setFallback(tikas.getFallback());
        return auto;
    }

    /** Tika's Tesseract parser running the {@code tesseract} in {@code tesseractDir} on {@code tessdata}. */
    private static TesseractOCRParser tesseract(Path tesseractDir, Path tessdata) {
        TesseractOCRParser tesseract = new TesseractOCRParser();
        tesseract.setTesseractPath(tesseractDir.toString());
        tesseract.setTessdataPath(tessdata.toString());
        try {
            tesseract.initialize(Map.of());
        } catch (TikaConfigException e) {
            throw new IllegalStateException("Tesseract in " + tesseractDir + " cannot be set up: "
                    + e.getMessage(), e);
        }
        return tesseract;
    }

    /** The media type Tika detects for {@code file} named {@code name}, without its parameters. */
    String detect(Path file, String name) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            return parser.getDetector().detect(in, metadata).getBaseType().toString();
        }
    }

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
        StringWriter text = new StringWriter();
        OcrText ocrText = new OcrText(new WriteOutContentHandler(new ToTextContentHandler(text),
                request.maxTextChars()), text);
        BodyContentHandler handler = new BodyContentHandler(ocrText);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        configureOcr(context, request.ocr());
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
        WorkerProtocol.OcrResult ocr = ocrText.seen()
                ? new WorkerProtocol.OcrResult(ocrText.words(), ocrText.meanConfidence(), ocrText.spans()) : null;
        return new WorkerProtocol.Reply(text.toString(), metadata.get(Metadata.CONTENT_TYPE),
                metadata.get(TikaCoreProperties.TITLE), author(metadata),
                date(metadata, TikaCoreProperties.CREATED), date(metadata, TikaCoreProperties.MODIFIED),
                asMap(metadata), spooler.members(), kind == null ? null : kind.name(), message, ocr);
    }

    static WorkerProtocol.Reply failure(ExtractionError.Kind kind, String message) {
        return new WorkerProtocol.Reply("", null, null, null, null, null, Map.of(), List.of(), kind.name(),
                message, null);
    }

    /**
     * Tells Tika's parsers how to read text in images, or that they must not: Tesseract's languages and bounds,
     * hOCR for its confidences, and for PDFs OCR of the pages that have no text of their own.
     */
    private static void configureOcr(ParseContext context, WorkerProtocol.Ocr ocr) {
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        PDFParserConfig pdf = new PDFParserConfig();
        if (ocr == null) {
            tesseract.setSkipOcr(true);
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        } else {
            context.set(WorkerProtocol.Ocr.class, ocr);
            tesseract.setLanguage(ocr.languages());
            tesseract.setTimeoutSeconds(ocr.timeoutSeconds());
            tesseract.setMinFileSizeToOcr(ocr.minBytes());
            tesseract.setMaxFileSizeToOcr(ocr.maxBytes());
            tesseract.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR);
            tesseract.setPageSegMode(PAGE_SEGMENTATION);
            // Tika's preprocessing needs ImageMagick, which Tracelab does not require.
            tesseract.setEnableImagePreprocessing(false);
            tesseract.setApplyRotation(false);
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
            pdf.setOcrDPI(ocr.pdfDpi());
        }
        context.set(TesseractOCRConfig.class, tesseract);
        context.set(PDFParserConfig.class, pdf);
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
