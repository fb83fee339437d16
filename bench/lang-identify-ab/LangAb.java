import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Language identification, two builds in one JVM: each build's jar in its own class loader (its own Lingua, its own
 * kept answers), both fed the same texts in the same order, chunk by chunk, the order of the two turned every chunk,
 * each chunk timed by the thread's CPU. Prints each build's CPU per text, the ratio, and a digest of every answer
 * (tag and confidence's bits) per build: the digests must be equal.
 *
 * <p>Usage: {@code java LangAb.java TEXTS.bin CLASSPATH_A CLASSPATH_B [CHUNK] [PASSES] [WARM.bin]} (a build's fat jar, or its
 * {@code core/target/classes} before a fat jar for the libraries); TEXTS.bin holds the texts as
 * {@code DataOutputStream.writeInt(length)} and {@code writeChar} per char (what the identifier was given in an ingest,
 * cut to 5,001 characters, beyond which it reads nothing). WARM.bin, when given, is read by both builds first,
 * untimed, so that the timed passes do not hold the loading of Lingua's models and the first compilations.
 */
public final class LangAb {
    public static void main(String[] args) throws Throwable {
        List<String> texts = read(Path.of(args[0]));
        Build a = new Build(args[1]);
        Build b = new Build(args[2]);
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : 250;
        int passes = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (args.length > 5) {
            // other texts first, untimed: Lingua's models loaded and the code compiled, as deep into an ingest
            List<String> warm = read(Path.of(args[5]));
            a.reset();
            b.reset();
            a.run(warm, threads);
            b.run(warm, threads);
        }
        for (int pass = 0; pass < passes; pass++) {
            a.reset();
            b.reset();
            for (int start = 0, k = 0; start < texts.size(); start += chunk, k++) {
                List<String> part = texts.subList(start, Math.min(texts.size(), start + chunk));
                Build first = k % 2 == 0 ? a : b;
                Build second = first == a ? b : a;
                first.run(part, threads);
                second.run(part, threads);
            }
            System.out.printf("pass %d: %d texts, A %.4f ms/text, B %.4f ms/text, B/A %.3f; digests %s %s %s%n",
                    pass, texts.size(), a.cpu / 1e6 / texts.size(), b.cpu / 1e6 / texts.size(),
                    (double) b.cpu / a.cpu, a.digest(), b.digest(), a.digest().equals(b.digest()) ? "SAME" : "DIFFER");
        }
    }

    static List<String> read(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int n;
                try {
                    n = in.readInt();
                } catch (EOFException e) {
                    break;
                }
                char[] cs = new char[n];
                for (int i = 0; i < n; i++) {
                    cs[i] = in.readChar();
                }
                texts.add(new String(cs));
            }
        }
        return texts;
    }

    static final class Build {
        final MethodHandle identify;
        final MethodHandle tag;
        final MethodHandle confidence;
        final Object identifier;
        long cpu;
        MessageDigest sha;

        /** A build on {@code classPath}: jars and class folders separated by ':', the first found first. */
        Build(String classPath) throws Throwable {
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(":")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> li = loader.loadClass("org.tracelab.core.lang.LanguageIdentifier");
            Class<?> dl = loader.loadClass("org.tracelab.core.lang.DetectedLanguage");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            identifier = lookup.findStatic(li, "standard", MethodType.methodType(li)).invoke();
            identify = lookup.findVirtual(li, "identify", MethodType.methodType(dl, CharSequence.class))
                    .bindTo(identifier).asType(MethodType.methodType(Object.class, String.class));
            tag = lookup.findVirtual(dl, "tag", MethodType.methodType(String.class))
                    .asType(MethodType.methodType(String.class, Object.class));
            confidence = lookup.findVirtual(dl, "confidence", MethodType.methodType(double.class))
                    .asType(MethodType.methodType(double.class, Object.class));
        }

        void reset() throws Exception {
            cpu = 0;
            sha = MessageDigest.getInstance("SHA-256");
        }

        void run(List<String> texts, ThreadMXBean threads) throws Throwable {
            Object[] out = new Object[texts.size()];
            long c0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < out.length; i++) {
                out[i] = identify.invokeExact(texts.get(i));
            }
            cpu += threads.getCurrentThreadCpuTime() - c0;
            for (Object o : out) {
                String t = (String) tag.invokeExact(o);
                double c = (double) confidence.invokeExact(o);
                sha.update((t + "\t" + Double.doubleToRawLongBits(c) + "\n").getBytes());
            }
        }

        String digest() {
            try {
                return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest()).substring(0, 12);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
