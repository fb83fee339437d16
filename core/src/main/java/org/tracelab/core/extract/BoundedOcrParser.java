package org.tracelab.core.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
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
 */
final class BoundedOcrParser extends ParserDecorator {
    private static final long serialVersionUID = 1L;
    private static final MediaType OCR_WEBP = MediaType.image("ocr-webp");
    private static final MediaType OCR_GIF = MediaType.image("ocr-gif");

    BoundedOcrParser(TesseractOCRParser tesseract) {
        super(tesseract);
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
            try (TikaInputStream in = TikaInputStream.get(prepared.file())) {
                super.parse(in, handler, metadata, context);
            }
            if (prepared.damage() != null) {
                throw new TikaException("the image is damaged (" + prepared.damage() + "); what could be decoded"
                        + " was read");
            }
        }
    }

    /** The file Tesseract reads, and what the decoder found wrong with the image (null when nothing). */
    private record Prepared(Path file, String damage) {
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
                return new Prepared(image, null);
            }
            decoded = firstImage(image, warnings);
        } catch (IOException | RuntimeException e) {
            if (gif) {
                throw new TikaException("cannot read the GIF's first frame: " + e.getMessage(), e);
            }
            return new Prepared(image, null); // Tesseract's own decoder may read it, or says why not
        }
        if (decoded == null) {
            if (gif) {
                throw new TikaException("the GIF has no frame ImageIO can read");
            }
            return new Prepared(image, null);
        }
        Path pgm = tmp.createTempFile(".pgm");
        OcrPicture.writePgm(decoded, pgm);
        return new Prepared(pgm, warnings.isEmpty() ? null : String.join("; ", warnings));
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
