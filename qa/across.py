"""Answers that span reports: compare two agencies, rank many, follow one over the years.

Each value is looked up per report exactly as a single-report question would be, and the
Answer carries the rows as a small table for the UI to chart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from index.models import Report
from qa.answer import ANSWERED, REFUSED, Answer
from qa.compose import figures_of, num, pct, who
from qa.knowledge import Knowledge, ReportFacts, same_agency
from qa.measure import Measure
from qa.scope import names_used
from qa.text_match import bigrams
from qa.vocab import vocabulary


def group_by_agency(reports: list[Report]) -> list[list[Report]]:
    groups: list[list[Report]] = []
    for r in reports:
        for g in groups:
            if same_agency(g[0].agency, r.agency):
                g.append(r)
                break
        else:
            groups.append([r])
    return groups


def latest_per_agency(reports: list[Report], years: Collection[int] = ()) -> list[Report]:
    """One report per agency: of the years asked for (「万里街道2025年和福利院2024年」 names one for
    each), the latest it has; with no year asked, its latest."""
    out = []
    for g in group_by_agency(reports):
        pool = [r for r in g if not years or r.year in years]
        if pool:
            out.append(max(pool, key=lambda r: (r.year or 0, r.id)))
    return out


def _row(r: Report, m: Measure) -> dict:
    return {"report": r.id, "agency": r.agency, "year": r.year, "value": str(m.value.value), "unit": m.value.unit,
            "label": m.value.label}


def measure_key(m: Measure) -> str:
    """What a value measures, the same across reports: a template cell's keys, a table cell's headers,
    a prose number's words without their digits (「比2023年预算减少」 and 「比2022年预算增加」 differ)."""
    f = m.value.inputs[0]
    if m.kind in ("template", "share", "derived") and f.row_key:
        return f"{m.kind}:{m.value.label if m.kind != 'template' else (f.row_key, f.column_key)}"
    if m.kind == "table":
        return "table:" + "/".join(f.row_path[-1:]) + "|" + "/".join(f.column_path)
    return "prose:" + re.sub(r"\d+", "", m.value.label)


def _values(kb: Knowledge, reports: list[Report], pick,
            checked: bool = False) -> tuple[list[tuple[Report, Measure]], list[Report]]:
    """Each report's measure; `checked`: `pick` let only measures the verifier accepts through."""
    got, missing = [], []
    for r in reports:
        rf = kb.of(r)
        m = pick(rf)
        if m is None or m.value.value is None or rf.contradicted(m.value) is not None:
            missing.append(r)
        else:
            got.append((r, m))
    keys = [measure_key(m) for _, m in got]
    # prose labels the verifier checked against the question each say what was asked, however worded
    checked = checked and all(m.kind == "prose" for _, m in got)
    if len(set(keys)) > 1 and not checked:  # different things in different reports: comparing them would mislead
        majority = max(keys, key=lambda k: sum(_same(k, other) for other in keys))
        missing += [r for (r, _), k in zip(got, keys, strict=True) if not _same(k, majority)]
        got = [(r, m) for (r, m), k in zip(got, keys, strict=True) if _same(k, majority)]
    units = [m.value.unit for _, m in got]
    if len(set(units)) > 1:  # 元 beside 万元: like is compared with like, in the unit most reports print
        common = max(dict.fromkeys(units), key=units.count)  # a tie: the first report's unit, every run
        missing += [r for r, m in got if not _comparable(m.value.unit, common)]
        got = [(r, m) for r, m in got if _comparable(m.value.unit, common)]
    return got, missing


def _comparable(a: str | None, b: str | None) -> bool:
    """件 and 宗 count the same cases; 元 and 万元 are different scales of money."""
    if a == b:
        return True
    if not a or not b or a.endswith("元") or b.endswith("元"):
        return False
    return vocabulary().same_unit(a, b)


def _same(a: str, b: str) -> bool:
    """Prose labels are worded a little differently in each report (「主动公开政府信息」 vs
    「共主动公开信息」): alike enough counts as the same measure; 「减少」 vs 「增加」 does not."""
    if a == b:
        return True
    if not (a.startswith("prose:") and b.startswith("prose:")):
        return False
    ga, gb = bigrams(_FUNCTION_WORDS.sub("", a[6:])), bigrams(_FUNCTION_WORDS.sub("", b[6:]))
    return bool(ga | gb) and len(ga & gb) / len(ga | gb) >= 0.5


# words that frame a label without saying what it counts: 「在主动公开的」 is 「主动公开」
_FUNCTION_WORDS = re.compile(r"^(在|共|其中|全年|今年|本年|累计)+|(的|了|为|共|达)+$")


def _figures(kb: Knowledge, got: list[tuple[Report, Measure]]):
    """Figures and citations for values from several reports, budget tables cited by title."""
    titles = {k: v for r, _ in got for k, v in kb.of(r).titles.items()}
    return figures_of([(m.value, r) for r, m in got], titles)


def _missing_note(missing: list[Report]) -> str:
    return ("（" + "、".join(who(r) for r in missing) + "的报告中没有可用的这一数字，未计入。）") if missing else ""


