package org.tracelab.core.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON documents (an API's answer, a record a collector read out of a page, a messenger's export, JSON Lines) read as
 * a person reads them: every string and number in document order, one to a line, escapes decoded ({@code \u0420} is
 * {@code Р}), each after the name of the field it is the value of ({@code telegram: ish_demo}; a list's values after
 * the list's name). Read as plain text, as before, a JSON document's Cyrillic written as escapes could not be
 * searched or its language told, and its quotes and braces stood in every passage. The names stay because a field's
 * name is often the only label its value has, which a reader and the entity finders both need: {@code ish_demo}
 * alone is no handle of any network. The values without the names are the document's main text, as a page's text
 * without its menus is: its language is told from it (an ad record's English field names outweighed its short Russian
 * body) and search passages come from it. Booleans and nulls say nothing a reader would search for and are left out
 * with their names, as are the names of objects and lists themselves.
 *
 * <p>Streamed, so a large export costs memory for its text only, cut at the write limit. A document named or declared
 * JSON whose first token is not JSON (an HTML error page served as {@code application/json}) is left to the other
 * readers; one that breaks off later (a capture cut at its size limit) keeps the values before the break, with a note
 * saying where it broke.
 */
final class JsonText {
    /** File name endings of JSON and JSON Lines documents (HAR: a browser's HTTP archive). */
    static final Set<String> NAMES = Set.of("json", "jsonl", "ndjson", "geojson", "jsonld", "har");
    /** Media types of JSON besides those ending in {@code +json} ({@code application/ld+json}, ...). */
    static final Set<String> TYPES = Set.of("application/json", "text/json", "application/x-ndjson",
            "application/jsonl", "application/x-jsonlines");
    /**
     * What servers put before JSON so that a page cannot run it as a script (guards against cross-site script
     * inclusion): skipped, as the page's own code skips them before parsing.
     */
    static final List<String> GUARDS = List.of(")]}'", "for(;;);", "for (;;);", "while(1);", "while (1);");
    /** The top-level keys whose value names a record, in the order they are preferred as its title. */
    static final List<String> TITLE_KEYS = List.of("title", "headline", "name");
    /** What the derived row says of the charset: JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1). */
    static final String CHARSET_NOTE = "UTF-8 (JSON is UTF-8 by its standard, RFC 8259)";

    // Jackson's default limits hold a hostile document to linear work: nesting 1,000 deep, strings of 20 million
    // characters, numbers of 1,000 digits; past them it throws as for malformed JSON.
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int GUARD_PEEK = 16;

    private JsonText() {
    }

    /** Whether a document's name or declared type says JSON; its first token decides ({@link #read}). */
    static boolean declared(String name, Optional<String> declaredType) {
        if (NAMES.contains(InlineExtractor.extension(name))) {
            return true;
        }
        String type = declaredType.map(t -> t.toLowerCase(Locale.ROOT).split(";", 2)[0].strip()).orElse("");
        return TYPES.contains(type) || type.endsWith("+json");
    }

    /**
     * The text of a JSON document, or empty when it is not UTF-8 or its first token is not JSON (the other readers
     * try it then). The language is left for the caller to tell, as for a page.
     */
    static Optional<Extraction> read(Path file, int maxChars) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            skipMarkAndGuard(in);
            Values values = new Values(maxChars);
            Optional<ExtractionError> broke = Optional.empty();
            try (JsonParser p = FACTORY.createParser(in)) {
                values.readAll(p);
            } catch (JsonProcessingException e) {
                if (!values.began) {
                    return Optional.empty();
                }
                JsonLocation at = e.getLocation();
                broke = Optional.of(new ExtractionError(ExtractionError.Kind.PARSE_FAILED, "JSON read up to "
                        + (at == null ? "a fault" : "line " + at.getLineNr() + ", column " + at.getColumnNr())
                        + " only (" + e.getOriginalMessage() + "); the text is the values before it"));
            }
            Optional<String> main = values.named
                    ? Optional.of(InlineExtractor.cut(values.main.toString(), maxChars)) : Optional.empty();
            Extraction x = InlineExtractor.result(values.text.toString(), maxChars,
                    "application/json; charset=UTF-8", values.title(), Optional.empty())
                    .withMain(main, CHARSET_NOTE);
            return Optional.of(broke.map(x::withNote).orElse(x));
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty(); // another charset: Tika's detection knows them
        }
    }

    /** Skips a byte-order mark and an anti-script guard, leaving the reader at the JSON. */
    private static void skipMarkAndGuard(BufferedReader in) throws IOException {
        in.mark(GUARD_PEEK + 1);
        char[] head = new char[GUARD_PEEK];
        int n = in.read(head, 0, head.length);
        in.reset();
        if (n <= 0) {
            return;
        }
        String start = new String(head, 0, n);
        int skip = start.charAt(0) == '\uFEFF' ? 1 : 0;
        for (String guard : GUARDS) {
            if (start.startsWith(guard, skip)) {
                skip += guard.length();
                break;
            }
        }
        in.skip(skip);
    }

    /**
     * The values read so far, with their names ({@code text}) and without ({@code main}), and the candidates for the
     * title among the first top-level object's fields.
     */
    private static final class Values {
        private final int maxChars;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder main = new StringBuilder();
        private final Map<String, String> titles = new HashMap<>();
        private boolean began;
        /** Whether any value was written after a name, so that the main text differs from the text. */
        private boolean named;

        Values(int maxChars) {
            this.maxChars = maxChars;
        }

        void readAll(JsonParser p) throws IOException {
            boolean firstRoot = true;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                began = true;
                JsonStreamContext at = p.getParsingContext();
                switch (t) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        String v = p.getText().strip();
                        if (v.isEmpty()) {
                            break;
                        }
                        if (t == JsonToken.VALUE_STRING && firstRoot && at.inObject() && at.getParent().inRoot()
                                && TITLE_KEYS.contains(at.getCurrentName())) {
                            titles.putIfAbsent(at.getCurrentName(), v);
                        }
                        if (!text.isEmpty()) {
                            text.append('\n');
                            main.append('\n');
                        }
                        Optional<String> name = label(at);
                        if (name.isPresent()) {
                            text.append(name.get()).append(": ");
                            named = true;
                        }
                        text.append(v);
                        main.append(v);
                        if (text.length() > maxChars) {
                            return; // the caller cuts it and says so; the rest is never read
                        }
                    }
                    default -> {
                        // names, booleans, nulls, and where containers open and close
                    }
                }
                if (at.inRoot()) {
                    firstRoot = false; // a root value ended: a scalar, or the close of the first container
                }
            }
        }

        /** The name of the field a value belongs to: its own, or for a value in a list the list's. */
        private static Optional<String> label(JsonStreamContext at) {
            for (JsonStreamContext c = at; c != null; c = c.getParent()) {
                if (c.inObject()) {
                    String name = c.getCurrentName();
                    return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
                }
            }
            return Optional.empty();
        }

        Optional<String> title() {
            return TITLE_KEYS.stream().map(titles::get).filter(v -> v != null).findFirst();
        }
    }
}
