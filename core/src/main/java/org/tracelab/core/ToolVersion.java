package org.tracelab.core;

import org.tracelab.core.internal.BuildInfo;

/** The version of Tracelab that is running, recorded in every custody entry and in case.json. */
public final class ToolVersion {
    private static final String VERSION = BuildInfo.TRACELAB_VERSION;

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
}
