"""Checking a period's figures: rules kept as data, findings in plain Vietnamese.

The rules ship in ``resources/rules/*.json`` (one file per family); a unit or an upper
office adds its own to the workspace table ``rules`` (column ``definition``: the same
JSON).  Rules that follow from the catalogue itself are generated, so a new catalogue
row is covered without anyone writing a rule: domains (whole, ≥ 0, 0–100, inside the
code list), a typed rate against its parts, a typed figure against what the detail
tables, the registers or the quarters give, and cumulative values that fall.

A rule definition::

    {"code": "sum.dossier_received", "type": "sum", "severity": "error", "area": 3,
     "total": "dossier.received_total", "parts": ["dossier.carried_over", ...],
     "message": "{total_label} ({total}) khác tổng các thành phần ({sum})"}

Types: ``sum`` (total vs. parts), ``le`` / ``balance`` / ``same`` / ``obligation``
(``left`` ``op`` ``right``, each a key or a formula over keys), ``continuity`` (``key``
this period vs. ``previous`` at the end of the period before), ``rate``, ``domain``,
``window``, ``rollup``, ``cumulative`` and ``outlier`` (``factor``, ``min_history``).
A rule that lacks a value it needs stays silent: a missing value is not a zero.  The
one exception is safe: parts already known to exceed their total are an error
whatever the missing parts hold, since no count is negative.

Public API: :func:`check`, :func:`acknowledge`, :func:`rules_for`, :func:`add_rule`,
:func:`delete_rule`, :class:`Finding`.
"""
from __future__ import annotations

import json
import re
import statistics
from dataclasses import asdict, dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from . import periods, plans, rollup
from .catalogue import TOLERANCE, CatalogueError, Formula, compare
from .figure_source import FigureSource
from .paths import resource
from .store import Workspace, WorkspaceError, now
from .vnformat import Figure, decimals_of, format_date, format_number, nfc

ERROR, WARNING = "error", "warning"
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo"}
WINDOW_KEY = "period.window"

TYPES = ("sum", "le", "balance", "same", "obligation", "continuity", "rate", "domain",
         "window", "rollup", "cumulative", "outlier", "overdue_tasks")
OPS = {"=": "bằng", "<=": "không lớn hơn", ">=": "không nhỏ hơn", "<": "nhỏ hơn", ">": "lớn hơn"}


@dataclass
class Finding:
    """One thing wrong (error) or worth a second look (warning) in a period's figures."""
    rule: str
    severity: str
    keys: list
    values: dict
    message: str
    area: int | None = None
    acknowledged: str | None = None

    @property
    def ident(self) -> tuple[str, str]:
        """What an acknowledgement is kept under: the rule and the keys."""
        return self.rule, ",".join(self.keys)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_json(self) -> dict:
        return asdict(self)


# ---- rule definitions --------------------------------------------------------------

@dataclass
class Rule:
    code: str
    type: str
    severity: str = ERROR
    area: int | None = None
    message: str = ""
    spec: dict = field(default_factory=dict)
    formulas: dict = field(default_factory=dict)   # role -> Formula (left, right, whole …)


def parse_rule(definition: dict, catalogue=None) -> Rule:
    """Read one rule definition; :class:`WorkspaceError` (Vietnamese) when it does not hold."""
    if not isinstance(definition, dict):
        raise WorkspaceError("Quy tắc kiểm tra phải là một đối tượng JSON.")
    code = nfc(str(definition.get("code") or ""))
    kind = definition.get("type")
    if not code:
        raise WorkspaceError("Quy tắc kiểm tra thiếu mã (code).")
    if kind not in TYPES:
        raise WorkspaceError(f"Quy tắc {code}: loại “{kind}” không hợp lệ (dùng: {', '.join(TYPES)}).")
    severity = definition.get("severity", ERROR)
    if severity not in (ERROR, WARNING):
        raise WorkspaceError(f"Quy tắc {code}: mức độ phải là “error” hoặc “warning”.")
    rule = Rule(code, kind, severity, definition.get("area"), nfc(definition.get("message") or ""),
                dict(definition))
    roles = {"sum": ("total",), "le": ("left", "right"), "balance": ("left", "right"),
             "same": ("left", "right"), "obligation": ("left", "right"),
             "continuity": ("key", "previous")}.get(kind, ())
    try:
        for role in roles:
            if not definition.get(role):
                raise WorkspaceError(f"Quy tắc {code}: thiếu “{role}”.")
            rule.formulas[role] = Formula(str(definition[role]))
        if kind == "sum":
            parts = definition.get("parts")
            if not parts or not isinstance(parts, list):
                raise WorkspaceError(f"Quy tắc {code}: thiếu danh sách thành phần (parts).")
            rule.formulas["parts"] = [Formula(str(p)) for p in parts]
    except CatalogueError as exc:
        raise WorkspaceError(f"Quy tắc {code}: {exc}") from exc
    op = definition.get("op", "=" if kind in ("balance", "same") else "<=")
    if kind in ("le", "balance", "same", "obligation") and op not in OPS:
        raise WorkspaceError(f"Quy tắc {code}: phép so sánh “{op}” không hợp lệ.")
    rule.spec["op"] = op
    if catalogue is not None:
        for f in _all_formulas(rule):
            for key in f.keys:
                if key not in catalogue:
                    raise WorkspaceError(f"Quy tắc {code}: mã chỉ tiêu “{key}” không có trong danh mục.")
    return rule


