package org.tracelab.core.export.bag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.tracelab.core.CaseKeys;

/**
 * A bag's tag files and their signing, once its payload and payload manifests are written: {@code bagit.txt},
 * {@code bag-info.txt} and the case's public key; then the SHA-256 tag manifest over them and the payload manifests,
 * signed with the case's Ed25519 key; then the SHA-512 tag manifest over the same files and the signature (see
 * {@link BagWriter} for why in that order).
 */
final class BagTags {
    private BagTags() {
    }

    /** Writes the tag files of {@code bag} and returns the exact bytes of the signed tag manifest. */
    static byte[] writeSigned(Path bag, Path caseDir, String publicKeyPem, String bagInfo) throws IOException {
        write(bag, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        write(bag, "bag-info.txt", bagInfo);
        write(bag, BagWriter.PUBLIC_KEY, publicKeyPem);
        List<String> tagFiles = new ArrayList<>(List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                "manifest-sha512.txt", BagWriter.PUBLIC_KEY));
        byte[] signed = tagManifest(bag, Digests.SHA256, tagFiles);
        Files.write(bag.resolve(BagWriter.SIGNED_MANIFEST), signed);
        Files.write(bag.resolve(BagWriter.SIGNATURE), CaseKeys.sign(caseDir, signed));
        tagFiles.add(BagWriter.SIGNATURE);
        Files.write(bag.resolve("tagmanifest-sha512.txt"), tagManifest(bag, Digests.SHA512, tagFiles));
        return signed;
    }

    private static void write(Path bag, String name, String text) throws IOException {
        Files.writeString(bag.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static byte[] tagManifest(Path bag, Digests alg, List<String> files) throws IOException {
        byte[] buffer = new byte[BagPayload.BUFFER];
        StringBuilder sb = new StringBuilder();
        for (String f : files) {
            MessageDigest d = alg.newDigest();
            try (InputStream in = Files.newInputStream(bag.resolve(f))) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    d.update(buffer, 0, n);
                }
            }
            sb.append(Digests.hex(d)).append("  ").append(BagPaths.encode(f)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
