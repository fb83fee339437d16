package org.tracelab.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The case's Ed25519 key pair, made at {@code case init}, with which exports are signed. The private key stays
 * in the case folder; the public key is handed out with every export.
 */
public final class CaseKeys {
    static final String PRIVATE = "keys/case-ed25519.key";
    static final String PUBLIC = "keys/case-ed25519.pub";

    private CaseKeys() {
    }

    /**
     * Makes a key pair under {@code caseDir/keys} in PEM form.
     *
     * @return the SHA-256 fingerprint (hex) of the public key's encoded form
     */
    static String generate(Path caseDir) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java 15 and later always have Ed25519", e);
        }
        Files.createDirectories(caseDir.resolve("keys"));
        Files.writeString(caseDir.resolve(PRIVATE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                StandardCharsets.US_ASCII);
        Files.writeString(caseDir.resolve(PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);
        return HexFormat.of().formatHex(Hashing.sha256().digest(pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
