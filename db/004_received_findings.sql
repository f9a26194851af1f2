-- What the checks (cchc_desktop.rules) found in a unit's received figures.
--
-- Run at import on the figures already read out of the file, inside a scratch workspace
-- our own code builds (never by opening the received file as a workspace), and kept with
-- the received period so the units × periods matrix can say "có lỗi" without checking again.
ALTER TABLE received_periods ADD COLUMN errors INTEGER NOT NULL DEFAULT 0;
ALTER TABLE received_periods ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
-- JSON list of {"severity": "error"|"warning", "rule": code, "message": Vietnamese text}
ALTER TABLE received_periods ADD COLUMN findings TEXT NOT NULL DEFAULT '[]';
