package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LoggingDefaultsTest {
    @Test
    void theSetUpIsTheJdksDefaultsLessLucenesVectorWarning() throws Exception {
        try {
            new LoggingDefaults();
            Logger lucene = Logger.getLogger("org.apache.lucene.internal.vectorization");
            assertFalse(lucene.isLoggable(Level.WARNING), "Lucene's warning is silenced");
            assertTrue(lucene.isLoggable(Level.SEVERE));
            Logger root = Logger.getLogger("");
            assertEquals(Level.INFO, root.getLevel());
            assertEquals(1, root.getHandlers().length);
            assertTrue(root.getHandlers()[0] instanceof ConsoleHandler);
            assertTrue(Logger.getLogger("org.example.other").isLoggable(Level.WARNING), "others still warn");
        } finally {
            LogManager.getLogManager().readConfiguration(); // back to this test JVM's own set-up
        }
    }

    @Test
    void installingNamesTheSetUpAndTheNoOperationSlf4jProviderUnlessTheUserGaveTheirs() {
        String[] keys = {LoggingDefaults.PROPERTY, "java.util.logging.config.file", "slf4j.provider",
            "slf4j.internal.verbosity"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
            System.clearProperty(keys[i]);
        }
        try {
            LoggingDefaults.install();
            assertEquals(LoggingDefaults.class.getName(), System.getProperty(LoggingDefaults.PROPERTY));
            assertEquals("org.slf4j.nop.NOPServiceProvider", System.getProperty("slf4j.provider"));
            assertEquals("WARN", System.getProperty("slf4j.internal.verbosity"));
            // and the provider named is one the class path holds
            assertEquals("org.slf4j.nop.NOPServiceProvider",
                    assertDoesNotThrowLoading(System.getProperty("slf4j.provider")));

            System.clearProperty(LoggingDefaults.PROPERTY);
            System.setProperty("java.util.logging.config.file", "/etc/users-own-logging.properties");
            LoggingDefaults.install();
            assertEquals(null, System.getProperty(LoggingDefaults.PROPERTY), "the user's own set-up wins");
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }

    private static String assertDoesNotThrowLoading(String name) {
        try {
            return Class.forName(name).getName();
        } catch (ClassNotFoundException e) {
            throw new AssertionError("not on the class path: " + name, e);
        }
    }
}
