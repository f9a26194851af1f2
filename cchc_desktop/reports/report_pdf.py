"""The report (Báo cáo) as PDF in the Decree 30/2020/NĐ-CP form.

Header block (parent and issuing body, national motto, number, place and date), title
and subject, "Kính gửi:" when the unit reports upward, sections I–V, the closing
sentence, "Nơi nhận:" beside the signature block; page numbers from page 2.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import vnformat
from . import draft, fonts, pdfkit, tables, watermark

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO2 = "Độc lập - Tự do - Hạnh phúc"

_NUMBERED = re.compile(r"^(\d+(\.\d+)*\.|[IVX]+\.)\s+\S")
_LETTERED = re.compile(r"^[a-zđ]\)\s+\S")


def line_style(line: str) -> str:
    """How a line of an officer's text prints: a short numbered line is a sub-heading."""
    short = len(line) <= 110 and not line.rstrip().endswith((".", ";", ":", ","))
    if _NUMBERED.match(line) and short:
        return "subheading"
    if _LETTERED.match(line) and short:
        return "minorheading"
    return "body"


def issuing_body(unit: dict) -> str:
    """'ỦY BAN NHÂN DÂN PHƯỜNG 2' from 'UBND phường 2'."""
    return tables.full_unit_name(unit.get("name") or "").upper()


def parent_body(unit: dict) -> str:
    """The line above the issuing body: none for a People's Committee (Decree 30/2020, seed 000
    prints 'ỦY BAN NHÂN DÂN / PHƯỜNG 2' alone); another issuer carries its parent, uppercase."""
    if issuing_body(unit).startswith("ỦY BAN NHÂN DÂN"):
        return ""
    return (unit.get("parent") or "").upper()


def _lines(text) -> list[str]:
    return [x.strip() for x in (text or "").splitlines() if x.strip()]


def upper_offices(unit: dict) -> list[str]:
    """The offices the unit reports to, from its profile: the parent ('UBND tỉnh Quảng Trị')
    and the reform focal agency ('Sở Nội vụ')."""
    return [x for x in (unit.get("parent") or "", unit.get("focal_agency") or "") if x.strip()]


def addressees(unit: dict) -> list[str]:
    """The names under 'Kính gửi:': as the profile lists them; when it lists neither addressees
    nor recipients (a new unit), the upper offices; none for a unit that set recipients only."""
    names = [n.lstrip("- ").rstrip(";.").strip() for n in _lines(unit.get("addressees"))]
    if names or _lines(unit.get("recipients")):
        return names
    return [n.strip() for n in upper_offices(unit)]


def recipients(unit: dict) -> list[str]:
    """The 'Nơi nhận:' lines, '- …;' each, ending with '- Lưu: VT.': as the profile lists them,
    else 'Như trên' (when there is a 'Kính gửi') or the upper offices."""
    lines = _lines(unit.get("recipients"))
    if not lines:
        lines = ["- Như trên;"] if addressees(unit) else [f"- {n};" for n in upper_offices(unit)]
    if not any(r.lstrip("- ").startswith("Lưu") for r in lines):
        lines.append("- Lưu: VT.")
    return lines


def signature_lines(unit: dict) -> list[str]:
    """The bold lines above the signature: 'TM. ỦY BAN NHÂN DÂN', then 'CHỦ TỊCH', or for a
    deputy 'KT. CHỦ TỊCH' over 'PHÓ CHỦ TỊCH' (typed as one title or on two lines)."""
    prefix = (unit.get("signer_prefix") or "").strip().upper()
    title = (unit.get("signer_title") or "").strip().upper()
    titles = [t.strip() for t in re.split(r"\s*/\s*|\n", title) if t.strip()]
    if titles and titles[0].startswith("PHÓ ") and not any(t.startswith("KT.") for t in titles):
        titles.insert(0, "KT. " + titles[0][4:])      # a deputy signs for the Chairman
    return [x for x in [prefix] + titles if x]


def date_line(unit: dict, period) -> str:
    place = unit.get("place") or unit.get("name") or ""
    if period.report_date:
        return vnformat.document_date_line(place, period.report_date)
    return f"{place}, ngày      tháng      năm {period.year}"


