package org.tracelab.core.internal;

/**
 * Facts the build stamped into the code (this file is a template Maven fills in). Constants, not resources: reading a
 * resource opens the 75,000-entry command jar, about 50 ms of CPU for a command that needs nothing else from it
 * (docs/BENCHMARKS.md, "Start-up, session 11").
 */
public final class BuildInfo {
    /** Tracelab's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String TRACELAB_VERSION = "${project.version}";
    /** The sqlite-jdbc release the build took, which names its native library's cache folder. */
    public static final String SQLITE_JDBC_VERSION = "${sqlite-jdbc.version}";

    private BuildInfo() {
    }
}
