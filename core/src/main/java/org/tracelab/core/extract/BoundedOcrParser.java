package org.tracelab.core.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
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
 * image whose header claims more pixels than allowed before Tesseract decodes it, gives Tesseract a GIF's first
 * frame alone (it would decode every frame), and takes WebP too (Tesseract's Leptonica reads it; Tika does not
 * offer it).
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
            if (OCR_GIF.toString().equals(metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE))) {
                Path first = firstFrame(image, tmp);
                try (TikaInputStream frame = TikaInputStream.get(first)) {
                    super.parse(frame, handler, metadata, context);
                }
                return;
            }
            super.parse(tis, handler, metadata, context);
        }
    }

    /** A GIF's first frame as a PNG: ImageIO reads frame 0 without decoding the frames after it. */
    private static Path firstFrame(Path gif, TemporaryResources tmp) throws IOException, TikaException {
        BufferedImage frame;
        try {
            frame = ImageIO.read(gif.toFile());
        } catch (IOException | RuntimeException e) {
            throw new TikaException("cannot read the GIF's first frame: " + e.getMessage(), e);
        }
        if (frame == null) {
            throw new TikaException("the GIF has no frame ImageIO can read");
        }
        Path png = tmp.createTempFile(".png");
        if (!ImageIO.write(frame, "png", png.toFile())) {
            throw new IOException("no PNG writer");
        }
        return png;
    }
}
