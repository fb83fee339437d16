-- What went wrong inside an extraction without stopping it (a member skipped, a limit hit), a JSON array of
-- {kind, message}; NULL when nothing did, so rows of texts without notes keep the digests they had.
ALTER TABLE derived ADD COLUMN notes TEXT;
