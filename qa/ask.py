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
from index.template import load_templates, normalize
from qa import across
from qa.answer import ANSWERED, REFUSED, Answer
from qa.cells import CellMatch, match_cells
from qa.compose import PLACES, num, who
from qa.describe import describe
from qa.doc_number import ASKS_DOC_NUMBER, doc_number_answer
from qa.except_lookups import except_by_lookups
from qa.figures import asks_gap, listed_under, lookup
from qa.intent import COMPARE, DESCRIBE, DIFF, LOOKUP, RANK, SHARE, SUM, asks_lowest, classify
from qa.items_lookups import items_by_lookups
from qa.knowledge import Knowledge
from qa.measure import prose_measure
from qa.named_sum import summed
from qa.operations import Asked, Figures, clarify, no_report, one_report
from qa.part_share import asks_share_of_the_first, item_question, named_lookups, share_of_first, share_of_named
from qa.question import Question, parse
from qa.scope import (
    ASKS,
    SOURCE_SAID,
    WORKED_FROM,
    Filters,
    Scope,
    asked_clause_year,
    asking_clause,
    by_level,
    misspelt_place,
    named_agencies,
    names_used,
    relative_year,
    resolve_scope,
    unknown_place,
    years_in,
)
from qa.side_by_side import compare_by_asking
from qa.text_match import bigrams, without
from qa.verify import EXCEPT, HOW_ASIDE, HOW_SHOWN, uncovered_terms
from qa.vocab import vocabulary as cue_words

