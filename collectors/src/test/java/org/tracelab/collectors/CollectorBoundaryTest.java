package org.tracelab.collectors;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tracelab.core.collect.ContractBoundary;

/** The built-in collectors reach the case only through the capture contract (see {@link ContractBoundary}). */
class CollectorBoundaryTest {
    @Test
    void builtInCollectorsUseOnlyTheContract() {
        ContractBoundary.assertOnlyContract(Path.of("target/classes"));
    }
}
