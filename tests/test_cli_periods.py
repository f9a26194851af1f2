"""cchc period add|set|list with monthly and custom periods and canonical codes (real files)."""
import datetime as dt

from cchc_desktop.cli import main
from cchc_desktop.store import Workspace


def _init(tmp_path, *extra):
    db = tmp_path / "w.cchc"
    assert main(["init", "--db", str(db), "--unit", "UBND phường Đồng Thuận", "--parent", "UBND tỉnh Quảng Trị",
                 "--place", "Đồng Thuận", *extra]) == 0
    return db


def test_period_add_canonical_monthly_and_custom(tmp_path, capsys):
    db = _init(tmp_path)
    capsys.readouterr()
    assert main(["period", "add", "--db", str(db), "--period", "2025-m7"]) == 0
    assert "Đã thêm kỳ 2025-M07\ttháng 7 năm 2025\t15/06/2025 – 14/07/2025\thạn 15/07/2025\tnháp" in capsys.readouterr().out
    assert main(["period", "add", "--db", str(db), "--period", "2025-07-01..2025-10-31",
                 "--title", "từ ngày 01/7/2025 đến ngày 31/10/2025", "--deadline", "05/11/2025"]) == 0
    out = capsys.readouterr().out
    assert "2025-07-01..2025-10-31\ttừ ngày 01/7/2025 đến ngày 31/10/2025\t01/07/2025 – 31/10/2025\thạn 05/11/2025" in out
    assert main(["period", "add", "--db", str(db), "--period", "2022-h1"]) == 0
    capsys.readouterr()
    assert main(["period", "list", "--db", str(db)]) == 0
    codes = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert codes == ["2022-H1", "2025-M07", "2025-07-01..2025-10-31"]
    with Workspace.open(db) as ws:
        p = ws.period("2025-07-01..2025-10-31")
        assert p.kind == "C" and p.title == "từ ngày 01/7/2025 đến ngày 31/10/2025" and p.deadline == dt.date(2025, 11, 5)


def test_period_set_changes_the_title_and_says_so(tmp_path, capsys):
    db = _init(tmp_path)
    main(["period", "add", "--db", str(db), "--period", "2025-Q3"])
    capsys.readouterr()
    assert main(["period", "set", "--db", str(db), "--period", "2025-q3", "--number", "125", "--date", "2025-09-20",
                 "--deadline", "2025-09-25"]) == 0
    assert "Đã sửa kỳ 2025-Q3" in capsys.readouterr().out
    with Workspace.open(db) as ws:
        p = ws.period("2025-Q3")
        assert (p.report_number, p.report_date, p.deadline) == ("125", dt.date(2025, 9, 20), dt.date(2025, 9, 25))


def test_period_bad_input_changes_nothing(tmp_path, capsys):
    db = _init(tmp_path)
    main(["period", "add", "--db", str(db), "--period", "2025-07-01..2025-10-31"])
    capsys.readouterr()
    before = db.read_bytes()
    for argv, words in [
        (["add", "--period", "2025-M13"], "không hợp lệ"),
        (["add", "--period", "2025-10-31..2025-07-01"], "sau ngày kết thúc"),
        (["add", "--period", "2025-07-01..2025-10-31"], "đã có"),
        (["add", "--period", "2025-08-01..2025-08-31", "--from", "2025-08-02"], "không ghi thời gian khác"),
        (["add", "--period", "2025-Q4", "--date", "31/02/2025"], "không phải là ngày có thật"),
        (["set", "--period", "2025-07-01..2025-10-31", "--to", "2025-10-30"], "thêm một kỳ mới"),
        (["set", "--period", "2025-Q1", "--number", "1"], "Chưa có kỳ báo cáo 2025-Q1"),
        (["set", "--period", "2025-07-01..2025-10-31"], "Chưa ghi điều cần sửa"),
    ]:
        code = main(["period", argv[0], "--db", str(db), *argv[1:]])
        err = capsys.readouterr().err
        assert code != 0 and words in err, (argv, err)
    assert db.read_bytes() == before
