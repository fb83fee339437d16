package org.tracelab.core.export.report;

import java.util.Locale;
import java.util.Map;

/** Inline SVG bar charts: drawn as markup, so the report needs no script and no request to show them. */
final class Charts {
    private static final int BAR = 18;
    private static final int LABEL = 180;
    private static final int WIDTH = 560;

    private Charts() {
    }

    /** One horizontal bar per entry, longest for the largest count. */
    static String bars(String title, Map<String, Long> counts) {
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int height = Math.max(1, counts.size()) * (BAR + 6) + 6;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" "
                + "height=\"%d\" aria-label=\"%s\">", LABEL + WIDTH + 80, height, Html.escape(title)));
        int y = 6;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            int w = (int) Math.max(1, e.getValue() * WIDTH / max);
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL - 6, y + BAR - 4, Html.escape(e.getKey())));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                    + "fill=\"#3b6ea8\"/>", LABEL, y, w, BAR));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d</text>", LABEL + w + 6, y + BAR - 4,
                    e.getValue()));
            y += BAR + 6;
        }
        return sb.append("</svg>").toString();
    }

    /** One vertical bar per time bucket, in order, labelled with the first and last bucket. */
    static String timeline(String title, Map<String, Long> buckets) {
        long max = Math.max(1, buckets.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int n = Math.max(1, buckets.size());
        int plot = 200;
        double step = Math.max(2.0, Math.min(40.0, 1000.0 / n));
        int width = Math.max(320, (int) Math.ceil(step * n) + 60);
        int top = 24;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" "
                + "height=\"%d\" aria-label=\"%s\">", width, top + plot + 40, Html.escape(title)));
        sb.append(String.format(Locale.ROOT, "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
                top + plot + 5, width - 10, top + plot + 5));
        int i = 0;
        String first = null;
        String last = null;
        for (Map.Entry<String, Long> e : buckets.entrySet()) {
            int h = (int) Math.max(1, e.getValue() * plot / max);
            double x = 30 + i * step;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"#a8553b\"><title>%s: %d</title></rect>", x, top + plot + 5 - h, Math.max(1, step - 1), h,
                    Html.escape(e.getKey()), e.getValue()));
            first = first == null ? e.getKey() : first;
            last = e.getKey();
            i++;
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"%d\">%s</text>", top + plot + 30, Html.escape(first)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", width - 10,
                top + plot + 30, Html.escape(last)));
        sb.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"14\">max %d per bucket</text>", max));
        return sb.append("</svg>").toString();
    }
}
