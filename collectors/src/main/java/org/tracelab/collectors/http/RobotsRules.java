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
    /** An origin's rules, and what to tell the examiner when they refuse a URL. */
    private record Rules(BaseRobotRules parsed, String refusal) {
    }

    private final ConcurrentHashMap<String, Rules> byOrigin = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReentrantLock> fetching = new ConcurrentHashMap<>();

    RobotsRules(Fetcher fetcher, Bytes bytes) {
        this.fetcher = fetcher;
        this.bytes = bytes;
    }

    /**
     * Why the origin's robots.txt keeps Tracelab from fetching {@code url}, or empty when it may: a rule of the file,
     * or a file that could not be read, which RFC 9309 makes a refusal of the whole site. The examiner must be able
     * to tell the two apart; the second usually means the site is down or the address is wrong.
     */
    Optional<String> refusal(URI url) throws IOException {
        Rules rules = rulesFor(url);
        return rules.parsed().isAllowed(url.toString()) ? Optional.empty() : Optional.of(rules.refusal());
    }

    private Rules rulesFor(URI url) throws IOException {
        String origin = Urls.origin(url);
        Rules known = byOrigin.get(origin);
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

    private Rules load(URI url) throws IOException {
        URI robots = url.resolve("/robots.txt");
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        String unread = " (RFC 9309: then nothing of the site may be fetched; --ignore-robots overrides), not fetched";
        Optional<Capture> got = fetcher.fetch(robots);
        if (got.isEmpty()) {
            // RFC 9309 2.3.1.4: an unreachable robots.txt means the whole site is disallowed.
            return new Rules(parser.failedFetch(503), robots + " could not be fetched" + unread);
        }
        Capture c = got.get();
        if (c.status() < 200 || c.status() >= 300) {
            // 4xx allows everything, 5xx nothing: crawler-commons follows RFC 9309 here.
            return new Rules(parser.failedFetch(c.status()), robots + " answered " + c.status() + unread);
        }
        byte[] content;
        try (InputStream in = bytes.open(c)) {
            content = in.readNBytes(MAX_ROBOTS_BYTES);
        }
        return new Rules(parser.parseContent(robots.toString(), content, c.item().item().contentType(),
                List.of(UserAgent.ROBOT_NAME)), "disallowed by robots.txt, not fetched");
    }
}
