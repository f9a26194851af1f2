-- The upper office's own Excel forms (cchc template import) and how their rows map to our indicators.
--
-- The form's bytes are kept as received, so the filled copy is always made from the
-- province's own file; the mapping is data the officer corrects and can export for the
-- other communes.  A form is printed with `cchc report --template NAME`.
CREATE TABLE province_forms (
    name TEXT PRIMARY KEY,                 -- ASCII name used with --template ("bieu-snv-2022")
    title TEXT NOT NULL DEFAULT '',        -- the form's own title
    office TEXT NOT NULL DEFAULT '',       -- the office it came from ("Sở Nội vụ tỉnh Quảng Trị")
    reference TEXT NOT NULL DEFAULT '',    -- its dispatch ("Kèm theo Công văn số 2145/SNV-CCHC …")
    file_name TEXT NOT NULL,               -- as received
    content BLOB NOT NULL,                 -- the workbook's bytes, unchanged
    sha256 TEXT NOT NULL,
    mapping TEXT NOT NULL,                 -- JSON: the table found and each row's indicator
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT ''
);
