"""The report's text: sections I–V, their first draft from the figures, and last period's text.

The officer's own text lives in the workspace (``report_sections``); a section never
written prints its draft, built from the period's figures, the documents register,
the annual plan's tasks and the plan targets.  Everything stays editable.
"""
from __future__ import annotations

from .. import periods, rollup
from ..vnformat import format_date, format_number
from . import tables

SECTIONS = (
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
    ("II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"),
    ("III", "ĐÁNH GIÁ CHUNG"),
    ("IV", "NHIỆM VỤ TRỌNG TÂM {next_period_upper}"),
    ("V", "ĐỀ XUẤT, KIẾN NGHỊ"),
)
EXTRA = ("subject", "intro", "closing")
ALL_SECTIONS = EXTRA[:2] + tuple(s for s, _ in SECTIONS) + EXTRA[2:]
SECTION_LABELS = {"subject": "Trích yếu (tên báo cáo)", "intro": "Phần mở đầu (căn cứ)",
                  "closing": "Câu kết", **{s: f"{s}. {t}" for s, t in SECTIONS}}


def next_period_label(code: str) -> str:
    """'6 tháng cuối năm 2022' after 2022-H1, 'Quý II năm 2022' after 2022-Q1."""
    n = periods.parse_code(code)
    nxt = {"Q1": (n.year, "Q2"), "Q2": (n.year, "Q3"), "Q3": (n.year, "Q4"), "Q4": (n.year + 1, "Q1"),
           "H1": (n.year, "H2"), "H2": (n.year + 1, "H1"), "9M": (n.year, "Q4"), "Y": (n.year + 1, "Y")}[n.kind]
    return periods.period_label(nxt[1], nxt[0])


def section_title(section: str, code: str) -> str:
    nxt = next_period_label(code)
    for s, title in SECTIONS:
        if s == section:
            return f"{s}. " + title.format(next_period_upper=nxt.upper())
    return SECTION_LABELS.get(section, section)


def _short_unit(unit: dict) -> str:
    name = unit.get("name") or ""
    return name if not name.startswith("UBND ") else "UBND " + name[5:].split()[0].lower()


