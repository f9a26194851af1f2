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
    assert periods.window_problems("2022-H1", dt.date(2021, 12, 15), dt.date(2022, 6, 14)) == []
    reversed_ = periods.window_problems("2022-H1", dt.date(2022, 6, 14), dt.date(2021, 12, 15))
    assert "sau ngày kết thúc" in reversed_[0]
    # Seed 004: a "9 tháng" report with data from 05/11/2022 to 01/9/2023 is too long.
    assert periods.window_problems("2023-9M", dt.date(2022, 11, 5), dt.date(2023, 9, 1))


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


def test_partial_quarters_give_no_rolled_up_figure(ws):
    # 9 months from Q1 alone would print one quarter's receipts as nine months' (see test_rollup.py)
    ws.add_period("2023-Q1")
    ws.add_period("2023-9M")
    ws.set_value("2023-Q1", "dossier.received_direct", "40")
    assert "dossier.received_direct" not in rollup.values(ws, "2023-9M")


def test_period_add_refuses_duplicates_and_bad_windows(ws):
    ws.add_period("2022-H1", "15/12/2021", "14/06/2022", "341", "15/06/2022")
    with pytest.raises(WorkspaceError, match="đã có"):
        ws.add_period("2022-H1")
    with pytest.raises(WorkspaceError, match="ngày"):
        ws.add_period("2022-Q1", "32/01/2022")
    p = ws.period("2022-H1")
    assert p.report_number == "341" and p.report_date == dt.date(2022, 6, 15)


# ---- canonical codes, months and custom periods -------------------------------------------

@pytest.mark.parametrize("typed,stored", [
    ("2022-h1", "2022-H1"), (" 2022-H1 ", "2022-H1"), ("2023-9m", "2023-9M"), ("2022-y", "2022-Y"),
    ("2025-m7", "2025-M07"), ("2025-M07", "2025-M07"), ("2025-m12", "2025-M12"),
    ("2025-07-01..2025-10-31", "2025-07-01..2025-10-31"),
    (" 01/07/2025 .. 31/10/2025 ", "2025-07-01..2025-10-31"),
    ("1/7/2025…31/10/2025", "2025-07-01..2025-10-31"),
])
def test_canonical_codes(typed, stored):
    assert periods.canonical(typed) == stored
    assert periods.canonical(stored) == stored


@pytest.mark.parametrize("bad", ["2025-M13", "2025-M00", "2025-M", "2025-10-31..2025-07-01",
                                 "2025-07-01..", "2025-02-30..2025-03-01", "2020-01-01..2025-01-01", None, 2022,
                                 ["2022-H1"], {"code": "2022-H1"}, b"2022-H1"])
def test_bad_codes_are_refused_in_vietnamese(bad):
    with pytest.raises(periods.PeriodError) as err:
        periods.canonical(bad)
    assert any(word in str(err.value) for word in ("không hợp lệ", "sau ngày", "ngày", "hai năm"))


def test_monthly_and_custom_names():
    m = periods.parse_code("2025-M07")
    assert (m.year, m.kind, m.label, m.short_label) == (2025, "M07", "tháng 7 năm 2025", "Tháng 7")
    assert periods.default_window("M07", 2025) == (dt.date(2025, 6, 15), dt.date(2025, 7, 14))
    assert periods.default_window("M01", 2026) == (dt.date(2025, 12, 15), dt.date(2026, 1, 14))
    c = periods.parse_code("2025-07-01..2025-10-31")
    assert c.custom and c.year == 2025 and c.code == "2025-07-01..2025-10-31"
    assert c.label == "từ ngày 01/7/2025 đến ngày 31/10/2025"
    assert periods.custom_title(dt.date(2025, 1, 5), dt.date(2025, 2, 9)) == "từ ngày 05/01/2025 đến ngày 09/02/2025"
    assert periods.window(c) == (dt.date(2025, 7, 1), dt.date(2025, 10, 31))
    assert periods.previous(c) is None and periods.components("C") == ()
    assert periods.previous(m).code == "2025-M06" and periods.previous(periods.parse_code("2025-M01")).code == "2024-M12"
    assert periods.following(periods.parse_code("2025-M12")).code == "2026-M01"
    assert periods.following(periods.parse_code("2022-9M")).code == "2022-Q4"


def test_sort_order_puts_months_before_their_quarter():
    codes = ["2025-Y", "2025-07-01..2025-10-31", "2025-Q3", "2025-M08", "2025-9M", "2025-M07",
             "2025-H1", "2025-Q2", "2025-M09", "2025-M10", "2024-M12"]
    assert sorted(codes, key=periods.sort_key) == [
        "2024-M12", "2025-Q2", "2025-H1", "2025-M07", "2025-M08", "2025-M09", "2025-Q3", "2025-9M",
        "2025-M10", "2025-07-01..2025-10-31", "2025-Y"]


