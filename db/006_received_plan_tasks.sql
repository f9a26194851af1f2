-- The annual plan's tasks a unit sent, so the rule on overdue tasks works at the upper
-- office too.  JSON {year: [[content, deadline, status, percent done], ...]} read from the
-- received file's plan_tasks table; the newest file in use of a unit speaks for it.
ALTER TABLE received_files ADD COLUMN plan_tasks TEXT NOT NULL DEFAULT '{}';
