"""The upper office's own Excel form: label matching, import, in-place fill, PDF, hostile files."""
import io
import json
import shutil
import subprocess
import zipfile

import pytest

from cchc_desktop import catalogue, templates
from cchc_desktop.cli import main as cli
from cchc_desktop.forms import fill, library, matching, safe_xlsx
from cchc_desktop.store import Workspace, WorkspaceError

import province_form

# Wordings as the seeds print them (their tables and their narratives) → the indicator meant.
SEED_WORDINGS = [
    ("Tổng số hồ sơ TTHC đã tiếp nhận (kể cả hồ sơ kỳ trước chuyển sang)", "Hồ sơ", "dossier.received_total"),
    ("Số cán bộ cấp xã", "Người", "staff.cadres"),
    ("Tổng số hồ sơ đã tiếp nhận", "Hồ sơ", "dossier.received_total"),                     # 000, narrative
    ("Tổng số hồ sơ đã giải quyết", "Hồ sơ", "dossier.resolved_total"),                    # 000, narrative
    ("Tổng số TTHC đang có hiệu lực", "Thủ tục", "tthc.in_force"),                         # 000, 3.1
    ("Tổng số TTHC đang áp dụng", "Thủ tục", "tthc.in_force"),                             # 004, 3.1.3
    ("Số TTHC đã cập nhật, công khai trên Cổng DVC quốc gia", "Thủ tục", "tthc.on_national_portal"),
    ("Số lượng phiếu khảo sát", "Phiếu", "survey.forms"),
    ("Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "direction.documents_issued"),
    ("Số lượng bài viết đăng tải trên Trang Thông tin điện tử của đơn vị", "Bài", "propaganda.portal_posts"),
    ("Tổng số TTHC cung cấp trực tuyến mức độ 4", "TTHC", "tthc.online_full"),             # 000, 7.3.2
    ("Tổng số TTHC cung cấp trực tuyến mức độ 3", "TTHC", "tthc.online_partial"),
    ("Số TTHC thuộc thẩm quyền bãi bỏ, thay thế", "Thủ tục", "tthc.abolished"),            # 004, 3.1.2
    ("Tổng số cán bộ, công chức", "Người", "it.staff_total"),                             # 002, narrative
    ("Số cán bộ, công chức cấp xã bị kỷ luật.", "Người", "staff.disciplined"),             # 002, 4.5
    ("Số lượng bản tin, phóng sự... trên Đài phát thanh", "Bản tin, phóng sự", "propaganda.broadcasts"),
    ("Số TTHC liên thông cùng cấp", "Thủ tục", "tthc.interlinked_same_level"),
    ("Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến", "Thủ tục", "tthc.online_payment"),
    # worded otherwise than anything we ship
    ("Số hồ sơ giải quyết trễ hẹn", "Hồ sơ", "dossier.resolved_late"),
    ("Số hồ sơ giải quyết đúng hẹn", "Hồ sơ", "dossier.resolved_on_time"),
    ("Số hồ sơ giải quyết trước hẹn", "Hồ sơ", "dossier.resolved_early"),
    ("So ho so dang giai quyet", "Ho so", "dossier.pending"),                              # typed without accents
    ("Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "dossier.on_time_rate"),
    ("Số công chức cấp xã", "Người", "staff.civil_servants"),
]


@pytest.fixture(scope="module")
def matcher():
    return matching.Matcher(catalogue.default(), [templates.load(n) for n in templates.shipped_names()])


@pytest.mark.parametrize("label, unit, key", SEED_WORDINGS)
def test_seed_wordings_find_their_indicator(matcher, label, unit, key):
    p = matcher.propose(label, unit)
    assert p.key == key, p.why
    assert p.level == matching.SURE, p.why


def test_word_order_and_synonyms_are_tolerated(matcher):
    assert matcher.propose("Số văn bản đến dưới dạng điện tử hoàn toàn", "Văn bản").key == "edoc.in_electronic"
    assert matcher.propose("Số hồ sơ nộp qua dịch vụ bưu chính công ích", "Hồ sơ").key == "dossier.received_postal"


def test_unknown_rows_get_nothing(matcher):
    for label, unit in (("Số người tham gia Ngày hội chuyển đổi số", "Người"),
                        ("Kinh phí hỗ trợ hộ nghèo", "Triệu đồng"), ("Số buổi sinh hoạt chi bộ", "Buổi")):
        p = matcher.propose(label, unit)
        assert p.key is None and p.level == matching.NONE, (label, p)


def test_a_rate_row_never_takes_a_count(matcher):
    p = matcher.propose("Tỷ lệ số hồ sơ đã giải quyết", "%")
    assert p.key is None or catalogue.default().get(p.key).kind == "percent"


def test_the_section_decides_between_a_general_and_a_narrower_indicator(matcher):
    p = matcher.propose("Tổng số nhiệm vụ được giao", "Nhiệm vụ",
                        section="Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao")
    assert p.key == "assigned.province_total" and p.level == matching.UNSURE


def test_seed_rows_matched_without_their_own_template_are_rarely_sure_and_wrong():
    """Each shipped template's rows, matched by a matcher that has never seen that template's
    wording: a sure match must be right.  The known exceptions are rows whose meaning is in
    what the label leaves out (a rate row printed without "%", a row under a keyed rate row)."""
    cat = catalogue.default()
    tpls = [templates.load(n) for n in templates.shipped_names()]
    sure_right, sure_wrong = 0, []
    for i, tpl in enumerate(tpls):
        m = matching.Matcher(cat, [t for j, t in enumerate(tpls) if j != i])
        groups = []
        for _, row in tpl.rows():
            if not row.key:
                depth = row.stt.strip(".").count(".")
                groups = [g for g in groups if g[0] < depth] + [(depth, row.label)]
                continue
            p = m.propose(row.label, row.unit, section=groups[-1][1] if groups else "")
            if p.level == matching.SURE:
                if p.key == row.key:
                    sure_right += 1
                else:
                    sure_wrong.append((tpl.name, row.stt, row.label, p.key, row.key))
    assert sure_right >= 140
    assert len(sure_wrong) <= 3, sure_wrong


# ---- import and fill ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def form_file(tmp_path_factory):
    return province_form.build(tmp_path_factory.mktemp("form") / "bieu-so-noi-vu.xlsx")


@pytest.fixture(scope="module")
def sample_master(tmp_path_factory):
    from cchc_desktop import demo
    return demo.create(tmp_path_factory.mktemp("ws") / "mau.cchc")


@pytest.fixture
def sample(sample_master, tmp_path):
    path = tmp_path / "w.cchc"
    shutil.copy(sample_master, path)
    ws = Workspace.open(path)
    yield ws
    ws.close()


def test_import_finds_the_table_and_matches_rows(sample, form_file):
    form = library.analyse(sample, form_file.read_bytes(), form_file.name, "bieu-snv")
    assert form.title == province_form.TITLE
    assert form.office == province_form.OFFICE
    assert form.sheets[0]["sheet"] == "Biểu 01" and form.sheets[0]["header"] == [8, 10]
    assert form.unit_cells == [["Biểu 01", "A6", "Đơn vị báo cáo:"]]
    by_row = {r.row: r for r in form.rows}
    for i, (stt, label, unit, key, kind) in enumerate(province_form.ROWS):
        r = by_row[province_form.FIRST_ROW + i]
        assert r.label == label
        if kind == "section":
            assert r.status == library.HEADING
        elif kind == "hidden":
            assert r.status == library.HIDDEN and r.key is None
        elif kind == "none":
            assert r.status == library.NONE and r.key is None
        else:   # a used key is always the right one; an unsure one proposes the right one
            assert r.key in (key, None), (label, r.key)
            assert r.key == key or (r.status == library.UNSURE and r.proposed == key), (label, r.why)
    sure = [r for r in form.rows if r.status == library.SURE]
    assert len(sure) >= 8
    assert by_row[province_form.row_of("Tổng số hồ sơ TTHC")].status == library.SURE
    assert by_row[province_form.row_of("Số cán bộ cấp xã")].key == "staff.cadres"
    assert by_row[province_form.row_of("Tỷ lệ hoàn thành")].formula


def test_import_stores_the_bytes_and_the_mapping_is_editable(sample, form_file):
    form, problems = library.import_file(sample, form_file, "bieu-snv")
    assert problems == []
    stored = library.get(sample, "bieu-snv")
    assert stored.content == form_file.read_bytes()
    row = province_form.row_of("Số cuộc kiểm tra")
    library.set_row_key(sample, "bieu-snv", "Biểu 01", row, "inspection.rounds")
    assert library.get(sample, "bieu-snv").row("Biểu 01", row).status == library.CHOSEN
    assert any(a["entity"] == "province_form" for a in sample.audit())
    tpl = templates.load("bieu-snv", sample)       # the form is a template of the workspace
    assert tpl.form == "bieu-snv" and tpl.office == province_form.OFFICE
    assert "inspection.rounds" in tpl.keys() and "staff.cadres" in tpl.keys()
    with pytest.raises(WorkspaceError, match="Đã có mẫu"):
        library.import_file(sample, form_file, "bieu-snv")
    with pytest.raises(WorkspaceError, match="trùng một mẫu có sẵn"):
        library.import_file(sample, form_file, "phu-luc-1")


def _cells(path):
    from openpyxl import load_workbook
    return load_workbook(path)


def test_fill_in_place_keeps_the_form_and_writes_the_figures(sample, form_file, tmp_path):
    from cchc_desktop import rollup
    library.import_file(sample, form_file, "bieu-snv", maps=["I.4=inspection.rounds"])
    form = library.get(sample, "bieu-snv")
    out = fill.write_xlsx(sample, "2022-H1", form, tmp_path / "filled.xlsx")
    before, after = _cells(form_file), _cells(out)
    assert before.sheetnames == after.sheetnames
    a, b = before["Biểu 01"], after["Biểu 01"]
    assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
    for col in "ABCDEF":
        assert a.column_dimensions[col].width == b.column_dimensions[col].width
        assert a.column_dimensions[col].hidden == b.column_dimensions[col].hidden
    assert b.print_title_rows == a.print_title_rows and b.page_setup.orientation == "portrait"
    values = rollup.values(sample, "2022-H1")
    changed = set()
    for row in a.iter_rows():
        for ca in row:
            cb = b[ca.coordinate]
            assert (ca.font.name, ca.font.b, ca.font.i, ca.font.sz) == (cb.font.name, cb.font.b, cb.font.i, cb.font.sz)
            assert ca.border.left.style == cb.border.left.style and ca.border.bottom.style == cb.border.bottom.style
            if ca.value != cb.value:
                changed.add(ca.coordinate)
    r = province_form.row_of
    assert b[f"D{r('Tổng số hồ sơ TTHC')}"].value == values["dossier.received_total"].value == 2297
    assert isinstance(b[f"D{r('Số cán bộ cấp xã')}"].value, int)
    assert b[f"D{r('Tỷ lệ hồ sơ giải quyết')}"].value == round(values["dossier.on_time_rate"].value, 2)
    assert b[f"D{r('Tỷ lệ hoàn thành')}"].value.startswith("=")         # the form's own formula stays
    assert b[f"D{r('Số người tham gia')}"].value is None                # no indicator: stays blank
    assert b[f"D{r('Dòng dành cho cấp huyện')}"].value is None          # hidden row: untouched
    assert b["A6"].value == "Đơn vị báo cáo: UBND phường 2"
    value_cells = {f"D{province_form.FIRST_ROW + i}" for i in range(len(province_form.ROWS))}
    note_cells = {f"E{province_form.FIRST_ROW + i}" for i in range(len(province_form.ROWS))}
    assert changed - value_cells - note_cells == {"A6"}                   # nothing else changed
    assert "Hướng dẫn" in after.sheetnames and after["Hướng dẫn"]["A1"].value == before["Hướng dẫn"]["A1"].value


def test_unsure_rows_stay_blank_until_chosen(sample, form_file, tmp_path):
    library.import_file(sample, form_file, "bieu-snv")
    form = library.get(sample, "bieu-snv")
    row = form.row("Biểu 01", province_form.row_of("Số cuộc kiểm tra"))
    assert row.status == library.UNSURE and row.key is None
    book, result = fill.fill_book(sample, "2022-H1", form)
    assert book["Biểu 01"][row.cell].value is None
    assert any(r.row == row.row and why == "chưa chọn chỉ tiêu" for r, why in result.blank)


def test_text_that_looks_like_a_formula_is_written_as_text(sample, form_file, tmp_path):
    library.import_file(sample, form_file, "bieu-snv")
    sample.set_value("2022-H1", "staff.cadres", 9, note="=HYPERLINK(\"http://x\")")
    out = fill.write_xlsx(sample, "2022-H1", library.get(sample, "bieu-snv"), tmp_path / "f.xlsx")
    cell = _cells(out)["Biểu 01"][f"E{province_form.row_of('Số cán bộ cấp xã')}"]
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"
    with zipfile.ZipFile(out) as zf:
        assert b"<f>HYPERLINK" not in zf.read("xl/worksheets/sheet1.xml")


def test_codes_follow_the_forms_own_list(sample):
    row = library.MappedRow("S", 1, "1", "Khảo sát sự hài lòng", "Có = 2; Không = 1", key="survey.conducted",
                            cell="D1", status=library.SURE)
    assert fill.cell_value(sample, row, 1) == (2, "")
    row.unit = "Đạt = 1; Không đạt = 0"   # a list that does not say the same: left blank
    assert fill.cell_value(sample, row, 1)[0] is None
    rate = library.MappedRow("S", 2, "2", "Tỷ lệ hài lòng (làm tròn 1 chữ số thập phân)", "%",
                             key="survey.satisfaction_rate", cell="D2", status=library.SURE)
    assert fill.cell_value(sample, rate, 98.6666) == (98.7, "")
    assert fill.cell_value(sample, rate, 98.6666, "0.0%") == (0.987, "")


def test_the_filled_pdf_is_the_form(sample, form_file, tmp_path):
    library.import_file(sample, form_file, "bieu-snv")
    pdf = fill.write_pdf(sample, "2022-H1", library.get(sample, "bieu-snv"), tmp_path / "f.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "BIỂU TỔNG HỢP SỐ LIỆU CẢI CÁCH HÀNH CHÍNH" in text
    assert "Đơn vị báo cáo: UBND phường 2" in text
    assert "2.297" in text and "Số người tham gia Ngày hội chuyển đổi số" in text
    assert "Dòng dành cho cấp huyện" not in text         # a hidden row is not printed
    assert "CCHC-0" not in text                          # nor a hidden column
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info


def test_mapping_file_gives_another_commune_the_same_rows(sample, form_file, tmp_path):
    library.import_file(sample, form_file, "bieu-snv", maps=["I.4=inspection.rounds", "II.4="])
    exported = tmp_path / "anh-xa.json"
    exported.write_text(json.dumps(library.export_mapping(library.get(sample, "bieu-snv"))), encoding="utf-8")
    other = Workspace.create(tmp_path / "other.cchc", name="UBND xã Hải Lệ", parent="UBND tỉnh Quảng Trị")
    try:
        form, problems = library.import_file(other, form_file, "bieu-snv", mapping_path=exported)
        assert problems == []
        assert form.row("Biểu 01", province_form.row_of("Số cuộc kiểm tra")).key == "inspection.rounds"
        assert form.row("Biểu 01", province_form.row_of("Số thư xin lỗi")).status == library.CLEARED
    finally:
        other.close()


# ---- hostile files -------------------------------------------------------------------------
def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_a_zip_bomb_is_refused_before_parsing(sample, tmp_path):
    bomb = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>",
                 "xl/worksheets/sheet1.xml": b"<a>" + b" " * (60 * 1024 * 1024) + b"</a>"})
    assert len(bomb) < 200 * 1024
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bomb)
    with pytest.raises(WorkspaceError, match="quá lớn"):
        library.import_file(sample, path, "bom")
    assert library.forms(sample) == []


