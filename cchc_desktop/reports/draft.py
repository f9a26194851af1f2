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
    """'6 tháng cuối năm 2022' after 2022-H1, 'Quý II năm 2022' after 2022-Q1, 'tháng 8 năm 2025'
    after 2025-M07; 'thời gian tới' after a custom period (no period follows it)."""
    nxt = periods.following(periods.parse_code(code))
    return nxt.label if nxt is not None else "thời gian tới"


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
class Figures:
    """The period's figures as the appendix prints them, for the sentences of the draft.

    ``text(key)`` is the very text the appendix prints for *key* (tables.format_value), so a
    number in the narrative can never differ from the appendix; a missing figure is None and
    its sentence is left out.
    """

    def __init__(self, ws, cells: dict, trace: dict | None = None):
        self.ws, self.cells = ws, cells
        self.trace = trace if trace is not None else {}   # key → text of every figure written

    def value(self, key):
        c = self.cells.get(key)
        v = None if c is None else getattr(c, "value", c)
        return None if v is None or isinstance(v, str) else v

    def has(self, *keys) -> bool:
        return any(self.value(k) is not None for k in keys)

    def text(self, key) -> str | None:
        v = self.value(key)
        if v is None:
            return None
        text = tables.format_value(self.ws.catalogue.get(key), v)[0]
        self.trace[key] = text
        return text

    def zero(self, key) -> bool:
        return self.value(key) == 0


def _join(parts: list[str], last: str = " và ") -> str:
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last + parts[-1]


def _sentence(text: str) -> str:
    """Capitalised, ending with one full stop (never ';.' or '..')."""
    text = text.strip().rstrip(";,. ")
    return text[:1].upper() + text[1:] + "." if text else ""


def one_stop_name(unit: dict) -> str:
    """'Bộ phận Một cửa' or 'Trung tâm Phục vụ hành chính công', as the unit profile says."""
    return (unit.get("one_stop") or "").strip() or "Bộ phận Một cửa"


def draft_sections(ws, code: str, values: dict | None = None, results: list | None = None,
                   trace: dict | None = None) -> dict[str, str]:
    """A first draft of every section, written from the period's figures.

    *values* are the period's figures (rollup.values) and *results* the evaluated plan
    targets, computed once for the whole set of documents and handed down so that every
    document prints the same figures; both are computed here when not given.  *trace*, when
    given, receives key → printed text of every figure the draft writes.
    """
    p = ws.period(code)
    unit = ws.unit()
    cells = values if values is not None else rollup.values(ws, code)
    if results is None:
        results = tables.target_results(ws, code, cells) or []
    f = Figures(ws, cells, trace)
    who = _short_unit(unit)
    label = tables.period_label(p)
    in_period = f"Trong {label}" if not label.startswith("từ ") else f"Trong thời gian {label}"
    out = {}
    out["subject"] = f"Kết quả thực hiện công tác cải cách hành chính {label}"
    # the basis: the documents that issued the year's CCHC plan (“ban hành Kế hoạch cải cách hành chính …”)
    plans = [d for d in ws.documents(p.window_from, p.window_to)
             if any(w in (d["summary"] or "").lower() for w in ("kế hoạch cải cách hành chính", "kế hoạch cchc"))]
    basis = "; ".join(document_phrase(d) for d in plans[:2])
    out["intro"] = ((f"Thực hiện {basis}. " if basis else "") +
                    f"{unit.get('name')} báo cáo kết quả thực hiện công tác cải cách hành chính {label} như sau:")
    # a section the figures say nothing about still reads as an office writes it, never an empty heading
    out["I"] = "\n".join(_direction(ws, p, f, who, in_period)) or (
        f"{who} tiếp tục chỉ đạo, triển khai thực hiện công tác cải cách hành chính theo kế hoạch đề ra.")
    out["II"] = "\n".join(_results(ws, p, f, unit, who, in_period)) or (
        "Các nhiệm vụ cải cách hành chính được triển khai theo kế hoạch; số liệu cụ thể tại Phụ lục kèm theo.")
    out["III"] = "\n".join(_assessment(f, results, unit))
    # IV. Tasks for next period: unfinished plan tasks first
    four = []
    from ..store import task_done
    open_tasks = [x for x in ws.plan_tasks(p.year) if not task_done(x)]
    for i, x in enumerate(open_tasks[:10], 1):
        four.append(f"{i}. {_sentence(x['content'])}")
    k = len(four)
    four.append(f"{k + 1}. Tiếp tục đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng giải quyết hồ sơ "
                f"tại {one_stop_name(unit)}; tăng tỷ lệ hồ sơ trực tuyến và số hóa kết quả giải quyết thủ tục hành chính.")
    four.append(f"{k + 2}. Thực hiện chế độ thông tin báo cáo về công tác cải cách hành chính theo thời gian quy định.")
    out["IV"] = "\n".join(four)
    out["V"] = "Không."
    out["closing"] = (f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {label} "
                      f"của {tables.unit_phrase(unit)}./.")
    return out


