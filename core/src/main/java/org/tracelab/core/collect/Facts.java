package org.tracelab.core.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Facts about an item that more than one part of Tracelab reads (exporters, the command line, collectors), typed
 * here once instead of being looked up by key wherever they are read. Each is stored in the item's meta under the
 * keys it has always had, so cases made before these types existed read the same.
 */
public sealed interface Facts permits HttpFacts, WarcLocation, FileFacts {
    /** Writes these facts into an item's meta object under their keys. */
    void writeTo(ObjectNode meta);
}
