"""An appendix as a printable table, shared by the PDF and Excel renderers.

:func:`build` turns (workspace, period, appendix of a template) into a :class:`Table`:
heading lines, header rows with merged cells, column widths and body rows whose cells
carry both the printed text (Vietnamese number format) and the raw number (for Excel).
Where there is no figure the cell stays empty: never a 0 that nobody typed.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .. import periods, plans, rollup, targets
from ..store import task_done
from ..vnformat import Figure, format_number

BLANK = "\u00a0" * 8     # room to write a number or a day by hand once the report is numbered
RATE_DECIMALS = 2          # how every rate prints: 70,45 %, 100 %


def rate_text(value) -> str:
    """A rate (or a target) as every document prints it: at most RATE_DECIMALS decimals."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = round(value, RATE_DECIMALS)
        if value == int(value):
            value = int(value)
    return format_number(value)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class Cell:
    text: str = ""
    number: float | int | None = None   # stored as a number in Excel when set


@dataclass
class BodyRow:
    cells: list
    style: str = "item"          # group (bold), item, sub (italic), total (bold)
    key: str | None = None       # the indicator key, carried into Excel for the round trip
    span_label: bool = False     # the label runs across the rest of the row (a group of tasks)


@dataclass
class Table:
    label: str                   # "Phụ lục 1"
    heading: list                # heading lines (bold, centred)
    attached: str                # "(Kèm theo Báo cáo số … )"
    orientation: str
    widths: list                 # column widths in mm
    header: list                 # header rows: lists of texts, "" inside a merged area
    spans: list                  # ((col0, row0), (col1, row1)) merged header areas
    rows: list = field(default_factory=list)
    align: list = field(default_factory=list)   # per column: LEFT, CENTER, RIGHT
    value_col: int | None = None                # the Số liệu column of an indicators table
    note: str = ""                              # a line under the heading (data window)
    name: str = ""                              # appendix id, for file names


# ---- the heading -----------------------------------------------------------------
def short_date(day: _dt.date | None, year: int | None = None) -> str:
    """15/6/2022 as appendices print the report's date (months 1 and 2 keep their zero);
    without a date, room to write it by hand ('     /     /2023' when the year is known)."""
    if day is None:
        # no-break spaces: a paragraph would collapse plain ones and leave no room to write
        return f"{BLANK}/{BLANK}/{year}" if year else "…/…/…"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def unit_phrase(unit: dict) -> str:
    """'UBND phường 2, thị xã Quảng Trị' — the unit and, without its 'UBND', the parent."""
    name = unit.get("name") or ""
    parent = unit.get("parent") or ""
    for prefix in ("UBND ", "Ủy ban nhân dân ", "ỦY BAN NHÂN DÂN "):
        if parent.startswith(prefix):
            parent = parent[len(prefix):]
    return f"{name}, {parent}" if parent else name


def context(ws, code: str) -> dict:
    """Values for a template's heading placeholders."""
    from ..vnformat import split_document_number
    unit = ws.unit()
    p = ws.period(code)
    # the number as the report prints it: '125/BC-UBND' typed gives ('125', 'BC-UBND'), '5' gives '05'
    number, symbol = split_document_number(p.report_number, unit.get("symbol") or "BC-UBND")
    full = full_unit_name(unit.get("name") or "")
    label = period_label(p)
    return {
        "unit": unit.get("name") or "", "unit_upper": full.upper(), "parent": unit.get("parent") or "",
        "period_label": label, "period_label_upper": label.upper(), "number": number or BLANK,
        "symbol": symbol, "date": short_date(p.report_date, p.year),
        "window_from": short_date(p.window_from), "window_to": short_date(p.window_to),
        "year": str(p.year),
    }


def period_label(p) -> str:
    """How documents name period *p*: a custom period's title when it has one, else its label."""
    title = (getattr(p, "title", None) or "").strip()
    return title or p.label


def full_unit_name(name: str) -> str:
    """'UBND phường 2' → 'Ủy ban nhân dân phường 2' (headings spell the body out)."""
    if name.startswith("UBND "):
        return "Ủy ban nhân dân " + name[5:]
    return name