def _direction(ws, p, f: Figures, who: str, in_period: str) -> list[str]:
    """Section I: documents, the year's plan, inspection, propaganda, tasks from above, surveys."""
    t = f.text
    one = []
    docs = [d for d in ws.documents(p.window_from, p.window_to) if d["counts_as_direction"]]
    issued = f.value("direction.documents_issued")
    if issued:
        head = (f"Xác định cải cách hành chính là nhiệm vụ trọng tâm, {who} đã ban hành "
                f"{t('direction.documents_issued')} văn bản để chỉ đạo, điều hành công tác cải cách hành chính")
        # the list only when it is the register the figure counts; a typed figure that differs
        # from the register is an error the checks raise before finalising
        if docs and len(docs) == issued:
            one.append(head + ", gồm:")
            for i, d in enumerate(docs):
                one.append(f"- {document_phrase(d)}" + (";" if i < len(docs) - 1 else "."))
        else:
            one.append(head + ".")
    elif issued == 0:
        one.append(f"{in_period}, {who} chưa ban hành văn bản chỉ đạo, điều hành công tác cải cách hành chính.")
    if f.has("plan.tasks_planned"):
        s = f"Kế hoạch cải cách hành chính năm {p.year} đề ra {t('plan.tasks_planned')} nhiệm vụ"
        if f.value("plan.tasks_done"):
            s += f"; đến nay đã hoàn thành {t('plan.tasks_done')} nhiệm vụ"
            if f.has("plan.completion_rate"):
                s += f", đạt {t('plan.completion_rate')}%"
        elif f.zero("plan.tasks_done"):
            s += ", các nhiệm vụ đang được triển khai thực hiện"
        one.append(s + ".")
    rounds = f.value("inspection.rounds")
    if rounds:
        s = f"Công tác kiểm tra cải cách hành chính: tổ chức {t('inspection.rounds')} đợt kiểm tra, giám sát"
        if f.value("inspection.issues_found"):
            s += f", phát hiện {t('inspection.issues_found')} vấn đề"
            if f.value("inspection.issues_resolved"):
                s += f", đã xử lý xong {t('inspection.issues_resolved')} vấn đề"
            elif f.zero("inspection.issues_resolved"):
                s += ", đang chỉ đạo xử lý"
        elif f.zero("inspection.issues_found"):
            s += ", không phát hiện vấn đề phải xử lý"
        one.append(s + ".")
    elif rounds == 0:
        one.append(f"{in_period}, {who} chưa tổ chức kiểm tra công tác cải cách hành chính.")
    posts = [(k, w) for k, w in (("propaganda.portal_posts", "tin, bài trên Trang thông tin điện tử"),
                                  ("propaganda.press_posts", "tin, bài trên báo, tạp chí"),
                                  ("propaganda.broadcasts", "bản tin, phóng sự trên Đài truyền thanh"))
             if f.value(k)]
    if posts:
        one.append(f"Công tác tuyên truyền cải cách hành chính: đã đăng tải "
                   f"{_join([f'{t(k)} {w}' for k, w in posts], '; ')}.")
    elif f.has("propaganda.portal_posts") and f.zero("propaganda.portal_posts"):
        one.append(f"{in_period}, chưa có tin, bài về cải cách hành chính đăng trên Trang thông tin điện tử.")
    total = f.value("assigned.total")
    if total:
        parts = [f"{w} {t(k)} nhiệm vụ" for k, w in (("assigned.done_on_time", "hoàn thành đúng hạn"),
                                                      ("assigned.done_late", "hoàn thành quá hạn"),
                                                      ("assigned.overdue_open", "quá hạn chưa hoàn thành"))
                 if f.value(k)]
        s = f"Cấp trên giao {t('assigned.total')} nhiệm vụ về cải cách hành chính"
        if parts:
            s += ", đã " + _join(parts, "; ") if parts[0].startswith("hoàn thành") else ", " + _join(parts, "; ")
        if f.zero("assigned.overdue_open") and not f.value("assigned.done_late"):
            s += "; không có nhiệm vụ quá hạn"
        one.append(s + ".")
    elif total == 0:
        one.append(f"{in_period}, cấp trên không giao nhiệm vụ riêng về cải cách hành chính.")
    if f.value("survey.conducted") == 0 or (f.zero("survey.forms") and not f.value("survey.conducted")):
        one.append(f"{in_period}, {who} chưa tổ chức khảo sát sự hài lòng của người dân, tổ chức.")
    elif f.value("survey.forms"):
        s = f"Khảo sát sự hài lòng của người dân, tổ chức: phát ra {t('survey.forms')} phiếu khảo sát"
        method = f.value("survey.method")
        codes = ws.code_list("survey.method") if method is not None else {}
        word = codes.get(method) or codes.get(int(method)) if method is not None and codes else None
        if word:
            s += f" (hình thức: {str(word)[:1].lower() + str(word)[1:]})"
        if f.has("survey.satisfied"):
            s += f"; {t('survey.satisfied')} phiếu hài lòng"
            if f.has("survey.satisfaction_rate"):
                s += f", đạt tỷ lệ {t('survey.satisfaction_rate')}%"
        one.append(s + ".")
    held = f.value("dialogue.held")
    if held == 1:
        one.append(f"Lãnh đạo {who} đã tổ chức đối thoại với người dân, doanh nghiệp.")
    elif held == 0:
        one.append(f"{in_period}, {who} chưa tổ chức đối thoại của lãnh đạo với người dân, doanh nghiệp.")
    return one


