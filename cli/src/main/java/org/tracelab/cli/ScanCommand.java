package org.tracelab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.patterns.CaseScan;
import org.tracelab.core.patterns.IndicatorHit;
import org.tracelab.core.patterns.IndicatorPack;
import org.tracelab.core.patterns.IndicatorPacks;
import org.tracelab.core.patterns.Passage;
import org.tracelab.core.patterns.ScanResult;
import org.tracelab.core.patterns.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tracelab scan}: ranks the case's items by the recruitment indicators they match, with the passages. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Rank items by recruitment indicators, showing the indicators matched and the passages that "
                + "matched them; tags each matched item indicator:<category>, and items at or above --min-score "
                + "suspicious (search --tag finds them).",
            "Score = sum over categories of the largest weight matched in the category: several hits of one kind "
                + "count once, so three kinds of indicator outrank ten phrases of one kind. Weights: 1 weak, "
                + "2 typical, 3 strong on its own (e.g. passport kept by the employer)."})
final class ScanCommand extends BaseCommand {
    @Mixin
    TextScopeOption text = new TextScopeOption();

    @Option(names = "--pack", paramLabel = "NAME|FILE", description = "A shipped pack (en, ru, uz) or a pack file; "
            + "repeatable. Default: all shipped packs.")
    List<String> packs;

    @Option(names = "--min-score", paramLabel = "X", defaultValue = "3",
            description = "Show and tag suspicious the items scoring at least X (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Override
    public Integer call() {
        List<IndicatorPack> used = packs == null || packs.isEmpty() ? IndicatorPacks.builtIn()
                : packs.stream().map(IndicatorPacks::resolve).toList();
        Output out = out();
        try (Case c = openForWriting()) {
            List<CaseScan.Scanned> scanned = CaseScan.scanAndTag(c, used, minScore, text.scope());
            Map<String, String> sources = new LinkedHashMap<>();
            List<ScanResult> results = new ArrayList<>();
            for (CaseScan.Scanned s : scanned) {
                sources.put(s.result().itemId(), s.source());
                results.add(s.result());
            }
            List<ScanResult> ranked = Scanner.rank(results, minScore);
            for (ScanResult r : ranked) {
                print(out, r, sources.get(r.itemId()));
            }
            out.info(ranked.size() + " of " + results.size() + " matched items scored at least " + minScore);
        }
        return ExitCode.OK;
    }

    private static void print(Output out, ScanResult r, String source) {
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("item", Long.parseLong(r.itemId()));
            j.put("source", source);
            j.put("score", r.score());
            j.put("indicators", r.indicatorIds());
            List<Map<String, Object>> hits = new ArrayList<>();
            for (IndicatorHit h : r.hits()) {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("id", h.indicator().id());
                hit.put("category", h.indicator().category());
                hit.put("weight", h.indicator().weight());
                hit.put("passages", h.passages().stream().map(Passage::text).toList());
                hits.add(hit);
            }
            j.put("hits", hits);
            out.json(j);
            return;
        }
        out.line(String.format("%5.1f  item %s  %s", r.score(), r.itemId(), Printable.of(String.valueOf(source))));
        for (IndicatorHit h : r.hits()) {
            out.line("       " + Printable.of(h.indicator().id()) + " (" + h.indicator().weight() + ")");
            for (Passage p : h.passages()) {
                out.line("         \"" + Printable.of(p.marked("[", "]")) + "\"");
            }
        }
    }
}
