package org.tracelab.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Tracelab that is running, recorded in every custody entry and in case.json. */
public final class ToolVersion {
    private static final String VERSION = load();

    private ToolVersion() {
    }

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** What custody entries record as the tool: name and version. */
    public static String tool() {
        return "tracelab " + VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