def test_rollup_parts_months_only_when_all_three_exist():
    assert periods.components("Q3") == ("M07", "M08", "M09")
    assert periods.rollup_parts("2025-Q3", ["2025-M07", "2025-M08"]) == ()
    assert periods.rollup_parts("2025-Q3", ["2025-m07", "2025-M08", "2025-M09"]) == ("2025-M07", "2025-M08", "2025-M09")
    # a half-year takes a quarter that was added, else the quarter's three months
    have = ["2025-Q3", "2025-M07", "2025-M08", "2025-M09", "2025-M10", "2025-M11", "2025-M12"]
    assert periods.rollup_parts("2025-H2", have) == ("2025-Q3", "2025-M10", "2025-M11", "2025-M12")
    assert periods.covers("2025-H2", ("2025-Q3", "2025-M10", "2025-M11", "2025-M12"))
    assert not periods.covers("2025-H2", ("2025-Q3", "2025-M10"))
    # a custom period is never rolled into another, nor rolled up from anything
    assert periods.rollup_parts("2025-Y", ["2025-07-01..2025-10-31"]) == ()
    assert periods.rollup_parts("2025-07-01..2025-10-31", ["2025-M07", "2025-M08"]) == ()
    assert periods.rollup_parts("2025-M07", ["2025-M07"]) == ()


def test_quarter_rolls_up_from_its_months(ws):
    for code in ("2025-M07", "2025-M08", "2025-Q3", "2025-07-01..2025-09-14"):
        ws.add_period(code)
    ws.set_values("2025-M07", [("dossier.received_direct", "10"), ("dossier.carried_over", "2"), ("dossier.pending", "4")])
    ws.set_values("2025-M08", [("dossier.received_direct", "20"), ("dossier.carried_over", "4"), ("dossier.pending", "5")])
    ws.set_values("2025-07-01..2025-09-14", [("dossier.received_direct", "99")])
    # two of three months: no roll-up (a partial sum would pass for the quarter's figure)
    assert "dossier.received_direct" not in rollup.values(ws, "2025-Q3")
    ws.add_period("2025-M09")
    ws.set_values("2025-M09", [("dossier.received_direct", "30"), ("dossier.carried_over", "5"), ("dossier.pending", "1")])
    cells = rollup.values(ws, "2025-Q3")
    assert cells["dossier.received_direct"].value == 60          # the custom period's 99 is not in it
    assert cells["dossier.received_direct"].sources == ("2025-M07", "2025-M08", "2025-M09")
    assert cells["dossier.carried_over"].value == 2 and cells["dossier.pending"].value == 1
    # the custom period stands alone
    assert rollup.values(ws, "2025-07-01..2025-09-14")["dossier.received_direct"].value == 99


# ---- exact data windows (issue 10 §2) -------------------------------------------------------

def test_a_window_differing_from_decree_09_names_both_windows_and_the_days():
    [text] = periods.window_problems("2023-9M", dt.date(2022, 11, 15), dt.date(2023, 9, 14))
    assert "15/11/2022 – 14/09/2023" in text and "15/12/2022 – 14/09/2023" in text
    assert "bắt đầu sớm hơn 30 ngày" in text and "Nghị định 09/2019" in text
    [text] = periods.window_problems("2023-Q2", dt.date(2023, 2, 15), dt.date(2023, 6, 14))
    assert "15/03/2023 – 14/06/2023" in text and "28 ngày" in text
    # one day off is a finding too
    [text] = periods.window_problems("2023-Q2", dt.date(2023, 3, 15), dt.date(2023, 6, 13))
    assert "kết thúc sớm hơn 1 ngày" in text


