"""Importing the annual plan's tasks from an Excel sheet laid out like seed 001's appendix."""
import zipfile

import openpyxl
import pytest

from cchc_desktop import plan_tasks, rollup
from cchc_desktop.store import WorkspaceError

HEADER = ["TT", "Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian hoàn thành", "Đã thực hiện",
          "Sản phẩm đầu ra", "Tỷ lệ hoàn thành nhiệm vụ"]
ROWS = [
    ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"],
    [1, "Ban hành kế hoạch kiểm tra CCHC năm 2023", "Văn phòng – Thống kê", "Các ban ngành liên quan",
     "Tháng 01/2023", "Đã ban hành", "Kế hoạch", "100%"],
    [2, "Đánh giá thực hiện nhiệm vụ CCHC theo quy định", "Văn phòng – Thống kê", "Các ban ngành liên quan",
     "Thường xuyên", "Đang thực hiện", "Kế hoạch, báo cáo", 0.5],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    [3, "Rà soát, đơn giản hóa TTHC", "Tư pháp – Hộ tịch", "", "Quý II/2023", "Đang thực hiện", "Báo cáo", "50%"],
    ["III", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"],
    [4, "Duy trì ISO 9001:2015", "Văn phòng – Thống kê", "", "Năm 2023", "Hoàn thành", "", 1],
]


def workbook(path, rows=ROWS, title=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append(["TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRIỂN KHAI NĂM 2023"])
        ws.append(["(Ban hành kèm theo Báo cáo số: ....../KH-UBND)"])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    ws["H10"].number_format = "0%"
    wb.save(path)
    return path


def test_import_like_seed_001(ws, tmp_path):
    ws.add_period("2023-H1")
    n = plan_tasks.import_tasks(ws, 2023, workbook(tmp_path / "nv.xlsx"))
    assert n == 4
    tasks = ws.plan_tasks(2023)
    assert [t["area"] for t in tasks] == [1, 1, 3, 7]
    first = tasks[0]
    assert first["lead"] == "Văn phòng – Thống kê" and first["partners"] == "Các ban ngành liên quan"
    assert first["deadline"] == "Tháng 01/2023" and first["status"] == "Đã ban hành" and first["percent_done"] == 100
    assert tasks[1]["percent_done"] == 50 and tasks[3]["percent_done"] == 100
    values = rollup.values(ws, "2023-H1")
    assert values["plan.tasks_planned"].value == 4 and values["plan.tasks_done"].value == 2
    # One undo step takes the whole import back.
    ws.undo()
    assert ws.plan_tasks(2023) == []


def test_import_replaces_the_years_tasks(ws, tmp_path):
    path = workbook(tmp_path / "nv.xlsx")
    plan_tasks.import_tasks(ws, 2023, path)
    plan_tasks.import_tasks(ws, 2023, path)
    assert len(ws.plan_tasks(2023)) == 4
    plan_tasks.import_tasks(ws, 2023, path, replace=False)
    assert len(ws.plan_tasks(2023)) == 8


def test_bad_row_refuses_whole_file_with_line(ws, tmp_path):
    rows = ROWS + [[5, "Nhiệm vụ có tỷ lệ sai", "VP", "", "Tháng 5", "", "", "150%"]]
    with pytest.raises(WorkspaceError) as err:
        plan_tasks.import_tasks(ws, 2023, workbook(tmp_path / "nv.xlsx", rows))
    assert "Dòng 11" in str(err.value)
    assert ws.plan_tasks(2023) == []


def test_row_without_content_refused(ws, tmp_path):
    rows = ROWS + [[5, None, "VP", "", "Tháng 5", "", "", ""]]
    with pytest.raises(WorkspaceError) as err:
        plan_tasks.import_tasks(ws, 2023, workbook(tmp_path / "nv.xlsx", rows))
    assert "Dòng 11" in str(err.value) and "nội dung" in str(err.value)


def test_not_a_workbook(ws, tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"this is not a zip file")
    with pytest.raises(WorkspaceError) as err:
        plan_tasks.import_tasks(ws, 2023, bad)
    assert "hong.xlsx" in str(err.value)
    with pytest.raises(WorkspaceError):
        plan_tasks.import_tasks(ws, 2023, tmp_path / "khong-co.xlsx")


def test_hostile_workbook_refused(ws, tmp_path):
    good = workbook(tmp_path / "nv.xlsx")
    evil = tmp_path / "doc.xlsx"
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(evil, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = bomb.encode()
            zout.writestr(item, data)
    with pytest.raises(WorkspaceError):
        plan_tasks.import_tasks(ws, 2023, evil)
    assert ws.plan_tasks(2023) == []


def test_sheet_without_task_header(ws, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["key", "value"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(WorkspaceError) as err:
        plan_tasks.import_tasks(ws, 2023, tmp_path / "x.xlsx")
    assert "Nội dung" in str(err.value)
