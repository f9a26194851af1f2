"""Plans, targets and the annual plan's tasks: stored, checked, undoable."""
import datetime as dt

import pytest

from cchc_desktop import plans, rollup
from cchc_desktop.store import WorkspaceError


def test_plan_and_targets_roundtrip_with_undo(ws):
    pid = plans.save_plan(ws, "1069/QĐ-UBND", "31/12/2021", "UBND phường 2", "Kế hoạch CCHC", 2021, 2025)
    tid = plans.save_target(ws, pid, "Số hóa kết quả", "digitization.results_rate", ">=",
                            trajectory="2022: 15; 2023: 35; 2024: 55; 2025: 100")
    [p] = plans.plans(ws)
    assert p["number"] == "1069/QĐ-UBND" and p["issued_on"] == "2021-12-31" and p["year_to"] == 2025
    [t] = p["targets"]
    assert t["id"] == tid and t["trajectory"] == {2022: 15, 2023: 35, 2024: 55, 2025: 100}
    plans.save_target(ws, pid, "Số hóa kết quả", "digitization.results_rate", ">=", value=20, target_id=tid)
    assert plans.plans(ws)[0]["targets"][0]["value"] == 20
    ws.undo()
    assert plans.plans(ws)[0]["targets"][0]["value"] is None
    plans.delete_plan(ws, pid)
    assert plans.plans(ws) == []
    ws.undo()
    assert len(plans.plans(ws)[0]["targets"]) == 1
    assert any(a["entity"] == "target" for a in ws.audit())


def test_trajectory_helper():
    assert plans.trajectory(2022, 15, 20, 2025, 100) == {2022: 15, 2023: 35, 2024: 55, 2025: 100}


@pytest.mark.parametrize("kwargs", [
    dict(label="", expr="dossier.online_rate", value=50),
    dict(label="x", expr="no.such", value=50),
    dict(label="x", expr="dossier.online_rate", value=None),
    dict(label="x", expr="dossier.online_rate", value="năm mươi"),
    dict(label="x", expr="dossier.online_rate", op="!=", value=50),
    dict(label="x", expr="dossier.online_rate", trajectory="2022 15"),
    dict(label="x", expr="open('x')", value=5),
])
def test_bad_targets_refused(ws, kwargs):
    pid = plans.save_plan(ws, "1/KH-UBND")
    with pytest.raises(WorkspaceError):
        plans.save_target(ws, pid, **kwargs)
    assert plans.plans(ws)[0]["targets"] == []


def test_bad_plan_refused(ws):
    with pytest.raises(WorkspaceError):
        plans.save_plan(ws, "")
    with pytest.raises(WorkspaceError):
        plans.save_plan(ws, "1/KH", year_from=2025, year_to=2021)
    with pytest.raises(WorkspaceError):
        plans.save_plan(ws, "1/KH", issued_on="31/02/2021")
    assert plans.plans(ws) == []


def test_tasks_feed_counts_and_overdue(ws):
    ws.add_period("2023-H1")
    plans.save_task(ws, 2023, content="Ban hành kế hoạch CCHC năm", area=1, deadline="Tháng 1",
                    status="Hoàn thành", percent_done=100)
    plans.save_task(ws, 2023, content="Rà soát TTHC", area=3, deadline="Quý II", status="Đang thực hiện",
                    percent_done=50)
    plans.save_task(ws, 2023, content="Tuyên truyền CCHC", area=1, deadline="Thường xuyên")
    values = rollup.values(ws, "2023-H1")
    assert values["plan.tasks_planned"].value == 3 and values["plan.tasks_done"].value == 1
    late = plans.overdue_tasks(ws, 2023, today=dt.date(2023, 7, 1))
    assert [t["content"] for t in late] == ["Rà soát TTHC"]
    assert plans.overdue_tasks(ws, 2023, today=dt.date(2023, 6, 30)) == []


@pytest.mark.parametrize("text,end", [
    ("Tháng 3", dt.date(2023, 3, 31)), ("Quý II", dt.date(2023, 6, 30)), ("Quý IV/2023", dt.date(2023, 12, 31)),
    ("Năm 2023", dt.date(2023, 12, 31)), ("Thường xuyên", None), ("15/8/2023", dt.date(2023, 8, 15)),
    ("Tháng 02/2024", dt.date(2024, 2, 29)), ("Hằng năm", None),
])
def test_deadlines(text, end):
    assert plans.deadline_end(text, 2023) == end


def test_bad_task_refused(ws):
    with pytest.raises(WorkspaceError):
        plans.save_task(ws, 2023, content="")
    with pytest.raises(WorkspaceError):
        plans.save_task(ws, 2023, content="x", area=9)
    with pytest.raises(WorkspaceError):
        plans.save_task(ws, 2023, content="x", percent_done="120")
    assert ws.plan_tasks(2023) == []
