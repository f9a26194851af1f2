"""The one place that chooses and registers the printing fonts.

Offices expect Times New Roman; where Windows has it (``C:\\Windows\\Fonts\\times*.ttf``)
it is used, otherwise the shipped Liberation Serif (metric-compatible, SIL OFL 1.1, every
Vietnamese letter in four styles).  Both are TrueType fonts that reportlab embeds as
subsets, so every glyph travels inside the PDF.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..paths import resource

FAMILY = "CCHCSerif"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (FAMILY, FAMILY + "-Bold", FAMILY + "-Italic", FAMILY + "-BoldItalic")
WORD_FONT = "Times New Roman"   # Word substitutes Liberation Serif itself where TNR is missing

_registered: str | None = None


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def font_files() -> tuple[str, dict[str, Path]]:
    """(family name, style → TTF path): Times New Roman when present, else Liberation Serif."""
    win = _windows_fonts()
    tnr = {"regular": win / "times.ttf", "bold": win / "timesbd.ttf",
           "italic": win / "timesi.ttf", "bolditalic": win / "timesbi.ttf"}
    if all(p.is_file() for p in tnr.values()):
        return "Times New Roman", tnr
    base = resource("fonts")
    return "Liberation Serif", {
        "regular": base / "LiberationSerif-Regular.ttf", "bold": base / "LiberationSerif-Bold.ttf",
        "italic": base / "LiberationSerif-Italic.ttf", "bolditalic": base / "LiberationSerif-BoldItalic.ttf"}


def register() -> str:
    """Register the four styles with reportlab (once) and return the family actually used."""
    global _registered
    if _registered:
        return _registered
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family, files = font_files()
    for name, style in ((REGULAR, "regular"), (BOLD, "bold"), (ITALIC, "italic"), (BOLD_ITALIC, "bolditalic")):
        pdfmetrics.registerFont(TTFont(name, str(files[style])))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FAMILY, bold, italic, [REGULAR, ITALIC, BOLD, BOLD_ITALIC][bold * 2 + italic])
    # Without this every canvas starts with an unembedded Helvetica reference.
    rl_config.canvas_basefontname = REGULAR
    _registered = family
    return family
