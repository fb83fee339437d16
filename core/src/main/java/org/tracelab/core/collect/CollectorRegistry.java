package org.tracelab.core.collect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The collectors installed: Tracelab's own first, then plugins found on the class path, a plugin replacing a
 * built-in of the same id.
 */
public final class CollectorRegistry {
    private static final String BUILT_IN_PREFIX = "org.tracelab.";

    private final Map<String, Collector> byId;
    private final List<String> problems;

    private CollectorRegistry(Map<String, Collector> byId, List<String> problems) {
        this.byId = byId;
        this.problems = problems;
    }

    /** Loads what {@link ServiceLoader} finds through {@code loader}. */
    public static CollectorRegistry load(ClassLoader loader) {
        List<Collector> builtIns = new ArrayList<>();
        List<Collector> plugins = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        var it = ServiceLoader.load(Collector.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                Collector c = it.next();
                (c.getClass().getName().startsWith(BUILT_IN_PREFIX) ? builtIns : plugins).add(c);
            } catch (ServiceConfigurationError e) {
                // One broken plugin must not take the others down; say which and go on.
                problems.add(e.getMessage());
            }
        }
        Map<String, Collector> byId = new LinkedHashMap<>();
        builtIns.forEach(c -> byId.put(c.id(), c));
        plugins.forEach(c -> byId.put(c.id(), c));
        return new CollectorRegistry(byId, problems);
    }

    /** Loads with the class loader that loaded Tracelab. */
    public static CollectorRegistry load() {
        return load(CollectorRegistry.class.getClassLoader());
    }

    public List<Collector> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Collector> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Plugins that could not be loaded, one line each. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}
