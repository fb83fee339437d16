package org.tracelab.collectors.warc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.Collector;

/**
 * {@code collect warc FILE...}: imports WARC files made by other tools (Webrecorder, browsertrix, wget), gzipped or
 * not: each file as it was received, then each of its records with its headers, digests checked.
 */
public final class WarcCollector implements Collector {
    /** The collector's id on the command line. */
    public static final String ID = "warc";
    /** The item kind of an imported record. */
    public static final String KIND = "warc-record";

    private final Clock clock;

    /** The collector as ServiceLoader makes it. */
    public WarcCollector() {
        this(Clock.systemUTC());
    }

    /** A collector reading time from {@code clock}. */
    public WarcCollector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "WARC files made by other tools: the file, then every record, digests checked";
    }

    @Override
    public String targetLabel() {
        return "FILE";
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (String t : request.targets()) {
            Path p = Path.of(t);
            if (!Files.isRegularFile(p)) {
                throw TracelabException.badInput("WARC file " + t, Files.exists(p) ? "is not a regular file"
                        : "no such file");
            }
            if (!Files.isReadable(p)) {
                throw TracelabException.badInput("WARC file " + t, "cannot be read (permissions)");
            }
            files.add(p);
        }
        if (files.isEmpty()) {
            throw TracelabException.badInput("collect warc", "give at least one WARC file");
        }
        request.progress().total(-1, "records");
        WarcImport importer = new WarcImport(sink, clock, request.progress());
        for (Path f : files) {
            importer.run(f);
        }
    }
}
