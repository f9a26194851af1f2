"""Reform plans, their targets and the annual plan's tasks: reading and changing them.

A plan document (số, ngày, cơ quan ban hành, giai đoạn) holds targets: a key or a
formula over keys, a comparison, the value aimed at (fixed from a year on, or a
trajectory year by year such as 15 % in 2022 rising 20 points a year to 100 % in 2025).
The annual plan (Kế hoạch CCHC năm) holds tasks with a deadline, a status and a
percentage done; their counts feed ``plan.tasks_planned`` / ``plan.tasks_done``.

Every change goes through :meth:`Workspace.operation` and :meth:`Workspace.change_row`,
so Undo and the audit log cover it.
"""
from __future__ import annotations

import datetime as _dt
import json
import re

from .catalogue import CatalogueError, Formula
from .store import Workspace, WorkspaceError, task_done
from .vnformat import NumberError, nfc, parse_date, parse_number

OPS = (">=", ">", "<=", "<", "=")
OP_LABELS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}
TASK_FIELDS = ("year", "seq", "area", "content", "lead", "partners", "deadline", "output",
               "status", "percent_done", "note")


def _year(value, what: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise WorkspaceError(f"{what}: “{value}” không phải là năm.") from None
    if not 2000 <= year <= 2100:
        raise WorkspaceError(f"{what}: năm {year} nằm ngoài khoảng 2000–2100.")
    return year


def _number(value, what: str):
    try:
        return parse_number(value, "number")
    except NumberError as exc:
        raise WorkspaceError(f"{what}: {exc}") from exc


def _audit(ws: Workspace, entity: str, key: str, old, new, action: str = "set"):
    show = (lambda d: json.dumps(d, ensure_ascii=False, default=str) if d is not None else None)
    ws.log_change(None, entity, key, show(old), show(new), action)


# ---- plans ---------------------------------------------------------------------------

def plans(ws: Workspace) -> list[dict]:
    """Every plan document with its targets (``targets``: list of dicts, trajectory decoded)."""
    out = []
    for row in ws.conn.execute("SELECT * FROM plans ORDER BY coalesce(year_from, 0), id"):
        plan = dict(row)
        plan["targets"] = targets_of(ws, plan["id"])
        out.append(plan)
    return out


def plan(ws: Workspace, plan_id: int) -> dict:
    row = ws.conn.execute("SELECT * FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise WorkspaceError("Không tìm thấy kế hoạch này trong tệp dữ liệu.")
    out = dict(row)
    out["targets"] = targets_of(ws, plan_id)
    return out


def targets_of(ws: Workspace, plan_id: int) -> list[dict]:
    out = []
    for row in ws.conn.execute("SELECT * FROM targets WHERE plan_id = ? ORDER BY seq, id", (plan_id,)):
        t = dict(row)
        t["trajectory"] = {int(k): v for k, v in json.loads(t["trajectory"]).items()} if t["trajectory"] else None
        out.append(t)
    return out


def save_plan(ws: Workspace, number: str, issued_on=None, issuer: str = "", title: str = "",
              year_from=None, year_to=None, plan_id: int | None = None) -> int:
    """Add (plan_id None) or change a plan document; returns its id."""
    number = nfc(number)
    if not number:
        raise WorkspaceError("Kế hoạch chưa có số, ký hiệu (ví dụ 1069/QĐ-UBND).")
    try:
        day = parse_date(issued_on)
    except NumberError as exc:
        raise WorkspaceError(f"Kế hoạch {number}: {exc}") from exc
    y0, y1 = _year(year_from, f"Kế hoạch {number}, từ năm"), _year(year_to, f"Kế hoạch {number}, đến năm")
    if y0 and y1 and y0 > y1:
        raise WorkspaceError(f"Kế hoạch {number}: giai đoạn {y0}–{y1} có năm bắt đầu sau năm kết thúc.")
    row = {"number": number, "issued_on": day.isoformat() if day else None, "issuer": nfc(issuer) or "",
           "title": nfc(title) or "", "year_from": y0, "year_to": y1}
    if plan_id is not None:
        plan(ws, plan_id)
        row["id"] = plan_id
    with ws.operation(f"Kế hoạch {number}"):
        before = ws.change_row("plans", {"id": plan_id}, row)
        new_id = plan_id or ws.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        _audit(ws, "plan", number, before, row)
    return new_id


def delete_plan(ws: Workspace, plan_id: int):
    """Remove a plan document and its targets (one undoable step)."""
    p = plan(ws, plan_id)
    with ws.operation(f"Xóa kế hoạch {p['number']}"):
        for t in p["targets"]:
            ws.change_row("targets", {"id": t["id"]}, None)
        before = ws.change_row("plans", {"id": plan_id}, None)
        _audit(ws, "plan", p["number"], before, None, "delete")


# ---- targets -------------------------------------------------------------------------

def trajectory(year_from: int, start: float, step: float, year_to: int, end: float | None = None) -> dict:
    """Year → value rising by *step* a year from *start*, the last year set to *end*.

    ``trajectory(2022, 15, 20, 2025, 100)`` → {2022: 15, 2023: 35, 2024: 55, 2025: 100}.
    """
    out = {}
    for i, year in enumerate(range(int(year_from), int(year_to) + 1)):
        out[year] = start + step * i
    if end is not None:
        out[int(year_to)] = end
    return out


def parse_trajectory(text) -> dict | None:
    """Read '2022: 15; 2023: 35; 2025: 100' (or a dict) into {year: value}."""
    if text in (None, "", {}):
        return None
    if isinstance(text, dict):
        items = list(text.items())
    else:
        items = []
        for part in re.split(r"[;\n]+", nfc(str(text))):
            if not part.strip():
                continue
            if ":" not in part:
                raise WorkspaceError(f"Lộ trình “{part.strip()}”: ghi theo dạng năm: giá trị (ví dụ 2022: 15; 2023: 35).")
            y, v = part.split(":", 1)
            items.append((y, v))
    out = {}
    for y, v in items:
        year = _year(y, "Lộ trình")
        value = _number(v.strip() if isinstance(v, str) else v, f"Lộ trình năm {year}")
        if value is None:
            raise WorkspaceError(f"Lộ trình năm {year} chưa có giá trị.")
        out[year] = value
    return dict(sorted(out.items()))


def trajectory_text(traj: dict | None) -> str:
    from .vnformat import format_number
    return "; ".join(f"{y}: {format_number(v)}" for y, v in sorted((traj or {}).items()))


def check_expr(ws: Workspace, expr: str) -> Formula:
    """A target's key or formula, every key in the catalogue."""
    expr = nfc(expr)
    if not expr:
        raise WorkspaceError("Chỉ tiêu chưa có mã hoặc công thức (ví dụ dossier.online_rate).")
    try:
        formula = Formula(expr)
    except CatalogueError as exc:
        raise WorkspaceError(str(exc)) from exc
    for key in formula.keys:
        if key not in ws.catalogue:
            raise WorkspaceError(f"Mã chỉ tiêu “{key}” không có trong danh mục.")
    return formula


def save_target(ws: Workspace, plan_id: int, label: str, expr: str, op: str = ">=", value=None,
                trajectory=None, year_from=None, year_to=None, unit: str = "%", note: str = "",
                target_id: int | None = None, seq: int | None = None) -> int:
    """Add (target_id None) or change a target of a plan; returns its id."""
    p = plan(ws, plan_id)
    label = nfc(label)
    if not label:
        raise WorkspaceError("Mục tiêu chưa có nội dung (ví dụ: Tỷ lệ hồ sơ trực tuyến).")
    check_expr(ws, expr)
    if op not in OPS:
        raise WorkspaceError(f"Mục tiêu “{label}”: phép so sánh “{op}” không hợp lệ (dùng ≥ > ≤ < =).")
    value = _number(value, f"Mục tiêu “{label}”") if not isinstance(value, (int, float)) else value
    traj = parse_trajectory(trajectory)
    if value is None and not traj:
        raise WorkspaceError(f"Mục tiêu “{label}” chưa có giá trị phải đạt hoặc lộ trình theo năm.")
    y0, y1 = _year(year_from, f"Mục tiêu “{label}”, từ năm"), _year(year_to, f"Mục tiêu “{label}”, đến năm")
    if y0 and y1 and y0 > y1:
        raise WorkspaceError(f"Mục tiêu “{label}”: năm áp dụng {y0} sau năm kết thúc {y1}.")
    if seq is None:
        seq = ws.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM targets WHERE plan_id = ?",
                              (plan_id,)).fetchone()[0]
    row = {"plan_id": plan_id, "seq": seq, "label": label, "expr": nfc(expr), "op": op, "value": value,
           "trajectory": json.dumps({str(k): v for k, v in traj.items()}) if traj else None,
           "year_from": y0, "year_to": y1, "unit": nfc(unit) or "", "note": nfc(note) or ""}
    if target_id is not None:
        row["id"] = target_id
    with ws.operation(f"Mục tiêu: {label}"):
        before = ws.change_row("targets", {"id": target_id}, row)
        new_id = target_id or ws.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        _audit(ws, "target", f"{p['number']}: {label}", before, row)
    return new_id


def delete_target(ws: Workspace, target_id: int):
    with ws.operation("Xóa mục tiêu"):
        before = ws.change_row("targets", {"id": target_id}, None)
        if before:
            _audit(ws, "target", before["label"], before, None, "delete")


# ---- the annual plan's tasks ----------------------------------------------------------

def tasks(ws: Workspace, year: int) -> list[dict]:
    """The tasks of the year's plan, in order."""
    return ws.plan_tasks(year)


def _task_row(ws: Workspace, year, fields: dict, where: str) -> dict:
    content = nfc(fields.get("content"))
    if not content:
        raise WorkspaceError(f"{where}: nhiệm vụ chưa có nội dung.")
    area = fields.get("area")
    if area in ("", None):
        area = None
    else:
        try:
            area = int(area)
        except (TypeError, ValueError):
            raise WorkspaceError(f"{where}: lĩnh vực “{area}” phải là số từ 1 đến 7.") from None
        if area not in {a.id for a in ws.catalogue.areas}:
            raise WorkspaceError(f"{where}: lĩnh vực {area} không có (từ 1 đến 7).")
    pct = fields.get("percent_done")
    if pct not in (None, ""):
        try:
            pct = parse_number(pct, "percent")
        except NumberError as exc:
            raise WorkspaceError(f"{where}: tỷ lệ hoàn thành {exc}") from exc
    else:
        pct = None
    deadline = nfc(fields.get("deadline")) or ""
    if deadline:
        deadline_end(deadline, int(year), where)   # refuse what cannot be read
    return {"year": _year(year, where), "seq": int(fields.get("seq") or 0), "area": area, "content": content,
            "lead": nfc(fields.get("lead")) or "", "partners": nfc(fields.get("partners")) or "",
            "deadline": deadline, "output": nfc(fields.get("output")) or "",
            "status": nfc(fields.get("status")) or "", "percent_done": pct, "note": nfc(fields.get("note")) or ""}


def save_task(ws: Workspace, year: int, task_id: int | None = None, **fields) -> int:
    """Add (task_id None) or change a task of the year's plan; returns its id."""
    bad = set(fields) - set(TASK_FIELDS)
    if bad:
        raise WorkspaceError(f"Trường không có trong nhiệm vụ: {', '.join(sorted(bad))}")
    row = _task_row(ws, year, fields, "Nhiệm vụ")
    if not row["seq"]:
        row["seq"] = ws.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM plan_tasks WHERE year = ?",
                                     (row["year"],)).fetchone()[0]
    if task_id is not None:
        row["id"] = task_id
    with ws.operation(f"Nhiệm vụ kế hoạch năm {year}"):
        before = ws.change_row("plan_tasks", {"id": task_id}, row)
        new_id = task_id or ws.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        _audit(ws, "task", row["content"][:60], before, row)
    return new_id


