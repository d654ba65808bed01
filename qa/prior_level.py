"""An earlier year's level worked out from a later report: 「行政运行10.73万元，较上年决算数减少17.68万元」
gives 2016's 行政运行 as 10.73 + 17.68 = 28.41万元. Only an amount stated beside the level it changes,
in the same unit and against the same kind of figure the report holds (a final account's 上年决算数,
a budget's 上年预算数), is used; a percentage change would give a rounded level and is not, unless the
level is itself a percentage and the change is in 个百分点.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from index.models import Fact
from index.prose_facts import YEAR_AGAINST
from qa.text_match import common_tail

_CHANGE = re.compile(r"^(?:比|较|与)(?P<year>上年|上一年|去年|" + YEAR_AGAINST + r")度?"
                     r"(?P<base>决算数?|预算数?|执行数)?"
                     r"(?:相比)?(?:的)?(?P<way>增加|减少|增长|下降|上升|降低|增收|减收|增支|减支|多|少)了?$")
_DOWN = ("减少", "下降", "降低", "减收", "减支", "少")
# a percentage's change in 个百分点 is exact (80.29%, 下降10.33个百分点 → 90.62%); a 「下降30%」 of a
# percentage is a rate of a rate and is not used
_CHANGED_IN = {"%": "个百分点"}
_KIND_BASE = {"final": "决算", "budget": "预算"}


@dataclass(frozen=True)
class PriorLevel:
    """The earlier level, with the two printed figures it comes from."""

    level: Fact
    change: Fact
    value: Decimal
    down: bool  # the printed change is a decrease: the earlier level was higher


def prior_level(level: Fact, facts: list[Fact], year: int, report_year: int | None,
                kind: str | None) -> PriorLevel | None:
    """The level of `year` implied by `level` and the change printed right after it, if any."""
    if level.table != "prose" or not level.unit or report_year is None:
        return None
    for f in facts:
        if f.table != "prose" or f.unit != _CHANGED_IN.get(level.unit, level.unit):
            continue
        # (under a numbered item's or a section's subject, the change is the subject's as the level is)
        if _beside(level, f) and (f.row_path[:-1] == level.row_path
                                  or (len(level.row_path) > 1 and f.row_path[:-1] == level.row_path[:-1])
                                  # 「公务接待费 2019年预算安排6万元。主要用于…。比上年减少1.5万元」: the change
                                  # read under the subject the level's own words open with
                                  or (len(f.row_path) == 2 and len(f.row_path[0]) >= 2
                                      and level.row_path[-1].startswith(f.row_path[0]))):
            m = _CHANGE.match(f.row_path[-1].replace(" ", "")) or _restated(level, f)
        else:
            m = _restated(level, f)
        if m is None:
            continue
        said = m.group("year")
        against = report_year - 1 if said in ("上年", "上一年", "去年") else int(said[:4])
        base = m.group("base") or ""
        if against != year or (base and _KIND_BASE.get(kind or "", base[:2]) != base[:2]):
            return None  # 「比上年执行数增加」 in a budget: the earlier figure is no budget
        down = m.group("way") in _DOWN
        value = level.value + f.value if down else level.value - f.value
        return PriorLevel(level, f, value, down) if value >= 0 else None
    return None


_YEAR_WORDS = re.compile(r"(?:19|20)\d\d\s*年度?|本年度?|当年")


# 「公开数量同比增长120.9%」「与上年相比支出下降48.45%」: a rate of change against the year before
# (the year may be named, 「比2015年减少30.95%」「与2016年相比支出增长3%」: checked against the year asked)
_RATE = re.compile(r"(?:同比|(?:比|较|与)(?P<year>上年|上一年|去年|(?:19|20)\d\d)\s*年?度?[^，,。]{0,4}?(?:相比)?"
                   r"[^，,。]{0,6}?)(?P<way>增长|增加|上升|提高|下降|减少|降低)了?$")
_RATE_DOWN = ("下降", "减少", "降低")
_WHOLE_UNITS = frozenset({"条", "件", "个", "人", "人次", "次", "项", "宗", "篇", "家", "辆", "户", "名", "位",
                          "批次", "期"})


def prior_from_rate(level: Fact, facts: list[Fact], year: int, report_year: int | None) -> PriorLevel | None:
    """The year before's level from a rate printed beside this year's (「360条，…同比增长120.9%」 →
    360 ÷ 2.209 ≈ 162.97): only for the year just before, and only an estimate (the rate is rounded),
    so the caller says 约 and asks it only of a question that asks for an estimate."""
    if level.table != "prose" or not level.unit or level.unit == "%" or report_year is None or year != report_year - 1:
        return None
    for f in facts:
        if f.table != "prose" or f.unit != "%" or not _beside(level, f) or f.span is None or level.span is None \
                or f.span[0] < level.span[1]:
            continue
        m = _RATE.search(f.row_path[-1].replace(" ", ""))
        if m is None:
            continue
        if (said := m.group("year")) and said[0].isdigit() and int(said) != year:
            return None  # a rate against another year than the one asked
        down = m.group("way") in _RATE_DOWN
        factor = 1 - f.value / 100 if down else 1 + f.value / 100
        if factor <= 0:
            return None
        # a count is whole (「约163条」, not 162.97条); an amount keeps its cents
        step = Decimal(1) if level.unit in _WHOLE_UNITS else Decimal("0.01")
        return PriorLevel(level, f, (level.value / factor).quantize(step), down)
    return None


def printed_again(level: Fact, facts: list[Fact]) -> list[Fact]:
    """The same amount printed elsewhere under the same words, a year aside (「本年收入2250.86万元」 in
    the overview, 「（一）2016本年收入2250.86万元，比2015年决算数减少…」 in its own section): the
    change may stand beside only one of them."""
    own = _YEAR_WORDS.sub("", level.row_path[-1]).strip()
    return [f for f in facts if f.table == "prose" and f is not level and f.value == level.value
            and f.unit == level.unit and own and _same_words_end(_YEAR_WORDS.sub("", f.row_path[-1]).strip(), own)]


_COPULA = re.compile(r"(?:为|是|达到?|共计?)$")
_SAME_END = 4  # characters two printings' labels end alike on, the agency's way of naming itself aside


def _same_words_end(label: str, own: str) -> bool:
    """「2018年县文联部门支出预算为」 prints 「某县文联部门支出预算为」 again: the agency may be named
    either way, the measure's words are the same."""
    if label.endswith(own):
        return True
    return common_tail(_COPULA.sub("", label), _COPULA.sub("", own), han_only=True) >= _SAME_END


