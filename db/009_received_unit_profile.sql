-- What the upper office needs of a unit's profile to check its data windows as the unit
-- does: a unit reporting on calendar windows, and the day a unit formed by the 2025 merger
-- exists from.  Read from the received file's unit table (db/007), kept with the file.
ALTER TABLE received_files ADD COLUMN established TEXT;                      -- ISO date, NULL when not known
ALTER TABLE received_files ADD COLUMN calendar_windows INTEGER NOT NULL DEFAULT 0;
