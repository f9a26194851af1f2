"""Every shipped indicators template against the appendix of the seed it copies, row by row,
read from the seed text itself (issue 10 §3: seed 002's Phụ lục 8 had lost row 6.5.2)."""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from cchc_desktop.paths import resource

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
if not SEEDS.is_dir():                                   # a worktree or CI clone beside shared/
    SEEDS = next((p / "shared" / "seeds" for p in Path(__file__).resolve().parents if (p / "shared" / "seeds").is_dir()),
                 SEEDS)

# template → (seed file prefix, the text where its appendix starts)
COPIES = {
    "phu-luc-1": ("000", " Phụ lục 1"),
    "phu-luc-2-8": ("002", "## Phụ lục 2"),
    "phu-luc-truong-thi": ("004", "Phụ lục \n"),
}
# Where a template deliberately differs from its seed: seed 000 numbers the rows of 1.2
# "1.1.1–1.1.3" a second time; the template numbers them 1.2.1–1.2.3 (and the rows of 7.4,
# which the seed numbers 7.3.1–7.3.4, 7.4.1–7.4.4); each keeps the seed's number as seed_stt.
CORRECTED = {"phu-luc-1": {("1.2.1", "1.1.1"), ("1.2.2", "1.1.2"), ("1.2.3", "1.1.3"),
                           ("7.4.1", "7.3.1"), ("7.4.2", "7.3.2"), ("7.4.3", "7.3.3"), ("7.4.4", "7.3.4")}}

# an STT at the start of a line (bold in seed 002's markdown, alone on its line in seed 004)
STT = re.compile(r"^\s*(?:<b>)?\**(\d{1,2}(?:[.,]\d{1,2}){0,3})[.,]?(?:</b>)?\**(?:\s+(?=\S)|\s*$)")
TAGS = re.compile(r"</?[bi]>|\*+")


def _norm_stt(stt: str) -> str:
    return stt.replace(",", ".").rstrip(".")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", TAGS.sub("", text).lower())


def seed_rows(name: str) -> list[tuple[str, str]]:
    """(STT, rest of the line) of every numbered line of the seed's appendix, in order."""
    prefix, start = COPIES[name]
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    out = []
    for line in text[text.index(start):].splitlines():
        m = STT.match(line)
        if m:
            out.append((_norm_stt(m.group(1)), TAGS.sub("", line[m.end():]).strip()))
    return out


def template_rows(name: str) -> list[dict]:
    data = json.loads(resource("templates", f"{name}.json").read_text(encoding="utf-8"))
    return [r for a in data["appendices"] for r in a.get("rows", []) if r.get("stt")]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds folder is not beside the checkout")
@pytest.mark.parametrize("name", sorted(COPIES))
def test_template_copies_its_seed_row_for_row(name):
    rows = template_rows(name)
    mine = [_norm_stt(r["stt"]) for r in rows]
    seed = seed_rows(name)
    theirs = [s for s, _ in seed]
    # every other text of the template (notes, code lists) may hold numbered fragments of the seed
    notes = " ".join(" ".join(_words(str(r.get(k, "")))) for r in rows for k in ("note", "codes_text", "label"))
    # and so may the seed's own notes (Ghi chú), which the sample of that seed carries as data
    for sample in resource("sample").glob("*.json"):
        data = json.loads(sample.read_text(encoding="utf-8"))
        if data["unit"].get("template") == name:
            notes += " " + " ".join(" ".join(_words(n)) for p in data["periods"] for n in (p.get("notes") or {}).values())
    fixed = CORRECTED.get(name, set())
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes():
        if op == "equal":
            for r, (_, rest) in zip(rows[i1:i2], seed[j1:j2]):
                # the same row: its label starts as the seed's (a row alone on its line has no text)
                first = _words(rest)[:2]
                assert not first or first == _words(r["label"])[:2] or " ".join(first) in " ".join(_words(r["label"])), \
                    (name, r["stt"], r["label"], rest)
            continue
        if op == "replace" and set(zip(mine[i1:i2], theirs[j1:j2])) <= fixed and i2 - i1 == j2 - j1:
            continue
        assert op == "insert", f"{name}: template rows {mine[i1:i2]} are not in the seed (there: {theirs[j1:j2]})"
        for stt, rest in seed[j1:j2]:
            words = _words(rest)
            # a value, a code or a fragment of a note the template carries is not a row
            noise = len(words) < 3 or " ".join(words) in notes
            assert noise, f"{name}: the seed's row {stt} “{rest}” is missing from the template"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds folder is not beside the checkout")
def test_the_missing_row_6_5_2_would_be_caught():
    """The comparison fails on the template as it was (without 6.5.2)."""
    rows = template_rows("phu-luc-2-8")
    assert rows[-1]["stt"] == "6.5.2." and rows[-1]["key"] == "tthc.online_payment"
    seed = seed_rows("phu-luc-2-8")
    assert seed[-1][0] == "6.5.2" and "thanh toán trực tuyến" in seed[-1][1]
    mine = [_norm_stt(r["stt"]) for r in rows[:-1]]
    ops = difflib.SequenceMatcher(None, mine, [s for s, _ in seed], autojunk=False).get_opcodes()
    assert ops[-1][0] == "insert"
