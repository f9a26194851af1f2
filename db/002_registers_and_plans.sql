-- Room for the documents register, plans and targets, the annual plan's tasks,
-- user rules, acknowledged warnings, the report's narrative and detail tables.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL,               -- số ký hiệu: 72/QĐ-UBND
    issued_on TEXT NOT NULL,            -- ISO date
    doc_type TEXT NOT NULL DEFAULT '',  -- Kế hoạch, Quyết định, Công văn, Báo cáo…
    summary TEXT NOT NULL DEFAULT '',   -- trích yếu
    area INTEGER,
    counts_as_direction INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX documents_date ON documents(issued_on);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL,               -- 1069/QĐ-UBND
    issued_on TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    year_from INTEGER,
    year_to INTEGER
);

CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL,
    expr TEXT NOT NULL,                 -- a key or a formula over keys
    op TEXT NOT NULL DEFAULT '>=' CHECK (op IN ('>=', '>', '<=', '<', '=')),
    value REAL,                         -- the aim when it does not change by year
    trajectory TEXT,                    -- JSON {"2022": 15, "2023": 35, ...} when it does
    year_from INTEGER,
    year_to INTEGER,
    unit TEXT NOT NULL DEFAULT '%',
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE plan_tasks (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    area INTEGER,
    content TEXT NOT NULL,
    lead TEXT NOT NULL DEFAULT '',
    partners TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',  -- "Tháng 3", "Quý II", "Năm 2023", "Thường xuyên"
    output TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    percent_done REAL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE rules (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL,           -- JSON, the same form as resources/rules
    added_by TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);

CREATE TABLE acknowledgements (
    period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    keys TEXT NOT NULL,                 -- the finding's keys joined by ','
    comment TEXT NOT NULL,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    PRIMARY KEY (period_id, rule, keys)
);

CREATE TABLE report_sections (
    period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (period_id, section)
);

CREATE TABLE detail_rows (
    id INTEGER PRIMARY KEY,
    period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,           -- as in resources/catalogue/detail_tables.json
    seq INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL,                -- the row: Hộ tịch, Chứng thực, ...
    data TEXT NOT NULL DEFAULT '{}'     -- JSON column key -> number
);
CREATE INDEX detail_rows_period ON detail_rows(period_id, table_name);
