"""An average per item the report never prints: 「平均每条微博被转发几次」 of 「发布微博3457条，被转发2077次」
is 2077 ÷ 3457, both cited and the division shown. Only when the sentence that prints the amount also
prints exactly one count in the measure word asked after 每 (and of the thing named after it): any
other pairing would divide figures that do not belong together."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Fact
from qa.text_match import number_at

# 「平均每条信息的」「平均每个项目」「平均每件」: the measure word and what it counts
_PER = re.compile(r"平均(?:下来)?每一?(?P<unit>批次|人次|批|条|个(?!月)|件|项|篇|期|家|辆|场|次|人|户|宗)"
                  r"(?P<noun>[\u4e00-\u9fff]{0,6}?)(?:的|能|有|可以|可|要|花了?|用了?)?(?=[\u4e00-\u9fff])")
_COUNT_UNITS = {"个": ("个", "项"), "项": ("项", "个"), "批": ("批", "批次")}  # 一个项目 is also 一项
_NOUN_AFTER = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:的|能|有|可以|可|要)?(?:多少|几|是多少|约多少)")


@dataclass(frozen=True)
class Average:
    amount: Fact
    count: Fact
    noun: str


def asks_average(question: str) -> re.Match | None:
    return _PER.search(question)


# 「平均每个月公开多少条」「每月平均」「月均」: a year's total over its twelve months
_PER_MONTH = re.compile(r"(?:平均|大概|大约|约)?(?:下来)?每一?个?月(?:平均|大约|大概|约)?|月均")
MONTHS = 12


def asks_per_month(question: str) -> re.Match | None:
    """The words asking an average per month, when the question asks one (平均 or 月均 said)."""
    m = _PER_MONTH.search(question)
    return m if m and ("平均" in question or "月均" in question) else None


def amount_question(question: str, m: re.Match) -> str:
    """The question as asked of the amount to be divided (「…平均每条微博被转发几次」 → 「…被转发几次」)."""
    return question[:m.start()] + question[m.end():]


def count_beside(amount: Fact, facts: list[Fact], m: re.Match) -> Fact | None:
    """The one count printed in the amount's sentence in the measure word asked (「发布微博3457条」 for
    每条), naming the thing asked when the question names one; None unless exactly one."""
    units = _COUNT_UNITS.get(m.group("unit"), (m.group("unit"),))
    # 「平均每个单位几项」: the thing counted may stand after the match, before what is asked of it
    noun = m.group("noun") or ((after := _NOUN_AFTER.match(m.string, m.end())) and after.group(1)) or ""
    same = [f for f in facts if f.table == "prose" and f.sentence == amount.sentence and f is not amount
            and f.unit in units and f.candidate == 0 and f.value > 0]
    if noun:
        # 「17个区直部门」: the count whose own noun follows it is the one; else one whose label names it
        named = [f for f in same if _followed_by(f, noun)] or [f for f in same if _names(f, noun)]
        # a word read after 每条 (「涉及」 of 「每条涉及几万元」) may be no noun: it only narrows
        same = named if named or m.group("noun") else same
    if len(same) > 1 and amount.span:
        # 「标准目录26项63条」: the count printed right against the amount is the one it is counted by
        glued = [f for f in same if f.span and 0 <= amount.span[0] - f.span[1] <= 1]
        same = glued or same
    return same[0] if len(same) == 1 else None


def _followed_by(f: Fact, noun: str) -> bool:
    """Whether the words right after a count name the thing it counts (「17个区直部门」 for 部门)."""
    sentence, raw, at = f.sentence or "", f.raw or "", number_at(f)
    return bool(raw) and at >= 0 and noun in sentence[at + len(raw):at + len(raw) + len(noun) + 4]


def _names(f: Fact, noun: str) -> bool:
    """Whether a count's label names the thing (「信息」 of 「共发布信息」; two of its characters will do for
    a longer noun: 「项目」 of 「采购项目」)."""
    label = "".join(f.row_path)
    return noun in label or (len(noun) > 2 and any(noun[i:i + 2] in label for i in range(len(noun) - 1)))


# 「2021-2023年部门基本支出规划1148.31万元」 asked 「…2021-2023年平均每年多少」: a figure printed for a
# span of years, averaged over the years it spans (the span printed in its own words, the same as asked)
_SPAN = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:-|—|–|－|~|～|至|到)\s*((?:19|20)\d\d)\s*年")
_PER_YEAR = re.compile(r"平均每年|每年平均|年均|平均一年|平均下来每年|按[两三四五六七八九十\d]+年平均(?:算|计算|下来)?")


def asks_span_average(question: str) -> tuple[int, int] | None:
    """The span of years a per-year average is asked over, if the question asks one."""
    span = _SPAN.search(question)
    if span is None or not _PER_YEAR.search(question):
        return None
    first, last = int(span.group(1)), int(span.group(2))
    return (first, last) if first < last <= first + 10 else None


def span_question(question: str) -> str:
    """The question as asked of the figure for the whole span: without the per-year words."""
    return _PER_YEAR.sub("", question).replace("每年", "")


def printed_span(f: Fact) -> tuple[int, int] | None:
    """The span of years a prose figure's own words print (「2021-2023年部门基本支出规划」)."""
    span = _SPAN.search(f.row_path[-1]) if f.row_path else None
    return (int(span.group(1)), int(span.group(2))) if span else None
