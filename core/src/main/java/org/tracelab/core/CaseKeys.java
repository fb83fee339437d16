package org.tracelab.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tracelab.core.verify.Problem;

/**
 * The case's Ed25519 key pair, made at {@code case init}, with which exports are signed. The private key stays
 * in the case folder; the public key is handed out with every export.
 */
public final class CaseKeys {
    static final String PRIVATE = CaseFolder.KEYS + "/case-ed25519.key";
    static final String PUBLIC = CaseFolder.KEYS + "/case-ed25519.pub";

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
        Files.createDirectories(caseDir.resolve(CaseFolder.KEYS));
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

    /** Signs {@code data} with the case's private key (Ed25519); returns the 64-byte signature. */
    public static byte[] sign(Path caseDir, byte[] data) {
        Path f = caseDir.resolve(PRIVATE);
        try {
            byte[] der = pemBody(Files.readString(f, StandardCharsets.US_ASCII), "PRIVATE KEY", f.toString());
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (IOException e) {
            throw TracelabException.io("reading the case's private key " + f, e);
        } catch (GeneralSecurityException e) {
            throw TracelabException.badInput(f.toString(), "not an Ed25519 private key: " + e.getMessage());
        }
    }

    /** The case's public key in PEM form, as handed out with exports. */
    public static String publicKeyPem(Path caseDir) {
        Path f = caseDir.resolve(PUBLIC);
        try {
            return Files.readString(f, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw TracelabException.io("reading the case's public key " + f, e);
        }
    }

    /**
     * Reads an Ed25519 public key from PEM text.
     *
     * @param source names the text in the message when it is not such a key
     */
    public static PublicKey readPublicKey(String pem, String source) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY", source)));
        } catch (GeneralSecurityException e) {
            throw TracelabException.badInput(source, "not an Ed25519 public key: " + e.getMessage());
        }
    }

    /** True when {@code signature} is a valid Ed25519 signature of {@code data} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            return false; // a signature of the wrong form, or a key that is no curve point, verifies nothing
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 15 and later always have Ed25519", e);
        }
    }

    /** The SHA-256 fingerprint (hex) of a public key's encoded form, as the {@code case.init} entry records it. */
    public static String fingerprint(PublicKey key) {
        return HexFormat.of().formatHex(Hashing.sha256().digest(key.getEncoded()));
    }

    /**
     * What is wrong with the key files: each must be the PEM text this class wrote, the private key must sign what
     * the public key verifies, and the public key must be the one {@code case.init} logged, when it logged one.
     *
     * @param loggedFingerprint the {@code publicKeySha256} of the {@code case.init} entry, or null
     */
    public static List<Problem> check(Path caseDir, String loggedFingerprint) {
        List<Problem> out = new ArrayList<>();
        byte[] publicDer = canonicalPem(caseDir, PUBLIC, "PUBLIC KEY", out);
        byte[] privateDer = canonicalPem(caseDir, PRIVATE, "PRIVATE KEY", out);
        if (publicDer == null || privateDer == null) {
            return out;
        }
        PublicKey pub;
        PrivateKey priv;
        try {
            pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicDer));
        } catch (GeneralSecurityException | RuntimeException e) {
            out.add(new Problem(Problem.Kind.KEY_CHANGED, PUBLIC, "an Ed25519 public key", String.valueOf(
                    e.getMessage())));
            return out;
        }
        String found = fingerprint(pub);
        if (loggedFingerprint != null && !loggedFingerprint.equals(found)) {
            out.add(new Problem(Problem.Kind.KEY_CHANGED, PUBLIC, "public key sha256 " + loggedFingerprint
                    + " as logged by case.init", "public key sha256 " + found));
        }
        try {
            priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            byte[] probe = "tracelab verify: the case's keys are a pair".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(priv);
            s.update(probe);
            if (!verify(pub, probe, s.sign())) {
                out.add(new Problem(Problem.Kind.KEY_CHANGED, PRIVATE, "the private key of " + PUBLIC,
                        "a key whose signatures it does not verify"));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            out.add(new Problem(Problem.Kind.KEY_CHANGED, PRIVATE, "an Ed25519 private key", String.valueOf(
                    e.getMessage())));
        }
        return out;
    }

    /** The DER of a key file that is exactly the PEM text written for it, or null with the problem added. */
    private static byte[] canonicalPem(Path caseDir, String file, String type, List<Problem> out) {
        try {
            String text = Files.readString(caseDir.resolve(file), StandardCharsets.US_ASCII);
            byte[] der = pemBody(text, type, file);
            if (!pem(type, der).equals(text)) {
                out.add(new Problem(Problem.Kind.KEY_CHANGED, file, "the PEM text written at case init",
                        "other text"));
                return null;
            }
            return der;
        } catch (IOException | TracelabException e) {
            out.add(new Problem(Problem.Kind.KEY_CHANGED, file, "a readable PEM " + type, String.valueOf(
                    e.getMessage())));
            return null;
        }
    }

    private static byte[] pemBody(String pem, String type, String source) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw TracelabException.badInput(source, "no PEM " + type + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw TracelabException.badInput(source, "PEM " + type + " block is not Base64");
        }
    }
}
