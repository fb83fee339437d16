package org.tracelab.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinksTest {
    private static ItemIdentifiers item(String id, String... identifiers) {
        return new ItemIdentifiers(id, java.util.Arrays.stream(identifiers).map(Identifier::parse)
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static final List<ItemIdentifiers> ITEMS = List.of(
            item("a1", "phone:+998905550001", "telegram:alpha_demo"),
            item("a2", "phone:+998905550001"),
            item("a3", "telegram:alpha_demo", "email:a3@example.com"),
            item("b1", "whatsapp:+77015550002"),
            item("b2", "whatsapp:+77015550002", "phone:+998905550099"),
            item("c1", "phone:+998905550100"),
            item("c2", "email:c2@example.com"));

    @Test
    void itemsChainedThroughDifferentIdentifiersFormOneClusterLargestFirst() {
        List<Cluster> clusters = Links.of(ITEMS, t -> true).clusters();
        assertEquals(2, clusters.size());
        assertEquals(List.of("a1", "a2", "a3"), clusters.get(0).items());
        assertEquals(List.of(Identifier.parse("phone:+998905550001"), Identifier.parse("telegram:alpha_demo")),
                clusters.get(0).shared());
        assertEquals(List.of("b1", "b2"), clusters.get(1).items());
        assertEquals(List.of(Identifier.parse("whatsapp:+77015550002")), clusters.get(1).shared());
    }

    @Test
    void aTypeFilterLinksOnlyThroughThatType() {
        List<Cluster> clusters = Links.of(ITEMS, Set.of("phone")::contains).clusters();
        assertEquals(1, clusters.size());
        assertEquals(List.of("a1", "a2"), clusters.get(0).items());
    }

    @Test
    void graphMlHoldsItemsAndSharedIdentifiersWithTheirClusters() {
        StringWriter out = new StringWriter();
        Links.of(ITEMS, t -> true).writeGraphML(out);
        String xml = out.toString();
        assertTrue(xml.contains("<graphml"), xml);
        assertEquals(8, xml.split("<node ").length - 1, xml);
        assertTrue(xml.contains("telegram:alpha_demo"), xml);
        assertTrue(!xml.contains("a3@example.com"), "an identifier of one item only stays out");
    }

    @Test
    void csvHasOneRowPerItemAndSharedIdentifier() {
        StringWriter out = new StringWriter();
        Links.writeCsv(Links.of(ITEMS, t -> true).clusters(), out);
        List<String> lines = out.toString().lines().toList();
        assertEquals("cluster,kind,value", lines.get(0));
        assertEquals(1 + 5 + 3, lines.size());
        assertTrue(lines.contains("2,whatsapp,+77015550002"), lines.toString());
    }
}
