package org.tracelab.core.export;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tracelab.core.TracelabException;

/** Where an export goes, checked before anything is written: a new name in a folder that exists. */
public final class ExportTarget {
    private ExportTarget() {
    }

    /**
     * {@code target} made absolute, or bad input naming it: when it exists (saying {@code whenExisting}), when its
     * folder does not exist, or when what should be its folder is a file.
     */
    public static Path requireNew(Path target, String whenExisting) {
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t)) {
            throw TracelabException.badInput(t.toString(), whenExisting);
        }
        Path folder = t.getParent();
        if (folder == null || !Files.exists(folder)) {
            throw TracelabException.badInput(t.toString(), "its folder does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw TracelabException.badInput(t.toString(), folder + " is a file, not a folder");
        }
        return t;
    }
}
