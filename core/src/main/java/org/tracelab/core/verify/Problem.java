package org.tracelab.core.verify;

import java.util.Objects;

/**
 * One thing {@code verify} found wrong.
 *
 * @param kind     what is wrong
 * @param subject  what it is wrong with: {@code item 12}, {@code log entry 40}, …
 * @param expected what the case promised
 * @param found    what is there instead
 */
public record Problem(Kind kind, String subject, String expected, String found) {
    /** The kinds of damage verify tells apart. */
    public enum Kind {
        BLOB_CHANGED("blob changed"),
        BLOB_MISSING("blob missing"),
        ENTRY_ALTERED("log entry altered"),
        ENTRY_REMOVED("log entry removed"),
        ENTRY_REORDERED("log entries reordered"),
        CHAIN_BROKEN("log chain broken"),
        ITEM_UNLOGGED("item without log entry"),
        ITEM_ALTERED("item record altered"),
        ROW_UNLOGGED("row without log entry"),
        ROW_ALTERED("row altered"),
        ROW_REMOVED("row removed"),
        WARC_MISSING("WARC file missing"),
        WARC_CHANGED("WARC file changed since sealed"),
        WARC_RECORD_DAMAGED("WARC record damaged"),
        WARC_RECORD_MISPLACED("WARC record not where its item says"),
        HEAD_DAMAGED("custody.head damaged"),
        KEY_CHANGED("case key changed"),
        MANIFEST_CHANGED("case.json changed"),
        DATABASE_DAMAGED("case.db damaged"),
        INDEX_DAMAGED("index damaged (derived: 'tracelab reindex' rebuilds it)"),
        TALLY_DAMAGED("entity tally differs from the rows (derived: 'tracelab reindex' recounts it)"),
        BAG_MALFORMED("bag malformed"),
        BAG_FILE_CHANGED("bag file changed"),
        BAG_FILE_MISSING("bag file missing"),
        BAG_FILE_UNLISTED("bag file in no manifest"),
        BAG_OXUM("bag payload size differs"),
        BAG_SIGNATURE("bag signature invalid");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /** One line: kind, subject, expected, found. */
    public String describe() {
        return kind.label() + ": " + subject + " (expected " + expected + ", found " + found + ")";
    }
}
