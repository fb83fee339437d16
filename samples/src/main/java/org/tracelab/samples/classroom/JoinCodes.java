package org.tracelab.samples.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tracelab.core.TracelabException;
import org.tracelab.core.export.SpreadsheetSafe;

/**
 * The trainees of a class and their join codes, kept in {@code codes.csv} ({@code name,code}, one trainee a line).
 * A code is 60 random bits written as {@code xxxx-xxxx-xxxx} in an alphabet without look-alike letters, so it can be
 * read aloud or copied from a slip of paper. Trainees are only ever added: a code once given stays its trainee's.
 */
final class JoinCodes {
    static final Pattern FORM = Pattern.compile("[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}");
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final String HEADER = "name,code";

    private final Map<String, Trainee> byCode = new LinkedHashMap<>();
    private final Map<String, Trainee> byName = new LinkedHashMap<>();

    /** Reads {@code csv}, or none when it does not exist. */
    static JoinCodes read(Path csv) {
        JoinCodes codes = new JoinCodes();
        if (!Files.exists(csv)) {
            return codes;
        }
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                List<String> cells = cells(lines.get(i));
                if (cells.size() != 2) {
                    throw TracelabException.badInput(csv + " line " + (i + 1), "is not 'name,code'");
                }
                String name = cells.get(0).startsWith("'") ? cells.get(0).substring(1) : cells.get(0);
                codes.add(new Trainee(codes.byCode.size() + 1, name, cells.get(1)));
            }
        } catch (IOException e) {
            throw TracelabException.io("reading " + csv, e);
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput(csv.toString(), e.getMessage());
        }
        return codes;
    }

    /** The names of a trainees file: one a line, blank lines and lines starting with # left out. */
    static List<String> names(Path file) {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String name = line.strip();
                if (name.startsWith("\uFEFF")) {
                    name = name.substring(1).strip();
                }
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                if (name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
                    throw TracelabException.badInput(file + " line '" + HandinArchive.printable(name) + "'",
                            "a name is one line of at most 100 characters");
                }
                if (names.contains(name)) {
                    throw TracelabException.badInput(file.toString(), "names '" + name + "' twice");
                }
                names.add(name);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw TracelabException.badInput(file.toString(), "no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw TracelabException.badInput(file.toString(), "is not UTF-8 text");
        } catch (IOException e) {
            throw TracelabException.io("reading " + file, e);
        }
        return names;
    }

    /** Gives a new code to each name not yet in the class; returns how many were added. */
    int addAll(List<String> names, SecureRandom random) {
        int added = 0;
        for (String name : names) {
            if (!byName.containsKey(name)) {
                String code;
                do {
                    code = newCode(random);
                } while (byCode.containsKey(code));
                add(new Trainee(byCode.size() + 1, name, code));
                added++;
            }
        }
        return added;
    }

    private void add(Trainee t) {
        if (byName.containsKey(t.name()) || byCode.containsKey(t.code())) {
            throw new IllegalArgumentException("names '" + t.name() + "' or its code twice");
        }
        byCode.put(t.code(), t);
        byName.put(t.name(), t);
    }

    /** Writes all codes to {@code csv} through a temporary file, so a crash leaves the old or the new list. */
    void write(Path csv) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Trainee t : byCode.values()) {
            sb.append(quote(SpreadsheetSafe.cell(t.name()))).append(',').append(t.code()).append('\n');
        }
        try {
            Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw TracelabException.io("writing " + csv, e);
        }
    }

    List<Trainee> all() {
        return List.copyOf(byCode.values());
    }

    Optional<Trainee> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    Optional<Trainee> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String newCode(SecureRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A CSV cell: quoted, with its quotes doubled, when it holds a comma, quote or line break; null as empty. */
    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** The cells of one CSV line as {@link #write} writes them (quoted cells with doubled quotes). */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
