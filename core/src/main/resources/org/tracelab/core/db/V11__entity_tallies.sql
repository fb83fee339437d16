-- What 'tracelab entities' lists, kept by SQLite as entity rows are written instead of counted over every row at
-- each call (issue #20, start-up): at 100,000 ads counting the 230,000 telegram mentions (distinct items, distinct
-- forms) took about 100 ms of a 430 ms command, and the listing of every type 550 ms; a case ten times the size
-- takes ten times that. Triggers keep the tallies in the transaction that writes or deletes the rows, so they are
-- exact whatever writes them, and verify counts them again.
-- Per value: the distinct items that mention it and its mentions. A value whose last mention went keeps its row at
-- zero (readers ask for at least one item): a reindex that takes a mention away then writes no more than it adds.
CREATE TABLE entity_values (
  type     TEXT    NOT NULL,
  value    TEXT    NOT NULL,
  items    INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (type, value)
) WITHOUT ROWID;
-- Per written form of a value: its mentions (zero as above).
CREATE TABLE entity_forms (
  type     TEXT    NOT NULL,
  value    TEXT    NOT NULL,
  raw      TEXT    NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (type, value, raw)
) WITHOUT ROWID;
-- The same counts as EntityTallies.RECOUNT, with which a reindex counts them again.
INSERT INTO entity_values(type, value, items, mentions)
  SELECT type, value, count(DISTINCT item_id), count(*) FROM entities GROUP BY type, value;
INSERT INTO entity_forms(type, value, raw, mentions)
  SELECT type, value, raw, count(*) FROM entities GROUP BY type, value, raw;
-- An item counts once per value: whether it holds another mention of the value is asked of its own rows of that
-- value, so the item's index holds the value too (a sitemap's item has thousands of rows: found by item alone, each
-- row written looked at all of them, 9 s of CPU in a 37 s collection of 10,515 pages).
DROP INDEX entities_item;
CREATE INDEX entities_item ON entities(item_id, type, value);
CREATE TRIGGER entities_tallied AFTER INSERT ON entities
BEGIN
  INSERT INTO entity_forms(type, value, raw, mentions) VALUES (NEW.type, NEW.value, NEW.raw, 1)
    ON CONFLICT (type, value, raw) DO UPDATE SET mentions = mentions + 1;
  INSERT INTO entity_values(type, value, items, mentions) VALUES (NEW.type, NEW.value,
      NOT EXISTS (SELECT 1 FROM entities e WHERE e.item_id = NEW.item_id AND e.type = NEW.type
                  AND e.value = NEW.value AND e.rowid <> NEW.rowid), 1)
    ON CONFLICT (type, value) DO UPDATE SET items = items + excluded.items, mentions = mentions + 1;
END;
CREATE TRIGGER entities_untallied AFTER DELETE ON entities
BEGIN
  UPDATE entity_forms SET mentions = mentions - 1 WHERE type = OLD.type AND value = OLD.value AND raw = OLD.raw;
  UPDATE entity_values SET mentions = mentions - 1,
      items = items - NOT EXISTS (SELECT 1 FROM entities e WHERE e.item_id = OLD.item_id AND e.type = OLD.type
                                  AND e.value = OLD.value)
    WHERE type = OLD.type AND value = OLD.value;
END;
-- Ingest writes and deletes rows; a row changed in place is counted out and in again, so the tallies stay exact.
CREATE TRIGGER entities_retallied AFTER UPDATE OF item_id, type, value, raw ON entities
BEGIN
  UPDATE entity_forms SET mentions = mentions - 1 WHERE type = OLD.type AND value = OLD.value AND raw = OLD.raw;
  UPDATE entity_values SET mentions = mentions - 1,
      items = items - NOT EXISTS (SELECT 1 FROM entities e WHERE e.item_id = OLD.item_id AND e.type = OLD.type
                                  AND e.value = OLD.value)
    WHERE type = OLD.type AND value = OLD.value;
  INSERT INTO entity_forms(type, value, raw, mentions) VALUES (NEW.type, NEW.value, NEW.raw, 1)
    ON CONFLICT (type, value, raw) DO UPDATE SET mentions = mentions + 1;
  INSERT INTO entity_values(type, value, items, mentions) VALUES (NEW.type, NEW.value,
      NOT EXISTS (SELECT 1 FROM entities e WHERE e.item_id = NEW.item_id AND e.type = NEW.type
                  AND e.value = NEW.value AND e.rowid <> NEW.rowid), 1)
    ON CONFLICT (type, value) DO UPDATE SET items = items + excluded.items, mentions = mentions + 1;
END;
