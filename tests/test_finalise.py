"""Chốt số liệu: refused while errors remain, warnings confirmed one by one, who and when recorded."""
import pytest

from cchc_desktop import finalise, rules
from cchc_desktop.store import PeriodLocked, WorkspaceError


@pytest.fixture
def q3(ws):
    ws.add_period("2022-Q3")
    ws.set_values("2022-Q3", [("dossier.received_total", 541), ("dossier.resolved_total", 541),
                              ("dossier.pending", 0), ("staff.quota", 20), ("staff.present", 20)])
    return ws


def test_refused_while_errors_remain(q3):
    q3.set_value("2022-Q3", "dossier.pending", 5)
    with pytest.raises(finalise.FinaliseRefused) as err:
        finalise.finalise(q3, "2022-Q3")
    assert err.value.errors and "lỗi" in str(err.value)
    assert q3.period("2022-Q3").status == "draft"


def test_warnings_must_be_confirmed_each(q3):
    q3.set_values("2022-Q3", [("staff.present", 22), ("dossier.resolved_late", 2), ("dossier.apologies", 0),
                              ("dossier.resolved_early", 539), ("dossier.resolved_on_time", 0)])
    warnings = [f for f in rules.check(q3, "2022-Q3") if f.severity == "warning"]
    assert len(warnings) == 2
    with pytest.raises(finalise.FinaliseRefused) as err:
        finalise.finalise(q3, "2022-Q3", confirmed_warnings=warnings[:1])
    assert len(err.value.warnings) == 1 and not err.value.errors
    assert q3.period("2022-Q3").status == "draft"
    period = finalise.finalise(q3, "2022-Q3", confirmed_warnings=warnings)
    assert period.status == "final" and period.finalised_by == q3.user and period.finalised_at
    kept = rules.acknowledgements(q3, "2022-Q3")
    assert set(kept) == {w.ident for w in warnings}
    with pytest.raises(PeriodLocked):
        q3.set_value("2022-Q3", "staff.present", 20)


def test_acknowledged_warning_needs_no_confirmation(q3):
    q3.set_value("2022-Q3", "staff.present", 22)
    [w] = [f for f in rules.check(q3, "2022-Q3") if f.severity == "warning"]
    rules.acknowledge(q3, "2022-Q3", w, "Có quyết định tăng biên chế đang chờ")
    assert finalise.finalise(q3, "2022-Q3").status == "final"
    assert rules.acknowledgements(q3, "2022-Q3")[w.ident] == "Có quyết định tăng biên chế đang chờ"


def test_clean_period_finalises_and_audit_records_it(q3):
    finalise.finalise(q3, "2022-Q3")
    assert any(a["action"] == "finalise" for a in q3.audit("2022-Q3"))
    with pytest.raises(WorkspaceError):
        finalise.finalise(q3, "2022-Q3")
