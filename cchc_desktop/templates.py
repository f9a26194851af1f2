"""Appendix templates: the layouts upper offices ask for, as data.

A template (``resources/templates/NAME.json``) is a list of appendices; each appendix
is a heading and rows printed row for row (STT, label, unit, value, note), in the
order and wording of the seed it copies.  A unit adapts a copy without code: a copy
stored in the workspace (settings key ``template:NAME``) wins over the shipped file.

Format::

    {"name": "phu-luc-1", "title": "…", "source": "seed 000",
     "appendices": [
       {"id": "1", "label": "Phụ lục 1", "orientation": "portrait",
        "heading": ["THỐNG KÊ SỐ LIỆU …", "TẠI {unit_upper}"],
        "kind": "indicators",            # or "detail" (with "table") or "tasks"
        "area": null,                    # 1..7 for a per-area appendix
        "rows": [
          {"stt": "1.", "label": "Công tác chỉ đạo điều hành CCHC", "style": "group"},
          {"stt": "1.1.1.", "key": "plan.tasks_planned"},
          {"stt": "4.1.", "key": "org.working_rules", "codes": [{"value": 1, "label": "Đúng quy định"},
                                                              {"value": 2, "label": "Không đúng quy định"}]},
          {"stt": "3.3.", "label": "…", "unit": "", "note": "…"}]}]}

Row fields: ``stt``; ``key`` (optional: a heading row has none); ``label`` and
``unit`` (default: the catalogue's); ``style`` (``group`` bold, ``item``, ``sub``
italic); ``codes`` (the code list as this template prints and checks it); ``note``
(printed in Ghi chú when the period has no note of its own); ``codes_text`` (the code
list wording exactly as printed, when it differs from "label = value" lines).
Heading placeholders: ``{unit}``, ``{unit_upper}``, ``{parent}``, ``{period_label}``,
``{period_label_upper}``, ``{number}``, ``{symbol}``, ``{date}``.  A row label names a
place only through ``{province}`` ("báo {province}") and the upper office through
``{parent_body}`` ("UBND tỉnh"), filled from the unit's profile, so a unit never prints
another unit's place.  ``seed_stt`` and
``seed_label`` keep what the seed printed where the template corrects a slip of the seed
(seed 000 numbers the inspection rows 1.1.1–1.1.3 under 1.2) or names its place.
``office`` is the upper office the layout came from, shown when a template is chosen.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import catalogue as _catalogue
from .catalogue import CatalogueError
from .paths import resource
from .vnformat import nfc

APPENDIX_KINDS = ("indicators", "detail", "tasks", "targets")
STYLES = ("group", "item", "sub")


@dataclass(frozen=True)
class Row:
    stt: str
    label: str
    unit: str
    key: str | None = None
    style: str = "item"
    codes: dict = field(default_factory=dict)
    codes_text: str = ""
    note: str = ""


@dataclass(frozen=True)
class Appendix:
    id: str
    label: str
    heading: tuple
    kind: str = "indicators"
    orientation: str = "portrait"
    area: int | None = None
    table: str | None = None
    rows: tuple = ()

    def keys(self) -> list[str]:
        return [r.key for r in self.rows if r.key]


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    source: str
    appendices: tuple
    office: str = ""        # the upper office the layout came from ("UBND thị xã Quảng Trị")
    form: str = ""          # set when this is an upper office's own Excel form (forms.library)

    def rows(self):
        """Every (appendix, row) of the template, in print order."""
        for app in self.appendices:
            for row in app.rows:
                yield app, row

    def keys(self) -> list[str]:
        """The indicator keys the template prints, in order, without repeats."""
        return list(dict.fromkeys(r.key for _, r in self.rows() if r.key))

    def code_lists(self) -> dict[str, dict]:
        """key → code list as this template defines it (overrides the catalogue's)."""
        return {r.key: r.codes for _, r in self.rows() if r.key and r.codes}

    def appendix(self, app_id: str) -> Appendix:
        for a in self.appendices:
            if a.id == app_id:
                return a
        raise KeyError(app_id)


def parse(data: dict, cat=None) -> Template:
    """Build a Template from its JSON form, checking every key against the catalogue."""
    cat = cat or _catalogue.default()
    name = data.get("name") or ""
    apps = []
    for a in data.get("appendices", []):
        kind = a.get("kind", "indicators")
        if kind not in APPENDIX_KINDS:
            raise CatalogueError(f"Mẫu {name}: loại phụ lục không hợp lệ “{kind}”.")
        rows = []
        for i, r in enumerate(a.get("rows", []), 1):
            key = r.get("key")
            ind = cat.get(key) if key else None
            if key and ind is None:
                raise CatalogueError(f"Mẫu {name}, {a.get('label')}, dòng {r.get('stt') or i}: mã “{key}” không có trong danh mục.")
            style = r.get("style", "item" if key else "group")
            if style not in STYLES:
                raise CatalogueError(f"Mẫu {name}: kiểu dòng không hợp lệ “{style}”.")
            codes = {int(c["value"]): nfc(c["label"]) for c in r.get("codes", [])}
            if codes and ind is not None and ind.kind != "code":
                raise CatalogueError(f"Mẫu {name}: chỉ tiêu {key} không phải loại mã nên không có danh sách mã.")
            label = nfc(r.get("label") or (ind.label if ind else ""))
            unit = r.get("unit")
            if unit is None:
                unit = "" if ind is None else (ind.unit if ind.kind != "code" else "")
            rows.append(Row(stt=nfc(r.get("stt", "")), label=label, unit=nfc(unit), key=key, style=style,
                            codes=codes, codes_text=nfc(r.get("codes_text", "")), note=nfc(r.get("note", ""))))
        if kind == "detail":
            try:
                cat.detail_table(a.get("table", ""))
            except KeyError:
                raise CatalogueError(f"Mẫu {name}: bảng chi tiết “{a.get('table')}” không có trong danh mục.")
        apps.append(Appendix(id=str(a.get("id", len(apps) + 1)), label=nfc(a.get("label", "Phụ lục")),
                             heading=tuple(nfc(h) for h in a.get("heading", [])), kind=kind,
                             orientation=a.get("orientation", "portrait"), area=a.get("area"),
                             table=a.get("table"), rows=tuple(rows)))
    if not apps:
        raise CatalogueError(f"Mẫu {name} không có phụ lục nào.")
    return Template(name=name, title=nfc(data.get("title", name)), source=data.get("source", ""),
                    appendices=tuple(apps), office=nfc(data.get("office", "")))


_PLACE = re.compile(r"\b(tỉnh|thành phố|TP\.?|thị xã|huyện)\s+(.+?)\s*$", re.I)


def province_of(unit: dict | None) -> str:
    """The place a template's "báo {province}" names: the province in the focal agency
    ("Sở Nội vụ tỉnh Bình Định" → "Bình Định"), else the parent's place ("UBND thị xã
    Quảng Trị" → "Quảng Trị"); "tỉnh" when the profile says neither."""
    unit = unit or {}
    for text in (unit.get("focal_agency"), unit.get("parent")):
        m = _PLACE.search(nfc(text or "").strip())
        if m:
            return m.group(2)
    return "tỉnh"


_BODY = re.compile(r"^(UBND|Ủy ban nhân dân)\s+(tỉnh|thành phố|thị xã|huyện|quận)\b", re.I)


def parent_body(unit: dict | None) -> str:
    """The upper office as a row names it ("Thực hiện nhiệm vụ {parent_body} giao"):
    "UBND thị xã" for "UBND thị xã Quảng Trị", "UBND tỉnh" for "UBND tỉnh Gia Lai"."""
    m = _BODY.match(nfc((unit or {}).get("parent") or "").strip())
    return f"UBND {m.group(2).lower()}" if m else "cấp trên"


def _localise(data: dict, unit: dict | None) -> dict:
    """*data* with ``{province}`` and ``{parent_body}`` in row labels filled from the unit's profile."""
    words = {"{province}": province_of(unit), "{parent_body}": parent_body(unit)}

    def fill(row):
        label = row.get("label") or ""
        if "{" not in label:
            return row
        for k, v in words.items():
            label = label.replace(k, v)
        return dict(row, label=label)
    out = dict(data)
    out["appendices"] = [dict(a, rows=[fill(r) for r in a.get("rows", [])]) for a in data.get("appendices", [])]
    return out


@dataclass(frozen=True)
class Choice:
    """A template as the officer chooses it: by its title and the office it came from."""
    name: str
    title: str
    office: str
    source: str
    kind: str          # "shipped", "copy" (adapted in the workspace) or "form" (an upper office's workbook)


def choices(ws=None) -> list[Choice]:
    """Every template the unit can use: shipped ones, the workspace's adapted copies and the
    upper offices' own forms imported into it (titles read without checking every row)."""
    out = []
    for name in shipped_names():
        data = ws.setting(f"template:{name}") if ws is not None else None
        kind = "copy" if data is not None else "shipped"
        if data is None:
            with open(resource("templates", f"{name}.json"), encoding="utf-8") as fh:
                data = json.load(fh)
        out.append(Choice(name, nfc(data.get("title", name)), nfc(data.get("office", "")),
                          data.get("source", ""), kind))
    if ws is not None:
        from .forms import library
        for form in library.forms(ws):
            out.append(Choice(form.name, form.title, form.office, form.file_name, "form"))
    return out


def shipped_names() -> list[str]:
    """Names of the templates shipped under resources/templates/."""
    return sorted(p.stem for p in resource("templates").glob("*.json"))


def load(name: str, ws=None) -> Template:
    """The template *name*: the workspace's own copy if it has one, an upper office's form
    imported into the workspace (``cchc template import``), else the shipped file."""
    data = ws.setting(f"template:{name}") if ws is not None else None
    if data is None and ws is not None:
        from .forms import library
        form = library.find(ws, name, with_content=False)
        if form is not None:
            return library.as_template(form)
    if data is None:
        path = resource("templates", f"{name}.json")
        if not path.exists():
            raise CatalogueError(f"Không có mẫu phụ lục “{name}”. Các mẫu có sẵn: {', '.join(shipped_names())}.")
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    data = _localise(data, ws.unit() if ws is not None else None)
    return parse(data, ws.catalogue if ws is not None else None)


def for_workspace(ws) -> Template:
    """The template the unit's profile names."""
    return load(ws.unit()["template"], ws)


def save_copy(ws, template_json: dict, name: str):
    """Store an adapted template in the workspace (checked first)."""
    parse(template_json, ws.catalogue)
    ws.set_setting(f"template:{name}", dict(template_json, name=name))


def load_file(path: Path, cat=None, unit: dict | None = None) -> Template:
    with open(path, encoding="utf-8") as fh:
        return parse(_localise(json.load(fh), unit), cat)
