package org.tracelab.core.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tracelab.core.CaseFolder;

/**
 * The writer's side of a case's Lucene index under {@code <case>/index/}: derived data, rebuilt from the extracted
 * texts whenever it is missing or out of step with them.
 *
 * <p>Each commit records how many extracted texts it covers; a writer that finds another number (a run killed
 * between committing the database and the index, an index copied from elsewhere) knows to rebuild; so does one that
 * finds an index of another {@link IndexFormat}.
 */
public final class CaseIndex implements AutoCloseable {
    /** The commit user-data key holding the number of extracted texts the index covers. */
    static final String COVERS = "tracelab.texts";

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final Analyzer analyzer;
    private final KeptLines lines;
    private final long covered;

    private CaseIndex(Path dir, Directory directory, IndexWriter writer, Analyzer analyzer, long covered) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        this.lines = new KeptLines(analyzer);
        this.covered = covered;
    }

    /** Opens the index of the case in {@code caseDir} for writing, creating it if absent. */
    public static CaseIndex open(Path caseDir) throws IOException {
        Path dir = caseDir.resolve(CaseFolder.INDEX);
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            long covered = -1;
            if (DirectoryReader.indexExists(directory)) {
                try (DirectoryReader r = DirectoryReader.open(directory)) {
                    String c = r.getIndexCommit().getUserData().get(COVERS);
                    // An index of another format is rebuilt whole, like one out of step with the texts.
                    boolean current = IndexFormat.of(r.getIndexCommit()) == IndexFormat.CURRENT;
                    covered = c == null || !current ? -1 : Long.parseLong(c);
                } catch (IOException | NumberFormatException e) {
                    covered = -1; // unreadable or foreign: rebuilt below by the caller
                }
            }
            Analyzer analyzer = IndexFields.indexingAnalyzer();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(covered < 0 ? IndexWriterConfig.OpenMode.CREATE
                            : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            return new CaseIndex(dir, directory, new IndexWriter(directory, config), analyzer, covered);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** True when the last commit covered exactly {@code texts} extracted texts. */
    public boolean covers(long texts) {
        return covered == texts;
    }

    /** Removes every document, to rebuild. */
    public void clear() throws IOException {
        writer.deleteAll();
    }

    /** Adds an item, replacing any document it had. */
    public void put(IndexedItem item) throws IOException {
        put(item, Optional.empty());
    }

    /**
     * Adds an item whose text was analysed ahead by {@link #analyse}, replacing any document it had; the index
     * holds the same as after {@link #put(IndexedItem)}.
     */
    public void put(IndexedItem item, Optional<AnalysedText> analysed) throws IOException {
        writer.updateDocument(new Term(IndexFields.ID, Long.toString(item.item().id())),
                IndexFields.document(item, analysed));
    }

    /**
     * The text fields' analysis of {@code text}, made on the calling thread for a later {@link #put}: any thread may
     * call this while another adds documents. Empty for texts too long to hold; {@code put} analyses those itself.
     */
    public Optional<AnalysedText> analyse(String text) throws IOException {
        return AnalysedText.of(analyzer, lines, text);
    }

    /**
     * Commits the index as it stands but marked as covering no texts: done before texts are extracted again, whose
     * number does not change, so that a run killed after some new texts committed and before the index did leaves an
     * index the next writer rebuilds, not one that looks in step and answers with the old languages and texts.
     * Readers meanwhile still search the old documents.
     */
    public void markStale() throws IOException {
        writer.setLiveCommitData(Map.ofEntries(Map.entry(COVERS, "-1"), IndexFormat.current()).entrySet());
        writer.commit();
    }

    /** Makes what was added durable, recording that it covers {@code texts} extracted texts. */
    public void commit(long texts) throws IOException {
        writer.setLiveCommitData(Map.ofEntries(Map.entry(COVERS, Long.toString(texts)), IndexFormat.current())
                .entrySet());
        writer.commit();
    }

    public Path dir() {
        return dir;
    }

    /** Closes the writer without committing what was not committed. */
    @Override
    public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            directory.close();
            analyzer.close();
        }
    }
}
