"""The indicator catalogue: every statistic the program knows, read from data.

``resources/catalogue/indicators.json`` holds the reform areas, the indicators (stable
key, Vietnamese label, unit, kind, roll-up over time, area, code list) and the derived
rates as formulas over other keys; ``detail_tables.json`` holds the detail tables
(dossiers by field, digitisation, ...) whose column totals feed core keys.  A unit or an
upper office adapts these files, not the code.

Formulas are plain arithmetic over keys (``(a.b + c.d) / e.f * 100``), parsed with
:mod:`ast` and evaluated without ``eval``: a catalogue file can never run code.
"""
from __future__ import annotations

import ast
import json
from functools import lru_cache
from pathlib import Path

from .paths import resource
from .vnformat import CODE, NUMERIC_KINDS, TEXT, nfc, parse_number

# How a figure of a longer period follows from the figures of the periods it is made of
# (quarters of a year, months of a quarter; see rollup.py):
#   sum              a flow: the parts' sum
#   first            a stock at the start (carried over): the first part's value
#   last             a stock at the end (pending, staff, procedures in force): the last part's value
#   cumulative       cumulative within the year (tasks done so far): the last part's value, never falling
#   opening_plus_sum a total that holds the stock carried in (received = carried over + received in
#                    the period): the first part's opening stock + the sum of each part's in-period flow
#   any              a yes (1) / no (0) answer "did it happen in the period": yes when any part says yes
#   derived          a rate: worked out again from the rolled-up parts, never rolled up itself
#   none             cannot be known from the parts (a share of the period's dossiers typed without its
#                    parts, "procedures that had a dossier"): the longer period's own figure only
ROLLUPS = ("sum", "last", "first", "cumulative", "opening_plus_sum", "any", "derived", "none")
# The roll-ups a derived plain sum (a + b) may keep instead of "derived": its parts all roll up
# that way, so rolling up the typed aggregate gives what summing the rolled-up parts would.
LINEAR_ROLLUPS = ("sum", "first", "last", "cumulative")
KINDS = ("count", "percent", "ratio", "money", "number", "code", "text")


# Two figures are the same when they differ by less than this: sums of floats (0,1 + 0,2) and
# amounts kept to six places differ by far less; one home for the checks, targets and window.
TOLERANCE = 1e-6


def compare(a, op: str, b) -> bool:
    """*a* ``op`` *b* for figures (``=``, ``<=``, ``>=``, ``<``, ``>``) within :data:`TOLERANCE`."""
    if op == "=":
        return abs(a - b) <= TOLERANCE
    if op == "<=":
        return a <= b + TOLERANCE
    if op == ">=":
        return a >= b - TOLERANCE
    if op == "<":
        return a < b - TOLERANCE
    if op == ">":
        return a > b + TOLERANCE
    raise ValueError(op)


class CatalogueError(ValueError):
    """A catalogue or template file that does not hold together."""


class FrozenError(AttributeError):
    """Raised on assigning to a field of a catalogue record (they are shared, never changed)."""


class SlotRecord:
    """A record whose ``__slots__`` are its fields, in order: equality and ``repr`` follow
    them (what ``@dataclass`` gave, written out; mutable, so unhashable)."""
    __slots__ = ()
    __hash__ = None

    def _values(self) -> tuple:
        return tuple(getattr(self, f) for f in self.__slots__)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self):
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"


class Record(SlotRecord):
    """An immutable value record: what ``@dataclass(frozen=True)`` gave, written out.

    The records of the start-up path are plain classes because the decorator compiles each
    class's methods when the module is imported (about 1 ms a class on the window's start).
    Subclasses name their ``__slots__`` (the fields, in order) and set them in ``__init__``
    with ``_set``; equality, hashing, ``repr``, copying and pickling follow the fields.
    """
    __slots__ = ()

    def _set(self, **values):
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __hash__(self):
        return hash(self._values())

    def __reduce__(self):
        return self.__class__, self._values()

    def __setattr__(self, name, value):
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenError(f"cannot delete field {name!r}")


