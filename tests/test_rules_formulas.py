"""The checks' compiled formulas give exactly what Formula.evaluate gives, on every formula
of the catalogue and the shipped rules, for values present, missing, text and zero."""
from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from cchc_desktop import catalogue, rules
from cchc_desktop.catalogue import Formula


def _formulas() -> list[Formula]:
    cat = catalogue.default()
    out = list(cat.derived().values())
    for rule in rules._shipped_rules(cat):
        out.extend(rules._all_formulas(rule))
    out += [Formula(t) for t in ("-a.b + 3", "+a.b * (c - d) / e", "a / (b - c)", "2 * 0.5", "-(a / b)")]
    return out


FORMULAS = _formulas()
VALUE = st.one_of(st.none(), st.just(0), st.just(0.0), st.integers(-5, 10**6),
                  st.floats(-1e6, 1e6, allow_nan=False), st.just("12"), st.just(""))


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), pool=st.lists(VALUE, min_size=1, max_size=8))
def test_compiled_formula_equals_evaluate(seed, pool):
    rng = random.Random(seed)
    for formula in FORMULAS:
        values = {k: rng.choice(pool) for k in formula.keys if rng.random() < 0.9}
        expected = formula.evaluate(values)
        got = rules._evaluator(formula)(values)
        assert got == expected and type(got) is type(expected), (formula.text, values)


def test_every_formula_kind_is_covered():
    # the shipped set must exercise all four operators and a missing value
    texts = " ".join(f.text for f in FORMULAS)
    assert all(op in texts for op in "+-*/")
    f = Formula("a / b")
    assert rules._evaluator(f)({"a": 1, "b": 0}) is None is f.evaluate({"a": 1, "b": 0})
    assert rules._evaluator(f)({"a": 3, "b": 2}) == 1.5
    assert rules._evaluator(f)({"a": "3", "b": 2}) is None
