package org.tracelab.samples;

import java.util.List;

/**
 * How a trainee's findings compare with a scenario's key.
 *
 * @param flagged scores for the ads flagged as deceptive
 * @param clusters scores for the clusters of linked ads
 * @param ties how many planted clusters of each kind of tie were found, in {@link #TIES} order (then any other)
 * @param missedAds deceptive ads not flagged, or flagged without some of their indicators
 * @param missedClusters planted clusters no findings cluster matched
 * @param unmatched finding references that name no ad of the key
 */
public record GradeReport(Score flagged, Score clusters, List<TieRecall> ties, List<MissedAd> missedAds,
                          List<MissedCluster> missedClusters, int unmatched) {
    /** The kinds of tie a scenario plants: a phone or a handle in the text, a reused photo, a flyer's contact. */
    public static final List<String> TIES = List.of("phone", "handle", "photo", "flyer");

    /** Freezes the lists. */
    public GradeReport {
        ties = List.copyOf(ties);
        missedAds = List.copyOf(missedAds);
        missedClusters = List.copyOf(missedClusters);
    }

    /**
     * Precision, recall and F1 with the counts behind them.
     *
     * @param truePositives found and in the key
     * @param falsePositives found but not in the key
     * @param falseNegatives in the key but not found
     */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        /** Of what was found, the share that is right; 1 when nothing was to be found and nothing was. */
        public double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? (falseNegatives == 0 ? 1 : 0) : (double) truePositives / found;
        }

        /** Of what was to be found, the share found; 1 when nothing was to be found. */
        public double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? (falsePositives == 0 ? 1 : 0) : (double) truePositives / expected;
        }

        /** The harmonic mean of precision and recall. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Precision, recall and F1 with the counts behind them, as the JSON of {@code lab grade} shows them. */
        public java.util.Map<String, Object> summary() {
            java.util.Map<String, Object> j = new java.util.LinkedHashMap<>();
            j.put("precision", precision());
            j.put("recall", recall());
            j.put("f1", f1());
            j.put("truePositives", truePositives);
            j.put("falsePositives", falsePositives);
            j.put("falseNegatives", falseNegatives);
            return j;
        }
    }

    /**
     * Of the planted clusters of one kind of tie, how many were found.
     *
     * @param tie phone, handle, photo or flyer
     * @param found planted clusters of this tie some findings cluster matched
     * @param planted planted clusters of this tie
     */
    public record TieRecall(String tie, int found, int planted) {
        /** Checks the counts. */
        public TieRecall {
            if (found < 0 || found > planted) {
                throw new IllegalArgumentException(tie + ": found " + found + " of " + planted);
            }
        }

        /** The share of the planted clusters found; 1 when none was planted. */
        public double recall() {
            return planted == 0 ? 1 : (double) found / planted;
        }
    }

    /**
     * A deceptive ad the trainee did not flag, or flagged without naming all its indicators.
     *
     * @param id ad id
     * @param path page path
     * @param flagged whether it was flagged at all
     * @param overlooked indicator ids not named
     * @param hints the descriptions of the overlooked indicators, for feedback
     */
    public record MissedAd(String id, String path, boolean flagged, List<String> overlooked, List<String> hints) {
        /** Freezes the lists. */
        public MissedAd {
            overlooked = List.copyOf(overlooked);
            hints = List.copyOf(hints);
        }
    }

    /**
     * A planted cluster no findings cluster matched.
     *
     * @param id cluster id
     * @param ads its ads
     * @param shared what they share, as {@code type:value}
     * @param bestJaccard the best overlap any findings cluster reached
     * @param tie what ties the cluster: phone, handle, photo or flyer
     */
    public record MissedCluster(String id, List<String> ads, List<String> shared, double bestJaccard, String tie) {
        /** Freezes the lists. */
        public MissedCluster {
            ads = List.copyOf(ads);
            shared = List.copyOf(shared);
        }
    }

    /** A few lines for a terminal: the scores, then one line per miss. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "flagged ads: precision %.2f recall %.2f F1 %.2f (%d/%d/%d tp/fp/fn)%n",
                flagged.precision(), flagged.recall(), flagged.f1(), flagged.truePositives(),
                flagged.falsePositives(), flagged.falseNegatives()));
        out.append(String.format(java.util.Locale.ROOT, "clusters:    precision %.2f recall %.2f F1 %.2f (%d/%d/%d tp/fp/fn)%n",
                clusters.precision(), clusters.recall(), clusters.f1(), clusters.truePositives(),
                clusters.falsePositives(), clusters.falseNegatives()));
        out.append("clusters by tie:");
        for (TieRecall t : ties) {
            if (t.planted() > 0) {
                out.append(String.format(java.util.Locale.ROOT, " %s %d/%d (recall %.2f)", t.tie(), t.found(),
                        t.planted(), t.recall()));
            }
        }
        out.append(System.lineSeparator());
        for (MissedAd m : missedAds) {
            out.append(m.flagged() ? "incomplete " : "missed ").append(m.path()).append(": overlooked ")
                    .append(String.join(", ", m.overlooked())).append(System.lineSeparator());
        }
        for (MissedCluster c : missedClusters) {
            out.append("missed cluster ").append(c.id()).append(" (").append(String.join(", ", c.ads()))
                    .append(") tied by ").append(c.tie()).append(", sharing ").append(String.join(", ", c.shared())).append(System.lineSeparator());
        }
        return out.toString();
    }
}
