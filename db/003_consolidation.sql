-- Sending upward and consolidating.
--
-- backup_info and backup_figures are filled only inside a backup copy (cchc_desktop.backup):
-- who made it, when, and the unit's figures of each period as its own roll-up gave them, so
-- the receiving office reads figures without running anything the file contains.  A
-- workspace keeps them empty.
CREATE TABLE backup_info (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    unit_name TEXT NOT NULL,
    unit_slug TEXT NOT NULL,            -- "phuong-2-quang-tri"
    parent TEXT NOT NULL DEFAULT '',
    periods TEXT NOT NULL DEFAULT '',   -- the period codes carried, joined by ','
    program_version TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    made_at TEXT NOT NULL,              -- ISO date-time, local
    made_by TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL                -- content digest over every other table (backup.content_digest)
);

CREATE TABLE backup_figures (
    period_code TEXT NOT NULL,
    key TEXT NOT NULL,
    value,                              -- no affinity: int, real or text
    source TEXT NOT NULL DEFAULT 'typed',  -- rollup.Cell.source
    PRIMARY KEY (period_code, key)
);

-- The consolidation workspace of a receiving office: the backup files received from its
-- units and the figures read out of them.  Consolidated figures themselves are written as
-- ordinary entries of the period, so every report and export works on them unchanged.
CREATE TABLE received_files (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,            -- as received: CCHC_phuong-2-quang-tri_2022-H1_20220615-0930.sqlite
    unit_name TEXT NOT NULL,            -- "UBND phường 2"
    unit_slug TEXT NOT NULL,            -- one unit, whatever the file is called
    parent TEXT NOT NULL DEFAULT '',
    periods TEXT NOT NULL DEFAULT '',   -- the period codes the file carries, joined by ','
    sha256 TEXT NOT NULL,
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

-- One row per received file and period: the unit's figures (JSON key -> value).  Only one
-- row per unit and period is 'accepted'; the older ones stay as history.
CREATE TABLE received_periods (
    file_id INTEGER NOT NULL REFERENCES received_files(id),  -- no CASCADE: store.change_row rewrites rows with REPLACE
    unit_slug TEXT NOT NULL,
    period_code TEXT NOT NULL,
    figures TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'superseded')),
    PRIMARY KEY (file_id, period_code)
);
CREATE INDEX received_periods_period ON received_periods(period_code, status);

-- Code answers counted by value over the units accepted for a period (survey.method:
-- 3 units "Kết hợp", 2 "Phát phiếu"), recomputed with the consolidated figures.
CREATE TABLE consolidated_codes (
    period_code TEXT NOT NULL,
    key TEXT NOT NULL,
    value INTEGER NOT NULL,
    units INTEGER NOT NULL,
    PRIMARY KEY (period_code, key, value)
);