Retriever = Callable[[str, int, Sequence[str]], list[tuple[Chunk, float]]]
_QUESTION_WORDS = {"怎么", "么样", "什么", "哪些", "如何", "为什", "么呢", "是不", "不是", "可以", "请问", "一下"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


_ASKS_AMOUNT = re.compile(r"多少|几|百分|比例|比重|占")
_WHICH_ITEM = re.compile(r"哪个|哪家|哪一|哪些|是哪|哪项|哪类")
# 「乡镇中公开数量较多的是某镇」「最多的是…」: a passage that itself says which one leads
_SAYS_WHICH_LEADS = re.compile(r"(?:最|较|比较)(?:多|大|高|少|低|小)的[\u4e00-\u9fff]{0,12}(?:是|为|有)")


def _mostly_latin(q: str) -> bool:
    """An English sentence with a Chinese name in it (「How much did … (本级) budget …」) is English:
    read as Chinese, its few Chinese characters would pick an answer to another question."""
    words = _LATIN_WORD.findall(q)
    return len(words) >= 4 and len(_CJK.findall(q)) < sum(map(len, words)) / 3


# 「哪年…多」「哪个更高」: which of two is asked for
_WHICH = re.compile(r"哪一?年|哪个|哪家|哪一个|谁")
_FOLLOW_UP = re.compile(r"^(那|那么|那个|还有|另外)?.{0,10}(呢|吗)?[?？]?$")


_SPOKEN_POOL = 50  # reports of the years asked read for a body they speak of; more, and none is guessed


class QA:
    """Answers questions over the reports in a store. Cheap to call repeatedly: facts are cached."""

    def __init__(self, store: FactStore, retriever: Retriever | None = None, phraser=None):
        self.kb = Knowledge(store)
        self.figures = Figures(self.kb)
        self.retriever = retriever
        self.phraser = phraser

    def ask(self, question: str, history: Sequence[dict] = (), filters: Filters | None = None) -> Answer:
        token = PLACES.set(places_asked(question))
        try:
            return self._ask_question(question, history, filters)
        finally:
            PLACES.reset(token)

    def _ask_question(self, question: str, history: Sequence[dict], filters: Filters | None) -> Answer:
        question = either_as_which(negated_as_printed(without_asides(carried_from_before(arabic_years(question)))))
        reports = self.kb.reports()
        agencies = {r.agency for r in named_agencies(question, reports)}
        parsed = parse(question.strip(), len(across.group_by_agency([r for r in reports if r.agency in agencies])))
        if followed := len(parsed.parts) == 1 and _scope_follow_up(question.strip(), reports):
            # 「淮安市收到多少件申请？洪泽区呢？」: the second part asks the first again of another scope
            parsed = replace(parsed, parts=followed)
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
        if not _CJK.search(q) or _mostly_latin(q):
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
        followed = bool(prev) and _is_follow_up(q, cm)
        if followed:
            cm = _merge(match_cells(prev, tpl), cm)
            effective = prev + "；" + q
        scope = resolve_scope(q, reports, filters, focus)
        # 「信访局2017年的编制」: a unit no report is of, listed in one agency's staffing table
        pool = [r for r in reports if r.id in filters.reports] if filters.reports else reports
        listed = () if scope.agency_named else self._listing_unit(q, pool)
        if listed:
            scope = resolve_scope(q, reports, replace(filters, reports=listed), focus)
        elif not scope.agency_named and (place := unknown_place(q, reports)):
            # 「区社会事业局2020年公开了多少条…」: a body no report is of, spoken of in one report of its
            # government (its name then stays a word the figure's own sentence must say)
            if spoken := self._speaking_of(place, q, pool):
                scope = resolve_scope(q, reports, replace(filters, reports=spoken), focus)
            else:
                have = "；".join(who(r) for r in reports[:10])
                return Answer(q, REFUSED, f"没有{place}的报告。已导入的报告：{have}。")
        named = named_agencies(q, scope.reports) if scope.agency_named else []
        if named and not followed:
            # 「某审批局办结几件」: an agency's name is no row of the tables (审批 → 行政许可)
            cm = match_cells(without(q, {n for r in named if r.agency for n in names_used(q, r.agency)}), tpl)
        parts = len(cm.strong_rows) + len([c for c in cm.columns if c.column.key != "total"])
        # 「建设和管理委员会…一共多少」: the 和 of a name joins no parts
        # 「…比2017年多，2017年的是多少」: only the clause that asks the year decides the operation
        # 「…称车辆经费较上年减少40%，那上一年的车辆经费是多少」: a clause stating a figure is what the asker
        # already knows, when the clause that asks names what it asks (「…，倒推上年大约是多少」 names nothing)
        clause = asking_clause(effective)
        asking = clause if clause is not None and (
            asked_clause_year(effective) is not None
            or (_STATES_FIGURE.search(effective.replace(clause, "")) and uncovered_terms(clause, ()))) else None
        intent = classify(without(asking or effective, {n for r in named if r.agency
                                                        for n in names_used(effective, r.agency)}),
                          len(across.group_by_agency(named)), parts)
        if intent.kind == DESCRIBE or (cm.empty and not intent.wants_figure) or ASKS_DOC_NUMBER.search(q):
            return self._describe(q, scope, reports, focus)
        answer = self.figures.answer(Asked(q, effective, intent, cm, scope, reports, focus))
        typo = misspelt_place(q, reports)
        # a follow-up (「那律师事务所呢？」) replaces part of the previous question: its own words must
        # be covered, the previous question's were checked when it was answered
        typed = (typo[0],) if typo else ()
        verified = self.figures.verified(q, answer, reports, intent.kind == SHARE, typed)
        one_cell = len({(f.fact.table, f.fact.row_path, f.fact.column_path) for f in answer.figures}) == 1
        # cells of one row under several columns for a question that joins no items (「群众」 read as the
        # 自然人 column beside the 总计 of 「一共」) were one reading of a single figure, not parts asked
        one_asked = one_cell or not _joins_items(without(q, {n for r in named if r.agency
                                                              for n in names_used(q, r.agency)}))
        if verified is not answer and intent.kind == LOOKUP and one_asked and scope.earlier_year is None:
            # the first choice does not cover the question: a runner-up that does may stand (not for a
            # year with no report of its own, whose figures must be dated to it: 「2017年的…」 asked of 2018's)
            verified = self.figures.runner_up(q, answer.figures[0].report, reports, typed) or verified
        answer = verified
        if answer.status == REFUSED and scope.reports and (target := one_report(scope.reports)) is not None:
            answer = self._parts_one_by_one(q, effective, intent.kind, target, reports, typed) or answer
        which = intent.kind in (COMPARE, RANK) or (len(set(scope.years)) == 2 and bool(_WHICH.search(q)))
        if which and answer.status != ANSWERED and len(named) >= 2:
            answer = self._compare_each(q, scope, asks_lowest(q)) or answer
        if answer.status == REFUSED and _WHICH_ITEM.search(q) and not _ASKS_AMOUNT.search(q) \
                and len(across.group_by_agency(scope.reports)) == 1:
            # 「公开数量较多的乡镇是哪个」 of one report: which item leads is said in its text, not worked out across
            # reports; the passages that say it answer (they state no figure of their own making)
            described = self._describe(q, scope, reports, focus)
            if described.status == ANSWERED and _SAYS_WHICH_LEADS.search(described.text):
                answer = described
        if typo and answer.status == ANSWERED:  # say which spelling was read, so a slip is seen
            answer = replace(answer, text=answer.text + f"（问题中的「{typo[0]}」按「{typo[1]}」理解。）")
        return answer

    def _parts_one_by_one(self, q: str, asked: str, kind: str, target: Report, reports: list[Report],
                          typed: tuple[str, ...]) -> Answer | None:
        """A refusal answered from the parts the question names, each asked of the one report as a figure
        question of its own (found and verified the way a plain question for it would be), combined with
        the inputs shown and verified against the whole question again; a whole of fixed items is that
        whole by definition. An answer that found the report's own figures at odds, or asked which one
        was meant, is no refusal and is never replaced. `asked`: the question as the operation reads it."""
        only = Filters(reports=(target.id,))

        def ask(sub: str) -> Answer:
            return self._ask(sub, [], only)

        def holds(got: Answer | None, share: bool = False) -> bool:
            return got is not None and self.figures.verified(q, got, reports, share, typed) is got

        if kind == SHARE and holds(share := self._share_of_lookups(q, ask, target), share=True):
            return share
        if kind in (LOOKUP, SUM) and (whole := summed(q, ask, self.kb.of(target).facts)):
            return whole
        if EXCEPT.search(q):
            return rest if holds(rest := except_by_lookups(q, ask)) else None
        # the items together must still say all the question does (「…一共在职多少人」: 在职 of each)
        if kind in (SUM, DIFF) and holds(parts := items_by_lookups(q, asked, self.kb.of(target), kind, ask)):
            return parts
        return None

    def _share_of_lookups(self, q: str, ask: Callable[[str], Answer], target: Report) -> Answer | None:
        """A share whose whole and part the question names (「…商品和服务支出中，办公费那块占几成」),
        each asked as a figure question of its own. A whole that opens a list of its items has its part
        among them: a like-named item of another list (「基本支出…其中：工资福利支出290.00万元」 for the
        whole 「一般公共预算支出410.00万元，其中：工资福利支出300.00万元」) is another figure."""
        asked = named_lookups(q)
        if asked is None:
            return None
        whole_words, part_words, said = asked
        whole = ask(whole_words + "是多少")
        if said is not None and whole.value != said:
            return None
        part = ask(part_words + "是多少")
        if whole.status == ANSWERED and part.status == ANSWERED and whole.figures and part.figures:
            rf = self.kb.of(target)
            items = listed_under(rf, rf.text(self.kb.store), whole.figures[0].fact)
            own = part.figures[0].fact
            if items and own not in items:
                same = [f for f in items if normalize(f.row_path[-1]) == normalize(own.row_path[-1])]
                if len(same) != 1:
                    return None
                part = lookup(part_words, rf, [prose_measure(same[0])])
        return share_of_named(q, whole, part)

    def _listing_unit(self, q: str, reports: list[Report]) -> tuple[str, ...]:
        """The one report (of the years the question names) whose staffing table lists a unit the
        question names by its own name, its place left off (「信访局」 of 「平潭综合实验区信访局」)."""
        years = set(years_in(q))
        found = []
        for r in reports:
            if years and r.year not in years:
                continue
            if any(core in q and core not in (r.agency or "") for core in self.kb.listed_units(r)):
                found.append(r.id)
        return tuple(found) if len(found) == 1 else ()

    def _speaking_of(self, place: str, q: str, reports: list[Report]) -> tuple[str, ...]:
        """The one report (of the years the question names, a few at most) whose text names the body
        the question names and no report is of (「区资源生态局」 in the zone's own report)."""
        years = set(years_in(q))
        pool = [r for r in reports if r.year in years] if years else []
        if not pool or len(pool) > _SPOKEN_POOL:
            return ()
        tails = [place[i:] for i in range(len(place) - 3)]  # 「年区资源生态局」: the date read before it aside
        found = [r.id for r in pool if any(t in self.kb.of(r).text(self.kb.store) for t in tails)]
        return tuple(found) if len(found) == 1 else ()

    def _compare_each(self, q: str, scope: Scope, lowest: bool) -> Answer | None:
        """Agencies compared by asking each report the measure alone (qa.side_by_side), when the
        comparison's own ranking found no figure every report words alike."""
        groups = across.group_by_agency(scope.reports)
        if len(groups) == 1:  # 「2019年和2014年比，哪年…多」: one agency's two years side by side
            pool = list({r.year: r for r in sorted(groups[0], key=lambda r: r.id)}.values())
        else:
            pool = across.latest_per_agency(by_level(q, scope.reports), scope.years)
        if not 2 <= len(pool) <= 12:
            return None
        names = {n for r in pool if r.agency for n in names_used(q, r.agency)}
        return compare_by_asking(q, pool, names, lambda sub, r: self._ask(sub, [], Filters(reports=(r.id,))),
                                 lowest, asks_gap(q))

    def _ask_parts(self, question: Question, history: list[dict], filters: Filters) -> Answer:
        """Each figure the question asks for, answered on its own; later parts stay in the reports
        the first part was about. One part's figure is never given as the answer to the whole."""
        first = self._ask(question.parts[0], history, filters)
        narrowed = Filters(reports=first.reports) if first.reports else filters
        reports = self.kb.reports()
        answers = [first]
        for p in question.parts[1:]:
            if years_in(p) or named_agencies(p, reports):
                # 「2023年和2024年的申请各多少」: a part that names its own year or agency is asked
                # in the first part's conversation, not inside the first part's reports
                answers.append(self._ask(p, [*history, {"role": "user", "content": question.parts[0]}], filters))
            else:
                answers.append(self._ask(p, history if not first.reports else [], narrowed))
            if answers[-1].status != ANSWERED and asks_share_of_the_first(p):
                item = self._ask(item_question(p), history if not first.reports else [], narrowed)
                answers[-1] = share_of_first(p, first, item) or answers[-1]
        return combine(question.text, one_figure_once(question.parts, answers))

    def _focus(self, prev: str, reports: list[Report], filters: Filters) -> list[Report]:
        return resolve_scope(prev, reports, filters, []).reports

    # ---- passages --------------------------------------------------------------------------
    def _describe(self, q: str, scope: Scope, reports: list[Report], focus: list[Report]) -> Answer:
        if not scope.reports:
            return no_report(q, scope, reports, focus)
        if one_report(scope.reports) is None:
            return clarify(q, scope.reports, "有多份报告符合，请指明是哪一个机关、哪一年的报告：")
        if ASKS_DOC_NUMBER.search(q):  # the report's own 文号, never a number it cites
            report = one_report(scope.reports)
            return doc_number_answer(q, report, self.kb.of(report).text(self.kb.store))
        names = {n for r in scope.reports[:20] if r.agency for n in names_used(q, r.agency)}
        asked = re.sub(r"(?:19|20)\d\d\s*年度?", " ", without(q, names))
        return describe(q, scope.reports, self.kb.store, self.retriever, asked=asked)




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







_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
              "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}(?=\s*年)")


