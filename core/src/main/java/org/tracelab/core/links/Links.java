package org.tracelab.core.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * Clusters of items that share identifiers, found as the connected components of a bipartite graph of items and
 * identifiers (JGraphT). Only identifiers held by two or more items enter the graph: one held by a single item
 * cannot connect anything, and leaving it out keeps the graph small on a million ads.
 */
public final class Links {
    /** Largest first; ties by first item id, so the order is the same on every run. */
    public static final Comparator<Cluster> LARGEST_FIRST = Comparator.<Cluster>comparingInt(c -> c.items().size())
            .reversed().thenComparing(c -> c.items().get(0));

    private final Graph<Node, DefaultEdge> graph;

    private Links(Graph<Node, DefaultEdge> graph) {
        this.graph = graph;
    }

    /**
     * Builds the graph from each item's identifiers, keeping only identifiers whose type passes {@code types}.
     * Two passes over {@code items}: the first counts holders per identifier, the second adds the edges.
     */
    public static Links of(Iterable<ItemIdentifiers> items, Predicate<String> types) {
        Map<Identifier, Integer> holders = new HashMap<>();
        for (ItemIdentifiers item : items) {
            for (Identifier id : item.identifiers()) {
                if (types.test(id.type())) {
                    holders.merge(id, 1, Integer::sum);
                }
            }
        }
        Graph<Node, DefaultEdge> graph = GraphTypeBuilder.<Node, DefaultEdge>undirected().allowingMultipleEdges(false)
                .allowingSelfLoops(false).edgeClass(DefaultEdge.class).buildGraph();
        Map<Identifier, Node> idNodes = new HashMap<>();
        for (ItemIdentifiers item : items) {
            Node itemNode = null;
            for (Identifier id : item.identifiers()) {
                Integer count = holders.get(id);
                if (count == null || count < 2) {
                    continue;
                }
                if (itemNode == null) {
                    itemNode = new Node.ItemNode(item.itemId());
                    graph.addVertex(itemNode);
                }
                Node idNode = idNodes.computeIfAbsent(id, Node.IdentifierNode::new);
                graph.addVertex(idNode);
                graph.addEdge(itemNode, idNode);
            }
        }
        return new Links(graph);
    }

    /** The graph itself: items and shared identifiers as vertices, "holds" as edges. */
    public Graph<Node, DefaultEdge> graph() {
        return graph;
    }

    /** The clusters, largest first. */
    public List<Cluster> clusters() {
        List<Cluster> clusters = new ArrayList<>();
        for (Set<Node> component : new ConnectivityInspector<>(graph).connectedSets()) {
            TreeSet<String> items = new TreeSet<>();
            TreeSet<Identifier> shared = new TreeSet<>();
            for (Node n : component) {
                switch (n) {
                    case Node.ItemNode i -> items.add(i.itemId());
                    case Node.IdentifierNode i -> shared.add(i.identifier());
                }
            }
            if (items.size() >= 2) {
                clusters.add(new Cluster(new ArrayList<>(items), new ArrayList<>(shared)));
            }
        }
        clusters.sort(LARGEST_FIRST);
        return clusters;
    }

    /**
     * Writes the clusters as CSV rows {@code cluster,kind,value}: one row per item ({@code kind} = item) and per
     * shared identifier ({@code kind} = its type), clusters numbered from 1, largest first. The writer is not closed.
     */
    public static void writeCsv(List<Cluster> clusters, Writer out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("cluster", "kind", "value")
                    .get());
            int number = 0;
            for (Cluster c : clusters) {
                number++;
                for (String item : c.items()) {
                    csv.printRecord(number, "item", item);
                }
                for (Identifier id : c.shared()) {
                    csv.printRecord(number, id.type(), id.value());
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
    }

    /**
     * Writes the graph as GraphML for Gephi and other graph tools: each vertex has a {@code label}, a {@code kind}
     * (item or the identifier's type) and, for items, the {@code cluster} number (1 = largest). The writer is not
     * closed.
     */
    public void writeGraphML(Writer out) {
        Map<Node, Integer> clusterOf = new HashMap<>();
        int number = 0;
        for (Cluster c : clusters()) {
            number++;
            for (String item : c.items()) {
                clusterOf.put(new Node.ItemNode(item), number);
            }
            for (Identifier id : c.shared()) {
                clusterOf.put(new Node.IdentifierNode(id), number);
            }
        }
        Map<Node, String> ids = new HashMap<>();
        GraphMLExporter<Node, DefaultEdge> exporter = new GraphMLExporter<>(v -> ids.computeIfAbsent(v,
                k -> "n" + ids.size()));
        exporter.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("kind", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("cluster", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
        exporter.setVertexAttributeProvider(v -> {
            Map<String, Attribute> attrs = new LinkedHashMap<>();
            switch (v) {
                case Node.ItemNode i -> {
                    attrs.put("label", DefaultAttribute.createAttribute(i.itemId()));
                    attrs.put("kind", DefaultAttribute.createAttribute("item"));
                }
                case Node.IdentifierNode i -> {
                    attrs.put("label", DefaultAttribute.createAttribute(i.identifier().toString()));
                    attrs.put("kind", DefaultAttribute.createAttribute(i.identifier().type()));
                }
            }
            attrs.put("cluster", DefaultAttribute.createAttribute(clusterOf.getOrDefault(v, 0)));
            return attrs;
        });
        try {
            exporter.exportGraph(graph, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write GraphML", e);
        }
    }
}