CODE_PHRASES = {
    # key: (phrase, value that means done as the law asks)
    "org.working_rules": ("sắp xếp tổ chức bộ máy, ban hành quy chế làm việc", 1),
    "org.cadre_assignment": ("phân công nhiệm vụ phù hợp với trình độ của từng cán bộ", 1),
    "org.civil_servant_assignment": ("phân công nhiệm vụ phù hợp với trình độ của từng công chức", 1),
    "org.decentralisation": ("thực hiện phân cấp quản lý", 1),
    "staff.assessment": ("đánh giá cán bộ, công chức trên cơ sở kết quả thực hiện nhiệm vụ", 1),
    "finance.internal_spending_rules": ("xây dựng, cập nhật quy chế chi tiêu nội bộ, quy chế quản lý và sử dụng "
                                        "tài sản công", 1),
    "finance.asset_transparency": ("công khai, minh bạch trong quản lý, sử dụng tài sản công", 1),
}


def _codes_sentence(f: Figures, keys: list[str]) -> str:
    """'Việc a, b được thực hiện đúng quy định; c chưa đúng quy định.' from coded answers."""
    good = [CODE_PHRASES[k][0] for k in keys if f.value(k) == CODE_PHRASES[k][1]]
    bad = [CODE_PHRASES[k][0] for k in keys if f.value(k) is not None and f.value(k) != CODE_PHRASES[k][1]]
    parts = []
    if good:
        parts.append(f"việc {'; '.join(good)} được thực hiện đúng quy định")
    if bad:
        parts.append(f"việc {'; '.join(bad)} chưa thực hiện đúng quy định")
    return _sentence("; ".join(parts)) if parts else ""


