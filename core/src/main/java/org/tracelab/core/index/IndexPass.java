package org.tracelab.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tracelab.core.CaseFolder;
import org.tracelab.core.TracelabException;

/**
 * One pass over a case's index, the one way the services built on a case (scan, links, near-duplicates) open it:
 * a case without an index is bad input that says to reindex, and a failed read names the index and the remedy.
 */
public final class IndexPass {
    private IndexPass() {
    }

    /** What a pass does with the open index. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(DirectoryReader reader) throws IOException;
    }

    /** Opens the index of the case in {@code caseDir}, runs {@code reading} over it, and closes it. */
    public static <T> T over(Path caseDir, Reading<T> reading) {
        Path dir = caseDir.resolve(CaseFolder.INDEX);
        if (!Files.isDirectory(dir)) {
            throw TracelabException.badInput(caseDir.toString(), "the case has no index; run 'tracelab reindex'");
        }
        try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            return reading.read(reader);
        } catch (IOException e) {
            throw TracelabException.io("reading the index of " + caseDir + " (run 'tracelab reindex')", e);
        }
    }
}
