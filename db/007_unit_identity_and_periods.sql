-- The unit of 2026 and what identifies its files.
--
-- Since July 2025 a commune reports to its province; a unit is known by its official code
-- (mã đơn vị hành chính) or, without one, by an id made when its file was created, never by
-- its name (two communes may differ only by a tone mark).  The revision counts the changes
-- of the workspace so a receiving office orders a unit's files without trusting its clock.
ALTER TABLE unit ADD COLUMN code TEXT NOT NULL DEFAULT '';          -- mã ĐVHC, "19168"; '' when not known
ALTER TABLE unit ADD COLUMN uid TEXT NOT NULL DEFAULT '';           -- random id made with the file
ALTER TABLE unit ADD COLUMN focal_agency TEXT NOT NULL DEFAULT '';  -- "Sở Nội vụ tỉnh Quảng Trị"
ALTER TABLE unit ADD COLUMN one_stop TEXT NOT NULL DEFAULT 'Bộ phận Một cửa';  -- or "Trung tâm Phục vụ hành chính công"
ALTER TABLE unit ADD COLUMN established TEXT;                      -- ISO date a merged unit exists from (2025-07-01)
ALTER TABLE unit ADD COLUMN calendar_windows INTEGER NOT NULL DEFAULT 0;  -- 1: windows are calendar months (01/01–30/06)
UPDATE unit SET uid = lower(hex(randomblob(16))) WHERE uid = '';

ALTER TABLE periods ADD COLUMN title TEXT;      -- a custom period's title: "từ ngày 01/7/2025 đến ngày 31/10/2025"
ALTER TABLE periods ADD COLUMN deadline TEXT;   -- ISO date the unit set; NULL: the default deadline

-- One row: bumped by every committed change (undo and redo included).
CREATE TABLE revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL DEFAULT 0
);
INSERT INTO revision (id, n) VALUES (1, 0);

ALTER TABLE backup_info ADD COLUMN unit_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE backup_info ADD COLUMN unit_code TEXT NOT NULL DEFAULT '';
ALTER TABLE backup_info ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

ALTER TABLE received_files ADD COLUMN unit_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE received_files ADD COLUMN unit_code TEXT NOT NULL DEFAULT '';
ALTER TABLE received_files ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
