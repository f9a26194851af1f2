"""Periods: names, Decree 09/2019 windows and roll-up of quarters."""
import datetime as dt

import pytest

from cchc_desktop import periods, rollup
from cchc_desktop.store import WorkspaceError


def test_names_and_labels():
    assert periods.parse_code("2022-h1").code == "2022-H1"
    assert periods.parse_code("2022-H1").label == "6 tháng đầu năm 2022"
    assert periods.parse_code("2023-Q3").label == "Quý III năm 2023"
    assert periods.parse_code("2023-9M").label == "9 tháng năm 2023"
    assert periods.parse_code("2023-Y").label == "năm 2023"
    for bad in ("2022-H3", "22-H1", "2022H1", "", "2022-Q5"):
        with pytest.raises(periods.PeriodError):
            periods.parse_code(bad)


@pytest.mark.parametrize("kind,start,end", [
    ("Q1", dt.date(2021, 12, 15), dt.date(2022, 3, 14)),
    ("Q2", dt.date(2022, 3, 15), dt.date(2022, 6, 14)),
    ("Q4", dt.date(2022, 9, 15), dt.date(2022, 12, 14)),
    ("H1", dt.date(2021, 12, 15), dt.date(2022, 6, 14)),
    ("H2", dt.date(2022, 6, 15), dt.date(2022, 12, 14)),
    ("9M", dt.date(2021, 12, 15), dt.date(2022, 9, 14)),
    ("Y", dt.date(2021, 12, 15), dt.date(2022, 12, 14)),
])
def test_default_windows_follow_decree_09(kind, start, end):
    assert periods.default_window(kind, 2022) == (start, end)


def test_window_problems():
    assert periods.window_problems("H1", 2022, dt.date(2021, 12, 15), dt.date(2022, 6, 14)) == []
    reversed_ = periods.window_problems("H1", 2022, dt.date(2022, 6, 14), dt.date(2021, 12, 15))
    assert "sau ngày kết thúc" in reversed_[0]
    # Seed 004: a "9 tháng" report with data from 05/11/2022 to 01/9/2023 is too long.
    assert periods.window_problems("9M", 2023, dt.date(2022, 11, 5), dt.date(2023, 9, 1))


def test_rollup_of_quarters(ws):
    ws.add_period("2023-Q1")
    ws.add_period("2023-Q2")
    ws.add_period("2023-H1")
    ws.set_values("2023-Q1", [("dossier.received_direct", "100"), ("tthc.in_force", "130"),
                              ("dossier.carried_over", "3"), ("plan.tasks_done", "10")])
    ws.set_values("2023-Q2", [("dossier.received_direct", "1.200"), ("tthc.in_force", "136"),
                              ("dossier.carried_over", "7"), ("plan.tasks_done", "25")])
    cells = rollup.values(ws, "2023-H1")
    assert cells["dossier.received_direct"].value == 1300          # flow: sum
    assert cells["dossier.received_direct"].sources == ("2023-Q1", "2023-Q2")
    assert cells["tthc.in_force"].value == 136                    # stock: last
    assert cells["dossier.carried_over"].value == 3               # first
    assert cells["plan.tasks_done"].value == 25                   # cumulative: last
    assert cells["tthc.in_force"].source == rollup.ROLLUP
    # A value typed for H1 wins and the roll-up stays beside it.
    ws.set_value("2023-H1", "dossier.received_direct", "1.299")
    cell = rollup.values(ws, "2023-H1")["dossier.received_direct"]
    assert cell.value == 1299 and cell.typed
    assert cell.computed[rollup.ROLLUP] == 1300


def test_partial_quarters_roll_up_what_was_entered(ws):
    ws.add_period("2023-Q1")
    ws.add_period("2023-9M")
    ws.set_value("2023-Q1", "dossier.received_direct", "40")
    assert rollup.values(ws, "2023-9M")["dossier.received_direct"].value == 40


def test_period_add_refuses_duplicates_and_bad_windows(ws):
    ws.add_period("2022-H1", "15/12/2021", "14/06/2022", "341", "15/06/2022")
    with pytest.raises(WorkspaceError, match="đã có"):
        ws.add_period("2022-H1")
    with pytest.raises(WorkspaceError, match="ngày"):
        ws.add_period("2022-Q1", "32/01/2022")
    p = ws.period("2022-H1")
    assert p.report_number == "341" and p.report_date == dt.date(2022, 6, 15)