def attached_line(ws, code: str) -> str:
    """'(Kèm theo Báo cáo số 341/BC-UBND ngày 15/6/2022 của UBND phường 2, thị xã Quảng Trị)'."""
    c = context(ws, code)
    return f"(Kèm theo Báo cáo số {c['number']}/{c['symbol']} ngày {c['date']} của {unit_phrase(ws.unit())})"


def fill(text: str, ctx: dict) -> str:
    try:
        return text.format(**ctx)
    except (KeyError, IndexError, ValueError):   # a unit's own heading with stray braces prints as typed
        return text


# ---- values ----------------------------------------------------------------------
def format_value(ind, value) -> tuple[str, object]:
    """(printed text, raw number) of one figure of indicator *ind* (or a detail column: both
    have a kind and decimals)."""
    if value is None or value == "":
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, Figure):   # typed with its decimals ("85,10"): printed as typed, at most
        cap = RATE_DECIMALS if ind is not None and ind.kind in ("percent", "ratio") else (
            ind.decimals if ind is not None else None)   # the one precision of every rate
        if cap is not None and cap < value.places:
            value = Figure(float(value), cap)
        return format_number(value), value
    if ind is not None and ind.kind in ("percent", "ratio"):
        # one precision for every rate in every document (appendix, detail tables, narrative,
        # targets): a report must not say 78,87 % where its table says 78,9
        decimals = RATE_DECIMALS
        value = round(float(value), decimals)
        if value == int(value):
            value = int(value)
        return format_number(value), value
    if isinstance(value, float) and value == int(value):
        value = int(value)
    if ind is not None and ind.decimals is not None and isinstance(value, float):
        value = round(value, ind.decimals)
    return format_number(value), value


def codes_wording(row, ind, ws) -> str:
    """The code list as the unit column prints it: the template's wording, else 'label = value' lines."""
    if row.codes_text:
        return row.codes_text
    codes = row.codes or (ws.code_list(row.key) if ws is not None and row.key else {}) or (ind.codes if ind else {})
    return "\n".join(f"{label} = {value}" for value, label in codes.items())


# ---- the kinds of appendix -------------------------------------------------------
def build(ws, code: str, app, values: dict | None = None) -> Table:
    """The printable table of appendix *app* (a :class:`templates.Appendix`) for period *code*."""
    ctx = context(ws, code)
    heading = [fill(h, ctx) for h in app.heading]
    builder = {"indicators": _indicators, "detail": _detail, "tasks": _tasks, "targets": _targets}[app.kind]
    table = builder(ws, code, app, values)
    table.label = fill(app.label, ctx)
    table.heading = heading
    table.attached = attached_line(ws, code)
    title = (getattr(ws.period(code), "title", None) or "").strip()
    if title and not any(title.lower() in line.lower() for line in heading):
        # a custom period is named by its title in every appendix (“từ ngày 01/7/2025 đến ngày 31/10/2025”)
        table.note = f"(Số liệu {title})" if title.startswith("từ ") else f"({title})"
    table.name = app.id
    if app.orientation in ("portrait", "landscape"):
        table.orientation = app.orientation
    return table


_STAT_HEADER = [["STT", "Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
                 "Kết quả thống kê", "", "Ghi chú"],
                ["", "", "Đơn vị tính", "Số liệu", ""]]
_STAT_SPANS = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (3, 0)), ((4, 0), (4, 1))]