def _results(ws, p, f: Figures, unit: dict, who: str, in_period: str) -> list[str]:
    """Section II: one numbered paragraph group for every area that has figures."""
    t = f.text
    groups = []
    # 2. Institutions
    issued_key = "legal.issued" if f.has("legal.issued") else "legal.issued_commune"
    legal = [(k, w) for k, w in ((issued_key, "ban hành"), ("legal.checked", "kiểm tra"),
                                  ("legal.reviewed", "rà soát")) if f.has(k)]
    if legal:
        done = [f"{w} {t(k)} văn bản" for k, w in legal if f.value(k)]
        if done:
            s = f"{in_period}, {who} đã {_join(done)} quy phạm pháp luật"
            if f.value("legal.flagged"):
                s += f"; {t('legal.flagged')} văn bản có kiến nghị xử lý"
                if f.has("legal.flagged_resolved"):
                    s += f", đã xử lý xong {t('legal.flagged_resolved')} văn bản"
            elif f.zero("legal.flagged") or (f.zero("legal.check_flagged") and not f.value("legal.review_flagged")):
                s += "; qua kiểm tra, rà soát không phát hiện văn bản phải xử lý"
            for kind, word in (("check", "kiểm tra"), ("review", "rà soát")):
                if f.value(f"legal.{kind}_flagged"):
                    s += (f"; {t(f'legal.{kind}_flagged')} văn bản phải xử lý sau {word}, đã xử lý xong "
                          f"{t(f'legal.{kind}_flagged_resolved') or '0'}")
            groups.append(("Cải cách thể chế", [s + "."]))
        else:
            groups.append(("Cải cách thể chế", [f"{in_period}, {who} chưa phát sinh văn bản quy phạm pháp luật "
                                                 f"phải ban hành, kiểm tra, rà soát."]))
    # 3. Procedures
    proc = []
    in_force = "tthc.in_force" if f.has("tthc.in_force") else "tthc.in_force_commune"
    if f.has(in_force):
        s = f"Tổng số thủ tục hành chính đang áp dụng tại đơn vị: {t(in_force)} thủ tục"
        if f.has("tthc.one_stop"):
            s += (f"; {t('tthc.one_stop')}/{t(in_force)} thủ tục được tiếp nhận, trả kết quả "
                  f"theo cơ chế một cửa, một cửa liên thông")
            if f.has("tthc.one_stop_rate"):
                s += f", đạt tỷ lệ {t('tthc.one_stop_rate')}%"
        proc.append(s + ".")
    elif f.has("tthc.one_stop_rate"):
        proc.append(f"Tỷ lệ thủ tục hành chính thực hiện theo cơ chế một cửa, một cửa liên thông đạt "
                    f"{t('tthc.one_stop_rate')}%.")
    if f.has("tthc.online_partial", "tthc.online_full"):
        parts = [f"{t(k)} thủ tục {w}" for k, w in (("tthc.online_partial", "mức độ 3 (một phần)"),
                                                     ("tthc.online_full", "mức độ 4 (toàn trình)")) if f.value(k)]
        if parts:
            proc.append(f"Đơn vị cung cấp dịch vụ công trực tuyến đối với {_join(parts)}.")
    links = [f"{t(k)} thủ tục {w}" for k, w in (
        ("tthc.interlinked_same_level", "liên thông cùng cấp"),
        ("tthc.interlinked_levels", "liên thông giữa các cấp chính quyền"),
        ("tthc.location_independent", "tiếp nhận, giải quyết không phụ thuộc vào địa giới hành chính")) if f.value(k)]
    if links:
        proc.append(_sentence("Thực hiện cơ chế một cửa, một cửa liên thông: " + "; ".join(links)))
    proc.append(dossier_sentence(ws, p.code, f.cells, unit, f))
    if f.value("dossier.resolved_late"):
        if f.has("dossier.apologies"):
            proc.append(f"Đã gửi {t('dossier.apologies')} thư xin lỗi người dân, tổ chức đối với hồ sơ giải quyết quá hạn."
                        if f.value("dossier.apologies") else
                        "Chưa thực hiện xin lỗi người dân, tổ chức đối với hồ sơ giải quyết quá hạn.")
    if f.has("feedback.received"):
        if f.value("feedback.received"):
            s = f"Tiếp nhận {t('feedback.received')} phản ánh, kiến nghị về quy định hành chính"
            if f.has("feedback.resolved"):
                s += f", đã giải quyết xong {t('feedback.resolved')}"
            proc.append(s + ".")
        else:
            proc.append(f"{in_period}, {who} không tiếp nhận phản ánh, kiến nghị nào về quy định hành chính.")
    digi = [f"tỷ lệ {w} đạt {t(k)}%" for k, w in (("digitization.components_rate", "hồ sơ số hóa đầy đủ thành phần"),
                                                ("digitization.results_rate", "hồ sơ số hóa kết quả giải quyết"))
            if f.has(k)]
    if digi:
        proc.append(_sentence("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính: " + "; ".join(digi)))
    if f.has("payment.online_transactions"):
        if f.value("payment.online_transactions"):
            s = f"Có {t('payment.online_transactions')} giao dịch thanh toán trực tuyến phí, lệ phí"
            if f.has("payment.online_rate"):
                s += f", chiếm {t('payment.online_rate')}% tổng số giao dịch"
            proc.append(s + ".")
        else:
            proc.append(f"{in_period}, không phát sinh giao dịch thanh toán trực tuyến.")
    proc = [x for x in proc if x]
    if proc:
        groups.append(("Cải cách thủ tục hành chính", proc))
    # 4. Organisation
    org = []
    if f.has("staff.quota") and f.has("staff.present"):
        org.append(f"Tổng số biên chế được giao {t('staff.quota')} người, có mặt tại thời điểm báo cáo "
                   f"{t('staff.present')} người.")
    elif f.has("staff.quota"):
        org.append(f"Tổng số biên chế được giao: {t('staff.quota')} người.")
    elif f.has("staff.present"):
        org.append(f"Tổng số biên chế có mặt tại thời điểm báo cáo: {t('staff.present')} người.")
    org.append(_codes_sentence(f, ["org.working_rules", "org.cadre_assignment", "org.civil_servant_assignment",
                                   "org.decentralisation"]))
    org = [x for x in org if x]
    if org:
        groups.append(("Cải cách tổ chức bộ máy", org))
    # 5. Civil service
    civ = []
    people = [f"{t(k)} {w}" for k, w in (("staff.cadres", "cán bộ"), ("staff.civil_servants", "công chức")) if f.has(k)]
    rates = [f"{w} {t(k)}%" for k, w in (("staff.cadres_qualified_rate", "tỷ lệ cán bộ đạt chuẩn là"),
                                          ("staff.civil_servants_qualified_rate", "tỷ lệ công chức đạt chuẩn là"))
             if f.has(k)]
    if people or rates:
        s = (f"{who} có {_join(people)}" if people else "")
        civ.append(_sentence(s + ("; " if s and rates else "") + "; ".join(rates)))
    if f.has("staff.training_rate"):
        civ.append(f"Tỷ lệ cán bộ, công chức tham dự các lớp đào tạo, bồi dưỡng đạt {t('staff.training_rate')}%.")
    if f.value("staff.disciplined"):
        civ.append(f"{in_period}, có {t('staff.disciplined')} cán bộ, công chức bị kỷ luật.")
    elif f.zero("staff.disciplined") or f.value("staff.discipline_observed") == 1:
        civ.append(f"{in_period}, cán bộ, công chức chấp hành tốt kỷ luật, kỷ cương hành chính, không có trường hợp "
                   f"bị kỷ luật.")
    civ.append(_codes_sentence(f, ["staff.assessment"]))
    civ = [x for x in civ if x]
    if civ:
        groups.append(("Cải cách chế độ công vụ", civ))
    # 6. Public finance
    fin = []
    if f.has("invest.plan_mvnd", "invest.disbursed_mvnd", "invest.disbursement_rate"):
        parts = []
        if f.has("invest.plan_mvnd"):
            parts.append(f"kế hoạch vốn đầu tư công được giao {t('invest.plan_mvnd')} triệu đồng")
        if f.has("invest.disbursed_mvnd"):
            parts.append(f"đã giải ngân {t('invest.disbursed_mvnd')} triệu đồng")
        if f.has("invest.disbursement_rate"):
            parts.append(f"tỷ lệ giải ngân vốn đầu tư công đạt {t('invest.disbursement_rate')}%")
        fin.append(_sentence(", ".join(parts)))
    fin.append(_codes_sentence(f, ["finance.internal_spending_rules", "finance.asset_transparency"]))
    auto = f.value("finance.autonomy_result")
    if auto == 1:
        fin.append("Thực hiện tự chủ về tài chính có tiết kiệm.")
    elif auto == 2:
        fin.append("Thực hiện tự chủ về tài chính chưa tiết kiệm được kinh phí.")
    if f.value("finance.audit_recommendations_rate"):     # 0 % says nothing: no recommendations, or none handled
        fin.append(f"Tỷ lệ giải quyết các kiến nghị sau thanh tra, kiểm tra, kiểm toán về tài chính, ngân sách đạt "
                   f"{t('finance.audit_recommendations_rate')}%.")
    fin = [x for x in fin if x]
    if fin:
        groups.append(("Cải cách tài chính công", fin))
    # 7. E-government
    egov = []
    for side, word in (("in", "đến"), ("out", "đi")):
        if f.value(f"edoc.{side}_total"):
            s = f"Tổng số văn bản {word}: {t(f'edoc.{side}_total')} văn bản"
            parts = [f"{t(k)} văn bản {w}" for k, w in ((f"edoc.{side}_electronic", "hoàn toàn dưới dạng điện tử"),
                                                        (f"edoc.{side}_parallel", "song song giấy và điện tử"),
                                                        (f"edoc.{side}_signed", "có ký số")) if f.value(k)]
            egov.append(s + (", trong đó " + "; ".join(parts) if parts else "") + ".")
    if f.has("it.staff_using_it"):
        s = f"{t('it.staff_using_it')}"
        s += f"/{t('it.staff_total')}" if f.has("it.staff_total") else ""
        s += " cán bộ, công chức thường xuyên sử dụng công nghệ thông tin trong công việc"
        if f.has("it.computers"):
            s += f"; đơn vị có {t('it.computers')} máy tính phục vụ làm việc"
        egov.append(_sentence(s))
    elif f.has("it.staff_using_it_rate"):
        egov.append(f"Tỷ lệ cán bộ, công chức thường xuyên sử dụng công nghệ thông tin đạt {t('it.staff_using_it_rate')}%.")
    dvc = [f"mức độ {n} đạt {t(k)}%" for k, n in (("dvc.online_rate_partial", 3), ("dvc.online_rate_full", 4)) if f.has(k)]
    if dvc:
        egov.append(_sentence("Tỷ lệ hồ sơ nộp trực tuyến của các thủ tục có phát sinh hồ sơ: " + ", ".join(dvc)))
    for key, word in (("egov.edoc_use_rate_commune", "Tỷ lệ sử dụng văn bản điện tử của UBND cấp xã"),
                      ("egov.reports_national_system_rate",
                       "Tỷ lệ báo cáo định kỳ được gửi, nhận qua Hệ thống thông tin báo cáo quốc gia"),
                      ("egov.commune_docsystem_connected_rate",
                       "Tỷ lệ kết nối, liên thông Hệ thống quản lý văn bản điều hành"),
                      ("egov.one_stop_system_commune_rate",
                       "Tỷ lệ kết nối liên thông với Hệ thống thông tin một cửa điện tử tập trung của tỉnh")):
        if f.value(key):
            egov.append(f"{word} đạt {t(key)}%.")
    done = []
    if f.value("egov.architecture_updated") == 1:
        done.append("cập nhật Kiến trúc chính quyền điện tử phiên bản mới nhất")
    meeting = {1: "vận hành Hệ thống họp trực tuyến liên thông 2 cấp", 2: "vận hành Hệ thống họp trực tuyến liên thông 3 cấp"}
    if f.value("egov.video_conference") in meeting:
        done.append(meeting[f.value("egov.video_conference")])
    if f.value("egov.lgsp") == 2:
        done.append("hoàn thành nền tảng chia sẻ, tích hợp dùng chung (LGSP)")
    elif f.value("egov.lgsp") == 1:
        done.append("đang triển khai nền tảng chia sẻ, tích hợp dùng chung (LGSP)")
    if done:
        egov.append(_sentence("Đã " + "; ".join(done)))
    if f.value("iso.applied") == 1:
        egov.append("Duy trì, áp dụng hệ thống quản lý chất lượng theo Tiêu chuẩn TCVN ISO 9001:2015 trong hoạt động "
                    "của cơ quan.")
    if egov:
        groups.append(("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", egov))
    two = []
    for i, (title, lines) in enumerate(groups, 1):
        two.append(f"{i}. {title}")
        two.extend(lines)
    return two


