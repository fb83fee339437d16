package org.tracelab.core.collect;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A WARC {@code resource} record: bytes the collector made rather than received over HTTP (a screenshot, a
 * rendered DOM), kept beside the exchanges they were made from so a WACZ replays them too
 * ({@link CaptureSink#archive(WarcResource)}). Replay tools find a page's screenshot at {@code urn:view:URL}, as
 * Webrecorder's crawlers write it.
 *
 * @param target       the record's {@code WARC-Target-URI}, e.g. {@code urn:view:https://…}
 * @param date         when the bytes were made
 * @param contentType  their media type
 * @param body         the stored bytes
 * @param concurrentTo the {@code WARC-Record-ID} of the record they were made from, or null
 */
public record WarcResource(URI target, Instant date, String contentType, StoredBlob body, String concurrentTo) {
    /** The target prefix of a page's screenshot, as Webrecorder's crawlers and ReplayWeb.page name it. */
    public static final String VIEW = "urn:view:";
    /** The target prefix of a page's DOM as rendered (HTML serialised after scripts ran). */
    public static final String DOM = "urn:dom:";

    public WarcResource {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** A resource record for the bytes made from the page at {@code page}, under the target prefix {@code urn}. */
    public static WarcResource of(String urn, URI page, Instant date, String contentType, StoredBlob body,
                                  String concurrentTo) {
        return new WarcResource(URI.create(urn + page), date, contentType, body, concurrentTo);
    }
}
