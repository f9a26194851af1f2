"""The audit log page: who changed what in the period, and when (newest first).

Each audit row is told as one Vietnamese sentence (:func:`sentence`): figures by their
indicator's name and the Vietnamese way, periods by their name, rows of the detail tables and
the register by their wording; the core's stored forms (JSON rows, ``final``, program codes)
never show.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

import json

from .. import periods
from ..vnformat import format_date, format_number

ENTITIES = {"value": "Số liệu", "entries": "Số liệu", "detail": "Bảng chi tiết", "detail_rows": "Bảng chi tiết",
            "period": "Kỳ báo cáo", "periods": "Kỳ báo cáo", "section": "Nội dung báo cáo",
            "report_sections": "Nội dung báo cáo", "document": "Sổ văn bản", "documents": "Sổ văn bản",
            "unit": "Thông tin đơn vị", "plan": "Kế hoạch", "plans": "Kế hoạch", "target": "Mục tiêu kế hoạch",
            "targets": "Mục tiêu kế hoạch", "task": "Nhiệm vụ kế hoạch năm", "plan_tasks": "Nhiệm vụ kế hoạch năm",
            "rules": "Quy tắc kiểm tra", "acknowledgements": "Ghi nhận cảnh báo",
            "consolidation": "Nhận tệp tổng hợp", "note": "Ghi chú", "province_form": "Biểu mẫu của cấp trên"}
ACTIONS = {"set": "nhập/sửa", "undo": "hoàn tác", "redo": "làm lại", "delete": "xóa", "create": "tạo",
           "finalise": "chốt số liệu", "unlock": "mở khóa", "send": "gửi", "acknowledge": "ghi nhận",
           "import": "nhập từ Excel", "receive": "nhận"}


def show_value(text) -> str:
    """An audit value as the officer reads it: 1486.0 → 1.486, 98.6 → 98,6."""
    if text is None:
        return ""
    try:
        number = float(text)
    except (TypeError, ValueError):
        return str(text)
    return format_number(int(number) if number.is_integer() else number)


def show_time(stamp: str) -> str:
    """'2023-06-12T08:05:09' → '12/06/2023 08:05:09'."""
    day, _, time = (stamp or "").partition("T")
    parts = day.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]} {time}" if len(parts) == 3 else stamp


def _rule_words(text, catalogue) -> str:
    """A rule's JSON in words with indicator labels ('' when it cannot be read)."""
    import json

    from .. import rules
    try:
        return rules.describe(json.loads(text), catalogue)
    except Exception:   # an old or broken rule is shown by its code
        return ""


STATUS_WORDS = {"draft": "nháp", "final": "đã chốt", "sent": "đã gửi"}
PERIOD_FIELD_WORDS = {"window_from": "ngày bắt đầu lấy số liệu", "window_to": "ngày kết thúc lấy số liệu",
                      "report_number": "số báo cáo", "report_date": "ngày báo cáo", "title": "tên báo cáo",
                      "deadline": "hạn báo cáo", "status": "trạng thái"}
UNIT_FIELD_WORDS = {"name": "tên đơn vị", "parent": "cơ quan cấp trên", "place": "địa danh", "symbol": "ký hiệu văn bản",
                    "signer_prefix": "quyền hạn người ký", "signer_title": "chức vụ người ký",
                    "signer_name": "người ký", "recipients": "nơi nhận", "addressees": "kính gửi",
                    "template": "mẫu phụ lục", "code": "mã đơn vị hành chính", "focal_agency": "cơ quan đầu mối",
                    "one_stop": "bộ phận Một cửa", "established": "ngày thành lập",
                    "calendar_windows": "cách tính thời gian lấy số liệu"}
TASK_FIELD_WORDS = {"content": "nội dung", "lead": "đơn vị chủ trì", "partners": "đơn vị phối hợp",
                    "deadline": "thời hạn", "output": "sản phẩm", "status": "tình trạng",
                    "percent_done": "% hoàn thành", "note": "ghi chú", "area": "lĩnh vực", "seq": "thứ tự"}
UNDO_WORDS = {"undo": "Hoàn tác", "redo": "Làm lại"}


def _json(text):
    """A stored row (JSON object) as a dict; None for anything else."""
    if not isinstance(text, str) or not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _quoted(text) -> str:
    return f"“{text}”"


def _day(text) -> str:
    try:
        return format_date(str(text)[:10])
    except Exception:   # noqa: BLE001 - not a date: shown as it is
        return str(text)


def _period_name(code: str) -> str:
    try:
        return periods.parse_code(code).label
    except Exception:   # noqa: BLE001 - an unknown code is shown as it is
        return code


