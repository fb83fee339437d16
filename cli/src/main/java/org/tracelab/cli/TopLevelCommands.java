package org.tracelab.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import picocli.CommandLine;

/**
 * Tracelab's top-level commands, by the name each is called by, in the order help lists them; and which of them a
 * one-shot command line needs.
 *
 * <p>picocli builds a command's model by reflection over its class, its options and its mixins, and the JVM reads
 * picocli's own class files (Java 5, which the start-up cache cannot hold) with its slow verifier. Building all twenty
 * commands for every run was most of a one-shot command's start-up outside the case; a run now builds only the one
 * it names. A shell, help, an unknown word or a bare {@code tracelab} still get them all.
 */
final class TopLevelCommands {
    /** The name a command is called by; {@link TopLevelCommandsTest} holds each to the class's own annotation. */
    private static final SequencedMap<String, Class<?>> BY_NAME = inOrder(List.of(
            Map.entry("case", CaseCommand.class),
            Map.entry("collectors", CollectorsCommand.class),
            Map.entry("collect", CollectCommand.class),
            Map.entry("show", ShowCommand.class),
            Map.entry("tag", TagCommand.class),
            Map.entry("note", NoteCommand.class),
            Map.entry("verify", VerifyCommand.class),
            Map.entry("export", ExportCommand.class),
            Map.entry("search", SearchCommand.class),
            Map.entry("reindex", ReindexCommand.class),
            Map.entry("entities", EntitiesCommand.class),
            Map.entry("lab", LabCommand.class),
            Map.entry("patterns", PatternsCommand.class),
            Map.entry("scan", ScanCommand.class),
            Map.entry("shell", ShellCommand.class),
            Map.entry("links", LinksCommand.class),
            Map.entry("dupes", DupesCommand.class),
            Map.entry("shared", SharedCommand.class),
            Map.entry("demo", DemoCommand.class),
            Map.entry("help", CommandLine.HelpCommand.class)));

    /** The root option that takes a value as the next word (picocli also takes {@code --case=DIR}). */
    private static final String CASE_OPTION = "--case";

    private TopLevelCommands() {
    }

    /** Every top-level command, in help's order. */
    static SequencedCollection<Class<?>> all() {
        return BY_NAME.sequencedValues();
    }

    /** Every top-level command's name, in help's order. */
    static SequencedCollection<String> names() {
        return BY_NAME.sequencedKeySet();
    }

    /**
     * The commands {@code args} can reach: the one it names; none for {@code --version} alone (with global flags);
     * all for help, an unknown or missing command, so picocli's usage and suggestions stay whole.
     */
    static List<Class<?>> neededBy(String[] args) {
        String word = commandWord(args);
        if (word == null) {
            List<String> given = List.of(args);
            boolean versionOnly = given.contains("--version") || given.contains("-V");
            return versionOnly && !given.contains("--help") && !given.contains("-h") ? List.of() : List.copyOf(all());
        }
        Class<?> named = BY_NAME.get(word);
        return named == null || named == CommandLine.HelpCommand.class ? List.copyOf(all()) : List.of(named);
    }

    /** The first word that is not a root option or the value of {@code --case}; null when there is none. */
    static String commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals(CASE_OPTION)) {
                i++;
            } else if (a.equals("--")) {
                return null;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static SequencedMap<String, Class<?>> inOrder(List<Map.Entry<String, Class<?>>> entries) {
        SequencedMap<String, Class<?>> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableSequencedMap(m);
    }
}