# ---- the first draft ----------------------------------------------------------------
def draft_sections(ws, code: str) -> dict[str, str]:
    """A first draft of every section, written from the period's figures."""
    p = ws.period(code)
    unit = ws.unit()
    cells = rollup.values(ws, code)

    def v(key):
        c = cells.get(key)
        return None if c is None else c.value

    def n(key, dec=None):
        value = v(key)
        if value is None:
            return None
        ind = ws.catalogue.get(key)
        if dec is None and ind is not None and ind.kind == "percent":
            dec = ind.decimals if ind.decimals is not None else 2
        return format_number(round(value, dec) if dec is not None and isinstance(value, float) else value, dec)

    who = _short_unit(unit)
    out = {}
    out["subject"] = f"Kết quả thực hiện công tác cải cách hành chính {p.label}"
    # the basis: the documents that issued the year's CCHC plan (“ban hành Kế hoạch cải cách hành chính …”)
    plans = [d for d in ws.documents(p.window_from, p.window_to)
             if any(w in (d["summary"] or "").lower() for w in ("kế hoạch cải cách hành chính", "kế hoạch cchc"))]
    basis = "; ".join(f"{d['doc_type']} số {d['number']} ngày {format_date(d['issued_on'])} {_summary(d)}".strip()
                      for d in plans[:2])
    out["intro"] = ((f"Thực hiện {basis}. " if basis else "") +
                    f"{unit.get('name')} báo cáo kết quả thực hiện công tác cải cách hành chính {p.label} như sau:")

    # I. Direction
    one = []
    docs = [d for d in ws.documents(p.window_from, p.window_to) if d["counts_as_direction"]]
    issued = n("direction.documents_issued")
    if docs:
        one.append(f"Xác định cải cách hành chính là nhiệm vụ trọng tâm, {who} đã ban hành "
                   f"{format_number(len(docs))} văn bản để chỉ đạo, điều hành công tác cải cách hành chính, gồm:")
        for d in docs:
            kind = d["doc_type"] or "Văn bản"
            one.append(f"- {kind} số {d['number']} ngày {format_date(d['issued_on'])} {_summary(d)};".replace("  ", " "))
    elif issued:
        one.append(f"Xác định cải cách hành chính là nhiệm vụ trọng tâm, {who} đã ban hành {issued} văn bản "
                   f"để chỉ đạo, điều hành công tác cải cách hành chính.")
    if v("plan.tasks_planned") is not None:
        s = f"Kế hoạch cải cách hành chính năm {p.year} đề ra {n('plan.tasks_planned')} nhiệm vụ"
        if v("plan.tasks_done") is not None:
            s += f", đến nay đã hoàn thành {n('plan.tasks_done')} nhiệm vụ"
            if v("plan.completion_rate") is not None:
                s += f", đạt {n('plan.completion_rate', 1)}%"
        one.append(s + ".")
    if v("inspection.rounds") is not None:
        s = f"Công tác kiểm tra, giám sát: tổ chức {n('inspection.rounds')} đợt kiểm tra"
        if v("inspection.issues_found"):
            s += f", phát hiện {n('inspection.issues_found')} vấn đề, đã xử lý xong {n('inspection.issues_resolved') or '0'}"
        one.append(s + ".")
    if v("propaganda.portal_posts") is not None:
        one.append(f"Công tác tuyên truyền: đăng tải {n('propaganda.portal_posts')} bài viết về cải cách hành chính "
                   f"trên Trang thông tin điện tử của đơn vị.")
    if v("assigned.total") is not None:
        s = f"Cấp trên giao {n('assigned.total')} nhiệm vụ"
        parts = [f"{lbl} {n(k)}" for k, lbl in (("assigned.done_on_time", "hoàn thành đúng hạn"),
                                                  ("assigned.done_late", "hoàn thành nhưng quá hạn"),
                                                  ("assigned.overdue_open", "quá hạn chưa hoàn thành"))
                 if v(k) is not None]
        one.append(s + (": " + ", ".join(parts) if parts else "") + ".")
    if v("survey.forms") is not None:
        s = f"Khảo sát sự hài lòng của người dân, tổ chức: {n('survey.forms')} phiếu"
        if v("survey.satisfaction_rate") is not None:
            s += f", tỷ lệ hài lòng đạt {n('survey.satisfaction_rate', 1)}%"
        one.append(s + ".")
    out["I"] = "\n".join(one)

    # II. Results by area: (title, sentences), numbered at the end
    groups = []
    if v("legal.issued") is not None:
        groups.append(("Cải cách thể chế", [
            f"Trong kỳ, đơn vị ban hành {n('legal.issued')} văn bản quy phạm pháp luật; "
            f"kiểm tra {n('legal.checked') or '0'} văn bản, rà soát {n('legal.reviewed') or '0'} văn bản."]))
    proc = []
    if v("tthc.in_force") is not None:
        s = f"Tổng số thủ tục hành chính đang áp dụng tại đơn vị: {n('tthc.in_force')} thủ tục"
        if v("tthc.one_stop") is not None:
            s += f", trong đó {n('tthc.one_stop')} thủ tục thực hiện theo cơ chế một cửa, một cửa liên thông"
        proc.append(s + ".")
    proc.append(dossier_sentence(ws, code, cells))
    if v("digitization.results_rate") is not None:
        proc.append(f"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính: tỷ lệ số hóa kết quả đạt "
                    f"{n('digitization.results_rate', 1)}%.")
    groups.append(("Cải cách thủ tục hành chính", [x for x in proc if x]))
    if v("staff.cadres") is not None or v("staff.civil_servants") is not None:
        groups.append(("Cải cách chế độ công vụ", [
            f"Đơn vị có {n('staff.cadres') or '…'} cán bộ ({n('staff.cadres_qualified') or '…'} đạt chuẩn) và "
            f"{n('staff.civil_servants') or '…'} công chức ({n('staff.civil_servants_qualified') or '…'} đạt chuẩn)."]))
    egov = []
    if v("it.staff_using_it") is not None:
        egov.append(f"{n('it.staff_using_it')}/{n('it.staff_total') or '…'} cán bộ, công chức thường xuyên sử dụng "
                    f"công nghệ thông tin trong công việc; đơn vị có {n('it.computers') or '…'} máy tính.")
    if v("dvc.online_rate_partial") is not None or v("dvc.online_rate_full") is not None:
        egov.append(f"Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 đạt {n('dvc.online_rate_partial', 2) or '…'}%, "
                    f"mức độ 4 đạt {n('dvc.online_rate_full', 2) or '…'}%.")
    if egov:
        groups.append(("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", egov))
    two = []
    for i, (title, lines) in enumerate(groups, 1):
        two.append(f"{i}. {title}")
        two.extend(lines)
    out["II"] = "\n".join(two)

    # III. Assessment: targets met and not met
    three = ["1. Ưu điểm"]
    results = tables.target_results(ws, code)
    met = [r for r in results if r.status == "met"]
    not_met = [r for r in results if r.status == "not_met"]
    if met:
        three.append("Các chỉ tiêu đã đạt theo kế hoạch: " + "; ".join(
            f"{r.label} ({_num(r.actual)}{_unit(r)})" for r in met) + ".")
    three.append("2. Tồn tại, hạn chế và nguyên nhân")
    if not_met:
        three.append("Các chỉ tiêu chưa đạt: " + "; ".join(
            f"{r.label} (đạt {_num(r.actual)}{_unit(r)}, mục tiêu {_num(r.target)}{_unit(r)})" for r in not_met) + ".")
    late = v("dossier.resolved_late")
    if late:
        three.append(f"Còn {n('dossier.resolved_late')} hồ sơ giải quyết quá hạn.")
    out["III"] = "\n".join(three)

    # IV. Tasks for next period: unfinished plan tasks first
    four = []
    from ..store import task_done
    open_tasks = [t for t in ws.plan_tasks(p.year) if not task_done(t)]
    for i, t in enumerate(open_tasks[:10], 1):
        four.append(f"{i}. {t['content'].rstrip('.')}.")
    k = len(four)
    four.append(f"{k + 1}. Tiếp tục đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng giải quyết hồ sơ "
                f"tại Bộ phận Một cửa; tăng tỷ lệ hồ sơ trực tuyến và số hóa kết quả giải quyết thủ tục hành chính.")
    four.append(f"{k + 2}. Thực hiện chế độ thông tin báo cáo về công tác cải cách hành chính theo thời gian quy định.")
    out["IV"] = "\n".join(four)
    out["V"] = "Không."
    out["closing"] = (f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {p.label} "
                      f"của {tables.unit_phrase(unit)}./.")
    return out


