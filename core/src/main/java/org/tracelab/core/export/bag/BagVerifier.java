package org.tracelab.core.export.bag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.tracelab.core.CaseKeys;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.Problem.Kind;

/**
 * Checks a bag as {@link BagWriter} makes it: the declaration, every payload and tag manifest line against the file's
 * bytes, that no payload file is unlisted, the Payload-Oxum, the Ed25519 signature over the SHA-256 tag manifest, and
 * what the payload says of itself ({@link BagContents}: its custody chain, item files, WARC records).
 * Each difference is named with the file, what was expected and what was found.
 */
public final class BagVerifier {
    private final Path bag;
    private final List<Problem> problems = new ArrayList<>();
    private final byte[] buffer = new byte[1 << 18];

    public BagVerifier(Path bag) {
        this.bag = bag.toAbsolutePath().normalize();
    }

    /** Checks the whole bag. */
    public BagReport run(Progress progress) throws IOException {
        if (!Files.isDirectory(bag)) {
            throw TracelabException.badInput(bag.toString(), "no such bag folder");
        }
        checkDeclaration();
        Set<String> listed = new HashSet<>();
        long[] payload = {0, 0};
        for (Digests alg : Digests.ALL) {
            Path manifest = bag.resolve("manifest-" + alg.bagName() + ".txt");
            if (!Files.isRegularFile(manifest)) {
                problems.add(new Problem(Kind.BAG_FILE_MISSING, manifest.getFileName().toString(),
                        "a payload manifest in " + alg.bagName(), "none"));
                continue;
            }
            checkManifest(manifest, alg, true, listed, progress);
        }
        checkUnlisted(listed, payload);
        checkOxum(payload[0], payload[1]);
        problems.addAll(new BagContents(bag).check());
        for (Digests alg : Digests.ALL) {
            Path manifest = bag.resolve("tagmanifest-" + alg.bagName() + ".txt");
            if (Files.isRegularFile(manifest)) {
                checkManifest(manifest, alg, false, new HashSet<>(), Progress.NONE);
            } else {
                problems.add(new Problem(Kind.BAG_FILE_MISSING, manifest.getFileName().toString(),
                        "a tag manifest in " + alg.bagName(), "none"));
            }
        }
        Optional<String> fingerprint = Optional.empty();
        boolean signed = false;
        try {
            PublicKey key = CaseKeys.readPublicKey(Files.readString(bag.resolve(BagWriter.PUBLIC_KEY),
                    StandardCharsets.US_ASCII), BagWriter.PUBLIC_KEY);
            fingerprint = Optional.of(CaseKeys.fingerprint(key));
            byte[] signature = Files.readAllBytes(bag.resolve(BagWriter.SIGNATURE));
            byte[] manifest = Files.readAllBytes(bag.resolve(BagWriter.SIGNED_MANIFEST));
            signed = CaseKeys.verify(key, manifest, signature);
            if (!signed) {
                problems.add(new Problem(Kind.BAG_SIGNATURE, BagWriter.SIGNATURE,
                        "an Ed25519 signature of " + BagWriter.SIGNED_MANIFEST + " by the key in "
                                + BagWriter.PUBLIC_KEY, "a signature that does not verify"));
            }
        } catch (NoSuchFileException e) {
            problems.add(new Problem(Kind.BAG_FILE_MISSING, bag.relativize(Path.of(e.getFile())).toString(),
                    "the file, needed to check the signature", "none"));
        } catch (TracelabException e) {
            problems.add(new Problem(Kind.BAG_SIGNATURE, BagWriter.PUBLIC_KEY, "an Ed25519 public key",
                    e.getMessage()));
        }
        return new BagReport(payload[1], payload[0], signed, fingerprint, problems);
    }

