package org.tracelab.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.Hashing;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.export.bag.BagReport;
import org.tracelab.core.export.bag.BagVerifier;
import org.tracelab.core.export.bag.BagWriter;
import org.tracelab.core.verify.Problem;

class BagExportTest {
    @TempDir
    static Path shared;
    static Path bag;
    static CustodyEntry logged;

    @BeforeEach
    void exportOnce() throws IOException {
        if (bag != null) {
            return;
        }
        Path b = shared.resolve("bag");
        try (Case c = ExportCase.create(shared.resolve("case"))) {
            Exports.bag(c, b, "Fictitious Training Academy", null, Progress.NONE);
            logged = c.summary().lastEntry().orElseThrow();
        }
        bag = b;
    }

    /** The Library of Congress BagIt library's verdict, as an independent validator. */
    private static void locValidate(Path dir) throws Exception {
        Bag b = new BagReader().read(dir);
        try (gov.loc.repository.bagit.verify.BagVerifier v = new gov.loc.repository.bagit.verify.BagVerifier()) {
            v.isValid(b, false);
        }
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(bag)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void bagValidatesWithTheLibraryOfCongressValidatorAndOurs() throws Exception {
        locValidate(bag);
        BagReport r = new BagVerifier(bag).run(Progress.NONE);
        assertTrue(r.holds(), () -> r.problems().toString());
        assertTrue(r.signatureHolds());
        // 11 items, the custody log and the items table
        assertEquals(ExportCase.HOSTILE_SOURCES.length + 2, r.payloadFiles());
    }

    @Test
    void payloadNamesComeFromIdsAndHashesNeverFromCapturedNames() throws IOException {
        for (Path f : files()) {
            String rel = bag.relativize(f).toString();
            assertTrue(f.normalize().startsWith(bag), rel);
            assertTrue(rel.matches("data/items/\\d+/[0-9a-f]{64}|data/(custody-log\\.jsonl|items\\.csv)"
                    + "|[a-z0-9-]+\\.(txt|pem|ed25519)"), rel);
        }
        String items = Files.readString(bag.resolve("data/items.csv"), StandardCharsets.UTF_8);
        assertTrue(items.contains("../../../../etc/passwd"), "the items table maps payload files to sources");
    }

    @Test
    void bagInfoNamesOrganisationExaminerCasePurposeDateOxumAndSignature() throws IOException {
        String info = Files.readString(bag.resolve("bag-info.txt"), StandardCharsets.UTF_8);
        assertTrue(info.contains("Source-Organization: Fictitious Training Academy\n"), info);
        assertTrue(info.contains("Contact-Name: Cadet A\n"), info);
        assertTrue(info.contains("External-Identifier: Export lab (fictitious)\n"), info);
        assertTrue(info.contains("External-Description: " + ExportCase.PURPOSE + "\n"), info);
        assertTrue(info.matches("(?s).*Bagging-Date: \\d{4}-\\d{2}-\\d{2}\n.*"), info);
        assertTrue(info.matches("(?s).*Payload-Oxum: \\d+\\.13\n.*"), info);
        assertTrue(info.contains("Tracelab-Signature: " + BagWriter.SIGNATURE), info);
    }

    @Test
    void exportIsLoggedWithTheHashOfTheSignedTagManifest() throws IOException {
        assertEquals("export.bag", logged.action());
        byte[] manifest = Files.readAllBytes(bag.resolve(BagWriter.SIGNED_MANIFEST));
        assertEquals(HexFormat.of().formatHex(Hashing.sha256().digest(manifest)),
                logged.params().path("sha256").asText());
        assertEquals(ExportCase.PURPOSE, logged.params().path("purpose").asText());
    }

    @Test
    void changingAnyFileOfTheBagFailsBothValidatorsAndOursNamesIt() throws Exception {
        for (Path f : files()) {
            long size = Files.size(f);
            for (long offset : new long[] {0, size / 2, size - 1}) {
                flip(f, offset);
                try {
                    String rel = bag.relativize(f).toString();
                    BagReport r = new BagVerifier(bag).run(Progress.NONE);
                    assertFalse(r.holds(), "our verifier missed a change at " + offset + " of " + rel);
                    boolean named = r.problems().stream().anyMatch(p -> p.describe().contains(rel)
                            || p.kind() == Problem.Kind.BAG_SIGNATURE || p.kind() == Problem.Kind.BAG_MALFORMED);
                    assertTrue(named, rel + ": " + r.problems());
                    assertThrows(Exception.class, () -> locValidate(bag),
                            "LoC validator missed a change at " + offset + " of " + rel);
                } finally {
                    flip(f, offset);
                }
            }
        }
        locValidate(bag);
    }

    @Test
    void anEditedEntryOfTheCustodyLogTheBagCarriesIsNamedByItsLine() throws Exception {
        Path log = bag.resolve("data/custody-log.jsonl");
        byte[] original = Files.readAllBytes(log);
        Files.writeString(log, new String(original, StandardCharsets.UTF_8).replaceFirst("Cadet A", "Cadet B"));
        try {
            BagReport r = new BagVerifier(bag).run(Progress.NONE);
            assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.ENTRY_ALTERED
                    && p.subject().equals("data/custody-log.jsonl line 1")), r.problems()::toString);
        } finally {
            Files.write(log, original);
        }
    }

    @Test
    void aBagSignedByAnotherKeyOrWithAnAddedFileIsRefused() throws Exception {
        Path extra = bag.resolve("data/items/planted.txt");
        Files.writeString(extra, "planted");
        try {
            BagReport r = new BagVerifier(bag).run(Progress.NONE);
            assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.BAG_FILE_UNLISTED
                    && p.subject().equals("data/items/planted.txt")), r.problems()::toString);
        } finally {
            Files.delete(extra);
        }
        Path sig = bag.resolve(BagWriter.SIGNATURE);
        byte[] original = Files.readAllBytes(sig);
        Files.write(sig, new byte[64]);
        try {
            BagReport r = new BagVerifier(bag).run(Progress.NONE);
            assertFalse(r.signatureHolds());
            assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.BAG_SIGNATURE));
        } finally {
            Files.write(sig, original);
        }
    }

    private static void flip(Path f, long offset) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.seek(offset);
            int b = r.read();
            r.seek(offset);
            r.write(b ^ 0x01);
        }
    }

    @Test
    void aBagLeftHalfWrittenByAKilledExportIsNeverTheBagAndIsRebuiltByTheNextExport(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("bag");
        Path part = dir.resolve("bag.part");
        Files.createDirectories(part.resolve("data/items/1"));
        Files.writeString(part.resolve("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        Files.writeString(part.resolve("data/items/1/stale"), "from an export killed earlier");
        try (Case c = ExportCase.create(dir.resolve("case"))) {
            try (FileChannel writing = FileChannel.open(part.resolve(".tracelab-writing"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = writing.lock()) {
                TracelabException e = assertThrows(TracelabException.class,
                        () -> Exports.bag(c, out, null, null, Progress.NONE));
                assertTrue(e.getMessage().contains("another export is writing this bag"), e.getMessage());
                assertFalse(Files.exists(out));
            }
            Exports.bag(c, out, null, null, Progress.NONE);
        }
        assertFalse(Files.exists(part));
        assertFalse(Files.exists(out.resolve("data/items/1/stale")));
        assertFalse(Files.exists(out.resolve(".tracelab-writing")));
        BagReport r = new BagVerifier(out).run(Progress.NONE);
        assertTrue(r.holds(), () -> r.problems().toString());
        locValidate(out);
    }
}
