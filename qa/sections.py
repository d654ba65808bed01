"""The top-level sections of a report's text, and the years their headings date them to.

A township's budget speech reports last year's outturn and then this year's plan under headings
that say so (「一、2018年预算执行情况」 … 「二、2019年预算草案」): the same line names (一般公共服务支出)
carry one figure in each. A figure is of the year its section is dated to.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# a top-level section heading of a crawled page (「一、2018年预算执行情况」), on a line or between spaces
# (「…的报告，请予审议。一、2015年财政预算执行情况过去一年，…」: a crawl may run a heading on after a 。)
_SECTION_HEADING = re.compile(r"(?:^|(?<=[\s。]))[一二三四五六七八九十]{1,3}[、.．]\s*[^。；;，,\s]{2,40}")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)")


def years_named(words: str) -> set[int]:
    """The years a stretch of text names (「2018年」), not the digits of a code or an amount."""
    return {int(y) for y in _YEAR.findall(words)}


def _heading_years(text: str, m: re.Match[str]) -> set[int]:
    """The years a heading names; of one run on after a 。 (its own words and the next sentence's glued, 「。二、
    主动公开政府信息情况(一)…2024年制作…」), only a year that opens it (「。一、2015年财政预算执行情况…」)."""
    if m.start() > 0 and text[m.start() - 1] == "。":
        return years_named(m.group()[:_RUN_ON_YEAR_AT + 5])
    return years_named(m.group())


_RUN_ON_YEAR_AT = 4  # characters after 「一、」 a run-on heading's year may open at


def section_of(text: str, start: int) -> tuple[str, set[int]]:
    """The top-level section heading a position of the text stands under, and the years it names."""
    heads = list(_SECTION_HEADING.finditer(text, 0, start)) if text else []
    if not heads:
        return "", set()
    return heads[-1].group().strip(), _heading_years(text, heads[-1])


class Sections:
    """`section_of` for many positions of one text: its headings found in one pass, each position's
    looked up by bisection (asking every figure of a report would scan the text once per figure)."""

    def __init__(self, text: str):
        self.text = text
        self.heads = list(_SECTION_HEADING.finditer(text)) if text else []
        self.starts = [m.start() for m in self.heads]

    def at(self, start: int) -> tuple[str, set[int]]:
        i = bisect_left(self.starts, start) - 1
        if i < 0:
            return "", set()
        m = self.heads[i]
        if m.end() > start:  # a heading the position stands inside: read up to the position, as section_of does
            m = _SECTION_HEADING.match(self.text, m.start(), start)
            if m is None:
                return section_of(self.text, start)
        return m.group().strip(), _heading_years(self.text, m)


def dated_otherwise(section: tuple[str, set[int]], sentence: str, asked: set[int]) -> str:
    """The heading of the section a figure stands in (`section`: its heading and years) when the heading
    dates it to years none of which is asked, and the figure's own sentence names none of the asked
    years either; else ""."""
    heading, years = section
    return heading if years and not years & asked and not years_named(sentence) & asked else ""
