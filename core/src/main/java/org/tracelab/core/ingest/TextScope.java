package org.tracelab.core.ingest;

/**
 * Which of an item's texts a pass reads: a page's main text (without menus, footers, banners: what snippets, scans,
 * near-duplicates and links read by default, so site furniture ties nothing together), or its full text.
 */
public enum TextScope {
    /** The main text of a page; the full text of an item that has no main text. */
    MAIN,
    /** Everything the extractor read, furniture included. */
    FULL
}
