package org.tracelab.core.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.extract.ExtractionError;

/**
 * The text and metadata ingest extracted from one item, as the case records it; the text itself is a blob.
 *
 * @param itemId      the item it was extracted from
 * @param blob        the UTF-8 text, in the case's blob store
 * @param size        bytes of the text blob
 * @param contentType the type the extractor detected
 * @param language    the language tag of the text, {@code und} when unknown
 * @param title       title the document gives itself
 * @param author      author or sender the document names
 * @param created     creation date the document claims
 * @param modified    modification date the document claims
 * @param extractor   the extracting tool and its version, e.g. {@code Apache Tika 3.3.1}
 * @param errorKind   the kind of extraction failure or cut ({@code WRITE_LIMIT}, {@code PARSE_FAILED}, …)
 * @param error       what went wrong, when something did
 * @param members     how many embedded members the document had
 * @param madeAt      when the text was extracted
 * @param charset     for a page: the charset its bytes were read in and why ({@code UTF-8 (byte-order mark)})
 * @param notes       problems that did not stop extraction (members skipped, a limit hit), beside {@code error}
 * @param ocr         when OCR read some of the text: how ({@code Tesseract 5.3.0 uzb+uzb_cyrl+rus+eng})
 * @param ocrConfidence the mean confidence of the words OCR read, 0 to 100, when it read any
 * @param pieces      for a main text made of pieces of the full text: where they lie there; {@code blob} and
 *                    {@code size} then name the main text (digest and UTF-8 bytes), which is not a blob of its own
 */
public record DerivedText(long itemId, BlobId blob, long size, String contentType, String language,
                          Optional<String> title, Optional<String> author, Optional<Instant> created,
                          Optional<Instant> modified, String extractor, Optional<String> errorKind,
                          Optional<String> error, int members, Instant madeAt, Optional<String> charset,
                          List<ExtractionError> notes, Optional<String> ocr, Optional<Integer> ocrConfidence,
                          Optional<TextPieces> pieces) {
    /** The kind of derived data this is, as the {@code derived} table names it. */
    public static final String KIND = "text";
    /** The kind of a page's main text, without its furniture: a derived row beside the full text. */
    public static final String MAIN_KIND = "main";

    public DerivedText {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(errorKind, "errorKind");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(ocrConfidence, "ocrConfidence");
        Objects.requireNonNull(pieces, "pieces");
        if (ocrConfidence.isPresent() && (ocr.isEmpty() || ocrConfidence.get() < 0 || ocrConfidence.get() > 100)) {
            throw new IllegalArgumentException("OCR confidence " + ocrConfidence.get() + " without OCR or out of 0-100");
        }
        if (size < 0 || members < 0) {
            throw new IllegalArgumentException("negative size or member count: " + size + ", " + members);
        }
        if (errorKind.isPresent() != error.isPresent()) {
            throw new IllegalArgumentException("an error needs both its kind and its message");
        }
        notes = List.copyOf(notes);
    }

    /** A text that is stored as a blob of its own. */
    public DerivedText(long itemId, BlobId blob, long size, String contentType, String language,
                       Optional<String> title, Optional<String> author, Optional<Instant> created,
                       Optional<Instant> modified, String extractor, Optional<String> errorKind,
                       Optional<String> error, int members, Instant madeAt, Optional<String> charset,
                       List<ExtractionError> notes, Optional<String> ocr, Optional<Integer> ocrConfidence) {
        this(itemId, blob, size, contentType, language, title, author, created, modified, extractor, errorKind,
                error, members, madeAt, charset, notes, ocr, ocrConfidence, Optional.empty());
    }

    /** A text without notes, no OCR having read any of it. */
    public DerivedText(long itemId, BlobId blob, long size, String contentType, String language,
                       Optional<String> title, Optional<String> author, Optional<Instant> created,
                       Optional<Instant> modified, String extractor, Optional<String> errorKind,
                       Optional<String> error, int members, Instant madeAt, Optional<String> charset) {
        this(itemId, blob, size, contentType, language, title, author, created, modified, extractor, errorKind,
                error, members, madeAt, charset, List.of(), Optional.empty(), Optional.empty());
    }

    /** A text with nothing recorded about its charset (not a page, or extracted before charsets were recorded). */
    public DerivedText(long itemId, BlobId blob, long size, String contentType, String language,
                       Optional<String> title, Optional<String> author, Optional<Instant> created,
                       Optional<Instant> modified, String extractor, Optional<String> errorKind,
                       Optional<String> error, int members, Instant madeAt) {
        this(itemId, blob, size, contentType, language, title, author, created, modified, extractor, errorKind,
                error, members, madeAt, Optional.empty());
    }

    /** The same record for another text blob of the item (its main text). */
    public DerivedText withBlob(BlobId otherBlob, long otherSize) {
        return new DerivedText(itemId, otherBlob, otherSize, contentType, language, title, author, created,
                modified, extractor, errorKind, error, members, madeAt, charset, notes, ocr, ocrConfidence);
    }

    /**
     * The same record for the item's main text made of {@code where} of this text: {@code digest} and
     * {@code bytes} are those of the main text's UTF-8, which is not stored again.
     */
    public DerivedText withPieces(BlobId digest, long bytes, TextPieces where) {
        return new DerivedText(itemId, digest, bytes, contentType, language, title, author, created, modified,
                extractor, errorKind, error, members, madeAt, charset, notes, ocr, ocrConfidence, Optional.of(where));
    }

    /** Every problem of the extraction: its error first, then its notes. */
    public List<ExtractionError> problems() {
        List<ExtractionError> all = new ArrayList<>();
        errorKind.ifPresent(k -> all.add(new ExtractionError(kindOf(k), error.orElse(""))));
        all.addAll(notes);
        return List.copyOf(all);
    }

    private static ExtractionError.Kind kindOf(String name) {
        try {
            return ExtractionError.Kind.valueOf(name);
        } catch (IllegalArgumentException fromAnotherVersion) {
            return ExtractionError.Kind.PARSE_FAILED;
        }
    }

    /** True when extraction failed or was cut. */
    public boolean failed() {
        return errorKind.isPresent();
    }
}