class Area(Record):
    """A reform area (lĩnh vực CCHC), numbered 1–7 as in the reports."""
    __slots__ = ("id", "key", "label")

    def __init__(self, id: int, key: str, label: str):
        self._set(id=id, key=key, label=label)


class Indicator(Record):
    """One statistic: a stable key and how to read, check, roll up and print it."""
    __slots__ = ("key", "label", "unit", "kind", "rollup", "area", "codes", "formula", "decimals", "help",
                 "opening")

    def __init__(self, key: str, label: str, unit: str, kind: str, rollup: str, area: int,
                 codes: dict | None = None, formula: str | None = None, decimals: int | None = None,
                 help: str = "", opening: str | None = None):
        # codes: {int value: wording}; formula: a derived rate's arithmetic over keys;
        # decimals: how precisely it prints; opening: for rollup "opening_plus_sum", the key of
        # the stock carried in that the total holds
        self._set(key=key, label=label, unit=unit, kind=kind, rollup=rollup, area=area,
                  codes={} if codes is None else codes, formula=formula, decimals=decimals, help=help,
                  opening=opening)

    @property
    def derived(self) -> bool:
        return self.formula is not None

    def parse(self, text):
        """Read a typed value for this indicator (see :func:`vnformat.parse_number`)."""
        if self.kind == TEXT:
            return nfc(text) or None
        return parse_number(text, self.kind, self.codes or None)

    def codes_text(self, sep: str = "; ") -> str:
        """'Có = 1; Không = 0' as the appendices print the code list."""
        return sep.join(f"{label} = {value}" for value, label in self.codes.items())


class DetailColumn(Record):
    __slots__ = ("key", "label", "kind", "feeds", "formula", "decimals")

    def __init__(self, key: str, label: str, kind: str = "count", feeds: str | None = None,
                 formula: "Formula | None" = None, decimals: int | None = None):
        # feeds: the core key this column's total becomes; formula: a rate computed from the
        # row's other columns (never typed); decimals: how it is printed
        self._set(key=key, label=label, kind=kind, feeds=feeds, formula=formula, decimals=decimals)


class DetailTable(Record):
    """A grid of rows (e.g. one per lĩnh vực) whose column totals feed core keys."""
    __slots__ = ("name", "label", "area", "row_label", "columns", "row_choices")

    def __init__(self, name: str, label: str, area: int, row_label: str, columns: tuple,
                 row_choices: tuple = ()):
        self._set(name=name, label=label, area=area, row_label=row_label, columns=columns,
                  row_choices=row_choices)

    def column(self, key: str) -> DetailColumn:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def computed(self, data: dict) -> dict:
        """A row's values with its computed columns (rates) worked out from the others."""
        out = dict(data)
        for col in self.columns:
            if col.formula is not None:
                out[col.key] = col.formula.evaluate(data)
        return out

    def totals(self, rows) -> dict:
        """column → total over *rows* (each a row's values): counts and amounts summed, the
        computed rates worked out again from the sums (a typed rate is not summed)."""
        out = {}
        for col in self.columns:
            if col.formula is None and col.kind != "percent":
                vals = [d.get(col.key) for d in rows if isinstance(d.get(col.key), (int, float))]
                if vals:
                    out[col.key] = sum(vals)
        for col in self.columns:
            if col.formula is not None:
                v = col.formula.evaluate(out)
                if v is not None:
                    out[col.key] = v
        return out


