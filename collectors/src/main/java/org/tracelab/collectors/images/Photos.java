package org.tracelab.collectors.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tracelab.collectors.http.Capture;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.MediaTypes;

/**
 * Keeps the pictures of an item (a post, an ad, a page) as items under it: each fetched through the run's
 * {@link HttpCapture}, so with the same robots.txt, allow-list, politeness and size limit as every other fetch, and
 * stored as received. A picture that does not come back as one (a 404, an HTML page, a body cut at the size limit)
 * stays in the case as captured and is noted in the custody log; it never ends the run. Safe for many threads.
 */
public final class Photos {
    /** Pictures kept of one item at most: a Telegram album holds ten, an ad rarely more than twenty. */
    public static final int MAX_PER_ITEM = 20;

    private final HttpCapture http;
    private final CaptureSink sink;
    /** Each picture is fetched once a run; a repost of the same address lists it in its own record. */
    private final Set<URI> fetched = ConcurrentHashMap.newKeySet();

    /** Pictures fetched through {@code http} and noted in {@code sink}. */
    public Photos(HttpCapture http, CaptureSink sink) {
        this.http = http;
        this.sink = sink;
    }

    /** Captures each of {@code pictures} not yet fetched in this run as a child of item {@code parentId}. */
    public void keep(long parentId, List<URI> pictures) throws IOException {
        int n = 0;
        for (URI picture : pictures) {
            if (n++ == MAX_PER_ITEM) {
                sink.skipped(picture.toString(), "more than " + MAX_PER_ITEM + " pictures on item " + parentId
                        + "; the rest are not fetched");
                return;
            }
            if (fetched.add(picture)) {
                keep(parentId, picture);
            }
        }
    }

    private void keep(long parentId, URI picture) throws IOException {
        Optional<Capture> got = http.capture(picture, parentId);
        if (got.isEmpty()) {
            return; // skipped or failed, and HttpCapture has said why
        }
        Capture c = got.get();
        String declared = c.mediaType().orElse("no content type");
        if (c.status() >= 400) {
            sink.failed(picture.toString(), "picture of item " + parentId + " answered " + c.status() + " "
                    + declared + "; kept as captured, no picture");
            return;
        }
        Optional<String> format = format(c);
        if (format.isEmpty()) {
            sink.failed(picture.toString(), "picture of item " + parentId + " answered " + declared
                    + " whose bytes are no picture format Tracelab knows; kept as captured, no picture");
        } else if (c.item().blob().truncated()) {
            sink.failed(picture.toString(), "picture of item " + parentId + " (" + format.get() + ") is larger"
                    + " than --max-bytes; kept cut at the limit");
        }
    }

    /** The picture type the stored bytes begin like (Tika's magic numbers), whatever the server declared. */
    private Optional<String> format(Capture c) throws IOException {
        try (InputStream in = new BufferedInputStream(http.openContent(c))) {
            String detected = MediaTypes.detect(in, null);
            return detected.startsWith("image/") ? Optional.of(detected) : Optional.empty();
        }
    }
}
