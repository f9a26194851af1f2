"""Biểu mẫu của cấp trên: the wizard that takes an upper office's own Excel form.

The officer chooses the workbook the province sent (and, when the province sent one, its
mapping file); the program finds the table and lists every row with the indicator it
proposes, how sure it is and why.  Sure matches are taken, unsure ones are marked "cần
chọn" and wait for the officer, rows with no indicator stay blank and say so.  A row is
changed by choosing an indicator in the same searchable list the rules window has (typing
without accents works) or left blank on purpose.  "Lưu" keeps the form and its mapping in
the workspace; "Xuất tệp ánh xạ…" writes the small file a province sends to its communes.

:class:`TemplatesDialog` lists the unit's templates by their title and the office they
came from, with a preview of their rows, and opens the wizard.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from .. import templates
from ..forms import library
from ..store import WorkspaceError
from .rules_dialog import AddRuleDialog, _fit, indicator_combo
from .ui_form_import_dialog import Ui_FormImportDialog

COLUMNS = ("STT", "Dòng trong biểu mẫu", "ĐVT", "Chỉ tiêu của chương trình", "Ghép")
COLOURS = {library.SURE: "#e3f4e1", library.CHOSEN: "#d9ecff", library.UNSURE: "#fff3c4",
           library.NONE: "#eeeeee", library.CLEARED: "#eeeeee"}
XLSX_FILTER = "Sổ làm việc Excel (*.xlsx);;Mọi tệp (*)"
JSON_FILTER = "Tệp ánh xạ (*.json);;Mọi tệp (*)"


def _buttons_vi(box: QDialogButtonBox):
    for std, text in ((QDialogButtonBox.Save, "&Lưu"), (QDialogButtonBox.Cancel, "Hủy"),
                      (QDialogButtonBox.Close, "Đóng")):
        b = box.button(std)
        if b is not None:
            b.setText(text)


class FormImportDialog(QDialog):
    """Import an upper office's form (``path``) or correct a stored one (``name``)."""

    def __init__(self, ws, parent=None, *, path=None, name: str | None = None):
        super().__init__(parent)
        self.ws = ws
        self.ui = Ui_FormImportDialog()
        self.ui.setupUi(self)
        _buttons_vi(self.ui.buttonBox)
        _fit(self, 1100, 680)   # smaller on a 1024×768 screen
        self.form: library.ProvinceForm | None = None
        self.stored = name is not None
        self.problems: list[str] = []
        self.indicators = [i for i in ws.catalogue]
        self.picker = indicator_combo(self.indicators, "indicatorPicker")
        holder = QHBoxLayout(self.ui.pickerHolder)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.picker)
        self.picker.lineEdit().returnPressed.connect(self.use_chosen)   # type, Enter: taken
        QDialog.setTabOrder(self.ui.rowsTable, self.picker)
        QDialog.setTabOrder(self.picker, self.ui.useButton)
        t = self.ui.rowsTable
        t.setColumnCount(len(COLUMNS))
        t.setHorizontalHeaderLabels(COLUMNS)
        t.verticalHeader().setVisible(False)
        header = t.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeToContents)
        t.itemSelectionChanged.connect(self._row_selected)
        self.ui.chooseButton.clicked.connect(self.choose_file)
        self.ui.mappingButton.clicked.connect(self.choose_mapping)
        self.ui.useButton.clicked.connect(self.use_chosen)
        self.ui.blankButton.clicked.connect(self.leave_blank)
        self.ui.exportButton.clicked.connect(self.choose_export)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._enable()
        if name is not None:
            self.form = library.get(ws, name)
            self.setWindowTitle(f"Biểu mẫu của cấp trên – {self.form.title}")
            self.ui.fileEdit.setText(self.form.file_name)
            self.ui.nameEdit.setText(self.form.name)
            self.ui.nameEdit.setReadOnly(True)
            self.ui.chooseButton.setEnabled(False)
            self.ui.mappingButton.setEnabled(False)
            self.ui.unitTemplateCheck.setChecked(ws.unit().get("template") == name)
            self._fill_table()
        elif path is not None:
            self.load_file(path)

    # ---- reading ---------------------------------------------------------------------
    def load_file(self, path, mapping=None) -> bool:
        """Read the form at *path* (and a province's mapping file); False with a message if it cannot."""
        path = Path(path)
        self.ui.errorLabel.clear()
        try:
            form = library.analyse(self.ws, path.read_bytes(), path.name, self.ui.nameEdit.text().strip())
            problems = list(form.notes)
            if mapping:
                problems += library.apply_mapping_file(form, library.read_mapping_file(mapping), self.ws.catalogue)
        except (WorkspaceError, OSError) as exc:
            self.ui.errorLabel.setText(str(exc))
            return False
        self.form, self.problems = form, problems
        self.ui.fileEdit.setText(str(path))
        if not self.ui.nameEdit.text().strip():
            self.ui.nameEdit.setText(form.name)
        self._fill_table()
        return True

    def choose_file(self):
        path, _ = QFileDialog.getOpenFileName(self, "Chọn biểu mẫu Excel của cấp trên", str(Path.home()), XLSX_FILTER)
        if path:
            self.load_file(path, self.ui.mappingEdit.text() or None)

    def choose_mapping(self):
        path, _ = QFileDialog.getOpenFileName(self, "Chọn tệp ánh xạ cấp trên gửi kèm", str(Path.home()), JSON_FILTER)
        if path:
            self.ui.mappingEdit.setText(path)
            if self.ui.fileEdit.text() and not self.stored:
                self.load_file(self.ui.fileEdit.text(), path)

    # ---- the table -------------------------------------------------------------------
    def _fill_table(self):
        t = self.ui.rowsTable
        rows = [r for r in self.form.rows if r.status != library.HIDDEN]
        t.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for i, r in enumerate(rows):
            ind = self.ws.catalogue.get(r.key) if r.key else None
            if r.status == library.HEADING:
                texts = (r.stt, r.label, "", "", "")
            else:
                target = ind.label if ind else (
                    f"đề xuất: {self.ws.catalogue.get(r.proposed).label}" if r.status == library.UNSURE and r.proposed
                    else "(để trống)")
                texts = (r.stt, r.label, r.unit, target, library.STATUS_TEXT[r.status] +
                         (f" · giống {r.confidence:.0%}" if r.status in (library.SURE, library.UNSURE) else ""))
            for j, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, (r.sheet, r.row))
                if r.status == library.HEADING:
                    item.setFont(bold)
                elif r.status in COLOURS:
                    item.setBackground(QBrush(QColor(COLOURS[r.status])))
                if j == 4 and r.why:
                    item.setToolTip(r.why)
                t.setItem(i, j, item)
        QTimer.singleShot(0, t, t.resizeRowsToContents)   # once the columns have their widths
        c = self.form.counts()
        done = c.get(library.SURE, 0) + c.get(library.CHOSEN, 0)
        office = f" — {self.form.office}" if self.form.office else ""
        text = (f"<b>{self.form.title}</b>{office}<br>Đã ghép {done} dòng; "
                f"<b>cần chọn {c.get(library.UNSURE, 0)}</b> (nền vàng: chọn dòng rồi chọn chỉ tiêu); "
                f"không có chỉ tiêu {c.get(library.NONE, 0)}; để trống {c.get(library.CLEARED, 0)}. "
                f"Dòng không ghép được để trống khi in, không đoán số.")
        if self.problems:
            text += "<br>" + "<br>".join(self.problems)
        self.ui.summaryLabel.setText(text)
        self._enable()

    def _enable(self):
        has = self.form is not None
        row = self.current_row()
        editable = row is not None and row.fillable
        for w in (self.picker, self.ui.useButton, self.ui.blankButton):
            w.setEnabled(editable)
        self.ui.exportButton.setEnabled(has)
        self.ui.buttonBox.button(QDialogButtonBox.Save).setEnabled(has)

    def current_row(self) -> library.MappedRow | None:
        items = self.ui.rowsTable.selectedItems()
        if not items or self.form is None:
            return None
        sheet, row = items[0].data(Qt.UserRole)
        return self.form.row(sheet, row)

    def select(self, sheet: str, row: int) -> bool:
        t = self.ui.rowsTable
        for i in range(t.rowCount()):
            if t.item(i, 0).data(Qt.UserRole) == (sheet, row):
                t.selectRow(i)
                return True
        return False

    def _row_selected(self):
        r = self.current_row()
        self._enable()
        if r is None:
            self.ui.whyLabel.clear()
            return
        self.ui.whyLabel.setText(r.why or "")
        key = r.key or (r.proposed if r.status == library.UNSURE else None)
        i = self.picker.findData(key) if key else -1
        self.picker.setCurrentIndex(i)
        if i < 0:
            self.picker.setEditText("")

    def set_row(self, key: str | None):
        r = self.current_row()
        if r is None or not r.fillable:
            return
        r.key, r.status = (key, library.CHOSEN) if key else (None, library.CLEARED)
        at = (r.sheet, r.row)
        self._fill_table()
        self.select(*at)

    def use_chosen(self):
        key = AddRuleDialog.key_of(self.picker)
        if key is None:
            self.ui.errorLabel.setText("Chọn chỉ tiêu trong danh sách (gõ vài chữ của tên, có dấu hay không dấu đều được).")
            return
        self.ui.errorLabel.clear()
        self.set_row(key)

    def leave_blank(self):
        self.set_row(None)

    # ---- saving ----------------------------------------------------------------------
    def export_to(self, path) -> Path:
        import json
        path = Path(path)
        path.write_text(json.dumps(library.export_mapping(self.form), ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    def choose_export(self):
        start = str(Path.home() / f"anh-xa-{self.form.name}.json")
        path, _ = QFileDialog.getSaveFileName(self, "Lưu tệp ánh xạ", start, JSON_FILTER)
        if path:
            try:
                self.export_to(path)
            except OSError as exc:
                self.ui.errorLabel.setText(f"Không ghi được tệp “{path}”: {exc}")

    def save(self):
        """Store the form and its mapping (a stored one: only the rows that changed)."""
        if self.stored:
            before = library.get(self.ws, self.form.name, with_content=False)
            for r in self.form.rows:
                old = before.row(r.sheet, r.row)
                if (old.key, old.status) != (r.key, r.status):
                    library.set_row_key(self.ws, self.form.name, r.sheet, r.row, r.key)
        else:
            self.form.name = self.ui.nameEdit.text().strip()
            library.save(self.ws, self.form)
            self.stored = True
        want = self.ui.unitTemplateCheck.isChecked()
        if want and self.ws.unit().get("template") != self.form.name:
            self.ws.update_unit(template=self.form.name)

    def accept(self):
        try:
            self.save()
        except WorkspaceError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        super().accept()


class TemplatesDialog(QDialog):
    """Mẫu phụ lục: every template by its title and office, a preview, and the upper office's forms."""

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle("Mẫu phụ lục và biểu mẫu của cấp trên")
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.preview = QTableWidget(0, 3)
        self.preview.setObjectName("templatePreview")
        self.preview.setHorizontalHeaderLabels(("STT", "Chỉ tiêu", "ĐVT"))
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.NoEditTriggers)
        for col, mode in ((0, QHeaderView.ResizeToContents), (1, QHeaderView.Stretch), (2, QHeaderView.ResizeToContents)):
            self.preview.horizontalHeader().setSectionResizeMode(col, mode)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.import_button = QPushButton("&Nhập biểu mẫu Excel của cấp trên…")
        self.edit_button = QPushButton("&Sửa ghép dòng…")
        self.use_button = QPushButton("&Dùng cho đơn vị")
        close = QPushButton("Đóng")
        self.import_button.clicked.connect(self.import_form)
        self.edit_button.clicked.connect(self.edit_form)
        self.use_button.clicked.connect(self.use_current)
        close.clicked.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self.show_current())
        left = QVBoxLayout()
        left.addWidget(QLabel("Các mẫu:"))
        left.addWidget(self.list, 1)
        right = QVBoxLayout()
        right.addWidget(self.about)
        right.addWidget(self.preview, 1)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 3)
        buttons = QHBoxLayout()
        for b in (self.import_button, self.edit_button, self.use_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        outer = QVBoxLayout(self)
        outer.addLayout(top, 1)
        outer.addLayout(buttons)
        _fit(self, 1000, 600)
        self.reload()

    def reload(self, select: str | None = None):
        self.list.clear()
        own = self.ws.unit().get("template") or ""
        for choice in templates.choices(self.ws):
            mark = " — đang dùng" if choice.name == own else ""
            item = QListWidgetItem(f"{choice.title}\n{choice.office or choice.source}{mark}")
            item.setData(Qt.UserRole, choice.name)
            item.setData(Qt.UserRole + 1, choice.kind)
            self.list.addItem(item)
            if choice.name == (select or own):
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._fit_items()

    def _fit_items(self):
        """Each title wraps within the list's width and gets the height it needs (the list
        itself would lay wrapped lines over the next item)."""
        width = max(self.list.viewport().width() - 2 * self.list.spacing() - 8, 120)
        metrics = self.list.fontMetrics()
        for i in range(self.list.count()):
            item = self.list.item(i)
            box = metrics.boundingRect(QRect(0, 0, width - 8, 10000), Qt.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, box.height() + 8))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_items)   # once the list has its new width

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def show_current(self):
        name = self.current()
        if name is None:
            return
        try:
            tpl = templates.load(name, self.ws)
        except Exception as exc:   # a broken copy is shown, not fatal
            self.about.setText(str(exc))
            return
        rows = [r for _, r in tpl.rows()]
        self.about.setText(f"<b>{tpl.title}</b><br>{tpl.office or tpl.source}<br>{len(tpl.keys())} chỉ tiêu, "
                           f"{len(rows)} dòng")
        self.preview.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate((r.stt, r.label, r.unit)):
                item = QTableWidgetItem(text)
                if r.style == "group":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.preview.setItem(i, j, item)
        self.preview.resizeRowsToContents()
        self.edit_button.setEnabled(self.list.currentItem().data(Qt.UserRole + 1) == "form")

    def import_form(self):
        path, _ = QFileDialog.getOpenFileName(self, "Chọn biểu mẫu Excel của cấp trên", str(Path.home()), XLSX_FILTER)
        if path:
            self.open_wizard(path=path)

    def open_wizard(self, **kw) -> FormImportDialog:
        dialog = FormImportDialog(self.ws, self, **kw)
        if dialog.exec() and dialog.form is not None:
            self.reload(dialog.form.name)
        return dialog

    def edit_form(self):
        if self.current():
            self.open_wizard(name=self.current())

    def use_current(self):
        name = self.current()
        if name and name != self.ws.unit().get("template"):
            self.ws.update_unit(template=name)
            self.reload(name)


def main(argv=None) -> int:
    """Preview: ``python -m cchc_desktop.gui.form_import WORKSPACE FORM.xlsx [SHOT.png]`` opens the
    wizard on a form (with SHOT.png: selects the first row that needs choosing, saves a picture
    of the window and quits without storing anything)."""
    import sys
    from PySide6.QtWidgets import QApplication
    from ..store import Workspace
    from . import translations
    argv = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translations.install(app)
    ws = Workspace.open(argv[0])
    dialog = FormImportDialog(ws, path=argv[1])
    if len(argv) > 2:
        unsure = [r for r in dialog.form.rows if r.status == library.UNSURE]
        if unsure:
            dialog.select(unsure[0].sheet, unsure[0].row)

        def shoot():
            dialog.grab().save(argv[2])
            dialog.reject()
        QTimer.singleShot(300, shoot)
    dialog.exec()
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