def delete_task(ws: Workspace, task_id: int):
    with ws.operation("Xóa nhiệm vụ"):
        before = ws.change_row("plan_tasks", {"id": task_id}, None)
        if before:
            _audit(ws, "task", before["content"][:60], before, None, "delete")


def replace_tasks(ws: Workspace, year: int, rows: list[dict], label: str) -> int:
    """Put *rows* in place of the year's tasks in one operation (all or nothing)."""
    clean = [_task_row(ws, year, dict(r, seq=r.get("seq") or i), f"Dòng {r.get('_line', i)}")
             for i, r in enumerate(rows, 1)]
    with ws.operation(label):
        for old in ws.plan_tasks(year):
            ws.change_row("plan_tasks", {"id": old["id"]}, None)
        for row in clean:
            ws.change_row("plan_tasks", {"id": None}, row)
        _audit(ws, "task", f"năm {year}", None, {"tasks": len(clean)}, "import")
    return len(clean)


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def deadline_end(text: str, year: int, where: str = "Nhiệm vụ") -> _dt.date | None:
    """The last day a deadline allows ("Tháng 3" → 31/3, "Quý II" → 30/6, "Năm 2023" → 31/12,
    a date as itself); None for "Thường xuyên" (ongoing) and similar."""
    t = (nfc(text) or "").lower()
    if not t or "thường xuyên" in t or "hàng" in t or "hằng" in t or "liên tục" in t:
        return None
    m = re.search(r"quý\s*(iv|iii|ii|i|[1-4])\b", t)
    if m:
        q = m.group(1).upper()
        q = _ROMAN.get(q) or int(q)
        y = re.search(r"(20\d\d)", t)
        return _month_end(int(y.group(1)) if y else year, q * 3)
    m = re.search(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](20\d\d)", t)
    if m:
        try:
            return parse_date(m.group(0))
        except NumberError as exc:
            raise WorkspaceError(f"{where}: thời hạn {exc}") from exc
    m = re.search(r"tháng\s*(\d{1,2})(?:\s*[/.\-]\s*|\s+năm\s+)?(20\d\d)?", t)
    if m and 1 <= int(m.group(1)) <= 12:
        return _month_end(int(m.group(2) or year), int(m.group(1)))
    m = re.search(r"(\d{1,2})\s*/\s*(20\d\d)", t)
    if m and 1 <= int(m.group(1)) <= 12:
        return _month_end(int(m.group(2)), int(m.group(1)))
    if "6 tháng đầu" in t:
        return _month_end(year, 6)
    m = re.search(r"(20\d\d)", t)
    if m or "năm" in t or "cả năm" in t:
        return _dt.date(int(m.group(1)) if m else year, 12, 31)
    # Anything else (a free wording) has no fixed end: it is not flagged as overdue.
    return None


def _month_end(year: int, month: int) -> _dt.date:
    if month == 12:
        return _dt.date(year, 12, 31)
    return _dt.date(year, month + 1, 1) - _dt.timedelta(days=1)


def overdue(task: dict, today: _dt.date | None = None) -> bool:
    """Whether a task is past its deadline and not done."""
    if task_done(task):
        return False
    try:
        end = deadline_end(task.get("deadline") or "", int(task["year"]))
    except WorkspaceError:
        return False
    return end is not None and end < (today or _dt.date.today())


def overdue_tasks(ws: Workspace, year: int, today: _dt.date | None = None) -> list[dict]:
    """The year's tasks that are past their deadline and not done."""
    return [t for t in ws.plan_tasks(year) if overdue(t, today)]