# 「是区直部门还是各乡镇公开的信息更多」: two things set against each other with 还是
_EITHER = re.compile(r"是(?P<a>[^，,。？?是]{2,30}?)还是(?P<b>[^，,。？?]{2,40}?)"
                     r"(?P<more>(?:更|比较)?(?:多|少|高|低|大|小))(?=\s*[？?。]|$)")


# 「当面交的多还是寄来的多」「是网站发的多，还是公告栏贴的多」: each side said with its own 多
_EACH_MORE = re.compile(r"(?:(?<=[，,])|(?<=^)|(?<=是))\s*(?P<a>[^，,。？?]{2,30}?)的?"
                        r"(?P<more>(?:更|比较)?(?:多|少|高|低|大|小))[，,]?\s*还是"
                        r"(?P<b>[^，,。？?]{2,30}?)的?(?P=more)(?=\s*[？?。]|$)")


def either_as_which(question: str) -> str:
    """「是A还是B…更多」「A的多还是B的多」 said as 「A和B…，哪个更多」: the one form of a within-report
    comparison the operations read (which of two items is larger, the figures of both shown)."""
    m = _EITHER.search(question)
    if m is None:
        if (each := _EACH_MORE.search(question)) is None:
            return question
        # 「…的信息是通过网站公开的多，还是…」: what stands before 是 is the scope both sides share
        scope, _, first = each.group("a").rpartition("是")
        scope = scope + "，" if scope else ""
        return (question[:each.start()] + f"{scope}{first}和{each.group('b')}，哪个{each.group('more')}"
                + question[each.end():])
    return question[:m.start()] + f"{m.group('a')}和{m.group('b')}，哪个{m.group('more')}" + question[m.end():]


