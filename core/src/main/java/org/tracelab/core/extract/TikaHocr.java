package org.tracelab.core.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.OfflineContentHandler;
import org.apache.tika.sax.XHTMLContentHandler;
import org.apache.tika.utils.XMLReaderUtils;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What Tika's {@code TesseractOCRParser} (3.3.1) tells the handler and the metadata about one picture once Tesseract
 * has written its hOCR, so that a picture read by the {@link KeptTesseract} reaches {@link OcrText} and the reply
 * exactly as one read by Tika's own run of Tesseract: the {@code ocr-} media types put back, an XHTML document, the
 * hOCR's body inside {@code <div class="ocr">}. Tika keeps these steps private; {@code KeptOcrTest} holds the two
 * paths to the same events and metadata.
 */
final class TikaHocr {
    private static final String OCR_SUBTYPE = "ocr-";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private TikaHocr() {
    }

    /** The events of a picture whose hOCR is {@code hocr}; with null, of one too small or large to read. */
    static void read(String hocr, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        XHTMLContentHandler xhtml = start(handler, metadata);
        if (hocr != null) {
            AttributesImpl attrs = new AttributesImpl();
            attrs.addAttribute("", "class", "class", "CDATA", "ocr");
            xhtml.startElement(XHTML, "div", "div", attrs);
            XMLReaderUtils.parseSAX(new ByteArrayInputStream(hocr.getBytes(StandardCharsets.UTF_8)),
                    new OfflineContentHandler(new PassThrough(xhtml)), context);
            xhtml.endElement(XHTML, "div", "div");
        }
        xhtml.endDocument();
    }

    /** The events, and the exception, of a picture Tesseract did not read within its time. */
    static TikaException timedOut(ContentHandler handler, Metadata metadata) throws SAXException {
        start(handler, metadata);
        return new TikaException("TesseractOCRParser timeout");
    }

    private static XHTMLContentHandler start(ContentHandler handler, Metadata metadata) throws SAXException {
        String override = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
        MediaType overridden = override == null ? null : MediaType.parse(override);
        if (overridden != null && overridden.getSubtype().startsWith(OCR_SUBTYPE)) {
            metadata.remove(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE.getName());
        }
        String type = metadata.get(Metadata.CONTENT_TYPE);
        MediaType declared = type == null ? null : MediaType.parse(type);
        if (declared != null && declared.getSubtype().startsWith(OCR_SUBTYPE)) {
            metadata.set(Metadata.CONTENT_TYPE, new MediaType(declared.getType(),
                    declared.getSubtype().substring(OCR_SUBTYPE.length())).toString());
        }
        XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
        xhtml.startDocument();
        return xhtml;
    }

    /** hOCR's elements and text but its document frame, as Tika passes them on. */
    private static final class PassThrough extends DefaultHandler {
        private static final Set<String> FRAME = Set.of("html", "head", "title", "meta", "body");
        private final ContentHandler xhtml;

        PassThrough(ContentHandler xhtml) {
            this.xhtml = xhtml;
        }

        @Override
        public void startElement(String uri, String local, String name, Attributes attributes) throws SAXException {
            if (!FRAME.contains(name)) {
                xhtml.startElement(uri, local, name, attributes);
            }
        }

        @Override
        public void endElement(String uri, String local, String name) throws SAXException {
            if (!FRAME.contains(name)) {
                xhtml.endElement(uri, local, name);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            xhtml.characters(ch, start, length);
        }
    }
}
