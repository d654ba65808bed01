"""「办公费加上印刷费总共多少」「年初的预算数和实际支出谁高」 refused as a whole: each item
the question names asked of the one report as a figure question of its own (found and verified
the way a plain question for it would be, its runner-ups and worked-back levels included), then
added or set against each other with the inputs shown. Every item needs one printed figure of its
own, a different one each; an item answered by arithmetic of its own, or not at all, leaves no
result."""

from __future__ import annotations

from collections.abc import Callable

from qa.answer import ANSWERED, Answer
from qa.figures import arithmetic, item_parts
from qa.knowledge import ReportFacts
from qa.measure import prose_measure, table_measure


def items_by_lookups(question: str, asked: str, rf: ReportFacts, kind: str,
                     ask: Callable[[str], Answer]) -> Answer | None:
    """`asked`: the question as the operation reads it (a follow-up joined to what it follows)."""
    items = item_parts(rf, asked, kind)
    if not 2 <= len(items) <= 6:
        return None
    measures = []
    for item in items:
        got = ask(item.strip("，,、 ") + "是多少？")
        if got.status != ANSWERED or got.value is None or len(got.figures) != 1 or got.warnings:
            return None
        fact = got.figures[0].fact
        if fact.value != got.value:
            return None  # a value of the answer's own making (a share, a level worked back)
        measures.append(prose_measure(fact) if fact.table == "prose" else table_measure(fact))
    if len({m.value.inputs for m in measures}) < len(measures):
        return None  # one figure answered for two items
    done = arithmetic(question, rf, measures, kind)
    return done if done.status == ANSWERED else None
