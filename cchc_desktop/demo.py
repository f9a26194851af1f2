"""Sample workspaces made from the seeds, for trying the program and for tests.

Each sample is one file ``resources/sample/NAME.json`` (unit profile, periods with their
figures, notes and detail rows, the documents register, plans with their targets, the
annual plan's tasks), so a sample can grow without code:

- ``demo``: UBND phường 2, thị xã Quảng Trị, 6 tháng đầu năm 2022 (seed 000, Phụ lục 1)
  with its documents register and the plan 2021–2025 (Quyết định 1069/QĐ-UBND, seed 003);
- ``kim-thach``: UBND xã Kim Thạch, 6 tháng đầu năm 2023 (seed 001): dossiers by field,
  digitisation, e-documents, online services and the task table of the year's plan;
- ``quang-tho``: UBND xã Quảng Thọ, quý III năm 2022 (seed 002, Phụ lục 2–8).
- ``truong-thi``: UBND phường Trường Thi, 9 tháng năm 2023 (seed 004), with the data
  window the report prints.
- ``dong-thuan``: UBND phường Đồng Thuận (mã 19168), formed on 01/07/2025 under UBND tỉnh
  Quảng Trị, with a Service Centre: months 07–10/2025, Quý III rolled up from its months, and
  the custom period 01/07–31/10/2025 of issue 11 by field.  Its figures beyond those of the
  issue are made up, agree with each other, and the sample says it is sample data.

Figures of the 2022–2023 samples are kept as the seeds print them, slips included: the checks
must find them.
"""
from __future__ import annotations

import json
from pathlib import Path

from .paths import resource
from .store import UNIT_CODE_ASKED, Workspace, WorkspaceError

DEFAULT_SAMPLE = "demo"


def sample_names() -> list[str]:
    """Names of the shipped samples (``demo`` first)."""
    names = sorted(p.stem for p in resource("sample").glob("*.json"))
    return sorted(names, key=lambda n: n != DEFAULT_SAMPLE)


def load_sample(path: Path | str | None = None) -> dict:
    """The description of a sample: a path, a shipped sample's name, or the default one."""
    if path is None:
        path = DEFAULT_SAMPLE
    path = Path(path)
    if path.suffix != ".json" and len(path.parts) == 1:
        name = path.name
        path = resource("sample", f"{name}.json")
        if not path.exists():
            raise WorkspaceError(f"Không có dữ liệu mẫu “{name}”. Các mẫu có sẵn: {', '.join(sample_names())}.")
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"Không đọc được tệp dữ liệu mẫu “{path}”: {exc}") from exc


def fill(ws: Workspace, data: dict):
    """Write a sample description (as in demo.json) into an open workspace."""
    with ws.operation("Dữ liệu mẫu", undoable=False):
        ws.set_setting(UNIT_CODE_ASKED, True)   # a sample is no unit to ask the official code of
        for doc in data.get("documents", []):
            ws.save_document(doc["number"], doc["issued_on"], doc.get("doc_type", ""),
                             doc.get("summary", ""), doc.get("area"),
                             counts_as_direction=doc.get("counts_as_direction", True))
        for plan in data.get("plans", []):
            fill_plan(ws, plan)
        for task in data.get("plan_tasks", []):
            cols = ["year", "seq", "area", "content", "lead", "partners", "deadline", "output",
                    "status", "percent_done", "note"]
            row = {c: task.get(c, "" if c not in ("area", "percent_done", "seq") else None) for c in cols}
            row["seq"] = row["seq"] or 0
            ws.change_row("plan_tasks", {"id": None}, row)
        for p in data.get("periods", []):
            ws.add_period(p["code"], p.get("from"), p.get("to"), p.get("number"), p.get("date"),
                          title=p.get("title"), deadline=p.get("deadline"))
            notes = p.get("notes") or {}
            items = [(k, v, notes.get(k)) for k, v in p.get("values", {}).items()]
            # a note on a figure the seed leaves blank still travels with the key
            items += [(k, None, n) for k, n in notes.items() if k not in p.get("values", {})]
            if items:
                ws.set_values(p["code"], items)
            for table, rows in p.get("detail", {}).items():
                for row in rows:
                    ws.save_detail_row(p["code"], table, row["label"], row["data"])
            for section, body in p.get("sections", {}).items():
                ws.change_row("report_sections", {"period_id": ws.period(p["code"]).id, "section": section},
                              {"period_id": ws.period(p["code"]).id, "section": section, "body": body})


def fill_plan(ws: Workspace, plan: dict):
    """Store a plan document and its targets (label, expr, op, value or trajectory, years, unit, note)."""
    ws.change_row("plans", {"id": None}, {
        "number": plan["number"], "issued_on": plan.get("issued_on"), "issuer": plan.get("issuer", ""),
        "title": plan.get("title", ""), "year_from": plan.get("year_from"), "year_to": plan.get("year_to")})
    plan_id = ws.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    for seq, t in enumerate(plan.get("targets", []), 1):
        ws.change_row("targets", {"id": None}, {
            "plan_id": plan_id, "seq": seq, "label": t["label"], "expr": t["expr"], "op": t.get("op", ">="),
            "value": t.get("value"), "trajectory": json.dumps(t["trajectory"]) if t.get("trajectory") else None,
            "year_from": t.get("year_from"), "year_to": t.get("year_to"), "unit": t.get("unit", "%"),
            "note": t.get("note", "")})


SAMPLE_SETTING = "sample"   # set to 1 in a sample workspace: the window shows a banner, its deadlines are not "late"


def is_sample(ws: Workspace) -> bool:
    """Whether *ws* was made from a sample (``cchc demo`` / “Mở dữ liệu mẫu”), not a real unit."""
    return ws.setting(SAMPLE_SETTING) in (1, "1", True)


def create(path, sample: str | Path | None = None) -> Path:
    """Make a sample workspace at *path* (which must not exist yet); *sample* is a shipped
    sample's name (default ``demo``) or the path of a sample file."""
    data = load_sample(sample)
    path = Path(path)
    ws = Workspace.create(path, **data["unit"])
    try:
        fill(ws, data)
        ws.set_setting(SAMPLE_SETTING, 1)
    except Exception:
        ws.close()
        path.unlink(missing_ok=True)
        raise
    ws.close()
    return path
