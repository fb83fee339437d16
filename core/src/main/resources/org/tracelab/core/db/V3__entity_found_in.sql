-- Where each entity was found: 'text' (the item's extracted text), 'link' (an href or data-* URL of its markup),
-- 'ocr' (text recognised in an image). NULL in rows written before this column: those were all found in the text.
-- Added as NULL so that the digests the custody log holds of older rows stay as they were.
ALTER TABLE entities ADD COLUMN found_in TEXT;
