-- Text read from images by OCR: how it was read (engine and languages, e.g. 'Tesseract 5.3.0 uzb+uzb_cyrl+rus+eng')
-- and the mean confidence of its words (0-100). NULL where no OCR read any of the text, as in rows written before.
ALTER TABLE derived ADD COLUMN ocr TEXT;
ALTER TABLE derived ADD COLUMN ocr_confidence INTEGER;
