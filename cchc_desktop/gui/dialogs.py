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
from ..store import ONE_STOP_CENTRE, ONE_STOP_DESK, UNIT_CODE_ASKED, WorkspaceError, clean_unit_fields
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


SIGNER_PREFIXES = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH")
SIGNER_TITLES = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")
ONE_STOP_NAMES = (ONE_STOP_CENTRE, ONE_STOP_DESK)


def _combo_text(combo, choices, current: str):
    combo.addItems(list(choices))
    combo.setCurrentText(current or "")


class UnitDialog(QDialog):
    """Thông tin đơn vị: names, official code, upper office, one-stop body, start date, windows
    (first tab); signer, "Kính gửi", "Nơi nhận", appendix template (second tab)."""

    TEXT_FIELDS = ("name", "code", "parent", "focal_agency", "place", "symbol", "signer_name")
    COMBO_FIELDS = {"one_stop": ONE_STOP_NAMES, "signer_prefix": SIGNER_PREFIXES, "signer_title": SIGNER_TITLES}

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
        for f, choices in self.COMBO_FIELDS.items():
            _combo_text(getattr(self.ui, f), choices, unit.get(f))
        self.ui.established.setText(format_date(unit.get("established")) if unit.get("established") else "")
        self.ui.calendar_windows.setChecked(bool(unit.get("calendar_windows")))
        self.ui.recipients.setPlainText(unit.get("recipients") or "")
        self.ui.addressees.setPlainText(unit.get("addressees") or "")
        self._fill_templates(unit.get("template") or "")
        self.ui.templatesButton.clicked.connect(self.show_templates)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _fill_templates(self, current: str):
        from .. import templates
        combo = self.ui.template
        combo.clear()
        for c in templates.choices(self.ws):   # by title and office, never the program's name
            combo.addItem(f"{c.title} — {c.office}" if c.office else c.title, c.name)
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(combo.findData(current))

    def show_templates(self):
        """The templates with their preview, and the upper office's own Excel forms."""
        from .form_import import TemplatesDialog
        chosen = self.ui.template.currentData() or ""
        before = self.ws.unit().get("template") or ""
        TemplatesDialog(self.ws, self).exec()
        after = self.ws.unit().get("template") or ""
        self._fill_templates(after if after != before else chosen)

    def fields(self) -> dict:
        out = {f: getattr(self.ui, f).text() for f in self.TEXT_FIELDS}
        out.update({f: getattr(self.ui, f).currentText() for f in self.COMBO_FIELDS})
        out["established"] = self.ui.established.text()
        out["calendar_windows"] = int(self.ui.calendar_windows.isChecked())
        out["recipients"] = self.ui.recipients.toPlainText()
        out["addressees"] = self.ui.addressees.toPlainText()
        out["template"] = self.ui.template.currentData() or ""
        return out

    def accept(self):
        try:
            self.ws.update_unit(**self.fields())   # changes only what differs; checks all first
        except WorkspaceError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        super().accept()


# the kinds offered by "Thêm kỳ", in the order of the list
PERIOD_KINDS = periods.KINDS + periods.MONTHS + (periods.CUSTOM,)