class Formula:
    """An arithmetic expression over indicator keys, checked when read."""

    _OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div)

    def __init__(self, text: str):
        self.text = text
        try:
            self._tree = ast.parse(text, mode="eval")
        except SyntaxError as exc:
            raise CatalogueError(f"Công thức không hợp lệ: {text}") from exc
        keys: list[str] = []
        self._check(self._tree.body, keys)   # one pass: every catalogue load reads ~40 formulas
        self.keys = tuple(dict.fromkeys(keys))
        self._fn = None

    def _check(self, node, keys: list):
        """Allow only numbers, keys (a.b.c), + - * / and signs; collect the keys in order."""
        name = self._name(node)
        if name is not None:
            keys.append(name)
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float)):
                raise CatalogueError(f"Công thức không hợp lệ: {self.text}")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, self._OPS):
            self._check(node.left, keys)
            self._check(node.right, keys)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            self._check(node.operand, keys)
        else:
            raise CatalogueError(f"Công thức chỉ được dùng + - * / và mã chỉ tiêu: {self.text}")

    @staticmethod
    def _name(node) -> str | None:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name):
            parts.append(node.id)
            return ".".join(reversed(parts))
        return None

    def evaluate(self, values: dict):
        """The value over *values* (key → number); ``None`` when a part is missing or text,
        or a denominator is zero: a missing value is not a zero."""
        fn = self._fn
        if fn is None:
            # compiled on first use into closures: checks and consolidation evaluate the
            # same few dozen formulas thousands of times, and a tree walk was most of that cost
            fn = self._fn = _compile(self._tree.body)
        return fn(values)

    def __repr__(self):
        return f"Formula({self.text!r})"


def _compile(node):
    """A closure values → number or None for one checked formula node (see Formula.evaluate)."""
    name = Formula._name(node)
    if name is not None:
        def key(values, name=name):
            v = values.get(name)
            return None if v is None or isinstance(v, str) else v
        return key
    if isinstance(node, ast.Constant):
        const = node.value
        return lambda values: const
    if isinstance(node, ast.UnaryOp):
        inner = _compile(node.operand)
        if isinstance(node.op, ast.USub):
            def neg(values):
                v = inner(values)
                return None if v is None else -v
            return neg
        return inner
    left, right, op = _compile(node.left), _compile(node.right), type(node.op)
    apply = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
             ast.Mult: lambda a, b: a * b}.get(op)
    if apply is None:   # division: a zero denominator gives no value
        def div(values):
            a = left(values)
            if a is None:
                return None
            b = right(values)
            return None if b is None or b == 0 else a / b
        return div

    def binary(values):
        a = left(values)
        if a is None:
            return None
        b = right(values)
        return None if b is None else apply(a, b)
    return binary


