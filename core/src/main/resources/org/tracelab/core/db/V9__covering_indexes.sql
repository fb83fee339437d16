-- Indexes that answer the quick commands of a big case from their own pages (issue #20, start-up).
-- The blobs' sizes read from indexes alone: case info sums the bytes of every distinct blob of the items and their
-- derived texts. From the tables, that read every row of both (an item's row carries its whole metadata), 0.9 s of
-- CPU and most of a 727 MB database at 100,000 ads; from indexes on (sha256, size), in order, it is a merge of two
-- index scans. Each replaces the index on sha256 alone, which it serves as well.
CREATE INDEX items_blob ON items(sha256, size);
DROP INDEX items_sha256;
CREATE INDEX derived_blob ON derived(sha256, size);
DROP INDEX derived_sha256;
-- entities reads each value's items and written forms in one pass over an index that holds them: at 100,000 ads the
-- count read 847,000 rows of the table and a query per value read its forms (13,000 queries for one type).
CREATE INDEX entities_key_forms ON entities(type, value, raw, item_id);
DROP INDEX entities_type_value;
