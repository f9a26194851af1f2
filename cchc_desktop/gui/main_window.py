"""The data-entry window: unit, period selector, area navigation, pages and the status line.

The window is given an open :class:`Workspace` (it never opens one in its constructor)
and listens to it: after each committed operation the visible page reloads, the undo
actions are relabelled and the status line says what was saved.  Other engineers'
widgets (findings, plan, print, report editor, targets, send, consolidation) are imported
inside their slots, so the window works, and starts fast, without them.
"""
from __future__ import annotations

import datetime as _dt
import importlib
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QHBoxLayout, QLabel, QListView, QListWidget,
                               QMainWindow, QMenu,
                               QMenuBar, QPushButton, QSplitter, QStackedWidget, QStatusBar, QVBoxLayout,
                               QWidget)

from .. import periods
from ..store import STATUS_LABELS
from . import ops, settings

HOME, DETAIL, REGISTER, PLAN, AUDIT = "home", "detail", "register", "plan", "audit"
# The kinds of data (store.Changes.kinds) each page shows; a change of another kind leaves
# it as it is.  The home page and the change log show everything (None).
_FIGURES = frozenset({"entries", "detail_rows", "documents", "plan_tasks", "periods", "unit", "settings"})
PAGE_SHOWS = {
    "area": _FIGURES,   # every area form: typed and computed figures, the template's rows
    DETAIL: frozenset({"detail_rows", "periods", "unit"}),
    REGISTER: frozenset({"documents", "periods"}),
    PLAN: _FIGURES | {"plans", "targets"},   # targets are evaluated on the figures
}


def page_shows(page_id: str):
    """The kinds of data page *page_id* shows (None: everything)."""
    return PAGE_SHOWS.get("area" if page_id.startswith("area") else page_id)
FINDINGS_DELAY_MS = 250   # the findings dock checks again this long after the last change
DAILY_BACKUP_DELAY_MS = 5000   # the day's first automatic backup waits until the window is in use
ASK_CODE_DELAY_MS = 300   # asked once the first page shows: never on the start path
# Set on the banner the first time a locked period shows, not in the form: a style sheet on any
# widget of the window costs ~1-2 ms at start-up, and most starts show a draft period.
LOCK_BANNER_STYLE = "background: #fff4ce; color: #5c4400; padding: 6px; border: 1px solid #e0c060;"


# The menus: (object name, title, actions); an action is (object name, text, shortcut), None a separator.
MENUS = (
    ("menuFile", "&Tệp", (
        ("actionNew", "&Mới…", "Ctrl+N"), ("actionOpen", "&Mở…", "Ctrl+O"),
        ("actionSaveAs", "&Lưu thành…", "Ctrl+Shift+S"), ("actionOpenSample", "Mở &dữ liệu mẫu", None), None,
        ("actionUnitProfile", "&Thông tin đơn vị…", None),
        ("actionTemplates", "Mẫu phụ lục và &biểu mẫu của cấp trên…", None),
        ("actionBackupSettings", "Sao lưu &tự động…", None),
        None, ("actionQuit", "&Thoát", "Ctrl+Q"))),
    ("menuEdit", "&Sửa", (
        ("actionUndo", "&Hoàn tác", "Ctrl+Z"), ("actionRedo", "&Làm lại", "Ctrl+Y"), None,
        ("actionOverride", "&Nhập đè giá trị tính sẵn", "Ctrl+E"))),
    ("menuView", "&Xem", (
        ("actionToggleNav", "Ẩn/hiện &danh sách bên trái", "Ctrl+L"),)),
    ("menuPeriod", "&Kỳ báo cáo", (
        ("actionAddPeriod", "&Thêm kỳ…", "Ctrl+Shift+N"), ("actionEditPeriod", "&Sửa kỳ…", None), None,
        ("actionFinalise", "&Chốt số liệu…", None), ("actionUnlock", "&Mở khóa…", None))),
    ("menuTools", "&Công cụ", (
        ("actionCheck", "&Kiểm tra", "F7"), ("actionPlan", "Kế &hoạch", None),
        ("actionTargets", "&Mục tiêu kế hoạch", None), ("actionReportEditor", "&Soạn báo cáo", None),
        ("actionPrint", "&In và xuất…", "Ctrl+P"), ("actionSend", "&Gửi lên cấp trên…", None),
        ("actionConsolidate", "&Tổng hợp…", None), None, ("actionRules", "&Quy tắc kiểm tra…", None))),
    ("menuHelp", "&Trợ giúp", (
        ("actionGuide", "&Hướng dẫn sử dụng", "F1"), ("actionAbout", "&Giới thiệu", None))),
)
NAV_TOOLTIP = ("Chọn phần cần nhập: Ctrl+1 … Ctrl+7 các lĩnh vực, Ctrl+8 bảng chi tiết, Ctrl+9 sổ văn bản, "
               "Ctrl+0 trang chủ")
LOCK_TEXT = "Kỳ này đã chốt số liệu: chỉ xem. Muốn sửa, chọn Kỳ báo cáo → Mở khóa… và nêu lý do."
SAMPLE_TEXT = ("<b>DỮ LIỆU MẪU</b> – tệp để tập, số liệu không phải của đơn vị bạn. Làm báo cáo thật: "
               "<a href='new'>Tạo đơn vị mới…</a> (Tệp → Mới…).")
