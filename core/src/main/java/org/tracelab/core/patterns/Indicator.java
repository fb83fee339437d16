package org.tracelab.core.patterns;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recruitment indicator of a pack: what it is called, which category it counts towards, how much it weighs,
 * what a trainee should learn from it, where the indicator is published, the Lucene query that finds it, and
 * example sentences that must and must not match.
 *
 * @param id          {@code <category>.<name>}, the same id in every language's pack
 * @param category    the kind of indicator, e.g. {@code deceptive-offer}
 * @param weight      how strongly it points to trafficking, 0 &lt; weight ≤ 10 (shipped packs use 1 to 3)
 * @param description   one or two sentences for trainees, in the pack's language
 * @param descriptionEn the same in English, for instructors and mixed classes (the description itself in an
 *                      English pack, or in a pack that gives no English)
 * @param source      the published indicator list it comes from
 * @param query       classic Lucene query syntax, default operator AND
 * @param matching    examples that must match
 * @param notMatching examples that must not match
 */
public record Indicator(String id, String category, double weight, String description, String descriptionEn,
                        String source, String query, List<String> matching, List<String> notMatching) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        if (!NAME.matcher(category).matches()) {
            throw new IllegalArgumentException("category '" + category + "' is not lower-case letters, digits, -");
        }
        if (!id.startsWith(category + ".") || !NAME.matcher(id.substring(category.length() + 1)).matches()) {
            throw new IllegalArgumentException("id '" + id + "' is not '" + category + ".<name>'");
        }
        if (!(weight > 0 && weight <= 10)) {
            throw new IllegalArgumentException("weight " + weight + " of " + id + " is not in (0, 10]");
        }
        description = requireText(description, "description", id);
        descriptionEn = requireText(descriptionEn, "descriptionEn", id);
        source = requireText(source, "source", id);
        query = requireText(query, "query", id);
        matching = List.copyOf(matching);
        notMatching = List.copyOf(notMatching);
    }

    private static String requireText(String value, String name, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(id + " has no " + name);
        }
        return value.strip();
    }
}
