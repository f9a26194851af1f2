"""The small dialogs of the window, each on its Qt Designer form in ``ui/``.

Unit profile, new/edit period, unlock with a reason, a document of the register, and the
first-run choice.  Each dialog only collects and checks what the officer types; the
caller passes it to a Workspace method (the dialogs that change data do it themselves
through the Workspace and keep the dialog open on a refusal, showing the reason).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from .. import periods
from ..store import WorkspaceError
from ..vnformat import NumberError, format_date, nfc, parse_date
from .ui_document_dialog import Ui_DocumentDialog
from .ui_first_run import Ui_FirstRunDialog
from .ui_period_dialog import Ui_PeriodDialog
from .ui_unit_dialog import Ui_UnitDialog
from .ui_unlock_dialog import Ui_UnlockDialog

DOC_TYPES = ("Kế hoạch", "Quyết định", "Công văn", "Báo cáo", "Thông báo", "Chỉ thị", "Hướng dẫn", "Tờ trình")
FILE_FILTER = "Tệp dữ liệu CCHC (*.cchc);;Mọi tệp (*)"


def _vi_buttons(box: QDialogButtonBox):
    names = {QDialogButtonBox.Ok: "Đồng ý", QDialogButtonBox.Cancel: "Hủy", QDialogButtonBox.Close: "Đóng",
             QDialogButtonBox.Save: "Lưu"}
    for std, text in names.items():
        b = box.button(std)
        if b is not None:
            b.setText(text)


class UnitDialog(QDialog):
    """Thông tin đơn vị: names, signer, distribution list, appendix template."""

    TEXT_FIELDS = ("name", "parent", "place", "symbol", "signer_prefix", "signer_title", "signer_name")

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.ui = Ui_UnitDialog()
        self.ui.setupUi(self)
        _plain_errors(self.ui)
        _vi_buttons(self.ui.buttonBox)
        unit = ws.unit()
        for f in self.TEXT_FIELDS:
            getattr(self.ui, f).setText(unit.get(f) or "")
        self.ui.recipients.setPlainText(unit.get("recipients") or "")
        self.ui.addressees.setPlainText(unit.get("addressees") or "")
        from .. import templates
        current = unit.get("template") or ""
        for c in templates.choices(ws):   # by title and office, never the program's name
            self.ui.template.addItem(f"{c.title} — {c.office}" if c.office else c.title, c.name)
        if current and self.ui.template.findData(current) < 0:
            self.ui.template.addItem(current, current)
        self.ui.template.setCurrentIndex(self.ui.template.findData(current))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def fields(self) -> dict:
        out = {f: getattr(self.ui, f).text() for f in self.TEXT_FIELDS}
        out["recipients"] = self.ui.recipients.toPlainText()
        out["addressees"] = self.ui.addressees.toPlainText()
        out["template"] = self.ui.template.currentData() or ""
        return out

    def accept(self):
        fields = self.fields()
        unit = self.ws.unit()
        changed = {k: v for k, v in fields.items() if (unit.get(k) or "") != (nfc(v) or "")}
        try:
            if changed:
                self.ws.update_unit(**changed)
        except WorkspaceError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        super().accept()


class PeriodDialog(QDialog):
    """Add a period (kind, year, data window, report number and date) or edit one."""

    def __init__(self, ws, code: str | None = None, parent=None, year: int | None = None, kind: str | None = None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.ui = Ui_PeriodDialog()
        self.ui.setupUi(self)
        _plain_errors(self.ui)
        _vi_buttons(self.ui.buttonBox)
        for k in periods.KINDS:
            self.ui.kind.addItem(periods.kind_label(k), k)
        self.ui.year.setValue(year or _dt.date.today().year)
        if kind:
            self.ui.kind.setCurrentIndex(periods.KINDS.index(kind))
        if code:
            p = ws.period(code)
            self.setWindowTitle(f"Sửa kỳ {p.label}")
            self.ui.kind.setCurrentIndex(periods.KINDS.index(p.kind))
            self.ui.year.setValue(p.year)
            self.ui.kind.setEnabled(False)
            self.ui.year.setEnabled(False)
            self.ui.windowFrom.setText(format_date(p.window_from))
            self.ui.windowTo.setText(format_date(p.window_to))
            self.ui.reportNumber.setText(p.report_number or "")
            self.ui.reportDate.setText(format_date(p.report_date) if p.report_date else "")
        else:
            self.setWindowTitle("Thêm kỳ báo cáo")
            self._fill_window()
            self.ui.kind.currentIndexChanged.connect(self._fill_window)
            self.ui.year.valueChanged.connect(self._fill_window)
        for w in (self.ui.windowFrom, self.ui.windowTo):
            w.textChanged.connect(self._check_window)
        self._check_window()
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def kind(self) -> str:
        return self.ui.kind.currentData()

    def _fill_window(self, *_):
        start, end = periods.default_window(self.kind(), self.ui.year.value())
        self.ui.windowFrom.setText(format_date(start))
        self.ui.windowTo.setText(format_date(end))
        deadline = periods.default_deadline(self.kind(), self.ui.year.value())
        self.ui.hintLabel.setText(
            f"Thời gian lấy số liệu mặc định theo Nghị định 09/2019/NĐ-CP; hạn báo cáo: {format_date(deadline)}.")

    def _check_window(self, *_):
        try:
            start, end = parse_date(self.ui.windowFrom.text()), parse_date(self.ui.windowTo.text())
        except NumberError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        name = periods.PeriodName(self.ui.year.value(), self.kind())
        self.ui.errorLabel.setText(" ".join(periods.window_problems(name, start, end, self.ws.unit())))

    def accept(self):
        ui = self.ui
        try:
            if self.code:
                self.ws.update_period(self.code, window_from=ui.windowFrom.text(), window_to=ui.windowTo.text(),
                                      report_number=ui.reportNumber.text(), report_date=ui.reportDate.text())
            else:
                code = f"{ui.year.value()}-{self.kind()}"
                self.ws.add_period(code, ui.windowFrom.text() or None, ui.windowTo.text() or None,
                                   ui.reportNumber.text() or None, ui.reportDate.text() or None)
                self.code = code
        except WorkspaceError as exc:
            ui.errorLabel.setText(str(exc))
            return
        super().accept()


class UnlockDialog(QDialog):
    """Ask why a finalised period is opened again; the reason goes to the audit log."""

    def __init__(self, label: str, parent=None):
        super().__init__(parent)
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        _plain_errors(self.ui)
        _vi_buttons(self.ui.buttonBox)
        self.setWindowTitle(f"Mở khóa {label}")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def reason(self) -> str:
        return nfc(self.ui.reason.toPlainText().strip()) or ""

    def accept(self):
        if not self.reason():
            self.ui.errorLabel.setText("Phải nêu lý do mở khóa.")
            return
        super().accept()


class DocumentDialog(QDialog):
    """One entry of the register of directing documents; saved through the Workspace."""

    def __init__(self, ws, doc: dict | None = None, parent=None):
        super().__init__(parent)
        self.ws, self.doc = ws, doc
        self.doc_id = doc["id"] if doc else None
        self.ui = Ui_DocumentDialog()
        self.ui.setupUi(self)
        _plain_errors(self.ui)
        _vi_buttons(self.ui.buttonBox)
        self.ui.docType.addItems(DOC_TYPES)
        self.ui.area.addItem("(không ghi)", None)
        for a in ws.catalogue.areas:
            self.ui.area.addItem(f"{a.id}. {a.label}", a.id)
        self.ui.countsAsDirectionLabel.hide()
        if doc:
            self.setWindowTitle(f"Sửa văn bản {doc['number']}")
            self.ui.number.setText(doc["number"])
            self.ui.issuedOn.setText(format_date(doc["issued_on"]))
            self.ui.docType.setCurrentText(doc.get("doc_type") or "")
            self.ui.summary.setPlainText(doc.get("summary") or "")
            i = self.ui.area.findData(doc.get("area"))
            self.ui.area.setCurrentIndex(max(i, 0))
            self.ui.countsAsDirection.setChecked(bool(doc.get("counts_as_direction", 1)))
        else:
            self.setWindowTitle("Thêm văn bản vào sổ")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def accept(self):
        ui = self.ui
        try:
            self.doc_id = self.ws.save_document(
                ui.number.text(), ui.issuedOn.text(), ui.docType.currentText(), ui.summary.toPlainText(),
                ui.area.currentData(), doc_id=self.doc_id, counts_as_direction=ui.countsAsDirection.isChecked())
        except WorkspaceError as exc:
            ui.errorLabel.setText(str(exc))
            return
        super().accept()


def ascii_name(text: str) -> str:
    """'UBND xã Kim Thạch' → 'ubnd-xa-kim-thach' (a file name any PC accepts)."""
    text = (nfc(text) or "").replace("đ", "d").replace("Đ", "D")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "don-vi"


class FirstRunDialog(QDialog):
    """No workspace yet: create a unit (short form), open the sample, or open a file.

    After ``exec()``, :attr:`choice` is ``"new"``, ``"sample"`` or ``"open"`` and
    :attr:`path` the file to use; for "new" :meth:`unit_fields` gives the unit.
    """

    def __init__(self, folder: Path, parent=None, title: str | None = None):
        super().__init__(parent)
        self.folder = Path(folder)
        self.choice, self.path = None, None
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        _plain_errors(self.ui)
        _vi_buttons(self.ui.buttonBox)
        if title:
            self.setWindowTitle(title)
            self.ui.introLabel.setText("Tạo tệp dữ liệu cho một đơn vị mới, mở dữ liệu mẫu hoặc mở tệp có sẵn.")
        self.ui.path.setText(str(self.folder / "don-vi.cchc"))
        self._path_edited = False
        self.ui.path.textEdited.connect(lambda *_: setattr(self, "_path_edited", True))
        self.ui.name.textChanged.connect(self._suggest_path)
        self.ui.createButton.clicked.connect(self.create)
        self.ui.sampleButton.clicked.connect(self.sample)
        self.ui.openButton.clicked.connect(self.open_file)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.name.setFocus()

    def _suggest_path(self, text):
        if not self._path_edited:
            self.ui.path.setText(str(self.folder / f"{ascii_name(text)}.cchc"))

    def unit_fields(self) -> dict:
        return {"name": self.ui.name.text(), "parent": self.ui.parent.text(), "place": self.ui.place.text()}

    def create(self):
        if not nfc(self.ui.name.text()):
            self.ui.errorLabel.setText("Chưa nhập tên đơn vị (ví dụ: UBND xã Kim Thạch).")
            self.ui.name.setFocus()
            return
        path = Path(self.ui.path.text().strip())
        if path.suffix.lower() != ".cchc":
            path = path.with_suffix(".cchc")
        if path.exists():
            self.ui.errorLabel.setText(f"Tệp “{path}” đã có; chọn tên khác hoặc dùng “Mở tệp khác…”.")
            return
        self.choice, self.path = "new", path
        self.accept()

    def sample(self):
        self.choice, self.path = "sample", self.folder / "du-lieu-mau.cchc"
        self.accept()

    def open_file(self):
        name, _ = QFileDialog.getOpenFileName(self, "Mở tệp dữ liệu", str(self.folder), FILE_FILTER)
        if name:
            self.choice, self.path = "open", Path(name)
            self.accept()

    def browse(self):
        name, _ = QFileDialog.getSaveFileName(self, "Lưu dữ liệu vào tệp", self.ui.path.text(), FILE_FILTER)
        if name:
            self._path_edited = True
            self.ui.path.setText(name)


class BackupDialog(QDialog):
    """Where the automatic backups go and how many are kept (stored in the workspace)."""

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        from .. import backup
        from .ui_backup_dialog import Ui_BackupDialog
        self.ws = ws
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        _plain_errors(self.ui)
        _vi_buttons(self.ui.buttonBox)
        folder = ws.setting(backup.FOLDER_SETTING) or str(backup.default_backup_dir(ws.path))
        self.ui.folder.setText(folder)
        self.ui.keep.setValue(int(ws.setting(backup.KEEP_SETTING) or backup.DEFAULT_KEEP))
        self.ui.browse.clicked.connect(self._browse)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _browse(self):
        chosen = QFileDialog.getExistingDirectory(self, "Chọn thư mục sao lưu", self.ui.folder.text())
        if chosen:
            self.ui.folder.setText(chosen)

    def accept(self):
        from .. import backup
        folder = Path(nfc(self.ui.folder.text()) or "")
        if not str(folder) or str(folder) == ".":
            self.ui.errorLabel.setText("Chưa chọn thư mục sao lưu.")
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.ui.errorLabel.setText(f"Không tạo được thư mục “{folder}”: {exc.strerror or exc}.")
            return
        self.ws.set_setting(backup.FOLDER_SETTING, str(folder))
        self.ws.set_setting(backup.KEEP_SETTING, self.ui.keep.value())
        super().accept()


def _plain_errors(ui):
    """An error label shows names as typed or received: plain text, never rich text."""
    label = getattr(ui, "errorLabel", None)
    if label is not None:
        label.setProperty("textFormat", 0)   # Qt.PlainText