class Catalogue:
    """The areas, indicators and detail tables of one catalogue file.

    With ``lazy=True`` (the shipped catalogue, which the tests check) only the areas are read
    at once and the indicators, formulas and detail tables the first time one is asked for:
    the window's first paint names the areas only.
    """

    def __init__(self, data: dict, details: dict | None = None, source: str = "", lazy: bool = False):
        self.source = source
        self.areas = tuple(Area(a["id"], a["key"], nfc(a["label"])) for a in data["areas"])
        self._pending = (data, details)
        if not lazy:
            self._build()

    def __getattr__(self, name):
        # only called for what is not set yet: the parts a lazy catalogue reads on first use
        if name in ("_by_key", "_formulas", "detail_tables") and self.__dict__.get("_pending"):
            self._build()
            return getattr(self, name)
        raise AttributeError(name)

    def _build(self):
        data, details = self._pending
        self._by_key: dict[str, Indicator] = {}
        self._formulas: dict[str, Formula] = {}
        try:
            self._fill(data, details, {a.id for a in self.areas})
        except BaseException:   # a broken file says so again on the next use
            del self._by_key, self._formulas
            raise
        self._pending = None

    def _fill(self, data: dict, details: dict | None, area_ids: set):
        for row in data["indicators"]:
            ind = _indicator(row)
            if ind.key in self._by_key:
                raise CatalogueError(f"Mã chỉ tiêu bị trùng trong danh mục: {ind.key}")
            if ind.area not in area_ids:
                raise CatalogueError(f"Chỉ tiêu {ind.key} thuộc lĩnh vực không có: {ind.area}")
            self._by_key[ind.key] = ind
            if ind.formula:
                self._formulas[ind.key] = Formula(ind.formula)
        for key, formula in self._formulas.items():
            for part in formula.keys:
                if part not in self._by_key:
                    raise CatalogueError(f"Công thức của {key} dùng mã không có: {part}")
        self._formulas = {k: self._formulas[k] for k in _dependency_order(self._formulas)}
        for ind in self._by_key.values():
            _check_rollup(ind, self._by_key, self._formulas.get(ind.key))
        tables = tuple(_detail(t) for t in (details or {}).get("tables", []))
        for table in tables:
            for col in table.columns:
                if col.feeds and col.feeds not in self._by_key:
                    raise CatalogueError(f"Bảng {table.name}: cột {col.key} cấp số cho mã không có {col.feeds}")
        self.detail_tables = tables

    def __contains__(self, key) -> bool:
        return key in self._by_key

    def __getitem__(self, key) -> Indicator:
        return self._by_key[key]

    def __iter__(self):
        return iter(self._by_key.values())

    def __len__(self):
        return len(self._by_key)

    def get(self, key) -> Indicator | None:
        return self._by_key.get(key)

    def keys(self):
        return self._by_key.keys()

    def area(self, area_id: int) -> Area:
        for a in self.areas:
            if a.id == area_id:
                return a
        raise KeyError(area_id)

    def in_area(self, area_id: int) -> list[Indicator]:
        return [i for i in self._by_key.values() if i.area == area_id]

    def formula(self, key: str) -> Formula | None:
        return self._formulas.get(key)

    def derived(self) -> dict[str, Formula]:
        """key → Formula for every derived rate."""
        return dict(self._formulas)

    def detail_table(self, name: str) -> DetailTable:
        for t in self.detail_tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def fed_keys(self) -> dict[str, tuple[str, str]]:
        """core key → (detail table, column) for keys computed from a detail table."""
        return {c.feeds: (t.name, c.key) for t in self.detail_tables for c in t.columns if c.feeds}

    def compute_derived(self, values: dict) -> dict:
        """Derived figures computed from *values* (only those whose parts are all there).

        Formulas are worked out parts first, and a figure a formula needs is the one in
        *values* when there is one (typed wins), else the one computed: a typed aggregate
        without its split (online dossiers 7.600, no partial/full) still feeds the rate
        built on it.
        """
        out = {}
        known = dict(values)
        for key, formula in self._formulas.items():
            v = formula.evaluate(known)
            if v is not None:
                out[key] = v
                if known.get(key) is None:
                    known[key] = v
        return out

    def to_json(self) -> dict:
        """The catalogue as plain data (what ``cchc catalogue --json`` prints)."""
        def ind(i: Indicator):
            d = {"key": i.key, "label": i.label, "unit": i.unit, "kind": i.kind,
                 "rollup": i.rollup, "area": i.area}
            if i.opening:
                d["opening"] = i.opening
            if i.codes:
                d["codes"] = [{"value": v, "label": l} for v, l in i.codes.items()]
            if i.formula:
                d["formula"] = i.formula
            if i.decimals is not None:
                d["decimals"] = i.decimals
            return d
        return {
            "areas": [{"id": a.id, "key": a.key, "label": a.label} for a in self.areas],
            "indicators": [ind(i) for i in self],
            "detail_tables": [
                {"name": t.name, "label": t.label, "area": t.area, "row_label": t.row_label,
                 "row_choices": list(t.row_choices),
                 "columns": [{"key": c.key, "label": c.label, "kind": c.kind, "feeds": c.feeds}
                             for c in t.columns]}
                for t in self.detail_tables],
        }


def _dependency_order(formulas: dict) -> list:
    """The derived keys, each after the derived keys its formula uses (catalogue order otherwise)."""
    order, state = [], {}

    def visit(key, path):
        if state.get(key) == "done":
            return
        if state.get(key) == "open":
            raise CatalogueError("Công thức vòng quanh: " + " → ".join([*path, key]))
        state[key] = "open"
        for part in formulas[key].keys:
            if part in formulas:
                visit(part, [*path, key])
        state[key] = "done"
        order.append(key)

    for key in formulas:
        visit(key, [])
    return order


