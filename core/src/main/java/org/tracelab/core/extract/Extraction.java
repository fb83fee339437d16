package org.tracelab.core.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.entities.MarkupLinks;

/**
 * What {@link TextExtractor} got out of one document: text, the usual metadata, its language, the members it
 * contains, and the error when extraction failed or was cut. Closing it deletes the members' temporary files.
 *
 * @param text        plain text, possibly cut at the write limit (then {@link #error()} says {@code WRITE_LIMIT})
 * @param title       document title, when the format has one
 * @param author      author or sender
 * @param created     creation date the document claims
 * @param modified    last-modified date the document claims
 * @param contentType type detected from the bytes (and name), e.g. {@code application/pdf}
 * @param language    language tag from {@link org.tracelab.core.lang.LanguageIdentifier}, {@code und} when unknown
 * @param metadata    every metadata field the parser reported, name to values
 * @param members     embedded documents, each to become an item linked to this one
 * @param error       the failure or cut, empty when the document was extracted completely
 * @param mainText    an HTML page's main content without its furniture ({@link MainText}), when it is a page
 * @param charset     how the characters of a page were decided and why ({@link PageCharset#note()})
 * @param links       the URLs of a page's markup ({@link MarkupLinks}) when extraction read them from the same parse;
 *                    empty when it did not, and entity finding reads the markup itself
 * @param notes       problems that did not stop extraction: members skipped (encrypted, corrupt, past the count
 *                    limit), a container that yielded nothing; each to be shown on the item beside {@link #error()}
 * @param ocr         what OCR read, when it ran on the document's images or scanned pages
 */
public record Extraction(
        String text,
        Optional<String> title,
        Optional<String> author,
        Optional<Instant> created,
        Optional<Instant> modified,
        String contentType,
        String language,
        Map<String, List<String>> metadata,
        List<EmbeddedMember> members,
        Optional<ExtractionError> error,
        Optional<String> mainText,
        Optional<String> charset,
        Optional<List<MarkupLinks.Link>> links,
        List<ExtractionError> notes,
        Optional<OcrReading> ocr) implements AutoCloseable {

    public Extraction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(language, "language");
        metadata = Map.copyOf(metadata);
        members = List.copyOf(members);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(mainText, "mainText");
        Objects.requireNonNull(charset, "charset");
        links = Objects.requireNonNull(links, "links").map(List::copyOf);
        notes = List.copyOf(notes);
        Objects.requireNonNull(ocr, "ocr");
    }

    /** An extraction whose markup links were not read with it, with no notes beyond its error, and no OCR. */
    public Extraction(String text, Optional<String> title, Optional<String> author, Optional<Instant> created,
                      Optional<Instant> modified, String contentType, String language,
                      Map<String, List<String>> metadata, List<EmbeddedMember> members,
                      Optional<ExtractionError> error, Optional<String> mainText, Optional<String> charset) {
        this(text, title, author, created, modified, contentType, language, metadata, members, error, mainText,
                charset, Optional.empty(), List.of(), Optional.empty());
    }

    /** An extraction that produced nothing but the reason why. */
    static Extraction failed(String contentType, ExtractionError error) {
        return new Extraction("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                contentType, "und", Map.of(), List.of(), Optional.of(error), Optional.empty(), Optional.empty());
    }

    /** This extraction with its language tag set. */
    Extraction withLanguage(String tag) {
        return new Extraction(text, title, author, created, modified, contentType, tag, metadata, members, error,
                mainText, charset, links, notes, ocr);
    }

    /** This extraction with a page's main text, when one was made, and the note on its charset. */
    Extraction withMain(Optional<String> main, String charsetNote) {
        return new Extraction(text, title, author, created, modified, contentType, language, metadata, members,
                error, main, Optional.of(charsetNote), links, notes, ocr);
    }

    /** This extraction with the links of the page's markup, read from the parse its text came from. */
    Extraction withLinks(List<MarkupLinks.Link> pageLinks) {
        return new Extraction(text, title, author, created, modified, contentType, language, metadata, members,
                error, mainText, charset, Optional.of(pageLinks), notes, ocr);
    }

    /** This extraction with one more problem that did not stop it. */
    Extraction withNote(ExtractionError note) {
        List<ExtractionError> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Extraction(text, title, author, created, modified, contentType, language, metadata, members,
                error, mainText, charset, links, more, ocr);
    }

    /** Every problem of the extraction: its error first, then its notes. */
    public List<ExtractionError> problems() {
        List<ExtractionError> all = new java.util.ArrayList<>();
        error.ifPresent(all::add);
        all.addAll(notes);
        return List.copyOf(all);
    }

    /** True when the text was cut at the write limit. */
    public boolean truncated() {
        return error.map(e -> e.kind() == ExtractionError.Kind.WRITE_LIMIT).orElse(false);
    }

    /** True when the document was extracted without any error or cut. */
    public boolean complete() {
        return error.isEmpty();
    }

    /** Deletes the members' temporary files (and their folder when it is left empty). */
    @Override
    public void close() {
        for (EmbeddedMember member : members) {
            try {
                Files.deleteIfExists(member.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete member spool " + member.file(), e);
            }
        }
        if (!members.isEmpty()) {
            Path dir = members.get(0).file().getParent();
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // The folder still holds spools of another member list; the extractor's close removes it.
            }
        }
    }
}
