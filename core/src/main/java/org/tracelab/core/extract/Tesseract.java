package org.tracelab.core.extract;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tesseract installed on this machine, as its own command line describes it: its version, where its traineddata
 * lie and which languages they hold. Asked once per extraction run, when the worker first starts.
 *
 * @param binary    the {@code tesseract} executable
 * @param version   e.g. {@code 5.3.0}
 * @param tessdata  the folder of its traineddata
 * @param languages the languages it can read (without {@code osd})
 */
public record Tesseract(Path binary, String version, Path tessdata, Set<String> languages) {
    /** The name Tika runs Tesseract by, in the folder it is given. */
    static final String PROGRAM = "tesseract";
    private static final long ASK_SECONDS = 20;
    private static final Pattern TESSDATA = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("tesseract v?([0-9][0-9A-Za-z.\\-]*)");

    public Tesseract {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tessdata, "tessdata");
        languages = Set.copyOf(languages);
    }

    /**
     * Whether it can be kept across pictures ({@link KeptTesseract}): how its hOCR frames a stream of pictures was
     * checked on Tesseract 5; an older one is run once a picture, by Tika.
     */
    boolean keepable() {
        Matcher major = Pattern.compile("^(\\d+)\\.").matcher(version);
        return major.find() && Integer.parseInt(major.group(1)) >= 5;
    }

    /** The engine as the case records it, e.g. {@code Tesseract 5.3.0}. */
    public String engine() {
        return "Tesseract " + version;
    }

    /**
     * The Tesseract that {@code command} names (a name on the {@code PATH} or a path), or empty when there is none
     * that answers.
     */
    public static Optional<Tesseract> find(String command) {
        Optional<Path> binary = locate(command);
        if (binary.isEmpty() || !binary.get().getFileName().toString().equals(PROGRAM)) {
            return Optional.empty();
        }
        try {
            String version = firstMatch(ask(binary.get(), "--version"), VERSION).orElse("unknown");
            List<String> listed = ask(binary.get(), "--list-langs");
            if (listed.isEmpty()) {
                return Optional.empty();
            }
            Matcher dir = TESSDATA.matcher(listed.get(0));
            if (!dir.find()) {
                return Optional.empty();
            }
            Set<String> languages = new LinkedHashSet<>();
            for (String line : listed.subList(1, listed.size())) {
                String code = line.strip();
                if (!code.isEmpty() && !code.equals("osd")) {
                    languages.add(code);
                }
            }
            return Optional.of(new Tesseract(binary.get(), version, Path.of(dir.group(1)), languages));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The executable {@code command} names: itself when it is a path, else the first on the {@code PATH}. */
    static Optional<Path> locate(String command) {
        if (command.contains(File.separator)) {
            Path p = Path.of(command).toAbsolutePath();
            return Files.isExecutable(p) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The lines Tesseract prints (on stdout or stderr: versions differ) for one option. */
    private static List<String> ask(Path binary, String option) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), option).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            // What it prints is a few hundred bytes; more is not Tesseract.
            String out = new String(in.readNBytes(64 << 10), StandardCharsets.UTF_8);
            if (!p.waitFor(ASK_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(binary + " " + option + " failed");
            }
            return new ArrayList<>(out.lines().toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted asking " + binary, e);
        } finally {
            p.destroyForcibly();
        }
    }

    private static Optional<String> firstMatch(List<String> lines, Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line.strip());
            if (m.lookingAt()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
