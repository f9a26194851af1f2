-- Checking received figures after the import, with what the unit's own checks saw.
--
-- A consolidation import first verifies, stores and sums every file (one transaction);
-- the checks (cchc_desktop.rules) then run on each unit's stored figures
-- (consolidation.check_received), so a rule across periods also sees a unit's periods
-- received in earlier files.

-- 0 until the checks have run on the row; rows of schema 4 were checked at import.
ALTER TABLE received_periods ADD COLUMN checked INTEGER NOT NULL DEFAULT 1;
-- JSON key -> rollup source of the figures the unit's program computed (typed ones left out)
ALTER TABLE received_periods ADD COLUMN sources TEXT NOT NULL DEFAULT '{}';
-- JSON key -> {source: value}: what the unit's detail tables, documents register or plan
-- gave for a figure it typed (from backup_alternatives)
ALTER TABLE received_periods ADD COLUMN alternatives TEXT NOT NULL DEFAULT '{}';
-- JSON [[rule, keys, comment], ...]: the warnings the unit acknowledged with a comment
ALTER TABLE received_periods ADD COLUMN acknowledged TEXT NOT NULL DEFAULT '[]';
ALTER TABLE received_periods ADD COLUMN window_from TEXT;   -- the unit's data window, ISO dates
ALTER TABLE received_periods ADD COLUMN window_to TEXT;

-- Filled only inside a backup copy, beside backup_figures: for a figure the unit typed, the
-- other values its program computed from its detail tables, documents register or plan
-- (rollup.Cell.computed; the quarters' roll-up is computed again from the quarters).
CREATE TABLE backup_alternatives (
    period_code TEXT NOT NULL,
    key TEXT NOT NULL,
    source TEXT NOT NULL,               -- detail, register, tasks
    value,
    PRIMARY KEY (period_code, key, source)
);
