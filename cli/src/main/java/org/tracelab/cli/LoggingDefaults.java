package org.tracelab.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The java.util.logging set-up of the tracelab process: the JDK's defaults, less Lucene's warning that the vector
 * module is not enabled (Tracelab's indexes hold no vectors, and the warning reached the output of reindex, scan and
 * links, wherever Lucene was first touched).
 *
 * <p>Named by {@code java.util.logging.config.class}, so it runs only when something first logs. Setting the level
 * up front initialised java.util.logging in every command, which lists the logger back-ends on the class path and so
 * opened the whole command jar: about 50 ms of CPU for commands that need nothing else from it (docs/BENCHMARKS.md,
 * "Start-up, session 11").
 */
public final class LoggingDefaults {
    static final String PROPERTY = "java.util.logging.config.class";

    private static final String CONFIG = """
            handlers = java.util.logging.ConsoleHandler
            .level = INFO
            java.util.logging.ConsoleHandler.level = INFO
            java.util.logging.ConsoleHandler.formatter = java.util.logging.SimpleFormatter
            org.apache.lucene.internal.vectorization.level = SEVERE
            """;

    /** Called by java.util.logging's LogManager as it starts, when {@link #install()} named this class. */
    public LoggingDefaults() {
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Names this class as the logging set-up, unless the user gave one of their own, and names SLF4J's provider: the
     * no-operation one the command jar carries (libraries' logging is silenced; the command speaks for itself). Left
     * to find it, SLF4J lists the providers on the class path at the first logger (sqlite-jdbc's, opening every
     * case), which opens the whole command jar.
     */
    static void install() {
        if (System.getProperty(PROPERTY) == null && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty(PROPERTY, LoggingDefaults.class.getName());
        }
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            // SLF4J tells on standard error that it took a provider named so; only its warnings are wanted there.
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }
}
