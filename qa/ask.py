"""`QA.ask(question, history, filters) -> Answer`: the read path.

scope (which reports) → intent (what kind of answer) → measures (which numbers, from facts) or
passages (retrieval) → composed answer with citations. A figure is only ever stated when a
stored fact holds it; otherwise the answer is a refusal that says what was looked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from index.models import Chunk, Report
from index.store import FactStore
from index.template import load_templates, normalize, split_marker
from qa import across
from qa.answer import AMBIGUOUS as ANS_AMBIGUOUS
from qa.answer import ANSWERED, NEEDS_CLARIFICATION, REFUSED, Answer
from qa.cells import CellMatch, match_cells
from qa.compose import ambiguous_text, breakdown, figures_of, num, pct, quality_notes, who
from qa.describe import describe
from qa.intent import (
    CN_NUMBERS,
    COMPARE,
    DESCRIBE,
    DIFF,
    LOOKUP,
    RANK,
    SHARE,
    SHARE_CUE,
    SUM,
    TREND,
    UNSUPPORTED,
    WHICH_MORE,
    YOY,
    Intent,
    classify,
    without_share_words,
)
from qa.knowledge import Knowledge, ReportFacts, Value, same_agency
from qa.measure import Measure, find_measures, prose_measure, share_base, share_measure, table_measure
from qa.question import Question, parse
from qa.scope import (
    Filters,
    Scope,
    by_level,
    misspelt_place,
    named_agencies,
    names_used,
    relative_year,
    resolve_scope,
    unknown_place,
    years_in,
)
from qa.text_match import bigrams, is_change, prose_candidates, table_candidates, without
from qa.verify import LISTED, Sources, gate, template_words, unasked_words, uncovered_terms

Retriever = Callable[[str, int, Sequence[str]], list[tuple[Chunk, float]]]
_QUESTION_WORDS = {"怎么", "么样", "什么", "哪些", "如何", "为什", "么呢", "是不", "不是", "可以", "请问", "一下"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FOLLOW_UP = re.compile(r"^(那|那么|那个|还有|另外)?.{0,10}(呢|吗)?[?？]?$")


class QA:
    """Answers questions over the reports in a store. Cheap to call repeatedly: facts are cached."""

    def __init__(self, store: FactStore, retriever: Retriever | None = None, phraser=None):
        self.kb = Knowledge(store)
        self.retriever = retriever
        self.phraser = phraser

    def ask(self, question: str, history: Sequence[dict] = (), filters: Filters | None = None) -> Answer:
        reports = self.kb.reports()
        agencies = {r.agency for r in named_agencies(question, reports)}
        parsed = parse(question.strip(), len(across.group_by_agency([r for r in reports if r.agency in agencies])))
        if len(parsed.parts) > 1:
            answer = self._ask_parts(parsed, list(history), filters or Filters())
        else:
            answer = self._ask(question.strip(), list(history), filters or Filters())
        if self.phraser is not None and answer.status == ANSWERED:
            return self.phraser(answer)
        return answer

    def _ask(self, q: str, history: list[dict], filters: Filters) -> Answer:
        if not q:
            return Answer(q, REFUSED, "请输入一个问题，例如「2023年收到多少件政府信息公开申请？」")
        if not _CJK.search(q):
            return Answer(q, REFUSED, "目前只能回答中文提问（the reports are in Chinese; please ask in Chinese），"
                                      "例如「厚街镇2023年收到多少宗信息公开申请？」")
        reports = self.kb.reports()
        if not reports:
            return Answer(q, REFUSED, "还没有导入任何报告。请先导入报告（reportqa ingest 或页面上的上传）。")
        vocabulary = self.kb.vocabulary()
        # the conversation's last question about the reports: an off-topic turn in between set no scope
        prev = _previous_question(history, q, lambda t: bool((bigrams(t) - _QUESTION_WORDS) & vocabulary))
        topical = bool((bigrams(q) - _QUESTION_WORDS) & vocabulary)
        # a follow-up inherits scope, never content: 「那2022年呢？」 may lean on the previous question,
        # 「明天会下雨吗？」 may not (it would repeat the previous figure)
        if not topical and not (prev and _names_scope_only(q, reports)):
            return Answer(q, REFUSED, "这个问题与已导入的报告无关，报告里没有相关内容。可以问信息公开申请、"
                                      "办理结果、行政复议和诉讼、主动公开、预算等方面的问题。")
        focus = self._focus(prev, reports, filters) if prev else []
        tpl = load_templates()["2021"]
        cm = match_cells(q, tpl)
        effective = q
        if prev and _is_follow_up(q, cm):
            cm = _merge(match_cells(prev, tpl), cm)
            effective = prev + "；" + q
        scope = resolve_scope(q, reports, filters, focus)
        if not scope.agency_named and (place := unknown_place(q, reports)):
            have = "；".join(who(r) for r in reports[:10])
            return Answer(q, REFUSED, f"没有{place}的报告。已导入的报告：{have}。")
        named = named_agencies(q, scope.reports) if scope.agency_named else []
        parts = len(cm.strong_rows) + len([c for c in cm.columns if c.column.key != "total"])
        # 「建设和管理委员会…一共多少」: the 和 of a name joins no parts
        intent = classify(without(effective, {n for r in named if r.agency for n in names_used(effective, r.agency)}),
                          len(across.group_by_agency(named)), parts)
        if intent.kind == DESCRIBE or (cm.empty and not intent.wants_figure):
            return self._describe(q, scope, reports, focus)
        answer = self._figure(q, effective, intent, cm, scope, reports, focus)
        typo = misspelt_place(q, reports)
        # a follow-up (「那律师事务所呢？」) replaces part of the previous question: its own words must
        # be covered, the previous question's were checked when it was answered
        typed = (typo[0],) if typo else ()
        verified = self._verified(q, answer, reports, intent.kind == SHARE, typed)
        if verified is not answer and intent.kind == LOOKUP and len(answer.figures) == 1:
            # the first choice does not cover the question: a runner-up that does may stand
            verified = self._runner_up(q, answer.figures[0].report, reports, typed) or verified
        answer = verified
        if typo and answer.status == ANSWERED:  # say which spelling was read, so a slip is seen
            answer = replace(answer, text=answer.text + f"（问题中的「{typo[0]}」按「{typo[1]}」理解。）")
        return answer

    def _stated_share(self, q: str, eff: str, rf: ReportFacts, reports: list[Report]) -> Answer | None:
        """A percentage the report states whose words cover the whole question (「“三公”经费…完成预算的
        69.26%」 for 「三公经费完成预算的百分之几」): stated, it needs no division of ours."""
        rates = [f for f in rf.facts if f.table == "prose" and f.unit == "%"]
        measures = [prose_measure(s.fact) for s in prose_candidates(eff, rates, _names(rf.report, eff), rf.report.year)]
        return self._agreeing(q, eff, rf, measures, reports, share=True)

    def _runner_up(self, q: str, report: Report, reports: list[Report], typed: tuple[str, ...]) -> Answer | None:
        """The answer from the next cells and prose numbers of the ranking that the verifier lets
        through (a 决算 report asked for a 预算 figure: not the 决算数 column ranked first, but the
        预算数 column of another table)."""
        rf = self.kb.of(report)
        names = _names(report, q)
        titles = {key: title for (_, key), title in rf.titles.items()}
        measures = [table_measure(s.fact) for s in table_candidates(q, rf.facts, titles, names)]
        measures += [prose_measure(s.fact) for s in prose_candidates(q, rf.facts, names, report.year)]
        return self._agreeing(q, q, rf, measures, reports, typed=typed)

    def _agreeing(self, q: str, checked: str, rf: ReportFacts, measures: list[Measure], reports: list[Report],
                  share: bool = False, typed: tuple[str, ...] = ()) -> Answer | None:
        """The first of `measures` the verifier lets through, only when every one it lets through says
        the same number: two that differ mean the question cannot tell them apart."""
        passed = []
        for m in measures:
            candidate = _lookup(q, rf, [m])
            if self._verified(checked, candidate, reports, share, typed) is candidate:
                passed.append(candidate)
        if len({a.value for a in passed}) > 1:  # the one that says no more than was asked, if only one
            sources = self._sources(reports)
            extra = [min(unasked_words(checked, f, sources) for f in a.figures) for a in passed]
            least = [a for a, e in zip(passed, extra, strict=True) if e == min(extra)]
            passed = least if len({a.value for a in least}) == 1 else passed
        return passed[0] if passed and len({a.value for a in passed}) == 1 else None

    def _verified(self, question: str, answer: Answer, reports: list[Report], share: bool,
                  typed: tuple[str, ...] = ()) -> Answer:
        """The verifier's word on a figure answer: every content word of the question covered by the
        figures' labels, agencies or vocabulary, and the quantity asked the quantity given."""
        agencies = {f.report.agency for f in answer.figures if f.report.agency}
        agencies |= {r.agency for r in named_agencies(question, reports) if r.agency}
        names = {n for a in agencies for n in names_used(question, a)} | agencies | set(typed)
        return gate(question, answer, names, self._sources(reports), share)

    def _sources(self, reports: list[Report]) -> Sources:
        by_id = {r.id: r for r in reports}

        def titles(report_id: str) -> dict[tuple[str, str], str]:
            r = by_id.get(report_id)
            return self.kb.of(r).titles if r is not None else {}

        return Sources(titles, self.kb.store.text)

    def _ask_parts(self, question: Question, history: list[dict], filters: Filters) -> Answer:
        """Each figure the question asks for, answered on its own; later parts stay in the reports
        the first part was about. One part's figure is never given as the answer to the whole."""
        first = self._ask(question.parts[0], history, filters)
        narrowed = Filters(reports=first.reports) if first.reports else filters
        answers = [first] + [self._ask(p, history if not first.reports else [], narrowed)
                             for p in question.parts[1:]]
        return combine(question.text, answers)

    def _focus(self, prev: str, reports: list[Report], filters: Filters) -> list[Report]:
        return resolve_scope(prev, reports, filters, []).reports

    # ---- figures ---------------------------------------------------------------------------
    def _figure(self, q: str, eff: str, intent: Intent, cm: CellMatch, scope: Scope,
                reports: list[Report], focus: list[Report]) -> Answer:
        def pick(rf: ReportFacts) -> Measure | None:
            if SHARE_CUE.search(eff):  # 「予以公开占比谁更高」 compares shares, not counts
                found = find_measures(rf, cm, without_share_words(eff), across=True)
                return share_measure(rf, found[0]) if found else None
            found = find_measures(rf, cm, eff, across=True)
            return found[0] if found else None

        groups = across.group_by_agency(scope.reports)
        if intent.kind == SUM and len(scope.years) >= 2 and len(scope.reports) >= 2 and len(groups) <= 2:
            # 「两年加起来」: added, not compared; 「合计」 asks to add, it names no 合计 row
            item = _PARTS_END[SUM].sub("", eff)

            def pick_item(rf: ReportFacts) -> Measure | None:
                found = find_measures(rf, cm, item, across=True)
                return found[0] if found else None
            return across.total_over(q, self.kb, scope.reports, pick_item)
        if len(scope.years) == 2 and len(groups) == 1 and len(scope.reports) >= 2 and intent.kind != TREND:
            first, last = sorted(scope.reports, key=lambda r: r.year or 0)[:: len(scope.reports) - 1]
            return (across.year_over_year(q, self.kb, last, first, pick, absolute=_asks_gap(q))
                    or _refuse_figure(q, last))
        if intent.kind in (RANK, COMPARE):
            pool = across.latest_per_agency(by_level(q, scope.reports), scope.years)
            return across.compare(q, self.kb, pool, pick, intent.lowest, rank=intent.kind == RANK,
                                  gap=_asks_gap(q))
        if intent.kind == TREND or (len(scope.years) > 2 and len(groups) == 1):
            if len(groups) != 1:
                return _clarify(q, [g[-1] for g in groups], "想看哪个机关的变化？")
            return across.trend(q, self.kb, groups[0], pick, intent.years_back)
        if not scope.reports:
            return _no_report(q, scope, reports, focus)
        if (m := UNSUPPORTED.search(q)) and not _names_a_cell(m.group(), cm) \
                and not self._names_a_row(m.group(), scope):
            return Answer(q, REFUSED, f"报告的统计表不按「{m.group()}」区分，没有这个数字；"
                                      "可以问申请总数、各类申请人、办理结果、复议诉讼等表内数字。")
        target = _one_report(scope.reports)
        if target is None:
            return _clarify(q, scope.reports, "有多份报告符合，请指明是哪一个机关、哪一年：")
        rf = self.kb.of(target)
        if intent.kind == YOY:
            before = next((r for r in reports if same_agency(r.agency, target.agency)
                           and r.year == (target.year or 0) - 1), None)
            if before is None:
                # 「比2023年增加了多少」: the report may state the change itself
                stated = [m for m in find_measures(rf, cm, eff) if m.kind == "prose" and is_change(m.value.label)]
                if stated:
                    return _lookup(q, rf, stated[:1])
                # the best figure was a level (收入支出总计): the change stated beside it, if one passes
                changes = [f for f in rf.facts if f.table == "prose" and f.row_path and is_change(f.row_path[-1])]
                names = _names(target, eff)
                ranked = [prose_measure(s.fact) for s in prose_candidates(eff, changes, names, target.year)]
                if found := self._agreeing(q, eff, rf, ranked, reports):
                    return found
                last = (target.year or 0) - 1
                text = f"没有{target.agency}{last}年的报告，报告里也没有写明这一变化，无法计算同比变化。"
                return Answer(q, REFUSED, text, reports=(target.id,))
            return (across.year_over_year(q, self.kb, target, before, pick, absolute=_asks_gap(q))
                    or _refuse_figure(q, target))
        measures = find_measures(rf, cm, without_share_words(eff) if intent.kind == SHARE else eff)
        if intent.kind == SHARE and (measures or _WHOLE_OF.match(eff)):
            # 「办结的申请里同意公开的比例」: the part is the row that is not itself a total
            share = _share(q, rf, next((m for m in measures if m.row != "total"), measures[0]) if measures else None,
                           eff)
            # 「（17.46%）」: a percentage the report states, where none can be computed
            if share.status == ANSWERED and self._verified(eff, share, reports, True) is share:
                return share
            return self._stated_share(q, eff, rf, reports) or share
        if intent.kind == SHARE and (stated := self._stated_share(q, eff, rf, reports)):
            return stated
        if not measures:
            return _refuse_figure(q, target)
        if intent.kind == SUM and len(measures) == 1 and measures[0].kind in ("template", "derived"):
            # 「先复议、复议完再去法院起诉的官司一共多少」 names one cell of table 四, in two clauses; 「复议和
            # 诉讼加起来」 names two: the one cell stands when it accounts for every word of the question
            single = _lookup(q, rf, measures)
            if self._verified(eff, single, reports, False) is single:
                return single
        if intent.kind in (SUM, DIFF) and len(measures) < 2:
            measures = _measures_per_part(rf, eff, intent.kind) or measures
        if intent.kind == SUM and len(measures) == 1 and measures[0].kind in ("template", "derived"):
            return _lookup(q, rf, measures)
        if intent.kind in (SUM, DIFF) and len(measures) >= 2:
            return _arith(q, rf, measures, intent.kind)
        if intent.kind == SUM and len(measures) == 1 and (series := _numbered_series(q, rf, measures[0])):
            return _arith(q, rf, series, SUM)  # 「四个季度的用款计划加起来」: 第一…第四季度用款计划
        if intent.kind in (SUM, DIFF):
            # one figure found where several were to be added or subtracted: stating it would answer
            # a different question (「四个季度的用款计划加起来」 is not the first quarter's alone)
            return _refuse_parts(q, rf, measures, intent.kind)
        return _lookup(q, rf, measures)

    def _names_a_row(self, span: str, scope: Scope) -> bool:
        """「当面申请」: a breakdown the national tables lack but this report's own table prints."""
        core = re.sub(r"(提交|提出|递交)$", "申请", span)
        return any(core in label for r in scope.reports[:20] for f in self.kb.of(r).facts
                   if f.table.startswith("g") for label in f.row_path)

    # ---- passages --------------------------------------------------------------------------
    def _describe(self, q: str, scope: Scope, reports: list[Report], focus: list[Report]) -> Answer:
        if not scope.reports:
            return _no_report(q, scope, reports, focus)
        if _one_report(scope.reports) is None:
            return _clarify(q, scope.reports, "有多份报告符合，请指明是哪一个机关、哪一年的报告：")
        return describe(q, scope.reports, self.kb.store, self.retriever)