def _assessment(f: Figures, results: list, unit: dict) -> list[str]:
    """Section III from the plan targets and the figures: what went well, what did not.

    A heading with nothing under it is left out (the officer writes it in the editor)."""
    t = f.text
    good, bad = [], []
    met = [r for r in results if r.status == "met"]
    not_met = [r for r in results if r.status == "not_met"]
    if met:
        good.append("Các chỉ tiêu đạt theo kế hoạch: " + "; ".join(_met_phrase(r) for r in met) + ".")
    on_time_target = any("dossier.on_time_rate" in (r.keys or []) for r in met)
    if not on_time_target and f.has("dossier.on_time_rate") and f.value("dossier.on_time_rate") >= 100 - 1e-9:
        good.append(f"100% hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn tại {one_stop_name(unit)}.")
    total = f.value("assigned.total")
    if total and f.value("assigned.done_on_time") == total:
        good.append(f"Hoàn thành đúng hạn {t('assigned.done_on_time')}/{t('assigned.total')} nhiệm vụ cấp trên giao.")
    if not_met:
        bad.append("Các chỉ tiêu chưa đạt: " + "; ".join(
            f"{_target_label(r)} (đạt {_num(r.actual)}{_unit(r)}, mục tiêu {_num(r.target)}{_unit(r)})"
            for r in not_met) + ".")
    if f.value("dossier.resolved_late"):
        bad.append(f"Còn {t('dossier.resolved_late')} hồ sơ giải quyết quá hạn.")
    if f.value("assigned.overdue_open"):
        bad.append(f"Còn {t('assigned.overdue_open')} nhiệm vụ cấp trên giao quá hạn chưa hoàn thành.")
    # what the obligation checks find, said from the same figures
    late, letters = f.value("dossier.resolved_late"), f.value("dossier.apologies")
    if late and letters is not None and letters < late:
        bad.append(f"Chưa gửi đủ thư xin lỗi đối với hồ sơ giải quyết quá hạn ({t('dossier.apologies')}/"
                   f"{t('dossier.resolved_late')} hồ sơ).")
    quota, present = f.value("staff.quota"), f.value("staff.present")
    if quota is not None and present is not None and present > quota:
        bad.append(f"Số biên chế có mặt ({t('staff.present')} người) vượt số biên chế được giao "
                   f"({t('staff.quota')} người).")
    out = []
    n = 0
    for title, lines in zip(ASSESSMENT_HEADINGS, (good, bad)):
        if lines:
            n += 1
            out.append(f"{n}. {title}")
            out.extend(lines)
    if not out:
        out.append("Công tác cải cách hành chính được triển khai theo kế hoạch đề ra.")
    return out


