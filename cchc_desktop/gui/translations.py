"""Vietnamese for the texts Qt itself shows (context menus, standard buttons, file dialogs).

Qt ships no Vietnamese translation, so without this the right-click menu of every input
box would say "Cut / Copy / Paste" in English.  A small translator answers the contexts
the program uses; anything it does not know stays as Qt wrote it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

_EDIT = {"&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép", "&Paste": "&Dán",
         "Delete": "Xóa", "Select All": "Chọn tất cả", "Copy &Link Location": "Sao chép địa chỉ liên &kết"}
_BUTTONS = {"OK": "Đồng ý", "Save": "Lưu", "Save All": "Lưu tất cả", "Open": "Mở", "&Yes": "&Có",
            "Yes to &All": "Có với &tất cả", "&No": "&Không", "N&o to All": "Không với tất &cả", "Abort": "Dừng",
            "Retry": "Thử lại", "Ignore": "Bỏ qua", "Close": "Đóng", "Cancel": "Hủy", "Discard": "Bỏ",
            "Help": "Trợ giúp", "Apply": "Áp dụng", "Reset": "Đặt lại", "Restore Defaults": "Khôi phục mặc định"}
_FILES = {"Look in:": "Tìm trong:", "File &name:": "&Tên tệp:", "Files of type:": "Loại tệp:", "&Open": "&Mở",
          "&Save": "&Lưu", "Cancel": "Hủy", "&Choose": "&Chọn", "Back": "Quay lại", "Forward": "Tiếp",
          "Parent Directory": "Thư mục cha", "Create New Folder": "Tạo thư mục mới", "List View": "Xem danh sách",
          "Detail View": "Xem chi tiết", "Open": "Mở", "Save As": "Lưu thành", "New Folder": "Thư mục mới",
          "Name": "Tên", "Size": "Kích thước", "Type": "Loại", "Date Modified": "Ngày sửa",
          "All Files (*)": "Mọi tệp (*)", "Directory:": "Thư mục:", "&Rename": "Đổi &tên", "&Delete": "&Xóa",
          "Show &hidden files": "Hiện tệp ẩ&n", "&New Folder": "Thư mục &mới", "Sidebar": "Thanh bên",
          "Recent Places": "Nơi dùng gần đây", "My Computer": "Máy tính", "Computer": "Máy tính",
          "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nThay bằng tệp mới?",
          "Are you sure you want to delete '%1'?": "Xóa “%1”?", "Delete": "Xóa", "&Yes": "&Có", "&No": "&Không"}
TEXTS = {
    "QLineEdit": _EDIT,
    "QWidgetTextControl": _EDIT,
    "QAbstractSpinBox": {"&Select All": "&Chọn tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm"},
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QFileDialog": _FILES,
    "QFileSystemModel": _FILES,
    "QMessageBox": {"Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…", "OK": "Đồng ý"},
}


class VietnameseTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        # None (a null string) means "not translated here": Qt then keeps its own text
        return TEXTS.get(context, {}).get(source)

    def isEmpty(self):
        return False


def install(app=None) -> VietnameseTranslator:
    """Install the translator on the application (once); returns it (keep a reference)."""
    app = app or QCoreApplication.instance()
    existing = getattr(app, "_cchc_translator", None)
    if existing is not None:
        return existing
    tr = VietnameseTranslator(app)
    app.installTranslator(tr)
    app._cchc_translator = tr
    return tr
