-- A page's main text made of pieces of its full text (most pages: the page less its menus, banners and footers) is
-- stored as where those pieces lie, not as a blob of its own: on its 'main' derived row, 'start-end,start-end,...'
-- in chars of the full text (end exclusive), the main text being the pieces joined by line breaks; the row's sha256
-- and size remain those of the main text itself. NULL on every other row and on main rows written before (blobs),
-- whose digests stay as they were.
ALTER TABLE derived ADD COLUMN text_pieces TEXT;
