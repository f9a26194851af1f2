"""The statistics appendices (Phụ lục) of a template as one PDF.

Row for row as the template says; A4 portrait or landscape per appendix; the header
rows repeated on every page; each appendix numbering its own pages.  Works on any
Workspace, including a consolidation workspace whose entries are summed figures.
"""
from __future__ import annotations

from pathlib import Path

from . import pdfkit, tables, watermark


def flowables(table: tables.Table, st, state) -> list:
    """The flowables of one appendix: label, heading, attached line, table."""
    from reportlab.platypus import Paragraph, Spacer

    out = [pdfkit.PartStart(state), Paragraph(pdfkit.esc(table.label), st["app_label"])]
    for line in table.heading:
        out.append(Paragraph(pdfkit.esc(line), st["app_heading"]))
    out.append(Paragraph(pdfkit.esc(table.attached), st["center_italic"]))
    if table.note:
        out.append(Paragraph(pdfkit.esc(table.note), st["center_italic"]))
    out.append(Spacer(1, 4 * pdfkit.MM))
    out.append(pdfkit.data_table(table, st))
    return out


def story(table_list, st, state) -> list:
    """Every appendix on its own pages, switching orientation where the table needs it."""
    from reportlab.platypus import NextPageTemplate, PageBreak

    out = []
    for i, table in enumerate(table_list):
        if i:
            out.append(NextPageTemplate(table.orientation))
            out.append(PageBreak())
        out.extend(flowables(table, st, state))
    return out


def write(ws, code: str, template, path, values=None) -> Path:
    """Write every appendix of *template* for period *code* into the PDF *path*."""
    path = Path(path)
    tbls = [tables.build(ws, code, app, values) for app in template.appendices]
    doc, state = pdfkit.document(path, f"{template.title} – {ws.period(code).label}", ws.unit().get("name") or "",
                                 mark=watermark.text(ws))
    st = pdfkit.styles()
    first = tbls[0].orientation if tbls else "portrait"
    if first == "landscape":
        # the first page template is portrait; swap the order so the document opens landscape
        doc.pageTemplates = doc.pageTemplates[::-1]
    tmp = path.with_name(path.name + ".part")
    doc.filename = str(tmp)
    doc.build(story(tbls, st, state))
    tmp.replace(path)
    return path
