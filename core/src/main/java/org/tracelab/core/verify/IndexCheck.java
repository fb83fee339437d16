package org.tracelab.core.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.tracelab.core.CaseFolder;

/**
 * The search index is derived, not evidence, but a damaged one answers searches wrongly: every file of its latest
 * commit must hold the checksum Lucene wrote in its footer. Files outside the commit are never read.
 */
final class IndexCheck {
    private IndexCheck() {
    }

    static void run(Path caseDir, Findings findings) {
        Path dir = caseDir.resolve(CaseFolder.INDEX);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Directory d = FSDirectory.open(dir)) {
            SegmentInfos commit;
            try {
                commit = SegmentInfos.readLatestCommit(d);
            } catch (IndexNotFoundException e) {
                return; // an index folder with no commit yet: nothing searches it
            }
            for (String file : commit.files(true)) {
                try (IndexInput in = d.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(in);
                } catch (IOException | RuntimeException e) {
                    findings.add(Problem.Kind.INDEX_DAMAGED, CaseFolder.INDEX + "/" + file,
                            "the checksum in its footer", oneLine(e));
                }
            }
        } catch (IOException | RuntimeException e) {
            findings.add(Problem.Kind.INDEX_DAMAGED, CaseFolder.INDEX, "a readable latest commit", oneLine(e));
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = m.indexOf('\n');
        m = cut < 0 ? m : m.substring(0, cut);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
