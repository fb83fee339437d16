package org.tracelab.samples.classroom;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.samples.GradeReport;

/**
 * The class's pages, rendered on the server as plain HTML that needs no script and refreshes itself: the
 * instructor's overview (a row per trainee, the class view of what was missed most, the refusals), the instructor's
 * page of one trainee (every check and every miss explained), and a trainee's own page, which says how they did and
 * what is wrong with their evidence but never which ads or clusters they missed (that would hand them the key).
 */
final class ClassPages {
    /** Seconds between the pages' own refreshes. */
    static final int REFRESH = 15;
    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.25em .5em;"
            + "text-align:left;vertical-align:top}th{background:#eee}.pass{color:#176b1d}.fail{color:#b00020;"
            + "font-weight:bold}.none{color:#777}small{color:#555}td.why{max-width:38em;overflow-wrap:anywhere}";

    private ClassPages() {
    }

    /** The instructor's overview; {@code base} is the instructor's address, ending in a slash. */
    static String overview(ClassRoom room, String base) {
        StringBuilder h = head("Class results");
        h.append("<h1>Class results</h1><p>Lab at <code>").append(esc(room.lab().shown())).append("</code>; ")
                .append(room.trainees().size()).append(" trainees. <a href=\"").append(base)
                .append("results.json\">results.json</a> · <a href=\"").append(base)
                .append("results.csv\">results.csv</a> <small>(refreshes every ").append(REFRESH)
                .append(" s)</small></p>");
        h.append("<table id=\"trainees\"><tr><th>#</th><th>trainee</th><th>version</th><th>received</th>"
                + "<th>flagged F1</th><th>clusters F1</th>");
        for (String id : Check.IDS) {
            h.append("<th>").append(esc(Check.title(id))).append("</th>");
        }
        h.append("<th>first capture to hand-in</th><th>what is wrong</th></tr>");
        for (Trainee t : room.trainees()) {
            Optional<HandinResult> latest = room.latest(t);
            h.append("<tr class=\"trainee\"><td>").append(t.index()).append("</td><td><a href=\"").append(base)
                    .append("t/").append(t.index()).append("\">").append(esc(t.name())).append("</a></td>");
            if (latest.isEmpty()) {
                h.append("<td colspan=\"").append(5 + Check.IDS.size()).append("\" class=\"none\">no hand-in yet"
                        + "</td></tr>");
                continue;
            }
            HandinResult r = latest.get();
            h.append("<td>").append(r.version()).append("</td><td>").append(esc(when(r.received())))
                    .append("</td><td>").append(ClassResults.fixed(r.findings().flagged().f1())).append("</td><td>")
                    .append(ClassResults.fixed(r.findings().clusters().f1())).append("</td>");
            for (Check c : r.checks()) {
                h.append(c.passed() ? "<td class=\"pass\">pass</td>" : "<td class=\"fail\">FAIL</td>");
            }
            h.append("<td>").append(duration(r.secondsToHandin())).append("</td><td class=\"why\">");
            r.checks().stream().flatMap(c -> c.failures().stream()).limit(3)
                    .forEach(f -> h.append(esc(f.in("en"))).append("<br>"));
            h.append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2>Missed most</h2>");
        counts(h, "missed-indicators", "indicator", "trainees who overlooked it",
                ClassResults.missedIndicators(room), "no indicator was overlooked");
        counts(h, "missed-clusters", "cluster", "trainees who missed it", ClassResults.missedClusters(room),
                "no cluster was missed");
        Map<String, List<String>> shared = ClassResults.sharedKeys(room);
        if (!shared.isEmpty()) {
            h.append("<h2>One case, several trainees</h2><table id=\"shared-keys\"><tr><th>case key (sha256)</th>"
                    + "<th>trainees whose latest hand-in it signed</th></tr>");
            shared.forEach((k, names) -> h.append("<tr><td><code>").append(esc(k)).append("</code></td><td>")
                    .append(esc(String.join(", ", names))).append("</td></tr>"));
            h.append("</table>");
        }
        List<ClassRoom.Refusal> refused = room.refusals();
        h.append("<h2>Refused hand-ins (").append(refused.size()).append(")</h2>");
        if (!refused.isEmpty()) {
            h.append("<table id=\"refused\"><tr><th>when</th><th>trainee</th><th>from</th><th>status</th>"
                    + "<th>why</th></tr>");
            for (ClassRoom.Refusal r : refused) {
                h.append("<tr><td>").append(esc(r.at())).append("</td><td>")
                        .append(esc(r.trainee() == null ? "(unknown code)" : r.trainee())).append("</td><td>")
                        .append(esc(r.address())).append("</td><td>").append(r.status()).append("</td><td>")
                        .append(esc(r.reason())).append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>").toString();
    }

    private static void counts(StringBuilder h, String id, String what, String who, Map<String, Integer> counts,
                               String none) {
        if (counts.isEmpty()) {
            h.append("<p class=\"pass\" id=\"").append(id).append("\">").append(none).append("</p>");
            return;
        }
        h.append("<table id=\"").append(id).append("\"><tr><th>").append(what).append("</th><th>").append(who)
                .append("</th></tr>");
        counts.forEach((k, n) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(n)
                .append("</td></tr>"));
        h.append("</table>");
    }

    /** The instructor's page of one trainee: every version, every check, every miss. */
    static String traineeForInstructor(ClassRoom room, Trainee t, String base) {
        StringBuilder h = head(t.name());
        h.append("<p><a href=\"").append(base).append("\">← class</a></p><h1>").append(esc(t.name())).append("</h1>");
        List<HandinResult> all = room.results(t);
        if (all.isEmpty()) {
            return h.append("<p class=\"none\">No hand-in yet.</p></body></html>").toString();
        }
        versions(h, all);
        HandinResult r = all.get(all.size() - 1);
        h.append("<h2>Version ").append(r.version()).append(" (the one that counts)</h2><p>received ")
                .append(esc(when(r.received()))).append(" from ").append(esc(r.address())).append(", sha256 <code>")
                .append(esc(r.sha256())).append("</code>, item ").append(r.item())
                .append(" of the class case; examiner <b>").append(esc(String.valueOf(r.examiner())))
                .append("</b>, purpose <i>").append(esc(String.valueOf(r.purpose()))).append("</i>; first capture to "
                        + "hand-in ").append(duration(r.secondsToHandin())).append("</p>");
        scores(h, r.findings());
        checks(h, r, Feedback.LANGUAGES);
        h.append("<h3>Ads missed or incomplete</h3>");
        if (r.findings().missedAds().isEmpty()) {
            h.append("<p class=\"pass\">none</p>");
        } else {
            h.append("<table id=\"missed-ads\"><tr><th>ad</th><th>flagged</th><th>indicators overlooked</th></tr>");
            for (GradeReport.MissedAd m : r.findings().missedAds()) {
                h.append("<tr><td>").append(esc(m.path())).append("</td><td>").append(m.flagged() ? "yes" : "no")
                        .append("</td><td>");
                for (int i = 0; i < m.overlooked().size(); i++) {
                    h.append("<b>").append(esc(m.overlooked().get(i))).append("</b>: ")
                            .append(esc(m.hints().get(i))).append("<br>");
                }
                h.append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<h3>Clusters missed</h3>");
        if (r.findings().missedClusters().isEmpty()) {
            h.append("<p class=\"pass\">none</p>");
        } else {
            h.append("<table id=\"missed-clusters\"><tr><th>cluster</th><th>tied by</th><th>sharing</th><th>ads</th>"
                    + "<th>best overlap found</th></tr>");
            for (GradeReport.MissedCluster c : r.findings().missedClusters()) {
                h.append("<tr><td>").append(esc(c.id())).append("</td><td>").append(esc(c.tie())).append("</td><td>")
                        .append(esc(String.join(", ", c.shared()))).append("</td><td>")
                        .append(esc(String.join(", ", c.ads()))).append("</td><td>")
                        .append(ClassResults.fixed(c.bestJaccard())).append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>").toString();
    }

    /** A trainee's own page, in {@code language}: scores, evidence failures, how many misses (never which). */
    static String traineeOwn(ClassRoom room, Trainee t, String self, String language) {
        StringBuilder h = head(t.name());
        h.append("<p>");
        for (String l : Feedback.LANGUAGES) {
            h.append(l.equals(language) ? "<b>" + l + "</b> " : "<a href=\"" + self + "?lang=" + l + "\">" + l
                    + "</a> ");
        }
        h.append("</p><h1>").append(esc(t.name())).append("</h1>");
        List<HandinResult> all = room.results(t);
        if (all.isEmpty()) {
            return h.append("<p class=\"none\">").append(esc(switch (language) {
                case "uz" -> "Hali topshiriq yo'q.";
                case "ru" -> "Работа ещё не сдана.";
                default -> "No hand-in yet.";
            })).append("</p></body></html>").toString();
        }
        versions(h, all);
        HandinResult r = all.get(all.size() - 1);
        scores(h, r.findings());
        h.append("<p>").append(r.findings().missedAds().size()).append(" / ")
                .append(r.findings().missedClusters().size()).append(" <small>(ads missed or incomplete / clusters "
                        + "missed)</small></p>");
        checks(h, r, List.of(language));
        return h.append("</body></html>").toString();
    }

    private static void versions(StringBuilder h, List<HandinResult> all) {
        h.append("<table id=\"versions\"><tr><th>version</th><th>received</th><th>flagged F1</th>"
                + "<th>clusters F1</th><th>evidence</th></tr>");
        for (HandinResult r : all) {
            h.append("<tr><td>").append(r.version()).append("</td><td>").append(esc(when(r.received()))).append("</td><td>")
                    .append(ClassResults.fixed(r.findings().flagged().f1())).append("</td><td>")
                    .append(ClassResults.fixed(r.findings().clusters().f1())).append("</td>")
                    .append(r.evidenceHolds() ? "<td class=\"pass\">holds</td>" : "<td class=\"fail\">FAIL</td>")
                    .append("</tr>");
        }
        h.append("</table>");
    }

    private static void scores(StringBuilder h, GradeReport g) {
        h.append("<table id=\"scores\"><tr><th></th><th>precision</th><th>recall</th><th>F1</th></tr>");
        for (Map.Entry<String, GradeReport.Score> e : Map.of("flagged ads", g.flagged(), "clusters", g.clusters())
                .entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
            GradeReport.Score s = e.getValue();
            h.append("<tr><td>").append(e.getKey()).append("</td><td>").append(ClassResults.fixed(s.precision()))
                    .append("</td><td>").append(ClassResults.fixed(s.recall())).append("</td><td>")
                    .append(ClassResults.fixed(s.f1())).append("</td></tr>");
        }
        h.append("</table><p>clusters by tie: ");
        for (GradeReport.TieRecall t : g.ties()) {
            if (t.planted() > 0) {
                h.append(esc(t.tie())).append(' ').append(t.found()).append('/').append(t.planted()).append("; ");
            }
        }
        h.append("</p>");
    }

    private static void checks(StringBuilder h, HandinResult r, List<String> languages) {
        h.append("<table id=\"checks\"><tr><th>check</th><th>result</th></tr>");
        for (Check c : r.checks()) {
            h.append("<tr><td>").append(esc(Check.title(c.id()))).append("</td>");
            if (c.passed()) {
                h.append("<td class=\"pass\">pass</td></tr>");
                continue;
            }
            h.append("<td class=\"fail\">");
            for (Failure f : c.failures()) {
                for (String l : languages) {
                    h.append(languages.size() > 1 ? "<small>" + l + "</small> " : "").append(esc(f.in(l)))
                            .append("<br>");
                }
            }
            h.append("</td></tr>");
        }
        h.append("</table>");
    }

    /** An ISO-8601 instant as a person reads it: date and time to the second, UTC. */
    private static String when(String instant) {
        return instant.length() >= 19 ? instant.substring(0, 10) + " " + instant.substring(11, 19) + " UTC" : instant;
    }

    private static String duration(long seconds) {
        if (seconds < 0) {
            return "–";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
                + "content=\"" + REFRESH + "\"><meta name=\"referrer\" content=\"no-referrer\"><title>")
                .append(esc(title)).append(" · Tracelab class</title><style>").append(STYLE)
                .append("</style></head><body>");
    }

    /** Text made safe for HTML content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