ASSESSMENT_HEADINGS = ("Ưu điểm", "Tồn tại, hạn chế và nguyên nhân")


def missing_assessment(text: str) -> list[str]:
    """The headings of section III a draft leaves out because nothing in the figures or the
    targets speaks to them: the editor tells the officer to write them (never an empty
    heading on paper)."""
    return [h for h in ASSESSMENT_HEADINGS if f". {h}" not in (text or "")]


def _met_phrase(r) -> str:
    """'tỷ lệ … (100%)', or for a part-year period held to the year's trajectory
    'thực hiện 100% … (đến nay đạt 70,45%, bảo đảm tiến độ)'."""
    if getattr(r, "year_target", None) is not None and r.year_target != r.target:
        return f"{_target_label(r)} (đến nay đạt {_num(r.actual)}{_unit(r)}, bảo đảm tiến độ)"
    return f"{_target_label(r)} ({_num(r.actual)}{_unit(r)})"


def _target_label(r) -> str:
    text = (r.label or "").rstrip(". ")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def document_phrase(doc: dict) -> str:
    """'Kế hoạch số 06/KH-UBND ngày 18/01/2023 về cải cách hành chính năm 2023' from the register.

    The summary follows 'về' as the seeds write it; a summary that repeats the document's kind
    ('Kế hoạch cải cách hành chính năm 2023' of a Kế hoạch) loses the repetition."""
    kind = (doc.get("doc_type") or "Văn bản").strip()
    return f"{kind} số {doc['number']} ngày {format_date(doc['issued_on'])} {_summary(doc)}".strip()


