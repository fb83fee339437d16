package org.tracelab.collectors.http;

import org.tracelab.core.ToolVersion;

/** How Tracelab names itself to web servers, so a site owner can tell who fetched what. */
public final class UserAgent {
    /** The name robots.txt groups are matched against. */
    public static final String ROBOT_NAME = "tracelab";

    private UserAgent() {
    }

    /** The User-Agent header value, naming Tracelab and its version. */
    public static String header() {
        return "Tracelab/" + ToolVersion.version() + " (+https://github.com/tracelab; OSINT training lab)";
    }
}
