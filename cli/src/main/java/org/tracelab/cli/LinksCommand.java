package org.tracelab.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.links.CaseLinks;
import org.tracelab.core.links.Cluster;
import org.tracelab.core.links.Identifier;
import org.tracelab.core.links.ImageLinks;
import org.tracelab.core.links.ItemIdentifiers;
import org.tracelab.core.links.Links;
import org.tracelab.shared.CrossCaseSearch;
import org.tracelab.shared.SharedIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tracelab links}: clusters of items tied together by shared phones, handles, e-mails, wallets or the same
 * photo.
 */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Clusters of items connected through shared identifiers (phones, Telegram and WhatsApp, "
                + "e-mails, wallets) or the same photo (image: pictures whose PDQ hashes are close, even recompressed, "
                + "resized or cropped a little; named after the first picture), directly or in a chain, largest "
                + "first, each with the identifiers that tie it together and, for a photo, its pictures' distances. "
                + "GraphML opens in Gephi."})
final class LinksCommand extends BaseCommand {
    /** What --format accepts. */
    enum Format { TEXT, CSV, GRAPHML }

    @Mixin
    TextScopeOption text = new TextScopeOption();

    @Option(names = "--type", paramLabel = "T", description = "Link only through this identifier type (phone, "
            + "telegram, whatsapp, email, wallet, image, url, …); repeatable. Default: every contact type and image, "
            + "not url (two pages linking the same site are not one recruiter).")
    List<String> types;

    @Option(names = "--image-distance", paramLabel = "D", description = "Pictures at most D bits apart (of 256) are "
            + "one photo (default: ${DEFAULT-VALUE}, chosen by measurement in docs/BENCHMARKS.md; PDQ's usual 31 is "
            + "stricter).")
    int imageDistance = ImageLinks.MAX_DISTANCE;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "text, csv (cluster,kind,value) or graphml (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    SharedOption shared = new SharedOption();

    @Option(names = "--min-cases", paramLabel = "N", defaultValue = "1",
            description = "With --shared: only clusters whose items come from at least N cases (default: "
                    + "${DEFAULT-VALUE}).")
    int minCases;

