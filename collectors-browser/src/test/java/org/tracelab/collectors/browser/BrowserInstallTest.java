package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.TracelabException;

/** A machine without a piece the browser needs is told in one line what to install, an I/O failure (exit 3). */
class BrowserInstallTest {
    @Test
    void noChromiumSaysWhatToInstall(@TempDir Path empty) {
        TracelabException e = assertThrows(TracelabException.class,
                () -> BrowserInstall.find(Map.of("PATH", empty.toString()), List.of()));
        assertEquals(TracelabException.Failure.IO, e.failure());
        assertTrue(e.getMessage().contains("apt-get install chromium"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void noNodeSaysWhatToInstall(@TempDir Path bin) throws Exception {
        Path chromium = Files.createFile(bin.resolve("chromium"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        TracelabException e = assertThrows(TracelabException.class,
                () -> BrowserInstall.find(Map.of("PATH", bin.toString()), List.of()));
        assertEquals(TracelabException.Failure.IO, e.failure());
        assertTrue(e.getMessage().contains("apt-get install nodejs"), e.getMessage());
        assertTrue(Files.exists(chromium));
    }

    @Test
    void aChosenChromiumThatIsNoExecutableIsNamed() {
        TracelabException e = assertThrows(TracelabException.class,
                () -> BrowserInstall.find(Map.of("TRACELAB_CHROMIUM", "/no/such/chromium"), List.of()));
        assertTrue(e.getMessage().contains("/no/such/chromium"), e.getMessage());
    }
}
