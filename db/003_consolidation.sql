-- The consolidation workspace of a receiving office: the backup files received from its
-- units and the figures read out of them.  A unit's own workspace keeps these tables empty.
-- Consolidated figures themselves are written as ordinary entries of the period, so every
-- report and export works on them unchanged.
CREATE TABLE received_files (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,            -- as received: CCHC_phuong-2-quang-tri_2022-H1_20220615-0930.sqlite
    unit_name TEXT NOT NULL,            -- "UBND phường 2"
    unit_slug TEXT NOT NULL,            -- "phuong-2-quang-tri": one unit, whatever the file is called
    parent TEXT NOT NULL DEFAULT '',
    periods TEXT NOT NULL DEFAULT '',   -- the period codes the file carries, joined by ','
    sha256 TEXT NOT NULL,               -- the content digest recorded in (and checked against) the file
    size INTEGER NOT NULL,
    made_at TEXT NOT NULL,              -- when the unit made the backup (decides which file is newer)
    program_version TEXT NOT NULL DEFAULT '',
    schema_version INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL,
    received_by TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'superseded', 'refused')),
    reason TEXT NOT NULL DEFAULT ''     -- why refused, or which file superseded it
);
CREATE INDEX received_files_unit ON received_files(unit_slug, status);

-- One row per file, period and key: the unit's figure as its own roll-up gave it.
CREATE TABLE received_values (
    file_id INTEGER NOT NULL REFERENCES received_files(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    key TEXT NOT NULL,
    value,                              -- no affinity: int, real or text as in the unit's file
    source TEXT NOT NULL DEFAULT 'typed',  -- typed, detail, rollup, derived … (rollup.Cell.source)
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'superseded')),
    PRIMARY KEY (file_id, period_code, key)
);
CREATE INDEX received_values_period ON received_values(period_code, key);

-- Code answers counted by value over the units accepted for a period (survey.method:
-- 3 units "Kết hợp", 2 "Phát phiếu"), recomputed with the consolidated figures.
CREATE TABLE consolidated_codes (
    period_code TEXT NOT NULL,
    key TEXT NOT NULL,
    value INTEGER NOT NULL,
    units INTEGER NOT NULL,
    PRIMARY KEY (period_code, key, value)
);