def _check_rollup(ind: Indicator, by_key: dict, formula: "Formula | None"):
    """Refuse a roll-up that cannot be right for the indicator (see ROLLUPS)."""
    if ind.rollup == "opening_plus_sum":
        opening = by_key.get(ind.opening or "")
        if opening is None or opening.rollup != "first":
            raise CatalogueError(f"Chỉ tiêu {ind.key}: cộng dồn “opening_plus_sum” cần “opening” là mã "
                                 f"chỉ tiêu tồn đầu kỳ (cộng dồn “first”)")
    elif ind.opening:
        raise CatalogueError(f"Chỉ tiêu {ind.key}: “opening” chỉ dùng với cộng dồn “opening_plus_sum”")
    if ind.rollup == "any" and set(ind.codes) != {0, 1}:
        raise CatalogueError(f"Chỉ tiêu {ind.key}: cộng dồn “any” chỉ dùng cho câu trả lời Có = 1 / Không = 0")
    if formula is not None and ind.rollup != "derived":
        plain = all(ch not in formula.text for ch in "*/-")
        if not plain or any(by_key[k].rollup != ind.rollup for k in formula.keys):
            raise CatalogueError(f"Chỉ tiêu {ind.key}: chỉ tổng cộng (a + b) của các chỉ tiêu cùng cách cộng dồn "
                                 f"“{ind.rollup}” mới được cộng dồn như các thành phần")


def _indicator(row: dict) -> Indicator:
    try:
        key, kind, rollup = row["key"], row["kind"], row.get("rollup", "sum")
    except KeyError as exc:
        raise CatalogueError(f"Chỉ tiêu thiếu trường {exc}: {row}") from exc
    if kind not in KINDS:
        raise CatalogueError(f"Chỉ tiêu {key}: loại không hợp lệ {kind}")
    if rollup not in ROLLUPS:
        raise CatalogueError(f"Chỉ tiêu {key}: cách cộng dồn không hợp lệ {rollup}")
    codes = {int(c["value"]): nfc(c["label"]) for c in row.get("codes", [])}
    if kind == CODE and not codes:
        raise CatalogueError(f"Chỉ tiêu mã {key} thiếu danh sách mã")
    if kind not in NUMERIC_KINDS and kind != TEXT:
        raise CatalogueError(f"Chỉ tiêu {key}: loại không hợp lệ {kind}")
    if row.get("formula") and row.get("rollup") not in LINEAR_ROLLUPS:
        rollup = "derived"
    if rollup == "derived" and not row.get("formula"):
        raise CatalogueError(f"Chỉ tiêu {key}: cách cộng dồn “derived” cần có công thức")
    return Indicator(key=key, label=nfc(row["label"]), unit=nfc(row.get("unit", "")), kind=kind,
                     rollup=rollup, area=int(row["area"]),
                     codes=codes, formula=row.get("formula"), decimals=row.get("decimals"),
                     help=nfc(row.get("help", "")), opening=row.get("opening"))


def _detail(t: dict) -> DetailTable:
    keys = {c["key"] for c in t["columns"]}
    cols = []
    for c in t["columns"]:
        formula = Formula(c["formula"]) if c.get("formula") else None
        if formula is not None and not set(formula.keys) <= keys - {c["key"]}:
            raise CatalogueError(f"Bảng {t['name']}, cột {c['key']}: công thức dùng cột không có trong bảng "
                                 f"({', '.join(sorted(set(formula.keys) - keys))})")
        cols.append(DetailColumn(c["key"], nfc(c["label"]), c.get("kind", "count"), c.get("feeds"), formula,
                                 c.get("decimals")))
    cols = tuple(cols)
    return DetailTable(t["name"], nfc(t["label"]), int(t["area"]), nfc(t.get("row_label", "")),
                       cols, tuple(nfc(x) for x in t.get("row_choices", [])))


def load(path: Path | None = None, details_path: Path | None = None, lazy: bool = False) -> Catalogue:
    """Read a catalogue file (the shipped one by default); *lazy*: see :class:`Catalogue`."""
    path = path or resource("catalogue", "indicators.json")
    details_path = details_path or path.with_name("detail_tables.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    details = None
    if details_path.exists():
        with open(details_path, encoding="utf-8") as fh:
            details = json.load(fh)
    return Catalogue(data, details, str(path), lazy=lazy)


@lru_cache(maxsize=1)
def default() -> Catalogue:
    """The shipped catalogue, read once (its indicators when first asked for)."""
    return load(lazy=True)
