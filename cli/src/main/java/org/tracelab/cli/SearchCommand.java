package org.tracelab.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.Timestamps;
import org.tracelab.core.TracelabException;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.search.EmptyFilter;
import org.tracelab.core.search.QuerySyntaxException;
import org.tracelab.core.search.SearchHit;
import org.tracelab.core.search.SearchRequest;
import org.tracelab.core.search.SearchResults;
import org.tracelab.shared.CrossCaseSearch;
import org.tracelab.shared.SharedIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracelab search QUERY}: ranked items with highlighted passages. A malformed query is told on two more
 * lines, the query with a caret under the fault, since one line cannot point at a column.
 */
@Command(name = "search", description = "Search the case: Lucene query syntax (phrases, \"a b\"~3, wildcards, "
        + "AND/OR/NOT, fields title: host: lang: kind: tag: phone: telegram: email: …); image:ID finds the items "
        + "with a picture like item ID's, nearest first (score 256 minus the distance).",
        mixinStandardHelpOptions = true)
final class SearchCommand extends BaseCommand {
    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; several words are joined by spaces.")
    List<String> query;

    @Option(names = "--lang", paramLabel = "L", description = "Only items in this language (uz matches both scripts).")
    String lang;

    @Option(names = "--host", paramLabel = "H", description = "Only items captured from this host.")
    String host;

