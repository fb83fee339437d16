package org.tracelab.core.links;

/** A vertex of the item–identifier graph: either an item or an identifier. */
public sealed interface Node permits Node.ItemNode, Node.IdentifierNode {
    /** An item, by the caller's id. */
    record ItemNode(String itemId) implements Node {
    }

    /** An identifier held by at least two items. */
    record IdentifierNode(Identifier identifier) implements Node {
    }
}