class Sentences:
    """Tells the audit rows of one workspace as sentences (catalogue and period names looked up once)."""

    def __init__(self, ws):
        self.ws = ws
        self.cat = ws.catalogue
        self.period_codes = {p.id: p.code for p in ws.periods()}

    # ---- pieces ----
    def indicator(self, key) -> str:
        ind = self.cat.get(key or "")
        return _quoted(ind.label) if ind is not None else _quoted(key)

    def figure(self, key, text) -> str:
        """A stored figure of *key* as the officer reads it (a coded answer by its wording)."""
        if text is None or text == "":
            return "(trống)"
        ind = self.cat.get(key or "")
        if ind is not None and ind.kind == "code":
            try:
                code = int(float(text))
                label = self.ws.code_list(key).get(code)
                if label:
                    return f"{label} = {code}"
            except (TypeError, ValueError):
                pass
        return show_value(text)

    def detail_table(self, name) -> str:
        try:
            return _quoted(self.cat.detail_table(name).label)
        except Exception:   # noqa: BLE001 - a table no longer in the catalogue
            return "bảng chi tiết"

    def detail_data(self, name, data) -> str:
        """{column: number} of a detail row as “Tiếp nhận: 10; Đã giải quyết: 8”."""
        if not isinstance(data, dict) or not data:
            return "chưa có số"
        try:
            spec = self.cat.detail_table(name)
            label = {c.key: c.label for c in spec.columns}
        except Exception:   # noqa: BLE001
            label = {}
        return "; ".join(f"{label.get(k, k)}: {show_value(v)}" for k, v in data.items())

    def period_of(self, a) -> str:
        code = self.period_codes.get(a.get("period_id"))
        return f" ({_period_name(code)})" if code else ""

    # ---- the sentence ----
    def __call__(self, a: dict) -> str:
        try:
            text = self._sentence(a)
        except Exception:   # noqa: BLE001 - an odd row still shows, in general words
            text = None
        if not text:
            what = ENTITIES.get(a["entity"], "Dữ liệu")
            text = f"{what}: {ACTIONS.get(a['action'], 'thay đổi')}"
        return text

    def _sentence(self, a: dict) -> str | None:
        entity, key, old, new, action = a["entity"], a["key"], a["old"], a["new"], a["action"]
        if action in UNDO_WORDS:
            return f"{UNDO_WORDS[action]}: {self._undone(entity, key, old, new)}"
        if entity == "value":
            name = self.indicator(key)
            if old is None:
                return f"Nhập {name}: {self.figure(key, new)}"
            if new is None:
                return f"Xóa số liệu {name} (trước là {self.figure(key, old)})"
            return f"Sửa {name}: {self.figure(key, old)} → {self.figure(key, new)}"
        if entity == "detail":
            table, _, label = (key or "").partition(":")
            where = f"bảng chi tiết {self.detail_table(table)}, dòng {_quoted(label)}"
            if action == "delete":
                return f"Xóa dòng {_quoted(label)} của bảng chi tiết {self.detail_table(table)}"
            return f"Nhập {where}: {self.detail_data(table, _json(new))}"
        if entity == "period":
            return self._period(key, old, new, action)
        if entity == "section":
            return f"Sửa nội dung báo cáo, mục {_quoted(key)}"
        if entity == "document":
            row = _json(new) or _json(old) or {}
            summary = f" – {row['summary']}" if row.get("summary") else ""
            if action == "delete":
                return f"Xóa văn bản {key}{summary} khỏi sổ văn bản chỉ đạo"
            return f"Ghi văn bản {key}{summary} vào sổ văn bản chỉ đạo"
        if entity == "unit":
            if action == "create":
                name = (_json(new) or {}).get("name", "")
                return f"Tạo tệp dữ liệu của {name}".strip()
            field = UNIT_FIELD_WORDS.get(key, "thông tin")
            return f"Sửa thông tin đơn vị, {field}: {_quoted(old or '')} → {_quoted(new or '')}"
        if entity in ("plan", "target", "task"):
            return self._plan(entity, key, old, new, action)
        if entity == "rules":
            words = _rule_words(new or old, self.cat)
            rule = _quoted(words) if words else "của đơn vị"
            return f"Xóa quy tắc kiểm tra {rule}" if action == "delete" else f"Đặt quy tắc kiểm tra {rule}"
        if entity == "consolidation":
            return f"Nhận tệp {new} của đơn vị"
        if entity == "province_form":
            if action in ("import", "replace"):
                return f"Nhập biểu mẫu của cấp trên: {new}"
            if action == "delete":
                return f"Xóa biểu mẫu của cấp trên: {old}"
            cell = (key or "").partition("!")[2]
            before = self.indicator(old) if old else "để trống"
            after = self.indicator(new) if new else "để trống"
            return f"Sửa ghép dòng (ô {cell}) của biểu mẫu cấp trên: {before} → {after}"
        return None

    def _period(self, key, old, new, action) -> str:
        if action == "create":
            start, _, end = (new or "").partition("..")
            window = f" (lấy số liệu từ {_day(start)} đến {_day(end)})" if start and end else ""
            return f"Thêm kỳ báo cáo {_period_name(key)}{window}"
        if key == "status":
            status, _, reason = (new or "").partition(": ")
            if action == "finalise":
                return "Chốt số liệu của kỳ"
            if action == "send":
                return "Đánh dấu kỳ đã gửi lên cấp trên"
            if action == "unlock":
                return f"Mở khóa kỳ đã chốt để sửa (lý do: {reason})" if reason else "Mở khóa kỳ đã chốt để sửa"
            return f"Đổi trạng thái kỳ: {STATUS_WORDS.get(old, old)} → {STATUS_WORDS.get(status, status)}"
        field = PERIOD_FIELD_WORDS.get(key, "thông tin kỳ")
        if key in ("window_from", "window_to", "report_date", "deadline"):
            old, new = (_day(x) if x else x for x in (old, new))
        return f"Sửa kỳ báo cáo, {field}: {_quoted(old or '')} → {_quoted(new or '')}"

    def _plan(self, entity, key, old, new, action) -> str:
        before, after = _json(old), _json(new)
        if entity == "plan":
            what = f"văn bản kế hoạch {key}"
        elif entity == "target":
            what = f"mục tiêu {_quoted(key.split(': ', 1)[-1])}" + (f" của kế hoạch {key.split(': ', 1)[0]}"
                                                                   if ": " in (key or "") else "")
        else:
            what = f"nhiệm vụ {_quoted(key)}"
        if action == "import":
            count = (after or {}).get("tasks")
            return f"Nhập {count} nhiệm vụ kế hoạch {key} từ Excel" if count is not None else f"Nhập nhiệm vụ {key} từ Excel"
        if action == "delete":
            return f"Xóa {what}"
        if before is None:
            return f"Thêm {what}"
        if entity == "task" and after:
            changed = [k for k in TASK_FIELD_WORDS if before.get(k) != after.get(k)]
            if changed:
                return f"Sửa {what}: " + "; ".join(
                    f"{TASK_FIELD_WORDS[k]} {_quoted(show_value(before.get(k)))} → {_quoted(show_value(after.get(k)))}"
                    for k in changed)
        return f"Sửa {what}"

    def _undone(self, table, key, old, new) -> str:
        """What an undo or redo put back: *old*/*new* are whole rows of *table* as stored."""
        before, after = _json(old), _json(new)
        row = after or before or {}
        if table == "entries":
            name = self.indicator(key or row.get("key"))
            if after is None or after.get("value") is None:
                return f"số liệu {name} trở lại để trống"
            return f"số liệu {name} trở lại {self.figure(key or row.get('key'), after.get('value'))}"
        if table == "detail_rows":
            where = f"dòng {_quoted(row.get('label', ''))} của bảng chi tiết {self.detail_table(row.get('table_name'))}"
            if after is None:
                return f"bỏ {where}"
            data = after.get("data")
            data = json.loads(data) if isinstance(data, str) else data
            return f"{where}: {self.detail_data(row.get('table_name'), data)}"
        if table == "documents":
            return f"văn bản {row.get('number', '')} trong sổ văn bản chỉ đạo" + (" (bỏ)" if after is None else "")
        if table == "unit":
            return "thông tin đơn vị"
        if table in ("plans", "targets", "plan_tasks"):
            words = {"plans": "văn bản kế hoạch", "targets": "mục tiêu kế hoạch", "plan_tasks": "nhiệm vụ kế hoạch năm"}
            name = row.get("label") or row.get("number") or row.get("content") or ""
            return f"{words[table]} {_quoted(name)}" + (" (bỏ)" if after is None else "")
        if table == "rules":
            words = _rule_words(row.get("definition"), self.cat)
            return f"quy tắc kiểm tra {_quoted(words)}" if words else "quy tắc kiểm tra của đơn vị"
        if table == "report_sections":
            return f"nội dung báo cáo, mục {_quoted(row.get('section', key or ''))}"
        if table == "acknowledgements":
            return "giải trình cảnh báo"
        return ENTITIES.get(table, "dữ liệu").lower()


class AuditPage(QWidget):
    """The audit log of the period, newest first, one sentence a change."""

    HEADERS = ("Thời gian", "Người sửa", "Thay đổi")

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws, self.code = ws, None
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Nhật ký thay đổi của kỳ</b> (mọi thay đổi được ghi lại, mới nhất ở trên)"))
        self.general = QCheckBox("Cả thay đổi chung của tệp (sổ văn bản, kế hoạch, quy tắc kiểm tra, thông tin đơn vị)")
        self.general.setObjectName("generalCheck")
        self.general.setChecked(True)
        self.general.toggled.connect(self.reload)
        layout.addWidget(self.general)
        layout.addWidget(self.table, 1)

    def set_period(self, code):
        self.code = code
        self.reload()

    def reload(self):
        rows = self.ws.audit(self.code, general=self.general.isChecked())[:500] if self.code else []
        sentence = Sentences(self.ws)
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            text = sentence(a)
            vals = [show_time(a["at"]), a["user"] or "", text]
            for c, v in enumerate(vals):
                item = QTableWidgetItem(v if c < 2 or len(v) <= 160 else v[:157] + "…")
                if c == 2:
                    item.setToolTip(v)
                self.table.setItem(r, c, item)