    private void checkDeclaration() throws IOException {
        Map<String, String> fields = fields("bagit.txt");
        if (fields == null) {
            problems.add(new Problem(Kind.BAG_FILE_MISSING, "bagit.txt", "the bag declaration", "none"));
            return;
        }
        if (!"1.0".equals(fields.get("BagIt-Version"))) {
            problems.add(new Problem(Kind.BAG_MALFORMED, "bagit.txt", "BagIt-Version: 1.0",
                    "BagIt-Version: " + fields.get("BagIt-Version")));
        }
        if (!"UTF-8".equals(fields.get("Tag-File-Character-Encoding"))) {
            problems.add(new Problem(Kind.BAG_MALFORMED, "bagit.txt", "Tag-File-Character-Encoding: UTF-8",
                    "Tag-File-Character-Encoding: " + fields.get("Tag-File-Character-Encoding")));
        }
    }

    /** The label: value lines of a tag file (continuation lines folded), or null when it is missing. */
    private Map<String, String> fields(String name) throws IOException {
        Path f = bag.resolve(name);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        String last = null;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && last != null) {
                out.put(last, out.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(new Problem(Kind.BAG_MALFORMED, name, "lines of 'Label: value'", "'" + line + "'"));
                continue;
            }
            last = line.substring(0, colon);
            out.put(last, line.substring(colon + 1).strip());
        }
        return out;
    }

    private void checkManifest(Path manifest, Digests alg, boolean payload, Set<String> listed, Progress progress)
            throws IOException {
        String name = manifest.getFileName().toString();
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                int space = line.indexOf(' ');
                if (space <= 0) {
                    problems.add(new Problem(Kind.BAG_MALFORMED, name + " line " + lineNo, "'checksum path'",
                            "'" + line + "'"));
                    continue;
                }
                String expected = line.substring(0, space).toLowerCase(java.util.Locale.ROOT);
                String path = BagPaths.decode(line.substring(space).stripLeading());
                Path file = bag.resolve(path).normalize();
                boolean inside = payload ? file.startsWith(bag.resolve("data")) : file.getParent().equals(bag);
                if (!inside || (!payload && file.getFileName().toString().startsWith("tagmanifest-"))) {
                    problems.add(new Problem(Kind.BAG_MALFORMED, name + " line " + lineNo,
                            payload ? "a path under data/" : "a tag file of the bag's top folder", path));
                    continue;
                }
                listed.add(bag.relativize(file).toString().replace('\\', '/'));
                String found = hash(file, alg, progress);
                if (found == null) {
                    problems.add(new Problem(Kind.BAG_FILE_MISSING, path, alg.bagName() + " " + expected
                            + " as " + name + " lists", "no such file"));
                } else if (!found.equals(expected)) {
                    problems.add(new Problem(Kind.BAG_FILE_CHANGED, path, alg.bagName() + " " + expected
                            + " as " + name + " lists", alg.bagName() + " " + found));
                }
            }
        }
    }

    private String hash(Path file, Digests alg, Progress progress) throws IOException {
        MessageDigest d = alg.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
                progress.advance(n);
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return Digests.hex(d);
    }

    /** Every file under data/ must be in the payload manifests; counts {bytes, files} on the way. */
    private void checkUnlisted(Set<String> listed, long[] payload) throws IOException {
        Path data = bag.resolve("data");
        if (!Files.isDirectory(data)) {
            problems.add(new Problem(Kind.BAG_FILE_MISSING, "data/", "the payload folder", "none"));
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                payload[0] += Files.size(f);
                payload[1]++;
                String rel = bag.relativize(f).toString().replace('\\', '/');
                if (!listed.contains(rel)) {
                    problems.add(new Problem(Kind.BAG_FILE_UNLISTED, rel, "every payload file in the manifests",
                            "a file no manifest lists"));
                }
            }
        }
    }

    private void checkOxum(long bytes, long files) throws IOException {
        Map<String, String> info = fields("bag-info.txt");
        if (info == null) {
            problems.add(new Problem(Kind.BAG_FILE_MISSING, "bag-info.txt", "the bag's metadata", "none"));
            return;
        }
        String oxum = info.get("Payload-Oxum");
        String found = bytes + "." + files;
        if (oxum != null && !oxum.equals(found)) {
            problems.add(new Problem(Kind.BAG_OXUM, "bag-info.txt Payload-Oxum", oxum, found));
        }
    }
}