def test_entity_expansion_is_refused(sample, form_file, tmp_path):
    data = form_file.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    body = parts["xl/workbook.xml"].split(b"?>", 1)[-1]
    parts["xl/workbook.xml"] = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + body)
    path = tmp_path / "xxe.xlsx"
    path.write_bytes(_zip(parts))
    with pytest.raises(WorkspaceError, match="Không đọc được"):
        library.import_file(sample, path, "xxe")
    assert library.forms(sample) == []


@pytest.mark.parametrize("data, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel cũ"),
    (b"STT,Chi tieu\n1,a\n", "không phải tệp Excel"),
    (b"PK\x03\x04 broken", "bị hỏng"),
])
def test_files_that_are_not_workbooks_are_refused(data, message):
    with pytest.raises(WorkspaceError, match=message):
        safe_xlsx.check_bytes(data, "x.xlsx")


# ---- command line ------------------------------------------------------------------------------
def test_cli_import_set_and_report(sample_master, form_file, tmp_path, capsys):
    db = tmp_path / "w.cchc"
    shutil.copy(sample_master, db)
    assert cli(["template", "import", str(form_file), "--db", str(db), "--name", "bieu-snv",
                "--map", "I.4=inspection.rounds"]) == 0
    out = capsys.readouterr().out
    assert "Số người tham gia Ngày hội chuyển đổi số" in out and "không có chỉ tiêu" in out
    assert cli(["template", "set", "--db", str(db), "bieu-snv", "I.99=staff.cadres"]) == 1
    assert "I.99" in capsys.readouterr().err
    assert cli(["report", "--db", str(db), "--period", "2022-H1", "--template", "bieu-snv",
                "--format", "xlsx,pdf", "--out", str(tmp_path / "out")]) == 0
    files = capsys.readouterr().out.split()
    assert any(f.endswith("bieu-snv_20220615.xlsx") for f in files)
    assert any(f.endswith("bieu-snv_20220615.pdf") for f in files)
    assert cli(["template", "set", "--db", str(db), "bieu-snv",
                f"dòng {province_form.row_of('Tiếp nhận trực tuyến')}=dossier.received_online"]) == 0
    capsys.readouterr()
    assert cli(["template", "show", "--db", str(db), "bieu-snv", "--json"]) == 0
    rows = {r["ref"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[f"dòng {province_form.row_of('Tiếp nhận trực tuyến')}"]["key"] == "dossier.received_online"
    assert rows["II.1"]["key"] == "dossier.received_total" and rows["II.1"]["status"] == "sure"
    assert rows["I.6"]["key"] is None and rows["I.6"]["status"] == "none"
    assert cli(["template", "list", "--db", str(db)]) == 0
    assert "bieu-snv\t" + province_form.TITLE in capsys.readouterr().out


def test_the_upper_office_fills_the_same_form_with_consolidated_figures(sample_master, form_file, tmp_path, capsys):
    """A consolidation workspace's entries are the summed figures: the same form prints them."""
    from cchc_desktop import rollup
    unit_a = tmp_path / "a.cchc"
    shutil.copy(sample_master, unit_a)
    unit_b = tmp_path / "b.cchc"
    other = Workspace.create(unit_b, name="UBND xã Hải Lệ", parent="UBND thị xã Quảng Trị", place="Hải Lệ")
    other.add_period("2022-H1")
    other.set_values("2022-H1", [("staff.cadres", 10, None), ("dossier.received_total", 103, None)])
    other.close()
    files = []
    for db in (unit_a, unit_b):
        assert cli(["backup", "--db", str(db), "--out", str(tmp_path / "sent")]) == 0
        files.append(capsys.readouterr().out.strip().splitlines()[-1])
    office = tmp_path / "tong-hop.cchc"
    assert cli(["consolidate", "--db", str(office), *files]) == 0
    capsys.readouterr()
    with Workspace.open(office) as ws:
        library.import_file(ws, form_file, "bieu-snv")
        summed = rollup.values(ws, "2022-H1")
        assert summed["staff.cadres"].value == 9 + 10
        book, _ = fill.fill_book(ws, "2022-H1", library.get(ws, "bieu-snv"))
    sheet = book["Biểu 01"]
    assert sheet[f"D{province_form.row_of('Số cán bộ cấp xã')}"].value == 19
    assert sheet[f"D{province_form.row_of('Tổng số hồ sơ TTHC')}"].value == 2297 + 103


def test_findings_do_not_change_with_the_form_that_prints_them(sample, form_file):
    """A unit whose own template says "Có = 1; Không = 2" keeps that meaning when it chooses the
    province's form as its template: the same figures, the same findings."""
    from cchc_desktop import rules
    data = json.loads((templates.resource("templates", "phu-luc-1.json")).read_text(encoding="utf-8"))
    data["appendices"][0]["rows"].append({"stt": "1.5.3.", "key": "survey.conducted",
                                          "codes": [{"value": 1, "label": "Có"}, {"value": 2, "label": "Không"}]})
    templates.save_copy(sample, data, "phu-luc-1")
    sample.forget_template()
    sample.set_value("2022-H1", "survey.conducted", 2)

    def findings():
        sample.forget_template()
        return sorted((f.rule, f.severity, tuple(f.keys), f.message) for f in rules.check(sample, "2022-H1"))

    before = findings()
    library.import_file(sample, form_file, "bieu-snv")
    sample.update_unit(template="bieu-snv")
    assert sample.code_list("survey.conducted") == {1: "Có", 2: "Không"}
    assert findings() == before
    row = library.get(sample, "bieu-snv").row("Biểu 01", province_form.row_of("Có tổ chức khảo sát"))
    assert fill.cell_value(sample, row, 2) == (0, "")     # "Không" in the form's own list (Có = 1; Không = 0)


def test_a_form_of_several_sheets_is_read_and_filled_sheet_by_sheet(sample, form_file, tmp_path):
    from openpyxl import load_workbook
    book = load_workbook(form_file)
    sh = book.create_sheet("Biểu 02")
    sh.append(["BIỂU 02: CHÍNH QUYỀN SỐ"])
    sh.append([])
    sh.append(["TT", "Tên chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"])
    sh.append(["1", "Tổng số văn bản đến", "Văn bản", None, None])
    sh.append(["2", "Số máy tính phục vụ làm việc", "Máy", None, None])
    hidden = book.create_sheet("Danh mục")
    hidden.append(["STT", "Chỉ tiêu", "Số liệu"])
    hidden.append(["1", "Số cán bộ cấp xã", None])
    hidden.sheet_state = "hidden"
    path = tmp_path / "hai-bieu.xlsx"
    book.save(path)
    form, _ = library.import_file(sample, path, "hai-bieu")
    assert [s["sheet"] for s in form.sheets] == ["Biểu 01", "Biểu 02"]     # a hidden sheet is no table
    second = {r.label: r for r in form.rows if r.sheet == "Biểu 02"}
    assert second["Tổng số văn bản đến"].key == "edoc.in_total" and second["Tổng số văn bản đến"].cell == "D4"
    sample.set_value("2022-H1", "edoc.in_total", 1234)
    filled, _ = fill.fill_book(sample, "2022-H1", library.get(sample, "hai-bieu"))
    assert filled["Biểu 02"]["D4"].value == 1234
    assert filled["Danh mục"]["C2"].value is None
    pdf = fill.write_pdf(sample, "2022-H1", library.get(sample, "hai-bieu"), tmp_path / "hai.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "BIỂU 02: CHÍNH QUYỀN SỐ" in text and "1.234" in text


def test_damaged_copies_of_a_form_give_a_message_never_a_crash(form_file):
    import random
    data = form_file.read_bytes()
    rnd = random.Random(12)
    for i in range(80):
        damaged = bytearray(data)
        if i % 3 == 0:
            damaged = damaged[:rnd.randint(10, len(damaged))]
        else:
            for _ in range(rnd.randint(1, 20)):
                damaged[rnd.randrange(len(damaged))] = rnd.randrange(256)
        try:
            from cchc_desktop.forms import layout
            layout.read(safe_xlsx.load(bytes(damaged), "x.xlsx"))
        except WorkspaceError as exc:
            assert "x.xlsx" in str(exc)


def test_pictures_the_copy_cannot_keep_are_said_before_import(sample, form_file, tmp_path):
    with zipfile.ZipFile(form_file) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/media/image1.png"] = b"\x89PNG\r\n\x1a\n"
    path = tmp_path / "logo.xlsx"
    path.write_bytes(_zip(parts))
    _, problems = library.import_file(sample, path, "logo")
    assert any("hình ảnh" in p for p in problems)


def test_the_value_column_is_this_periods_not_last_periods(sample, tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sh = book.active
    sh.append(["BIỂU SỐ LIỆU CẢI CÁCH HÀNH CHÍNH"])
    sh.append(["STT", "Tên chỉ tiêu", "ĐVT", "Kết quả kỳ trước", "Kết quả kỳ này", "Ghi chú"])
    sh.append(["1", "Số cán bộ cấp xã", "Người", 8, None, None])
    path = tmp_path / "hai-cot.xlsx"
    book.save(path)
    form, _ = library.import_file(sample, path, "hai-cot")
    assert form.sheets[0]["columns"]["value"] == 5
    filled, _ = fill.fill_book(sample, "2022-H1", library.get(sample, "hai-cot"))
    assert filled.active["E3"].value == 9 and filled.active["D3"].value == 8


def test_a_form_filled_from_sample_data_says_so_on_every_page(sample, form_file, tmp_path):
    """DỮ LIỆU MẪU on the province's form too (PDF page and printed sheet header) when the
    figures are the sample's, and never on a real unit's."""
    from openpyxl import load_workbook
    for ws, marked in ((sample, True), (Workspace.create(tmp_path / "that.cchc", name="UBND xã Hải Lệ"), False)):
        if not marked:
            ws.add_period("2022-H1")
        library.import_file(ws, form_file, "bieu-snv")
        form = library.get(ws, "bieu-snv")
        pdf = fill.write_pdf(ws, "2022-H1", form, tmp_path / f"{marked}.pdf")
        from pypdf import PdfReader
        assert all(("DỮ LIỆU MẪU" in page.extract_text()) is marked for page in PdfReader(pdf).pages)
        book = load_workbook(fill.write_xlsx(ws, "2022-H1", form, tmp_path / f"{marked}.xlsx"))
        assert all((sheet.oddHeader.left.text == "DỮ LIỆU MẪU") is marked for sheet in book.worksheets)


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"\x00" * 64, b"<html>no</html>"])
def test_a_broken_form_is_refused_in_vietnamese_only(sample, tmp_path, content):
    """No exception text of zipfile, zlib or openpyxl reaches the officer (issue 13)."""
    bad = tmp_path / "bieu.xlsx"
    bad.write_bytes(content)
    with pytest.raises(WorkspaceError) as err:
        library.import_file(sample, bad, "hong")
    message = str(err.value)
    assert "bieu.xlsx" in message
    for english in ("File is not", "Error", "zip", "Bad", "Exception", "errno"):
        assert english not in message, message


def test_a_mapping_file_that_is_not_json_is_refused_in_vietnamese(tmp_path):
    bad = tmp_path / "anh-xa.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(WorkspaceError, match=r"không đúng định dạng JSON \(dòng 1, cột 2\)"):
        library.read_mapping_file(bad)
    with pytest.raises(WorkspaceError, match="không có tệp hoặc thư mục này"):
        library.read_mapping_file(tmp_path / "khong-co.json")
