package org.tracelab.collectors.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source file's stream whose read failures are told apart from failures writing the case: a file that cannot
 * be read is skipped and reported, while a case that cannot be written ends the run.
 */
final class SourceStream extends FilterInputStream {
    /** Reading the source failed; the cause says how. */
    static final class ReadFailure extends IOException {
        ReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private SourceStream(InputStream in) {
        super(in);
    }

    static SourceStream open(Path file) throws ReadFailure {
        try {
            return new SourceStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }
}
