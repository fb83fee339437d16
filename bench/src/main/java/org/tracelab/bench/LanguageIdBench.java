package org.tracelab.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tracelab.core.lang.LanguageIdentifier;

/**
 * Language identification over the samples of {@code bench/lang/udhr-samples.mjs}: writes each answer and times a
 * cold pass (the first, which loads the models) and warm passes. Uses only {@code LanguageIdentifier}'s public
 * front door and the JDK, so {@code bench/lang-vs-franc} can run it with {@code java FILE.java} against an older
 * tree's jar for a before/after comparison.
 *
 * <p>Usage: {@code LanguageIdBench SAMPLES_TSV ANSWERS_TSV [WARM_PASSES]}; prints
 * {@code tracelab COLD_SECONDS WARM_DOCS_PER_SECOND SAMPLES WARM_DOCS_PER_CPU_SECOND}: the last counts the process's
 * CPU time (all its threads: Lingua computes on the common fork-join pool), which a busy shared machine disturbs less
 * than wall time.
 */
public final class LanguageIdBench {
    private LanguageIdBench() {
    }

    /** Runs the bench; exit code 2 on bad arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: LanguageIdBench SAMPLES_TSV ANSWERS_TSV [WARM_PASSES]");
            System.exit(2);
        }
        int warmPasses = args.length == 3 ? Integer.parseInt(args[2]) : 3;
        List<String[]> samples = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                samples.add(line.split("\t", 5));
            }
        }
        long t0 = System.nanoTime();
        LanguageIdentifier identifier = LanguageIdentifier.standard();
        List<String> answers = new ArrayList<>(samples.size());
        for (String[] s : samples) {
            answers.add(identifier.identify(s[4]).tag());
        }
        double cold = (System.nanoTime() - t0) / 1e9;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double bestWarm = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int pass = 0; pass < warmPasses; pass++) {
            long w0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            for (String[] s : samples) {
                identifier.identify(s[4]);
            }
            bestWarm = Math.min(bestWarm, (System.nanoTime() - w0) / 1e9);
            bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - c0) / 1e9);
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < samples.size(); i++) {
                out.write(samples.get(i)[0] + "\t" + answers.get(i) + "\n");
            }
        }
        System.out.printf("tracelab %.3f %.1f %d %.1f%n", cold, warmPasses == 0 ? 0 : samples.size() / bestWarm,
                samples.size(), warmPasses == 0 ? 0 : samples.size() / bestCpu);
    }
}