# 「收入当中不是财政拨款的那块」「不属于财政拨款的收入」: the item said negated, as labels print it (非财政拨款收入)
_NOT_ITEM = re.compile(r"不(?:是|属于)(?P<w>[\u4e00-\u9fff“”\"]{2,10}?)(?:的那?部分|的钱|的)")


def negated_as_printed(question: str) -> str:
    """「…收入当中不是财政拨款的那部分…」 → 「…收入当中非财政拨款…」: the way a final account prints the
    rest of a line (非财政拨款收入); a report that prints no such line leaves 非 uncovered, refused as before."""
    return _NOT_ITEM.sub(lambda m: "非" + m.group("w").strip("“”\""), question)


def without_asides(question: str) -> str:
    """The question less a bracketed aside on how to work the figure out (「（拿今年的数减去增加额推算）」)
    or how to write it (「（保留3位小数）」「请用百分比表示」): the way is ours to find and cite; its
    words (a year, 增加额, 小数) would read as what is asked."""
    return without_method_clauses(HOW_SHOWN.sub("", HOW_ASIDE.sub("", question)).strip(" ，,")) or question


_CLAUSE = re.compile(r"[^，,。？?；;]+[，,。？?；;]?")
_YEAR_SAID = re.compile(r"(?:19|20)\d\d\s*年度?")
_LEADS = r"按照?|根据|依据|照着?|用|拿"  # how a clause says what the working reads
# 「按报告给的增减数，」「照2020年说明里的增加数来算」: the printed change named as the input, with no verb of working
_METHOD_LEAD = re.compile(rf"^(?:{_LEADS})")
# 「按某局报告给出的增减数」: the body whose report the method reads, named before 报告 (kept as the scope)
_BODY_OF_REPORT = re.compile(rf"^(?:{_LEADS}|从)([\u4e00-\u9fff]{{2,12}}?)的?(?:报告|说明|决算|预算)")
_CHANGE_GIVEN = re.compile(r"增减|(?:增加|减少|增长|下降|变化)(?:额|数|的金额|的数)")
_ASK_TAIL = re.compile(r"(?:大约|大概)?(?:是|有)?多少[？?。]?$")


