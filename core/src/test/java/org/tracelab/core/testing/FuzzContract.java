package org.tracelab.core.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.function.Executable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.index.IndexFields;

/**
 * The contract every fuzz target holds Tracelab's own parsers to: bad input ends in a {@link TracelabException} with
 * a one-line message, never in another exception, and nothing runs past its time limit.
 */
public final class FuzzContract {
    /** Far above any sane parse of a fuzz input (they are small); only a hang or a runaway loop reaches it. */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private FuzzContract() {
    }

    /**
     * Analyses a text in each script with every text field's analyzer, once, outside any limit. A target calls it
     * before its first input: class initialisation (ICU's transliterator tables take seconds on a loaded machine) is
     * not a parse, and charged to the first seed it once failed a regression run at load 25.
     */
    public static void warmUpAnalysis() {
        Analyzer analyzer = IndexFields.analyzer();
        for (String field : CaseAnalyzers.TEXT_FIELDS) {
            try (TokenStream tokens = analyzer.tokenStream(field, "Fictitious: chet elda ish, тажриба шарт эмас, "
                    + "работа за границей, free visa")) {
                tokens.reset();
                while (tokens.incrementToken()) {
                    // only the classes and tables matter
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Runs {@code parse}; a clean error is accepted, anything else (or running past {@link #LIMIT}) fails the input.
     */
    public static void cleanErrorsOnly(Executable parse) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                parse.execute();
            } catch (TracelabException clean) {
                if (clean.getMessage() == null || clean.getMessage().isBlank()
                        || clean.getMessage().strip().contains("\n")) {
                    throw new AssertionError("a clean error is one line: [" + clean.getMessage() + "]", clean);
                }
            }
        });
    }
}