_GAP = re.compile(r"多了?多少|少了?多少|相差|差多少|差距|差了")


def _asks_gap(q: str) -> bool:
    """「多了多少」「相差多少」 want the size of the difference; 「增长多少」 wants it signed."""
    return bool(_GAP.search(q))


def _names_a_cell(span: str, cm: CellMatch) -> bool:
    """「涉及国家秘密的」 names a row of table 三; 「关于征地拆迁的」 names nothing the tables count."""
    return any(a in span for h in cm.rows for a in (h.row.core, *h.row.aliases) if len(a) >= 2)


def _previous_question(history: list[dict], current: str, topical: Callable[[str], bool]) -> str | None:
    for item in reversed(history):
        if item.get("role") != "user":
            continue
        text = _content_text(item.get("content"))
        if text and text.strip() != current and topical(text):
            return text.strip()
    return None


def _content_text(content) -> str:
    """History content as text: a string, or Gradio's list of blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict))
    if isinstance(content, dict):
        return str(content.get("text", ""))
    return ""


def _is_follow_up(q: str, cm: CellMatch) -> bool:
    """「那企业呢？」「去年呢？」: short, and does not name a full measure of its own."""
    short = len(normalize(q)) <= 12 and bool(_FOLLOW_UP.match(normalize(q)))
    return short and not cm.strong_rows and not cm.derived


def _merge(prev: CellMatch, cur: CellMatch) -> CellMatch:
    return CellMatch(
        rows=cur.strong_rows or prev.rows,
        columns=cur.columns or [c for c in prev.columns if c.table != "t3" or not cur.columns],
        derived=cur.derived or prev.derived,
    )


def _one_report(reports: list[Report]) -> Report | None:
    """The single report meant, treating copies of one report (same agency and year) as one."""
    first = reports[0]
    if all(same_agency(r.agency, first.agency) and r.year == first.year for r in reports):
        return first
    return None


def _clarify(q: str, reports: list[Report], lead: str) -> Answer:
    listing = "；".join(f"{who(r)}（{r.id}）" for r in reports[:12])
    return Answer(q, NEEDS_CLARIFICATION, f"{lead}{listing}。", reports=tuple(r.id for r in reports))


def _names(report: Report, question: str = "") -> frozenset[str]:
    """The names an agency goes by (with a short form the question made up), none for a report without one."""
    return names_used(question, report.agency) if report.agency else frozenset()


def _names_scope_only(q: str, reports: list[Report]) -> bool:
    """「那2022年呢？」「洪泽区呢？」: a question that names only a year or a place (and asks)."""
    named = named_agencies(q, reports)
    if not (named or years_in(q) or relative_year(q) is not None):
        return False
    names = {n for r in named if r.agency for n in names_used(q, r.agency)}
    return not uncovered_terms(q, (), names)


def _no_report(q: str, scope: Scope, reports: list[Report], focus: list[Report] = ()) -> Answer:
    # a follow-up (「那2022年呢？」) names no agency: the one of the conversation is meant
    named = named_agencies(q, reports) or [r for r in reports if any(same_agency(r.agency, f.agency) for f in focus)]
    excluded = [r for r in named if r.year in scope.years]
    if excluded:  # the report exists, but the caller's filter (the picker, the API body) leaves it out
        text = (f"问题问的是{who(excluded[0])}，但它不在当前选定的报告范围内；请改选该报告（"
                f"{excluded[0].id}）或取消筛选后再问。")
    elif named and scope.years:
        have = "、".join(sorted({f"{r.year}年" for r in named if r.year}))
        text = f"没有{named[0].agency}{'/'.join(map(str, scope.years))}年的报告；已导入的有：{have}。"
    elif named:
        text = f"没有找到符合条件的{named[0].agency}报告。"
    else:
        text = "没有找到符合条件的报告。已导入：" + "；".join(who(r) for r in reports[:10]) + "。"
    return Answer(q, REFUSED, text)


def _refuse_figure(q: str, r: Report) -> Answer:
    looked = ("表二、表三、表四的各行各列、其他表格的行列标题" if r.template
              else "报告各表格（收支、功能分类、经济分类、“三公”经费等）的行列标题")
    return Answer(q, REFUSED, f"在{who(r)}的报告中没有找到与「{q}」对应的数字（查找了{looked}和正文中的数字）。",
                  reports=(r.id,))


def _lookup(q: str, rf: ReportFacts, measures: list[Measure]) -> Answer:
    r = rf.report
    parts, notes, used = [], [], []
    for m in measures[:4]:
        v = m.value
        if v.value is None:
            return Answer(q, ANS_AMBIGUOUS, ambiguous_text(rf, v), None, v.unit, *figures_of([(v, r)], rf.titles),
                          reports=(r.id,), warnings=("ambiguous",))
        label = v.label if m.kind != "prose" else f"报告原文：「{v.inputs[0].sentence}」"
        if m.kind == "prose":
            parts.append(f"{who(r)}{label}其中「{v.label}」为{num(v.value, v.unit)}")
        else:
            parts.append(f"{who(r)}「{label}」为{num(v.value, v.unit)}{breakdown(v)}")
        notes += list(m.defaults) + quality_notes(rf, v)
        used.append((v, r))
    text = "；".join(parts) + "。" + "".join(f"（{n}）" if not n.startswith(("注意", "原文")) else n for n in notes)
    head = measures[0].value
    figs, cites = figures_of(used, rf.titles)
    listed = (LISTED,) if len(used) > 1 else ()  # side by side: the verifier checks each on its own
    return Answer(q, ANSWERED, text, head.value, head.unit, figs, cites, reports=(r.id,),
                  warnings=tuple(n for n in notes if n.startswith(("注意", "原文"))) + listed)


_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
_COUNT = re.compile(r"([两二三四五六七八九十]|\d{1,2})个")


def _numbered_series(q: str, rf: ReportFacts, m: Measure) -> list[Measure]:
    """The numbered siblings of a prose figure in its sentence (第一季度…第四季度用款计划), when the
    question asks for that many of them (「四个季度」) or for all (「各」「全部」「所有」)."""
    f = m.value.inputs[0]
    if f.table != "prose" or not _ORDINAL.search(f.row_path[-1]):
        return []
    stem = _ORDINAL.sub("第N", f.row_path[-1])
    series = [x for x in rf.facts if x.table == "prose" and x.sentence == f.sentence and x.unit == f.unit
              and _ORDINAL.sub("第N", x.row_path[-1]) == stem]
    counted = _COUNT.search(q)
    want = (CN_NUMBERS.get(counted.group(1)) or int(counted.group(1))) if counted else None
    if len(series) < 2 or (want != len(series) and not (want is None and re.search(r"各|全部|所有", q))):
        return []
    return [prose_measure(x) for x in series]


def _refuse_parts(q: str, rf: ReportFacts, measures: list[Measure], kind: str) -> Answer:
    r = rf.report
    found = "；".join(f"「{m.value.label}」{num(m.value.value, m.value.unit)}" for m in measures[:3])
    verb = "相加" if kind == SUM else "相减"
    text = (f"{who(r)}报告中只找到{found}，没有找到要{verb}的其他各项，无法算出结果。"
            "可以分别询问每一项，或写明各项的名称。")
    _, cites = figures_of([(m.value, r) for m in measures[:3]], rf.titles)
    return Answer(q, REFUSED, text, citations=cites, reports=(r.id,))


def _share(q: str, rf: ReportFacts, m: Measure | None, eff: str) -> Answer:
    r = rf.report
    base = None
    if m is None or m.kind in ("table", "prose"):
        # 「商品和服务支出里，物业管理费占多大比例」: a whole the question names beats the table's 合计
        if named := _named_whole(eff, rf, m):
            m, base = named
    named_whole = whole_named(eff)
    if base is None and m is not None:
        base = share_base(rf, m)
        names = _names(r, eff)
        if base is not None and named_whole is not None and uncovered_terms(
                named_whole[0], [base[1], *(p for f in base[0].inputs
                                            for p in (*f.row_path, *f.column_path, *template_words(f, r.template)))],
                names):
            # the question names a whole (「商品和服务支出里，物业管理费占…」) the table's total is not
            # (「总支出里」「收入里」 are): that total would answer another question
            return Answer(q, REFUSED, f"在{who(r)}的报告中没有找到问题所说的总数「{named_whole[0]}」，"
                                      "无法计算这个比例。", reports=(r.id,))
    if m is None:
        return _refuse_figure(q, r)
    part = m.value
    if base is None:
        if part.unit in ("%", "个百分点"):  # the report states the share itself
            return _lookup(q, rf, [m])
        figs, cites = figures_of([(part, r)], rf.titles)
        return Answer(q, REFUSED, f"{who(r)}「{part.label}」为{num(part.value, part.unit)}，但报告中找不到它所占的"
                                  "总数，无法计算比例。可以在问题里写明是占什么的比例（如「占“三公”经费的比例」）。",
                      citations=cites, reports=(r.id,))
    whole, whole_label = base
    if whole.value in (None, 0) or part.value is None:
        return _refuse_figure(q, r)
    share = pct(part.value, whole.value)
    text = (f"{who(r)}「{part.label}」{num(part.value, part.unit)}，占{whole_label}{num(whole.value, whole.unit)}的"
            f"{share}%（{part.value} ÷ {whole.value} × 100 = {share}%）。")
    text += "".join(quality_notes(rf, part))
    figs, cites = figures_of([(part, r), (whole, r)], rf.titles)
    return Answer(q, ANSWERED, text, share, "%", figs, cites, reports=(r.id,))


_WHOLE_OF = re.compile(r"^(.{2,40}?)(?:之中|当中|中|里)[，,]?(.+)$")
_PART_OF = re.compile(r"^(.{2,40}?)(?:所占|占了|占到|占)(.{2,30}?)的?(?:比例|比重|百分|几成|多少|份额|几)")


def whole_named(q: str) -> tuple[str, str, bool] | None:
    """(whole, part, part named on its own) when the question names the whole of a share:
    「项目支出占支出总计的比例」 (part before 占, whole after it) or 「“三公”经费中，…占多少」 (whole
    before 中/里). None when it names none (「不予公开的占比」: the table's own total is meant)."""
    after = _PART_OF.match(q)
    if after and uncovered_terms(after.group(2), ()):  # 「占了多大比例」 names no whole
        return after.group(2), after.group(1), True
    if match := _WHOLE_OF.match(q):
        return match.group(1), without_share_words(match.group(2)), False
    return None


def _named_whole(q: str, rf: ReportFacts, m: Measure | None) -> tuple[Measure, tuple[Value, str]] | None:
    """「“三公”经费中，公务用车购置和运行的钱占了百分之多少」: the whole is named before 中/里 and the
    part after it (or by the whole question, `m`). The whole must be another figure in the same
    unit, at least as large as the part."""
    tpl = load_templates()["2021"]
    named = whole_named(q)
    if named is None:
        return None
    head, tail, own_part = named
    wholes = find_measures(rf, match_cells(head, tpl), head)
    if not wholes or wholes[0].value.value is None:
        return None
    w = wholes[0].value
    found = find_measures(rf, match_cells(tail, tpl), tail)
    parts = found if own_part else ([m] if m is not None else []) + found
    for part in parts:
        p = part.value
        if {f.id for f in w.inputs} == {f.id for f in p.inputs} or p.value is None or p.unit != w.unit:
            continue
        if w.value >= p.value > 0:
            return part, (w, f"「{w.label}」")
    return None


_PARTS = {SUM: re.compile(r"[和与及、]|加上|加"), DIFF: re.compile(r"[和与及、比跟同]")}
_PARTS_END = {SUM: re.compile(r"一共|合计|总共|加起来|加在一起|相加|之和|共计|总计|总数"),
              DIFF: re.compile(r"相差|差多少|差了|差距|多多少|少多少|多了|少了|多出|高多少|低多少"
                               r"|(?:哪个|哪项|哪一项|哪一个|谁)(?:更|比较)?(?:多|少|高|低|大|小)")}


_ONLY_QUALIFIER = re.compile(r"年初预算|调整预算|预算数|决算数|预算|决算|执行数|计划|实际|的|[?？。，\s]")


def _measures_per_part(rf: ReportFacts, q: str, kind: str = SUM) -> list[Measure]:
    """「办公费和印刷费加起来」「项目支出比基本支出少多少」: each named item looked up on its own, when
    the question lists several. A printed name that holds a joiner (「商品和服务支出」) is one item."""
    head = _PARTS_END[kind].split(without(q, _names(rf.report, q)))[0]
    joined = sorted({lbl for f in rf.facts if f.table != "prose" and f.row_path
                     for lbl in [split_marker(f.row_path[-1])[1]] if len(lbl) >= 3 and _PARTS[kind].search(lbl)
                     and lbl in head}, key=len, reverse=True)
    for i, lbl in enumerate(joined):
        head = head.replace(lbl, f"\x00{i}\x00")
    parts = [p for p in _PARTS[kind].split(head) if len(p.strip()) >= 2]
    parts = [re.sub(r"\x00(\d+)\x00", lambda m: joined[int(m.group(1))], p) for p in parts]
    if len(parts) < 2:
        return []
    # 「公务接待费决算比预算少多少」: a later part that only names the other figure of the same item
    first_item = _ONLY_QUALIFIER.sub("", parts[0])
    parts = parts[:1] + [first_item + p if not _ONLY_QUALIFIER.sub("", p).strip() else p for p in parts[1:]]
    tpl = load_templates()["2021"]
    found: list[Measure] = []
    for part in parts:
        got = find_measures(rf, match_cells(part, tpl), part)
        if got and all(got[0].value.inputs[0].id != m.value.inputs[0].id for m in found):
            found.append(got[0])
    return found if len(found) == len(parts) else []


def _arith(q: str, rf: ReportFacts, measures: list[Measure], kind: str) -> Answer:
    r = rf.report
    vals = [m.value for m in measures if m.value.value is not None]
    unit = vals[0].unit
    if kind == SUM:
        total = sum((v.value for v in vals), start=vals[0].value * 0)
        formula = " + ".join(f"{v.label} {num(v.value, v.unit)}" for v in vals)
        text = f"{who(r)}{formula} = {num(total, unit)}。"
        value = total
    elif WHICH_MORE.search(q):  # 「哪个多」: the larger (or for 少/低, the smaller) named, the gap shown
        lowest = bool(re.search(r"[少低小]", WHICH_MORE.search(q).group()))
        big, small = sorted(vals[:2], key=lambda v: v.value, reverse=True)
        pick = small if lowest else big
        value = pick.value
        gap = big.value - small.value
        text = (f"{who(r)}「{pick.label}」{'更少' if lowest else '更多'}：{big.label} {num(big.value, unit)}，"
                f"{small.label} {num(small.value, unit)}，相差{num(gap, unit)}"
                f"（{num(big.value, unit)} − {num(small.value, unit)} = {num(gap, unit)}）。")
    elif _GAP.search(q) and vals[0].value < vals[1].value:  # 「决算比预算少多少」: the gap, not a negative
        a, b = vals[0], vals[1]
        value = b.value - a.value
        text = (f"{who(r)}{a.label} {num(a.value, unit)}，{b.label} {num(b.value, unit)}，前者比后者少"
                f"{num(value, unit)}（{num(b.value, unit)} − {num(a.value, unit)} = {num(value, unit)}）。")
    else:
        a, b = vals[0], vals[1]
        value = a.value - b.value
        text = f"{who(r)}{a.label} {num(a.value, unit)} − {b.label} {num(b.value, unit)} = {num(value, unit)}。"
    for v in vals:
        text += "".join(quality_notes(rf, v))
    figs, cites = figures_of([(v, r) for v in vals], rf.titles)
    return Answer(q, ANSWERED, text, value, unit, figs, cites, reports=(r.id,))


def combine(question: str, answers: list[Answer]) -> Answer:
    """One answer for a question of several parts: each part's answer in turn, the first part's
    figure as the headline only when the first part was answered, and every part that could not
    be answered named as such."""
    lines, missing = [], []
    for i, a in enumerate(answers, 1):
        lines.append(f"（{i}）{a.text}")
        if a.status != ANSWERED:
            missing.append(i)
    head = answers[0]
    answered = [a for a in answers if a.status == ANSWERED]
    status = ANSWERED if answered else head.status
    text = "\n".join(lines)
    if missing and answered:
        text += "\n" + "、".join(f"第{i}问" for i in missing) + "没有找到可靠的数字，只回答了其余部分。"
    value = head.value if head.status == ANSWERED else None
    return Answer(question, status, text, value, head.unit if value is not None else None,
                  tuple(f for a in answers for f in a.figures), tuple(c for a in answers for c in a.citations),
                  reports=tuple(dict.fromkeys(r for a in answers for r in a.reports)),
                  warnings=tuple(dict.fromkeys(w for a in answers for w in a.warnings))
                  + (("partial",) if missing and answered else ()))