def without_method_clauses(question: str) -> str:
    """The question less the clauses that only say how to work its figure out (「依报告写的减少额倒推，」
    「…，用2018年数和增加额推算。」): a clause holding a working verb (倒推, 推算) and, beside years, only
    the method's words (the report, this year's figure, the printed change). Those words name nothing
    asked (减少额 is no line); a clause that still names something (「用收入减去支出推算」) stays, and so
    does the only clause of a question. A body named as the report read (「按某局报告给出的增减数，」) stays
    as the question's scope, an ask the clause carried (「…，按报告的减少额倒推是多少？」) stays, and so does
    that the figure is worked out (「（推算）」: a level worked back from a rate is an estimate)."""
    v = cue_words()
    clauses = _CLAUSE.findall(question)
    if len(clauses) < 2:
        return question
    kept: list[str] = []
    dropped_ask = worked = False
    for n, clause in enumerate(clauses):
        body = clause.rstrip("，,。？?；; ")
        named = _BODY_OF_REPORT.match(body)
        verb = any(w in body for w in v.method_verbs)
        # (「照2021年决算说明推算」 names the report to read: the scope's, kept)
        if not (verb or (_METHOD_LEAD.match(body) and _CHANGE_GIVEN.search(body))) \
                or SOURCE_SAID.search(body) or WORKED_FROM.search(body):
            kept.append(clause)
            continue
        rest = _YEAR_SAID.sub("|", body[named.end(1):] if named else body)
        for word in v.method_words:
            rest = rest.replace(word, "|")
        # what is left must be said by the question itself (「用2018年的收入和减少额推算」 beside 「…的收入是多少」),
        # by a clause that does not ask (「…，倒推2016年的接待费是多少」 asks the item it names)
        others = "".join(clauses[:n] + clauses[n + 1:])
        left = [w.strip() for w in rest.split("|") if w.strip()]
        if left and (ASKS.search(body) or any(w not in others for w in left)):
            kept.append(clause)
            continue
        dropped_ask = dropped_ask or bool(_ASK_TAIL.search(body))
        worked = worked or verb
        if named:
            kept.append(named.group(1) + "，")
    out = "".join(kept).rstrip("，,；; ")
    if not _CJK.search(out) or out == question:
        return question
    if dropped_ask and not ASKS.search(out):
        out = out.rstrip("。？?") + "是多少？"
    out = out if out[-1] in "。？?" else out + ("？" if question.rstrip()[-1:] in "？?" else "")
    # that the figure is to be worked out stays said: a level worked back from a rate is an estimate
    return out + "（推算）" if worked and not any(w in out for w in v.method_verbs) else out


