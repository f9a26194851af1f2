"""Quy tắc kiểm tra: the window where an officer sees and adapts the checking rules.

It lists every rule of the workspace grouped by area, in words with indicator labels, with
its severity and where it comes from ("có sẵn", "của đơn vị", "đã tắt").  A shipped rule can
be lowered to a warning (or raised to an error), switched off and on, and restored; the
unit's own rules are added with a small form (tổng = các phần, A ≤ B, A = B) and deleted.

Every change is one call of :func:`rules.add_rule` or :func:`rules.delete_rule`: one
operation of the workspace, so it is in the audit log, Ctrl+Z in the main window undoes it
and the workspace's listeners (the findings dock) check again.  A shipped rule is changed
by a workspace rule with the same code (see :func:`rules.rules_for`).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QStackedWidget, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from .. import rules
from ..slug import ascii_fold
from ..store import WorkspaceError
from ..vnformat import nfc
from . import ops

CODE_ROLE = Qt.UserRole + 1
FOLDED_ROLE = Qt.UserRole + 2   # a label without diacritics, for matching what is typed
SHIPPED, OWN = "có sẵn", "của đơn vị"
NO_AREA = 0   # the group of rules about the whole period (window, values, tasks)
# The kinds an office can reasonably write in the form: (type, op, label)
KINDS = (("sum", None, "Tổng = các thành phần"), ("le", "<=", "A ≤ B (A không lớn hơn B)"),
         ("same", "=", "A = B (A bằng B)"))
MUTED = QColor("#6b6b6b")


def fold(text: str) -> str:
    """*text* without diacritics, lower case: “Số phiếu hài lòng” → “so phieu hai long”.

    Officers often type without accents; both ways must find the indicator."""
    return ascii_fold(str(text)).casefold()


class FoldingCompleter(QCompleter):
    """Completes on labels whatever the accents typed, and puts the real label in the box."""

    def splitPath(self, path):
        return [fold(path)]

    def pathFromIndex(self, index):
        return index.data(Qt.DisplayRole)


def indicator_combo(indicators, name: str = "", placeholder: str = "Gõ để tìm chỉ tiêu…",
                    width: int = 40) -> QComboBox:
    """An editable list of *indicators* by their Vietnamese names that completes on what is
    typed, with or without accents (the one picker of the rules, targets and forms windows;
    no program code is shown, not even in a tooltip)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    combo.setMinimumContentsLength(width)
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    for ind in indicators:
        combo.addItem(ind.label, ind.key)
        i = combo.count() - 1
        combo.setItemData(i, f"Lĩnh vực {ind.area}" + (f" · {ind.unit}" if ind.unit else ""), Qt.ToolTipRole)
        combo.setItemData(i, fold(ind.label), FOLDED_ROLE)
    combo.setCurrentIndex(-1)
    combo.lineEdit().setPlaceholderText(placeholder)
    completer = FoldingCompleter(combo.model(), combo)
    completer.setCompletionRole(FOLDED_ROLE)
    completer.setFilterMode(Qt.MatchContains)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setCompletionMode(QCompleter.PopupCompletion)
    combo.setCompleter(completer)
    return combo


class WrapDelegate(QStyledItemDelegate):
    """Rule lines wrap in the text column: a tree asks for a row's height without the column's
    width, so it is given here (a long sum would otherwise be cut off with "…")."""

    def __init__(self, tree):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):
        if index.column() != 0 or not index.parent().isValid():
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(self.tree.header().sectionSize(0) - self.tree.indentation() - 12, 100)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextWordWrap, opt.text)
        return QSize(width, text.height() + 6)


