"""The entry form shows and edits a figure with the decimals typed ("85,10" stays 85,10)."""
from __future__ import annotations


def test_the_entry_form_shows_and_edits_the_decimals_typed(qtbot, window_for, ws):
    from cchc_desktop.gui.area_form import VALUE
    from gui_helpers import type_value
    ws.add_period("2023-H1")
    w = window_for(ws)
    w.show_page("area1")
    form = w.area_form(1)
    type_value(qtbot, form, "survey.satisfaction_rate", "85,10")
    row = form.model.row_of("survey.satisfaction_rate")
    assert form.model.data(form.model.index(row, VALUE)) == "85,10"
    assert form.model.edit_text(form.model.index(row, VALUE)) == "85,10"
    assert ws.audit("2023-H1", "survey.satisfaction_rate")[0]["new"] == "85,10"