def places_asked(question: str) -> int | None:
    """The decimal places a question asks its result in (「保留两位小数」 → 2, 「取整」 → 0)."""
    for m in HOW_SHOWN.finditer(question):
        if "取整" in m.group() or "整数" in m.group():
            return 0
        if digits := re.search(r"([一二两三四\d])位小数", m.group()):
            return int(digits.group(1)) if digits.group(1).isdigit() else "〇一二三四".find(digits.group(1)) \
                if digits.group(1) != "两" else 2
    return None


# 「从2020年结转到某镇2021年继续办理的」: carried over from the year before into the year asked
_CARRIED_FROM = re.compile(r"从\s*((?:19|20)\d\d)\s*年度?(?:结转|转)(?:过来|来)?(?:到|至|进|入)?"
                           r"(?P<mid>[^，,。？?\d]{0,12}?)(?P<into>(?:19|20)\d\d)\s*年度?(?:继续办理|继续处理|接着办)?")


def carried_from_before(question: str) -> str:
    """「从2022年结转到某镇2023年继续办理的」 → 「某镇2023年上年结转的」: what came over from the year before
    is the year's 上年结转, printed so; its 继续办理 is no 结转下年度继续办理 (what goes on to the next year)."""
    def said(m: re.Match[str]) -> str:
        if int(m.group("into")) != int(m.group(1)) + 1:
            return m.group()
        return f"{m.group('mid').lstrip('、 ')}{m.group('into')}年上年结转"
    question = _CARRIED_FROM.sub(said, question)
    # 「2024年…从2023年转过来的」: the year before the one the question names, said by its number
    named = {int(y) for y in re.findall(r"(?:19|20)\d\d", question)}
    return _FROM_YEAR.sub(lambda m: "上年" if int(m.group(1)) + 1 in named else m.group(), question)