def _indicators(ws, code, app, values):
    cells = values if values is not None else rollup.values(ws, code)
    cat = ws.catalogue
    # a consolidation prints how many units gave each answer ("3 đơn vị Kết hợp") as the note
    from .. import consolidation
    answers = consolidation.code_counts_text(ws, code) if consolidation.is_consolidation(ws) else {}
    entries = ws.entries(code)     # notes kept on figures left blank print too (seed 004, row 1.4)
    rows = []
    for r in app.rows:
        ind = cat.get(r.key) if r.key else None
        if not r.key:
            rows.append(BodyRow([Cell(r.stt), Cell(r.label), Cell(r.unit), Cell(), Cell(r.note)], r.style))
            continue
        cell = cells.get(r.key)
        value = cell.value if cell is not None else None
        text, number = format_value(ind, value)
        unit = codes_wording(r, ind, ws) if ind is not None and ind.kind == "code" else r.unit
        note = (answers.get(r.key) or (cell.note if cell is not None and cell.note else "")
                or (entries.get(r.key) or {}).get("note") or r.note)
        rows.append(BodyRow([Cell(r.stt), Cell(r.label), Cell(unit), Cell(text, number), Cell(note)],
                            r.style, r.key))
    # long notes (a seed's explanations) get a wider column rather than a row a page tall
    long_notes = any(len(r.cells[4].text) > 60 for r in rows)
    widths = [12, 66, 27, 18, 42] if long_notes else [13, 77, 33, 20, 22]
    return Table(label="", heading=[], attached="", orientation="portrait",
                 widths=widths, header=[list(h) for h in _STAT_HEADER], spans=list(_STAT_SPANS),
                 rows=rows, align=["CENTER", "LEFT", "CENTER", "CENTER", "LEFT"], value_col=3)


def _detail(ws, code, app, values):
    spec = ws.catalogue.detail_table(app.table)
    data = ws.detail_rows(code, spec.name)
    cols = list(spec.columns)
    header, spans = detail_header(spec.row_label, [c.label for c in cols])
    rows = []
    for i, r in enumerate(data, 1):
        values = spec.computed(r["data"])
        rows.append(BodyRow([Cell(str(i)), Cell(r["label"])]
                            + [Cell(*format_value(c, values.get(c.key))) for c in cols]))
    if data:
        totals = spec.totals([r["data"] for r in data])
        rows.append(BodyRow([Cell(""), Cell("Tổng cộng")] + [Cell(*format_value(c, totals.get(c.key))) for c in cols],
                            "total"))
    landscape = len(cols) > 5
    usable = 247 if landscape else 160
    first = 12
    label_w = 50 if landscape else 45
    rest = (usable - first - label_w) / max(1, len(cols))
    table = Table(label="", heading=[], attached="", orientation="landscape" if landscape else "portrait",
                  widths=[first, label_w] + [rest] * len(cols), header=header, spans=spans, rows=rows,
                  align=["CENTER", "LEFT"] + ["CENTER"] * len(cols))
    p = ws.period(code)
    table.note = f"(Số liệu lấy từ ngày {short_date(p.window_from)} đến ngày {short_date(p.window_to)})"
    return table


def detail_header(row_label: str, labels: list[str]) -> tuple[list, list]:
    """Header rows of a detail table: “Tiếp nhận: trực tuyến” columns share a merged “Tiếp nhận” cell."""
    parts = [lbl.split(": ", 1) if ": " in lbl else [lbl] for lbl in labels]
    if not any(len(p) == 2 for p in parts):
        return [["STT", row_label] + labels], []
    top, bottom, spans = ["STT", row_label], ["", ""], [((0, 0), (0, 1)), ((1, 0), (1, 1))]
    i = 0
    while i < len(parts):
        col = i + 2
        if len(parts[i]) == 1:
            top.append(parts[i][0])
            bottom.append("")
            spans.append(((col, 0), (col, 1)))
            i += 1
            continue
        group = parts[i][0]
        j = i
        while j < len(parts) and len(parts[j]) == 2 and parts[j][0] == group:
            top.append(group if j == i else "")
            sub = parts[j][1]
            bottom.append(sub[:1].upper() + sub[1:])
            j += 1
        if j - i > 1:
            spans.append(((col, 0), (j + 1, 0)))
        i = j
    return [top, bottom], spans


_TASK_HEADER = ["TT", "Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian hoàn thành",
                "Đã thực hiện", "Sản phẩm đầu ra", "Tỷ lệ hoàn thành nhiệm vụ"]