# The size the window opens at on a large screen; smaller screens get their available area.
DEFAULT_SIZE = (1200, 720)
# Room left for the title bar and borders the window manager adds around the window's own area.
FRAME_ALLOWANCE = (16, 40)
NAV_WIDTH = (250, 190)   # the left list's width on a wide screen, and below 1280 px
# Operations the status line does not announce: "Cài đặt" is the program remembering a folder or
# a choice, not the officer's data ("Đã lưu: Cài đặt" read as if something had gone wrong).
QUIET_LABELS = {"Cài đặt"}
STATUS_OP = "Đổi trạng thái kỳ "   # the label of Workspace.set_status, followed by the period's name


class WindowUi:
    """The window's widgets and actions (``window.ui.navList``, ``window.ui.actionUndo``…).

    Built here in code, not from a Designer form: the compiled form imported some twenty Qt
    classes it never used and the ``Qt`` namespace, whose ~95 enum types PySide makes on first
    use (~17 ms, a third of what the window added to a bare one at start).  Nothing on the
    start path touches ``Qt``: the splitter is horizontal by default, sizes are set by width.
    """

    def __init__(self, window: QMainWindow):
        window.setObjectName(window.objectName() or "MainWindow")
        window.resize(*DEFAULT_SIZE)
        window.setWindowTitle("CCHC Desktop")
        self.centralwidget = QWidget(window)
        self.centralwidget.setObjectName("centralwidget")
        self.mainLayout = QVBoxLayout(self.centralwidget)
        self.mainLayout.setSpacing(6)
        self.topBar = QFrame(self.centralwidget)
        self.topBar.setObjectName("topBar")
        self.topBar.setFrameShape(QFrame.StyledPanel)
        bar = self.topBarLayout = QHBoxLayout(self.topBar)
        self.unitLabel = QLabel("Đơn vị", self.topBar)
        self.unitLabel.setObjectName("unitLabel")
        self.unitLabel.setProperty("textFormat", 0)   # Qt.PlainText: the unit's name as typed
        font = self.unitLabel.font()
        font.setBold(True)
        self.unitLabel.setFont(font)
        self.periodLabel = QLabel("&Kỳ báo cáo:", self.topBar)
        self.periodLabel.setObjectName("periodLabel")
        self.periodCombo = QComboBox(self.topBar)
        self.periodCombo.setObjectName("periodCombo")
        self.periodCombo.setMinimumWidth(190)
        self.periodCombo.setToolTip("Chọn kỳ báo cáo đang nhập")
        self.periodLabel.setBuddy(self.periodCombo)
        self.periodStatusLabel = QLabel(self.topBar)
        self.periodStatusLabel.setObjectName("periodStatusLabel")
        # (parent) then the text: QPushButton(text, parent) would make PySide try the QIcon overload
        self.addPeriodButton = QPushButton(self.topBar)
        self.addPeriodButton.setObjectName("addPeriodButton")
        self.addPeriodButton.setText("Thêm kỳ…")
        self.editPeriodButton = QPushButton(self.topBar)
        self.editPeriodButton.setObjectName("editPeriodButton")
        self.editPeriodButton.setText("Sửa kỳ…")
        self.windowLabel = QLabel(self.topBar)
        self.windowLabel.setObjectName("windowLabel")
        self.windowLabel.setWordWrap(True)   # on a narrow screen it wraps rather than widen the window
        bar.addWidget(self.unitLabel)
        bar.addSpacing(16)
        for w in (self.periodLabel, self.periodCombo, self.periodStatusLabel, self.addPeriodButton,
                  self.editPeriodButton):
            bar.addWidget(w)
        bar.addWidget(self.windowLabel, 1)   # the room left, so it wraps only when there is none
        self.mainLayout.addWidget(self.topBar)
        # a sample workspace says so on every page (by palette, not a style sheet: it shows at start)
        self.sampleBanner = QLabel(self.centralwidget)
        self.sampleBanner.setObjectName("sampleBanner")
        self.sampleBanner.setText(SAMPLE_TEXT)
        self.sampleBanner.setWordWrap(True)
        self.sampleBanner.setMargin(6)
        self.sampleBanner.setAutoFillBackground(True)
        palette = self.sampleBanner.palette()
        palette.setColor(QPalette.Window, QColor("#fde2c4"))
        palette.setColor(QPalette.WindowText, QColor("#6b3500"))
        self.sampleBanner.setPalette(palette)
        self.sampleBanner.hide()
        self.mainLayout.addWidget(self.sampleBanner)
        self.lockBanner = QLabel(LOCK_TEXT, self.centralwidget)
        self.lockBanner.setObjectName("lockBanner")
        self.lockBanner.setWordWrap(True)
        self.mainLayout.addWidget(self.lockBanner)
        # horizontal by default; parent= by keyword, as QSplitter(parent) would make PySide weigh
        # the QSplitter(Qt.Orientation) overload and so build the whole `Qt` namespace
        self.splitter = QSplitter(parent=self.centralwidget)
        self.splitter.setObjectName("splitter")
        self.navList = QListWidget(self.splitter)
        self.navList.setObjectName("navList")
        self.navList.setMinimumWidth(170)
        self.navList.setMaximumWidth(360)
        self.navList.setWordWrap(True)
        self.navList.setSpacing(3)
        # lay the wrapped names out again when the list's width changes (a scroll bar appearing on
        # a short screen left "4. Cải cách tổ chức bộ ..." cut, over an empty line)
        self.navList.setResizeMode(QListView.Adjust)
        self.navList.setToolTip(NAV_TOOLTIP)
        self.splitter.addWidget(self.navList)
        self.pages = QStackedWidget(self.splitter)
        self.pages.setObjectName("pages")
        self.splitter.addWidget(self.pages)
        # the left list folds away (drag its border to the left, or Xem → Ẩn/hiện, Ctrl+L) to give a
        # small screen's width to the figures; the pages never fold
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self.mainLayout.addWidget(self.splitter, 1)
        window.setCentralWidget(self.centralwidget)
        QWidget.setTabOrder(self.periodCombo, self.addPeriodButton)
        QWidget.setTabOrder(self.addPeriodButton, self.editPeriodButton)
        QWidget.setTabOrder(self.editPeriodButton, self.navList)
        self.menubar = QMenuBar(window)
        self.menubar.setObjectName("menubar")
        for menu_name, title, actions in MENUS:
            menu = QMenu(title, self.menubar)
            menu.setObjectName(menu_name)
            setattr(self, menu_name, menu)
            self.menubar.addAction(menu.menuAction())
            for spec in actions:
                if spec is None:
                    menu.addSeparator()
                    continue
                name, text, shortcut = spec
                action = QAction(window)   # not (text, window): PySide would weigh the QIcon overload
                action.setObjectName(name)
                action.setText(text)
                if shortcut:   # setShortcuts([…]): setShortcut(key) weighs overloads taking `Qt` enums
                    action.setShortcuts([QKeySequence.fromString(shortcut)])
                menu.addAction(action)
                setattr(self, name, action)
        window.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(window)
        self.statusbar.setObjectName("statusbar")
        window.setStatusBar(self.statusbar)