def _all_formulas(rule: Rule):
    for value in rule.formulas.values():
        yield from (value if isinstance(value, list) else [value])


@lru_cache(maxsize=1)
def shipped_definitions() -> tuple:
    """The rule definitions shipped in resources/rules (read once)."""
    out = []
    folder = resource("rules")
    for path in sorted(folder.glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        out.extend(data.get("rules", []))
    return tuple(out)


@lru_cache(maxsize=4)
def _shipped_rules(catalogue) -> tuple:
    # A unit may run a trimmed catalogue: a shipped rule about keys it lacks is left out
    # rather than stopping every check (tests assert the shipped set parses in full).
    out = []
    for d in shipped_definitions():
        try:
            out.append(parse_rule(d, catalogue))
        except WorkspaceError:
            continue
    return tuple(out)


def user_rules(ws: Workspace) -> list[dict]:
    """The rules the unit or its upper office added: {id, code, definition, added_by, added_at}."""
    out = []
    for r in ws.conn.execute("SELECT id, code, definition, added_by, added_at FROM rules ORDER BY id"):
        row = dict(r)
        try:
            row["definition"] = json.loads(row["definition"])
        except ValueError:
            row["definition"] = {}
        out.append(row)
    return out


def rules_for(ws: Workspace) -> list[Rule]:
    """Every data rule that applies to the workspace: shipped, then the workspace's own.

    A workspace rule with the code of a shipped one replaces it (an upper office may
    lower a rule to a warning); ``"disabled": true`` switches it off.
    """
    by_code = {r.code: r for r in _shipped_rules(ws.catalogue)}
    for row in user_rules(ws):
        try:
            rule = parse_rule(row["definition"], ws.catalogue)
        except WorkspaceError:
            continue   # a broken user rule must not stop checking; add_rule refuses them
        if row["definition"].get("disabled"):
            by_code.pop(rule.code, None)
        else:
            by_code[rule.code] = rule
    return list(by_code.values())


# ---- authoring: the checks every new rule passes, from the window or `cchc rules add` -------

OWN_PREFIX = "don_vi"          # codes of the rules a unit writes: don_vi.le.1, don_vi.sum.2 …
RATE_KINDS = ("percent", "ratio")


def new_rule_code(ws: Workspace, kind: str, taken=()) -> str:
    """A code no shipped or stored rule (nor one in *taken*) has: ``don_vi.<kind>.<n>``."""
    used = {d.get("code") for d in _existing_definitions(ws)} | set(taken)
    n = 1
    while f"{OWN_PREFIX}.{kind}.{n}" in used:
        n += 1
    return f"{OWN_PREFIX}.{kind}.{n}"


def _existing_definitions(ws: Workspace):
    yield from shipped_definitions()
    for row in user_rules(ws):
        yield row["definition"]


def _same_rule(a: dict, b: dict) -> bool:
    """Whether two definitions check the same thing (A = B says what B = A says)."""
    kind = a.get("type")
    if kind != b.get("type"):
        return False
    if kind == "sum":
        return a.get("total") == b.get("total") and sorted(a.get("parts") or []) == sorted(b.get("parts") or [])
    if kind not in ("le", "balance", "same", "obligation"):
        return False
    default = "=" if kind in ("balance", "same") else "<="
    sa = (a.get("left"), a.get("op", default), a.get("right"))
    sb = (b.get("left"), b.get("op", default), b.get("right"))
    return sa == sb or (sa[1] == "=" and sa == (sb[2], "=", sb[0]))


def check_new_rule(ws: Workspace, definition: dict, others=()) -> Rule:
    """Read a rule a unit adds and refuse what makes no sense, in Vietnamese: a total that is
    one of its own parts, a sum of one part, the same indicator on both sides, a rate (%)
    added to or compared with a count, or the same check as a rule already there (shipped,
    stored, or among *others* being added with it).  A rule that replaces a shipped or
    stored one by its code (lowered to a warning, switched off) is not a new check."""
    rule = parse_rule(definition, ws.catalogue)
    cat = ws.catalogue
    if rule.type == "sum":
        total = rule.formulas["total"].keys
        parts = [k for p in rule.formulas["parts"] for k in p.keys]
        if set(total) & set(parts):
            key = next(k for k in total if k in parts)
            raise WorkspaceError(f"Chỉ tiêu tổng “{cat[key].label}” không thể đồng thời là một thành phần.")
        if len(rule.formulas["parts"]) < 2:
            raise WorkspaceError("Tổng cần ít nhất hai thành phần; nếu chỉ có một, hãy dùng loại “A = B”.")
        keys = [*total, *parts]
    elif rule.type in ("le", "balance", "same", "obligation"):
        left, right = rule.formulas["left"], rule.formulas["right"]
        if left.keys and left.text.strip() == right.text.strip():
            raise WorkspaceError(f"Hai vế là cùng một chỉ tiêu (“{_side_text(left.text, cat)}”): hãy chọn hai "
                                 "chỉ tiêu khác nhau.")
        keys = [*left.keys, *right.keys]
    else:
        keys = []
    rates = [k for k in keys if cat[k].kind in RATE_KINDS]
    if rates and len(rates) < len(keys):
        other = next(k for k in keys if k not in rates)
        raise WorkspaceError(f"Không so sánh hay cộng được tỷ lệ “{cat[rates[0]].label}” với số "
                             f"“{cat[other].label}”: hãy chọn các chỉ tiêu cùng loại.")
    for other in [*_existing_definitions(ws), *others]:
        if other.get("code") != rule.code and _same_rule(definition, other):
            raise WorkspaceError(f"Đã có quy tắc này: {describe(other, cat)}.")
    return rule


def add_rule(ws: Workspace, definition: dict) -> str:
    """Store a rule of the unit (or replace one with the same code); returns its code.

    Every rule passes :func:`check_new_rule` first (a new code: :func:`new_rule_code`)."""
    rule = check_new_rule(ws, definition)
    old = ws.conn.execute("SELECT id, definition FROM rules WHERE code = ?", (rule.code,)).fetchone()
    row = {"code": rule.code, "definition": json.dumps(definition, ensure_ascii=False),
           "added_by": ws.user, "added_at": now()}
    if old:
        row["id"] = old["id"]
    with ws.operation(f"Quy tắc kiểm tra: {_title(definition, ws.catalogue)}"):
        ws.change_row("rules", {"id": old["id"]} if old else {"id": None}, row)
        # in the audit log as well: who lowered, switched off or added which rule, and when
        ws.log_change(None, "rules", rule.code, old["definition"] if old else None, row["definition"], "set")
    return rule.code


def delete_rule(ws: Workspace, code: str):
    """Remove a rule the unit added."""
    old = ws.conn.execute("SELECT id, definition FROM rules WHERE code = ?", (code,)).fetchone()
    if not old:
        raise WorkspaceError(f"Không có quy tắc {code} trong tệp dữ liệu.")
    try:
        title = _title(json.loads(old["definition"]), ws.catalogue)
    except (ValueError, TypeError, AttributeError):
        title = code
    with ws.operation(f"Xóa quy tắc kiểm tra: {title}"):
        ws.change_row("rules", {"id": old["id"]}, None)
        ws.log_change(None, "rules", code, old["definition"], None, "delete")


# ---- a rule in words (for the window that lists them) -----------------------------------

def _title(definition: dict, catalogue, width: int = 60) -> str:
    """A rule in words, short enough for “Hoàn tác: …” (its code when it has no words)."""
    try:
        text = describe(definition, catalogue)
    except Exception:   # a rule being refused is described by its code alone
        text = ""
    text = text or str(definition.get("code", ""))
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


_KEY = re.compile(r"[A-Za-z_][\w.]*")
# What the rules generated from the catalogue check; they name no indicator of their own.
_GENERATED_TEXT = {
    "domain": "Mọi chỉ tiêu có giá trị hợp lệ: là số, không âm, số đếm là số nguyên, tỷ lệ không quá 100%, "
              "mã nằm trong danh sách",
    "rate": "Tỷ lệ nhập tay bằng tỷ lệ tính từ các thành phần, làm tròn đến số chữ số thập phân đã nhập "
            "(số bị cắt bớt thay vì làm tròn chỉ là cảnh báo)",
    "window": "Thời gian lấy số liệu của kỳ đúng quy định",
    "rollup": "Số nhập tay khớp với số tổng hợp từ bảng chi tiết, sổ văn bản, kế hoạch hoặc các kỳ thành phần",
    "cumulative": "Số cộng dồn trong năm không giảm so với kỳ trước trong cùng năm",
    "outlier": "Số liệu khác thường so với các kỳ trước của đơn vị (gấp {factor} lần trở lên hoặc ngược lại)",
    "overdue_tasks": "Nhiệm vụ của kế hoạch CCHC năm đã quá hạn mà chưa hoàn thành",
}


def _side_text(text, catalogue) -> str:
    """A formula with each indicator key replaced by its label (``a + b`` → ``Nhãn a + Nhãn b``)."""
    def label(m):
        ind = catalogue.get(m.group(0))
        return ind.label if ind else m.group(0)
    # operators first: a label may hold a slash of its own ("ban hành/tham mưu ban hành")
    return _KEY.sub(label, str(text).replace("*", "×").replace("/", "÷"))


def describe(definition: dict, catalogue) -> str:
    """What a rule checks, in Vietnamese with indicator labels (not keys), e.g. ``Tổng … = A + B``."""
    kind = definition.get("type")
    if kind == "sum":
        parts = definition.get("parts") or []
        return (f"{_side_text(definition.get('total', ''), catalogue)} = "
                + " + ".join(_side_text(p, catalogue) for p in parts))
    if kind in ("le", "balance", "same", "obligation"):
        op = definition.get("op", "=" if kind in ("balance", "same") else "<=")
        return (f"{_side_text(definition.get('left', ''), catalogue)} {plans.OP_LABELS.get(op, op)} "
                f"{_side_text(definition.get('right', ''), catalogue)}")
    if kind == "continuity":
        return (f"{_side_text(definition.get('key', ''), catalogue)} = "
                f"{_side_text(definition.get('previous', ''), catalogue).lower()} cuối kỳ trước")
    if kind in _GENERATED_TEXT:
        text = _GENERATED_TEXT[kind].replace("{factor}", format_number(definition.get("factor", 10)))
        key = definition.get("key")
        return f"{text}: {_side_text(key, catalogue)}" if key else text
    return f"Quy tắc loại “{kind}”"


def area_of(definition: dict, catalogue) -> int | None:
    """The area (1–7) a rule belongs to: its own ``area``, else that of the first indicator it names."""
    if definition.get("area") is not None:
        return definition["area"]
    for role in ("total", "left", "key", "right", "previous"):
        for key in _KEY.findall(str(definition.get(role) or "")):
            ind = catalogue.get(key)
            if ind:
                return ind.area
    return None


# ---- formatting ----------------------------------------------------------------------

def _round(value, decimals: int, rounding=ROUND_HALF_UP) -> Decimal:
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def _show(value, decimals: int | None = 2) -> str:
    if value is None:
        return "trống"
    if isinstance(value, float) and decimals is not None:
        return format_number(value, decimals)
    return format_number(value)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fill(template: str, fields: dict) -> str:
    # Plain substitution rather than str.format: a user's template may not reach attributes.
    return _PLACEHOLDER.sub(lambda m: str(fields.get(m.group(1), m.group(0))), template)


def _compare(a, op: str, b) -> bool:
    return compare(a, op, b)


# ---- the checker ---------------------------------------------------------------------

class _Context:
    """What one check of one period needs, computed once."""

    def __init__(self, ws: FigureSource, code: str):
        self.ws = ws
        self.cat = ws.catalogue
        self.period = ws.period(code)
        self.cells = rollup.values(ws, code)
        self.values = {k: c.value for k, c in self.cells.items()}
        self._previous = False
        self._history = None

    def label(self, key: str) -> str:
        ind = self.cat.get(key)
        return ind.label if ind else key

    def area(self, keys) -> int | None:
        for key in keys:
            ind = self.cat.get(key)
            if ind:
                return ind.area
        return None

    def show(self, key: str, value) -> str:
        ind = self.cat.get(key)
        return _show(value, ind.decimals if ind and ind.decimals is not None else 2)

    def expr_label(self, formula: Formula) -> str:
        if not formula.keys:
            return formula.text.strip()
        if len(formula.keys) == 1 and formula.text.strip() == formula.keys[0]:
            return self.label(formula.keys[0])
        return " + ".join(self.label(k) for k in formula.keys) if _is_plain_sum(formula) else formula.text

    def previous_values(self) -> tuple[str, dict] | None:
        """(code, values) of the period that ends just before this one starts."""
        if self._previous is False:
            self._previous = None
            if self.period.kind == periods.CUSTOM:
                return None   # a custom window continues from no other period
            start, _ = _months(self.period)
            year, month = (self.period.year, start - 1) if start > 1 else (self.period.year - 1, 12)
            order = ("Q4", "H2", "Y", "9M", "Q3", "H1", "Q2", "Q1")
            candidates = [p for p in self.ws.periods()
                          if p.year == year and p.kind != periods.CUSTOM and _months(p)[1] == month]
            candidates.sort(key=lambda p: order.index(p.kind) if p.kind in order else len(order))
            for p in candidates:
                vals = {k: c.value for k, c in rollup.values(self.ws, p.code).items()}
                self._previous = (p.code, vals)
                break
        return self._previous

    def history(self) -> list[tuple[str, dict, int]]:
        """(code, typed values, months) of the unit's periods that end before this one."""
        if self._history is None:
            end = (self.period.year, _months(self.period)[1])
            earlier = [p for p in self.ws.periods() if (p.year, _months(p)[1]) < end]
            # The last dozen periods say what is usual; older ones would only slow the check.
            self._history = [(p.code, rollup.typed_values(self.ws, p.code), periods.span_months(p.name))
                             for p in earlier[-12:]]
        return self._history


def _is_plain_sum(formula: Formula) -> bool:
    return all(ch not in formula.text for ch in "*/-")


def _months(period) -> tuple[int, int]:
    return periods.month_range(period.name)


def counts(findings) -> tuple[int, int]:
    """(errors, warnings) among *findings*."""
    errors = sum(1 for f in findings if f.severity == ERROR)
    return errors, len(findings) - errors


def check(ws: FigureSource, code: str, *, rule_set: list[Rule] | None = None) -> list[Finding]:
    """Every finding for period *code*: data rules, generated rules, acknowledgements applied.

    *rule_set* is ``rules_for(ws)`` when the caller already has it (checking many periods
    against the same rules)."""
    ctx = _Context(ws, code)
    found: list[Finding] = []
    for rule in rules_for(ws) if rule_set is None else rule_set:
        handler = _HANDLERS[rule.type]
        try:
            found.extend(handler(ctx, rule))
        except (TypeError, ZeroDivisionError, ValueError):
            # A text where a number was expected: the domain rule reports it.
            continue
    seen, unique = set(), []
    for f in found:
        if f.ident not in seen:
            seen.add(f.ident)
            unique.append(f)
    acks = acknowledgements(ws, code)
    for f in unique:
        if f.severity == WARNING and f.ident in acks:
            f.acknowledged = acks[f.ident]
    unique.sort(key=lambda f: (f.area if f.area is not None else 0, f.severity != ERROR))
    return unique


def _finding(ctx, rule: Rule, keys, values, default_message: str, fields: dict) -> Finding:
    message = _fill(rule.message, fields) if rule.message else default_message
    area = rule.area if rule.area is not None else ctx.area(keys)
    return Finding(rule.code, rule.severity, list(dict.fromkeys(keys)), values, message, area)


def _values_of(ctx, formulas) -> dict:
    out = {}
    for f in formulas:
        for k in f.keys:
            if ctx.values.get(k) is not None:
                out[k] = ctx.values[k]
    return out


def _with_optional(ctx, rule: Rule) -> dict:
    """The period's values with the rule's ``optional`` keys as 0 when not recorded.

    Only a rule's own definition may say so (the brief's "withdrawn, when recorded"):
    elsewhere a missing value stays missing.
    """
    optional = rule.spec.get("optional") or ()
    if not optional:
        return ctx.values
    values = dict(ctx.values)
    for key in optional:
        if values.get(key) is None:
            values[key] = 0
    return values


def _rule_sum(ctx, rule: Rule):
    total_f, parts = rule.formulas["total"], rule.formulas["parts"]
    values = _with_optional(ctx, rule)
    total = total_f.evaluate(values)
    if total is None:
        return
    known = [p.evaluate(values) for p in parts]
    present = [v for v in known if v is not None]
    if not present:
        return
    s = sum(present)
    complete = len(present) == len(known)
    if complete and abs(s - total) <= TOLERANCE:
        return
    if not complete and s <= total + TOLERANCE:
        return   # the missing parts might make up the difference: say nothing
    keys = [*total_f.keys, *(k for p in parts for k in p.keys)]
    key0 = total_f.keys[0]
    fields = {"total": ctx.show(key0, total), "sum": ctx.show(key0, s), "total_label": ctx.label(key0),
              "difference": ctx.show(key0, total - s)}
    default = (f"{ctx.expr_label(total_f)} ({fields['total']}) khác tổng các thành phần ({fields['sum']}: "
               + " + ".join(f"{ctx.expr_label(p)} {ctx.show((p.keys or total_f.keys or ('',))[0], v)}"
                            for p, v in zip(parts, known) if v is not None) + ")")
    if not complete:
        default = default.replace("khác tổng", "nhỏ hơn tổng")
    yield _finding(ctx, rule, keys, _values_of(ctx, [total_f, *parts]), default + ".", fields)


def _rule_compare(ctx, rule: Rule):
    left_f, right_f, op = rule.formulas["left"], rule.formulas["right"], rule.spec["op"]
    values = _with_optional(ctx, rule)
    left, right = left_f.evaluate(values), right_f.evaluate(values)
    if left is None or right is None or _compare(left, op, right):
        return
    # a side may be a plain number ("600"): show it with the other side's precision
    k0 = (left_f.keys or right_f.keys or ("",))[0]
    k1 = (right_f.keys or left_f.keys or ("",))[0]
    fields = {"left": ctx.show(k0, left), "right": ctx.show(k1, right),
              "left_label": ctx.expr_label(left_f), "right_label": ctx.expr_label(right_f),
              "difference": ctx.show(k0, left - right)}
    if op == "=":
        default = f"{fields['left_label']} ({fields['left']}) khác {fields['right_label']} ({fields['right']})."
    elif op in ("<=", "<"):
        default = f"{fields['left_label']} ({fields['left']}) lớn hơn {fields['right_label']} ({fields['right']})."
    else:
        default = f"{fields['left_label']} ({fields['left']}) nhỏ hơn {fields['right_label']} ({fields['right']})."
    yield _finding(ctx, rule, [*left_f.keys, *right_f.keys], _values_of(ctx, [left_f, right_f]), default, fields)


def _rule_continuity(ctx, rule: Rule):
    key_f, prev_f = rule.formulas["key"], rule.formulas["previous"]
    now_value = key_f.evaluate(ctx.values)
    prev = ctx.previous_values()
    if now_value is None or prev is None:
        return
    prev_code, prev_values = prev
    before = prev_f.evaluate(prev_values)
    if before is None or abs(before - now_value) <= TOLERANCE:
        return
    k0, k1 = key_f.keys[0], prev_f.keys[0]
    prev_label = periods.parse_code(prev_code).label
    fields = {"value": ctx.show(k0, now_value), "previous": ctx.show(k1, before), "previous_period": prev_label,
              "label": ctx.label(k0), "previous_label": ctx.label(k1)}
    default = (f"{fields['label']} ({fields['value']}) khác {fields['previous_label'].lower()} cuối kỳ trước "
               f"({prev_label}: {fields['previous']}).")
    values = _values_of(ctx, [key_f])
    values[f"{prev_code}:{k1}"] = before
    yield _finding(ctx, rule, list(key_f.keys), values, default, fields)


def _rule_rate(ctx, rule: Rule):
    keys = [rule.spec["key"]] if rule.spec.get("key") else list(ctx.cat.derived())
    for key in keys:
        yield from _rate_of(ctx, rule, key)


def _rate_of(ctx, rule: Rule, key: str):
    cell = ctx.cells.get(key)
    formula = ctx.cat.formula(key)
    if cell is None or not cell.typed or formula is None or isinstance(cell.value, str):
        return
    # The rate's own value is left out; a formula that does not name it never looks it up.
    own = ctx.values if key not in formula.keys else {k: v for k, v in ctx.values.items() if k != key}
    computed = formula.evaluate(own)
    if computed is None:
        return
    typed = cell.value
    ind = ctx.cat[key]
    # The typed rate must be the computed one rounded at the precision typed ("77" for
    # 34 / 44 = 77,27; "85,10" is checked to two places).  Only the computed value cut off
    # at that precision (97,95 for 97,958) is a rounding slip, a warning; anything else
    # ("86" for 85,11) is a wrong figure.
    places = decimals_of(typed)
    rounded = _round(computed, places)
    as_typed = Decimal(repr(float(typed))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if as_typed == rounded:
        return
    severity = rule.severity
    slip = ind.kind in ("percent", "ratio") and as_typed == _round(computed, places, ROUND_DOWN)
    named = [f"{ctx.label(k)} ({ctx.show(k, ctx.values.get(k))})" for k in formula.keys]
    parts = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " và " + named[-1]
    shown = format_number(Figure(float(rounded), places)) if places else format_number(int(rounded))
    exact = format_number(computed, max(places + 1, 2))
    unit = "%" if ind.kind == "percent" else ""
    if slip:
        severity = WARNING
        default = (f"{ind.label}: nhập {format_number(typed)}{unit}, tính từ các thành phần được {exact}{unit}, "
                   f"làm tròn là {shown}{unit}.")
    else:
        default = (f"{ind.label} nhập {format_number(typed)}{unit} không khớp với số tính từ {parts}: "
                   f"{exact}{unit}" + (f", làm tròn là {shown}{unit}." if unit else "."))
    fields = {"typed": format_number(typed), "computed": exact, "label": ind.label}
    values = {key: typed, **{k: ctx.values.get(k) for k in formula.keys}}
    f = _finding(ctx, rule, [key, *formula.keys], values, default, fields)
    f.severity = severity
    if slip:
        f.rule = rule.code + ".rounding"
    yield f


def _rule_domain(ctx, rule: Rule):
    for key, cell in ctx.cells.items():
        ind = ctx.cat.get(key)
        v = cell.value
        if ind is None or v is None or ind.kind == "text" or cell.source == rollup.DERIVED:
            continue   # a rate computed from its parts is wrong only if a part is: those rules say so
        problem = None
        if isinstance(v, str):
            problem = f"“{v}” không phải là số"
        elif v < 0:
            problem = f"{_show(v)} là số âm"
        elif ind.kind in ("count", "code") and v != int(v):
            problem = f"{_show(v)} không phải là số nguyên"
        elif ind.kind == "percent" and v > 100 + TOLERANCE:
            problem = f"{_show(v)}% vượt quá 100%"
        elif ind.kind == "code":
            codes = ctx.ws.code_list(key)
            if codes and int(v) not in codes:
                allowed = "; ".join(f"{label} = {value}" for value, label in codes.items())
                problem = f"mã {_show(v)} không có trong danh sách ({allowed})"
        if problem:
            message = f"{ind.label}: {problem}."
            yield Finding(f"{rule.code}.{key}", rule.severity, [key], {key: v}, message, ind.area)


def _rule_window(ctx, rule: Rule):
    p = ctx.period
    problems = periods.window_problems(p.name, p.window_from, p.window_to, ctx.ws.unit())
    values = {WINDOW_KEY: f"{format_date(p.window_from)} – {format_date(p.window_to)}"}
    for text in problems:
        yield Finding(rule.code, rule.severity, [WINDOW_KEY], values, text, None)
        break   # one finding for the window; window_problems gives the most important first
    late = periods.report_date_problem(p.window_to, p.report_date)
    if late:
        yield Finding(f"{rule.code}.report_date", rule.severity, [WINDOW_KEY], values, late, None)


def _rule_rollup(ctx, rule: Rule):
    """A typed figure vs. what the detail tables, the registers or the quarters give."""
    labels = rollup.SOURCE_LABELS
    for key, cell in ctx.cells.items():
        if not cell.typed or not cell.computed or isinstance(cell.value, str):
            continue
        ind = ctx.cat.get(key)
        if ind is None or ind.rollup == "derived":
            continue   # a rate: the rate rule compares it with its parts
        for source, other in cell.computed.items():
            if source in (rollup.DERIVED, rollup.TYPED) or other is None or isinstance(other, str):
                continue
            if abs(other - cell.value) <= TOLERANCE:
                continue
            if source == rollup.ROLLUP:
                # rollup.values gives a rolled-up figure only when every part it reads is there
                # how the parts make it: "cộng dồn từ Quý I, Quý II", "đầu kỳ, lấy từ Quý I" …
                rolled = rollup.Cell(key, other, rollup.ROLLUP, sources=cell.rolled_from)
                source_text = "số " + rollup.source_text(rolled, ctx.cat)
            else:
                source_text = labels.get(source, source)
            # An error, whatever the source: the report's text counts the register and the task
            # table, the appendix prints the typed figure, and both are signed; the officer
            # completes the register or corrects the figure before finalising.
            message = (f"{ind.label}: nhập {ctx.show(key, cell.value)} nhưng {source_text} "
                       f"là {ctx.show(key, other)}.")
            yield Finding(f"{rule.code}.{source}", rule.severity, [key], {key: cell.value, f"{source}:{key}": other},
                          message, ind.area)


def _rule_cumulative(ctx, rule: Rule):
    keys = [rule.spec["key"]] if rule.spec.get("key") else [
        i.key for i in ctx.cat if i.rollup == "cumulative"]
    p = ctx.period
    earlier = [q for q in ctx.ws.periods() if q.year == p.year and _months(q)[1] < _months(p)[1]]
    if not earlier:
        return
    for key in keys:
        v = ctx.values.get(key)
        if v is None or isinstance(v, str):
            continue
        for q in reversed(earlier):
            before = rollup.typed_values(ctx.ws, q.code).get(key)
            if before is None or isinstance(before, str):
                continue
            if v < before - TOLERANCE:
                ind = ctx.cat[key]
                message = (f"{ind.label} là số cộng dồn trong năm nhưng giảm từ {ctx.show(key, before)} "
                           f"({q.label}) xuống {ctx.show(key, v)}.")
                yield Finding(f"{rule.code}.{key}", rule.severity, [key], {key: v, f"{q.code}:{key}": before},
                              message, ind.area)
            break


def _rule_outlier(ctx, rule: Rule):
    factor = float(rule.spec.get("factor", 10))
    min_history = int(rule.spec.get("min_history", 2))
    floor = float(rule.spec.get("min_usual", 5))
    history = ctx.history()
    if len(history) < min_history:
        return
    months = periods.span_months(ctx.period.name)
    for key, cell in ctx.cells.items():
        ind = ctx.cat.get(key)
        if ind is None or ind.kind not in ("count", "money") or ind.derived or not cell.typed:
            continue
        v = cell.value
        if not isinstance(v, (int, float)):
            continue
        # Flows are compared per month so a year is not "ten times" a quarter.
        per = ind.rollup in ("sum", "opening_plus_sum")
        past = [h[1][key] / (h[2] if per else 1) for h in history
                if isinstance(h[1].get(key), (int, float))]
        if len(past) < min_history:
            continue
        usual = statistics.median(past)
        now_v = v / months if per else v
        if usual <= 0 or now_v <= 0 or max(usual, now_v) < floor:
            continue   # nothing usual to compare with, or figures too small to mean anything
        if now_v >= usual * factor or usual >= now_v * factor:
            unit = " mỗi tháng" if per else ""
            times = now_v / usual
            how = (f"gấp {format_number(times, 1)} lần" if times >= 1
                   else f"chỉ bằng {format_number(times * 100, 1)}%")
            message = (f"{ind.label} ({ctx.show(key, v)}) khác thường so với các kỳ trước của đơn vị: "
                       f"thường khoảng {format_number(usual, 1)}{unit}, nay {how}; hãy kiểm tra lại.")
            yield Finding(f"{rule.code}.{key}", rule.severity, [key], {key: v, "usual": usual}, message, ind.area)


def _rule_overdue_tasks(ctx, rule: Rule):
    """Tasks of the year's plan past their deadline at the end of the data window, not done."""
    p = ctx.period
    if p.window_to is None:
        return
    late = [t for t in ctx.ws.plan_tasks(p.year) if plans.overdue(t, p.window_to)]
    if not late:
        return
    names = "; ".join(f"{t['content']} (thời hạn {t['deadline']})" for t in late[:3])
    more = f" và {len(late) - 3} nhiệm vụ khác" if len(late) > 3 else ""
    message = (f"{len(late)} nhiệm vụ của kế hoạch CCHC năm {p.year} đã quá hạn mà chưa hoàn thành "
               f"đến ngày {format_date(p.window_to)}: {names}{more}.")
    yield Finding(rule.code, rule.severity, ["plan.tasks_done"], {"overdue_tasks": len(late)}, message, 1)


_HANDLERS = {
    "sum": _rule_sum, "le": _rule_compare, "balance": _rule_compare, "same": _rule_compare,
    "obligation": _rule_compare, "continuity": _rule_continuity, "rate": _rule_rate,
    "domain": _rule_domain, "window": _rule_window, "rollup": _rule_rollup,
    "cumulative": _rule_cumulative, "outlier": _rule_outlier, "overdue_tasks": _rule_overdue_tasks,
}


# ---- acknowledgements ----------------------------------------------------------------

def acknowledgements(ws: Workspace, code: str) -> dict[tuple[str, str], str]:
    """(rule, keys) → comment for the warnings acknowledged in the period."""
    return ws.acknowledgements(code)


def acknowledge(ws: Workspace, code: str, finding: Finding, comment: str):
    """Keep a comment that explains a warning (an error cannot be acknowledged).

    An empty comment withdraws the acknowledgement.
    """
    p = ws.period(code)
    if finding.severity == ERROR:
        raise WorkspaceError("Lỗi phải được sửa trong số liệu; chỉ cảnh báo mới có thể ghi nhận kèm giải trình.")
    comment = nfc(comment) or ""
    rule, keys = finding.ident
    where = {"period_id": p.id, "rule": rule, "keys": keys}
    row = {**where, "comment": comment, "at": now(), "user": ws.user} if comment else None
    with ws.operation("Ghi nhận cảnh báo" if comment else "Bỏ ghi nhận cảnh báo"):
        ws.change_row("acknowledgements", where, row)
    finding.acknowledged = comment or None
