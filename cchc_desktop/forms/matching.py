"""Which of our indicators a row of an upper office's form asks for, and how sure we are.

A row's label is compared with every wording we know for each indicator: the catalogue's
label, the labels of the shipped templates (the seeds' own wordings) and the extra
wordings of ``resources/forms/wordings.json``.  Labels are folded (no accents, lower
case), abbreviations and their long forms read as one word ("thủ tục hành chính" = TTHC,
"đúng hẹn" = "đúng hạn"), words that say nothing are dropped, and the rest compared as a
weighted set of words and word pairs (rare words weigh more), so word order and small
changes of wording do not matter.  Words inside brackets ("(kể cả hồ sơ kỳ trước chuyển
sang)") weigh less: they qualify the figure, they do not name it.

The score is then adjusted by what else the row says: a "%" unit or "Tỷ lệ" asks for a
rate, "Hồ sơ" for a count of dossiers, a section heading names a reform area.  A match is
*sure* when it is high and clearly ahead of the next indicator; otherwise it is only a
proposal the officer confirms.  A wrong figure in a province's form is worse than a
blank, so the thresholds lean towards asking.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..paths import resource
from ..slug import ascii_fold

SURE, UNSURE, NONE = "sure", "unsure", "none"
SURE_SCORE = 0.78        # at least this similar …
SURE_MARGIN = 0.10       # … and this far ahead of the next indicator
PROPOSE_SCORE = 0.40     # below this, nothing is proposed
PAREN_WEIGHT = 0.35      # words in brackets qualify, they do not name
SHORT_WEIGHT = 0.72      # a short label found whole in a longer wording: a proposal, never sure
RATE_UNITS = ("%", "ty le", "phan tram")
AREA_WORDS = {            # folded words of a section heading → reform area
    1: ("chi dao", "dieu hanh"), 2: ("the che",), 3: ("thu tuc", "tthc"), 4: ("to chuc bo may", "bo may"),
    5: ("cong vu", "can bo cong chuc", "cbcc"), 6: ("tai chinh",), 7: ("chinh quyen dien tu", "chinh quyen so",
                                                                       "dien tu", "chuyen doi so")}


@dataclass(frozen=True)
class Candidate:
    key: str
    score: float
    wording: str          # the wording it resembled most
    source: str           # where that wording comes from ("danh mục", a template's title …)


@dataclass
class Proposal:
    """What the matcher thinks of one row: the best indicator, how sure, why, and the others."""
    key: str | None
    confidence: float
    level: str                                   # SURE, UNSURE or NONE
    why: str
    alternatives: list = field(default_factory=list)   # [Candidate], best first (the proposal included)


def fold(text: str | None) -> str:
    """Lower-case ASCII words: “Số hồ sơ (BCCI)” → “so ho so (bcci)”."""
    return ascii_fold(text or "").lower()


@lru_cache(maxsize=1)
def _rules():
    with open(resource("forms", "wordings.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    phrases = sorted(((fold(a), b) for a, b in data["phrases"].items()), key=lambda p: -len(p[0]))
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a, _ in phrases) + r")\b")
    return pattern, dict(phrases), frozenset(data["stopwords"]), data.get("wordings", {})


@lru_cache(maxsize=1)
def _unit_classes() -> list[tuple[str, str]]:
    with open(resource("forms", "wordings.json"), encoding="utf-8") as fh:
        classes = json.load(fh).get("unit_classes", {})
    return sorted(((fold(k), v) for k, v in classes.items()), key=lambda p: -len(p[0]))


def unit_class(unit: str | None) -> str | None:
    """What a unit of measure counts ("Hồ sơ" → dossier, "Cái"/"Máy" → machine); None when unknown."""
    u = re.sub(r"[^a-z0-9%]+", " ", fold(unit)).strip()
    for prefix, cls in _unit_classes():
        if u == prefix or u.startswith(prefix + " ") or (prefix == "%" and "%" in u):
            return cls
    return None


def _words(text: str) -> list[str]:
    pattern, phrases, stop, _ = _rules()
    text = re.sub(r"[^a-z0-9%]+", " ", text)
    text = pattern.sub(lambda m: phrases[m.group(1)], text)
    return [w for w in text.split() if w not in stop]


def terms(label: str) -> Counter:
    """The weighted terms of a label: words and word pairs, bracketed ones weighing less."""
    folded = fold(label)
    out: Counter = Counter()
    depth_parts = re.split(r"([()])", folded)
    depth, main, aside = 0, [], []
    for part in depth_parts:
        if part == "(":
            depth += 1
        elif part == ")":
            depth = max(depth - 1, 0)
        else:
            (aside if depth else main).append(part)
    for text, weight in ((" ".join(main), 1.0), (" ".join(aside), PAREN_WEIGHT)):
        words = _words(text)
        for w in words:
            out[w] = max(out[w], weight)
        for a, b in zip(words, words[1:]):
            out[a + " " + b] = max(out[a + " " + b], weight)
    return out


def is_rate(label: str, unit: str = "") -> bool:
    f = fold(label) + " " + fold(unit)
    return "%" in f or "ty le" in f or "ti le" in f or "phan tram" in f


class Matcher:
    """Proposes indicators for labels; built once from the catalogue and the templates."""

    def __init__(self, catalogue, templates=()):
        _, _, _, extra = _rules()
        self.cat = catalogue
        self.wordings: list[tuple[str, str, str, Counter]] = []   # (key, wording, source, terms)
        seen = set()

        def add(key, wording, source):
            if catalogue.get(key) is None or not wording:
                return
            if (key, fold(wording)) in seen:
                return
            seen.add((key, fold(wording)))
            self.wordings.append((key, wording, source, terms(wording)))

        for ind in catalogue:
            add(ind.key, ind.label, "danh mục chỉ tiêu")
        for tpl in templates:
            for _, row in tpl.rows():
                if row.key:
                    add(row.key, row.label, f"mẫu “{tpl.title}”")
        for key, labels in extra.items():
            for label in labels:
                add(key, label, "cách gọi thường gặp")
        df: Counter = Counter()
        for _, _, _, t in self.wordings:
            df.update(set(t))
        n = len(self.wordings)
        self.idf = {term: math.log(1 + n / c) for term, c in df.items()}
        self.default_idf = math.log(1 + n)

    def _weight(self, term: str) -> float:
        return self.idf.get(term, self.default_idf)

    def similarity(self, a: Counter, b: Counter) -> float:
        """Weighted Dice of two term sets: 1 when the same, 0 when nothing shared."""
        if not a or not b:
            return 0.0
        common = sum(min(a[t], b[t]) * self._weight(t) for t in a.keys() & b.keys())
        total = sum(w * self._weight(t) for t, w in a.items()) + sum(w * self._weight(t) for t, w in b.items())
        return 2 * common / total if total else 0.0

    def containment(self, row: Counter, wording: Counter) -> float:
        """How much of the row's own words the wording holds (a short label inside a longer one)."""
        own = [t for t, w in row.items() if w == 1.0 and " " not in t]
        total = sum(self._weight(t) for t in own)
        return sum(self._weight(t) for t in own if t in wording) / total if total else 0.0

    def _adjust(self, key: str, score: float, label: str, unit: str, area: int | None) -> float:
        ind = self.cat.get(key)
        rate_row = is_rate(label, unit)
        rate_ind = ind.kind in ("percent", "ratio")
        if rate_row != rate_ind:
            score *= 0.55
        if unit and not rate_row and ind.unit and ind.kind != "code":
            asked, mine = unit_class(unit), unit_class(ind.unit)
            if asked is not None and mine is not None and asked != mine:
                score *= 0.75      # "Thủ tục" asked, a count of dossiers offered
        if area is not None and ind.area != area:
            score *= 0.85
        return score

    def candidates(self, label: str, unit: str = "", area: int | None = None, context: str = "") -> list[Candidate]:
        """Every indicator with a score, best first (one entry per indicator)."""
        own = terms(label)
        with_context = terms(context + " " + label) if context else None
        target = fold(label).strip()
        best: dict[str, Candidate] = {}
        for key, wording, source, t in self.wordings:
            score = 1.0 if fold(wording).strip() == target else \
                max(self.similarity(own, t), SHORT_WEIGHT * self.containment(own, t))
            if with_context is not None:
                score = max(score, self.similarity(with_context, t) * 0.95)
            score = self._adjust(key, score, label, unit, area)
            if key not in best or score > best[key].score:
                best[key] = Candidate(key, round(score, 3), wording, source)
        return sorted(best.values(), key=lambda c: -c.score)

    def _narrower(self, label: str, context: str, top_key: str) -> Candidate | None:
        """Another indicator that words the row's label *and* what its section adds.

        "Tổng số nhiệm vụ được giao" under "Nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao"
        is the province's tasks, not every task: the label alone matches the general
        indicator perfectly, the section says which one."""
        own = {t: w for t, w in terms(label).items() if w == 1.0 and " " not in t}
        ctx = terms(context)
        if not own:
            return None
        own_weight = sum(self._weight(t) for t in own)
        best, best_gain = None, 0.0
        for key, wording, source, t in self.wordings:
            if key == top_key:
                continue
            covered = sum(self._weight(x) for x in own if x in t) / own_weight
            if covered < 0.85:
                continue
            extra = [x for x in t if x not in own and " " not in x]
            gain = sum(self._weight(x) for x in extra if x in ctx)
            if gain >= 2.0 and gain > best_gain:
                best, best_gain = Candidate(key, round(min(0.99, covered), 3), wording, source), gain
        return best

    def propose(self, label: str, unit: str = "", area: int | None = None, context: str = "",
                section: str = "") -> Proposal:
        """The indicator this row asks for, if any, with how sure we are and why.

        *context* is the row a "- …" line details; *section* the heading the row sits under
        (a heading that only names a reform area says nothing more than *area*)."""
        found = self.candidates(label, unit, area, context)
        if not found or found[0].score < PROPOSE_SCORE:
            near = f" (gần nhất: “{found[0].wording}”, {found[0].score:.0%})" if found else ""
            return Proposal(None, found[0].score if found else 0.0, NONE,
                            f"Không có chỉ tiêu nào đủ giống{near}.", found[:8])
        top = found[0]
        narrower = self._narrower(label, section, top.key) \
            if section and area_of_heading(section) is None else None
        if narrower is not None:
            ind = self.cat.get(narrower.key)
            return Proposal(narrower.key, narrower.score, UNSURE,
                            f"Tên dòng giống “{top.wording}”, nhưng mục “{section}” chỉ rõ hơn: “{ind.label}” — "
                            f"cần xác nhận.", [narrower] + [c for c in found[:8] if c.key != narrower.key])
        second = found[1].score if len(found) > 1 else 0.0
        ind = self.cat.get(top.key)
        why = f"Giống “{top.wording}” ({top.source}) {top.score:.0%}"
        if (top.score >= 0.9 and top.score - second >= SURE_MARGIN / 2) or \
                (top.score >= SURE_SCORE and top.score - second >= SURE_MARGIN):
            return Proposal(top.key, top.score, SURE, why + ".", found[:8])
        if top.score - second < SURE_MARGIN:
            why += f"; gần bằng “{self.cat.get(found[1].key).label}” {second:.0%}"
        return Proposal(top.key, top.score, UNSURE, why + f" — cần chọn lại: “{ind.label}”?", found[:8])


def area_of_heading(text: str) -> int | None:
    """The reform area a section heading names ("III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH" → 3), if any."""
    f = " " + re.sub(r"[^a-z0-9]+", " ", fold(text)) + " "
    m = re.match(r"\s*(?:linh vuc\s+)?([1-7])\s", f)
    hits = [a for a, words in AREA_WORDS.items() if any(f" {w} " in f for w in words)]
    if len(hits) == 1:
        return hits[0]
    return int(m.group(1)) if m and not hits else None


def default_matcher(ws) -> Matcher:
    """A matcher over the workspace's catalogue and every shipped template."""
    from .. import templates
    tpls = []
    for name in templates.shipped_names():
        try:
            tpls.append(templates.load(name, None))
        except Exception:   # a broken shipped template must not stop an import
            continue
    return Matcher(ws.catalogue, tpls)
