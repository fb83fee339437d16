-- What case info reports of the blob store, kept by SQLite as rows are written instead of counted over every row at
-- each call (issue #20, start-up): at 100,000 ads the union of the items' and the derived texts' distinct blobs took
-- 170 ms of a 450 ms case info, and the items' distinct blobs and captured bytes 60 ms more. Triggers keep both in the same transaction
-- as the row that names a blob, so they are exact whatever writes the row.
-- Every blob an item or a derived text has named, once, with its size. The store never deletes a blob, so a derived
-- text replaced by a later extraction still takes its place on disk, and stays here.
CREATE TABLE blob_sizes (
  sha256 TEXT    PRIMARY KEY,
  size   INTEGER NOT NULL
) WITHOUT ROWID;
-- One row: the items' distinct blobs, the bytes the items captured (a repeated blob each time), and the bytes of
-- every blob in blob_sizes.
CREATE TABLE case_counts (
  one            INTEGER PRIMARY KEY CHECK (one = 1),
  item_blobs     INTEGER NOT NULL,
  captured_bytes INTEGER NOT NULL,
  blob_bytes     INTEGER NOT NULL
);
INSERT INTO blob_sizes(sha256, size)
  SELECT sha256, size FROM items UNION SELECT sha256, size FROM derived ORDER BY 1, 2;
INSERT INTO case_counts(one, item_blobs, captured_bytes, blob_bytes)
  VALUES (1, (SELECT count(DISTINCT sha256) FROM items), (SELECT coalesce(sum(size), 0) FROM items),
          (SELECT coalesce(sum(size), 0) FROM blob_sizes));
-- Items are never deleted and their sha256 never changes (V1's triggers), so an insert is the only change to count.
CREATE TRIGGER items_counted AFTER INSERT ON items
BEGIN
  UPDATE case_counts SET captured_bytes = captured_bytes + NEW.size;
  UPDATE case_counts SET item_blobs = item_blobs + 1
    WHERE NOT EXISTS (SELECT 1 FROM items WHERE sha256 = NEW.sha256 AND id <> NEW.id);
  UPDATE case_counts SET blob_bytes = blob_bytes + NEW.size
    WHERE NOT EXISTS (SELECT 1 FROM blob_sizes WHERE sha256 = NEW.sha256);
  INSERT OR IGNORE INTO blob_sizes(sha256, size) VALUES (NEW.sha256, NEW.size);
END;
-- A derived text is written again by reindex (INSERT OR REPLACE, which fires the insert trigger).
CREATE TRIGGER derived_counted AFTER INSERT ON derived
BEGIN
  UPDATE case_counts SET blob_bytes = blob_bytes + NEW.size
    WHERE NOT EXISTS (SELECT 1 FROM blob_sizes WHERE sha256 = NEW.sha256);
  INSERT OR IGNORE INTO blob_sizes(sha256, size) VALUES (NEW.sha256, NEW.size);
END;
CREATE TRIGGER derived_recounted AFTER UPDATE OF sha256, size ON derived
BEGIN
  UPDATE case_counts SET blob_bytes = blob_bytes + NEW.size
    WHERE NOT EXISTS (SELECT 1 FROM blob_sizes WHERE sha256 = NEW.sha256);
  INSERT OR IGNORE INTO blob_sizes(sha256, size) VALUES (NEW.sha256, NEW.size);
END;
