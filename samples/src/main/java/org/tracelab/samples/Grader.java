package org.tracelab.samples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;

/**
 * Scores a trainee's findings against a scenario's key.json. Ads are matched by their path relative to the site
 * root, so findings collected from any port or host match; a picture an ad shows (its path in the key) stands for
 * its ad, so a cluster of photos found alike names their ads. A planted cluster counts as found when some findings
 * cluster has a Jaccard overlap of at least {@value #CLUSTER_MATCH} with it; recall is also given by what ties the
 * planted cluster (phone, handle, photo, flyer).
 */
public final class Grader {
    /** The Jaccard overlap from which a findings cluster matches a planted one. */
    public static final double CLUSTER_MATCH = 0.5;

    private Grader() {
    }

    /** Grades a findings file (any of the documented shapes) against a key file. */
    public static GradeReport grade(Path findings, Path key) {
        for (Path p : List.of(findings, key)) {
            if (!Files.isRegularFile(p)) {
                throw TracelabException.badInput(p.toString(), "no such file");
            }
        }
        Key k = Key.read(key);
        Findings f = Findings.read(findings, k);
        return grade(f, k);
    }

    private static GradeReport grade(Findings f, Key k) {
        int tp = 0;
        int fp = 0;
        List<GradeReport.MissedAd> missed = new ArrayList<>();
        for (String id : f.flagged.keySet()) {
            if (k.deceptive.containsKey(id)) {
                tp++;
            } else {
                fp++;
            }
        }
        for (Map.Entry<String, List<String>> e : k.deceptive.entrySet()) {
            Set<String> named = f.flagged.get(e.getKey());
            boolean flagged = named != null;
            List<String> overlooked = e.getValue().stream()
                    .filter(i -> !flagged || !named.isEmpty() && !named.contains(i)).toList();
            if (!overlooked.isEmpty()) {
                List<String> hints = overlooked.stream()
                        .map(i -> Indicators.byId(i).map(Indicators.Indicator::description).orElse(i)).toList();
                missed.add(new GradeReport.MissedAd(e.getKey(), k.paths.get(e.getKey()), flagged, overlooked, hints));
            }
        }
        int fn = k.deceptive.size() - tp;
        int found = 0;
        List<GradeReport.MissedCluster> missedClusters = new ArrayList<>();
        Map<String, int[]> byTie = new LinkedHashMap<>(); // tie -> {found, planted}
        for (String tie : GradeReport.TIES) {
            byTie.put(tie, new int[2]);
        }
        for (Key.Cluster c : k.clusters) {
            double best = 0;
            for (Set<String> candidate : f.clusters) {
                best = Math.max(best, jaccard(c.ads(), candidate));
            }
            int[] tie = byTie.computeIfAbsent(c.tie(), t -> new int[2]);
            tie[1]++;
            if (best >= CLUSTER_MATCH) {
                found++;
                tie[0]++;
            } else {
                missedClusters.add(new GradeReport.MissedCluster(c.id(), List.copyOf(c.ads()), c.shared(), best,
                        c.tie()));
            }
        }
        List<GradeReport.TieRecall> ties = new ArrayList<>();
        byTie.forEach((tie, n) -> ties.add(new GradeReport.TieRecall(tie, n[0], n[1])));
        int rightClusters = 0;
        for (Set<String> candidate : f.clusters) {
            if (k.clusters.stream().anyMatch(c -> jaccard(c.ads(), candidate) >= CLUSTER_MATCH)) {
                rightClusters++;
            }
        }
        // true positives counted on the key side; findings clusters that match nothing are the false positives
        GradeReport.Score clusterScore = new GradeReport.Score(found, f.clusters.size() - rightClusters,
                k.clusters.size() - found);
        return new GradeReport(new GradeReport.Score(tp, fp, fn), clusterScore, ties, missed, missedClusters,
                f.unmatched);
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0;
        }
        int both = 0;
        for (String x : a) {
            if (b.contains(x)) {
                both++;
            }
        }
        return (double) both / union.size();
    }

    /** What the grader needs of key.json. */
    private static final class Key {
        record Cluster(String id, Set<String> ads, List<String> shared, String tie) {
        }

        final Map<String, String> paths = new LinkedHashMap<>();
        final Map<String, String> byPath = new HashMap<>();
        final Map<String, List<String>> deceptive = new LinkedHashMap<>();
        final List<Cluster> clusters = new ArrayList<>();

        static Key read(Path file) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw TracelabException.badInput(file.toString(), "is not a readable key.json (" + e.getMessage()
                        .lines().findFirst().orElse("") + ")");
            }
            if (root == null || !root.path("ads").isArray()) {
                throw TracelabException.badInput(file.toString(), "is not a key.json: no \"ads\" array");
            }
            Key k = new Key();
            for (JsonNode ad : root.get("ads")) {
                String id = ad.path("id").asText();
                String path = ad.path("path").asText("ads/" + id + ".html");
                k.paths.put(id, path);
                k.byPath.put(path, id);
                for (JsonNode picture : ad.path("pictures")) {
                    if (picture.path("path").isTextual()) {
                        k.byPath.put(picture.path("path").asText(), id);
                    }
                }
                if (ad.path("deceptive").asBoolean(false)) {
                    List<String> indicators = new ArrayList<>();
                    ad.path("indicators").forEach(i -> indicators.add(i.asText()));
                    k.deceptive.put(id, indicators);
                }
            }
            for (JsonNode c : root.path("clusters")) {
                Set<String> ads = new LinkedHashSet<>();
                c.path("ads").forEach(a -> ads.add(a.asText()));
                List<String> shared = new ArrayList<>();
                c.path("shared").forEach(s -> shared.add(s.path("type").asText() + ":" + s.path("value").asText()));
                k.clusters.add(new Cluster(c.path("id").asText(), ads, shared, c.path("tie").asText(tieOf(c))));
            }
            return k;
        }

        /** The tie of a cluster in a key written before ties were named: the kind of its first shared contact. */
        private static String tieOf(JsonNode cluster) {
            String type = cluster.path("shared").path(0).path("type").asText("");
            return type.equals("phone") || type.equals("whatsapp") ? "phone" : "handle";
        }

        /** The ad a URL or path names: the longest suffix of its path that is an ad's path or a picture's. */
        String adOf(String reference) {
            String path = reference;
            try {
                URI uri = URI.create(reference.trim().replace(" ", "%20"));
                if (uri.getPath() != null) {
                    path = uri.getPath();
                }
            } catch (IllegalArgumentException e) {
                path = reference.trim();
            }
            String[] segments = path.split("/");
            for (int from = 0; from < segments.length; from++) {
                String suffix = String.join("/", java.util.Arrays.copyOfRange(segments, from, segments.length));
                String id = byPath.get(suffix);
                if (id != null) {
                    return id;
                }
            }
            return null;
        }
    }

    /** The trainee's findings, reduced to ad ids. */
    private static final class Findings {
        final Map<String, Set<String>> flagged = new LinkedHashMap<>();
        final List<Set<String>> clusters = new ArrayList<>();
        int unmatched;

        static Findings read(Path file, Key key) {
            Findings f = new Findings();
            try (MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class)
                    .with(JsonParser.Feature.AUTO_CLOSE_SOURCE).readValues(Files.newInputStream(file))) {
                while (values.hasNextValue()) {
                    JsonNode value = values.nextValue();
                    if (value.isArray()) {
                        value.forEach(v -> f.add(v, key));
                    } else {
                        f.add(value, key);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof TracelabException t) {
                    throw t;
                }
                throw TracelabException.badInput(file.toString(), "is not JSON or JSON Lines findings ("
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            }
            return f;
        }

        private void add(JsonNode node, Key key) {
            if (!node.isObject()) {
                return;
            }
            if (node.has("scenario") && node.path("ads").isArray()) {
                addKey(node);
                return;
            }
            if (node.has("flagged") || node.has("clusters")) {
                node.path("flagged").forEach(item -> flag(item, key));
                node.path("clusters").forEach(c -> cluster(c, key));
                return;
            }
            for (String list : List.of("sources", "urls", "paths", "items")) {
                if (node.path(list).isArray()) {
                    cluster(node, key);
                    return;
                }
            }
            flag(node, key);
        }

        /** A key given as findings: right by definition, which is how instructors check a grading setup. */
        private void addKey(JsonNode key) {
            for (JsonNode ad : key.path("ads")) {
                if (ad.path("deceptive").asBoolean()) {
                    Set<String> named = flagged.computeIfAbsent(ad.path("id").asText(), x -> new LinkedHashSet<>());
                    ad.path("indicators").forEach(i -> named.add(i.asText()));
                }
            }
            for (JsonNode c : key.path("clusters")) {
                Set<String> ads = new LinkedHashSet<>();
                c.path("ads").forEach(a -> ads.add(a.asText()));
                if (!ads.isEmpty()) {
                    clusters.add(ads);
                }
            }
        }

        private void flag(JsonNode item, Key key) {
            String ref = reference(item);
            if (ref == null) {
                return;
            }
            JsonNode indicators = item.path("indicators");
            if (indicators.isArray() && indicators.isEmpty()) {
                return;
            }
            String id = key.adOf(ref);
            if (id == null) {
                unmatched++;
                return;
            }
            Set<String> named = flagged.computeIfAbsent(id, x -> new LinkedHashSet<>());
            indicators.forEach(i -> named.add(i.isObject() ? i.path("id").asText() : i.asText()));
        }

        private void cluster(JsonNode node, Key key) {
            Set<String> ads = new LinkedHashSet<>();
            for (String list : List.of("urls", "paths", "sources", "items")) {
                for (JsonNode member : node.path(list)) {
                    String ref = member.isTextual() ? member.asText() : reference(member);
                    String id = ref == null ? null : key.adOf(ref);
                    if (id != null) {
                        ads.add(id);
                    } else {
                        unmatched++;
                    }
                }
            }
            // A cluster ties two or more ads; one whose items are all the same ad (its page and its record) says
            // nothing about who posted what, and is neither right nor wrong.
            if (ads.size() >= 2) {
                clusters.add(ads);
            }
        }

        private static String reference(JsonNode item) {
            if (item.isTextual()) {
                return item.asText();
            }
            for (String field : List.of("url", "path", "source")) {
                if (item.path(field).isTextual()) {
                    return item.get(field).asText();
                }
            }
            return null;
        }
    }
}
