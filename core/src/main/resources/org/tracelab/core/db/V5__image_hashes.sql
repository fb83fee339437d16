-- The perceptual hash of each picture item (PDQ: 64 hex digits and its quality 0-100), or why it has none (refused
-- as too large, damaged, or in a format nothing decodes). Derived at ingest like the text, covered by the item's
-- 'extract' custody entry, replaced only by 'reindex --extract'. width and height are the picture's own, from its
-- header, even when it was decoded subsampled.
CREATE TABLE image_hashes (
  item_id    INTEGER PRIMARY KEY REFERENCES items(id),
  algorithm  TEXT    NOT NULL,
  hash       TEXT,
  quality    INTEGER,
  format     TEXT,
  width      INTEGER,
  height     INTEGER,
  error_kind TEXT,
  error      TEXT,
  made_at    TEXT    NOT NULL
);
