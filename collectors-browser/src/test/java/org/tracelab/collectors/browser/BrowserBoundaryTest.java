package org.tracelab.collectors.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tracelab.core.collect.ContractBoundary;

/** The browser collector reaches the case only through the capture contract (see {@link ContractBoundary}). */
class BrowserBoundaryTest {
    @Test
    void theBrowserCollectorUsesOnlyTheContract() {
        ContractBoundary.assertOnlyContract(Path.of("target/classes"));
    }
}
