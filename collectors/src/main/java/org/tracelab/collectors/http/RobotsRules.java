package org.tracelab.collectors.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The robots.txt rules of each origin, fetched once per run (the fetch itself is captured: it is evidence of the
 * rules obeyed) and read with crawler-commons.
 */
final class RobotsRules {
    /** Fetches a robots.txt URL the way any capture is made; empty when it could not be fetched at all. */
    interface Fetcher {
        Optional<Capture> fetch(URI robotsUrl) throws IOException;
    }

    /** Opens a capture's stored bytes. */
    interface Bytes {
        InputStream open(Capture c) throws IOException;
    }

    // Google's limit: rules past 500 KiB are ignored.
    private static final int MAX_ROBOTS_BYTES = 500 * 1024;

    private final Fetcher fetcher;
    private final Bytes bytes;
    private final ConcurrentHashMap<String, BaseRobotRules> byOrigin = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReentrantLock> fetching = new ConcurrentHashMap<>();

    RobotsRules(Fetcher fetcher, Bytes bytes) {
        this.fetcher = fetcher;
        this.bytes = bytes;
    }

    /** True when the origin's robots.txt lets Tracelab fetch {@code url}. */
    boolean allows(URI url) throws IOException {
        return rulesFor(url).isAllowed(url.toString());
    }

    private BaseRobotRules rulesFor(URI url) throws IOException {
        String origin = Urls.origin(url);
        BaseRobotRules known = byOrigin.get(origin);
        if (known != null) {
            return known;
        }
        ReentrantLock lock = fetching.computeIfAbsent(origin, o -> new ReentrantLock());
        lock.lock();
        try {
            known = byOrigin.get(origin);
            if (known == null) {
                known = load(url);
                byOrigin.put(origin, known);
            }
            return known;
        } finally {
            lock.unlock();
        }
    }

    private BaseRobotRules load(URI url) throws IOException {
        URI robots = url.resolve("/robots.txt");
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        Optional<Capture> got = fetcher.fetch(robots);
        if (got.isEmpty()) {
            // RFC 9309 2.3.1.4: an unreachable robots.txt means the whole site is disallowed.
            return parser.failedFetch(503);
        }
        Capture c = got.get();
        if (c.status() < 200 || c.status() >= 300) {
            // 4xx allows everything, 5xx nothing: crawler-commons follows RFC 9309 here.
            return parser.failedFetch(c.status());
        }
        byte[] content;
        try (InputStream in = bytes.open(c)) {
            content = in.readNBytes(MAX_ROBOTS_BYTES);
        }
        return parser.parseContent(robots.toString(), content, c.item().item().contentType(),
                List.of(UserAgent.ROBOT_NAME));
    }
}