def _summary(doc: dict) -> str:
    """The trích yếu inside a sentence: 'Về việc …' reads 'về việc …' after the date."""
    text = (doc.get("summary") or "").strip().rstrip(";.")
    return text[0].lower() + text[1:] if text[:3] in ("Về ", "V/v") else text


def _num(x) -> str:
    if x is None:
        return "…"
    return format_number(round(x, 2) if isinstance(x, float) else x)


def _unit(r) -> str:
    u = getattr(r, "unit", "") or ""
    return u if u == "%" else (" " + u if u else "")


def dossier_sentence(ws, code: str, cells=None) -> str:
    """'Trong kỳ, tiếp nhận 2.297 hồ sơ (…); đã giải quyết 2.293 hồ sơ (…), …' from the figures."""
    cells = cells if cells is not None else rollup.values(ws, code)

    def v(key):
        c = cells.get(key)
        return None if c is None else c.value

    def n(key, dec=None):
        x = v(key)
        return "" if x is None else format_number(x, dec)

    if v("dossier.received_total") is None and v("dossier.resolved_total") is None:
        return ""
    parts = []
    for key, lbl in (("dossier.carried_over", "kỳ trước chuyển sang"), ("dossier.received_direct", "trực tiếp"),
                     ("dossier.received_postal", "qua dịch vụ bưu chính công ích"),
                     ("dossier.received_online_partial", "trực tuyến một phần"),
                     ("dossier.received_online_full", "trực tuyến toàn trình")):
        if v(key):
            parts.append(f"{lbl} {n(key)} hồ sơ")
    s = f"Trong kỳ, Bộ phận Một cửa tiếp nhận {n('dossier.received_total') or '…'} hồ sơ"
    if parts:
        s += " (" + "; ".join(parts) + ")"
    if v("dossier.resolved_total") is not None:
        s += f"; đã giải quyết {n('dossier.resolved_total')} hồ sơ"
        res = [f"{lbl} {n(k)}" for k, lbl in (("dossier.resolved_early", "trước hạn"),
                                               ("dossier.resolved_on_time", "đúng hạn"),
                                               ("dossier.resolved_late", "quá hạn")) if v(k) is not None]
        if res:
            s += " (" + ", ".join(res) + ")"
        if v("dossier.on_time_rate") is not None:
            s += f", tỷ lệ giải quyết trước hạn và đúng hạn đạt {format_number(round(v('dossier.on_time_rate'), 2))}%"
    if v("dossier.pending") is not None:
        s += f"; đang giải quyết {n('dossier.pending')} hồ sơ"
    return s + "."


# ---- what prints ------------------------------------------------------------------------
def report_text(ws, code: str) -> dict[str, str]:
    """Every section as it prints: the officer's text where saved, else the draft."""
    saved = ws.sections(code)
    missing = [s for s in ALL_SECTIONS if not (saved.get(s) or "").strip()]
    out = dict(saved)
    if missing:
        drafted = draft_sections(ws, code)
        for s in missing:
            out[s] = drafted.get(s, "")
    return out


def previous_sections(ws, code: str) -> dict[str, str]:
    """The sections saved for the period before *code* (empty when there is none)."""
    prev = tables.previous_code(ws, code)
    return ws.sections(prev) if prev else {}


def save_all(ws, code: str, sections: dict[str, str], label: str = "Sửa nội dung báo cáo"):
    """Save several sections as one undoable operation."""
    with ws.operation(label):
        for name, body in sections.items():
            ws.save_section(code, name, body)