def test_calendar_windows_are_held_exactly():
    unit = {"calendar_windows": 1}
    assert periods.window("2025-H1", unit) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert periods.window("2024-Q1", unit) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert periods.window("2024-M02", unit) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert periods.window_problems("2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30), unit) == []
    [text] = periods.window_problems("2025-H1", dt.date(2024, 12, 15), dt.date(2025, 6, 14), unit)
    assert "01/01/2025 – 30/06/2025" in text and "tháng dương lịch" in text


def test_a_unit_established_later_starts_its_windows_that_day():
    unit = {"established": "2025-07-01"}
    assert periods.window("2025-Q3", unit) == (dt.date(2025, 7, 1), dt.date(2025, 9, 14))
    assert periods.window("2025-H2", unit) == (dt.date(2025, 7, 1), dt.date(2025, 12, 14))
    assert periods.window("2025-Q4", unit) == (dt.date(2025, 9, 15), dt.date(2025, 12, 14))
    assert periods.window_problems("2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 14), unit) == []
    # the Decree window would start before the unit existed
    problems = periods.window_problems("2025-Q3", dt.date(2025, 6, 15), dt.date(2025, 9, 14), unit)
    assert "trước ngày đơn vị được thành lập (01/07/2025)" in problems[0]
    assert periods.window_problems("2025-Q1", dt.date(2024, 12, 15), dt.date(2025, 3, 14), unit)
    # a custom period starting that day is right
    assert periods.window_problems("2025-07-01..2025-10-31", dt.date(2025, 7, 1), dt.date(2025, 10, 31), unit) == []


def test_a_custom_period_is_checked_against_its_own_window_only():
    code = "2025-07-01..2025-10-31"
    assert periods.window_problems(code, dt.date(2025, 7, 1), dt.date(2025, 10, 31)) == []
    [text] = periods.window_problems(code, dt.date(2025, 7, 1), dt.date(2025, 10, 30))
    assert "ghi trong tên kỳ" in text and "1 ngày" in text


def test_a_report_dated_before_its_window_ends():
    # seed 002: dated 05/09/2022, data to 14/09/2022
    text = periods.report_date_problem(dt.date(2022, 9, 14), dt.date(2022, 9, 5))
    assert "05/09/2022" in text and "14/09/2022" in text and "9 ngày" in text
    assert periods.report_date_problem(dt.date(2022, 9, 14), dt.date(2022, 9, 14)) is None
    assert periods.report_date_problem(dt.date(2022, 9, 14), None) is None


@pytest.mark.parametrize("today,code", [
    (dt.date(2026, 12, 2), "2026-Q4"),      # December: the year's last quarter, not next year's Q1
    (dt.date(2026, 12, 20), "2026-Q4"),     # its window has just closed: the report is due
    (dt.date(2027, 1, 5), "2026-Q4"),
    (dt.date(2027, 1, 20), "2027-Q1"),
    (dt.date(2026, 6, 16), "2026-Q2"),
    (dt.date(2026, 5, 1), "2026-Q2"),
])
def test_proposed_period_follows_the_date(today, code):
    assert periods.proposed(today).code == code


def test_proposed_monthly_and_yearly():
    assert periods.proposed(dt.date(2026, 12, 20), kinds=("Y",)).code == "2026-Y"
    assert periods.proposed(dt.date(2025, 8, 3), kinds=periods.MONTHS).code == "2025-M07"
    assert periods.proposed(dt.date(2025, 8, 20), kinds=periods.MONTHS).code == "2025-M08"


# ---- periods in the workspace ---------------------------------------------------------------

def test_workspace_stores_canonical_codes_and_custom_titles(ws):
    p = ws.add_period(" 2022-h1")
    assert p.code == "2022-H1" and ws.period("2022-h1").id == p.id
    with pytest.raises(WorkspaceError, match="đã có"):
        ws.add_period("2022-H1 ")
    c = ws.add_period("01/07/2025..31/10/2025", title="từ ngày 01/7/2025 đến ngày 31/10/2025 (báo cáo chuyên đề)",
                      deadline="05/11/2025")
    assert c.code == "2025-07-01..2025-10-31" and c.kind == "C" and c.year == 2025
    assert (c.window_from, c.window_to) == (dt.date(2025, 7, 1), dt.date(2025, 10, 31))
    assert c.label == "từ ngày 01/7/2025 đến ngày 31/10/2025 (báo cáo chuyên đề)"
    assert c.due() == dt.date(2025, 11, 5)
    assert ws.period("2025-07-01..2025-10-31").title.endswith("(báo cáo chuyên đề)")
    # a custom period's window is its name
    with pytest.raises(WorkspaceError, match="thêm một kỳ mới"):
        ws.update_period(c.code, window_to="2025-10-30")
    with pytest.raises(WorkspaceError, match="không ghi thời gian khác"):
        ws.add_period("2025-08-01..2025-08-31", "2025-08-02")
    m = ws.add_period("2025-m7")
    assert m.code == "2025-M07" and m.label == "tháng 7 năm 2025" and m.due() == dt.date(2025, 7, 15)
    assert [q.code for q in ws.periods()] == ["2022-H1", "2025-M07", "2025-07-01..2025-10-31"]


def test_new_unit_windows_follow_its_profile(ws):
    ws.update_unit(established="01/07/2025")
    assert ws.add_period("2025-Q3").window_from == dt.date(2025, 7, 1)
    ws.update_unit(calendar_windows=True)
    p = ws.add_period("2025-H2")
    assert (p.window_from, p.window_to) == (dt.date(2025, 7, 1), dt.date(2025, 12, 31))


def test_a_received_window_from_the_merger_day_is_right_when_the_profile_is_unknown():
    # the upper office does not hold the unit's profile: a new ward's Q3 from 01/07/2025 is no finding
    assert periods.window_problems("2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 14)) == []
    assert periods.window_problems("2025-Q3", dt.date(2025, 7, 2), dt.date(2025, 9, 14))
    # a unit known to be older is held to the Decree window
    assert periods.window_problems("2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 14), {"established": None})
