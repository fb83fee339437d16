package org.tracelab.core.internal;

import org.jsoup.nodes.Element;

/**
 * Walks a jsoup tree's elements in document order, as {@code getAllElements} and {@code select} list them, one at a
 * time: without the list and the stream jsoup builds for every query, which page extraction and its links paid for
 * on every page.
 */
public final class DocumentOrder {
    private DocumentOrder() {
    }

    /** The element after {@code e} within {@code root}: its first child, else the one after its subtree; or null. */
    public static Element next(Element e, Element root) {
        Element child = e.firstElementChild();
        return child != null ? child : skip(e, root);
    }

    /** The element after {@code e}'s whole subtree within {@code root}, or null. */
    public static Element skip(Element e, Element root) {
        for (Element at = e; at != null && at != root; at = at.parent()) {
            Element sibling = at.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }
}
