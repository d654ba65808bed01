"""「…一共公开了多少条？其中安全生产类占百分之多少？」: a share asked in a later part with no whole of
its own is a share of the figure the first part answered. Both figures must have been found and
verified for their own words; the part must be smaller than the whole and counted in its unit.
"""

from __future__ import annotations

import re
from decimal import Decimal

from qa.answer import ANSWERED, Answer
from qa.compose import num, pct
from qa.figures import whole_named
from qa.intent import without_share_words

_SHARE_ASKED = re.compile(r"占(?:了|到)?(?:多大|多少|百分之|几成|的?比例|的?比重)|占比|百分比")
_OF_IT = re.compile(r"^\s*(?:其中|这里面|这当中|里面|当中)")


def item_question(part: str) -> str:
    """The part's own item asked as a figure: its last clause without the share words (the clauses
    before it repeat the first part's subject)."""
    clause = re.split(r"[，,]", without_share_words(part).strip())[-1]
    return _OF_IT.sub("", clause).strip() + "是多少"


def asks_share_of_the_first(part: str) -> bool:
    """A later part that asks a share and names no whole of its own (「其中…占百分之多少」)."""
    return bool(_SHARE_ASKED.search(part)) and whole_named(part) is None


def share_of_first(part: str, first: Answer, item: Answer) -> Answer | None:
    """The share `item` (the part's figure, asked without its share words) is of `first`."""
    return _share_of(part, first, item, "第1问的")


_POINTER = re.compile(r"(?:这|那)(?:一|1)?(?:块|部分|项|类|笔|个)$|的$")


_SIZE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元|条|件|宗|个|项|份|篇|次|人)")


def without_size(words: str) -> tuple[str, Decimal | None]:
    """The words of a whole without the size the question quotes for it (「收到的40件申请」 → 「收到的申请」,
    40): the size is no word of its name, but the whole found must be that size."""
    if (size := _SIZE.search(words)) is None:
        return words, None
    return words[:size.start()] + words[size.end():], Decimal(size.group(1).replace(",", ""))


def named_lookups(question: str) -> tuple[str, str, Decimal | None] | None:
    """(whole, part, the whole's size where the question quotes it) asked as figures of their own when
    a share names both (「接待经费当中，餐费那部分占几成」 → 「接待经费」, 「餐费」); None when
    it names no whole. A size quoted (「办结的40件申请中」) is no word of the whole's name: it is left
    out of the lookup, and the whole found must be that size."""
    named = whole_named(question)
    if named is None:
        return None
    head, tail, _ = named
    head, said = without_size(head)
    whole = without_share_words(head).split()[0] if without_share_words(head).split() else ""
    part = without_share_words(tail).split()[0] if without_share_words(tail).split() else ""
    whole, part = (_POINTER.sub("", w.strip("，,、 ")) for w in (whole, part))
    if len(whole) < 2 or len(part) < 2:
        return None
    return whole, part, said


def share_of_named(question: str, whole: Answer, part: Answer) -> Answer | None:
    """The share of two figures each found and verified for its own words, the part asked beside a
    whole the question names: the same report and unit, two different figures, the part no larger."""
    return _share_of(question, whole, part, "") if whole.reports else None


def _share_of(question: str, whole: Answer, part: Answer, whole_said: str) -> Answer | None:
    """`part` as a share of `whole`, both answered: one unit, one report, two figures, the part no larger;
    `whole_said` says where the whole was asked (「第1问的」)."""
    if whole.status != ANSWERED or part.status != ANSWERED or whole.value is None or part.value is None:
        return None
    if not whole.figures or not part.figures or whole.unit != part.unit or not whole.value:
        return None
    if {f.fact.id for f in whole.figures} & {f.fact.id for f in part.figures}:
        return None  # the part found is the whole itself
    if not (0 <= part.value <= whole.value) or whole.reports != part.reports:
        return None
    if part.value == whole.value and all(f.fact.table == "prose" for f in whole.figures):
        return None  # a sentence printing the part's very count says it again: it is no whole of it
    share = pct(part.value, whole.value)
    big = whole.figures[0].fact.row_path[-1] if len(whole.figures) == 1 else (whole_said or "所说的") + "总数"
    own = part.figures[0].fact.row_path[-1] if len(part.figures) == 1 else "所问的这一项"
    text = (f"「{own}」{num(part.value, part.unit)}，占{whole_said}「{big}」{num(whole.value, whole.unit)}的{share}%"
            f"（{part.value} ÷ {whole.value} × 100 = {share}%）。")
    return Answer(question, ANSWERED, text, share, "%", part.figures + whole.figures, part.citations + whole.citations,
                  reports=part.reports)
