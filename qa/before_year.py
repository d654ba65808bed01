"""What a running total held before the report's year: the total to the year's end less the year's
own part, both cited. 「历年累计555条、本年度43条」 asked 「2013年以前累计公开了多少」 (of the 2013
report), or 「本年新增关注用户5810人，累计总关注用户28697人」 asked 「新增之前原有多少关注用户」.

Neither printed figure answers such a question (the total holds the year, the part is the year);
a plain look-up would state one of them. Only a pair the report prints as one measure counts: the
two columns of one row, or a total and its year's part said side by side in the same unit and
words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Fact
from qa.text_match import common_tail, number_at

# 「2013年之前」「2016年以前」 (the year is checked against the report's own), 「新增关注之前」,
# 「不是今年新增的」: the stock before the year's addition
_BEFORE = re.compile(r"((?:19|20)\d\d)\s*年度?(?:之前|以前)(?:的?(?:年份|各年度?|那些年|几年)(?:里|中|内)?)?"
                     r"|新增[\u4e00-\u9fff]{0,6}?(?:之前|以前)"
                     r"|不是(?:(?:19|20)\d\d\s*年度?|本年|当年|今年)?新增的?"
                     # 「截至2019年末（不含2020年）」 of a 2020 report: to the end of the year before
                     r"|(?:截[至止]|到)(?P<end>(?:19|20)\d\d)\s*年(?:底|末|年底|12月31日)")
# what only says how the asker wants it worked out: 「（不算当年）」「（拿累计数扣掉今年的）」
# the verbs that take one figure away from another in a how-to aside (verify's HOW_ASIDE says them too)
TAKE_AWAY = "扣掉|扣去|去掉|除去|刨去|刨掉|拿掉"
_HOW = re.compile(rf"[（(][^）)]*(?:不含|不包括|不算|减|扣除|{TAKE_AWAY}|截[至止])[^）)]*[）)]")
_STOCK_WORDS = re.compile(r"在|就已经|已经|已|原有的?|原来的?|那么?|就")
_RUNNING = re.compile(r"历年累计|累计")
_YEAR_WORDS = re.compile(r"本年度|本年|当年|全年|今年")
_OWN_YEAR = ("本年度", "本年", "当年", "全年", "今年", "年度", "新增")
_CUE_WORDS = re.compile(r"历年|累计|总|共|本年度?|当年|全年|今年|新增|其中|达|我局|本局|(?:19|20)\d\d年度?")
# 「公开公安政府信息」: the thing published may carry its field before it (公安, 卫生)
_OBJECT_END = re.compile(r"(?:(?<=公开|发布)[\u4e00-\u9fff]{1,3}?)?(?:政府)?(?:信息|文件)$")
_COPULA_END = re.compile(r"(?:系|为|是|达到?)$")  # 「历年累计主动公开政府信息系41条」
_NEAR = 200  # characters between a total and its year's part said beside it


@dataclass(frozen=True)
class RunningTotal:
    total: Fact  # to the end of the report's year
    year: Fact  # the year's own part of it


def asks_before_year(question: str, year: int | None) -> re.Match | None:
    """The words asking for the stock before the report's year, else None (a year before another
    year than the report's own is not this: the report prints no total to that one)."""
    for m in _BEFORE.finditer(question):
        if m.group("end") is not None:
            if year is None or int(m.group("end")) == year - 1:
                return m
        elif m.group(1) is None or year is None or int(m.group(1)) == year:
            return m
    return None


def stock_question(question: str, m: re.Match) -> str:
    """The question as asked of the running total (the before-words and the how-to aside dropped):
    the total's words must cover it as they would any question."""
    rest = question[:m.start()] + question[m.end():]
    return _STOCK_WORDS.sub("", _HOW.sub("", rest))


def checked_question(question: str, m: re.Match) -> str:
    """What the verifier holds the answer to: the stock question less its words of the running total
    and of the year's own part (the subtraction answers both; each would read as contradicting the
    other figure)."""
    return _YEAR_WORDS.sub("", _RUNNING.sub("", stock_question(question, m)))


def running_totals(facts: list[Fact], year: int | None) -> list[RunningTotal]:
    """Every total the report prints with its year's part: a table row's 历年累计 and 本年度 cells,
    or a prose 累计 figure and, within a sentence or two, one figure of the same unit that names the
    year and shares the total's measure."""
    pairs: list[RunningTotal] = []
    rows: dict[tuple[str, tuple[str, ...]], list[Fact]] = {}
    for f in facts:
        if f.table != "prose" and f.column_path and f.candidate == 0:
            rows.setdefault((f.table, f.row_path), []).append(f)
    for cells in rows.values():
        totals = [f for f in cells if _RUNNING.search(f.column_path[-1])]
        own = [f for f in cells if _names_own_year(f.column_path[-1], year) and f not in totals]
        if len(totals) == 1 and len(own) == 1 and own[0].value <= totals[0].value:
            pairs.append(RunningTotal(totals[0], own[0]))
    prose = [f for f in facts if f.table == "prose" and f.unit and f.span and f.candidate == 0]
    for t in prose:
        if not _RUNNING.search(t.row_path[-1]):
            continue
        beside = [f for f in prose if f is not t and f.unit == t.unit and abs(f.span[0] - t.span[0]) <= _NEAR
                  and not _RUNNING.search(f.row_path[-1])
                  and (_names_own_year(f.row_path[-1], year) or _names_own_year(_said_before(f), year))
                  and f.value <= t.value and _same_measure(t.row_path[-1], f.row_path[-1])]
        if len(beside) == 1:
            pairs.append(RunningTotal(t, beside[0]))
    return pairs


def unnamed_children_dropped(pairs: list[RunningTotal], question: str) -> list[RunningTotal]:
    """The pairs less the child rows the question does not name: 「累计主动公开多少条」 asks the row
    主动公开信息数, not its 政府公报公开 line beneath it, which would tie with it on the words asked."""
    rows = {(p.total.table, p.total.row_path) for p in pairs if p.total.table != "prose"}

    def child_unnamed(p: RunningTotal) -> bool:
        path = p.total.row_path
        return p.total.table != "prose" and path[-1] not in question and any(
            (p.total.table, path[:k]) in rows for k in range(1, len(path)))
    return [p for p in pairs if not child_unnamed(p)]


def _said_before(f: Fact) -> str:
    """The words of a prose figure's sentence before it (「2015年度，制作、获取政府信息30条，主动公开政府信息
    30条」: the year opens the sentence, not the figure's own label)."""
    return (f.sentence or "")[:max(number_at(f), 0)]


def _names_own_year(label: str, year: int | None) -> bool:
    return any(w in label for w in _OWN_YEAR) or (year is not None and f"{year}年" in label)


def _same_measure(a: str, b: str) -> bool:
    """「累计发布政务微博」 and 「其中本年度发布政务微博」 count the same thing: their words
    less the words of time and totals end alike (the measure is the label's last words)."""
    # 「累计公开…」 beside 「某年我局公开信息…」: the thing counted may be said after the verb, or not at all
    said = [_COPULA_END.sub("", _CUE_WORDS.sub("", x)) for x in (a, b)]
    bare = [_OBJECT_END.sub("", x) for x in said]
    if common_tail(*bare) >= 3:
        return True
    # 「公开文件」 beside 「主动公开文件」: the verb before the same object (not the object alone: 「制作、获取
    # 政府信息」 is no 「主动公开政府信息」)
    object_len = max(len(x) - len(y) for x, y in zip(said, bare, strict=True))
    return common_tail(*said) >= max(3, object_len + 2)
