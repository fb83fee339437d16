package org.tracelab.core.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's Tesseract parser within the run's OCR bounds: it reads only when the request asks for OCR, refuses an
 * image whose header claims more pixels than allowed before anything decodes it, gives Tesseract the image as
 * dark letters on a light ground, straightened ({@link OcrPicture}), and a GIF's first frame alone (it would decode
 * every frame), and takes WebP too (Tesseract's Leptonica reads it; Tika does not offer it).
 *
 * <p>A picture it redrew is read by a {@link KeptTesseract}, which loads its models once for the worker's life rather
 * than once a picture, and passed on as Tika passes on its own run's ({@link TikaHocr}). Anything else (a WebP, a
 * scanned TIFF's pages, a file ImageIO cannot decode) and any picture the kept Tesseract stops on goes to Tika's own
 * run of Tesseract, which reads it as before or says why it cannot.
 */
final class BoundedOcrParser extends ParserDecorator {
    private static final long serialVersionUID = 1L;
    private static final MediaType OCR_WEBP = MediaType.image("ocr-webp");
    private static final MediaType OCR_GIF = MediaType.image("ocr-gif");

    private final Path program;
    private final Path tessdata;
    private final String pageSegmentation;
    private transient KeptTesseract kept;
    private transient String keptLanguages;

    /**
     * Tika's {@code tesseract} parser, and the same Tesseract ({@code program}, its {@code tessdata}) kept running
     * for the pictures it redraws, with the page segmentation mode Tika is given; with a null {@code program}, Tika's
     * run for every picture.
     */
    BoundedOcrParser(TesseractOCRParser tesseract, Path program, Path tessdata, String pageSegmentation) {
        super(tesseract);
        this.program = program;
        this.tessdata = tessdata;
        this.pageSegmentation = pageSegmentation;
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        if (context.get(WorkerProtocol.Ocr.class) == null) {
            return Set.of();
        }
        Set<MediaType> types = new HashSet<>(super.getSupportedTypes(context));
        if (!types.isEmpty()) {
            types.add(OCR_WEBP);
        }
        return types;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        WorkerProtocol.Ocr ocr = context.get(WorkerProtocol.Ocr.class);
        if (ocr == null) {
            return;
        }
        try (TemporaryResources tmp = new TemporaryResources()) {
            TikaInputStream tis = TikaInputStream.get(stream, tmp, metadata);
            Path image = tis.getPath();
            ImageSize size = ImageSize.of(image).orElse(null);
            if (size != null && size.pixels() > ocr.maxPixels()) {
                throw new TikaException("the image claims " + size + ", past OCR's limit of " + ocr.maxPixels()
                        + " pixels; its text was not read");
            }
            boolean gif = OCR_GIF.toString().equals(metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE));
            Prepared prepared = prepared(image, gif, tmp);
            if (!prepared.redrawn() || program == null || !readKept(prepared.file(), handler, metadata, context, ocr)) {
                try (TikaInputStream in = TikaInputStream.get(prepared.file())) {
                    super.parse(in, handler, metadata, context);
                }
            }
            if (prepared.damage() != null) {
                throw new TikaException("the image is damaged (" + prepared.damage() + "); what could be decoded"
                        + " was read");
            }
        }
    }

    /**
     * Reads a picture {@link OcrPicture} drew with the kept Tesseract, within Tika's bounds of size and time; false,
     * having told the handler nothing, when that Tesseract stopped without reading it.
     */
    private boolean readKept(Path picture, ContentHandler handler, Metadata metadata, ParseContext context,
                             WorkerProtocol.Ocr ocr) throws IOException, SAXException, TikaException {
        long size = Files.size(picture);
        if (size < ocr.minBytes() || size > ocr.maxBytes()) {
            TikaHocr.read(null, handler, metadata, context);
            return true;
        }
        String hocr;
        try {
            hocr = kept(ocr.languages()).read(picture, Duration.ofSeconds(ocr.timeoutSeconds()));
        } catch (TimeoutException e) {
            throw TikaHocr.timedOut(handler, metadata);
        } catch (IOException e) {
            return false;
        }
        TikaHocr.read(hocr, handler, metadata, context);
        return true;
    }

    /** The kept Tesseract reading {@code languages}, started anew when a request asks for others. */
    private synchronized KeptTesseract kept(String languages) {
        if (kept == null || !languages.equals(keptLanguages)) {
            if (kept != null) {
                kept.close();
            }
            kept = new KeptTesseract(program, tessdata, languages, pageSegmentation);
            keptLanguages = languages;
        }
        return kept;
    }

    /** Ends the kept Tesseract, if one runs, and waits for it. */
    synchronized void close() {
        if (kept != null) {
            kept.close();
            kept = null;
        }
    }

    /**
     * The file Tesseract reads, whether it is a picture {@link OcrPicture} drew, and what the decoder found wrong
     * with the image (null when nothing).
     */
    private record Prepared(Path file, boolean redrawn, String damage) {
    }

    /**
     * What Tesseract is given: the image redrawn by {@link OcrPicture} when ImageIO decodes it (a GIF's first
     * frame only, as ImageIO reads frame 0 without decoding the frames after it); the image itself when ImageIO
     * cannot (WebP, which Tesseract decodes) or when it has several pages (a scanned TIFF, each page read).
     */
    private static Prepared prepared(Path image, boolean gif, TemporaryResources tmp)
            throws IOException, TikaException {
        BufferedImage decoded;
        List<String> warnings = new ArrayList<>();
        try {
            if (!gif && ImageSize.pages(image) > 1) {
                return new Prepared(image, false, null);
            }
            decoded = firstImage(image, warnings);
        } catch (IOException | RuntimeException e) {
            if (gif) {
                throw new TikaException("cannot read the GIF's first frame: " + e.getMessage(), e);
            }
            return new Prepared(image, false, null); // Tesseract's own decoder may read it, or says why not
        }
        if (decoded == null) {
            if (gif) {
                throw new TikaException("the GIF has no frame ImageIO can read");
            }
            return new Prepared(image, false, null);
        }
        Path pgm = tmp.createTempFile(".pgm");
        OcrPicture.writePgm(decoded, pgm);
        return new Prepared(pgm, true, warnings.isEmpty() ? null : String.join("; ", warnings));
    }

    /** The first image in the file, or null when ImageIO has no reader for it; the decoder's warnings are kept. */
    private static BufferedImage firstImage(Path file, List<String> warnings) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
