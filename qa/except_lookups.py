"""「主动公开的信息里，除了“其他”类，其余多少条」 when the report's own lists could not be read for it:
the whole before 除 and the item it leaves out, each asked of the one report as a figure question of
its own (found and verified the way a plain question for it would be), and the one taken off the
other with the inputs shown. Two different figures in one unit, the item no larger, or no answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from qa.answer import ANSWERED, Answer
from qa.compose import num
from qa.part_share import without_size
from qa.verify import EXCEPT, excepted

_OPENING = re.compile(r"^(?:在|从|对)")


def except_questions(question: str) -> tuple[str, str, Decimal | None] | None:
    """(the whole asked alone, the item asked inside it, the whole's size where the question quotes
    it), or None when no whole is named before what is left out."""
    m = EXCEPT.search(question)
    if m is None or not (item := excepted(m)):
        return None
    inside = _OPENING.sub("", question[:m.start()]).rstrip("，,、 ").removesuffix("里").removesuffix("中")
    inside, said = without_size(inside)
    if said is not None:  # 「办结的40件的申请」 less its size
        inside = inside.replace("的的", "的")
    if len(inside) < 4:
        return None
    return inside + "是多少？", f"{inside}里的{item}是多少？", said


def except_by_lookups(question: str, ask: Callable[[str], Answer]) -> Answer | None:
    asked = except_questions(question)
    if asked is None:
        return None
    whole_q, item_q, said = asked
    whole = ask(whole_q)
    if whole.status != ANSWERED or whole.value is None or (said is not None and whole.value != said):
        return None
    part = ask(item_q)
    if part.status != ANSWERED or part.value is None or not whole.figures or not part.figures:
        return None
    if whole.unit != part.unit or whole.reports != part.reports or not 0 <= part.value < whole.value:
        return None
    if {f.fact.id for f in whole.figures} & {f.fact.id for f in part.figures}:
        return None
    item = excepted(EXCEPT.search(question))
    rest = whole.value - part.value
    big = whole.figures[0].fact.row_path[-1] if len(whole.figures) == 1 else "所说的总数"
    own = part.figures[0].fact.row_path[-1] if len(part.figures) == 1 else item
    text = (f"除「{item}」以外：「{big}」{num(whole.value, whole.unit)} − 「{own}」{num(part.value, part.unit)}"
            f" = {num(rest, whole.unit)}。")
    return Answer(question, ANSWERED, text, rest, whole.unit, whole.figures + part.figures,
                  whole.citations + part.citations, reports=whole.reports)
