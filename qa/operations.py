"""The figure operations, one handler each, dispatched from a table.

A figure question is answered by the handler of its operation: across reports (a sum over years,
a change between two years, a comparison or ranking, a trend), or within one report (a change the
report states, a share, a sum or difference, a lookup). Every handler returns an `Answer` or
refuses; none states a figure the verifier would not let through, and the verifier's plumbing
(names in scope, the sources a figure's words are read from, runner-ups) lives here beside them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import product

from index.models import Fact, Report
from index.prose_facts import DAY_UNITS
from index.store import FactStore
from index.template import load_templates, normalize
from qa import across
from qa.answer import AMBIGUOUS, ANSWERED, NEEDS_CLARIFICATION, REFUSED, Answer, Figure
from qa.average import (
    MONTHS,
    amount_question,
    asks_average,
    asks_per_month,
    asks_span_average,
    count_beside,
    printed_span,
    span_question,
)
from qa.before_year import (
    RunningTotal,
    asks_before_year,
    running_totals,
    stock_question,
    unnamed_children_dropped,
)
from qa.cells import CellMatch, match_cells
from qa.complement import complement_of
from qa.compose import figures_of, num, places_asked, quotient, who
from qa.figures import (
    PARTS_END,
    WHOLE_OF,
    arithmetic,
    asks_gap,
    coded_items,
    divided,
    in_one_unit,
    item_parts,
    lookup,
    measures_per_part,
    names_of,
    numbered_series,
    quoted_whole,
    refuse_figure,
    refuse_item,
    refuse_parts,
    share_answer,
    shown_label,
    units_of_a_column,
    whole_of_share,
)
from qa.from_to import from_to_pairs
from qa.intent import (
    COMPARE,
    DIFF,
    LOOKUP,
    RANK,
    RATIO,
    SHARE,
    SHARE_CUE,
    SUM,
    TREND,
    UNSUPPORTED,
    YOY,
    Intent,
    without_share_words,
)
from qa.knowledge import Knowledge, ReportFacts, Value, cell_label, same_agency
from qa.lists import whole_of
from qa.measure import Measure, find_measures, prose_measure, share_base, share_measure, table_measure
from qa.prior_level import printed_again, prior_from_rate, prior_level
from qa.ratio import ratio_answer, ratio_parts
from qa.scope import (
    Scope,
    asked_clause_year,
    asking_clause,
    by_level,
    named_agencies,
    names_used,
    report_names,
    without_worked_from,
)
from qa.sections import Sections, years_named
from qa.text_match import (
    COMPARED_YEAR,
    asks_rate,
    best_prose_fact,
    bigrams,
    dated_before,
    dated_last_to,
    dated_to,
    is_change,
    one_amount_rounded,
    prose_candidates,
    said_in_question,
    same_item,
    states_a_number,
    synonym_bigrams,
    table_candidates,
    without,
)
from qa.verify import (
    AVERAGE,
    BEFORE_YEAR,
    COMPLEMENT,
    EXCEPT,
    INSIDE_END,
    OUTSIDE,
    WORKED_BACK,
    Sources,
    excepted,
    excepted_whole,
    figure_context,
    gate,
    list_head,
    narrower_item,
    pair_split,
    unasked_words,
    uncovered_terms,
    unheld_labels,
)
from qa.vocab import vocabulary

_ESTIMATE_ASKED = re.compile(r"大约|大概|约|估算|估计|左右|倒推|推算|反推|往回算|回推")
_RATE_SAID = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")


def _says_rate(question: str, rate: Decimal) -> bool:
    """The question quotes the printed rate itself (「说比上年增长3%，那上年是多少」): its asker works
    back from it knowingly, so the estimate needs no 大约 to be asked for."""
    return any(Decimal(m.group(1)) == rate for m in _RATE_SAID.finditer(question))


_RANK_MARGIN = 2.0  # ranking score by which a row the words name must beat a differing one
# a figure of part of the year (「1-6月」「上半年」「每月」) is no year's total to average over its months
_PART_OF_YEAR = re.compile(r"\d{1,2}\s*[-—－至到]\s*\d{1,2}\s*月|上半年|下半年|季度|每月|每个月|月均")
_MARGIN = 3  # characters of unasked words by which the figure that says least must beat the next
_ITEM_NAMED = 6  # characters of a change's subject the question does not say: an item of its own
_REST_ASKED = re.compile(r"[，,\s]*(?:还有|还剩|其余|剩下|剩余|另外|余下)|的")
_ITEM_JOINS = re.compile(r"和|与|及|以及|、")
_REST = re.compile(r"^[，,\s]*|(?<=[，,])\s*(?:还有|还剩|其余的?|剩下的?|剩余的?|另外)(?:各[类项种])?|还剩")


@dataclass(frozen=True)
class Asked:
    """A figure question as read: its text (`eff` carries a follow-up's previous question), its
    operation, the template cells it names, its scope, and the conversation's reports in focus."""

    q: str
    eff: str
    intent: Intent
    cm: CellMatch
    scope: Scope
    reports: list[Report]
    focus: list[Report]


Handler = Callable[["Figures", Asked], "Answer | None"]


class Figures:
    """Figure answers over the knowledge base, and the verifier's word on each."""

    def __init__(self, kb: Knowledge):
        self.kb = kb
        # the last verdict, kept whole in one tuple (a thread reads it or another's, never a mix): a
        # look-up verifies its answer to try the complement, and the asker verifies the same answer again
        self._last_verdict: tuple[Answer, tuple, Answer] | None = None

    def verified(self, question: str, answer: Answer, reports: list[Report], share: bool,
                  typed: tuple[str, ...] = ()) -> Answer:
        """The verifier's word on a figure answer: every content word of the question covered by the
        figures' labels, agencies or vocabulary, and the quantity asked the quantity given."""
        key = (question, tuple(r.id for r in reports), share, typed)
        last = self._last_verdict
        if last is not None and last[0] is answer and last[1] == key:
            return last[2]
        agencies = {f.report.agency for f in answer.figures if f.report.agency}
        agencies |= {r.agency for r in named_agencies(question, reports) if r.agency}
        names = {n for a in agencies for n in names_used(question, a)} | agencies | set(typed)
        names |= {n for f in answer.figures for n in report_names(question, f.report)}
        verdict = gate(question, answer, names, self.sources(reports), share)
        self._last_verdict = (answer, key, verdict)
        return verdict

    def sources(self, reports: list[Report]) -> Sources:
        by_id = {r.id: r for r in reports}

        def titles(report_id: str) -> dict[tuple[str, str], str]:
            r = by_id.get(report_id)
            return self.kb.of(r).titles if r is not None else {}

        def labels(report_id: str) -> frozenset[str]:
            r = by_id.get(report_id)
            return self.kb.of(r).printed_labels if r is not None else frozenset()

        def text(report_id: str) -> str:
            r = by_id.get(report_id)
            return self.kb.of(r).text(self.kb.store) if r is not None else self.kb.store.text(report_id)

        return Sources(titles, text, labels)

    def agreeing(self, q: str, checked: str, rf: ReportFacts, measures: list[Measure], reports: list[Report],
                  share: bool = False, typed: tuple[str, ...] = (), ask_which: bool = False) -> Answer | None:
        """The first of `measures` the verifier lets through, only when every one it lets through says
        the same number: two that differ mean the question cannot tell them apart (`ask_which`: then
        the answer lists them, each cited, and asks which one was meant)."""
        passed = []
        for m in measures:
            candidate = lookup(q, rf, [m])
            if self.verified(checked, candidate, reports, share, typed) is candidate:
                passed.append(candidate)
        if any(p.value is not None for p in passed):  # a cell the parse could not settle gives way
            passed = [p for p in passed if p.value is not None]
        if len({a.value for a in passed}) > 1 and all(len(a.figures) == 1 for a in passed) \
                and all(same_item(passed[0].figures[0].fact, a.figures[0].fact) for a in passed) \
                and (finest := one_amount_rounded([a.value for a in passed])):
            # 「本年支出90333.39万元」 and 「2016本年支出90333.4万元」: one amount printed to different places
            passed = [a for a in passed if a.value == finest]
        if len({a.value for a in passed}) > 1:  # the one that says clearly less beyond what was asked
            sources = self.sources(reports)
            extra = [min(unasked_words(checked, f, sources) for f in a.figures) for a in passed]
            least = [a for a, e in zip(passed, extra, strict=True) if e == min(extra)]
            others = [e for a, e in zip(passed, extra, strict=True) if a.value != least[0].value]
            if len({a.value for a in least}) == 1 and min(others) - min(extra) >= _MARGIN:
                passed = least
        if passed and len({a.value for a in passed}) == 1:
            return passed[0]
        return _which_one(q, rf, passed) if ask_which and passed else None

    def stated_share(self, q: str, eff: str, rf: ReportFacts, reports: list[Report]) -> Answer | None:
        """A percentage the report states whose words cover the whole question (「“三公”经费…完成预算的
        69.26%」 for 「三公经费完成预算的百分之几」): stated, it needs no division of ours."""
        # a rate of change (「…支出增长80%」) is no share of anything
        rates = [f for f in rf.facts if f.table == "prose" and f.unit == "%" and not is_change(f.row_path[-1])]
        names = names_of(rf.report, eff)
        measures = [prose_measure(s.fact) for s in prose_candidates(eff, rates, names, rf.report.year,
                                                                    kind=rf.report.kind)]
        return self.agreeing(q, eff, rf, measures, reports, share=True)

    def runner_up(self, q: str, report: Report, reports: list[Report], typed: tuple[str, ...]) -> Answer | None:
        """The answer from the next cells and prose numbers of the ranking that the verifier lets
        through (a 决算 report asked for a 预算 figure: not the 决算数 column ranked first, but the
        预算数 column of another table)."""
        rf = self.kb.of(report)
        names = names_of(report, q)
        titles = {key: title for (_, key), title in rf.titles.items()}
        measures = [table_measure(s.fact) for s in table_candidates(q, rf.facts, titles, names, kind=report.kind)]
        # a sentence's other number whose own words the question never says (「1名卫生员」 beside 「在职人员共
        # 7人」) is no runner-up: the sentence's words covering the question are its neighbour's
        asked = bigrams(without(normalize(q), names)) | synonym_bigrams(q)
        measures += [prose_measure(s.fact) for s in prose_candidates(q, rf.facts, names, report.year,
                                                                     kind=report.kind)
                     if bigrams(s.fact.row_path[-1]) & asked]
        return self.agreeing(q, q, rf, measures, reports, typed=typed, ask_which=True)


    # ---- dispatch ---------------------------------------------------------------------------
    def answer(self, a: Asked) -> Answer:
        """The handler of the question's operation: across reports first (each says whether it
        applies), else within the one report the scope names."""
        # 「2018年以前累计…」 of the 2018 report: one report's running total, whatever else the words say
        # (历年 would read as a trend over years)
        one = one_report(a.scope.reports) if a.scope.reports else None
        if one is not None and (before := asks_before_year(a.eff, one.year)) \
                and (got := self._before_year(a, one, before)):
            return got
        if one is not None and (month := asks_per_month(a.eff)) and not asks_average(a.eff):
            return self._per_month(a, one, month)
        if one is not None and (per := asks_average(a.eff)):
            return self._average(a, one, per)
        if (span := asks_span_average(a.eff)) and (got := self._span_average(a, span)):
            return got
        for handler in _ACROSS:
            got = handler(self, a)
            if got is not None:
                return got
        if not a.scope.reports:
            return no_report(a.q, a.scope, a.reports, a.focus)
        # a breakdown the disclosure tables lack (台湾, 网上提交) asked of disclosure reports, said outside the
        # agency's own name (「台湾工作部」 is a body; a finance report's 台侨 lines are its own)
        bodies = {n for r in a.scope.reports[:20] for n in names_of(r, a.q)}
        if all(r.template for r in a.scope.reports[:20]) and (m := UNSUPPORTED.search(without(a.q, bodies))) \
                and not _names_a_cell(m.group(), a.cm) \
                and not self.names_a_row(m.group(), a.scope) \
                and not (m.group() in _DAYS_ASKED and self.states_days(a.scope)):
            return Answer(a.q, REFUSED, f"报告的统计表不按「{m.group()}」区分，没有这个数字；"
                                        "可以问申请总数、各类申请人、办理结果、复议诉讼等表内数字。")
        target = one_report(a.scope.reports)
        if target is None:
            return clarify(a.q, a.scope.reports, "有多份报告符合，请指明是哪一个机关、哪一年：")
        if a.scope.earlier_year is not None:
            return self._earlier_year(a, target, a.scope.earlier_year)
        if a.scope.later_year is not None:
            return self._later_year(a, target, a.scope.later_year)
        if (m := EXCEPT.search(a.eff)) and a.intent.kind == SUM \
                and len(item_parts(self.kb.of(target), a.eff[m.end():].lstrip("的，, "), SUM)) >= 2:
            # 「除了基本建设以外，办公费和印刷费加起来多少」: the items are listed after the
            # except, which only says what they are not
            rest = a.eff[:m.start()] + a.eff[m.end():].lstrip("的，, ")
            return _WITHIN[SUM](self, replace(a, eff=rest), target)
        if (m := EXCEPT.search(a.eff)) and (_REST_ASKED.match(a.eff, m.end()) or m.group().endswith("部分")
                                             or m.group("o")):
            # 「除了不予公开以外，还有多少件」: the whole less what it names (「除了纠正以外，以“其他结果”
            # 结的」 names its own item: looked up as it is)
            return self._except(a, target)
        return _WITHIN.get(a.intent.kind, Figures._lookup)(self, a, target)

    def _earlier_year(self, a: Asked, target: Report, year: int) -> Answer:
        """A year the agency has no report of, asked of its next report: only a sentence of that report
        dated to the year asked (「截至2020年底，…共有车辆9辆」) may answer, never a cell of its own year."""
        rf = self.kb.of(target)
        dated = _dated_sentences(rf, year)
        found = self._dated_figure(a, target, dated)
        if found is None and (in_section := _of_a_section_dated(rf, rf.text(self.kb.store), year, dated)):
            # 「一、2018年预算执行情况」 of a report that then sets out 2019's budget: the section's figures are
            # 2018's too, when no sentence dated to the year itself answers
            found = self._dated_figure(a, target, dated + in_section)
        if found is None and in_section and a.intent.kind in (SUM, DIFF, SHARE):
            # 「2020年…哪个多」「…加起来多少」 of a report whose first section tells of 2020: the
            # operation over that year's figures alone, as over a report of its own
            found = self._within_year(a, target, rf, dated + in_section)
        # a stated share is looked up as any figure is (「…占比80.29%，较2019年下降10.33个百分点」)
        if found is None and a.intent.kind in (LOOKUP, SHARE) and (worked := self._worked_back(a, target, year)):
            return worked
        if found is None:
            return Answer(a.q, REFUSED, f"没有{target.agency}{year}年的报告；它{target.year}年的报告里也没有写明"
                                        f"{year}年的这一数字。", reports=(target.id,))
        if found.status != ANSWERED:
            return found
        note = f"（没有{year}年的报告，此数取自{who(target)}报告中对{year}年的说明。）"
        return replace(found, text=found.text + note)

    def _within_year(self, a: Asked, target: Report, rf: ReportFacts, facts: list[Fact]) -> Answer | None:
        """The operation's own handler over only the figures dated to the year asked, or None."""
        dated = copy(self)
        dated.kb = _OneReportAs(self.kb, target, _year_view(rf, facts, self.kb.store))
        got = _WITHIN[a.intent.kind](dated, a, target)
        return got if got.status == ANSWERED else None

    def _dated_figure(self, a: Asked, target: Report, dated: list[Fact]) -> Answer | None:
        """The answer among figures dated to the year asked, or None."""
        view = ReportFacts(target, dated, [])
        measures = find_measures(view, a.cm, a.eff) if a.intent.kind == LOOKUP else []
        found = lookup(a.q, view, measures) if measures else None
        if found is not None and found.status == ANSWERED \
                and self.verified(a.q, found, a.reports, False) is not found:
            # a figure dated to the year that answers something else: another dated one may (the total
            # before 其中, not its member), else the level may still be worked back
            ranked = [prose_measure(s.fact) for s in prose_candidates(a.eff, dated, names_of(target, a.eff), None,
                                                                      kind=target.kind)]
            found = self.agreeing(a.q, a.q, view, ranked, a.reports)
        return found

    def _later_year(self, a: Asked, target: Report, year: int) -> Answer:
        """A year after the agency's latest report: only a sentence of that report dated to the year asked
        (a budget's estimate for the years after its own, 「2021年度预计支出76.2万元」) may answer, said so."""
        rf = self.kb.of(target)
        dated = [f for f in rf.facts if f.table == "prose" and dated_last_to(dated_before(f), year)]
        view = ReportFacts(target, dated, [])
        ranked = [prose_measure(s.fact) for s in prose_candidates(a.eff, dated, names_of(target, a.eff), None,
                                                                  kind=target.kind)]
        found = self.agreeing(a.q, a.q, view, ranked, a.reports) if a.intent.kind == LOOKUP and ranked else None
        if found is None or found.status != ANSWERED:
            return Answer(a.q, REFUSED, f"没有{target.agency}{year}年的报告；它{target.year}年的报告里也没有写明"
                                        f"{year}年的这一数字。", reports=(target.id,))
        note = f"（没有{year}年的报告，此数取自{who(target)}报告中对{year}年的预计或安排，不是{year}年的实际数。）"
        return replace(found, text=found.text + note)

    def _worked_back(self, a: Asked, target: Report, year: int) -> Answer | None:
        """The year before a report's own, from the level it prints and the change against 上年 printed
        right after it (「行政运行10.73万元，较上年决算数减少17.68万元」 → 10.73 + 17.68): the level must
        answer the question for the report's own year, verified as any answer is."""
        rf = self.kb.of(target)
        asked = without_worked_from(a.eff)
        readings = [asked]
        if asked_clause_year(asked) == year:
            # 「…减少了一些，2015年它的本年收入是多少」: the clause asking the year, when it names the item;
            # 「…比2017年多，2017年的是多少」: what was said, less the change
            clause = asking_clause(asked)
            readings = [clause] if clause else []
            readings.append(_SAID_CHANGE.sub("", asked))
        elif (clause := asking_clause(asked)) and _SAID_CHANGE.search(asked.replace(clause, "")):
            # 「…称车辆经费较上年减少40%，上一年的车辆经费约多少」: the premise states the change, the
            # clause that asks names the level
            # (or, when that clause names nothing, by the premise less its change: 「…较上年少了40%，上一年呢」)
            readings = [_RELATIVE_BEFORE.sub("", clause), _RELATIVE_BEFORE.sub("", _SAID_CHANGE.sub("", asked))]
        found = measures = None
        for reading in readings:
            # (the year asked said relative to the report's: 「上一年的支出预算」 is read as the report's own)
            now = _RELATIVE_BEFORE.sub("", reading.replace(f"{year}年", f"{target.year}年"))
            # 「本年收入390.96万元」 in the overview and 「2017年收入390.96万元，比2016年决算数增加…」 in its
            # own section: several printings of one level, each a reading of the same figure
            measures = [m for m in find_measures(rf, a.cm, now) if m.kind == "prose"]
            if not measures and (best := best_prose_fact(now, rf.facts, names_of(target, now), target.year,
                                                          kind=target.kind)):
                measures = [prose_measure(best.fact)]  # a level worked back is a sentence's, never a cell's
            if not measures:
                continue
            if len({m.value.value for m in measures}) == 1:
                found = next((got for m in measures if (got := lookup(now, rf, [m])).status == ANSWERED
                              and self.verified(now, got, a.reports, False) is got), None)
            elif (got := self.agreeing(now, now, rf, measures, a.reports)) is not None and got.status == ANSWERED:
                # 「收入预算」 of 「部门收入预算为…（产业奖补收入预算为…）」: the one the verifier lets through
                found, measures = got, [prose_measure(f.fact) for f in got.figures]
            if found is None:
                # the sentence ranked first may answer another question (「…安排的机关运行经费支出」 for
                # 「一般公共预算拨款支出」): the ranked sentences, each verified, one number among them
                ranked = [prose_measure(s.fact) for s in prose_candidates(now, rf.facts, names_of(target, now),
                                                                          target.year, kind=target.kind)]
                if (got := self.agreeing(now, now, rf, ranked, a.reports)) is not None and got.status == ANSWERED:
                    found, measures = got, [prose_measure(f.fact) for f in got.figures]
            if found is not None:
                break
        if found is None or not measures:
            return None
        levels = [m.value.inputs[0] for m in measures]
        # the level found may be printed again where the change stands beside it
        worked = {q.value: q for level in levels for f in (level, *printed_again(level, rf.facts))
                  if (q := prior_level(f, rf.facts, year, target.year, target.kind))}
        p = next(iter(worked.values())) if len(worked) == 1 else None
        own = any(r.agency == target.agency and r.year == year for r in a.reports)
        lead = (f"按问题所说，从{who(target)}报告推算（{year}年本身的报告是另一份）。" if own
                else f"没有{target.agency}{year}年的报告。")
        if p is None and (r := prior_from_rate(measures[0].value.inputs[0], rf.facts, year, target.year)) \
                and (_ESTIMATE_ASKED.search(a.eff) or _says_rate(a.eff, r.change.value)):
            # 「…同比增长120.9%，那么2013年大约多少」: an estimate asked, from the rounded rate
            level, rate = r.level, r.change
            factor = f"(1 {'−' if r.down else '+'} {rate.value}%)"
            text = (f"{lead}{who(target)}报告写明「{shown_label(level)}」为{num(level.value, level.unit)}，"
                    f"「{rate.row_path[-1]}」{rate.value}%，由此估算{year}年约为{num(level.value, level.unit)} ÷ "
                    f"{factor} ≈ {num(r.value, level.unit)}（估算值：百分比是四舍五入后印出的，结果只是约数）。")
            vals = [Value(f.value, f.unit, (f,), shown_label(f)) for f in (level, rate)]
            figs, cites = figures_of([(v, target) for v in vals], rf.titles)
            return Answer(a.q, ANSWERED, text, r.value, level.unit, figs, cites, reports=(target.id,))
        if p is None:
            return None
        level, change = p.level, p.change
        sign = "+" if p.down else "−"
        text = (f"{lead}{who(target)}报告写明「{shown_label(level)}」为"
                f"{num(level.value, level.unit)}，「{change.row_path[-1]}」{num(change.value, change.unit)}，"
                f"由此推算{year}年为{num(level.value, level.unit)} {sign} {num(change.value, change.unit)} = "
                f"{num(p.value, level.unit)}（推算值，不是报告直接印出的数）。")
        vals = [Value(f.value, f.unit, (f,), shown_label(f)) for f in (level, change)]
        figs, cites = figures_of([(v, target) for v in vals], rf.titles)
        return Answer(a.q, ANSWERED, text, p.value, level.unit, figs, cites, reports=(target.id,),
                      warnings=(WORKED_BACK,))

    def _before_year(self, a: Asked, target: Report, before: re.Match) -> Answer | None:
        """「2013年以前累计公开了多少」 of the 2013 report: its running total less the year's own part, when
        exactly one such pair's total covers the question's other words (verified as any answer is)."""
        rf = self.kb.of(target)
        asked = stock_question(a.eff, before)
        pairs = unnamed_children_dropped(running_totals(rf.facts, target.year), asked)
        measures = [prose_measure(p.total) if p.total.table == "prose" else table_measure(p.total) for p in pairs]
        total = self.agreeing(asked, asked, rf, measures, a.reports) or self._ranked_total(asked, rf, pairs, a.reports)
        if total is None:
            return None
        found: dict[Decimal, RunningTotal] = {}
        chosen = total.figures[0].fact
        for p in sorted(pairs, key=lambda p: p.total != chosen):  # the total ranked first, then its other printings
            # (a sentence saying it again; another row of the table that happens to hold the same number is
            # another measure)
            if p.total == chosen or (p.total.value == total.value and p.total.table == "prose"):
                found.setdefault(p.total.value - p.year.value, p)
        if len(found) != 1:
            return None
        (rest, pair), = found.items()
        t, y = pair.total, pair.year
        said = [shown_label(f) if f.table == "prose" else table_measure(f).value.label for f in (t, y)]
        text = (f"{who(target)}报告没有直接写{target.year}年以前的数，按累计数减去{target.year}年的部分推算："
                f"「{said[0]}」{num(t.value, t.unit)} − 「{said[1]}」{num(y.value, y.unit)} = "
                f"{num(rest, t.unit)}（推算值，不是报告直接印出的数）。")
        vals = [Value(f.value, f.unit, (f,), label) for f, label in zip((t, y), said, strict=True)]
        figs, cites = figures_of([(v, target) for v in vals], rf.titles)
        return Answer(a.q, ANSWERED, text, rest, t.unit, figs, cites, reports=(target.id,), warnings=(BEFORE_YEAR,))

    def _per_month(self, a: Asked, target: Report, month: re.Match) -> Answer:
        """「平均每个月公开多少条」: the year's figure the question names, looked up and verified as asked
        without the per-month words, over the report year's twelve months (a figure the report prints
        per month, or for part of a year, is none of it)."""
        rf = self.kb.of(target)
        asked = amount_question(a.eff, month).replace("平均", "")
        measures = find_measures(rf, a.cm, asked)
        found = self.agreeing(asked, asked, rf, measures, a.reports) if measures else None
        f = found.figures[0].fact if found is not None and found.status == ANSWERED and found.figures else None
        if f is None or len(found.figures) != 1 or f.value is None or _PART_OF_YEAR.search(
                " ".join(f.row_path + f.column_path) + (f.sentence or "")):
            return Answer(a.q, REFUSED, f"{who(target)}的报告没有写每月的平均数，也没有找到可以按12个月平均的"
                                        "全年数字。", reports=(target.id,))
        label = shown_label(f) if f.table == "prose" else cell_label(f)
        places, value = places_asked(), quotient(f.value, Decimal(MONTHS))
        text = (f"{who(target)}报告没有写每月的平均数，按全年{MONTHS}个月推算：「{label}」{num(f.value, f.unit)} ÷ "
                f"{MONTHS} ≈ {num(value, f.unit)}（推算值，保留{places}位小数）。")
        return Answer(a.q, ANSWERED, text, value, f.unit, found.figures, found.citations, reports=(target.id,),
                      warnings=(AVERAGE,))

    def _average(self, a: Asked, target: Report, per: re.Match) -> Answer:
        """「平均每条微博被转发几次」: the amount the question names, looked up and verified as asked without
        the 平均每… words, divided by the one count its sentence prints in the measure word asked."""
        rf = self.kb.of(target)
        tpl = load_templates()["2021"]
        printed = [m for m in find_measures(rf, a.cm, a.eff) if "平均" in m.value.label or "均" in m.value.label]
        if printed and (said := self.agreeing(a.q, a.eff, rf, printed, a.reports)) is not None:
            return said  # 「平均每件办理用时3天」: the report prints the average itself
        asked = amount_question(a.eff, per)
        # 「审批局…」: the agency's name is no row of the tables (审批 would read as 行政许可)
        plain = without(asked, set(names_used(asked, target.agency))) if target.agency else asked
        measures = [m for m in find_measures(rf, match_cells(plain, tpl), asked) if m.kind == "prose"]
        amount = self.agreeing(asked, asked, rf, measures, a.reports) if measures else None
        count = count_beside(amount.figures[0].fact, rf.facts, per) if amount is not None else None
        if amount is None or count is None:
            return Answer(a.q, REFUSED, f"{who(target)}的报告没有写「{per.group()}」的平均数，也没有在同一句里"
                                        f"同时写出所问的总量和按「{per.group('unit')}」计的个数，无法推算平均数。",
                          reports=(target.id,))
        total = amount.figures[0].fact
        places, value = places_asked(), quotient(total.value, count.value)
        text = (f"{who(target)}报告原文：「{total.sentence}」报告没有直接写平均数，按「{shown_label(total)}」"
                f"{num(total.value, total.unit)} ÷ 「{shown_label(count)}」{num(count.value, count.unit)} 推算："
                f"平均每{per.group('unit')}约{num(value, total.unit)}（推算值，保留{places}位小数）。")
        vals = [Value(f.value, f.unit, (f,), shown_label(f)) for f in (total, count)]
        figs, cites = figures_of([(v, target) for v in vals], rf.titles)
        return Answer(a.q, ANSWERED, text, value, total.unit, figs, cites, reports=(target.id,),
                      warnings=(AVERAGE,))

    def _span_average(self, a: Asked, span: tuple[int, int]) -> Answer | None:
        """「2021-2023年…平均每年多少」: a figure a report prints for that very span (a three-year plan),
        verified as asked without the per-year words, divided by the years it spans."""
        years = span[1] - span[0] + 1
        asked = span_question(a.eff)
        for report in [r for r in a.scope.reports if span[0] <= r.year <= span[1]]:
            rf = self.kb.of(report)
            spanned = [f for f in rf.facts if f.table == "prose" and printed_span(f) == span]
            ranked = [prose_measure(s.fact) for s in prose_candidates(asked, spanned, names_of(report, asked), None,
                                                                      kind=report.kind)]
            found = self.agreeing(asked, asked, rf, ranked, a.reports) if ranked else None
            if found is None or found.value is None or len(found.figures) != 1:
                continue
            total = found.figures[0].fact
            places, value = places_asked(), quotient(total.value, Decimal(years))
            text = (f"{who(report)}报告原文：「{total.sentence}」其中「{shown_label(total)}」为"
                    f"{num(total.value, total.unit)}，是{span[0]}—{span[1]}年共{years}年的数；报告没有写每年的数，"
                    f"按{years}年平均推算：{num(total.value, total.unit)} ÷ {years} = {num(value, total.unit)}"
                    f"（推算值，保留{places}位小数）。")
            return Answer(a.q, ANSWERED, text, value, total.unit, found.figures, found.citations,
                          reports=(report.id,), warnings=(AVERAGE,))
        return None

    def _ranked_total(self, asked: str, rf: ReportFacts, pairs: list[RunningTotal], reports: list[Report]
                      ) -> Answer | None:
        """The running total whose row the question's words rank clearly first among those the verifier
        lets through (「一共受理过多少条申请」: 受理…申请总数, not 行政复议数, which its loose words also pass)."""
        titles = {key: title for (_, key), title in rf.titles.items()}
        cells = [p.total for p in pairs if p.total.table != "prose"]
        ranked = table_candidates(asked, cells, titles, names_of(rf.report, asked), k=len(cells), kind=rf.report.kind)
        passed = []
        for s in ranked:
            got = lookup(asked, rf, [table_measure(s.fact)])
            if self.verified(asked, got, reports, False) is got:
                passed.append((s.score, got))
        if not passed:
            return None
        rivals = [score for score, got in passed[1:] if got.value != passed[0][1].value]
        return passed[0][1] if not rivals or passed[0][0] - max(rivals) >= _RANK_MARGIN else None

    def _except(self, a: Asked, target: Report) -> Answer:
        """「A里除了B以外还有多少」: A − B, each found by its own words and each covering them; never A
        alone (the verifier reads 「除了B以外」 as naming what is not asked, so A would pass). 「除去B和C」
        takes off each item named."""
        rf = self.kb.of(target)
        m = EXCEPT.search(a.eff)
        excluded = excepted(m)
        rest = _REST.sub("", a.eff[:m.start()] + "，" + a.eff[m.end():])
        inside_of = a.eff[:m.start()].rstrip("，, ")
        if within := excepted_whole(m):
            # 「商品和服务支出里有多少不属于基本支出」: the item of the 基本支出 list named as the question's
            # own item is taken off the item of the widest list
            excluded = f"{within}里的{_item_asked(without(inside_of, names_of(rf.report, a.eff)).strip())}"
            rest = _GLOSS.sub("", rest)  # 「（花在项目上）」 says again what lies outside the whole
        tpl = load_templates()["2021"]
        whole = quoted_whole(rest, rf) or find_measures(rf, match_cells(rest, tpl), rest)
        refused = Answer(a.q, REFUSED, f"在{who(target)}的报告中没有找到能相减的总数和「{excluded}」的数字"
                                       "（各自对应问题里的说法），无法算出除去它以后的数。", reports=(target.id,))

        def taken_off(items: list[str]) -> list[Measure] | None:
            found = []
            for item in items:
                if (part := self._excepted_part(a, rf, whole, item, inside_of)) is None:
                    return None
                found.append(part)
            return found

        named = [x.strip() for x in _ITEM_JOINS.split(excluded) if x.strip()] if not within else [excluded]
        several = len(named) > 1 and all(len(x) >= 2 for x in named)
        # each item named, else the words as one item's name (「政策和法规类」 may be printed so)
        parts = ((several and taken_off(named)) or taken_off([excluded])) if whole else None
        if not parts or (within and not _listed_within(rf, parts[0], whole[0], within)):
            return refused
        ok = bool(whole and parts) and self.verified(rest, (got := lookup(rest, rf, [whole[0]])), a.reports,
                                                     False) is got
        ids = [p.value.inputs for p in parts]
        if not ok or len(set(ids)) < len(ids) or whole[0].value.inputs in ids or whole[0].value.value is None \
                or any(p.value.value is None for p in parts) \
                or whole[0].value.value < sum(p.value.value for p in parts):
            return refused
        done = arithmetic(a.q, rf, [whole[0], *parts], DIFF)
        if done.status == ANSWERED:
            done = replace(done, text=f"除「{excluded}」以外：" + done.text,
                           warnings=(*done.warnings, OUTSIDE) if within else done.warnings)
            if len(parts) == 1 and (others := self._other_items(rf, whole[0], parts[0])) is not None:
                done = _against_the_items(done, rf, others)
        return done

    def _excepted_part(self, a: Asked, rf: ReportFacts, whole: list[Measure], item: str,
                       inside_of: str) -> Measure | None:
        """The figure of one item taken off a whole, found by its own words (or read inside the whole the
        question names first: 「三公经费里，…公车那块」 is 公车 of the 三公 lines) and verified so."""
        tpl = load_templates()["2021"]
        part = find_measures(rf, match_cells(item, tpl), item)
        if part and whole[0].kind == "prose" and part[0].value.unit != whole[0].value.unit:
            # 「主动公开的…刨掉其他类」: the item of the whole's own list, not a table row named 其他
            prose = [f for f in rf.facts if f.table == "prose" and f.unit == whole[0].value.unit]
            part = [prose_measure(c.fact) for c in prose_candidates(item, prose, names_of(rf.report, a.eff),
                                                                    rf.report.year)] or part
        if not part:
            return None
        for words in (item, inside_of + "，" + item):
            got = lookup(words, rf, [part[0]])
            if self.verified(words, got, a.reports, False) is got:
                return part[0]
        return None

    def _other_items(self, rf: ReportFacts, whole: Measure, part: Measure) -> list[Fact] | None:
        """The items a prose total announces (「…28.15万元，…具体情况如下：（一）…4.50万元…（二）…8.10万元…
        （三）…15.54万元」) other than the one left out, when the total is such a head and the part one of them."""
        if whole.kind != "prose" or part.kind != "prose":
            return None
        head, left_out = whole.value.inputs[0], part.value.inputs[0]
        text = rf.text(self.kb.store)
        opening = (head.sentence or "").strip()[:30]
        items = [f for f in rf.facts if f.table == "prose" and f.unit == head.unit and f.span and f.sentence
                 and f.span[0] > head.span[0] and opening and opening in list_head(text, f.span[0])]
        firsts: dict[str, Fact] = {}
        for f in sorted(items, key=lambda f: f.span[0]):
            firsts.setdefault(f.sentence, f)  # an item's own figure is the first of its sentence
        listed = list(firsts.values())
        if len(listed) < 2 or left_out.id not in {f.id for f in listed}:
            return None
        return [f for f in listed if f.id != left_out.id]

    def pick(self, a: Asked, question: str | None = None, checked: bool = False
             ) -> Callable[[ReportFacts], Measure | None]:
        """The measure each report gives when several are set side by side. `checked`: only one the
        verifier lets through for the question by itself (then reports that word the same thing
        differently, 「全年政府信息主动公开」 beside 「门户网站公开政府信息共计」, are alike)."""
        eff = a.eff if question is None else question

        def pick(rf: ReportFacts) -> Measure | None:
            if question is None and SHARE_CUE.search(eff):  # 「哪个区部分公开的占比最高」 compares shares
                found = find_measures(rf, a.cm, without_share_words(eff), across=True)
                return share_measure(rf, found[0]) if found else None
            found = find_measures(rf, a.cm, eff, across=True)
            if not found:
                return None
            if checked and found[0].kind == "prose":
                alone = lookup(eff, rf, found[:1])
                return found[0] if self.verified(eff, alone, a.reports, False) is alone else None
            return found[0]
        return pick

    # ---- across reports ---------------------------------------------------------------------
    def _sum_over_years(self, a: Asked) -> Answer | None:
        """「两年加起来」「淮安市和洪泽区一共」: added, not compared; 「合计」 asks to add, it names no 合计 row."""
        groups = across.group_by_agency(a.scope.reports)
        several = len(a.scope.years) >= 2 or (a.scope.agency_named and len(groups) >= 2)
        if not (a.intent.kind == SUM and several and 2 <= len(a.scope.reports) <= 6):
            return None
        return across.total_over(a.q, self.kb, a.scope.reports, self.pick(a, PARTS_END[SUM].sub("", a.eff)))

    def _two_years(self, a: Asked) -> Answer | None:
        groups = across.group_by_agency(a.scope.reports)
        if not (len(a.scope.years) == 2 and len(groups) == 1 and len(a.scope.reports) >= 2 and a.intent.kind != TREND):
            return None
        first, last = sorted(a.scope.reports, key=lambda r: r.year or 0)[:: len(a.scope.reports) - 1]
        if a.intent.kind == YOY and (found := self._two_years_of_an_item(a, self.kb.of(last))):
            return found  # the later report prints both years of the item: like with like
        return (across.year_over_year(a.q, self.kb, last, first, self.pick(a), absolute=asks_gap(a.q))
                or refuse_figure(a.q, last))

    def _compare(self, a: Asked) -> Answer | None:
        if a.intent.kind not in (RANK, COMPARE):
            return None
        pool = across.latest_per_agency(by_level(a.q, a.scope.reports), a.scope.years)
        gap = asks_gap(a.q)
        # 「A和B哪个高？高多少？」: two set side by side, and the gap between them is the figure asked
        rank = a.intent.kind == RANK and not (gap and len(pool) == 2)
        return across.compare(a.q, self.kb, pool, self.pick(a, checked=True), a.intent.lowest, rank=rank, gap=gap,
                              checked=True)

    def _trend(self, a: Asked) -> Answer | None:
        groups = across.group_by_agency(a.scope.reports)
        if not (a.intent.kind == TREND or (len(a.scope.years) > 2 and len(groups) == 1)):
            return None
        if len(groups) != 1:
            return clarify(a.q, [g[-1] for g in groups], "想看哪个机关的变化？")
        held = {r.year for r in groups[0]}
        if len(a.scope.years) >= 2 and len(held & set(a.scope.years)) < 2:
            # 「2014年的是多少？到2015年变了多少？」 where only 2015's report is held: one year is no
            # change; the change may still be stated in the later report, else there is none to give
            latest = groups[0][-1]
            got = self._change(a, latest)
            if got.status == ANSWERED:
                return got
            lacking = "、".join(str(y) for y in sorted(set(a.scope.years) - held))
            return Answer(a.q, REFUSED, f"没有{latest.agency}{lacking}年的报告，{who(latest)}的报告里也没有写明"
                                        "可比的数字，无法说明变化。", reports=(latest.id,))
        return across.trend(a.q, self.kb, groups[0], self.pick(a), a.intent.years_back)

    # ---- within one report ------------------------------------------------------------------
    def _change(self, a: Asked, target: Report) -> Answer:
        """A change over the year before: from the two reports, else as the report states it."""
        rf = self.kb.of(target)
        if (than := _THAN_A_MEMBER.search(a.eff)) and len(item_parts(rf, a.eff, DIFF)) >= 2 \
                and any(than.group(1) in g and "上年" not in g for g in vocabulary().contrasts):
            # 「年末结余比年初增加了多少」: compared with another figure of the same report, not a year
            return self._sum_or_difference(replace(a, intent=replace(a.intent, kind=DIFF)), target)
        # 「较2022年增长多少」: the report may state the change itself; as stated it stands even where the
        # year before is held too (the agency's own figure, from bases a later report may have revised)
        stated = [m for m in find_measures(rf, a.cm, a.eff) if m.kind == "prose" and is_change(m.value.label)]
        # the best figure was a level (收入支出总计), or a change of another item: the change whose own
        # words (its clause's subject carried over) the verifier lets through
        changes = [f for f in rf.facts if f.table == "prose" and f.row_path and is_change(f.row_path[-1])]
        names = names_of(target, a.eff)
        ranked = [prose_measure(s.fact) for s in prose_candidates(a.eff, changes, names, target.year,
                                                                  kind=target.kind)]
        if (found := self.agreeing(a.q, a.eff, rf, stated + ranked, a.reports)) and not self._names_more(a, found):
            return found
        if found := self._two_years_of_an_item(a, rf):  # both years printed side by side in the item
            return found
        if found := self._from_to(a, rf):  # 「由每人每月300元提高到462元」: the change is 462 − 300
            return found
        before = next((r for r in a.reports if same_agency(r.agency, target.agency)
                       and r.year == (target.year or 0) - 1), None)
        if before is None and (found := self._over_the_year(a, target)):
            return found
        if before is None and (found := self._outturn_and_plan(a, target)):
            return found
        if before is not None:
            return (across.year_over_year(a.q, self.kb, target, before, self.pick(a), absolute=asks_gap(a.q))
                    or refuse_figure(a.q, target))
        if stated:
            return lookup(a.q, rf, stated[:1])  # the verifier at the end says why it cannot stand
        last = (target.year or 0) - 1
        text = f"没有{target.agency}{last}年的报告，报告里也没有写明这一变化，无法计算同比变化。"
        return Answer(a.q, REFUSED, text, reports=(target.id,))

    def _outturn_and_plan(self, a: Asked, target: Report) -> Answer | None:
        """「2021年预算比2020年实际多了多少」 of a report whose own section tells of the year before
        (「一、2020年财政预算执行情况」): that section's figure against the same item of the report's own year."""
        if target.year is None:
            return None
        rf, last = self.kb.of(target), target.year - 1
        dated = _dated_sentences(rf, last)
        in_section = _of_a_section_dated(rf, rf.text(self.kb.store), last, dated)
        if not in_section:
            return None
        then = _year_view(rf, dated + in_section, self.kb.store)
        # the item without the change asked (「比上年增加了」) or the years (the two parts', not words a
        # label must hold)
        item = _YEARS_SAID.sub("", _SAID_CHANGE.sub("", a.eff))
        return across.years_of_one_report(a.q, target, then, rf.of_years(frozenset({target.year})), (last, target.year),
                                          self.pick(a, item, checked=True), absolute=asks_gap(a.q))

    def _over_the_year(self, a: Asked, target: Report) -> Answer | None:
        """「一年下来结转结余减少了多少」 with no year compared: the change within the report's year, its
        年末 level less its 年初 level, each looked up and verified as the item asked at that end."""
        if COMPARED_YEAR.search(a.eff) or not (verb := across.HOW_MUCH_CHANGED.search(a.eff)):
            return None
        item = _WITHIN_YEAR.sub("", a.eff[:verb.start()]).rstrip("的，, ")
        rf = self.kb.of(target)
        ends = []
        for end in ("年初", "年末"):
            asked = f"{item}{end}是多少"
            measures = find_measures(rf, match_cells(asked, load_templates()["2021"]), asked)
            got = self.agreeing(asked, asked, rf, measures, a.reports) if measures else None
            if got is None or got.value is None or len(got.figures) != 1 \
                    or end not in "".join(got.figures[0].fact.row_path + got.figures[0].fact.column_path):
                return None
            ends.append(got)
        start, close = ends
        if start.unit != close.unit:
            return None
        change = close.value - start.value
        way = "增加" if change > 0 else "减少" if change < 0 else "没有变化"
        labels = [f"「{shown_label(g.figures[0].fact)}」{num(g.value, g.unit)}" for g in ends]
        signed = num(change, start.unit).replace("-", "−")
        text = (f"{who(target)}报告没有直接写这一年的变化，按年末减年初推算：{labels[1]} − {labels[0]} = "
                f"{signed}，即{target.year}年内{way}"
                f"{num(abs(change), start.unit) if change else ''}（推算值，不是报告直接印出的数）。")
        value = abs(change) if asks_gap(a.q) or verb.group().startswith(("减少", "下降", "降低")) else change
        return Answer(a.q, ANSWERED, text, value, start.unit, start.figures + close.figures,
                      start.citations + close.citations, reports=(target.id,))

    def _from_to(self, a: Asked, rf: ReportFacts) -> Answer | None:
        """The change between the two ends a sentence prints (「由A提高到B」), for the first end whose
        words the verifier lets through as the question's subject; the answer shows B − A."""
        pairs = {first.id: (first, second) for first, second in from_to_pairs(rf.facts)}
        if not pairs:
            return None
        names = names_of(rf.report, a.eff)
        firsts = [pairs[s.fact.id][0] for s in prose_candidates(a.eff, [p[0] for p in pairs.values()], names,
                                                                 rf.report.year, kind=rf.report.kind)]
        for first in firsts:
            second = pairs[first.id][1]
            vals = [Value(f.value, f.unit, (f,), shown_label(f)) for f in (first, second)]
            change = second.value - first.value
            text = (f"{who(rf.report)}报告原文：「{first.sentence}」「{shown_label(first)}」由"
                    f"{num(first.value, first.unit)}{'提高' if change >= 0 else '降低'}到"
                    f"{num(second.value, second.unit)}，变化{num(second.value, second.unit)} − "
                    f"{num(first.value, first.unit)} = {num(change, first.unit)}。")
            figs, cites = figures_of([(v, rf.report) for v in vals], rf.titles)
            if change < 0 and _ASKED_DOWN.search(a.q):  # 「缩短了多少分钟」: asked as a decrease, its size
                change = -change
                text = text[:-1] + f"，即减少{num(change, first.unit)}。"
            got = Answer(a.q, ANSWERED, text, change, first.unit, figs, cites, reports=(rf.report.id,))
            if self.verified(a.q, got, a.reports, False) is got:
                return got
        return None

    def _names_more(self, a: Asked, found: Answer) -> bool:
        """A stated change whose own words name an item the question does not (「公务用车购置及运行费
        …比2025年预算减少25万元」 for 「预算比2025年增加了多少」): the change of a part, not of what
        was asked."""
        q = a.eff
        for f in found.figures:
            subject = "".join(f.fact.row_path[:-1]) if f.fact.table == "prose" else ""
            for name in sorted(names_used(subject, f.report.agency or ""), key=len, reverse=True):
                subject = subject.replace(name, "")  # the agency's own name is no item
            extra = [ch for ch in subject if "\u4e00" <= ch <= "\u9fff" and ch not in q]
            if len(extra) >= _ITEM_NAMED:
                return True
        return False

    def _two_years_of_an_item(self, a: Asked, rf: ReportFacts) -> Answer | None:
        """「住房公积金预算比2025年增加了多少」 of a 2026 budget whose item states both years (「…2026年度
        预算193.42万元，2025年度预算188.78万元」): the change from the two, each shown. Only figures
        printed under the same words but for the year (「<this year>年度预算」 / 「<base>年度预算」) are paired,
        and only when the question's item is one the verifier lets through, and no other item is."""
        r = rf.report
        asked = [int(y) for y in re.findall(r"(?:19|20)\d\d", a.eff) if int(y) != r.year]
        base = asked[0] if asked else (r.year or 0) - 1
        pairs: dict[int, tuple] = {}
        later = {(f.row_path[:-1], _after_year(f.row_path[-1], r.year)): f for f in rf.facts
                 if f.table == "prose" and len(f.row_path) > 1 and _after_year(f.row_path[-1], r.year)}
        # 「2017年预算安排…车辆运行经费34.20万元，2018年预算安排…车辆运行经费62.80万元」: one sentence
        # prints the same words after each year
        said = {(f.sentence, words): f for f in rf.facts if f.table == "prose" and f.sentence
                and (words := _after_year(f.row_path[-1], r.year, anywhere=True))}
        for f in rf.facts:
            tail = _after_year(f.row_path[-1], base) if f.table == "prose" and len(f.row_path) > 1 else ""
            now = later.get((f.row_path[:-1], tail)) if tail else None
            if now is None and f.table == "prose" and (words := _after_year(f.row_path[-1], base, anywhere=True)):
                now = said.get((f.sentence, words)) if len(words) >= 2 else None
            if now is not None and now.unit == f.unit and now.value is not None and f.value is not None:
                pairs[id(now)] = (now, f)
        if not pairs:
            return None
        names = names_of(r, a.eff)
        ranked = prose_candidates(a.eff, [now for now, _ in pairs.values()], names, None, kind=r.kind)
        answers = []
        for scored in ranked[:3]:
            now, then = pairs[id(scored.fact)]
            d = now.value - then.value
            unit = now.unit
            subject = " ".join(now.row_path[:-1])
            lead = f"「{subject}」" if subject else ""
            text = (f"{who(r)}报告原文中{lead}{now.row_path[-1]}{num(now.value, unit)}，"
                    f"{then.row_path[-1]}{num(then.value, unit)}，{'增加' if d >= 0 else '减少'}{num(abs(d), unit)}"
                    f"（{now.value} − {then.value} = {d}）。")
            value, shown = (abs(d) if asks_gap(a.q) else d), unit
            if asks_rate(a.q) and then.value:  # 「涨了百分之几」: the change over the earlier level
                value, shown = (d * 100 / then.value).quantize(Decimal("0.01")), "%"
                text += f"变化幅度{value}%（{d} ÷ {then.value} × 100%）。"
            figs, cites = figures_of([(prose_measure(now).value, r), (prose_measure(then).value, r)], rf.titles)
            answer = Answer(a.q, ANSWERED, text, value, shown, figs, cites, reports=(r.id,))
            if self.verified(a.eff, answer, a.reports, False) is answer:
                answers.append(answer)
        return answers[0] if len({x.value for x in answers}) == 1 else None

    def _share(self, a: Asked, target: Report) -> Answer:
        rf = self.kb.of(target)
        if summed := self._share_of_a_sum(a, rf):
            return summed
        measures = find_measures(rf, a.cm, without_share_words(a.eff))
        if measures or WHOLE_OF.match(a.eff):
            # 「办结的申请里同意公开的比例」: the part is the row that is not itself a total
            part = next((m for m in measures if m.row != "total"), measures[0]) if measures else None
            share = share_answer(a.q, rf, part, a.eff, rf.text(self.kb.store))
            # 「（17.46%）」: a percentage the report states, where none can be computed; 「A及B占…」 is
            # the pair's share, which one member's count (the list's 依申请公开128条) is not
            # (the part as the share reads it: a whole the question names may have replaced the first found)
            shared = (share.figures[0].fact,) if share.status == ANSWERED and share.figures else \
                part.value.inputs if part is not None else ()
            joined = bool(shared) and pair_split(a.eff.split("占")[0], shared)
            if share.status == ANSWERED and not joined and self.verified(a.eff, share, a.reports, True) is share:
                return share
            if joined and share.status == ANSWERED:
                return self.stated_share(a.q, a.eff, rf, a.reports) or refuse_parts(a.q, rf, [part], SUM)
            return self.stated_share(a.q, a.eff, rf, a.reports) or share
        return self.stated_share(a.q, a.eff, rf, a.reports) or refuse_figure(a.q, target)

    def _ratio(self, a: Asked, target: Report) -> Answer:
        """「A是B的几倍」: each item found by its own words, one figure each, in one unit."""
        rf = self.kb.of(target)
        parts = ratio_parts(a.eff)
        if parts is None:
            return refuse_figure(a.q, target)
        tpl = load_templates()["2021"]
        found = [next(iter(find_measures(rf, match_cells(p, tpl), p)), None) for p in parts]
        if any(m is None or m.value.value is None for m in found) or found[0].value.inputs == found[1].value.inputs:
            return refuse_parts(a.q, rf, [m for m in found if m is not None], RATIO)
        same = in_one_unit([m.value for m in found])
        if same is None:
            return arithmetic(a.q, rf, found, RATIO)  # says why: units that count different things
        if same[0][1].value == 0:
            return Answer(a.q, REFUSED, f"{who(target)}「{same[0][1].label}」为0，不能作除数，算不出倍数。",
                          reports=(target.id,))
        names = _agency_names(target, a.eff)
        sources = self.sources(a.reports)
        for part, m in zip(parts, found, strict=True):  # each item covered by its own figure's words
            if not _item_said(part, _inputs_context(m, target, sources), names, rf.printed_labels):
                return refuse_item(a.q, rf, part, RATIO)
        return ratio_answer(a.q, rf, same[0][0], same[0][1])

    def _share_of_a_sum(self, a: Asked, rf: ReportFacts) -> Answer | None:
        """「予以公开和部分公开加起来占多少」: the items added, then divided by the whole they are each a
        share of (the same whole for every item, or no share is computed)."""
        # the items are what stands before 占 (「A和B加起来占办理结果的比例」: 办理结果 is the whole)
        asked = without_share_words(a.eff.split("占")[0] if "占" in a.eff else a.eff)
        if len(item_parts(rf, asked, SUM)) < 2:
            return None
        parts = measures_per_part(rf, asked, SUM)
        if len(parts) < 2 or any(p.value.value is None for p in parts) \
                or self.each_item_answered(replace(a, eff=asked), rf, parts, SUM) is not None:
            return None
        bases = [share_base(rf, p) for p in parts]
        if any(b is None for b in bases) or len({(b[0].value, b[1]) for b in bases}) != 1:
            return None
        if len({p.value.unit for p in parts}) != 1:
            return None
        first = parts[0]
        if (named := whole_of_share(a.eff, rf, first)) and named[1][0].value != bases[0][0].value:
            return None  # the whole the question names is not the one every item is a share of
        total = sum((p.value.value for p in parts), start=Decimal(0))
        label = " + ".join(p.value.label for p in parts)
        both = Value(total, first.value.unit, tuple(f for p in parts for f in p.value.inputs), label, summed=True)
        # a share the report states for the same items (「予以公开及部分公开…占17.46%」) is given as stated
        return self.stated_share(a.q, a.eff, rf, a.reports) or divided(a.q, rf, both, bases[0])

    def _sum_or_difference(self, a: Asked, target: Report) -> Answer:
        rf = self.kb.of(target)
        kind = a.intent.kind
        # 「三公经费里，因公出国费和公务接待费加起来」: the whole may name no one figure while each item does
        if kind == SUM and (coded := coded_items(rf, a.eff)):  # lines named by their subject codes
            return arithmetic(a.q, rf, coded, SUM)
        if kind == SUM and (units := units_of_a_column(rf, a.eff)):  # every unit a table lists
            return arithmetic(a.q, rf, units, SUM)
        measures = find_measures(rf, a.cm, a.eff) or measures_per_part(rf, a.eff, kind)
        if not measures and kind == SUM:
            # 「四个季度一共」: the numbered siblings tie with each other in the ranking; one of them
            # leads to the series the question counts
            tied = prose_candidates(a.eff, rf.facts, names_of(target, a.eff), target.year, k=1)
            series = numbered_series(a.q, rf, prose_measure(tied[0].fact)) if tied else []
            if series:
                return arithmetic(a.q, rf, series, SUM)
        if not measures:
            return refuse_figure(a.q, target)
        if kind == SUM and len(measures) == 1 and measures[0].kind in ("template", "derived") \
                and not _one_item_of_several(rf, a.eff, measures[0]):
            # 「先复议、复议完再去法院起诉的官司一共多少」 names one cell of table 四, in two clauses; 「复议和
            # 诉讼加起来」 names two: the one cell stands when it accounts for every word of the question
            single = lookup(a.q, rf, measures)
            if self.verified(a.eff, single, a.reports, False) is single:
                return single
        if len(measures) < 2:
            measures = measures_per_part(rf, a.eff, kind) or measures
        items = [m for m in measures if m.column != "total" and m.row != "total"]
        if kind == SUM and len(items) >= 2:  # 「A和B一共」: 一共 asks to add A and B, not their table's 总计
            measures = items
        if kind == SUM and len(measures) == 1 and measures[0].kind in ("template", "derived") \
                and not _one_item_of_several(rf, a.eff, measures[0]):
            return lookup(a.q, rf, measures)
        if len(measures) >= 2 and in_one_unit([m.value for m in measures if m.value.value is not None]) is None:
            # 「依申请公开的与不予公开的信息」: one item read as a template row (件 of applications), the
            # other from the sentence that lists both in 条: the sentence's own figure for it is meant
            measures = self._alike_in_prose(a, rf, measures, kind) or measures
        if kind == SUM and len(measures) >= 2 and (joined := self._printed_as_one(a, rf, measures)):
            return joined  # 「养老、医疗、失业保险合计」 of one line 「在职人员养老医疗失业保险」
        if len(measures) >= 2:
            if self.each_item_answered(a, rf, measures, kind) is None:
                return arithmetic(a.q, rf, measures, kind)
            own = measures_per_part(rf, a.eff, kind)  # each item looked up by its own words
            missing = self.each_item_answered(a, rf, own or measures, kind)
            if len(own) >= 2 and missing is None:
                return arithmetic(a.q, rf, own, kind)
            return refuse_item(a.q, rf, missing or "", kind)
        if kind == SUM and len(measures) == 1 and (series := numbered_series(a.q, rf, measures[0])):
            return arithmetic(a.q, rf, series, SUM)  # 「三个季度的用款之和」: 第一…第三季度用款
        if kind == SUM and len(measures) == 1 and (_printed_joined(a.eff, measures[0])
                                                   or self._named_whole_by(a, rf, measures[0])):
            # 「制作和获取的信息共计」 of 「制作、获取政府信息总数…条」: the report counts the two as one
            single = lookup(a.q, rf, measures)
            if self.verified(a.eff, single, a.reports, False) is single:
                return single
        # one figure found where several were to be added or subtracted: stating it would answer
        # a different question (「三个季度的用款之和」 is not the first quarter's alone)
        return refuse_parts(a.q, rf, measures, kind)

    def _printed_as_one(self, a: Asked, rf: ReportFacts, measures: list[Measure]) -> Answer | None:
        """The one line that prints every item the question joins, and nothing beside them (「在职人员医保
        社保生育工伤险」 for its three items joined), verified: the report counts them as one figure. A
        line naming more (a group 「基本工资、津贴补贴、奖金等」) is no sum of the items asked."""
        one = [m for m in measures if self._named_whole_by(a, rf, m)]
        if len(one) != 1:
            return None
        single = lookup(a.q, rf, one)
        return single if self.verified(a.eff, single, a.reports, False) is single else None

    @staticmethod
    def _named_whole_by(a: Asked, rf: ReportFacts, m: Measure) -> bool:
        """Whether one line's own name (with the report's title) holds every word of the question, and the
        question every word of it: 「养老、医疗、失业保险合计」 of 「在职人员养老医疗失业保险」. A line
        holding only some of the items joined (「不予公开及无法提供」 beside 「予以公开的，加上…」) is not."""
        if len(m.value.inputs) != 1:
            return False
        label = m.value.inputs[0].row_path[-1]
        names = names_of(rf.report, a.eff)
        # the question in the line's own words where it says them otherwise (「产生和获取」 for 「制作、获取」)
        q = a.eff
        for word, printed in vocabulary().synonyms.items():
            if word in q and (form := next((p for p in printed if p in label and p not in q), None)):
                q = q.replace(word, form)
        joins = list(re.finditer(r"[、和与及]|加上?", q))
        # each join's two sides printed in the line, in the question's order (「季度检查和月检查」 is not
        # 「全年开展季度检查」, nor 「当面申请和网上申请」 「网上申请」)
        for j in joins:
            left, right = q[max(0, j.start() - 2):j.start()], q[j.end():j.end() + 2]
            if not (_CJK_RUN.fullmatch(left + right) and left in label and right in label
                    and label.find(left) < label.rfind(right)):
                return False
        return bool(joins) and not uncovered_terms(q, [label, rf.report.title or ""], names) \
            and not uncovered_terms(label, [q], names)

    def _alike_in_prose(self, a: Asked, rf: ReportFacts, measures: list[Measure], kind: str) -> list[Measure] | None:
        """Items of a sum or difference found in different units, each asked again among the prose
        figures of the unit the prose items are in (a count of 条 beside a table's 件); None unless
        every item is then found once, in one unit."""
        parts = item_parts(rf, a.eff, kind)
        prose_units = {m.value.unit for m in measures if m.kind == "prose"}
        if len(parts) != len(measures) or len(prose_units) != 1:
            return None
        unit = prose_units.pop()
        alike = [f for f in rf.facts if f.table == "prose" and f.unit == unit]
        names = names_of(rf.report, a.eff)
        out: list[Measure] = []
        for part, m in zip(parts, measures, strict=True):
            got = m if m.value.unit == unit else None
            if got is None and (best := best_prose_fact(part, alike, names, rf.report.year, kind=rf.report.kind)):
                got = prose_measure(best.fact)
            if got is None or any(got.value.inputs == o.value.inputs for o in out):
                return None
            out.append(got)
        return out

    def each_item_answered(self, a: Asked, rf: ReportFacts, measures: list[Measure], kind: str) -> str | None:
        """The first item of a sum or difference that no input covers by its own words, else None.

        The verifier reads the question against all inputs together, so two inputs could cover an
        item between them: 「机关运行经费和卫生健康支出」 is not 机关运行经费 + 「卫生支出 ×
        一般公共预算基本支出」, whose words only together hold 一般公共…服务支出. Each item needs an input
        of its own (a different one for each)."""
        parts = item_parts(rf, a.eff, kind)
        if len(parts) < 2 or len(measures) < 2:
            return None
        names = _agency_names(rf.report, a.eff)
        sources = self.sources(a.reports)
        contexts = [_inputs_context(m, rf.report, sources) for m in measures]

        def said(part: str, ctx: list[str]) -> bool:
            return _item_said(part, ctx, names, rf.printed_labels)

        # 「公车」 is not answered by 「其中公务用车购置费」, a part of it, whatever words they share
        narrower = [len(m.value.inputs) == 1 and bool(narrower_item(a.eff, m.value.inputs[0])) for m in measures]
        contexts = [[] if n else ctx for n, ctx in zip(narrower, contexts, strict=True)]

        # 「网上公开的信息，规划类和财政类」: the item after its owner's 「，」 by its own words
        # (the owner's words are the whole's, checked against all the inputs together at the end)
        covers = [{i for i, ctx in enumerate(contexts)
                   if said(part, ctx) or ((item := _after_owner(part)) and said(item, ctx))}
                  for part in parts]
        for part, c in zip(parts, covers, strict=True):
            if not c:
                return part
        if any(len(set(pick)) == len(parts) for pick in product(*covers)):
            return None
        return parts[-1]

    def _lookup(self, a: Asked, target: Report) -> Answer:
        rf = self.kb.of(target)
        if states_a_number(a.eff) and (said := {f.id for f in rf.facts if said_in_question(a.eff, f)}):
            # 「梳理出的12个区直部门…一共有多少项」: a number the question gives qualifies what it asks and
            # is never the figure looked up (arithmetic over figures a question quotes keeps them)
            rf = rf.without({*said})
        measures = find_measures(rf, a.cm, a.eff)
        found = lookup(a.q, rf, measures) if measures else refuse_figure(a.q, target)
        if found.status == ANSWERED and self.verified(a.q, found, a.reports, False) is found:
            return found
        # 「2130102一般行政管理事务」 of two lines of that name: the one its code names
        if len(coded := coded_items(rf, a.eff, least=1)) == 1 and (got := lookup(a.q, rf, coded)).status == ANSWERED \
                and self.verified(a.q, got, a.reports, False) is got:
            return got
        return self._complement(a, rf) or found

    def _complement(self, a: Asked, rf: ReportFacts) -> Answer | None:
        """「合格的批次有几个」 of 「共抽检20680批次，其中不合格15批次」: the total less its negated part,
        both cited, when the part is the one item its 其中 lists."""
        c = complement_of(a.eff, rf.facts)
        if c is None:
            return None
        t, p = c.total, c.part
        rest = t.value - p.value
        text = (f"{who(rf.report)}报告原文：「{t.sentence}」报告没有直接写「{c.word}」的数，按总数减去其中"
                f"「{shown_label(p)}」推算：{num(t.value, t.unit)} − {num(p.value, p.unit)} = {num(rest, t.unit)}。")
        vals = [Value(f.value, f.unit, (f,), shown_label(f)) for f in (t, p)]
        figs, cites = figures_of([(v, rf.report) for v in vals], rf.titles)
        return Answer(a.q, ANSWERED, text, rest, t.unit, figs, cites, reports=(rf.report.id,),
                      warnings=(COMPLEMENT,))

    def states_days(self, scope: Scope) -> bool:
        """A span of days the prose states (a 批复's 「15日内」, a reply's 「15个工作日」): asked 「几天」, it
        is looked up, not refused as a breakdown the statistics tables lack."""
        return any(f.table == "prose" and f.unit in DAY_UNITS for r in scope.reports[:20] for f in self.kb.of(r).facts)

    def names_a_row(self, span: str, scope: Scope) -> bool:
        """「当面申请」: a breakdown the national tables lack but this report's own table prints;
        「平均得分」: a figure its prose states (a final account's 绩效 section)."""
        core = re.sub(r"(提交|提出|递交)$", "申请", span)
        # 「网上申请」 printed 「网络申请」: the everyday word as the reports print it
        forms = {core} | {core.replace(w, p) for w, printed in vocabulary().synonyms.items() if w in core
                          for p in printed}
        return any(form in label for r in scope.reports[:20] for f in self.kb.of(r).facts
                   if f.table.startswith("g") or f.table == "prose" for label in f.row_path for form in forms)


# across reports, in order: the first that applies answers
_DAYS_ASKED = frozenset({"多少天", "几天", "天数"})
_ACROSS: tuple[Handler, ...] = (Figures._sum_over_years, Figures._two_years, Figures._compare, Figures._trend)


def _dated_sentences(rf: ReportFacts, year: int) -> list[Fact]:
    """The prose figures whose own sentence dates them to `year` (「截至2020年底，…」), not the report's year."""
    return [f for f in rf.facts if f.table == "prose" and dated_to(dated_before(f), year, rf.report.year)]


def _year_view(rf: ReportFacts, facts: list[Fact], store: FactStore) -> ReportFacts:
    """The report read as only `facts` (one year's figures of it), its text shared."""
    view = ReportFacts(rf.report, facts, [])
    view._text = rf.text(store)
    return view


class _OneReportAs:
    """The knowledge, with one report's facts replaced by a view of them (a year's section read as a
    report of its own); everything else is the knowledge's."""

    def __init__(self, kb: Knowledge, report: Report, view: ReportFacts):
        self._kb, self._report, self._view = kb, report, view

    def of(self, report: Report) -> ReportFacts:
        return self._view if report.id == self._report.id else self._kb.of(report)

    def __getattr__(self, name: str) -> object:
        return getattr(self._kb, name)


# within one report, by operation; a lookup for the rest
_WITHIN: dict[str, Callable[[Figures, Asked, Report], Answer]] = {
    YOY: Figures._change,
    SHARE: Figures._share,
    RATIO: Figures._ratio,
    SUM: Figures._sum_or_difference,
    DIFF: Figures._sum_or_difference,
}


# 「比2017年多」「比上年增加了」: a change the asker states in passing, not what is asked
_THAN_A_MEMBER = re.compile(r"[比较]\s*([\u4e00-\u9fff]{2,4}?)(?:数)?(?:增加|减少|增长|下降|提高|降低|多|少)")
_YEARS_SAID = re.compile(r"(?:19|20)\d\d\s*年度?(?:的)?")
_RELATIVE_BEFORE = re.compile(r"上一?年度?的?|去年的?")  # the year asked, said relative to the report's
_ASKED_DOWN = re.compile(r"缩短|缩减|压缩|降低|减少|下降|下调|少了")
_WITHIN_YEAR = re.compile(r"(?:19|20)\d\d\s*年度?|一年下来|一年来|这一年|全年|年内|从年初到年末|年初到年末")
_SAID_CHANGE = re.compile(r"(?:比|较|与)(?:上一?年|去年|(?:19|20)\d\d\s*年)度?[^，,。？?；;]{0,8}?"
                          r"(?:多|少|增加|减少|增长|下降|上升|降低|高|低|减|降|增|涨)了?(?:一些|一点|一块|不少|很多|些)?"
                          # and the amount said with it (「下降了5.2个百分点」)
                          r"(?:\d+(?:\.\d+)?\s*(?:个百分点|%|％|万元|亿元|元|件|条|人|个)?)?")


def _against_the_items(done: Answer, rf: ReportFacts, others: list[Fact]) -> Answer:
    """A total less one of its items, checked against the other items the report lists: where the two
    disagree (the report's own rounding), both are shown and neither is stated as the answer."""
    added = sum((f.value for f in others), Decimal(0))
    if done.value is None or added == done.value:
        return done
    unit = others[0].unit
    terms = " + ".join(f"{f.row_path[-1]} {num(f.value, unit)}" for f in others)
    text = (done.text + f"但报告列出的其余各项相加为：{terms} = {num(added, unit)}。总数与各项之和不一致"
            f"（相差{num(abs(added - done.value), unit)}），无法确定哪个是对的，请以原文为准。")
    figs, cites = figures_of([(prose_measure(f).value, rf.report) for f in others], rf.titles)
    return replace(done, status=AMBIGUOUS, text=text, value=None, figures=done.figures + figs,
                   citations=done.citations + cites)


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _of_a_section_dated(rf: ReportFacts, text: str, year: int, dated: list[Fact]) -> list[Fact]:
    """The prose figures of sections whose heading dates them to `year` alone, their own words naming no
    other year; an amount printed in 元 that another figure prints in 万元 is a misprint of it, left out."""
    wan = {f.value for f in rf.facts if f.unit == "万元"}
    sections = Sections(text)
    return [f for f in rf.facts if f.table == "prose" and f.span and f not in dated
            and sections.at(f.span[0])[1] == {year} and not years_named(dated_before(f)) - {year}
            and not (f.unit == "元" and f.value in wan)]


def _listed_within(rf: ReportFacts, part: Measure, whole: Measure, within: str) -> bool:
    """Whether the part taken off is the whole's own item as listed under the narrower whole the
    question names: the same name, and its list opened by a figure whose label says that whole."""
    item, own = part.value.inputs[0], whole.value.inputs[0]
    head = whole_of(rf.facts, item) if part.kind == "prose" and whole.kind == "prose" else None
    return (head is not None and normalize(item.row_path[-1]) == normalize(own.row_path[-1])
            and bigrams(normalize(within)) <= bigrams(normalize(head.row_path[-1])))


_OWNER = re.compile(r"^.*(?:\d年度?|的)(?=[^的]{2,}$)")


def _item_asked(words: str) -> str:
    """The item a phrase ends on (「某站2021年项目支出中的维修费」: 维修费)."""
    return _OWNER.sub("", INSIDE_END.sub("", words.rstrip("，,、 的")))


_GLOSS = re.compile(r"[（(][^（()）]{1,20}[)）]")


def _agency_names(report: Report, q: str) -> set[str]:
    """The report's agency and the names of it the question uses, which no item's words need to hold."""
    return ({report.agency} | set(names_used(q, report.agency))) if report.agency else set()


def _inputs_context(m: Measure, report: Report, sources: Sources) -> list[str]:
    """The words of every input of a measure (labels, clauses, headings) that may cover an item."""
    return [c for f in m.value.inputs for c in figure_context(Figure(f, report), sources)]


def _item_said(part: str, ctx: list[str], names: set[str], labels: frozenset[str]) -> bool:
    """Whether one item of a question is covered by one figure's own words alone."""
    return not uncovered_terms(part, ctx, names) and not unheld_labels(part, ctx, labels, names)


def _one_item_of_several(rf: ReportFacts, q: str, m: Measure) -> bool:
    """Whether the question adds several items of which the one cell's own labels name only one
    (「依申请公开与不予公开合计」 found as the (三)不予公开 row): that cell is one addend, not the sum."""
    parts = item_parts(rf, q, SUM)
    labels = " ".join(p for f in m.value.inputs for p in (*f.row_path, *f.column_path))
    return len(parts) >= 2 and sum(1 for p in parts if bigrams(p) & bigrams(labels)) == 1


def _printed_joined(q: str, m: Measure) -> bool:
    """Whether the two things the question joins are printed joined in the figure's own clause, before it
    (「制作、获取政府信息总数70条」, 「年终一次性奖金及防暑费」): then they name one figure, not two to add."""
    f = m.value.inputs[0] if m.value.inputs else None
    if f is None or f.table != "prose" or not f.sentence or not f.raw or (at := f.sentence.find(f.raw)) < 0:
        return False
    # the clause before the figure, and the figure's own name (「④ 年终一次性奖金及防暑费：…=13.07万元」)
    clause = re.split(r"[，,。；;：:]", f.sentence[:at])[-1] + "|" + f.row_path[-1]
    for j in re.finditer(r"[、和与及]", q):
        k = j.start()
        for a in range(2, 5):
            for b in range(2, 5):
                left, right = q[max(0, k - a):k], q[k + 1:k + 1 + b]
                if _CJK_RUN.fullmatch(left + right) and re.search(re.escape(left) + "[、和与及]" + re.escape(right),
                                                                   clause):
                    return True
    return False


def _after_owner(part: str) -> str:
    """「2022年网上公开的信息，规划…类」 → 「规划…类」: the item named after a whole and a
    comma; "" when the part names no whole before it."""
    head, _, item = part.rpartition("，")
    return item.strip() if len(head.strip()) >= 4 and len(item.strip()) >= 2 else ""


def _after_year(label: str, year: int | None, anywhere: bool = False) -> str:
    """What a label says after the year it opens with (「2024年度决算」 → 度决算), or "" when it does
    not open with that year (`anywhere`: after that year wherever the label says it)."""
    m = (re.search if anywhere else re.match)(rf"\s*{year}\s*年(.*)$", label) if year else None
    return m.group(1).strip() if m and m.group(1).strip() else ""


def _which_one(q: str, rf: ReportFacts, passed: list[Answer]) -> Answer:
    """A question two figures of one report answer equally well: both shown with their own words
    and sources, and the reader asked which was meant; no figure is given as the answer."""
    seen: dict = {}
    for a in passed:
        seen.setdefault(a.value, a)
    options = list(seen.values())[:3]
    listed = "；".join(f"「{shown_label(a.figures[0].fact)}」{num(a.value, a.unit)}" for a in options)
    text = f"{who(rf.report)}报告中有几个数字都符合这个问题：{listed}。请说明指的是哪一个。"
    figures = tuple(f for a in options for f in a.figures)
    citations = tuple(c for a in options for c in a.citations)
    return Answer(q, NEEDS_CLARIFICATION, text, figures=figures, citations=citations, reports=(rf.report.id,))


def _names_a_cell(span: str, cm: CellMatch) -> bool:
    """「涉及国家秘密的」 names a row of table 三; 「关于征地拆迁的」 names nothing the tables count."""
    return any(a in span for h in cm.rows for a in (h.row.core, *h.row.aliases) if len(a) >= 2)


def one_report(reports: list[Report]) -> Report | None:
    """The single report meant, treating copies of one report (same agency and year) as one."""
    first = reports[0]
    if all(same_agency(r.agency, first.agency) and r.year == first.year for r in reports):
        return first
    return None


def clarify(q: str, reports: list[Report], lead: str) -> Answer:
    listing = "；".join(f"{who(r)}（{r.id}）" for r in reports[:12])
    return Answer(q, NEEDS_CLARIFICATION, f"{lead}{listing}。", reports=tuple(r.id for r in reports))


def no_report(q: str, scope: Scope, reports: list[Report], focus: list[Report] = ()) -> Answer:
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