def compare(question: str, kb: Knowledge, reports: list[Report], pick, lowest: bool = False,
            rank: bool = False, gap: bool = False, checked: bool = False) -> Answer:
    got, missing = _values(kb, reports, pick, checked)
    if len(got) < 2:
        return Answer(question, REFUSED, "能比较的报告不足两份：" + (_missing_note(missing) or "没有找到这一数字。"))
    who = _as_called(question)
    got.sort(key=lambda x: x[1].value.value, reverse=not lowest)
    label = got[0][1].value.label
    unit = got[0][1].value.unit
    figures, cites = _figures(kb, got)
    rows = tuple(_row(r, m) for r, m in got)
    listing = "；".join(f"{who(r)}：{num(m.value.value, unit)}" for r, m in got)
    top_r, top_m = got[0]
    if rank:
        word = "最少" if lowest else "最多"
        ties = [r for r, m in got if m.value.value == top_m.value.value]
        head = (f"「{label}」{word}的是{who(top_r)}，为{num(top_m.value.value, unit)}" if len(ties) == 1 else
                f"「{label}」{word}的有{'、'.join(who(r) for r in ties)}，均为{num(top_m.value.value, unit)}")
        text = f"{head}。按从{'少到多' if lowest else '多到少'}排列：{listing}。"
    else:
        (a_r, a_m), (b_r, b_m) = max(got, key=lambda x: x[1].value.value), min(got, key=lambda x: x[1].value.value)
        diff = a_m.value.value - b_m.value.value
        if diff == 0:
            text = f"「{label}」两者相同：{listing}。"
        elif lowest:  # 「谁花得少？少多少？」: the smaller named first
            fewer, other = f"{who(b_r)}更少：{num(b_m.value.value, unit)}", f"{who(a_r)}为{num(a_m.value.value, unit)}"
            sums = f"（{a_m.value.value} − {b_m.value.value} = {diff}）"
            text = f"「{label}」{fewer}，{other}，少{num(diff, unit)}{sums}。"
        else:
            more, less = f"{who(a_r)}更多：{num(a_m.value.value, unit)}", f"{who(b_r)}为{num(b_m.value.value, unit)}"
            text = f"「{label}」{more}，{less}，多{num(diff, unit)}（{a_m.value.value} − {b_m.value.value} = {diff}）。"
    note = "比较范围仅限已导入的报告。" if rank else ""
    spread = max(m.value.value for _, m in got) - min(m.value.value for _, m in got)
    headline = spread if gap and not rank else top_m.value.value
    return Answer(question, ANSWERED, text + _missing_note(missing) + note, headline, unit, figures, cites,
                  rows, tuple(r.id for r, _ in got))


def name_asked(question: str, r: Report) -> str:
    """The longest name the question calls a report's agency by (重点办, 执法应急局), "" for none."""
    return max((n for n in (names_used(question, r.agency) if r.agency else ()) if n in question),
               key=len, default="")


def beside_full(full: str, own: str) -> str:
    """The full name, with the name the question used beside it when that is not part of it
    (「…综合执法与应急管理局（执法应急局）」), so the reader sees which one the question meant."""
    return f"{full}（{own}）" if own and own not in full else full


def _as_called(question: str) -> Callable[[Report], str]:
    return lambda r: beside_full(who(r), name_asked(question, r))


# 「变化了多少」「增加了几条」: a change asked as an amount; one year's level is never its answer
HOW_MUCH_CHANGED = re.compile(r"(?:变化|变动|增加|减少|增长|下降|上升|降低)了?(?:多少|几)")


def trend(question: str, kb: Knowledge, reports: list[Report], pick, years_back: int | None) -> Answer:
    ordered = sorted(reports, key=lambda r: r.year or 0)
    if years_back:
        ordered = ordered[-years_back:]
    got, missing = _values(kb, ordered, pick)
    if not got:
        return Answer(question, REFUSED, "在这些报告中没有找到这一数字。" + _missing_note(missing))
    if len(got) < 2 and (len(reports) >= 2 or HOW_MUCH_CHANGED.search(question)):
        # 「2014年的是多少？到2015年变了多少？」 with no 2014 figure: one year is no trend, and its figure
        # answers neither what was asked of the other year nor the change
        r, m = got[0]
        return Answer(question, REFUSED, f"只找到{who(r)}的「{m.value.label}」，其他年份没有找到可比的数字，"
                                         "无法说明变化。" + _missing_note(missing), reports=(r.id,))
    unit = got[0][1].value.unit
    label = got[0][1].value.label
    steps = []
    for (r0, m0), (r1, m1) in zip(got, got[1:], strict=False):
        d = m1.value.value - m0.value.value
        change = f"{'增加' if d > 0 else '减少' if d < 0 else '持平'}{num(abs(d), unit) if d else ''}"
        if d and m0.value.value:
            change += f"（{'+' if d > 0 else '−'}{pct(abs(d), m0.value.value)}%）"
        steps.append(f"{r0.year}→{r1.year}年{change}")
    listing = "；".join(f"{r.year}年 {num(m.value.value, unit)}" for r, m in got)
    agency = got[-1][0].agency
    text = f"{agency}「{label}」：{listing}。" + ("变化：" + "，".join(steps) + "。" if steps else "")
    if years_back and len(got) < years_back:
        text += f"（只找到{len(got)}年的报告。）"
    figures, cites = _figures(kb, got)
    rows = tuple(_row(r, m) for r, m in got)
    last = got[-1][1].value
    return Answer(question, ANSWERED, text + _missing_note(missing), last.value, unit, figures, cites, rows,
                  tuple(r.id for r, _ in got))


