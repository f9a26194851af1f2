"""Editing the report's text (sections I–V, subject, opening, closing) before printing.

A section never written shows, greyed, the draft that will print in its place;
“Lập bản nháp từ số liệu” puts that draft into the text to be edited, “Lấy lại nội
dung kỳ trước” takes over last period's text.  “Lưu” stores every changed section as
one undoable operation of the core.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from ..reports import draft
from ..store import WorkspaceError


class ReportEditor(QWidget):
    """The text of the report of period *code*."""

    saved = Signal()

    def __init__(self, ws, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.saved_texts: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self._drafts: dict[str, str] | None = None
        self._current: str | None = None

        self.sections = QListWidget()
        for s in draft.ALL_SECTIONS:
            self.sections.addItem(draft.SECTION_LABELS[s] if s not in dict(draft.SECTIONS)
                                  else draft.section_title(s, code))
        self.sections.setMaximumWidth(300)
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.sections.currentRowChanged.connect(self._show_section)
        self.editor = QPlainTextEdit()
        self.editor.textChanged.connect(self._edited)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.status.setWordWrap(True)
        self.draft_button = QPushButton("Lập bản nháp từ số liệu")
        self.draft_button.setToolTip("Viết phần đang chọn từ số liệu, sổ văn bản và mục tiêu của kỳ")
        self.draft_button.clicked.connect(self.fill_draft)
        self.previous_button = QPushButton("Lấy lại nội dung kỳ trước")
        self.previous_button.clicked.connect(self.take_previous)
        self.save_button = QPushButton("Lưu")
        self.save_button.clicked.connect(self.save)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.draft_button)
        row.addWidget(self.previous_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addWidget(self.sections)
        layout.addLayout(right, 1)
        self.reload()

    # ---- state -------------------------------------------------------------------------
    def reload(self):
        """Read the saved text again (after undo, or another window's change)."""
        self.saved_texts = self.ws.sections(self.code)
        self.texts = dict(self.saved_texts)
        self._drafts = None
        locked = self.ws.period(self.code).locked
        self.editor.setReadOnly(locked)
        for b in (self.draft_button, self.previous_button, self.save_button):
            b.setEnabled(not locked)
        self.status.setText("Kỳ đã chốt số liệu: chỉ xem, không sửa được nội dung." if locked else "")
        self._current = None
        self.sections.setCurrentRow(-1)
        self.sections.setCurrentRow(max(0, draft.ALL_SECTIONS.index("I")))

    def drafts(self) -> dict[str, str]:
        if self._drafts is None:
            self._drafts = draft.draft_sections(self.ws, self.code)
        return self._drafts

    @property
    def current(self) -> str | None:
        return self._current

    def select(self, section: str):
        self.sections.setCurrentRow(draft.ALL_SECTIONS.index(section))

    def changed(self) -> dict[str, str]:
        """Sections whose text differs from what is saved."""
        return {s: t for s, t in self.texts.items() if (self.saved_texts.get(s) or "") != (t or "")}

    @property
    def dirty(self) -> bool:
        return bool(self.changed())

    def _show_section(self, row: int):
        if row < 0:
            return
        self._current = draft.ALL_SECTIONS[row]
        self.title.setText(f"<b>{html.escape(self.sections.item(row).text())}</b>")
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts.get(self._current, ""))
        self.editor.blockSignals(False)
        preview = self.drafts().get(self._current, "")
        self.editor.setPlaceholderText("Chưa viết phần này; khi in sẽ dùng bản nháp:\n\n" + preview if preview
                                       else "Chưa viết phần này.")
        # QPlainTextEdit does not repaint an empty editor when only its placeholder changes:
        # without this the first section's draft stayed on screen as every section's preview
        self.editor.viewport().update()
        missing = draft.missing_assessment(preview) if self._current == "III" and not self.texts.get("III") else []
        if missing and not self.editor.isReadOnly():
            names = " và ".join(f"“{m}”" for m in missing)
            self.status.setText(f"Bản nháp chưa có mục {names}: số liệu và mục tiêu của kỳ chưa cho thấy điều gì "
                                f"để viết. Nếu cần, hãy tự viết mục này (bản in không để đề mục trống).")
        elif not self.dirty and not self.editor.isReadOnly():
            self.status.setText("")

    def _edited(self):
        if self._current is not None:
            self.texts[self._current] = self.editor.toPlainText()
            self.status.setText("Có nội dung chưa lưu." if self.dirty else "")

    # ---- actions -----------------------------------------------------------------------
    def fill_draft(self):
        """Put the draft of the selected section into the editor (to be edited, then saved)."""
        if self._current is None:
            return
        self._drafts = None     # the figures may have changed since the window opened
        self.editor.setPlainText(self.drafts().get(self._current, ""))

    def take_previous(self) -> int:
        """Take over the previous period's text for every section it has; returns how many."""
        prev = draft.previous_sections(self.ws, self.code)
        if not prev:
            self.status.setText("Kỳ trước chưa có nội dung báo cáo để lấy lại.")
            return 0
        self.texts.update(prev)
        self._show_section(self.sections.currentRow())
        self.status.setText(f"Đã lấy {len(prev)} phần từ báo cáo kỳ trước; hãy sửa số liệu, thời gian cho kỳ này "
                            f"rồi bấm “Lưu”.")
        return len(prev)

    def save(self) -> bool:
        """Store the changed sections as one operation; False (with the reason shown) when refused."""
        changes = self.changed()
        if not changes:
            self.status.setText("Không có gì thay đổi.")
            return True
        try:
            draft.save_all(self.ws, self.code, changes, label=f"Sửa nội dung báo cáo {self.ws.period(self.code).label}")
        except WorkspaceError as exc:
            self.status.setText(str(exc))
            return False
        self.saved_texts = self.ws.sections(self.code)
        self.status.setText(f"Đã lưu {len(changes)} phần.")
        self.saved.emit()
        return True


    def closeEvent(self, event):
        """Never lose typed text: offer to save what is not saved yet."""
        if self.dirty and not self.editor.isReadOnly():
            from PySide6.QtWidgets import QMessageBox
            box = QMessageBox(QMessageBox.Question, "Nội dung báo cáo", "Lưu các thay đổi nội dung báo cáo?",
                              QMessageBox.NoButton, self)
            save = box.addButton("Lưu", QMessageBox.AcceptRole)
            discard = box.addButton("Không lưu", QMessageBox.DestructiveRole)
            box.addButton("Hủy", QMessageBox.RejectRole)
            box.exec()
            if box.clickedButton() is save:
                if not self.save():
                    event.ignore()
                    return
            elif box.clickedButton() is not discard:
                event.ignore()
                return
        super().closeEvent(event)


if __name__ == "__main__":   # python -m cchc_desktop.gui.report_editor WORKSPACE PERIOD
    import sys

    from PySide6.QtWidgets import QApplication

    from ..store import Workspace
    app = QApplication(sys.argv)
    with Workspace.open(sys.argv[1]) as w:
        editor = ReportEditor(w, sys.argv[2])
        editor.resize(1000, 640)
        editor.show()
        app.exec()
