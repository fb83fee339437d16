package org.tracelab.core.export.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.tracelab.core.links.Cluster;
import org.tracelab.core.links.Identifier;
import org.tracelab.core.links.Node;

/**
 * The link clusters drawn as one inline SVG, with no script and no layout engine: each cluster in its own square of a
 * grid, largest first, its shared identifiers on an inner ring and its items on an outer ring, a line for each item
 * that holds an identifier. Positions depend only on the clusters' order, so the same case gives the same picture.
 * Every label and tooltip from the case goes through {@link Html#escape}.
 */
final class ClusterPicture {
    /** Clusters drawn; the rest are listed under the picture. */
    static final int MAX_CLUSTERS = 30;
    /** Items and identifiers drawn per cluster; a larger cluster says how many more it has. */
    static final int MAX_NODES = 48;

    private static final int CELL = 260;
    private static final int COLUMNS = 4;
    private static final int LABEL_CHARS = 22;

    private ClusterPicture() {
    }

    /**
     * The picture of the first {@link #MAX_CLUSTERS} clusters.
     *
     * @param clusters largest first
     * @param graph    the item–identifier graph the clusters come from, for which item holds which identifier
     * @param sources  where each item came from, for its tooltip
     */
    static String svg(List<Cluster> clusters, Graph<Node, DefaultEdge> graph, Map<String, String> sources) {
        int shown = Math.min(MAX_CLUSTERS, clusters.size());
        int rows = Math.max(1, (shown + COLUMNS - 1) / COLUMNS);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                + "id=\"clusters-svg\" width=\"%d\" height=\"%d\" aria-label=\"link clusters, largest first\">", CELL * COLUMNS,
                CELL * rows));
        for (int n = 0; n < shown; n++) {
            cluster(sb, n, clusters.get(n), graph, sources);
        }
        return sb.append("</svg>").toString();
    }

    private static void cluster(StringBuilder sb, int n, Cluster c, Graph<Node, DefaultEdge> graph,
                                Map<String, String> sources) {
        double cx = (n % COLUMNS) * CELL + CELL / 2.0;
        double cy = (n / COLUMNS) * CELL + CELL / 2.0 + 6;
        List<Identifier> ids = c.shared().subList(0, Math.min(c.shared().size(), MAX_NODES / 4));
        List<String> items = c.items().subList(0, Math.min(c.items().size(), MAX_NODES - ids.size()));
        double inner = ids.size() == 1 ? 0 : 38;
        double outer = 92;
        sb.append("<g class=\"cluster\">");
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">cluster %d: %d items, "
                + "%d identifiers%s</text>", cx, cy - CELL / 2.0 + 10, n + 1, c.items().size(), c.shared().size(),
                items.size() < c.items().size() || ids.size() < c.shared().size() ? " (part drawn)" : ""));
        for (int i = 0; i < items.size(); i++) {
            double[] p = ring(cx, cy, outer, i, items.size());
            Node item = new Node.ItemNode(items.get(i));
            for (int j = 0; j < ids.size(); j++) {
                if (graph.containsEdge(item, new Node.IdentifierNode(ids.get(j)))) {
                    double[] q = ring(cx, cy, inner, j, ids.size());
                    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                            + "stroke=\"#999\"/>", p[0], p[1], q[0], q[1]));
                }
            }
        }
        for (int j = 0; j < ids.size(); j++) {
            double[] q = ring(cx, cy, inner, j, ids.size());
            Identifier id = ids.get(j);
            sb.append(String.format(Locale.ROOT, "<rect class=\"identifier\" x=\"%.1f\" y=\"%.1f\" width=\"10\" "
                    + "height=\"10\" fill=\"#c8702a\"><title>%s</title></rect>", q[0] - 5, q[1] - 5,
                    Html.escape(id.type() + ":" + id.value())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    q[0], q[1] - 8, Html.escape(shorten(id.value()))));
        }
        for (int i = 0; i < items.size(); i++) {
            double[] p = ring(cx, cy, outer, i, items.size());
            String item = items.get(i);
            sb.append(String.format(Locale.ROOT, "<circle class=\"item\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" "
                    + "fill=\"#3b6ea8\"><title>item %s: %s</title></circle>", p[0], p[1], Html.escape(item),
                    Html.escape(sources.getOrDefault(item, ""))));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    p[0], p[1] + 17, Html.escape(item)));
        }
        sb.append("</g>");
    }

    /** The {@code i}th of {@code n} points on a circle, the first at the top, going clockwise. */
    private static double[] ring(double cx, double cy, double r, int i, int n) {
        double a = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
        return new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)};
    }

    private static String shorten(String s) {
        return s.codePointCount(0, s.length()) <= LABEL_CHARS ? s
                : s.substring(0, s.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
    }
}