_KEEP_CAPITAL = ("Nghị", "Luật", "Chỉ thị", "Quyết định", "Thông tư", "Đề án", "Chương trình", "Bộ ", "Chính phủ",
                 "Thủ tướng", "UBND", "HĐND", "Ủy ban", "Hội đồng")


def _summary(doc: dict) -> str:
    """The trích yếu inside a sentence: 'về việc …', 'về …'."""
    text = (doc.get("summary") or "").strip().rstrip(";.")
    if not text:
        return ""
    kind = (doc.get("doc_type") or "").strip()
    low = text.lower()
    if low.startswith(("về ", "v/v")):
        return "về việc " + text[4:].strip() if low.startswith("v/v") else "v" + text[1:]
    if kind and low.startswith(kind.lower() + " ") and not low.startswith(kind.lower() + " số"):
        text = text[len(kind) + 1:].strip()          # 'Kế hoạch cải cách…' of a Kế hoạch
    if not text.startswith(_KEEP_CAPITAL) and not text[:2].isupper():
        text = text[:1].lower() + text[1:]
    return "về " + text


def _num(x) -> str:
    if x is None:
        return ""
    return tables.rate_text(x)


def _unit(r) -> str:
    u = getattr(r, "unit", "") or ""
    return u if u == "%" else (" " + u if u else "")


