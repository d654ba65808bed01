"""「三公经费预算一共多少」 where the report prints 因公出国（境）费, 公务用车购置及运行费 and 公务接待费
each under its own heading and no total: a whole defined as the sum of fixed items (vocabulary
`named_sums`) is each item asked of the same report as a figure question of its own, verified as
any answer is, and added with the inputs shown. One item missing, and there is no sum."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal

from index.models import Fact
from index.template import normalize
from qa.answer import ANSWERED, Answer
from qa.compose import num
from qa.figures import PARTS_END
from qa.intent import SUM
from qa.text_match import COMPARED_YEAR, asks_change, is_change
from qa.verify import item_core
from qa.vocab import vocabulary

# 「（接待、公车、出国）」: the items said again in brackets after the whole's name
_ITEMS_GLOSSED = re.compile(r"[（(][^（）()]{2,30}[、，,][^（）()]{1,30}[）)]")
_QUOTES = re.compile(r"[“”\"「」]")


def named_whole(question: str) -> tuple[str, tuple[str, ...]] | None:
    """The whole of fixed items the question asks for (三公经费 or its short form 三公), if any; not
    when it also names one of the items outside brackets (「三公经费里的公务接待费」 asks that item)."""
    plain = _QUOTES.sub("", question)
    bare = _ITEMS_GLOSSED.sub("", plain)
    for whole, items in vocabulary().named_sums.items():
        short = whole.removesuffix("经费")
        if (whole in plain or short in plain) and not any(item_core(item) in bare for item in items):
            return (whole if whole in plain else short), items
    return None


def item_questions(question: str, said: str, items: tuple[str, ...]) -> list[str]:
    """The question once per item: the whole's name replaced by the item's, the words that ask to
    add (一共, 加起来) and the items glossed in brackets left out."""
    plain = _ITEMS_GLOSSED.sub("", _QUOTES.sub("", question))
    plain = PARTS_END[SUM].sub("", plain)
    return [plain.replace(said, item, 1) for item in items]


def summed(question: str, ask_item: Callable[[str], Answer], facts: Iterable[Fact] = ()) -> Answer | None:
    """The whole as the sum of its items, each answered on its own from one report in one unit; not
    when the report prints an amount under the whole's own name that the sum is not (a 控制数, a
    total of other years): which one was meant cannot be told."""
    asked = named_whole(question)
    if asked is None or asks_change(normalize(question)) or COMPARED_YEAR.search(question):
        return None  # 「…比上年增加还是减少了多少」 asks a change, which no sum of this year's items is
    said, items = asked
    answers = [ask_item(q) for q in item_questions(question, said, items)]
    if any(a.status != ANSWERED or a.value is None or a.unit is None or not a.figures for a in answers):
        return None
    if len({a.unit for a in answers}) != 1 or len({a.reports for a in answers}) != 1:
        return None
    ids = [frozenset(f.fact.id for f in a.figures) for a in answers]
    if any(ids[i] & ids[j] for i in range(len(ids)) for j in range(i + 1, len(ids))):
        return None  # one figure answered for two items
    unit = answers[0].unit
    total = sum((a.value for a in answers), start=Decimal(0))
    if any(f.table == "prose" and f.unit == unit and f.value is not None and f.value != total
           and any(said in p for p in f.row_path) and not is_change(f.row_path[-1])
           and not any(item_core(i) in f.row_path[-1] for i in items) for f in facts):
        return None
    parts = " + ".join(f"{item} {num(a.value, unit)}" for item, a in zip(items, answers, strict=True))
    text = (f"报告没有印出{said}的合计；{said}是{'、'.join(items)}{len(items)}项之和，按报告各项相加："
            f"{parts} = {num(total, unit)}。")
    return Answer(question, ANSWERED, text, total, unit, tuple(f for a in answers for f in a.figures),
                  tuple(c for a in answers for c in a.citations), reports=answers[0].reports)
