-- Items: one row per capture or import. Evidence columns never change once written.
CREATE TABLE items (
  id           INTEGER PRIMARY KEY,
  kind         TEXT    NOT NULL,
  source       TEXT    NOT NULL,
  captured_at  TEXT    NOT NULL,
  collector    TEXT    NOT NULL,
  sha256       TEXT    NOT NULL,
  size         INTEGER NOT NULL,
  content_type TEXT,
  parent_id    INTEGER REFERENCES items(id),
  truncated    INTEGER NOT NULL DEFAULT 0,
  meta         TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX items_sha256 ON items(sha256);
CREATE INDEX items_parent ON items(parent_id);

CREATE TRIGGER items_no_delete BEFORE DELETE ON items
BEGIN SELECT RAISE(ABORT, 'items are evidence and are never deleted'); END;
CREATE TRIGGER items_evidence_fixed
BEFORE UPDATE OF kind, source, captured_at, collector, sha256, size, truncated ON items
BEGIN SELECT RAISE(ABORT, 'the evidence columns of an item never change'); END;

CREATE TABLE tags (
  item_id  INTEGER NOT NULL REFERENCES items(id),
  tag      TEXT    NOT NULL,
  added_at TEXT    NOT NULL,
  PRIMARY KEY (item_id, tag)
);
CREATE INDEX tags_tag ON tags(tag);

CREATE TABLE notes (
  id       INTEGER PRIMARY KEY,
  item_id  INTEGER NOT NULL REFERENCES items(id),
  text     TEXT    NOT NULL,
  examiner TEXT    NOT NULL,
  added_at TEXT    NOT NULL
);
CREATE INDEX notes_item ON notes(item_id);

-- The custody log: append-only, each entry chained to the one before by hash.
CREATE TABLE custody_log (
  seq          INTEGER PRIMARY KEY,
  at           TEXT    NOT NULL,
  examiner     TEXT    NOT NULL,
  action       TEXT    NOT NULL,
  item_id      INTEGER,
  tool_version TEXT    NOT NULL,
  params       TEXT    NOT NULL,
  prev_hash    TEXT    NOT NULL,
  entry_hash   TEXT    NOT NULL
);
CREATE INDEX custody_log_item ON custody_log(item_id);

CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
