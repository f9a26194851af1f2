"""The upper office checks a unit's data windows as the unit's own program does: its file
carries the profile the windows depend on (calendar windows, a merged unit's start date)."""
from __future__ import annotations

from cchc_desktop import backup, consolidation
from cchc_desktop.store import Workspace


def _unit(tmp_path, name, code, **profile) -> Workspace:
    ws = Workspace.create(tmp_path / f"{code}.cchc", name=name, parent="UBND tỉnh Quảng Trị", place=name[9:])
    ws.update_unit(code=code, **profile)
    return ws


def _at_the_province(tmp_path, ws: Workspace):
    """Send the unit's 2025-Q1 up and receive it in a province's consolidation workspace;
    the received period's row (findings, errors, the profile kept with its file)."""
    ws.set_values("2025-Q1", [("inspection.rounds", 1)])
    made = backup.make_backup(ws, tmp_path / "gui")
    ws.close()
    office_path = tmp_path / "tinh.cchc"
    consolidation.create(office_path, "UBND tỉnh Quảng Trị").close()
    with Workspace.open(office_path) as office:
        consolidation.import_files(office, [made])
        [row] = office.conn.execute(
            "SELECT findings, errors, calendar_windows FROM received_periods rp "
            "JOIN received_files rf ON rf.id = rp.file_id").fetchall()
    return row


def test_a_calendar_window_unit_checks_clean_at_the_province(tmp_path):
    ws = _unit(tmp_path, "UBND phường Đông Lương", "19171", calendar_windows=1)
    ws.add_period("2025-Q1")                                   # 01/01/2025 – 31/03/2025 for this unit
    p = ws.period("2025-Q1")
    assert (p.window_from.isoformat(), p.window_to.isoformat()) == ("2025-01-01", "2025-03-31")
    row = _at_the_province(tmp_path, ws)
    assert (row["errors"], row["calendar_windows"]) == (0, 1)
    assert "window" not in row["findings"]


def test_a_wrong_window_is_still_caught_at_the_province(tmp_path):
    """The profile travels, the check does not go away: the same unit on Decree windows,
    sending a calendar window, is told so at the upper office as in its own window."""
    ws = _unit(tmp_path, "UBND phường Đông Giang", "19172")
    ws.add_period("2025-Q1", window_from="2025-01-01", window_to="2025-03-31")
    row = _at_the_province(tmp_path, ws)
    assert row["errors"] == 1 and "window" in row["findings"] and row["calendar_windows"] == 0