@dataclass
class RuleEntry:
    """One line of the list: a rule as it applies now, and where it comes from."""
    code: str
    definition: dict          # what applies (the unit's override when there is one)
    shipped: dict | None      # the shipped definition, if the code is a shipped rule
    own: bool                 # the workspace holds a rule with this code (override or own)
    in_force: bool
    area: int | None
    text: str
    problem: str = ""         # a stored rule that no longer reads (shown, only deletable)

    @property
    def severity(self) -> str:
        return self.definition.get("severity", rules.ERROR)

    @property
    def overridden(self) -> bool:
        return self.shipped is not None and self.own

    def source_text(self) -> str:
        base = SHIPPED if self.shipped is not None else OWN
        notes = []
        if self.problem:
            notes.append("không đọc được")
        elif not self.in_force:
            notes.append("đã tắt")
        elif self.overridden and self.severity != self.shipped.get("severity", rules.ERROR):
            notes.append("đã đổi mức độ")
        return f"{base}, {', '.join(notes)}" if notes else base


def rule_entries(ws) -> list[RuleEntry]:
    """Every rule of *ws*: shipped ones (as changed by the unit), then the unit's own."""
    cat = ws.catalogue
    in_force = {r.code: r for r in rules.rules_for(ws)}
    shipped = {}
    for d in rules.shipped_definitions():
        try:
            rules.parse_rule(d, cat)
        except WorkspaceError:
            continue   # about indicators a trimmed catalogue lacks: rules_for leaves it out too
        shipped[d["code"]] = d
    stored = {row["code"]: row["definition"] for row in rules.user_rules(ws)}
    out = []
    for code in [*shipped, *[c for c in stored if c not in shipped]]:
        base, over = shipped.get(code), stored.get(code)
        definition = dict(over if over else base)
        problem = ""
        if over is not None:
            try:
                rules.parse_rule(over, cat)
            except WorkspaceError as exc:
                problem = str(exc)
        text = problem or rules.describe(definition, cat)
        out.append(RuleEntry(code, definition, base, over is not None, code in in_force,
                             rules.area_of(definition, cat), text, problem))
    return out


def _area_title(cat, area_id) -> str:
    if not area_id:
        return "Chung cho cả kỳ báo cáo"
    try:
        return f"{area_id}. {cat.area(area_id).label}"
    except (KeyError, ValueError, LookupError):
        return f"Lĩnh vực {area_id}"


