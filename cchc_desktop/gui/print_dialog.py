"""“In và xuất”: choose the documents of a period, preview their pages, print, save, open the folder.

The documents are made by :mod:`cchc_desktop.reports` (core); this dialog only shows
them.  The preview renders each PDF page with QtPdf on white (QtPdf draws with a
transparent background).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QGroupBox, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ..store import WorkspaceError

# document id → (label, format); the preview shows the PDF ones
DOCUMENTS = (
    ("report_pdf", "Báo cáo (PDF)", "pdf"),
    ("report_docx", "Báo cáo (Word)", "docx"),
    ("appendix_pdf", "Phụ lục (PDF)", "pdf"),
    ("appendix_xlsx", "Phụ lục (Excel)", "xlsx"),
    ("targets_pdf", "Mục tiêu và xu hướng (PDF)", "pdf"),
    ("form_pdf", "Phiếu thu thập số liệu (PDF)", "pdf"),
    ("form_xlsx", "Phiếu thu thập số liệu (Excel)", "xlsx"),
)
PREVIEW_DPI = 60


def render_page(doc, index: int, dpi: int = PREVIEW_DPI) -> QImage:
    """One page of a QPdfDocument as an image on white paper."""
    size_pt = doc.pagePointSize(index)
    size = QSize(max(1, int(size_pt.width() * dpi / 72)), max(1, int(size_pt.height() * dpi / 72)))
    page = doc.render(index, size)
    out = QImage(size, QImage.Format_RGB32)
    out.fill(Qt.white)
    painter = QPainter(out)
    painter.drawImage(0, 0, page)
    painter.end()
    return out


class PrintDialog(QDialog):
    """Print and export the documents of period *code* of workspace *ws*."""

    def __init__(self, ws, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.setWindowTitle(f"In và xuất – {ws.period(code).label}")
        self._tmp = tempfile.TemporaryDirectory(prefix="cchc-xem-")
        self._pdf = None
        self.last_folder: Path | None = None
        self.written: list[Path] = []
        self._figures = None     # (figures, targets, text) of the documents being made

        self.checks: dict[str, QCheckBox] = {}
        docs_box = QGroupBox("Tài liệu")
        docs_layout = QVBoxLayout(docs_box)
        for doc_id, label, _ in DOCUMENTS:
            box = QCheckBox(label)
            box.setChecked(doc_id not in ("form_pdf", "form_xlsx", "targets_pdf"))
            self.checks[doc_id] = box
            docs_layout.addWidget(box)
        self.template = QComboBox()
        from .. import templates
        own = ws.unit().get("template") or ""
        for c in templates.choices(ws):   # shipped, adapted and the upper office's own forms, by title
            self.template.addItem(f"{c.title} — {c.office}" if c.office else c.title, c.name)
        if own and self.template.findData(own) < 0:
            self.template.insertItem(0, own, own)
        if own:
            self.template.setCurrentIndex(max(0, self.template.findData(own)))
        self.area = QSpinBox()
        self.area.setRange(1, max(1, len(ws.catalogue.areas)))
        self.area.setPrefix("Lĩnh vực ")
        self.filled = QCheckBox("Ghi sẵn số liệu đã có")
        docs_layout.addWidget(QLabel("Mẫu phụ lục:"))
        docs_layout.addWidget(self.template)
        docs_layout.addWidget(QLabel("Phiếu thu thập số liệu:"))
        docs_layout.addWidget(self.area)
        docs_layout.addWidget(self.filled)
        docs_layout.addStretch(1)

        self.which = QComboBox()
        for doc_id, label, fmt in DOCUMENTS:
            if fmt == "pdf":
                self.which.addItem(label.replace(" (PDF)", ""), doc_id)
        self.which.currentIndexChanged.connect(lambda *_: self.refresh_preview())
        self.pages = QListWidget()
        self.pages.setViewMode(QListWidget.IconMode)
        self.pages.setIconSize(QSize(int(210 * PREVIEW_DPI / 25.4), int(297 * PREVIEW_DPI / 25.4)))
        self.pages.setResizeMode(QListWidget.Adjust)
        self.pages.setMovement(QListWidget.Static)
        self.pages.setSpacing(8)
        self.pages.setMinimumSize(520, 460)
        self.status = QLabel("")
        self.status.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.status.setWordWrap(True)

        preview_box = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel("Xem trước:"))
        row.addWidget(self.which, 1)
        refresh = QPushButton("Làm mới")
        refresh.clicked.connect(self.refresh_preview)
        row.addWidget(refresh)
        preview_box.addLayout(row)
        preview_box.addWidget(self.pages, 1)

        self.print_button = QPushButton("In…")
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton("Lưu các tệp…")
        self.save_button.clicked.connect(self.choose_folder_and_save)
        self.open_button = QPushButton("Mở thư mục")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.print_button, self.save_button, self.open_button, close):
            buttons.addWidget(b)

        main = QHBoxLayout()
        main.addWidget(docs_box)
        main.addLayout(preview_box, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(main, 1)
        outer.addLayout(buttons)
        self.resize(980, 680)

    def showEvent(self, event):
        super().showEvent(event)
        if self.pages.count() == 0:
            # after the dialog is on screen, so that opening it never waits for reportlab
            QTimer.singleShot(0, self.refresh_preview)

    # ---- making documents (core) -----------------------------------------------------
    def selected(self) -> list[str]:
        return [d for d, _, _ in DOCUMENTS if self.checks[d].isChecked()]

    def figures(self) -> tuple[dict, list, dict]:
        """(the period's figures, its evaluated targets, the report's text), computed once for
        the set of documents being saved so that every document prints the same figures."""
        if self._figures is None:
            from .. import rollup
            from ..reports import draft, tables
            values = rollup.values(self.ws, self.code)
            results = tables.target_results(self.ws, self.code, values)
            self._figures = (values, results, draft.report_text(self.ws, self.code, values, results))
        return self._figures

    def make(self, doc_id: str, folder: Path) -> Path:
        """Write one document into *folder* and return its path."""
        from ..reports import appendix_pdf, appendix_xlsx, collection_form, filenames, report_docx, report_pdf
        from ..reports import resolve_template, targets_pdf
        p = self.ws.period(self.code)
        values, _, text = self.figures()
        unit = self.ws.unit().get("name") or ""

        def name(what, ext):
            return folder / filenames.document_name(unit, p.code, what, ext, p.report_date)

        tpl_name = self.template.currentData()
        if doc_id == "report_pdf":
            return report_pdf.write(self.ws, self.code, name("bao-cao", "pdf"), text)
        if doc_id == "report_docx":
            return report_docx.write(self.ws, self.code, name("bao-cao", "docx"), text)
        if doc_id in ("appendix_pdf", "appendix_xlsx"):
            tpl = resolve_template(self.ws, tpl_name)
            if tpl.form:   # the upper office's own workbook, filled in place
                from ..forms import fill, library
                form, ext = library.get(self.ws, tpl.form), ("pdf" if doc_id == "appendix_pdf" else "xlsx")
                write = fill.write_pdf if ext == "pdf" else fill.write_xlsx
                return write(self.ws, self.code, form, name(filenames.ascii_slug(form.name), ext), values)
            what = filenames.ascii_slug(tpl.name)
            what = what if what.startswith("phu-luc") else f"phu-luc-{what}"
            if doc_id == "appendix_pdf":
                return appendix_pdf.write(self.ws, self.code, tpl, name(what, "pdf"), values)
            return appendix_xlsx.write(self.ws, self.code, tpl, name(what, "xlsx"), values)
        if doc_id == "targets_pdf":
            return targets_pdf.write(self.ws, self.code, name("muc-tieu", "pdf"), values)
        if doc_id in ("form_pdf", "form_xlsx"):
            area = self.area.value()
            if doc_id == "form_pdf":
                return collection_form.write(self.ws, self.code, area, name(f"phieu-linh-vuc-{area}", "pdf"),
                                             filled=self.filled.isChecked())
            return collection_form.write_xlsx(self.ws, self.code, area, name(f"phieu-linh-vuc-{area}", "xlsx"),
                                              filled=self.filled.isChecked())
        raise KeyError(doc_id)

    def save_to(self, folder) -> list[Path]:
        """Write every chosen document into *folder*; shows and returns the files."""
        folder = Path(folder)
        written = []
        self._figures = None       # the figures as they are now, once for the whole set
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for doc_id in self.selected():
                written.append(self.make(doc_id, folder))
        except PermissionError as exc:
            self._error(f"Không ghi được tệp “{Path(exc.filename or '').name}”: tệp đang mở trong chương trình "
                        f"khác (Word, Excel…); hãy đóng tệp rồi thử lại.")
            return written
        except (WorkspaceError, OSError) as exc:
            self._error(str(exc))
            return written
        self.written = written
        self.last_folder = folder
        self.open_button.setEnabled(True)
        self.status.setText(f"Đã lưu {len(written)} tệp vào {folder}.")
        return written

    def choose_folder_and_save(self):
        start = str(self.last_folder or Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu các tệp", start)
        if folder:
            self.save_to(folder)

    def open_folder(self) -> bool:
        if self.last_folder is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_folder)))

    # ---- preview and printing ---------------------------------------------------------
    def preview_pdf(self) -> Path | None:
        """Make the PDF being previewed (in a temporary folder)."""
        doc_id = self.which.currentData()
        try:
            return self.make(doc_id, Path(self._tmp.name))
        except (WorkspaceError, OSError) as exc:
            self._error(str(exc))
            return None

    def refresh_preview(self) -> int:
        """Render the pages of the previewed document; returns how many."""
        self.pages.clear()
        self._figures = None           # "Làm mới": the figures as they are now
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        path = self.preview_pdf()
        if path is None:
            return 0
        try:
            from PySide6.QtPdf import QPdfDocument
        except ImportError:
            self.status.setText("Máy này thiếu thành phần xem trước (QtPdf); vẫn lưu và in được.")
            return 0
        doc = QPdfDocument(self)
        doc.load(str(path))
        self._pdf = doc
        for i in range(doc.pageCount()):
            item = QListWidgetItem(f"Trang {i + 1}")
            item.setIcon(QPixmap.fromImage(render_page(doc, i)))
            item.setData(Qt.UserRole, i)
            self.pages.addItem(item)
        self.status.setText(f"{doc.pageCount()} trang.")
        return doc.pageCount()

    def print_to(self, printer) -> int:
        """Print the previewed PDF on *printer* (a QPrinter); returns the pages printed."""
        from PySide6.QtPdf import QPdfDocument
        self._figures = None
        path = self.preview_pdf()
        if path is None:
            return 0
        doc = QPdfDocument(self)
        doc.load(str(path))
        painter = QPainter()
        if not painter.begin(printer):
            self._error("Không mở được máy in.")
            return 0
        dpi = printer.resolution()
        try:
            for i in range(doc.pageCount()):
                if i:
                    printer.newPage()
                img = render_page(doc, i, dpi=min(dpi, 300))
                target = painter.viewport()
                if (img.width() > img.height()) != (target.width() > target.height()):
                    img = img.transformed(QTransform().rotate(90))   # a landscape appendix on portrait paper
                scaled = img.size().scaled(target.size(), Qt.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), img.scaled(scaled, Qt.KeepAspectRatio,
                                                                     Qt.SmoothTransformation))
        finally:
            painter.end()
        return doc.pageCount()

    def print_dialog(self):
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        printer = QPrinter(QPrinter.HighResolution)
        from PySide6.QtGui import QPageLayout, QPageSize
        printer.setPageSize(QPageSize(QPageSize.A4))
        printer.setFullPage(True)
        printer.setPageOrientation(QPageLayout.Portrait)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In")
        if dialog.exec() == QDialog.Accepted:
            n = self.print_to(printer)
            if n:
                self.status.setText(f"Đã gửi {n} trang tới máy in.")

    def _error(self, message: str):
        self.status.setText(message)
        from .ops import show_error
        if self.isVisible():
            show_error(self, message)

    def done(self, result):
        if self._pdf is not None:
            self._pdf.close()      # Windows keeps an open file from being deleted
        self._pdf = None
        self._tmp.cleanup()
        super().done(result)


if __name__ == "__main__":   # a runnable preview: python -m cchc_desktop.gui.print_dialog WORKSPACE PERIOD
    import sys

    from PySide6.QtWidgets import QApplication

    from ..store import Workspace
    app = QApplication(sys.argv)
    with Workspace.open(sys.argv[1]) as w:
        dlg = PrintDialog(w, sys.argv[2])
        dlg.refresh_preview()
        dlg.exec()