def header_block(unit: dict, period, width: float):
    """A flowable drawing the two-column header block of Decree 30/2020."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    MM = pdfkit.MM
    left_w = 70 * MM
    right_w = width - left_w

    def split(text, font, size, limit):
        words, lines, cur = text.split(), [], ""
        for w in words:
            trial = (cur + " " + w).strip()
            if cur and stringWidth(trial, font, size) > limit:
                lines.append(cur)
                cur = w
            else:
                cur = trial
        return lines + ([cur] if cur else [])

    parent = parent_body(unit)
    body = issuing_body(unit)
    head = "ỦY BAN NHÂN DÂN"
    if body.startswith(head + " "):
        # the office's name goes on its own line: ỦY BAN NHÂN DÂN / PHƯỜNG 2
        body_lines = [head] + split(body[len(head) + 1:], fonts.BOLD, 13, left_w - 4 * MM)
    else:
        body_lines = split(body, fonts.BOLD, 13, left_w - 4 * MM)
    parent_lines = split(parent, fonts.REGULAR, 13, left_w - 4 * MM) if parent else []
    number = vnformat.document_number(period.report_number, unit.get("symbol") or "BC-UBND")
    dateline = date_line(unit, period)
    motto_size = 13 if stringWidth(MOTTO, fonts.BOLD, 13) < right_w - 2 * MM else 12
    lead = 15.5
    left_lines = len(parent_lines) + len(body_lines)
    block_h = max(left_lines, 2) * lead + 8 + lead + 6

    class Header(Flowable):
        def wrap(self, *a):
            return width, block_h

        def draw(self):
            c = self.canv
            y = block_h - 13
            cx = left_w / 2
            c.setFont(fonts.REGULAR, 13)
            for line in parent_lines:
                c.drawCentredString(cx, y, line)
                y -= lead
            c.setFont(fonts.BOLD, 13)
            widest = 0
            for line in body_lines:
                c.drawCentredString(cx, y, line)
                widest = max(widest, stringWidth(line, fonts.BOLD, 13))
                y -= lead
            rule = max(widest / 3, 18 * MM)
            c.setLineWidth(0.7)
            c.line(cx - rule / 2, y + lead - 6, cx + rule / 2, y + lead - 6)
            # motto
            rx = left_w + right_w / 2
            ry = block_h - 13
            c.setFont(fonts.BOLD, motto_size)
            c.drawCentredString(rx, ry, MOTTO)
            c.setFont(fonts.BOLD, 14)
            c.drawCentredString(rx, ry - lead, MOTTO2)
            mw = stringWidth(MOTTO2, fonts.BOLD, 14)
            c.line(rx - mw / 2, ry - lead - 5, rx + mw / 2, ry - lead - 5)
            # number and date on one line, below both blocks
            base = min(y + lead - 6, ry - lead - 5) - lead - 2
            c.setFont(fonts.REGULAR, 13)
            c.drawCentredString(cx, base, number)
            c.setFont(fonts.ITALIC, 14)
            c.drawCentredString(rx, base, dateline)

    return Header()


def body_paragraphs(text: str, st) -> list:
    from reportlab.platypus import Paragraph

    out = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        out.append(Paragraph(pdfkit.esc(line), st[line_style(line)]))
    return out


def signature_table(unit: dict, width: float, st):
    """'Nơi nhận:' on the left, the signature block on the right, kept together."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    MM = pdfkit.MM
    left = [Paragraph("Nơi nhận:", st["small_bi"])] + [Paragraph(pdfkit.esc(r), st["small"])
                                                      for r in recipients(unit)]
    right = [Paragraph(pdfkit.esc(line), st["sign"]) for line in signature_lines(unit)]
    right += [Spacer(1, 26 * MM),
             Paragraph(pdfkit.esc(unit.get("signer_name") or ""), st["sign"])]
    t = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return t


def addressee_block(unit: dict, st) -> list:
    """'Kính gửi: …' (one addressee) or 'Kính gửi:' with one '- …;' line each."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    names = addressees(unit)
    if not names:
        return []
    MM = pdfkit.MM
    if len(names) == 1:
        rows = [[Paragraph("Kính gửi:", st["addressee"]), Paragraph(pdfkit.esc(names[0].lstrip("- ")), st["addressee"])]]
    else:
        rows = [[Paragraph("Kính gửi:" if i == 0 else "", st["addressee"]),
                 Paragraph(pdfkit.esc("- " + n.lstrip("- ").rstrip(";.") + (";" if i < len(names) - 1 else ".")),
                           st["addressee"])] for i, n in enumerate(names)]
    from reportlab.pdfbase.pdfmetrics import stringWidth
    widest = max(stringWidth("- " + n.lstrip("- ") + ";", fonts.REGULAR, st["addressee"].fontSize) for n in names)
    # the block sits centred under the title, as wide as its longest line
    t = Table(rows, colWidths=[24 * MM, min(widest + 4 * MM, 120 * MM)], hAlign="CENTER")
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [t]


def report_story(ws, code: str, st, state, width: float, sections: dict | None = None) -> list:
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

    MM = pdfkit.MM
    unit = ws.unit()
    p = ws.period(code)
    text = sections if sections is not None else draft.report_text(ws, code)
    out = [pdfkit.PartStart(state), header_block(unit, p, width), Spacer(1, 8 * MM),
           Paragraph("BÁO CÁO", st["title"])]
    subject = text.get("subject") or f"Kết quả thực hiện công tác cải cách hành chính {p.label}"
    out.append(Paragraph(pdfkit.esc(subject), st["subject"]))
    out.append(Spacer(1, 6 * MM))
    block = addressee_block(unit, st)
    if block:
        out.extend(block)
        out.append(Spacer(1, 5 * MM))
    out.extend(body_paragraphs(text.get("intro", ""), st))
    for sec, _ in draft.SECTIONS:
        out.append(CondPageBreak(25 * MM))
        out.append(Paragraph(pdfkit.esc(draft.section_title(sec, code)), st["heading"]))
        out.extend(body_paragraphs(text.get(sec, ""), st))
    out.extend(body_paragraphs(text.get("closing", ""), st))
    out.append(Spacer(1, 2 * MM))
    out.append(KeepTogether([signature_table(unit, width, st)]))
    return out


def write(ws, code: str, path, sections: dict | None = None) -> Path:
    """Write the report of period *code* as PDF to *path*."""
    path = Path(path)
    p = ws.period(code)
    doc, state = pdfkit.document(path, f"Báo cáo CCHC {p.label}", ws.unit().get("name") or "", landscape_too=False,
                                 mark=watermark.text(ws))
    st = pdfkit.styles(14)
    width = pdfkit.A4_W - pdfkit.MARGIN_LEFT - pdfkit.MARGIN_RIGHT
    tmp = path.with_name(path.name + ".part")
    doc.filename = str(tmp)
    doc.build(report_story(ws, code, st, state, width, sections))
    tmp.replace(path)
    return path
