"""Formula.evaluate (compiled into closures) gives exactly what a plain walk of the formula's
syntax tree gives, on every formula of the catalogue and the shipped rules, for values
present, missing, text and zero."""
from __future__ import annotations

import ast
import random

from hypothesis import given, settings, strategies as st

from cchc_desktop import catalogue, rules
from cchc_desktop.catalogue import Formula


class _NoValue(Exception):
    pass


def reference(formula: Formula, values: dict):
    """The meaning of a formula, spelt out slowly: None when a key is missing or text, or a
    denominator is zero."""
    def ev(node):
        name = Formula._name(node)
        if name is not None:
            v = values.get(name)
            if v is None or isinstance(v, str):
                raise _NoValue
            return v
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.UnaryOp):
            v = ev(node.operand)
            return -v if isinstance(node.op, ast.USub) else v
        left, right = ev(node.left), ev(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if right == 0:
            raise _NoValue
        return left / right
    try:
        return ev(ast.parse(formula.text, mode="eval").body)
    except _NoValue:
        return None


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
def test_evaluate_equals_the_plain_meaning(seed, pool):
    rng = random.Random(seed)
    for formula in FORMULAS:
        values = {k: rng.choice(pool) for k in formula.keys if rng.random() < 0.9}
        expected = reference(formula, values)
        got = formula.evaluate(values)
        assert got == expected and type(got) is type(expected), (formula.text, values)


def test_every_formula_kind_is_covered():
    # the shipped set must exercise all four operators and a missing value
    texts = " ".join(f.text for f in FORMULAS)
    assert all(op in texts for op in "+-*/")
    f = Formula("a / b")
    assert f.evaluate({"a": 1, "b": 0}) is None
    assert f.evaluate({"a": 3, "b": 2}) == 1.5
    assert f.evaluate({"a": "3", "b": 2}) is None
    assert f.evaluate({"b": 2}) is None
    assert Formula("-(a - b)").evaluate({"a": 1, "b": 3}) == 2
