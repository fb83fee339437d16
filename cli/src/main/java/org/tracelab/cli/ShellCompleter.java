package org.tracelab.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.tracelab.core.Case;
import org.tracelab.core.entities.EntityType;
import org.tracelab.core.ingest.EntitySummary;
import org.tracelab.core.search.CaseQueryParser;
import picocli.CommandLine;

/**
 * Tab completion in the shell: commands and options (picocli's), and what the case holds: item ids after
 * {@code show}, {@code tag} and {@code note}; tags; entity values after {@code --entity} and in a query's
 * {@code phone:}, {@code telegram:}…; a query's field names; the languages, hosts and kinds the index holds. Values are
 * read from the case the shell keeps open, once until a command writes to it.
 */
final class ShellCompleter implements Completer {
    /** Item ids offered at once: the ids that start with what was typed, shortest first. */
    static final int MAX_IDS = 40;
    private static final Set<String> ITEM_COMMANDS = Set.of("show", "tag", "note");
    private static final Set<String> KEYWORD_OPTIONS = Set.of("--lang", "--host", "--kind");

    private final Completer commands;
    private final CommandLine tree;
    private final KeptCase kept;
    private final Path caseDir;
    private final Clock clock;
    private final Map<String, List<String>> values = new HashMap<>();
    private long generation = -1;

    /** Completes with {@code commands} (picocli's), reading which options take a value from {@code tree}. */
    ShellCompleter(Completer commands, CommandLine tree, KeptCase kept, Path caseDir, Clock clock) {
        this.commands = commands;
        this.tree = tree;
        this.kept = kept;
        this.caseDir = caseDir;
        this.clock = clock;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        commands.complete(reader, line, candidates);
        try {
            candidates.addAll(fromCase(line.words(), line.wordIndex(), line.word()));
        } catch (RuntimeException unreadable) {
            // Completion must never break the prompt: a case that cannot be read now completes nothing of its own.
        }
    }

    /** What the case offers for the word at {@code at} of {@code words}, typed so far as {@code word}. */
    List<Candidate> fromCase(List<String> words, int at, String word) {
        String previous = at > 0 ? words.get(at - 1) : "";
        String command = null;
        int positional = 0;
        for (int i = 0; i < at; i++) {
            String w = words.get(i);
            boolean optionValue = i > 0 && takesValue(command, words.get(i - 1));
            if (w.startsWith("-") || optionValue) {
                continue;
            }
            if (command == null) {
                command = w;
            } else {
                positional++;
            }
        }
        List<Candidate> out = new ArrayList<>();
        if (previous.equals("--tag")) {
            tags().forEach(t -> out.add(value(t)));
        } else if (previous.equals("--entity")) {
            for (EntityType t : EntityType.values()) {
                entityValues(t.cliName()).forEach(v -> out.add(value(t.cliName() + ":" + v)));
            }
        } else if (KEYWORD_OPTIONS.contains(previous)) {
            keywordValues(previous.substring(2)).forEach(v -> out.add(value(v)));
        } else if (word.startsWith("-")) {
            return out;
        } else if ("search".equals(command) && positional == 0) {
            query(word, out);
        } else if (command != null && ITEM_COMMANDS.contains(command) && positional == 0) {
            ids(word).forEach(id -> out.add(value(id)));
        } else if ("tag".equals(command) && positional == 1) {
            tags().forEach(t -> out.add(value(t)));
        }
        return out;
    }

    /**
     * Whether {@code word} is an option of {@code command} (or a global one) that takes a value, so the next word is
     * that value, not a positional parameter: as the command tree the lines run on declares it.
     */
    private boolean takesValue(String command, String word) {
        if (!word.startsWith("-") || word.contains("=")) {
            return false;
        }
        CommandLine.Model.OptionSpec o = null;
        CommandLine sub = command == null ? null : tree.getSubcommands().get(command);
        if (sub != null) {
            o = sub.getCommandSpec().findOption(word);
        }
        if (o == null) {
            o = tree.getCommandSpec().findOption(word);
        }
        return o != null && o.arity().max() > 0;
    }

    /** A query's word: a field name to start it, or the values of the field it names. */
    private void query(String word, List<Candidate> out) {
        int colon = word.indexOf(':');
        if (colon < 0) {
            CaseQueryParser.fieldNames().forEach(f -> out.add(new Candidate(f + ":", f + ":", null, null, null,
                    null, false)));
            return;
        }
        String field = word.substring(0, colon);
        List<String> vs = field.equals("tag") || field.equals("tags") ? tags()
                : CaseQueryParser.keywordField(field).isPresent() ? keywordValues(field)
                : isEntityType(field) ? entityValues(field) : List.of();
        vs.forEach(v -> out.add(value(field + ":" + quoted(v))));
    }

    private static boolean isEntityType(String field) {
        return Arrays.stream(EntityType.values()).anyMatch(t -> t.cliName().equals(field));
    }

    private static String quoted(String v) {
        return v.chars().anyMatch(Character::isWhitespace) || v.contains(":") ? '"' + v.replace("\"", "\\\"") + '"'
                : v;
    }

    private static Candidate value(String v) {
        return new Candidate(v, v, null, null, null, null, true);
    }

    /** The ids of the case's items that begin with {@code typed}, shortest first, at most {@link #MAX_IDS}. */
    private List<String> ids(String typed) {
        if (!typed.isEmpty() && !typed.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        long last = Long.parseLong(cached("last", c -> List.of(Long.toString(c.lastItemId()))).getFirst());
        List<String> out = new ArrayList<>();
        // Ids run from 1 to the last one, so those starting with the typed digits are found without a query.
        List<String> level = typed.isEmpty() ? List.of("1", "2", "3", "4", "5", "6", "7", "8", "9") : List.of(typed);
        while (!level.isEmpty() && out.size() < MAX_IDS) {
            List<String> next = new ArrayList<>();
            for (String p : level) {
                if (p.length() > 18 || Long.parseLong(p) > last) {
                    continue;
                }
                if (!p.equals("0") && out.size() < MAX_IDS) {
                    out.add(p);
                }
                for (char d = '0'; d <= '9'; d++) {
                    next.add(p + d);
                }
            }
            level = next;
        }
        return out;
    }

    private List<String> tags() {
        return cached("tags", Case::tagNames);
    }

    private List<String> keywordValues(String name) {
        return cached("keyword " + name, c -> c.keywordValues(name));
    }

    private List<String> entityValues(String type) {
        return cached("entity " + type, c -> c.entities(type, 1).stream().map(EntitySummary::value).toList());
    }

    /** {@code read} of the case the shell keeps, remembered until a command writes to the case. */
    private synchronized List<String> cached(String key, Function<Case, List<String>> read) {
        if (generation != kept.generation()) {
            values.clear();
            generation = kept.generation();
        }
        List<String> v = values.get(key);
        if (v == null) {
            try (Case c = kept.lend(caseDir, clock)) {
                v = List.copyOf(read.apply(c));
            }
            values.put(key, v);
        }
        return v;
    }
}
