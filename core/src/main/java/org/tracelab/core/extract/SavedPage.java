package org.tracelab.core.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** A saved web page (MHTML) as the rest of the case sees it: its media type, and the markup of its page part. */
public final class SavedPage {
    private SavedPage() {
    }

    /** Whether {@code contentType}, as extraction reported it, is that of a saved page. */
    public static boolean is(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(Mhtml.TYPE);
    }

    /** The HTML of the saved page in {@code file}, decoded, at most {@code maxBytes} of it; empty when none. */
    public static Optional<String> html(Path file, long maxBytes) throws IOException {
        return Mhtml.pageHtml(file, maxBytes);
    }
}
