-- The workspace of one unit: its profile, its periods and the figures typed for them.
CREATE TABLE unit (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,                 -- "UBND phường 2"
    parent TEXT NOT NULL DEFAULT '',    -- "UBND thị xã Quảng Trị"
    place TEXT NOT NULL DEFAULT '',     -- "Phường 2", for dating documents
    symbol TEXT NOT NULL DEFAULT 'BC-UBND',
    signer_prefix TEXT NOT NULL DEFAULT 'TM. ỦY BAN NHÂN DÂN',
    signer_title TEXT NOT NULL DEFAULT 'CHỦ TỊCH',
    signer_name TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',   -- one "- …;" a line, as printed under "Nơi nhận:"
    addressees TEXT NOT NULL DEFAULT '',   -- "Kính gửi:" block, one a line
    template TEXT NOT NULL DEFAULT 'phu-luc-1',
    created_at TEXT NOT NULL
);

CREATE TABLE periods (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,          -- 2022-H1
    kind TEXT NOT NULL,                 -- Q1..Q4, H1, H2, 9M, Y
    year INTEGER NOT NULL,
    window_from TEXT,                   -- ISO dates
    window_to TEXT,
    report_number TEXT,
    report_date TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'sent')),
    finalised_at TEXT,
    finalised_by TEXT,
    created_at TEXT NOT NULL
);

-- "values" is an SQL keyword: the figures live in "entries".
CREATE TABLE entries (
    period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value,                              -- no affinity: int, real or text as typed
    note TEXT,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (period_id, key)
);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    period_id INTEGER,
    entity TEXT NOT NULL,               -- 'value', 'period', 'unit', ...
    key TEXT,
    old TEXT,
    new TEXT,
    action TEXT NOT NULL                -- 'set', 'undo', 'redo', 'finalise', 'unlock', ...
);
CREATE INDEX audit_period ON audit(period_id, key);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
