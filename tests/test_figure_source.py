"""The figure-source protocol: both the workspace and a unit's received figures answer it."""
import inspect

from cchc_desktop import received, rollup, rules
from cchc_desktop.figure_source import FigureSource
from cchc_desktop.store import Workspace


def _methods(cls) -> set[str]:
    own = vars(cls) if cls is FigureSource else {n: getattr(cls, n) for n in dir(cls)}   # mixins count
    return {n for n, v in own.items() if callable(v) and not n.startswith("_")}


def test_the_workspace_and_a_received_unit_answer_the_same_questions(demo_ws):
    asked = _methods(FigureSource)
    assert asked <= _methods(Workspace)
    assert asked <= _methods(received.ReceivedUnit)
    # each answer takes the same arguments on both sides
    for name in asked:
        want = list(inspect.signature(getattr(FigureSource, name)).parameters)
        for cls in (Workspace, received.ReceivedUnit):
            assert list(inspect.signature(getattr(cls, name)).parameters)[:len(want)] == want, (cls, name)
    assert isinstance(demo_ws, FigureSource)


def test_a_received_unit_is_checked_as_the_workspace_is(demo_ws):
    """The same figures give the same errors whether the unit's workspace or its received
    figures are checked (the window check included, with no profile known)."""
    code = "2022-H1"
    demo_ws.set_value(code, "dossier.received_total", 9999)   # no longer the sum of its parts
    figures = rollup.plain_values(demo_ws, code)
    p = demo_ws.period(code)
    unit = received.ReceivedUnit(demo_ws.catalogue, {}, [received.ReceivedPeriod(
        code, figures, window=(p.window_from.isoformat(), p.window_to.isoformat()))])
    assert isinstance(unit, FigureSource) and unit.unit() is None
    rule_set = rules.rules_for(demo_ws)   # the receiving office passes its own rules
    own = {f.rule for f in rules.check(demo_ws, code, rule_set=rule_set) if f.severity == rules.ERROR}
    got = {f.rule for f in rules.check(unit, code, rule_set=rule_set) if f.severity == rules.ERROR}
    assert "balance.dossiers" in own
    assert own <= got