    @Override
    public Integer call() {
        Output out = out();
        if (minCases < 1) {
            throw TracelabException.badInput("--min-cases " + minCases, "must be at least 1");
        }
        if (shared.given()) {
            return acrossCases(out);
        }
        if (imageDistance < 0 || imageDistance > 128) {
            throw TracelabException.badInput("--image-distance " + imageDistance, "must be 0 to 128 (of 256 bits)");
        }
        try (Case c = openForReading()) {
            CaseLinks.Result result = CaseLinks.run(c, filter(), text.scope(), imageDistance);
            List<Cluster> clusters = result.links().clusters();
            if (format != Format.TEXT) {
                Writer w = new OutputStreamWriter(root().stdout(), StandardCharsets.UTF_8);
                if (format == Format.CSV) {
                    Links.writeCsv(clusters, w);
                } else {
                    result.links().writeGraphML(w);
                }
                return ExitCode.OK;
            }
            int n = 0;
            for (Cluster cl : clusters) {
                n++;
                List<String> sources = new ArrayList<>();
                cl.items().forEach(i -> sources.add(result.sources().get(i)));
                if (out.json()) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("cluster", n);
                    j.put("items", cl.items().stream().map(Long::parseLong).toList());
                    j.put("sources", sources);
                    j.put("shared", cl.shared().stream().map(Identifier::toString).toList());
                    List<Map<String, Object>> photos = new ArrayList<>();
                    for (Identifier id : cl.shared()) {
                        for (ImageLinks.Tie t : result.imageTies().getOrDefault(id, List.of())) {
                            Map<String, Object> tie = new LinkedHashMap<>();
                            tie.put("identifier", id.toString());
                            tie.put("picture", t.picture());
                            tie.put("other", t.other());
                            tie.put("distance", t.distance());
                            photos.add(tie);
                        }
                    }
                    if (!photos.isEmpty()) {
                        j.put("imageTies", photos);
                    }
                    out.json(j);
                    continue;
                }
                out.line("cluster " + n + ": " + cl.items().size() + " items, shared "
                        + Printable.of(String.join(", ", cl.shared().stream().map(Identifier::toString).toList())));
                for (int i = 0; i < cl.items().size(); i++) {
                    out.line("  item " + cl.items().get(i) + "  " + Printable.of(String.valueOf(sources.get(i))));
                }
                for (Identifier id : cl.shared()) {
                    for (ImageLinks.Tie t : result.imageTies().getOrDefault(id, List.of())) {
                        out.line("  " + id + ": picture " + t.picture() + " ~ picture " + t.other() + ", distance "
                                + t.distance());
                    }
                }
            }
            if (clusters.isEmpty() && !out.json()) {
                out.line("no clusters: no identifier is shared by two items");
            }
        }
        return ExitCode.OK;
    }

    /** Types asked for; {@code wallet} stands for every wallet type. */
    private Predicate<String> filter() {
        if (types == null || types.isEmpty()) {
            return t -> !t.equals("url");
        }
        Set<String> wanted = new HashSet<>();
        for (String t : types) {
            String type = t.strip().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("wallet")) {
                wanted.addAll(List.of("btc", "eth", "tron"));
            } else {
                wanted.add(type);
            }
        }
        return wanted::contains;
    }

    /**
     * Clusters across every published case, through the identifiers the shared index holds (pictures are not linked
     * there: their distances are computed in a case).
     */
    private int acrossCases(Output out) {
        SharedIndex index = shared.connect(root().env());
        Predicate<String> types = filter();
        List<ItemIdentifiers> items = new ArrayList<>();
        Map<String, CrossCaseSearch.HeldIdentifiers> byKey = new java.util.HashMap<>();
        new CrossCaseSearch(index).forEachHolder(h -> {
            Set<Identifier> ids = new java.util.TreeSet<>();
            h.held().forEach(typed -> ids.add(Identifier.parse(typed)));
            items.add(new ItemIdentifiers(h.key(), ids));
            byKey.put(h.key(), h);
        });
        List<Cluster> clusters = new ArrayList<>();
        Links links = Links.of(items, types);
        for (Cluster cl : links.clusters()) {
            if (cl.items().stream().map(k -> byKey.get(k).caseName()).distinct().count() >= minCases) {
                clusters.add(cl);
            }
        }
        if (format == Format.CSV || format == Format.GRAPHML) {
            Writer w = new OutputStreamWriter(root().stdout(), StandardCharsets.UTF_8);
            if (format == Format.CSV) {
                Links.writeCsv(clusters, w);
            } else {
                links.writeGraphML(w);
            }
            return ExitCode.OK;
        }
        int n = 0;
        for (Cluster cl : clusters) {
            n++;
            List<CrossCaseSearch.HeldIdentifiers> members = cl.items().stream().map(byKey::get).toList();
            if (out.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("cluster", n);
                j.put("items", members.stream().map(m -> Map.of("case", m.caseName(), "id", m.itemId(),
                        "source", m.source())).toList());
                j.put("cases", members.stream().map(CrossCaseSearch.HeldIdentifiers::caseName).distinct().sorted()
                        .toList());
                j.put("shared", cl.shared().stream().map(Identifier::toString).toList());
                out.json(j);
                continue;
            }
            out.line("cluster " + n + ": " + cl.items().size() + " items in " + members.stream()
                    .map(CrossCaseSearch.HeldIdentifiers::caseName).distinct().count() + " cases, shared "
                    + Printable.of(String.join(", ", cl.shared().stream().map(Identifier::toString).toList())));
            for (CrossCaseSearch.HeldIdentifiers m : members) {
                out.line("  case '" + Printable.of(m.caseName()) + "' item " + m.itemId() + "  "
                        + Printable.of(m.source()));
            }
        }
        if (clusters.isEmpty() && !out.json()) {
            out.line("no clusters" + (minCases > 1 ? " spanning " + minCases + " cases" : "") + " in " + index.cluster());
        }
        return ExitCode.OK;
    }
}
