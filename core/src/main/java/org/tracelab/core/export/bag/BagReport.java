package org.tracelab.core.export.bag;

import java.util.List;
import java.util.Optional;
import org.tracelab.core.verify.Problem;

/**
 * What checking a bag found.
 *
 * @param payloadFiles         payload files checked
 * @param payloadBytes         their bytes
 * @param signatureHolds       true when the signature over the SHA-256 tag manifest verified
 * @param publicKeyFingerprint SHA-256 (hex) of the public key the bag carries, if it carries a readable one; compare
 *                             it with the one the case's {@code case.init} entry recorded to know who signed
 * @param problems             everything found wrong
 */
public record BagReport(long payloadFiles, long payloadBytes, boolean signatureHolds,
                        Optional<String> publicKeyFingerprint, List<Problem> problems) {
    public BagReport {
        problems = List.copyOf(problems);
    }

    public boolean holds() {
        return problems.isEmpty();
    }
}
