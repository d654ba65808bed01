"""How many times one figure is another (「依申请公开的条数大约是主动公开的几倍」): the two items are
looked up by their own words, each must be found on its own, in one unit, and the division is shown
with its inputs. The result is no figure the report prints, so it is said as computed."""

from __future__ import annotations

import re

from qa.answer import ANSWERED, Answer
from qa.compose import figures_of, num, quotient, who
from qa.knowledge import ReportFacts, Value

# 「A大约是B的几倍」「A相当于B的多少倍」: A before 是, B between it and 的…倍
_RATIO = re.compile(r"^(?P<a>.+?)(?:大约|大概|约)?(?:是|为|相当于|等于)(?P<b>[^，,。？?]{2,30}?)的?(?:多少|几)倍")


def ratio_parts(question: str) -> tuple[str, str] | None:
    """(the item divided, the item it is measured by), or None when the question is worded otherwise."""
    m = _RATIO.search(question)
    if not m:
        return None
    a, b = m.group("a").strip("，, "), m.group("b").strip("，, ")
    return (a, b) if len(a) >= 2 and len(b) >= 2 else None


def ratio_answer(q: str, rf: ReportFacts, a: Value, b: Value) -> Answer:
    r = rf.report
    value = quotient(a.value, b.value)
    text = (f"{who(r)}「{a.label}」{num(a.value, a.unit)}，「{b.label}」{num(b.value, b.unit)}，"
            f"前者约是后者的{value}倍（{a.value} ÷ {b.value} = {value}）。这是计算值，报告没有直接印出。")
    figs, cites = figures_of([(a, r), (b, r)], rf.titles)
    return Answer(q, ANSWERED, text, value, "倍", figs, cites, reports=(r.id,))
