"""The sample workspace: UBND phường 2, thị xã Quảng Trị, with the figures of the seeds.

Everything comes from ``resources/sample/demo.json`` (unit profile, periods with their
figures and detail rows, the documents register, plans with their targets, plan tasks),
so the sample can grow without code.
"""
from __future__ import annotations

import json
from pathlib import Path

from .paths import resource
from .store import Workspace, WorkspaceError


def load_sample(path: Path | None = None) -> dict:
    with open(path or resource("sample", "demo.json"), encoding="utf-8") as fh:
        return json.load(fh)


def fill(ws: Workspace, data: dict):
    """Write a sample description (as in demo.json) into an open workspace."""
    with ws.operation("Dữ liệu mẫu", undoable=False):
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
            ws.add_period(p["code"], p.get("from"), p.get("to"), p.get("number"), p.get("date"))
            items = [(k, v, (p.get("notes") or {}).get(k)) for k, v in p.get("values", {}).items()]
            if items:
                ws.set_values(p["code"], items)
            for table, rows in p.get("detail", {}).items():
                for row in rows:
                    ws.save_detail_row(p["code"], table, row["label"], row["data"])
            for section, body in p.get("sections", {}).items():
                ws.change_row("report_sections", {"period_id": ws.period(p["code"]).id, "section": section},
                              {"period_id": ws.period(p["code"]).id, "section": section, "body": body})


def fill_plan(ws: Workspace, plan: dict):
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


def create(path) -> Path:
    """Make the sample workspace at *path* (which must not exist yet)."""
    data = load_sample()
    path = Path(path)
    ws = Workspace.create(path, **data["unit"])
    try:
        fill(ws, data)
    except Exception:
        ws.close()
        path.unlink(missing_ok=True)
        raise
    ws.close()
    return path
