package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.TracelabException;
import org.tracelab.core.CaseFolder;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.store.BlobStore;

/**
 * An index written before the index format was recorded (text fields without offsets, the commit saying only how
 * many texts it covers): search asks for a reindex, the writer rebuilds it.
 */
class OldIndexFormatTest {
    @TempDir
    Path caseDir;

    /** Writes an index the way Tracelab did until session 3. */
    private void writeOldIndex() throws IOException {
        writeOldIndex(Map.of("tracelab.texts", "1"));
    }

    private void writeOldIndex(Map<String, String> commitData) throws IOException {
        try (Directory dir = FSDirectory.open(caseDir.resolve(CaseFolder.INDEX));
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(IndexFields.ID, "1", Field.Store.YES));
            doc.add(new TextField("text", "Chet elda ish, viza bepul.", Field.Store.NO));
            writer.addDocument(doc);
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
        }
    }

    @Test
    void searchOnAnOldIndexIsBadInputThatSaysToReindex() throws IOException {
        writeOldIndex();
        TracelabException e = assertThrows(TracelabException.class,
                () -> CaseSearcher.open(caseDir, new BlobStore(caseDir.resolve("blobs"))));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("format 1") && e.getMessage().contains("tracelab reindex"),
                e.getMessage());
    }

    @Test
    void anIndexOfFormat2WithoutCommonGramsIsRefusedAndRebuilt() throws IOException {
        writeOldIndex(Map.of("tracelab.texts", "1", "tracelab.index.format", "2"));
        TracelabException e = assertThrows(TracelabException.class,
                () -> CaseSearcher.open(caseDir, new BlobStore(caseDir.resolve("blobs"))));
        assertTrue(e.getMessage().contains("format 2") && e.getMessage().contains("tracelab reindex"),
                e.getMessage());
        try (CaseIndex index = CaseIndex.open(caseDir)) {
            assertFalse(index.covers(1), "a format 2 index must be rebuilt: its exact phrases find no common grams");
            index.commit(0);
        }
        CaseSearcher.open(caseDir, new BlobStore(caseDir.resolve("blobs"))).close();
    }

    @Test
    void theWriterRebuildsAnOldIndexAndSearchThenOpensIt() throws IOException {
        writeOldIndex();
        try (CaseIndex index = CaseIndex.open(caseDir)) {
            assertFalse(index.covers(1), "an old index must be rebuilt even when it covers every text");
            index.commit(0);
        }
        CaseSearcher.open(caseDir, new BlobStore(caseDir.resolve("blobs"))).close();
    }
}
