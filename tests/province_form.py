"""A provincial Department of Home Affairs' collection form, built with openpyxl.

It is what a Sở Nội vụ sends its communes: the issuer and the national motto over merged
cells, a title merged over the columns, the dispatch reference, "Đơn vị báo cáo: ……",
a two-row header with a numbering row, rows worded its own way (one asks for something
we do not keep: the participants of a digital-transformation fair), a rate the form works
out with a formula, a hidden row, Times New Roman 12, thin borders, a signature block, A4
print set-up with the header rows repeated, and a second sheet of instructions.

``python tests/province_form.py OUT.xlsx`` writes it (used for the README screenshots).
"""
from __future__ import annotations

import sys

TITLE = "BIỂU TỔNG HỢP SỐ LIỆU CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2022"
REFERENCE = "(Kèm theo Công văn số 2145/SNV-CCHC ngày 05/6/2022 của Sở Nội vụ tỉnh Quảng Trị)"
OFFICE = "Sở Nội vụ tỉnh Quảng Trị"

# (stt, label, unit, expected key or None, kind) — kind: "section", "item", "sub", "none", "formula", "hidden"
ROWS = [
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", None, "section"),
    ("1", "Số nhiệm vụ trong Kế hoạch CCHC năm của đơn vị", "Nhiệm vụ", "plan.tasks_planned", "item"),
    ("2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "plan.tasks_done", "item"),
    ("3", "Tỷ lệ hoàn thành Kế hoạch CCHC", "%", "plan.completion_rate", "formula"),
    ("4", "Số cuộc kiểm tra công tác CCHC", "Cuộc", "inspection.rounds", "item"),
    ("5", "Có tổ chức khảo sát sự hài lòng của người dân, tổ chức không?", "Có = 1; Không = 0",
     "survey.conducted", "item"),
    ("6", "Số người tham gia Ngày hội chuyển đổi số", "Người", None, "none"),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", None, "section"),
    ("1", "Tổng số hồ sơ TTHC đã tiếp nhận (kể cả hồ sơ kỳ trước chuyển sang)", "Hồ sơ",
     "dossier.received_total", "item"),
    ("", "Trong đó:", "", None, "section"),
    ("-", "Số hồ sơ từ kỳ trước chuyển sang", "Hồ sơ", "dossier.carried_over", "sub"),
    ("-", "Tiếp nhận trực tuyến toàn trình", "Hồ sơ", "dossier.received_online_full", "sub"),
    ("2", "Số hồ sơ giải quyết trễ hẹn", "Hồ sơ", "dossier.resolved_late", "item"),
    ("3", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "dossier.on_time_rate", "item"),
    ("4", "Số thư xin lỗi đã gửi tổ chức, cá nhân", "Thư", "dossier.apologies", "item"),
    ("5", "Dòng dành cho cấp huyện (ẩn)", "Hồ sơ", None, "hidden"),
    ("III", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "", None, "section"),
    ("1", "Số cán bộ cấp xã", "Người", "staff.cadres", "item"),
    ("2", "Số công chức cấp xã đạt chuẩn theo quy định", "Người", "staff.civil_servants_qualified", "item"),
]
HEADER_ROW = 8
FIRST_ROW = 11          # header (2 rows) + numbering row


def build(path):
    """Write the form to *path* and return the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    sh = book.active
    sh.title = "Biểu 01"
    tnr = "Times New Roman"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, width in zip("ABCDE", (6.5, 50, 12, 12, 16)):
        sh.column_dimensions[col].width = width
    sh.column_dimensions["F"].hidden = True      # the office's own codes, hidden

    def line(row, text, span="A{0}:E{0}", bold=False, italic=False, size=12):
        first = span.format(row).split(":")[0]
        sh[first] = text
        sh.merge_cells(span.format(row))
        sh[first].font = Font(name=tnr, size=size, bold=bold, italic=italic)
        sh[first].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    line(1, "UBND TỈNH QUẢNG TRỊ", "A{0}:B{0}")
    line(1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "C{0}:E{0}", bold=True)
    line(2, "SỞ NỘI VỤ", "A{0}:B{0}", bold=True)
    line(2, "Độc lập - Tự do - Hạnh phúc", "C{0}:E{0}", bold=True, size=13)
    line(4, TITLE, bold=True, size=14)
    sh.row_dimensions[4].height = 36
    line(5, REFERENCE, italic=True)
    sh["A6"] = "Đơn vị báo cáo: ............................................................"
    sh.merge_cells("A6:E6")
    sh["A6"].font = Font(name=tnr, size=12)

    r = HEADER_ROW
    head = [("A", "STT"), ("B", "Nội dung chỉ tiêu"), ("C", "Kết quả"), ("E", "Ghi chú")]
    for col, text in head:
        sh[f"{col}{r}"] = text
    sh.merge_cells(f"A{r}:A{r + 1}")
    sh.merge_cells(f"B{r}:B{r + 1}")
    sh.merge_cells(f"C{r}:D{r}")
    sh.merge_cells(f"E{r}:E{r + 1}")
    sh[f"C{r + 1}"] = "ĐVT"
    sh[f"D{r + 1}"] = "Số liệu"
    for i, text in enumerate(("(1)", "(2)", "(3)", "(4)", "(5)")):
        sh.cell(r + 2, i + 1, text)
    grey = PatternFill("solid", fgColor="D9D9D9")
    for row in range(r, r + 3):
        for col in range(1, 6):
            c = sh.cell(row, col)
            c.border = box
            c.alignment = centre
            c.font = Font(name=tnr, size=12, bold=row < r + 2, italic=row == r + 2)
            if row < r + 2:
                c.fill = grey

    row = FIRST_ROW
    for stt, label, unit, _key, kind in ROWS:
        sh.cell(row, 1, stt)
        sh.cell(row, 2, label)
        sh.cell(row, 3, unit)
        bold = kind == "section" and stt != ""
        for col in range(1, 6):
            c = sh.cell(row, col)
            c.border = box
            c.font = Font(name=tnr, size=12, bold=bold, italic=kind == "sub")
            c.alignment = Alignment(horizontal="left" if col in (2, 5) else "center", vertical="center",
                                    wrap_text=True)
        if kind == "formula":   # the form works the rate out from the two rows above
            sh.cell(row, 4, f"=IF(D{row - 2}>0,ROUND(D{row - 1}/D{row - 2}*100,1),\"\")")
        if kind == "hidden":
            sh.row_dimensions[row].hidden = True
        sh.cell(row, 6, f"CCHC-{row:03d}")
        row += 1

    row += 1
    line(row, "Quảng Trị, ngày ..... tháng ..... năm 2022", "C{0}:E{0}", italic=True)
    line(row + 1, "NGƯỜI LẬP BIỂU", "A{0}:B{0}", bold=True)
    line(row + 1, "THỦ TRƯỞNG ĐƠN VỊ", "C{0}:E{0}", bold=True)
    line(row + 2, "(Ký, ghi rõ họ tên)", "A{0}:B{0}", italic=True)
    line(row + 2, "(Ký tên, đóng dấu)", "C{0}:E{0}", italic=True)

    sh.page_setup.paperSize = sh.PAPERSIZE_A4
    sh.page_setup.orientation = "portrait"
    sh.page_setup.fitToWidth = 1
    sh.page_setup.fitToHeight = 0
    sh.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sh.page_margins.left, sh.page_margins.right = 0.7, 0.5
    sh.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 2}"
    sh.freeze_panes = f"A{FIRST_ROW}"

    guide = book.create_sheet("Hướng dẫn")
    guide["A1"] = "Hướng dẫn: số liệu tính đến hết ngày 14/6/2022; đơn vị gửi biểu về Sở Nội vụ trước ngày 20/6/2022."
    guide["A1"].font = Font(name=tnr, size=12, italic=True)
    guide.column_dimensions["A"].width = 100
    book.save(path)
    return path


def row_of(label_start: str) -> int:
    """The sheet row of the first form row whose label starts so."""
    for i, (_stt, label, *_rest) in enumerate(ROWS):
        if label.startswith(label_start):
            return FIRST_ROW + i
    raise KeyError(label_start)


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else "bieu-so-noi-vu.xlsx"))
