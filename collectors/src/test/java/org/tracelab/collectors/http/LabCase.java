package org.tracelab.collectors.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tracelab.core.testing.TestCases;
import org.tracelab.core.Case;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.items.Item;

/** A real case in a temp folder for tests, remembering what was stored and what failed. Fictitious examiner. */
public final class LabCase implements AutoCloseable, CaptureListener {
    public final Case kase;
    public final List<StoredItem> stored = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();
    public final List<String> skips = new CopyOnWriteArrayList<>();
    public final List<String> rejections = new CopyOnWriteArrayList<>();
    public final List<String> notes = new CopyOnWriteArrayList<>();

    public LabCase(Path dir) {
        kase = TestCases.create(dir.resolve("case"), "Lab test");
    }

    public CaptureSink sink(String collector) {
        return kase.startCapture(collector, Map.of("test", true), this);
    }

    @Override
    public void stored(StoredItem item) {
        stored.add(item);
    }

    @Override
    public void failed(String source, String reason) {
        failures.add(source + " -> " + reason);
    }

    @Override
    public void rejected(String source, String reason) {
        rejections.add(source + " -> " + reason);
    }

    @Override
    public void noted(String source, String reason) {
        notes.add(source + " -> " + reason);
    }

    /** Ends the run as the command line does, committing the last group of captures so listeners hear of them. */
    public void finish() {
        kase.finishCapture("test", Map.of());
    }

    @Override
    public void skipped(String source, String reason) {
        skips.add(source + " -> " + reason);
    }

    public Item item(long id) {
        return kase.item(id);
    }

    /** The stored items whose source is {@code url}. */
    public List<Item> itemsFor(String url) {
        return stored.stream().filter(s -> s.item().source().equals(url)).map(s -> kase.item(s.id())).toList();
    }

    /** How many custody entries have this action, read straight from case.db. */
    public long custodyActions(String action) throws java.sql.SQLException {
        String db = "jdbc:sqlite:" + kase.dir().resolve("case.db");
        try (var c = java.sql.DriverManager.getConnection(db);
             var s = c.prepareStatement("SELECT count(*) FROM custody_log WHERE action = ?")) {
            s.setString(1, action);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        kase.close();
    }
}