    @Option(names = "--since", paramLabel = "T", description = "Only items captured at or after T (2026-01-31 or an "
            + "ISO instant).")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "Only items captured at or before T (a date counts "
            + "whole).")
    String until;

    @Option(names = "--entity", paramLabel = "TYPE:VALUE", description = "Only items mentioning this entity, e.g. "
            + "phone:+998901234567.")
    String entity;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only items with this tag.")
    String tag;

    @Option(names = "--kind", paramLabel = "K", description = "Only items of this kind (file, http-response, member…).")
    String kind;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Show at most N hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--exact-count", description = "Count every match (slower); by default counting stops past "
            + "1,000 and says \"more than 1,000 items match\".")
    boolean exactCount;

    @picocli.CommandLine.Mixin
    SharedOption shared = new SharedOption();

    @Override
    public Integer call() {
        if (limit < 1) {
            throw TracelabException.badInput("--limit " + limit, "must be at least 1");
        }
        Instant from = since == null ? null : instant("--since", since, false);
        Instant to = until == null ? null : instant("--until", until, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw TracelabException.badInput("--since " + since + " --until " + until, "since is after until");
        }
        String q = String.join(" ", query);
        if (shared.given()) {
            return searchShared(q, from, to);
        }
        SearchResults r;
        Map<Long, Integer> distances = Map.of();
        try (Case c = openForReading()) {
            r = c.search(new SearchRequest(q, lang, host, from, to, entity, tag, kind, limit, exactCount));
            java.util.regex.Matcher image = IMAGE_ONLY.matcher(q.strip());
            if (image.matches()) {
                long item = Long.parseLong(image.group(1));
                distances = c.similarPictures(item);
                if (distances.isEmpty()) {
                    out().info("tracelab: item " + item + " has no picture hash to match: it is no picture and holds"
                            + " none, or its pictures were refused or are too plain (PDQ quality under 50); see"
                            + " 'tracelab show " + item + "'");
                }
            }
        } catch (QuerySyntaxException e) {
            return badQuery(out(), e);
        }
        print(r, distances);
        return ExitCode.OK;
    }

    /** The search across every published case; the filters become clauses of the query. */
    private int searchShared(String q, Instant from, Instant to) {
        StringBuilder full = new StringBuilder("(").append(q).append(")");
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("lang", lang);
        filters.put("host", host);
        filters.put("kind", kind);
        filters.put("tag", tag);
        filters.forEach((field, value) -> {
            if (value != null) {
                full.append(" AND ").append(field).append(":").append(quoted(IndexFields.keyword(value)));
            }
        });
        if (entity != null) {
            int colon = entity.indexOf(':');
            if (colon < 1) {
                throw TracelabException.badInput("--entity " + entity, "give TYPE:VALUE, e.g. phone:+998901234567");
            }
            full.append(" AND ").append(entity, 0, colon).append(":").append(quoted(entity.substring(colon + 1)));
        }
        if (from != null || to != null) {
            full.append(" AND captured:[").append(from == null ? "*" : from.toEpochMilli()).append(" TO ")
                    .append(to == null ? "*" : to.toEpochMilli()).append("]");
        }
        SharedIndex index = shared.connect(root().env());
        CrossCaseSearch.Results r = new CrossCaseSearch(index).search(full.toString(), limit);
        Output out = out();
        if (out.json()) {
            for (CrossCaseSearch.Hit h : r.hits()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("case", h.caseName());
                j.put("caseId", h.caseId());
                j.put("purpose", h.casePurpose());
                j.putAll(hitJson(h.itemId(), h.score(), h.kind(), h.source(), h.language(), h.capturedAt(),
                        h.title(), h.passages()));
                j.put("sha256", h.sha256());
                j.put("custodyHash", h.custodyHash());
                j.put("total", r.total());
                j.put("totalExact", r.totalExact());
                out.json(j);
            }
            return ExitCode.OK;
        }
        out.line(count(r.total(), r.totalExact()) + " across cases in " + index.cluster()
                + (r.total() > r.hits().size() ? "; the best " + r.hits().size() + " shown" : ""));
        for (CrossCaseSearch.Hit h : r.hits()) {
            out.line(String.format(Locale.ROOT, "case '%s' item %d  %s  %s  %s  (score %.2f)",
                    Printable.of(h.caseName()), h.itemId(), h.kind(), h.language(), Printable.of(h.source()),
                    h.score()));
            h.title().ifPresent(t -> out.line("    title: " + Printable.of(t)));
            out.line("    case id " + h.caseId().substring(0, 16) + "…, sha256 " + h.sha256());
            for (String p : h.passages()) {
                out.line("    …" + Printable.of(p) + "…");
            }
        }
        return ExitCode.OK;
    }

    /**
     * The fields a hit has in a case and in the shared index alike, in the order --json prints them; the score as
     * each index gives it (a case's float printed as a float).
     */
    private static Map<String, Object> hitJson(long id, Number score, String kind, String source, String language,
                                               java.time.Instant capturedAt, java.util.Optional<String> title,
                                               List<String> passages) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", id);
        j.put("score", score);
        j.put("kind", kind);
        j.put("source", source);
        j.put("lang", language);
        j.put("capturedAt", Timestamps.format(capturedAt));
        j.put("title", title.orElse(null));
        j.put("passages", passages);
        return j;
    }

    /** How many items match, as the first line of the hits says it. */
    private static String count(long total, boolean exact) {
        return exact ? total + " item" + (total == 1 ? " matches" : "s match")
                : String.format(Locale.ROOT, "more than %,d items match", total);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A query that is only {@code image:ID}: its hits are shown with their pictures' distances. */
    private static final java.util.regex.Pattern IMAGE_ONLY = java.util.regex.Pattern.compile("(?i)image:(\\d+)");

    /** How the one-line hint says that no item passes a filter, by option. */
    private static final Map<String, String> EMPTY = Map.of("--lang", "is in language", "--host",
            "was captured from host", "--kind", "is of kind", "--tag", "has tag");

    /** Tells a malformed query in two lines, the second with a caret under the fault; returns exit code 2. */
    static int badQuery(Output out, QuerySyntaxException e) {
        out.warn("tracelab: " + e.getMessage());
        out.warn("  " + e.caret().replace("\n", "\n  "));
        return ExitCode.BAD_INPUT;
    }

    private void print(SearchResults r, Map<Long, Integer> distances) {
        Output out = out();
        // Why nothing matched, when a filter alone excludes every item: a hint beside the result, -q silences it.
        for (EmptyFilter f : r.emptyFilters()) {
            out.info(Printable.of("tracelab: no item " + EMPTY.get(f.option()) + " '" + f.value()
                    + "'; the case has: " + (f.known().isEmpty() ? "none" : String.join(", ", f.known()))));
        }
        if (out.json()) {
            for (SearchHit h : r.hits()) {
                Map<String, Object> j = hitJson(h.id(), h.score(), h.kind(), h.source(), h.language(),
                        h.capturedAt(), h.title(), h.passages());
                j.put("alsoMatched", h.alsoMatched());
                if (distances.containsKey(h.id())) {
                    j.put("imageDistance", distances.get(h.id()));
                }
                // JSON Lines of hits: the count goes on every line; a lower bound when totalExact is false.
                j.put("total", r.total());
                j.put("totalExact", r.totalExact());
                out.json(j);
            }
            return;
        }
        out.line(count(r.total(), r.totalExact()) + (r.total() > r.hits().size() ? "; the best " + r.hits().size() + " shown" : ""));
        for (SearchHit h : r.hits()) {
            out.line(String.format("item %d  %s  %s  %s  (%s)", h.id(), h.kind(), h.language(),
                    Printable.of(h.source()), distances.containsKey(h.id())
                            ? "picture distance " + distances.get(h.id()) : String.format("score %.2f", h.score())));
            h.title().ifPresent(t -> out.line("    title: " + Printable.of(t)));
            if (!h.alsoMatched().isEmpty()) {
                out.line("    same capture: item " + h.alsoMatched().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", item ")));
            }
            for (String p : h.passages()) {
                out.line("    …" + Printable.of(p) + "…");
            }
        }
    }

    /** An ISO instant, or a date meaning its first (or, for --until, its last) millisecond in UTC. */
    private static Instant instant(String option, String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate d = LocalDate.parse(value);
                return endOfDay ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw TracelabException.badInput(option + " " + value,
                        "give a date (2026-01-31) or an instant (2026-01-31T08:00:00Z)");
            }
        }
    }
}