# 「…公务接待费9.73万元。…与2014年相比，公务接待费支出增加5.41万元」: the change said again of its subject,
# a sentence or two after the level, the year it is against opening its sentence
_RESTATED = re.compile(r"^(?P<subject>[\u4e00-\u9fff“”\"（）()]{3,20}?)(?:支出)?"
                       r"(?P<way>增加|减少|增长|下降|上升|降低)了?$")
_AGAINST = re.compile(r"(?:与|比|较)\s*(?P<year>上年|上一年|去年|" + YEAR_AGAINST + r")度?\s*"
                      r"(?P<base>决算数?|预算数?|执行数)?"
                      r"(?:相比)?")
_RESTATED_REACH = 400  # characters from a level to a change that names it again


def _restated(level: Fact, change: Fact) -> re.Match[str] | None:
    """The change of `level` said again of its own subject after it (「与2014年相比，公务接待费支出增加」): the
    against phrase of the change's sentence, when the change names the level's subject (less 支出)."""
    if not (level.span and change.span and 0 < change.span[0] - level.span[1] <= _RESTATED_REACH) \
            or change.row_path[:-1] not in ((), level.row_path) or not change.sentence or not change.raw:
        return None
    m = _RESTATED.match(change.row_path[-1].replace(" ", ""))
    subject, own = (m.group("subject").removesuffix("支出") if m else ""), level.row_path[-1].replace(" ", "")
    if len(subject) < 3 or not own.removesuffix("支出").endswith(subject):
        return None
    said = change.sentence[:max(change.sentence.find(change.raw), 0)]
    against = list(_AGAINST.finditer(said))
    if not against:
        return None
    return _CHANGE.match(f"比{against[-1].group('year')}{against[-1].group('base') or ''}{m.group('way')}")


def _beside(level: Fact, change: Fact) -> bool:
    """In the level's sentence, or opening the one its 「；」 runs on into (「…6233.88万元；比上年减少…」)."""
    if change.sentence == level.sentence:
        return True
    if not (level.span and change.span):
        return False
    gap = change.span[0] - level.span[1]
    if len(change.row_path) >= 2 and 0 <= gap <= _NEXT_SENTENCES:
        # 「公务接待费2018年预算安排2万元。主要用于…接待活动。与上年相比支出下降20%」: a change read under the
        # level's own name, what the money is for said between
        subject = change.row_path[0]
        return len(subject) >= 2 and (level.row_path[-1].startswith(subject) or level.row_path[0] == subject)
    return 0 <= gap <= _NEXT_CLAUSE


_NEXT_CLAUSE = 12  # characters from a level's end to a change that opens the next clause
_NEXT_SENTENCES = 80  # characters from a level's end to a change said of it after an aside
