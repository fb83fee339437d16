-- How a page's characters were decided (byte-order mark, HTTP header, meta, detection) and why, beside its text.
-- A page's main text (without menus, footers, banners) is a derived row of its own, kind 'main', in the same table.
ALTER TABLE derived ADD COLUMN charset TEXT;