def _tasks(ws, code, app, values):
    p = ws.period(code)
    tasks = ws.plan_tasks(p.year)
    areas = {a.id: a.label for a in ws.catalogue.areas}
    rows = []
    group, n, g = object(), 0, 0
    for t in sorted(tasks, key=lambda t: ((t["area"] or 99), t["seq"] or 0, t["id"])):
        if t["area"] != group:
            group = t["area"]
            label = areas.get(group, "Nhiệm vụ khác").upper()
            rows.append(BodyRow([Cell(ROMAN[g] if g < len(ROMAN) else str(g + 1)), Cell(label)] +
                                [Cell() for _ in range(6)], "group", span_label=True))
            g += 1
            n = 0
        n += 1
        pct = t["percent_done"]
        if pct is None and task_done(t):
            pct = 100
        pct_text = (format_number(round(pct, 1)) + "%") if pct is not None else ""
        rows.append(BodyRow([Cell(str(n)), Cell(t["content"]), Cell(t["lead"]), Cell(t["partners"]),
                             Cell(t["deadline"]), Cell(t["status"]), Cell(t["output"]),
                             Cell(pct_text, pct)]))
    return Table(label="", heading=[], attached="", orientation="landscape",
                 widths=[10, 70, 30, 30, 26, 30, 26, 25], header=[list(_TASK_HEADER)], spans=[], rows=rows,
                 align=["CENTER", "LEFT", "LEFT", "LEFT", "CENTER", "LEFT", "LEFT", "CENTER"])


_TARGET_HEADER = ["STT", "Chỉ tiêu", "Kế hoạch", "Mục tiêu", "Kết quả", "Đánh giá", "Chênh lệch"]


def target_results(ws, code, values: dict | None = None) -> list:
    """Each target of the unit's plans evaluated for the period (see targets.evaluate), over the
    period's figures *values* when the caller computed them for the whole set of documents."""
    return list(targets.evaluate(ws, code, values))


def _unit_suffix(unit: str) -> str:
    return unit if unit in ("%",) else (" " + unit if unit else "")


def _targets(ws, code, app, values):
    results = target_results(ws, code, values)
    rows = []
    for i, r in enumerate(results, 1):
        unit = getattr(r, "unit", "") or ""
        op = plans.OP_LABELS.get(getattr(r, "op", ">="), "")
        target = f"{op} {rate_text(r.target)}{_unit_suffix(unit)}" if r.target is not None else ""
        year_target = getattr(r, "year_target", None)
        if year_target is not None and year_target != r.target:
            # a part-year period is held to the share of the year's target due by its end
            target += f"\n(cả năm {op} {rate_text(year_target)}{_unit_suffix(unit)})"
        actual_text, actual = format_value(None, round(r.actual, RATE_DECIMALS) if isinstance(r.actual, float) else r.actual)
        gap_text, gap = format_value(None, round(r.gap, RATE_DECIMALS) if isinstance(r.gap, float) else r.gap)
        if gap_text and gap is not None and gap > 0:
            gap_text = "+" + gap_text
        rows.append(BodyRow([Cell(str(i)), Cell(r.label), Cell(str(r.plan)), Cell(target, r.target),
                             Cell(actual_text + (_unit_suffix(unit) if actual_text else ""), actual),
                             Cell(targets.STATUS_LABELS.get(r.status, r.status)), Cell(gap_text, gap)]))
    return Table(label="", heading=[], attached="", orientation="portrait",
                 widths=[10, 49, 31, 20, 18, 20, 17], header=[list(_TARGET_HEADER)], spans=[], rows=rows,
                 align=["CENTER", "LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER"])


def previous_code(ws, code: str) -> str | None:
    """The period before *code* that exists in the workspace (periods.previous, else the latest earlier one)."""
    name = periods.parse_code(code)
    prev = periods.previous(name)
    if prev is not None and ws.find_period(prev.code):
        return prev.code
    earlier = [p.code for p in ws.periods() if periods.sort_key(p.code) < periods.sort_key(code)]
    return earlier[-1] if earlier else None