_FROM_YEAR = re.compile(r"从\s*((?:19|20)\d\d)\s*年度?(?=结转|转过来|转来|转入)")


def arabic_years(question: str) -> str:
    """「二〇二四年」「二零二四年」 → 2024年: a year is a year however it is written; 「去年（2023年）」
    says the year twice, and the year it glosses is the one meant."""
    question = _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group()), question)
    return _GLOSSED_YEAR.sub(r"\1年", question)


_GLOSSED_YEAR = re.compile(r"(?:上一?年度?|去年|前一年|今年|本年度?)\s*[（(]\s*((?:19|20)\d\d)\s*年?度?\s*[)）]")


def _scope_follow_up(question: str, reports: list[Report]) -> tuple[str, str] | None:
    """(the question, the follow-up) when a question ends by asking itself again of another agency
    or year: 「…？洪泽区呢？」, 「…，2023年呢」."""
    m = re.match(r"^(.+?[？?，,；;])\s*([^？?，,；;]{1,16}呢[？?]?)$", question)
    if m and _names_scope_only(m.group(2), reports):
        return m.group(1).rstrip("，,；;") , m.group(2)
    return None


def _names_scope_only(q: str, reports: list[Report]) -> bool:
    """「那2022年呢？」「洪泽区呢？」: a question that names only a year or a place (and asks)."""
    named = named_agencies(q, reports)
    if not (named or years_in(q) or relative_year(q) is not None):
        return False
    names = {n for r in named if r.agency for n in names_used(q, r.agency)}
    return not uncovered_terms(q, (), names)




_STATES_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个百分点|万元|亿元|元)")


def one_figure_once(parts: tuple[str, ...], answers: list[Answer]) -> list[Answer]:
    """Two parts asking different things answered by the very same figure: it answers one of them at
    most, and which one cannot be told, so each such part is refused, saying so."""
    def key(a: Answer) -> tuple | None:
        return (a.value, frozenset(f.fact.id for f in a.figures)) if a.status == ANSWERED and a.figures else None

    keys = [key(a) for a in answers]
    # what each part names (a part restating another, 「…占几成？百分比是多少」, names nothing more)
    named = [frozenset(uncovered_terms(p, ())) for p in parts]
    out = []
    for i, (a, k) in enumerate(zip(answers, keys, strict=True)):
        twins = [j for j, other in enumerate(keys) if j != i and k is not None and other == k
                 and named[i] and named[j] and not (named[i] <= named[j] or named[j] <= named[i])]
        if twins:
            said = "、".join(f"第{j + 1}问" for j in twins)
            shown = num(a.value, a.unit) if a.value is not None else ""
            a = Answer(a.question, REFUSED, f"这一问找到的数字（{shown}）与{said}的是同一个，同一个数字不能同时"
                                            "回答两个不同的问题，无法确定它属于哪一问。", reports=a.reports)
        out.append(a)
    return out


def combine(question: str, answers: list[Answer]) -> Answer:
    """One answer for a question of several parts: each part's answer in turn, the first part's
    figure as the headline only when every part was answered, and every part that could not be
    answered named as such. A partial answer has no headline figure: 「一共多少？其中占多少？」 with
    the share refused must not hand a reader (or an API client) the total as if it were the share."""
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
    value = head.value if head.status == ANSWERED and not missing else None
    return Answer(question, status, text, value, head.unit if value is not None else None,
                  tuple(f for a in answers for f in a.figures), tuple(c for a in answers for c in a.citations),
                  reports=tuple(dict.fromkeys(r for a in answers for r in a.reports)),
                  warnings=tuple(dict.fromkeys(w for a in answers for w in a.warnings))
                  + (("partial",) if missing and answered else ()), parts=tuple(answers))


def _joins_items(text: str) -> bool:
    """Whether a question names several things (a joiner or 各/分别): then each cell it matched is a
    part asked, and one number, however well it covers the words, answers only one of them."""
    v = cue_words()
    return any(w in text for w in (*v.joiners, *v.each))
