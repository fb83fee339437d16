package org.tracelab.core.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Json;

/**
 * The framed protocol between {@link TextExtractor} and {@link ExtractionWorker}: each frame is a big-endian
 * {@code int} length followed by that many bytes of UTF-8 JSON. The worker first sends one {@link Ready} frame,
 * then answers each {@link Request} with one {@link Reply}.
 */
final class WorkerProtocol {
    /** A reply larger than this is garbage from a broken worker, not a document (10 M chars fit easily). */
    static final int MAX_FRAME = 256 << 20;

    private WorkerProtocol() {
    }

    /** The worker's greeting once Tika is loaded, so start-up time is never charged to a document. */
    record Ready(boolean ready) {
    }

    /** One document to extract; paths are absolute; {@code ocr} is null when text in images is not read. */
    record Request(String file, String name, String memberDir, int maxTextChars, int maxMembers,
                   long maxMemberBytes, long maxUnpackRatio, Ocr ocr) {
    }

    /**
     * How to read text in the document's images: Tesseract's languages ({@code uzb+rus+eng}), its time limit per
     * image, and the bounds of {@link OcrSettings}.
     */
    record Ocr(String languages, int timeoutSeconds, long maxPixels, long minBytes, long maxBytes, int pdfDpi) {
    }

    /** What OCR read: words, their mean confidence (-1 with none), and where its text lies in the reply's text. */
    record OcrResult(int words, int confidence, List<OcrReading.Span> spans) {
    }

    /** One spooled member. */
    record Member(String name, String contentType, long size, String file) {
    }

    /**
     * What the worker got out of one document; {@code errorKind} is null when it went well, {@code ocr} when no
     * OCR ran.
     */
    record Reply(String text, String contentType, String title, String author, String created, String modified,
                 Map<String, List<String>> metadata, List<Member> members, String errorKind, String errorMessage,
                 OcrResult ocr) {
    }

    static void write(DataOutputStream out, Object frame) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(frame);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** Reads one frame, or throws {@link EOFException} when the other side has gone. */
    static <T> T read(DataInputStream in, Class<T> type) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad frame length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("frame cut after " + bytes.length + " of " + length + " bytes");
        }
        JsonNode tree = Json.MAPPER.readTree(bytes);
        return Json.MAPPER.treeToValue(tree, type);
    }
}
