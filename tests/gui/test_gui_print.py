"""“In và xuất”: preview pages rendered on white, saving the chosen files, printing to a PDF printer."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from cchc_desktop.gui.print_dialog import PrintDialog, render_page

pytest.importorskip("PySide6.QtPdf")
TEST_TEMPLATE = Path(__file__).parent.parent / "test_appendix_template.json"


@pytest.fixture
def dialog(qtbot, demo_ws):
    dlg = PrintDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    return dlg


def test_preview_renders_every_page_on_white(dialog):
    n = dialog.refresh_preview()
    assert n == dialog.pages.count() >= 2
    img = render_page(dialog._pdf, 0)
    assert img.width() == int(595.2756 * 60 / 72)
    assert img.pixelColor(3, 3).name() == "#ffffff"          # white paper, not transparent black
    dark = sum(1 for y in range(0, img.height(), 4) for x in range(0, img.width(), 4)
               if img.pixelColor(x, y).lightness() < 100)
    assert dark > 50                                           # and there is text on it
    dialog.which.setCurrentIndex(dialog.which.findData("appendix_pdf"))
    assert dialog.pages.count() >= 1


def test_save_writes_the_chosen_documents_with_ascii_names(dialog, tmp_path):
    for doc_id, box in dialog.checks.items():
        box.setChecked(doc_id in ("report_pdf", "appendix_xlsx", "form_pdf"))
    files = dialog.save_to(tmp_path / "ra")
    assert sorted(f.suffix for f in files) == [".pdf", ".pdf", ".xlsx"]
    assert all(f.is_file() and f.name.isascii() for f in files)
    assert dialog.open_button.isEnabled() and dialog.last_folder == tmp_path / "ra"
    assert "Đã lưu 3 tệp" in dialog.status.text()


def test_save_failure_is_told_not_raised(dialog, tmp_path):
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    assert dialog.save_to(blocker / "con") == []
    assert dialog.status.text()


def test_print_to_a_pdf_printer(dialog, tmp_path):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter(QPrinter.ScreenResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.A4))
    printer.setFullPage(True)
    out = tmp_path / "in.pdf"
    printer.setOutputFileName(str(out))
    n = dialog.print_to(printer)
    assert n >= 2
    assert len(PdfReader(out).pages) == n


def test_a_saved_set_computes_the_figures_once(qtbot, demo_ws, tmp_path, monkeypatch):
    """Report, appendices and targets saved together print one computation of the figures."""
    from cchc_desktop import rollup
    from cchc_desktop.gui.print_dialog import PrintDialog

    dlg = PrintDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    for doc_id, box in dlg.checks.items():
        box.setChecked(doc_id in ("report_pdf", "report_docx", "appendix_pdf", "appendix_xlsx", "targets_pdf"))
    calls = []
    real = rollup.values

    def counting(ws, code, **kw):
        if code == "2022-H1" and kw.get("with_rollup", True):
            calls.append(code)
        return real(ws, code, **kw)
    monkeypatch.setattr(rollup, "values", counting)
    written = dlg.save_to(tmp_path / "bo")
    assert len(written) == 5 and calls == ["2022-H1"]
