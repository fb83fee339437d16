package org.tracelab.core.export.bag;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.WarcRecords;

/**
 * What a bag's payload says about itself, checked as {@code verify} checks a case: the custody log it carries is one
 * unbroken chain, each item's file is the one its {@code capture} entry logged, and every record of its WARC files
 * parses with its digests holding. The manifests prove the bag unchanged since it was made; this proves what it
 * was made of consistent.
 */
final class BagContents {
    static final String LOG = "data/custody-log.jsonl";

    private final Path bag;
    private final List<Problem> problems = new ArrayList<>();

    BagContents(Path bag) {
        this.bag = bag;
    }

    List<Problem> check() throws IOException {
        checkLog();
        checkWarcFiles();
        return problems;
    }

    /** The chain of the log in the bag, and each item folder against its capture entry. */
    private void checkLog() throws IOException {
        Path log = bag.resolve(LOG);
        if (!Files.isRegularFile(log)) {
            problems.add(new Problem(Problem.Kind.BAG_FILE_MISSING, LOG, "the case's custody log", "none"));
            return;
        }
        String prev = CustodyEntry.GENESIS;
        long line = 0;
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String text; (text = r.readLine()) != null; ) {
                line++;
                String subject = LOG + " line " + line;
                CustodyEntry e;
                try {
                    JsonNode n = Json.parse(text);
                    Long item = n.path("item").isNumber() ? n.path("item").asLong() : null;
                    e = new CustodyEntry(n.path("seq").asLong(), Timestamps.parse(n.path("at").asText()),
                            n.path("examiner").asText(), n.path("action").asText(), item, n.path("tool").asText(),
                            n.path("params"), n.path("prev_hash").asText(), n.path("entry_hash").asText());
                } catch (RuntimeException bad) {
                    problems.add(new Problem(Problem.Kind.ENTRY_ALTERED, subject, "a custody entry",
                            String.valueOf(bad.getMessage())));
                    continue;
                }
                if (e.seq() != line || !prev.equals(e.prevHash())) {
                    problems.add(new Problem(Problem.Kind.CHAIN_BROKEN, subject, "entry " + line + " after hash "
                            + prev, "entry " + e.seq() + " after hash " + e.prevHash()));
                } else if (!e.hashHolds()) {
                    problems.add(new Problem(Problem.Kind.ENTRY_ALTERED, subject, "hash " + e.hash(),
                            "fields that hash differently"));
                }
                prev = e.hash();
                if ("capture".equals(e.action()) && e.itemId() != null) {
                    checkItemFolder(e.itemId(), e.params().path("sha256").asText());
                }
            }
        }
    }

    /** A bag holds an item as {@code data/items/<id>/<sha256>}: the name must be the hash its entry logged. */
    private void checkItemFolder(long item, String sha256) throws IOException {
        Path dir = bag.resolve("data/items/" + item);
        if (!Files.isDirectory(dir)) {
            return; // a bag of selected items holds only some
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!f.getFileName().toString().equals(sha256)) {
                    problems.add(new Problem(Problem.Kind.ITEM_ALTERED, bag.relativize(f).toString(),
                            "the blob sha256 " + sha256 + " its capture entry logged", "file " + f.getFileName()));
                }
            }
        }
    }

    private void checkWarcFiles() throws IOException {
        Path dir = bag.resolve("data/warc");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    problems.addAll(WarcRecords.problems(f, bag.relativize(f).toString()));
                }
            }
        }
    }
}