class RulesDialog(QDialog):
    """See and adapt the checking rules of *ws* (*code*, the period shown, is not needed: rules
    belong to the workspace)."""

    def __init__(self, ws, code: str | None = None, parent=None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.entries: dict[str, RuleEntry] = {}
        self.setObjectName("rulesDialog")
        self.setWindowTitle("Quy tắc kiểm tra")
        _fit(self, 1080, 640)
        cat = ws.catalogue

        self.intro = QLabel(
            "Các quy tắc chương trình dùng để kiểm tra số liệu. Quy tắc có sẵn có thể hạ thành cảnh báo "
            "hoặc tắt đi; đơn vị (hoặc cơ quan cấp trên) có thể thêm quy tắc riêng. Thay đổi áp dụng cho mọi "
            "kỳ báo cáo của tệp dữ liệu này và có thể hoàn tác bằng Ctrl+Z ở cửa sổ chính.")
        self.intro.setWordWrap(True)

        self.areaLabel = QLabel("&Lĩnh vực:")
        self.areaCombo = QComboBox()
        self.areaCombo.setObjectName("areaCombo")
        self.areaCombo.addItem("Tất cả lĩnh vực", None)
        for a in cat.areas:
            self.areaCombo.addItem(f"{a.id}. {a.label}", a.id)
        self.areaCombo.addItem(_area_title(cat, NO_AREA), NO_AREA)
        self.areaLabel.setBuddy(self.areaCombo)
        self.searchLabel = QLabel("Tì&m:")
        self.searchEdit = QLineEdit()
        self.searchEdit.setObjectName("searchEdit")
        self.searchEdit.setPlaceholderText("Gõ vài chữ của tên chỉ tiêu…")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchLabel.setBuddy(self.searchEdit)
        filters = QHBoxLayout()
        filters.addWidget(self.areaLabel)
        filters.addWidget(self.areaCombo, 2)
        filters.addSpacing(12)
        filters.addWidget(self.searchLabel)
        filters.addWidget(self.searchEdit, 3)

        self.tree = QTreeWidget()
        self.tree.setObjectName("rulesTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Nội dung kiểm tra", "Mức độ", "Nguồn"])
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        # long rules wrap: the rows are laid out again once the text column has its width
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())

        self.detail = QLabel()
        self.detail.setObjectName("ruleDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3)

        def button(name, text, tip, slot):
            b = QPushButton()
            b.setObjectName(name)
            b.setText(text)
            b.setToolTip(tip)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            return b

        self.severityButton = button("severityButton", "Hạ thành &cảnh báo",
                                     "Đổi mức độ của quy tắc đang chọn giữa Lỗi và Cảnh báo", self.toggle_severity)
        self.enableButton = button("enableButton", "&Tắt quy tắc", "Tắt hoặc bật lại quy tắc đang chọn",
                                   self.toggle_enabled)
        self.restoreButton = button("restoreButton", "&Khôi phục mặc định",
                                    "Bỏ mọi thay đổi của đơn vị với quy tắc có sẵn này", self.restore)
        self.addButton = button("addButton", "Thêm &quy tắc…", "Thêm một quy tắc riêng của đơn vị", self.add_new)
        self.deleteButton = button("deleteButton", "&Xóa quy tắc…", "Xóa quy tắc riêng của đơn vị đang chọn",
                                   self.delete_current)
        self.closeButton = button("closeButton", "Đóng", "Đóng cửa sổ", self.accept)
        side = QVBoxLayout()
        for b in (self.severityButton, self.enableButton, self.restoreButton):
            side.addWidget(b)
        side.addSpacing(16)
        side.addWidget(self.addButton)
        side.addWidget(self.deleteButton)
        side.addStretch(1)
        side.addWidget(self.closeButton)

        self.countLabel = QLabel()
        self.countLabel.setObjectName("countLabel")
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addWidget(self.tree, 1)
        left.addWidget(self.detail)
        left.addWidget(self.countLabel)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)

        for a, b in ((self.areaCombo, self.searchEdit), (self.searchEdit, self.tree),
                     (self.tree, self.severityButton), (self.severityButton, self.enableButton),
                     (self.enableButton, self.restoreButton), (self.restoreButton, self.addButton),
                     (self.addButton, self.deleteButton), (self.deleteButton, self.closeButton)):
            QWidget.setTabOrder(a, b)

        self.areaCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.searchEdit.textChanged.connect(lambda _t: self.apply_filter())
        self.tree.currentItemChanged.connect(lambda _c, _p: self._update_buttons())
        self.reload()
        self.tree.setFocus()

    # ---- the list ----
    def reload(self, select: str | None = None):
        """Read the rules again and rebuild the list, keeping (or moving to) the selected rule."""
        select = select or self.current_code()
        entries = rule_entries(self.ws)
        self.entries = {e.code: e for e in entries}
        cat = self.ws.catalogue
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        order = [a.id for a in cat.areas] + [NO_AREA]
        for area_id in order:
            item = QTreeWidgetItem([_area_title(cat, area_id)])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFirstColumnSpanned(False)
            item.setData(0, Qt.UserRole, area_id)
            item.setFlags(Qt.ItemIsEnabled)
            groups[area_id] = item
        for e in entries:
            area = e.area if e.area in groups else NO_AREA
            child = QTreeWidgetItem([e.text, rules.SEVERITY_LABELS.get(e.severity, e.severity), e.source_text()])
            child.setData(0, CODE_ROLE, e.code)
            tip = e.text + (f"\nThông báo: {e.definition['message']}" if e.definition.get("message") else "")
            child.setToolTip(0, tip)
            if not e.in_force:
                for col in range(3):
                    child.setForeground(col, QBrush(MUTED))
            elif e.severity == rules.ERROR:
                child.setForeground(1, QBrush(QColor("#a4262c")))
            groups[area].addChild(child)
        for area_id in order:
            g = groups[area_id]
            if g.childCount():
                g.setText(0, f"{_area_title(cat, area_id)} ({g.childCount()} quy tắc)")
                self.tree.addTopLevelItem(g)
                g.setFirstColumnSpanned(True)
                g.setExpanded(True)
        off = sum(1 for e in entries if not e.in_force)
        own = sum(1 for e in entries if e.shipped is None)
        self.countLabel.setText(f"{len(entries)} quy tắc: {len(entries) - own} có sẵn, {own} của đơn vị; "
                                f"{off} đã tắt.")
        self.apply_filter()
        if select and self.select_code(select):
            return
        self._update_buttons()

    def rule_items(self) -> list[QTreeWidgetItem]:
        """Every rule line of the list (visible or filtered out)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            g = self.tree.topLevelItem(i)
            out.extend(g.child(j) for j in range(g.childCount()))
        return out

    def visible_codes(self) -> list[str]:
        return [it.data(0, CODE_ROLE) for it in self.rule_items() if not it.isHidden() and not it.parent().isHidden()]

    def apply_filter(self):
        area = self.areaCombo.currentData()
        words = fold(nfc(self.searchEdit.text()).strip())
        for i in range(self.tree.topLevelItemCount()):
            g = self.tree.topLevelItem(i)
            shown = 0
            for j in range(g.childCount()):
                child = g.child(j)
                hit = not words or words in fold(child.text(0)) or words in child.data(0, CODE_ROLE).casefold()
                child.setHidden(not hit)
                shown += hit
            g.setHidden((area is not None and g.data(0, Qt.UserRole) != area) or not shown)
        current = self.tree.currentItem()
        if current is not None and (current.isHidden() or (current.parent() and current.parent().isHidden())):
            self.tree.setCurrentItem(None)
        self._update_buttons()

    def select_code(self, code: str) -> bool:
        for it in self.rule_items():
            if it.data(0, CODE_ROLE) == code:
                if it.isHidden() or it.parent().isHidden():
                    return False
                self.tree.setCurrentItem(it)
                self.tree.scrollToItem(it)
                return True
        return False

    def current_code(self) -> str | None:
        it = self.tree.currentItem()
        return it.data(0, CODE_ROLE) if it is not None else None

    def current(self) -> RuleEntry | None:
        code = self.current_code()
        return self.entries.get(code) if code else None

    def _update_buttons(self):
        e = self.current()
        usable = e is not None and not e.problem
        self.severityButton.setEnabled(usable)
        self.enableButton.setEnabled(usable)
        self.restoreButton.setEnabled(e is not None and e.overridden)
        self.deleteButton.setEnabled(e is not None and e.shipped is None)
        if e is None:
            self.detail.setText("Chọn một quy tắc trong danh sách để xem chi tiết và thay đổi.")
            return
        self.severityButton.setText("Hạ thành &cảnh báo" if e.severity == rules.ERROR else "&Nâng thành lỗi")
        self.enableButton.setText("&Tắt quy tắc" if e.in_force else "&Bật lại quy tắc")
        lines = [f"<b>{_escape(e.text)}</b>",
                 f"Mức độ: {rules.SEVERITY_LABELS.get(e.severity, e.severity)} · Nguồn: {e.source_text()} · "
                 f"Mã: {_escape(e.code)}"]
        if e.definition.get("message") and not e.problem:
            lines.append(f"Thông báo khi sai: {_escape(e.definition['message'])}")
        self.detail.setText("<br>".join(lines))

    # ---- changes: each one operation of the workspace ----
    def _store(self, entry: RuleEntry, definition: dict):
        """Keep *definition* for *entry*; a shipped rule brought back to what ships drops its override."""
        clean = {k: v for k, v in definition.items() if not (k == "disabled" and not v)}
        if entry.shipped is not None and _normal(clean) == _normal(entry.shipped):
            if entry.own:
                ops.run(self, rules.delete_rule, self.ws, entry.code, title="Không thay đổi được quy tắc")
        else:
            ops.run(self, rules.add_rule, self.ws, clean, title="Không thay đổi được quy tắc")
        self.reload(entry.code)

    def toggle_severity(self):
        e = self.current()
        if e is None or e.problem:
            return
        new = rules.WARNING if e.severity == rules.ERROR else rules.ERROR
        self._store(e, {**e.definition, "severity": new})

    def toggle_enabled(self):
        e = self.current()
        if e is None or e.problem:
            return
        self._store(e, {**e.definition, "disabled": e.in_force})

    def restore(self):
        e = self.current()
        if e is None or not e.overridden:
            return
        ops.run(self, rules.delete_rule, self.ws, e.code, title="Không khôi phục được quy tắc")
        self.reload(e.code)

    def delete_current(self, *, confirm: bool = True):
        e = self.current()
        if e is None or e.shipped is not None:
            return
        if confirm and not ops.confirm(self, "Xóa quy tắc", f"Xóa quy tắc của đơn vị:\n{e.text}?",
                                       yes="Xóa", no="Không xóa"):
            return
        ops.run(self, rules.delete_rule, self.ws, e.code, title="Không xóa được quy tắc")
        self.reload()

    def add_form(self) -> "AddRuleDialog":
        """The form for a new rule of the unit (not shown: :meth:`add_new` runs it)."""
        return AddRuleDialog(self.ws, self)

    def add_new(self):
        form = self.add_form()
        if form.exec() == QDialog.Accepted and form.added:
            self.areaCombo.setCurrentIndex(0)
            self.searchEdit.clear()
            self.reload(form.added)


def _fit(dialog, width: int, height: int):
    """Open at *width* × *height*, or smaller on a small screen (a laptop at 150 % scaling)."""
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width, height = min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.9))
    dialog.resize(width, height)


def _normal(definition: dict) -> dict:
    return {**definition, "severity": definition.get("severity", rules.ERROR)}


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AddRuleDialog(QDialog):
    """Thêm quy tắc: tổng = các phần, A ≤ B or A = B, sides picked by label from the catalogue."""

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.added: str | None = None
        self.setObjectName("addRuleDialog")
        self.setWindowTitle("Thêm quy tắc kiểm tra")
        _fit(self, 760, 400)
        cat = ws.catalogue
        # amounts and rates only: a text or a code from a list cannot be added up or compared
        self.indicators = [i for i in cat if i.kind not in ("text", "code")]

        self.kindCombo = QComboBox()
        self.kindCombo.setObjectName("kindCombo")
        for kind, _op, label in KINDS:
            self.kindCombo.addItem(label, kind)

        self.pages = QStackedWidget()
        # the sum: a total and its parts
        sum_page = QWidget()
        self.totalCombo = self._indicator_combo("totalCombo")
        self.partCombo = self._indicator_combo("partCombo")
        self.addPartButton = QPushButton()
        self.addPartButton.setText("Thêm thành p&hần")
        self.addPartButton.setObjectName("addPartButton")
        self.addPartButton.setAutoDefault(False)
        self.addPartButton.clicked.connect(self.add_part)
        self.partCombo.lineEdit().installEventFilter(self)   # Enter there adds the part too
        self.removePartButton = QPushButton()
        self.removePartButton.setText("&Bỏ thành phần")
        self.removePartButton.setObjectName("removePartButton")
        self.removePartButton.setAutoDefault(False)
        self.removePartButton.clicked.connect(self.remove_part)
        self.partsList = QListWidget()
        self.partsList.setObjectName("partsList")
        self.partsList.setWordWrap(True)
        self.partsList.setMaximumHeight(self.partsList.fontMetrics().lineSpacing() * 8)
        pick = QHBoxLayout()
        pick.addWidget(self.partCombo, 1)
        pick.addWidget(self.addPartButton)
        parts_box = QVBoxLayout()
        parts_box.setContentsMargins(0, 0, 0, 0)
        parts_box.addLayout(pick)
        parts_row = QHBoxLayout()
        parts_row.addWidget(self.partsList, 1)
        parts_row.addWidget(self.removePartButton, 0, Qt.AlignTop)
        parts_box.addLayout(parts_row)
        sum_form = QFormLayout(sum_page)
        sum_form.setContentsMargins(0, 0, 0, 0)
        sum_form.addRow("Chỉ tiêu &tổng:", self.totalCombo)
        parts_label = QLabel("Các thành &phần:")
        parts_label.setBuddy(self.partCombo)
        sum_form.addRow(parts_label, parts_box)
        # A ≤ B, A = B
        cmp_page = QWidget()
        self.leftCombo = self._indicator_combo("leftCombo")
        self.rightCombo = self._indicator_combo("rightCombo")
        self.opLabel = QLabel()
        cmp_form = QFormLayout(cmp_page)
        cmp_form.setContentsMargins(0, 0, 0, 0)
        cmp_form.addRow("Chỉ tiêu &A:", self.leftCombo)
        cmp_form.addRow("", self.opLabel)
        cmp_form.addRow("Chỉ tiêu &B:", self.rightCombo)
        self.pages.addWidget(sum_page)
        self.pages.addWidget(cmp_page)

        self.severityCombo = QComboBox()
        self.severityCombo.setObjectName("severityCombo")
        self.severityCombo.addItem("Lỗi (phải sửa trước khi chốt)", rules.ERROR)
        self.severityCombo.addItem("Cảnh báo (xem lại, có thể giải trình)", rules.WARNING)
        self.messageEdit = QLineEdit()
        self.messageEdit.setObjectName("messageEdit")
        self.messageEdit.setPlaceholderText("Để trống: chương trình tự viết thông báo kèm các số liệu")

        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #a4262c; font-weight: bold;")
        self.errorLabel.hide()

        self.okButton = QPushButton()
        self.okButton.setText("Thêm quy tắc")
        self.okButton.setObjectName("okButton")
        self.okButton.setAutoDefault(False)
        self.okButton.clicked.connect(self.submit)
        self.cancelButton = QPushButton()
        self.cancelButton.setText("Hủy")
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setAutoDefault(False)
        self.cancelButton.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.okButton)
        buttons.addWidget(self.cancelButton)

        form = QFormLayout()
        form.addRow("&Loại quy tắc:", self.kindCombo)
        form.addRow(self.pages)
        form.addRow("&Mức độ:", self.severityCombo)
        form.addRow("Thông báo khi &sai:", self.messageEdit)
        layout = QVBoxLayout(self)
        hint = QLabel("Gõ vài chữ trong tên chỉ tiêu rồi chọn trong danh sách hiện ra.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addStretch(1)
        layout.addLayout(buttons)

        chain = (self.kindCombo, self.totalCombo, self.partCombo, self.addPartButton, self.partsList,
                 self.removePartButton, self.leftCombo, self.rightCombo, self.severityCombo, self.messageEdit,
                 self.okButton, self.cancelButton)
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _indicator_combo(self, name: str) -> QComboBox:
        return indicator_combo(self.indicators, name)

    def kind(self) -> str:
        return self.kindCombo.currentData()

    def _kind_changed(self, *_):
        kind = self.kind()
        self.pages.setCurrentIndex(0 if kind == "sum" else 1)
        self.opLabel.setText("không lớn hơn (≤)" if kind == "le" else "bằng (=)")
        self.errorLabel.hide()

    @staticmethod
    def key_of(combo: QComboBox) -> str | None:
        """The indicator whose label is typed or chosen in *combo*; None when the text names none."""
        text = nfc(combo.currentText()).strip()
        if not text:
            return None
        i = combo.findText(text, Qt.MatchFixedString)
        if i < 0:   # typed in full without accents: take it when exactly one label reads so
            same = [j for j in range(combo.count()) if combo.itemData(j, FOLDED_ROLE) == fold(text)]
            i = same[0] if len(same) == 1 else -1
        return combo.itemData(i) if i >= 0 else None

    def parts(self) -> list[str]:
        return [self.partsList.item(i).data(Qt.UserRole) for i in range(self.partsList.count())]

    def add_part(self):
        key = self.key_of(self.partCombo)
        if key is None:
            return self.refuse("Chọn thành phần trong danh sách chỉ tiêu (gõ vài chữ của tên rồi chọn).")
        if key in self.parts():
            return self.refuse("Thành phần này đã có trong danh sách.")
        item = QListWidgetItem(self.ws.catalogue[key].label)
        item.setData(Qt.UserRole, key)
        self.partsList.addItem(item)
        self.partCombo.setCurrentIndex(-1)
        self.partCombo.clearEditText()
        self.errorLabel.hide()

    def eventFilter(self, obj, event):
        # Enter in the parts box adds the part, as its button does, instead of closing the form
        if (obj is self.partCombo.lineEdit() and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Return, Qt.Key_Enter)
                and not self.partCombo.completer().popup().isVisible()):
            self.add_part()
            return True
        return super().eventFilter(obj, event)

    def remove_part(self):
        row = self.partsList.currentRow()
        if row >= 0:
            self.partsList.takeItem(row)

    def refuse(self, message: str):
        self.errorLabel.setText(message)
        self.errorLabel.show()

    def definition(self) -> dict:
        """The rule the form describes; WorkspaceError (Vietnamese) when it does not make sense
        (what the form itself can tell here, the rest by :func:`rules.check_new_rule`, which
        ``cchc rules add`` runs as well)."""
        cat = self.ws.catalogue
        kind = self.kind()
        if kind == "sum":
            total = self.key_of(self.totalCombo)
            if total is None:
                raise WorkspaceError("Chọn chỉ tiêu tổng trong danh sách chỉ tiêu.")
            parts = self.parts()
            if not parts:
                raise WorkspaceError("Chưa có thành phần nào: chọn các chỉ tiêu cộng lại thành tổng rồi bấm "
                                     "“Thêm thành phần”.")
            d = {"type": "sum", "total": total, "parts": parts}
            first = total
        else:
            left, right = self.key_of(self.leftCombo), self.key_of(self.rightCombo)
            if left is None or right is None:
                side = "A" if left is None else "B"
                raise WorkspaceError(f"Chọn chỉ tiêu {side} trong danh sách chỉ tiêu (gõ vài chữ của tên rồi chọn).")
            op = dict((k, o) for k, o, _l in KINDS)[kind]
            d = {"type": kind, "left": left, "op": op, "right": right}
            first = left
        d = {"code": rules.new_rule_code(self.ws, kind), **d, "severity": self.severityCombo.currentData(),
             "area": cat[first].area}
        message = nfc(self.messageEdit.text()).strip()
        if message:
            d["message"] = message
        rules.check_new_rule(self.ws, d)
        return d

    def submit(self):
        """Check the form and store the rule (one operation); a refusal stays in the form."""
        try:
            code = rules.add_rule(self.ws, self.definition())
        except WorkspaceError as exc:
            self.refuse(str(exc))
            return None
        self.added = code
        self.accept()
        return code


if __name__ == "__main__":   # a runnable preview: python -m cchc_desktop.gui.rules_dialog FILE.cchc
    import sys

    from PySide6.QtWidgets import QApplication

    from ..store import Workspace
    app = QApplication(sys.argv[:1])
    with Workspace.open(sys.argv[1]) as w:
        RulesDialog(w, None).exec()