def year_over_year(question: str, kb: Knowledge, now: Report, before: Report, pick,
                   absolute: bool = False) -> Answer | None:
    """Change from `before` to `now`; `absolute` gives the size of the gap (「少了多少」 → 1343)."""
    got, _ = _values(kb, [before, now], pick)
    if len(got) < 2:
        return None
    (r0, m0), (r1, m1) = got
    unit = m1.value.unit
    d = m1.value.value - m0.value.value
    text = (f"{r1.agency}「{m1.value.label}」{r1.year}年为{num(m1.value.value, unit)}，{r0.year}年为"
            f"{num(m0.value.value, unit)}，{'增加' if d >= 0 else '减少'}{num(abs(d), unit)}"
            f"（{m1.value.value} − {m0.value.value} = {d}）")
    value, out_unit = (abs(d) if absolute else d), unit
    if "哪" in question:  # 「哪年更多」 is answered by the larger (or, for 更少, the smaller) value
        bigger = m1 if m1.value.value >= m0.value.value else m0
        smaller = m0 if bigger is m1 else m1
        fewer = bool(re.search(r"更少|更低|较少|较低|哪[年个家]少", question))
        named = (r0 if (smaller if fewer else bigger) is m0 else r1).year
        text = f"{named}年{'更少' if fewer else '更多'}。" + text
        if not absolute:  # 「哪年高，高多少」 asks the gap too: the gap is the figure
            value = (smaller if fewer else bigger).value.value
    if m0.value.value:
        change = pct(d, m0.value.value)
        text += f"，变化幅度{change}%（{d} ÷ {m0.value.value}）"
    text += "。"
    figures, cites = _figures(kb, got)
    rows = (_row(r0, m0), _row(r1, m1))
    return Answer(question, ANSWERED, text, value, out_unit, figures, cites, rows, (r1.id,))


def years_of_one_report(question: str, report: Report, then: ReportFacts, now: ReportFacts, years: tuple[int, int],
                        pick, absolute: bool = False) -> Answer | None:
    """The change between two years one report sets out apart (a budget speech's outturn of the year
    before, in a section of its own, and its plan for the year): each year's figure picked from its own
    part, the same measure in both (`pick` lets through only what the verifier accepts for the question:
    two such prose labels say the same thing however worded), both cited to the one report."""
    m0, m1 = pick(then), pick(now)
    if m0 is None or m1 is None or m0.value.value is None or m1.value.value is None \
            or not (m0.kind == m1.kind == "prose" or _same(measure_key(m0), measure_key(m1))) \
            or m0.value.unit != m1.value.unit \
            or m0.value.inputs[0] == m1.value.inputs[0]:
        return None
    unit, d = m1.value.unit, m1.value.value - m0.value.value
    text = (f"{who(report)}报告里，「{m1.value.label}」{years[1]}年为{num(m1.value.value, unit)}，"
            f"{years[0]}年（报告中对{years[0]}年的说明）为「{m0.value.label}」{num(m0.value.value, unit)}，"
            f"{'增加' if d >= 0 else '减少'}{num(abs(d), unit)}（{m1.value.value} − {m0.value.value} = {d}）")
    if m0.value.value:
        text += f"，变化幅度{pct(d, m0.value.value)}%（{d} ÷ {m0.value.value}）"
    figures, cites = figures_of([(m0.value, report), (m1.value, report)], now.titles)
    return Answer(question, ANSWERED, text + "。", abs(d) if absolute else d, unit, figures, cites,
                  reports=(report.id,))


def total_over(question: str, kb: Knowledge, reports: list[Report], pick) -> Answer:
    """「2023年和2024年加起来」: the same figure of several reports added, every input shown; a
    report without it is named and nothing is added (a partial sum would read as the whole)."""
    ordered = sorted(reports, key=lambda r: (r.agency or "", r.year or 0))
    got, missing = _values(kb, ordered, pick)
    if missing or len(got) < 2:
        lacking = "、".join(who(r) for r in missing) or "其余报告"
        return Answer(question, REFUSED, f"{lacking}的报告中没有可用的这一数字，无法相加。",
                      reports=tuple(r.id for r in ordered))
    unit = got[0][1].value.unit
    total = sum(m.value.value for _, m in got)
    terms = " + ".join(f"{who(r)}{num(m.value.value, unit)}" for r, m in got)
    text = f"「{got[0][1].value.label}」{terms} = {num(total, unit)}。"
    figures, cites = _figures(kb, got)
    return Answer(question, ANSWERED, text, total, unit, figures, cites, tuple(_row(r, m) for r, m in got),
                  tuple(r.id for r, _ in got))