def dossier_sentence(ws, code: str, cells=None, unit: dict | None = None, figures: Figures | None = None) -> str:
    """'Trong kỳ, Bộ phận Một cửa tiếp nhận 2.297 hồ sơ (…); đã giải quyết 2.293 hồ sơ (…), …'
    from the figures, each printed as the appendix prints it; a missing figure leaves its part out."""
    cells = cells if cells is not None else rollup.values(ws, code)
    f = figures if figures is not None else Figures(ws, cells)
    t = f.text
    desk = one_stop_name(unit if unit is not None else ws.unit())
    if not f.has("dossier.received_total", "dossier.resolved_total"):
        return ""
    clauses = []
    if f.has("dossier.received_total"):
        parts = []
        for key, lbl in (("dossier.carried_over", "kỳ trước chuyển sang"), ("dossier.received_direct", "tiếp nhận trực tiếp"),
                         ("dossier.received_postal", "qua dịch vụ bưu chính công ích"),
                         ("dossier.received_online_partial", "trực tuyến một phần"),
                         ("dossier.received_online_full", "trực tuyến toàn trình")):
            if f.value(key):
                parts.append(f"{lbl} {t(key)} hồ sơ")
        s = f"tổng số hồ sơ tiếp nhận tại {desk}: {t('dossier.received_total')} hồ sơ"
        if parts:
            s += " (" + ", ".join(parts) + ")"
        if f.has("dossier.online_rate") and f.value("dossier.online_rate"):
            s += f"; tỷ lệ hồ sơ tiếp nhận trực tuyến đạt {t('dossier.online_rate')}%"
        clauses.append(s)
    if f.has("dossier.resolved_total"):
        s = f"đã giải quyết {t('dossier.resolved_total')} hồ sơ"
        res = [f"{lbl} {t(k)} hồ sơ" for k, lbl in (("dossier.resolved_early", "trước hạn"),
                                                    ("dossier.resolved_on_time", "đúng hạn"),
                                                    ("dossier.resolved_late", "quá hạn")) if f.value(k)]
        if res:
            s += " (" + ", ".join(res) + ")"
        if f.has("dossier.on_time_rate"):
            s += f", tỷ lệ giải quyết trước hạn và đúng hạn đạt {t('dossier.on_time_rate')}%"
        if f.zero("dossier.resolved_late"):
            s += "; không có hồ sơ quá hạn"
        clauses.append(s)
    if f.value("dossier.pending"):
        clauses.append(f"đang giải quyết trong hạn {t('dossier.pending')} hồ sơ")
    elif f.zero("dossier.pending"):
        clauses.append("không có hồ sơ tồn đọng")
    return _sentence("; ".join(clauses))


# ---- what prints ------------------------------------------------------------------------
def report_text(ws, code: str, values: dict | None = None, results: list | None = None) -> dict[str, str]:
    """Every section as it prints: the officer's text where saved, else the draft (written from
    *values* and *results* when the caller computed them for the whole set of documents)."""
    saved = ws.sections(code)
    missing = [s for s in ALL_SECTIONS if not (saved.get(s) or "").strip()]
    out = dict(saved)
    if missing:
        drafted = draft_sections(ws, code, values, results)
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
