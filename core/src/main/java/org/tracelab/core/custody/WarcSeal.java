package org.tracelab.core.custody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tracelab.core.Hashing;

/**
 * The state of a WARC file when its writer closed it (at the end of a run, or when it rotated to a new file), as a
 * {@value #ACTION} custody entry records it: so that {@code verify} can tell a record appended or removed since.
 *
 * @param file   the file relative to the case folder, with {@code /} between names ({@code warc/x.warc.gz})
 * @param bytes  its length
 * @param sha256 the SHA-256 of all of it, lowercase hex
 */
public record WarcSeal(String file, long bytes, String sha256) {
    /** The custody action. */
    public static final String ACTION = "warc-sealed";

    public WarcSeal {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (bytes < 0) {
            throw new IllegalArgumentException("negative length " + bytes + " of " + file);
        }
    }

    /** Reads {@code file}, which lies under {@code caseDir}, to seal it as it is now. */
    public static WarcSeal of(Path caseDir, Path file) throws IOException {
        MessageDigest sha = Hashing.sha256();
        long n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                sha.update(buf, 0, r);
                n += r;
            }
        }
        String rel = caseDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        return new WarcSeal(rel, n, HexFormat.of().formatHex(sha.digest()));
    }

    /** The entry's parameters. */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("file", file);
        p.put("bytes", bytes);
        p.put("sha256", sha256);
        return p;
    }
}