class PeriodDialog(QDialog):
    """Add a period (kind, year or a window of its own, title, report number, date, deadline) or edit one.

    A new period proposes the one today's date calls for (periods.proposed), months too when
    the unit already reports monthly; a custom period is named by the window typed."""

    def __init__(self, ws, code: str | None = None, parent=None, year: int | None = None, kind: str | None = None,
                 today: _dt.date | None = None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.today = today or _dt.date.today()
        self.unit = ws.unit()
        self._auto_title = ""      # the title filled in for a custom period, until the officer edits it
        self.ui = Ui_PeriodDialog()
        self.ui.setupUi(self)
        _plain_errors(self.ui)
        _vi_buttons(self.ui.buttonBox)
        for k in PERIOD_KINDS:
            self.ui.kind.addItem(periods.kind_label(k), k)
        if code:
            p = ws.period(code)
            self.setWindowTitle(f"Sửa kỳ {p.label}")
            self._select(p.kind, p.year)
            self.ui.kind.setEnabled(False)
            self.ui.year.setEnabled(False)
            self.ui.windowFrom.setText(format_date(p.window_from))
            self.ui.windowTo.setText(format_date(p.window_to))
            if p.kind == periods.CUSTOM:   # named by its window: the window does not change
                self.ui.windowFrom.setReadOnly(True)
                self.ui.windowTo.setReadOnly(True)
            self.ui.title.setText(p.title or "")
            self.ui.reportNumber.setText(p.report_number or "")
            self.ui.reportDate.setText(format_date(p.report_date) if p.report_date else "")
            self.ui.deadline.setText(format_date(p.deadline) if p.deadline else "")
            self._show_hint()
        else:
            self.setWindowTitle("Thêm kỳ báo cáo")
            if kind:
                self._select(kind, year or self.today.year)
            else:
                proposal = self.proposal()
                self._select(proposal.kind, proposal.year)
            self._fill_window()
            self.ui.kind.currentIndexChanged.connect(self._fill_window)
            self.ui.year.valueChanged.connect(self._fill_window)
        for w in (self.ui.windowFrom, self.ui.windowTo):
            w.textChanged.connect(self._check_window)
        self.ui.deadline.textChanged.connect(self._show_hint)
        self._check_window()
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def proposal(self) -> periods.PeriodName:
        """The period today's date calls for, among those not added yet."""
        added = {p.code for p in self.ws.periods()}
        kinds = list(periods.KINDS)
        if any(periods.parse_code(c).monthly for c in added):
            kinds += periods.MONTHS
        while kinds:
            name = periods.proposed(self.today, self.unit, tuple(kinds))
            if name.code not in added:
                return name
            kinds.remove(name.kind)
        return periods.PeriodName(self.today.year, "Y")

    def _select(self, kind: str, year: int):
        self.ui.kind.setCurrentIndex(max(self.ui.kind.findData(kind), 0))
        self.ui.year.setValue(year)

    def kind(self) -> str:
        return self.ui.kind.currentData()

    def _custom(self) -> bool:
        return self.kind() == periods.CUSTOM

    def _fill_window(self, *_):
        custom = self._custom()
        self.ui.year.setEnabled(not custom)
        if custom:
            # a window of the officer's choosing: from the unit's start (or the month's first day) to today
            start = periods.established_of(self.unit) or self.today.replace(day=1)
            start = start if start <= self.today else self.today.replace(day=1)
            self.ui.windowFrom.setText(format_date(start))
            self.ui.windowTo.setText(format_date(self.today))
        else:
            start, end = periods.window(periods.PeriodName(self.ui.year.value(), self.kind()), self.unit)
            self.ui.windowFrom.setText(format_date(start))
            self.ui.windowTo.setText(format_date(end))
            if self.ui.title.text() == self._auto_title:
                self.ui.title.setText("")
                self._auto_title = ""
        self._show_hint()

    def _name(self):
        """The period the dialog describes now (None while its window cannot be read)."""
        if not self._custom():
            return periods.PeriodName(self.ui.year.value(), self.kind())
        try:
            return periods.custom(self.ui.windowFrom.text(), self.ui.windowTo.text())
        except periods.PeriodError:
            return None

    def _show_hint(self, *_):
        name = self._name()
        if name is None:
            self.ui.hintLabel.setText("")
            return
        if name.custom:
            basis = ("Kỳ theo thời gian tự chọn (báo cáo đột xuất, chuyên đề) được kiểm tra theo đúng thời gian này "
                     "và không cộng vào quý hay năm.")
        elif periods.calendar_windows_of(self.unit):
            basis = "Thời gian lấy số liệu theo tháng dương lịch như đơn vị đăng ký."
        else:
            basis = "Thời gian lấy số liệu mặc định theo Nghị định 09/2019/NĐ-CP."
        try:
            deadline = parse_date(self.ui.deadline.text()) or periods.deadline(name, self.unit)
        except NumberError:
            deadline = periods.deadline(name, self.unit)
        self.ui.hintLabel.setText(f"{basis} Mã kỳ: {name.code}; hạn báo cáo: {format_date(deadline)}.")

    def _check_window(self, *_):
        try:
            start, end = parse_date(self.ui.windowFrom.text()), parse_date(self.ui.windowTo.text())
        except NumberError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        if self._custom() and not self.code:
            if start and end and start <= end and self.ui.title.text() == self._auto_title:
                self._auto_title = periods.custom_title(start, end)
                self.ui.title.setText(self._auto_title)
            name = self._name()
            if name is None:
                self.ui.errorLabel.setText("Ghi ngày bắt đầu và ngày kết thúc lấy số liệu (ngày bắt đầu không sau "
                                           "ngày kết thúc).")
                return
        else:
            name = periods.parse_code(self.code) if self.code else self._name()
        self.ui.errorLabel.setText(" ".join(periods.window_problems(name, start, end, self.unit)))
        self._show_hint()

    def accept(self):
        ui = self.ui
        title = nfc(ui.title.text()) or None
        try:
            if self.code:
                p = self.ws.period(self.code)
                fields = {"report_number": ui.reportNumber.text(), "report_date": ui.reportDate.text(),
                          "title": title, "deadline": ui.deadline.text()}
                if p.kind != periods.CUSTOM:
                    fields.update(window_from=ui.windowFrom.text(), window_to=ui.windowTo.text())
                self.ws.update_period(self.code, **fields)
            else:
                if self._custom():
                    name = self._name()
                    if name is None:
                        raise WorkspaceError("Ghi ngày bắt đầu và ngày kết thúc lấy số liệu của kỳ.")
                    code, window = name.code, (None, None)
                else:
                    code, window = f"{ui.year.value()}-{self.kind()}", (ui.windowFrom.text() or None,
                                                                         ui.windowTo.text() or None)
                self.ws.add_period(code, *window, ui.reportNumber.text() or None, ui.reportDate.text() or None,
                                   title=title, deadline=ui.deadline.text() or None)
                self.code = periods.canonical(code)
        except WorkspaceError as exc:
            ui.errorLabel.setText(str(exc))
            return
        super().accept()


class UnitCodeDialog(QDialog):
    """Asks for the official code of a unit whose file was made before the program kept it
    (opened from the window's status bar; "Để sau" leaves it for the unit dialog)."""

    ASKED = UNIT_CODE_ASKED   # workspace setting: asked already, do not ask again

    def __init__(self, ws, parent=None):
        from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle("Mã đơn vị hành chính")
        layout = QVBoxLayout(self)
        text = QLabel(f"Tệp dữ liệu của <b>{ws.unit()['name']}</b> chưa có mã đơn vị hành chính (mã ĐVHC, 5 chữ số). "
                      "Cấp trên nhận biết đơn vị bằng mã này, không bằng tên. Ghi mã bây giờ, hoặc để sau "
                      "(sửa ở Tệp → Thông tin đơn vị).", self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.code = QLineEdit(self)
        self.code.setMaxLength(5)
        self.code.setPlaceholderText("ví dụ 19168")
        layout.addWidget(self.code)
        self.errorLabel = QLabel(self)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b00020;")
        layout.addWidget(self.errorLabel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        _vi_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.Cancel).setText("Để sau")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.finished.connect(self._asked)

    def _asked(self, *_):
        if self.ws.conn is not None:   # once, whatever the answer (the file may be closed meanwhile)
            self.ws.set_setting(self.ASKED, True)

    @classmethod
    def needed(cls, ws) -> bool:
        """Whether the unit has no code and has not been asked for it yet."""
        return not ws.unit().get("code") and not ws.setting(cls.ASKED, False)

    def accept(self):
        try:
            self.ws.update_unit(code=self.code.text())
        except WorkspaceError as exc:
            self.errorLabel.setText(str(exc))
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
        self._merged_touched = False
        self.ui.merged.clicked.connect(lambda *_: setattr(self, "_merged_touched", True))
        self.ui.parent.textChanged.connect(self._guess_merged)
        self.ui.createButton.clicked.connect(self.create)
        self.ui.sampleButton.clicked.connect(self.sample)
        self.ui.openButton.clicked.connect(self.open_file)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.name.setFocus()

    def _guess_merged(self, text):
        """A unit under a district (huyện, thị xã, quận) predates the 2025 reform; one under a
        province was most likely formed by it.  The officer's own tick wins."""
        if self._merged_touched:
            return
        low = (nfc(text) or "").lower()
        if any(w in low for w in ("huyện", "thị xã", "quận")):
            self.ui.merged.setChecked(False)
        elif "tỉnh" in low or "thành phố" in low:
            self.ui.merged.setChecked(True)

    def _suggest_path(self, text):
        if not self._path_edited:
            self.ui.path.setText(str(self.folder / f"{ascii_name(text)}.cchc"))

    def unit_fields(self) -> dict:
        out = {"name": self.ui.name.text(), "code": self.ui.code.text(), "parent": self.ui.parent.text(),
               "place": self.ui.place.text()}
        if self.ui.merged.isChecked():
            out["established"] = periods.MERGER_DAY.isoformat()
        return out

    def create(self):
        if not nfc(self.ui.name.text()):
            self.ui.errorLabel.setText("Chưa nhập tên đơn vị (ví dụ: UBND phường Đồng Thuận).")
            self.ui.name.setFocus()
            return
        try:
            clean_unit_fields(self.unit_fields())
        except WorkspaceError as exc:
            self.ui.errorLabel.setText(str(exc))
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
            from ..store import os_error_text
            self.ui.errorLabel.setText(f"Không tạo được thư mục “{folder}”: {os_error_text(exc)}.")
            return
        self.ws.set_setting(backup.FOLDER_SETTING, str(folder))
        self.ws.set_setting(backup.KEEP_SETTING, self.ui.keep.value())
        super().accept()


def _plain_errors(ui):
    """An error label shows names as typed or received: plain text, never rich text."""
    label = getattr(ui, "errorLabel", None)
    if label is not None:
        label.setProperty("textFormat", 0)   # Qt.PlainText
