-- What ingest derived from each item: its extracted text (a blob in the same store) and metadata.
-- Derived rows are rebuilt by 'reindex --extract' (each time logged), so they may be replaced, never the items.
CREATE TABLE derived (
  item_id      INTEGER NOT NULL REFERENCES items(id),
  kind         TEXT    NOT NULL,
  sha256       TEXT    NOT NULL,
  size         INTEGER NOT NULL,
  content_type TEXT    NOT NULL,
  language     TEXT    NOT NULL,
  title        TEXT,
  author       TEXT,
  created      TEXT,
  modified     TEXT,
  extractor    TEXT    NOT NULL,
  error_kind   TEXT,
  error        TEXT,
  members      INTEGER NOT NULL DEFAULT 0,
  made_at      TEXT    NOT NULL,
  PRIMARY KEY (item_id, kind)
);
CREATE INDEX derived_sha256 ON derived(sha256);

-- Entities found in an item's extracted text: normalized value, the text as written, and its UTF-16 offsets.
CREATE TABLE entities (
  item_id      INTEGER NOT NULL REFERENCES items(id),
  type         TEXT    NOT NULL,
  value        TEXT    NOT NULL,
  raw          TEXT    NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL
);
CREATE INDEX entities_type_value ON entities(type, value);
CREATE INDEX entities_item ON entities(item_id);