class MainWindow(QMainWindow):
    """``cchc-desktop``'s main window over one open workspace."""

    workspaceRequested = Signal(str, object)   # action ("new", "open", "sample"), path

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ui = WindowUi(self)
        self.ws = None
        self.code: str | None = None
        self.pages: dict[str, QWidget] = {}
        self.stale: set[str] = set()
        self.findings_dock = None
        self._changed = False             # a change since the last backup made on leaving
        self._findings_on = None          # (workspace, period) the findings dock shows
        self._findings_timer = QTimer(self)   # refreshes the dock once typing pauses
        self._findings_timer.setSingleShot(True)
        self._findings_timer.setInterval(FINDINGS_DELAY_MS)
        self._findings_timer.timeout.connect(self._refresh_findings)
        self.saved_label = QLabel("")
        self.saved_label.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label, 1)
        self._connect_actions()
        self.ui.splitter.setStretchFactor(1, 1)
        s = settings.store()
        geometry = s.value("window/geometry")
        if geometry is not None and not isinstance(geometry, str):   # a QByteArray once saved
            self.restoreGeometry(geometry)
        self.fit_to_screen()
        nav = NAV_WIDTH[0] if self.width() >= 1280 else NAV_WIDTH[1]
        self.ui.splitter.setSizes([nav, max(self.width() - nav, 400)])
        self.set_workspace(ws)

    def fit_to_screen(self):
        """Keep the window inside its screen's available area (an old 1024×768 office screen, or a
        laptop at 125–150 % scaling): never wider or taller than it, never partly off it.  A saved
        geometry from a larger screen is brought back inside as well."""
        screen = self.screen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        fw, fh = FRAME_ALLOWANCE
        width = min(self.width(), max(avail.width() - fw, 320))
        height = min(self.height(), max(avail.height() - fh, 240))
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), avail.x()), avail.x() + avail.width() - width - fw)
        y = min(max(self.y(), avail.y()), avail.y() + avail.height() - height - fh)
        if (x, y) != (self.x(), self.y()):
            self.move(max(x, avail.x()), max(y, avail.y()))

    def toggle_nav(self):
        """Xem → Ẩn/hiện danh sách bên trái (Ctrl+L): fold the left list away, or bring it back."""
        splitter, nav = self.ui.splitter, self.ui.navList
        if nav.isVisible() and splitter.sizes()[0] > 0:
            nav.hide()
            return
        nav.show()
        sizes = splitter.sizes()
        if sizes[0] == 0:   # folded by dragging its border
            width = NAV_WIDTH[1]
            splitter.setSizes([width, max(sum(sizes) - width, 1)])
        nav.setFocus()

    # ---- workspace and pages ----
    def nav_ids(self) -> list[str]:
        return [HOME, *[f"area{a.id}" for a in self.ws.catalogue.areas], DETAIL, REGISTER, PLAN, AUDIT]

    def set_workspace(self, ws):
        """Show *ws* (the caller opened it; the previous one is closed here)."""
        if self.ws is not None:
            if self._on_committed in self.ws.listeners:
                self.ws.listeners.remove(self._on_committed)
            self.auto_backup(daily=False)
            self.ws.close()
        self.ws = ws
        self._changed = False
        ws.listeners.append(self._on_committed)
        # The day's first backup, once the window is up (never on the start-up path).
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, self, lambda w=ws: self.ws is w and self.auto_backup(daily=True))
        # A file made before the unit's code was kept asks for it once, beside the work (dialogs.UnitCodeDialog).
        QTimer.singleShot(ASK_CODE_DELAY_MS, self, lambda w=ws: self.ws is w and self.ask_unit_code())
        for page in list(self.pages.values()):
            self.ui.pages.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        # the findings dock stays: set_period() below points it at the new workspace
        nav = self.ui.navList
        nav.blockSignals(True)
        nav.clear()
        names = {HOME: "Trang chủ – việc cần làm", DETAIL: "Bảng chi tiết (hồ sơ theo lĩnh vực…)",
                 REGISTER: "Sổ văn bản chỉ đạo", PLAN: "Kế hoạch CCHC năm", AUDIT: "Nhật ký thay đổi"}
        for a in ws.catalogue.areas:
            names[f"area{a.id}"] = f"{a.id}. {a.label}"
        nav.addItems([names[page_id] for page_id in self.nav_ids()])   # row i shows nav_ids()[i]
        nav.blockSignals(False)
        self._fill_periods()
        self._update_unit()
        nav.setCurrentRow(0)
        self.show_page(HOME)
        self._update_actions()
        if getattr(ws, "readonly", False):
            self.saved_label.setText(f"Tệp dữ liệu: {ws.path} – CHỈ XEM: tệp đang mở để sửa ở cửa sổ khác; "
                                     "không sửa được ở đây.")
        else:
            self.saved_label.setText(f"Tệp dữ liệu: {ws.path} – mọi thay đổi được lưu ngay khi nhập.")

    def _fill_periods(self, select: str | None = None):
        combo = self.ui.periodCombo
        combo.blockSignals(True)
        combo.clear()
        for p in self.ws.periods():
            combo.addItem(p.label[0].upper() + p.label[1:], p.code)
        codes = [combo.itemData(i) for i in range(combo.count())]
        if select is None:
            select = self.code if self.code in codes else (codes[-1] if codes else None)
        if select in codes:
            combo.setCurrentIndex(codes.index(select))
        combo.blockSignals(False)
        self.set_period(select)

    def _update_unit(self):
        from .home import is_sample
        unit = self.ws.unit()
        sample = is_sample(self.ws)
        self.ui.unitLabel.setText(unit["name"])
        self.ui.unitLabel.setToolTip("\n".join(filter(None, (
            f"Mã đơn vị hành chính: {unit.get('code') or 'chưa ghi'}",
            unit.get("parent") and f"Cơ quan cấp trên: {unit['parent']}"))))
        self.ui.sampleBanner.setVisible(sample)
        shown = " (chỉ xem)" if getattr(self.ws, "readonly", False) else ""
        self.setWindowTitle(f"{unit['name']}{' (DỮ LIỆU MẪU)' if sample else ''} – {Path(self.ws.path).name}{shown}"
                            " – CCHC Desktop")

    def page(self, page_id: str) -> QWidget:
        """The page *page_id*, built the first time it is shown."""
        if page_id in self.pages:
            return self.pages[page_id]
        if page_id == HOME:
            from .home import HomePage
            w = HomePage(self.ws, self)
            w.periodActivated.connect(self.select_period)
            w.addRequested.connect(lambda year, kind: self.add_period(year, kind))
        elif page_id.startswith("area"):
            from .area_form import AreaForm
            w = AreaForm(self.ws, int(page_id[4:]), self)
        elif page_id == DETAIL:
            from .detail_grid import DetailPage
            w = DetailPage(self.ws, self)
        elif page_id == REGISTER:
            from .register import RegisterPage
            w = RegisterPage(self.ws, self)
        elif page_id == AUDIT:
            from .audit_page import AuditPage
            w = AuditPage(self.ws, self)
        else:
            from .plan_editor import PlanEditor
            w = PlanEditor(self.ws, self.code, self)
        w.setObjectName(w.objectName() or f"page_{page_id}")
        self.pages[page_id] = w
        self.ui.pages.addWidget(w)
        w.set_period(self.code)
        return w

    def current_page_id(self) -> str:
        row, ids = self.ui.navList.currentRow(), self.nav_ids()
        return ids[row] if 0 <= row < len(ids) else HOME

    def show_page(self, page_id: str):
        w = self.page(page_id)
        if page_id in self.stale:
            self.stale.discard(page_id)
            self._reload(w)
        self.ui.pages.setCurrentWidget(w)
        ids = self.nav_ids()
        if self.ui.navList.currentRow() != ids.index(page_id):
            self.ui.navList.blockSignals(True)
            self.ui.navList.setCurrentRow(ids.index(page_id))
            self.ui.navList.blockSignals(False)

    def area_form(self, area_id: int):
        return self.page(f"area{area_id}")

    def _reload(self, w):
        w.reload()

    # ---- periods ----
    def set_period(self, code: str | None):
        self.code = code
        for w in self.pages.values():
            w.set_period(self.code)
        self.stale.clear()
        self._point_findings()
        self._update_period_bar()

    def select_period(self, code: str):
        combo = self.ui.periodCombo
        i = combo.findData(code)
        if i >= 0:
            combo.setCurrentIndex(i)
        self.show_page("area1")

    def _update_period_bar(self):
        p = self.ws.find_period(self.code) if self.code else None
        from ..vnformat import format_date
        if p is None:
            self.ui.periodStatusLabel.setText("Chưa có kỳ báo cáo: chọn “Thêm kỳ…”.")
            self.ui.windowLabel.setText("")
            self.ui.lockBanner.hide()
        else:
            colour = {"draft": "#1b5e20", "final": "#8a5a00", "sent": "#0d47a1"}[p.status]
            status, tip = STATUS_LABELS[p.status].capitalize(), ""
            if p.status == "sent":
                from .home import sent_record, sent_text
                record = sent_record(self.ws, p.code)
                if record:
                    status = f"Đã gửi {format_date(record['at'][:10])}"
                    tip = sent_text(record)
            self.ui.periodStatusLabel.setText(f"<span style='color:{colour}; font-weight:bold'>{status}</span>")
            self.ui.periodStatusLabel.setToolTip(tip)
            # two short lines at most: the bar must fit a 1024 px screen beside the period's name
            number = f"<br>Báo cáo số {p.report_number}" if p.report_number else ""
            self.ui.windowLabel.setText(   # right-aligned by the text: setAlignment would need `Qt` at start
                f"<div align='right'>Số liệu {format_date(p.window_from)} – {format_date(p.window_to)}{number}</div>")
            self.ui.windowLabel.setToolTip(
                f"Thời gian lấy số liệu: từ {format_date(p.window_from)} đến {format_date(p.window_to)}")
            if p.locked and not self.ui.lockBanner.styleSheet():
                self.ui.lockBanner.setStyleSheet(LOCK_BANNER_STYLE)
            self.ui.lockBanner.setVisible(p.locked)
        self.ui.editPeriodButton.setEnabled(p is not None and not p.locked)
        self.ui.actionEditPeriod.setEnabled(p is not None and not p.locked)
        self.ui.actionFinalise.setEnabled(p is not None and p.status == "draft")
        self.ui.actionUnlock.setEnabled(p is not None and p.locked)

    def add_period(self, year: int | None = None, kind: str | None = None):
        from .dialogs import PeriodDialog
        if year is None and self.code:
            year = periods.parse_code(self.code).year
        dlg = PeriodDialog(self.ws, None, self, year=year, kind=kind)
        with self.dialog_focus():
            if dlg.exec():
                self._fill_periods(dlg.code)
                self.show_page("area1")
                return dlg.code
        return None

    def edit_period(self):
        if not self.code:
            return
        from .dialogs import PeriodDialog
        with self.dialog_focus():
            if PeriodDialog(self.ws, self.code, self).exec():
                self._fill_periods(self.code)

    def finalise(self):
        if not self.code:
            return
        with self.dialog_focus():
            self._finalise()

    def _finalise(self):
        try:
            mod = importlib.import_module("cchc_desktop.gui.finalise_dialog")
            dlg = mod.FinaliseDialog(self.ws, self.code, self)
        except (ImportError, AttributeError):
            label = self.ws.period(self.code).label
            if ops.confirm(self, "Chốt số liệu", f"Chốt số liệu {label}? Sau khi chốt, số liệu chỉ xem; "
                           "muốn sửa phải mở khóa và nêu lý do.", "Chốt số liệu"):
                ops.run(self, self.ws.set_status, self.code, "final")
        else:
            dlg.exec()
        self._fill_periods(self.code)

    def unlock(self):
        if not self.code:
            return
        from .dialogs import UnlockDialog
        p = self.ws.period(self.code)
        dlg = UnlockDialog(p.label, self)
        with self.dialog_focus():
            if dlg.exec():
                ops.run(self, self.ws.set_status, self.code, "draft", dlg.reason())
                self._fill_periods(self.code)

    # ---- changes ----
    def auto_backup(self, daily: bool):
        """Rotating automatic backup: daily at the first opening, on leaving after a change.

        A failure (full disk, folder gone) is said in the status line; it never stops the
        officer's work nor the closing of the window.  Returns the file made, or None.
        """
        ws = self.ws
        if ws is None or ws.conn is None or ws.readonly or (not daily and not self._changed):
            return None   # (a file open only to look is backed up by the window that edits it)
        from .. import backup
        try:
            made = backup.auto_backup(ws, daily=daily)
        except Exception as exc:   # noqa: BLE001 - any failure is reported, none is fatal
            self.statusBar().showMessage(f"Không sao lưu tự động được: {exc}", 15000)
            return None
        if made is not None:
            if not daily:
                self._changed = False
            self.statusBar().showMessage(f"Đã sao lưu tự động: {made}", 10000)
        return made

    def backup_settings(self):
        from .dialogs import BackupDialog
        with self.dialog_focus():
            BackupDialog(self.ws, self).exec()

    def _on_committed(self, changes):
        """After each committed operation of the workspace: reload the pages that show what
        it changed (*changes*: store.Changes), the one on screen now, the others when shown."""
        self._changed = True
        label = changes.label
        current = self.current_page_id()
        for page_id, w in self.pages.items():
            if not changes.touches(page_shows(page_id)):
                continue
            if page_id == current:
                self._reload(w)
            else:
                self.stale.add(page_id)
        self._update_period_bar()
        self._update_actions()
        if self.findings_dock is not None:
            self._findings_timer.start()   # not now: a check must not slow the typing down
        if label not in QUIET_LABELS:   # a remembered folder is not news to the officer
            self.saved_label.setText(f"Đã lưu lúc {_dt.datetime.now():%H:%M:%S}: {self._said(label)}")

    def _said(self, label: str) -> str:
        """An operation's label as the status line says it: a period's new status in words
        ('Kỳ 6 tháng đầu năm 2022 đã gửi lên cấp trên', not 'Đổi trạng thái kỳ …')."""
        if label.startswith(STATUS_OP) and self.code:
            p = self.ws.find_period(self.code)
            if p is not None and label == STATUS_OP + p.label:
                return f"Kỳ {p.label} " + {"draft": "đã mở khóa để sửa", "final": "đã chốt số liệu",
                                            "sent": "đã gửi lên cấp trên"}.get(p.status, p.status)
        return label

    def _update_actions(self):
        ws = self.ws
        self.ui.actionUndo.setEnabled(ws.can_undo())
        self.ui.actionRedo.setEnabled(ws.can_redo())
        self.ui.actionUndo.setText(f"&Hoàn tác: {ws.undo_label()}" if ws.can_undo() else "&Hoàn tác")
        self.ui.actionRedo.setText(f"&Làm lại: {ws.redo_label()}" if ws.can_redo() else "&Làm lại")

    def undo(self):
        step = ops.run(self, self.ws.undo, title="Không hoàn tác được")
        if step is not None:
            self.saved_label.setText(f"Đã hoàn tác: {step.label}")
            self._fill_periods(self.code)
            self.go_to_change(step)
        self._update_actions()   # the core moves the step to redo only after telling its listeners

    def redo(self):
        step = ops.run(self, self.ws.redo, title="Không làm lại được")
        if step is not None:
            self.saved_label.setText(f"Đã làm lại: {step.label}")
            self._fill_periods(self.code)
            self.go_to_change(step)
        self._update_actions()

    def go_to_change(self, step):
        """After undo/redo: show the cell the step changed (its period, page and row), so the
        officer sees what came back rather than staying where they were."""
        periods_by_id = {p.id: p.code for p in self.ws.periods()}
        for table, where, before, after in step.changes:
            row = after or before or {}
            period_id = where.get("period_id", row.get("period_id"))
            code = periods_by_id.get(period_id)
            if table == "entries" and code:
                if code != self.code:
                    self.select_period(code)
                self.go_to_key(where["key"])
                return
            if table == "detail_rows" and code and row.get("table_name"):
                if code != self.code:
                    self.select_period(code)
                self.show_page(DETAIL)
                self.page(DETAIL).select_row(row["table_name"], where.get("id") or row.get("id"))
                return
            if table == "documents":
                self.show_page(REGISTER)
                return
            if table in ("plans", "targets", "plan_tasks"):
                self.show_page(PLAN)
                return

    # ---- the keyboard after a dialog ----
    @contextmanager
    def dialog_focus(self):
        """Around a modal dialog: when it closes, the keyboard goes back where it was (the cell
        being typed in, the list…) so typing, Ctrl+0 and F7 work without a click first."""
        before, page = QApplication.focusWidget(), self.ui.pages.currentWidget()
        try:
            yield
        finally:
            if self.ui.pages.currentWidget() is not page:   # the dialog led elsewhere (a new period)
                before = None
            self.focus_back(before)
            QTimer.singleShot(0, self, lambda: self.focus_back(before))   # after the dialog's own focus hand-back

    def focus_back(self, widget=None):
        """Give the keyboard to *widget* when it is still shown in this window, else to the
        current page's table."""
        from shiboken6 import isValid
        if self.ws is None or not isValid(self):
            return
        self.activateWindow()
        if widget is not None and isValid(widget) and widget.isVisible() and widget.window() is self:
            widget.setFocus()
            return
        self.focus_page()

    def focus_page(self):
        """The keyboard to the current page's table (the area's figures, the home page's periods)."""
        page = self.ui.pages.currentWidget()
        target = getattr(page, "view", None) or getattr(page, "table", None) or page
        if hasattr(page, "tabs") and hasattr(page.tabs.currentWidget(), "view"):
            target = page.tabs.currentWidget().view
        if target is not None:
            target.setFocus()

    def _after_tool(self, w):
        """After a tool dialog: what it changed about the period (sent, finalised) shows."""
        if self.ws is not None and self.ws.conn is not None:
            self._fill_periods(self.code)

    def override(self):
        w = self.ui.pages.currentWidget()
        if not (hasattr(w, "override_current") and w.override_current()):
            self.statusBar().showMessage("Chọn một dòng có giá trị tính sẵn (chữ nghiêng, nền xanh) để nhập đè.", 5000)

    # ---- tools ----
    def check(self):
        """F7: show the findings dock (made the first time) checked afresh."""
        if self.findings_dock is None:
            from .findings_panel import FindingsPanel
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QDockWidget
            panel = FindingsPanel(self.ws, self.code, self)
            panel.keyActivated.connect(self.go_to_key)
            dock = QDockWidget("Kết quả kiểm tra", self)
            dock.setObjectName("findingsDock")
            dock.setWidget(panel)
            self.addDockWidget(Qt.BottomDockWidgetArea, dock)
            # a quarter of the window: on a 768 px screen half of it left the figures five rows
            self.resizeDocks([dock], [max(150, self.height() // 4)], Qt.Vertical)
            self.findings_dock = dock
            self._findings_on = (self.ws, self.code)
        else:
            self._findings_timer.stop()
            self.findings_dock.widget().refresh()
        self.findings_dock.show()

    def _point_findings(self):
        """Give the findings dock the current workspace and period when either changed."""
        if self.findings_dock is None or self._findings_on == (self.ws, self.code):
            return
        self._findings_timer.stop()
        self._findings_on = (self.ws, self.code)
        self.findings_dock.widget().set_period(self.ws, self.code)

    def _refresh_findings(self):
        dock = self.findings_dock
        if dock is not None and dock.isVisible() and self.ws is not None and self.ws.conn is not None:
            dock.widget().refresh()

    def go_to_key(self, key: str):
        """Show the area form holding *key* with its row selected."""
        ind = self.ws.catalogue.get(key)
        if ind is None:
            if key.startswith("period."):
                self.edit_period()
            return
        self.show_page(f"area{ind.area}")
        self.area_form(ind.area).select_key(key)

    def open_tool(self, module: str, cls_name: str, title: str):
        """Open the tool *cls_name* of ``gui/module`` (every tool takes (ws, code, parent))."""
        cls = getattr(importlib.import_module(f"cchc_desktop.gui.{module}"), cls_name)
        w = cls(self.ws, self.code, self)
        if hasattr(w, "exec"):
            with self.dialog_focus():
                w.exec()
            self._after_tool(w)
        else:
            from PySide6.QtCore import Qt
            w.setWindowFlag(Qt.Window, True)
            w.setWindowTitle(title)
            w.resize(1000, 650)
            w.show()
        return w

    # ---- files ----
    def save_as(self):
        from PySide6.QtWidgets import QFileDialog
        name, _ = QFileDialog.getSaveFileName(self, "Lưu thành bản sao", str(Path(self.ws.path).with_name(
            Path(self.ws.path).stem + "-ban-sao.cchc")), "Tệp dữ liệu CCHC (*.cchc)")
        if name:
            self.save_copy(Path(name))

    def save_copy(self, path: Path):
        """'Lưu thành…': copy the workspace to *path* and go on working in the copy."""
        from ..store import Workspace
        if ops.run(self, self.ws.copy_to, path, overwrite=True) is None:
            return
        new = ops.run(self, Workspace.open, path, exclusive=True)
        if new is not None:
            self.set_workspace(new)
            from .app import remember   # a copy of the sample stays sample data
            remember(new)

    def _connect_actions(self):
        ui = self.ui
        ui.navList.currentRowChanged.connect(lambda row: row >= 0 and self.show_page(self.nav_ids()[row]))
        ui.periodCombo.currentIndexChanged.connect(lambda i: self.set_period(ui.periodCombo.itemData(i)))
        ui.addPeriodButton.clicked.connect(lambda: self.add_period())
        ui.editPeriodButton.clicked.connect(self.edit_period)
        ui.actionAddPeriod.triggered.connect(lambda: self.add_period())
        ui.actionEditPeriod.triggered.connect(self.edit_period)
        ui.actionFinalise.triggered.connect(self.finalise)
        ui.actionUnlock.triggered.connect(self.unlock)
        ui.actionToggleNav.triggered.connect(self.toggle_nav)
        ui.actionUndo.triggered.connect(self.undo)
        ui.actionRedo.triggered.connect(self.redo)
        ui.actionRedo.setShortcuts([QKeySequence.fromString("Ctrl+Y"), QKeySequence.fromString("Ctrl+Shift+Z")])
        ui.actionOverride.triggered.connect(self.override)
        ui.actionCheck.triggered.connect(self.check)
        ui.actionPlan.triggered.connect(lambda: self.show_page(PLAN))
        ui.actionTargets.triggered.connect(lambda: self.open_tool("targets_view", "TargetsView", "Mục tiêu kế hoạch"))
        ui.actionReportEditor.triggered.connect(lambda: self.open_tool("report_editor", "ReportEditor", "Soạn báo cáo"))
        ui.actionPrint.triggered.connect(lambda: self.open_tool("print_dialog", "PrintDialog", "In và xuất"))
        ui.actionSend.triggered.connect(lambda: self.open_tool("send_dialog", "SendDialog", "Gửi lên cấp trên"))
        ui.actionConsolidate.triggered.connect(
            lambda: self.open_tool("consolidation_window", "ConsolidationWindow", "Tổng hợp"))
        ui.actionRules.triggered.connect(lambda: self.open_tool("rules_dialog", "RulesDialog", "Quy tắc kiểm tra"))
        ui.actionUnitProfile.triggered.connect(self.unit_profile)
        ui.actionTemplates.triggered.connect(self.templates)
        ui.actionBackupSettings.triggered.connect(self.backup_settings)
        ui.actionNew.triggered.connect(lambda: self.workspaceRequested.emit("new", None))
        ui.actionOpen.triggered.connect(self.open_other)
        ui.actionOpenSample.triggered.connect(lambda: self.workspaceRequested.emit("sample", None))
        ui.sampleBanner.linkActivated.connect(lambda _link: self.workspaceRequested.emit("new", None))
        ui.actionSaveAs.triggered.connect(self.save_as)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionGuide.triggered.connect(self.guide)
        ui.actionAbout.triggered.connect(self.about)
        # Ctrl+1 … Ctrl+7: the reform areas; Ctrl+8 detail tables; Ctrl+9 register; Ctrl+0 home; the
        # keyboard goes with the page (left behind, it fell on the home page's year box)
        keys = {str(i): f"area{i}" for i in range(1, 8)}
        keys.update({"8": DETAIL, "9": REGISTER, "0": HOME})
        for digit, page_id in keys.items():
            shortcut = QShortcut(self)   # parent, key, slot apart: the other overloads need `Qt`
            shortcut.setKey(QKeySequence.fromString(f"Ctrl+{digit}"))
            shortcut.activated.connect(lambda p=page_id: self.show_page(p) or self.focus_page())

    def open_other(self):
        from PySide6.QtWidgets import QFileDialog
        name, _ = QFileDialog.getOpenFileName(self, "Mở tệp dữ liệu", str(Path(self.ws.path).parent),
                                              "Tệp dữ liệu CCHC (*.cchc);;Mọi tệp (*)")
        if name:
            self.workspaceRequested.emit("open", Path(name))

    def ask_unit_code(self):
        """A file whose unit has no official code asks for it once, beside the work: a button in
        the status bar (it takes no keyboard, blocks nothing) opens the question; answered or
        put off ("Để sau"), it is not asked again.  Returns the button, or None."""
        from PySide6.QtWidgets import QPushButton
        from .dialogs import UnitCodeDialog
        self._drop_code_prompt()
        if self.ws is None or self.ws.conn is None or not UnitCodeDialog.needed(self.ws):
            return None
        button = QPushButton("Đơn vị chưa có mã đơn vị hành chính – ghi mã…")
        button.setObjectName("unitCodePrompt")
        button.setStyleSheet("background: #fff4ce; padding: 1px 8px;")
        button.clicked.connect(self._open_code_dialog)
        self.statusBar().addWidget(button)
        self._code_prompt = button
        return button

    def _drop_code_prompt(self):
        button = getattr(self, "_code_prompt", None)
        if button is not None:
            self.statusBar().removeWidget(button)
            button.deleteLater()
            self._code_prompt = None

    def _open_code_dialog(self):
        from .dialogs import UnitCodeDialog
        dlg = UnitCodeDialog(self.ws, self)
        dlg.accepted.connect(self._update_unit)
        dlg.finished.connect(lambda *_: self._drop_code_prompt())
        self.code_dialog = dlg
        dlg.open()   # modal to the window, returns at once
        return dlg

    def unit_profile(self):
        from .dialogs import UnitDialog
        with self.dialog_focus():
            changed = UnitDialog(self.ws, self).exec()
        if changed:   # Workspace.update_unit forgot the parsed template already
            self._template_changed()

    def templates(self):
        """Mẫu phụ lục: templates by title and office, the upper office's own Excel forms."""
        from .form_import import TemplatesDialog
        before = self.ws.unit().get("template")
        with self.dialog_focus():
            TemplatesDialog(self.ws, self).exec()
        if self.ws.unit().get("template") != before:
            self._template_changed()

    def _template_changed(self):
        """The unit's template (or its profile) changed: rebuild the forms from it."""
        self._update_unit()
        for page_id in [p for p in self.pages if p.startswith("area") or p == HOME]:
            w = self.pages.pop(page_id)
            self.ui.pages.removeWidget(w)
            w.deleteLater()
        self.show_page(self.current_page_id())

    def guide(self):
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.information(self, "Hướng dẫn sử dụng", (
            "1. Chọn kỳ báo cáo ở thanh trên cùng (hoặc Thêm kỳ…).\n"
            "2. Chọn lĩnh vực ở cột bên trái (Ctrl+1 … Ctrl+7; Ctrl+0 về trang chủ), gõ số rồi nhấn Enter để sang dòng sau.\n"
            "3. Ô nền xanh chữ nghiêng là giá trị tính sẵn; muốn nhập đè, nhấn Ctrl+E.\n"
            "4. Mọi thay đổi được lưu ngay; Ctrl+Z để hoàn tác, Ctrl+Y để làm lại.\n"
            "5. Kiểm tra (F7), chốt số liệu, in và gửi lên cấp trên trong menu Kỳ báo cáo và Công cụ."))

    def about(self):
        from PySide6.QtWidgets import QMessageBox

        from .. import __version__
        QMessageBox.about(self, "Giới thiệu", f"CCHC Desktop {__version__}\nNhập, kiểm tra và báo cáo số liệu "
                                              "cải cách hành chính cấp xã.")

    def closeEvent(self, event):
        self.auto_backup(daily=False)
        s = settings.store()
        s.setValue("window/geometry", self.saveGeometry())
        s.sync()
        super().closeEvent(event)
