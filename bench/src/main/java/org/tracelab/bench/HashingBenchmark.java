package org.tracelab.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tracelab.core.Hashing;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.store.BlobStore;

/**
 * SHA-256 as the blob store computes it while bytes stream in, against one digest call over the same array: the
 * difference is the cost of streaming through a buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashingBenchmark {
    @Param({"4096", "1048576"})
    int bytes;

    private byte[] data;

    @Setup
    public void makeData() {
        data = new byte[bytes];
        new SplittableRandom(8).nextBytes(data);
    }

    @Benchmark
    public BlobId blobStoreStreamingHash() throws IOException {
        return BlobStore.hash(new ByteArrayInputStream(data));
    }

    @Benchmark
    public byte[] oneDigestCall() {
        return Hashing.sha256().digest(data);
    }
}
