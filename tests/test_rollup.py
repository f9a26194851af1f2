"""Roll-up of a longer period from its parts: stocks, flows, totals that hold the carried-over,
derived rates worked out again.  Every rolled-up period of consistent quarters checks clean and
equals a calculation written here independently of rollup.py."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_desktop import catalogue, periods, rollup, rules
from cchc_desktop.store import Workspace

# The issue's four quarters: carried over, direct, online (partial), resolved early + on time, pending.
QUARTERS = {
    "Q1": (3, 100, 200, 280, 10, 13),
    "Q2": (13, 110, 210, 300, 20, 13),
    "Q3": (13, 120, 220, 330, 13, 10),
    "Q4": (10, 130, 230, 360, 5, 5),
}


def quarter_values(carried, direct, online, early, on_time, pending):
    return {
        "dossier.carried_over": carried, "dossier.received_direct": direct,
        "dossier.received_online": online,      # typed without its partial / full split
        "dossier.received_total": carried + direct + online,
        "dossier.resolved_early": early, "dossier.resolved_on_time": on_time,
        "dossier.resolved_total": early + on_time, "dossier.pending": pending,
    }


def enter(ws, year, quarters, longer=("H1", "9M", "Y", "H2")):
    for q, figures in quarters.items():
        code = f"{year}-{q}"
        ws.add_period(code)
        ws.set_values(code, list(figures.items()))
    for kind in longer:
        ws.add_period(f"{year}-{kind}")


def errors(ws, code):
    return [f for f in rules.check(ws, code) if f.is_error]


def test_issue_example_year_received_is_first_carried_over_plus_the_years_receipts(ws):
    enter(ws, 2022, {q: quarter_values(*v) for q, v in QUARTERS.items()})
    for q in QUARTERS:
        assert errors(ws, f"2022-{q}") == []
    year = rollup.plain_values(ws, "2022-Y")
    assert year["dossier.carried_over"] == 3
    assert year["dossier.received_total"] == 1323            # 3 + 1.320, not the quarters' 1.359
    assert year["dossier.resolved_total"] == 1318
    assert year["dossier.pending"] == 5
    assert year["dossier.online_rate"] == pytest.approx(860 / 1320 * 100)   # 65,15 %
    assert round(year["dossier.online_rate"], 2) == 65.15
    assert errors(ws, "2022-Y") == []
    h1 = rollup.plain_values(ws, "2022-H1")
    assert (h1["dossier.carried_over"], h1["dossier.received_total"], h1["dossier.pending"]) == (3, 3 + 210 + 410, 13)
    nine = rollup.plain_values(ws, "2022-9M")
    assert (nine["dossier.received_total"], nine["dossier.resolved_total"], nine["dossier.pending"]) == (
        3 + 330 + 630, 290 + 320 + 343, 10)
    h2 = rollup.plain_values(ws, "2022-H2")
    assert (h2["dossier.carried_over"], h2["dossier.received_total"]) == (13, 13 + 250 + 450)
    for code in ("2022-H1", "2022-9M", "2022-H2"):
        assert errors(ws, code) == []
    cell = rollup.values(ws, "2022-Y")["dossier.received_total"]
    assert cell.source == rollup.ROLLUP and cell.sources == ("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4")
    assert rollup.values(ws, "2022-Y")["dossier.carried_over"].sources == ("2022-Q1",)


def test_year_carried_over_is_the_first_quarters_or_unknown(ws):
    quarters = {q: quarter_values(*v) for q, v in QUARTERS.items()}
    del quarters["Q1"]["dossier.carried_over"]
    enter(ws, 2022, quarters, longer=("Y",))
    year = rollup.values(ws, "2022-Y")
    assert "dossier.carried_over" not in year                # never Q2's 13
    assert "dossier.received_total" not in year              # Q1's receipts in its window are unknown
    assert "dossier.online_rate" not in year
    assert year["dossier.pending"].value == 5


def test_a_missing_part_leaves_the_rolled_up_figure_unknown(ws):
    quarters = {q: quarter_values(*v) for q, v in QUARTERS.items()}
    del quarters["Q4"]
    enter(ws, 2022, quarters, longer=("Y", "9M"))
    assert rollup.values(ws, "2022-Y") == {}                  # no Q4: no year, not three quarters' sum
    assert rollup.plain_values(ws, "2022-9M")["dossier.resolved_total"] == 953


def test_a_typed_aggregate_without_its_split_rolls_up(ws):
    for q, online in (("Q1", 40), ("Q2", 60)):
        ws.add_period(f"2022-{q}")
        ws.set_values(f"2022-{q}", [("dvc.online_dossiers", online), ("dvc.all_dossiers", 100)])
    ws.add_period("2022-H1")
    h1 = rollup.plain_values(ws, "2022-H1")
    assert h1["dvc.online_dossiers"] == 100 and h1["dvc.all_dossiers"] == 200
    assert h1["dvc.online_rate"] == 50


def test_yes_no_answers_roll_up_as_any_and_the_survey_form_not_at_all(ws):
    for q, held, method in (("Q1", 0, 0), ("Q2", 1, 1)):
        ws.add_period(f"2022-{q}")
        ws.set_values(f"2022-{q}", [("dialogue.held", held), ("survey.method", method)])
    ws.add_period("2022-H1")
    h1 = rollup.plain_values(ws, "2022-H1")
    assert h1["dialogue.held"] == 1
    assert "survey.method" not in h1


def test_cumulative_and_stock_at_end_take_the_last_part(ws):
    for q, done, staff in (("Q1", 3, 20), ("Q2", 8, 21)):
        ws.add_period(f"2022-{q}")
        ws.set_values(f"2022-{q}", [("plan.tasks_done", done), ("plan.tasks_planned", 20),
                                    ("staff.present", staff)])
    ws.add_period("2022-H1")
    h1 = rollup.plain_values(ws, "2022-H1")
    assert (h1["plan.tasks_done"], h1["staff.present"], h1["plan.completion_rate"]) == (8, 21, 40)


def test_months_roll_into_quarters_and_a_custom_period_into_nothing(ws):
    # rollup.py reads the parts periods.py gives; no quarter is written into it
    for m, (carried, direct, pending) in (("M07", (5, 10, 3)), ("M08", (3, 20, 4)), ("M09", (4, 30, 2))):
        ws.add_period(f"2025-{m}")
        ws.set_values(f"2025-{m}", [("dossier.carried_over", carried), ("dossier.received_direct", direct),
                                    ("dossier.received_total", carried + direct), ("dossier.pending", pending)])
    ws.add_period("2025-Q3")
    q3 = rollup.plain_values(ws, "2025-Q3")
    assert (q3["dossier.carried_over"], q3["dossier.received_total"], q3["dossier.pending"]) == (5, 65, 2)
    ws.add_period("2025-07-01..2025-09-30", title="từ ngày 01/7/2025 đến ngày 30/9/2025")
    custom = rollup.values(ws, "2025-07-01..2025-09-30")
    assert all(c.source != rollup.ROLLUP for c in custom.values()) and custom == {}
    assert periods.component_codes("2022-Y") == ("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4")


def test_every_indicator_has_a_rollup_that_fits_it():
    cat = catalogue.load()
    for ind in cat:
        assert ind.rollup in catalogue.ROLLUPS, ind.key
        if ind.derived and ind.rollup != "derived":
            assert ind.kind == "count", ind.key     # only a plain sum of counts keeps its parts' roll-up
        if ind.kind in ("percent", "ratio") and not ind.derived:
            # a rate typed without parts is a state at the end, cumulative, or not rolled up
            assert ind.rollup in ("last", "cumulative", "none"), ind.key
        if ind.kind == "code":
            assert ind.rollup in ("last", "any", "none"), ind.key
    assert cat["dossier.received_total"].rollup == "opening_plus_sum"
    assert cat["dossier.received_total"].opening == "dossier.carried_over"


def test_catalogue_refuses_a_rollup_that_cannot_hold():
    base = {"areas": [{"id": 1, "key": "a", "label": "A"}], "indicators": [
        {"key": "a.x", "label": "x", "kind": "count", "rollup": "sum", "area": 1},
        {"key": "a.y", "label": "y", "kind": "count", "rollup": "last", "area": 1}]}

    def load(extra):
        data = {**base, "indicators": base["indicators"] + [extra]}
        return catalogue.Catalogue(data)
    with pytest.raises(catalogue.CatalogueError):
        load({"key": "a.t", "label": "t", "kind": "count", "rollup": "opening_plus_sum", "area": 1})
    with pytest.raises(catalogue.CatalogueError):
        load({"key": "a.t", "label": "t", "kind": "count", "rollup": "sum", "area": 1, "formula": "a.x + a.y"})
    with pytest.raises(catalogue.CatalogueError):
        load({"key": "a.t", "label": "t", "kind": "code", "rollup": "any", "area": 1,
              "codes": [{"value": 1, "label": "Đúng"}, {"value": 2, "label": "Sai"}]})
    ok = load({"key": "a.t", "label": "t", "kind": "count", "rollup": "sum", "area": 1, "formula": "a.x + a.x"})
    assert ok["a.t"].rollup == "sum"


def test_derived_figures_are_worked_out_parts_first():
    cat = catalogue.load()
    # dvc.online_rate is built on two derived aggregates
    got = cat.compute_derived({"dvc.online_dossiers_partial": 95, "dvc.online_dossiers_full": 224,
                               "dvc.all_dossiers_partial": 95, "dvc.all_dossiers_full": 284})
    assert round(got["dvc.online_rate"], 1) == 84.2
    # a typed aggregate feeds the rate; its own computed alternative is still given
    got = cat.compute_derived({"dvc.online_dossiers": 7600, "dvc.all_dossiers": 8930})
    assert round(got["dvc.online_rate"], 2) == 85.11


# ---- property: random consistent quarters -------------------------------------------------

def _quarter(draw, carried):
    direct = draw(st.integers(0, 500))
    postal = draw(st.integers(0, 50))
    partial = draw(st.integers(0, 500))
    full = draw(st.integers(0, 500))
    received = carried + direct + postal + partial + full
    resolved = draw(st.integers(0, received))
    early = draw(st.integers(0, resolved))
    late = draw(st.integers(0, resolved - early))
    forms = draw(st.integers(0, resolved))
    return {
        "dossier.carried_over": carried, "dossier.received_direct": direct, "dossier.received_postal": postal,
        "dossier.received_online_partial": partial, "dossier.received_online_full": full,
        "dossier.received_total": received, "dossier.resolved_early": early,
        "dossier.resolved_on_time": resolved - early - late, "dossier.resolved_late": late,
        "dossier.resolved_total": resolved, "dossier.pending": received - resolved,
        "dossier.apologies": late + draw(st.integers(0, 3)),
        "digitization.received": received - carried,
        "survey.forms": forms, "survey.satisfied": draw(st.integers(0, forms)),
        "tthc.in_force": draw(st.integers(100, 140)), "staff.quota": 22,
        "staff.present": draw(st.integers(18, 22)), "inspection.rounds": draw(st.integers(0, 3)),
        "plan.tasks_planned": 30,
    }


@st.composite
def consistent_quarters(draw):
    carried = draw(st.integers(0, 30))
    out, done = {}, 0
    for q in ("Q1", "Q2", "Q3", "Q4"):
        figures = _quarter(draw, carried)
        done = draw(st.integers(done, 30))        # tasks done so far in the year never fall
        figures["plan.tasks_done"] = done
        out[q] = figures
        carried = figures["dossier.pending"]      # continuity: next quarter starts with what is pending
    return out


def independent(quarters: dict, parts: tuple) -> dict:
    """What a longer period must say, worked out here without rollup.py."""
    first, last = quarters[parts[0]], quarters[parts[-1]]
    flows = ("dossier.received_direct", "dossier.received_postal", "dossier.received_online_partial",
             "dossier.received_online_full", "dossier.resolved_early", "dossier.resolved_on_time",
             "dossier.resolved_late", "dossier.resolved_total", "dossier.apologies", "digitization.received",
             "survey.forms", "survey.satisfied", "inspection.rounds")
    out = {k: sum(quarters[q][k] for q in parts) for k in flows}
    out["dossier.carried_over"] = first["dossier.carried_over"]
    out["dossier.received_total"] = first["dossier.carried_over"] + sum(
        quarters[q][k] for q in parts for k in ("dossier.received_direct", "dossier.received_postal",
                                                "dossier.received_online_partial", "dossier.received_online_full"))
    for k in ("dossier.pending", "tthc.in_force", "staff.present", "staff.quota", "plan.tasks_done",
              "plan.tasks_planned"):
        out[k] = last[k]
    in_period = out["dossier.received_total"] - out["dossier.carried_over"]
    online = out["dossier.received_online_partial"] + out["dossier.received_online_full"]
    if in_period:
        out["dossier.online_rate"] = online * 100 / in_period
    if out["dossier.resolved_total"]:
        out["dossier.on_time_rate"] = (out["dossier.resolved_early"] + out["dossier.resolved_on_time"]) * 100 \
            / out["dossier.resolved_total"]
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quarters=consistent_quarters())
def test_rolled_up_periods_of_consistent_quarters_check_clean_and_are_right(tmp_path_factory, quarters):
    ws = Workspace.create(tmp_path_factory.mktemp("p") / "ws.cchc", name="UBND xã Thử", parent="UBND huyện Mẫu",
                          place="Thử")
    try:
        enter(ws, 2022, quarters)
        for q in quarters:
            assert errors(ws, f"2022-{q}") == [], q
        for kind, parts in (("H1", ("Q1", "Q2")), ("9M", ("Q1", "Q2", "Q3")), ("Y", ("Q1", "Q2", "Q3", "Q4")),
                            ("H2", ("Q3", "Q4"))):
            code = f"2022-{kind}"
            got = rollup.plain_values(ws, code)
            for key, want in independent(quarters, parts).items():
                assert got.get(key) == pytest.approx(want), (code, key)
            assert errors(ws, code) == [], code
    finally:
        ws.close()


def test_consolidated_quarters_roll_up_as_the_units_do(tmp_path):
    # The upper office sums units within a period; a year it rolls up from the summed quarters
    # with the same code, and that equals the sum of the units' own years.
    import datetime as dt

    from cchc_desktop import backup, consolidation
    files, years = [], []
    for n, scale in ((1, 1), (2, 2)):
        with Workspace.create(tmp_path / f"u{n}.cchc", name=f"UBND xã Số {n}", parent="UBND huyện Thử",
                              place=f"Xã {n}") as unit:
            enter(unit, 2022, {q: quarter_values(*(x * scale for x in v)) for q, v in QUARTERS.items()},
                  longer=("Y",))
            years.append(rollup.plain_values(unit, "2022-Y"))
            files.append(backup.make_backup(unit, tmp_path / "out", made_at=dt.datetime(2023, 1, 5, 8, n)))
    with consolidation.create(tmp_path / "c.cchc", "UBND huyện Thử") as cws:
        consolidation.import_files(cws, files)
        for q in QUARTERS:
            assert cws.find_period(f"2022-{q}") is not None
        got = rollup.plain_values(cws, "2022-Y")
    for key in ("dossier.carried_over", "dossier.received_total", "dossier.resolved_total", "dossier.pending"):
        assert got[key] == sum(y[key] for y in years), key
    assert got["dossier.received_total"] == 3 * 1323
    assert round(got["dossier.online_rate"], 2) == 65.15


def test_a_typed_aggregate_of_a_longer_period_is_checked_against_its_quarters(ws):
    for q, online in (("Q1", 40), ("Q2", 60)):
        ws.add_period(f"2022-{q}")
        ws.set_values(f"2022-{q}", [("dvc.online_dossiers", online)])
    ws.add_period("2022-H1")
    ws.set_values("2022-H1", [("dvc.online_dossiers", 100)])
    assert [f for f in rules.check(ws, "2022-H1") if f.rule.startswith("same.typed_vs_computed")] == []
    ws.set_values("2022-H1", [("dvc.online_dossiers", 120)])
    [f] = [f for f in rules.check(ws, "2022-H1") if f.rule.startswith("same.typed_vs_computed")]
    assert f.is_error and "120" in f.message and "100" in f.message


def test_the_source_of_a_rolled_up_figure_says_how_it_was_made(ws):
    enter(ws, 2022, {q: quarter_values(*v) for q, v in QUARTERS.items()}, longer=("Y",))
    cells, cat = rollup.values(ws, "2022-Y"), ws.catalogue
    assert rollup.source_text(cells["dossier.carried_over"], cat) == "đầu kỳ, lấy từ Quý I"
    assert rollup.source_text(cells["dossier.pending"], cat) == "cuối kỳ, lấy từ Quý IV"
    assert rollup.source_text(cells["dossier.resolved_total"], cat) == "cộng dồn từ Quý I đến Quý IV"
    assert rollup.source_text(cells["dossier.received_total"], cat) == \
        "chuyển sang đầu Quý I + tiếp nhận từ Quý I đến Quý IV"
    assert rollup.source_text(cells["dossier.online_rate"], cat) == "tính từ các thành phần"


@st.composite
def quarters_with_gaps(draw):
    """Consistent quarters where the officer left some figures blank."""
    quarters = draw(consistent_quarters())
    keys = ("dossier.carried_over", "dossier.received_total", "dossier.resolved_total", "dossier.pending",
            "survey.forms", "staff.present")
    for q in quarters.values():
        for key in draw(st.sets(st.sampled_from(keys), max_size=2)):
            del q[key]
    return quarters


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quarters=quarters_with_gaps())
def test_a_blank_part_leaves_the_rolled_up_figure_unknown_never_partial(tmp_path_factory, quarters):
    ws = Workspace.create(tmp_path_factory.mktemp("g") / "ws.cchc", name="UBND xã Thử", parent="UBND huyện Mẫu",
                          place="Thử")
    try:
        enter(ws, 2022, quarters, longer=("Y", "H2"))
        for kind, parts in (("Y", ("Q1", "Q2", "Q3", "Q4")), ("H2", ("Q3", "Q4"))):
            got = rollup.plain_values(ws, f"2022-{kind}")
            series = {k: [quarters[q].get(k) for q in parts] for k in
                      ("dossier.carried_over", "dossier.received_total", "dossier.resolved_total",
                       "dossier.pending", "survey.forms", "staff.present")}
            want = {
                "dossier.carried_over": series["dossier.carried_over"][0],
                "dossier.pending": series["dossier.pending"][-1],
                "staff.present": series["staff.present"][-1],
                "survey.forms": None if None in series["survey.forms"] else sum(series["survey.forms"]),
                "dossier.resolved_total": None if None in series["dossier.resolved_total"]
                else sum(series["dossier.resolved_total"]),
            }
            totals, opening = series["dossier.received_total"], series["dossier.carried_over"]
            want["dossier.received_total"] = None if None in totals or None in opening else \
                opening[0] + sum(t - o for t, o in zip(totals, opening))
            for key, value in want.items():
                assert got.get(key) == value, (kind, key)
    finally:
        ws.close()


def test_a_typed_longer_period_is_told_how_its_parts_make_the_figure(ws):
    enter(ws, 2022, {q: quarter_values(*v) for q, v in QUARTERS.items()}, longer=("H1",))
    ws.set_values("2022-H1", [("dossier.carried_over", 13), ("dossier.received_total", 636)])
    found = {f.keys[0]: f for f in rules.check(ws, "2022-H1") if f.rule.startswith("same.typed_vs_computed")}
    assert found["dossier.carried_over"].message == (
        "Số hồ sơ kỳ trước chuyển sang: nhập 13 nhưng số đầu kỳ, lấy từ Quý I là 3.")
    assert "nhập 636 nhưng số chuyển sang đầu Quý I + tiếp nhận từ Quý I, Quý II là 623" in \
        found["dossier.received_total"].message
    assert all(f.is_error for f in found.values())
