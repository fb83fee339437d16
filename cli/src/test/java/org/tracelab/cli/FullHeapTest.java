package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullHeapTest {
    @Test
    void aThreadDyingOfAFullHeapIsTheOneLineAndTheProcessEndsWithExitThree() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> halted = new ArrayList<>();
        Thread t = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space (a test's)");
        }, "test-dying");
        t.setUncaughtExceptionHandler(FullHeap.backstop(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                halted::add));
        t.start();
        t.join();
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(ExitCode.IO), halted);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("tracelab: out of memory (the Java heap holds ") && err.contains("-Xmx"), err);
    }

    @Test
    void anyOtherDeathIsPrintedAsTheJvmWouldAndTheProcessGoesOn() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> halted = new ArrayList<>();
        Thread t = new Thread(() -> {
            throw new IllegalStateException("a bug (a test's)");
        }, "test-failing");
        t.setUncaughtExceptionHandler(FullHeap.backstop(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                halted::add));
        t.start();
        t.join();
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), halted);
        assertTrue(err.startsWith("Exception in thread \"test-failing\" java.lang.IllegalStateException: a bug"),
                err);
        assertTrue(err.contains("\tat "), err);
    }

    @Test
    void theLineNamesTheHeapAndABoundAtLeastTwiceAsLarge() {
        assertTrue(FullHeap.line(48L << 20).contains("holds 48 MiB") && FullHeap.line(48L << 20).endsWith("-Xmx2g"));
        assertTrue(FullHeap.line(3L << 30).contains("holds 3072 MiB") && FullHeap.line(3L << 30).endsWith("-Xmx6g"));
    }
}
