package org.tracelab.core.extract;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns the hOCR that Tika passes on from Tesseract (inside a {@code <div class="ocr">}) into plain text, words of
 * a line joined by one space, lines by a newline, paragraphs by an empty line, as Tesseract's own text output lays
 * them out; and keeps, for the worker's reply, where that text lies in the document's text and each word's
 * confidence ({@code x_wconf} in the word's {@code title}). Text outside OCR passes through untouched.
 *
 * <p>hOCR rather than Tesseract's text output because only hOCR carries the confidences, and Tika keeps no other
 * file of the run.
 */
final class OcrText extends ContentHandlerDecorator {
    private static final Pattern CONFIDENCE = Pattern.compile("x_wconf\\s+(\\d+)");

    private enum Gap { NONE, SPACE, LINE, PARAGRAPH }

    private final List<OcrReading.Span> spans = new ArrayList<>();
    private final StringWriter out;
    private int depth; // elements open inside the current OCR block; 0 outside one
    private int wordDepth; // depth of the open word element, 0 outside a word
    private int blockStart;
    private Gap gap = Gap.NONE;
    private boolean wordsInBlock;
    private boolean seen;
    private int words;
    private long confidenceSum;

    /** {@code next} writes the text into {@code out}, whose length tells where in the text OCR's text lies. */
    OcrText(ContentHandler next, StringWriter out) {
        super(next);
        this.out = out;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String classes = classes(atts);
        if (depth == 0) {
            if (has(classes, "ocr")) {
                depth = 1;
                seen = true;
                blockStart = out.getBuffer().length();
                gap = Gap.NONE;
                wordsInBlock = false;
                return;
            }
            super.startElement(uri, localName, qName, atts);
            return;
        }
        depth++;
        if (has(classes, "ocrx_word")) {
            wordDepth = depth;
            if (wordsInBlock && gap == Gap.NONE) {
                gap = Gap.SPACE;
            }
            Matcher m = CONFIDENCE.matcher(String.valueOf(atts.getValue("title")));
            if (m.find()) {
                words++;
                confidenceSum += Math.min(100, Integer.parseInt(m.group(1)));
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (depth == 0) {
            super.endElement(uri, localName, qName);
            return;
        }
        boolean wordEnds = depth == wordDepth;
        if (wordEnds) {
            wordDepth = 0;
        }
        depth--;
        if (depth == 0) {
            if (wordsInBlock) {
                emit("\n");
                spans.add(new OcrReading.Span(blockStart, out.getBuffer().length()));
            }
            return;
        }
        // Which element closes is not known here; the element kinds are told apart by what opens next, so every
        // close of an element above word level widens the gap one step at most to a line, and a paragraph's to two.
        if (!wordEnds && wordDepth == 0 && wordsInBlock) {
            gap = gap == Gap.LINE || gap == Gap.PARAGRAPH ? Gap.PARAGRAPH : Gap.LINE;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (depth == 0) {
            super.characters(ch, start, length);
            return;
        }
        if (wordDepth == 0 && new String(ch, start, length).isBlank()) {
            return; // hOCR's indentation
        }
        flushGap();
        wordsInBlock = true;
        super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (depth > 0) {
            return; // the newlines Tika's XHTML writer adds after hOCR's blocks
        }
        super.ignorableWhitespace(ch, start, length);
    }

    /** True when the document held an OCR block (OCR ran on it, whether or not it found words). */
    boolean seen() {
        return seen;
    }

    int words() {
        return words;
    }

    /** The words' mean confidence, rounded; -1 with no words. */
    int meanConfidence() {
        return words == 0 ? -1 : (int) Math.round((double) confidenceSum / words);
    }

    List<OcrReading.Span> spans() {
        return List.copyOf(spans);
    }

    private void flushGap() throws SAXException {
        switch (gap) {
            case NONE -> {
            }
            case SPACE -> emit(" ");
            case LINE -> emit("\n");
            case PARAGRAPH -> emit("\n\n");
        }
        gap = Gap.NONE;
    }

    private void emit(String s) throws SAXException {
        super.characters(s.toCharArray(), 0, s.length());
    }

    private static String classes(Attributes atts) {
        String c = atts.getValue("class");
        return c == null ? "" : " " + c.toLowerCase(Locale.ROOT).strip() + " ";
    }

    private static boolean has(String classes, String name) {
        return classes.contains(" " + name + " ");
    }
}
