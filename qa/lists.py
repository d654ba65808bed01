"""The 「其中」 lists of prose: which figures a whole breaks down into, and which whole a part is listed under.

Finance notices print the same item names in several lists (「一般公共预算支出105.66万元，其中：工资福利
支出98.86万元；商品和服务支出6.01万元；…」 and again 「一般公共预算基本支出101.97万元，其中：…商品和服务支出
3.11万元；…」). The item's own words cannot tell the two figures apart; the whole each is listed under can.
"""

from __future__ import annotations

import re

from index.models import Fact

# 「…共514条，其中…」 and 「在主动公开的86条政府信息中，…」: a list of the figure's items follows
ITEMS_OPEN = re.compile(r"其中|(?<!其)中\s*[，,：:]")
BREAKDOWN_REACH = 24  # characters between a whole's number and the 其中 of its parts (「1169篇公众号信息，其中」)
BREAKDOWN_SPAN = 400  # how far a part may stand after its 其中 (a list of parts in one or two sentences)
# one 「；」 part that is a single item: a name and its figure
ONE_ITEM = re.compile(r"\s*[^\d，,。；;]{2,30}?\s*\d[\d,.]*\s*[^\d，,。；;]{0,4}[；;。]?\s*")


def items_of(facts: list[Fact], whole: Fact) -> list[Fact]:
    """The items of the 「其中」 list that follows a prose figure in its sentence, in its unit."""
    if whole.table != "prose" or not whole.sentence or not whole.span or not whole.raw:
        return []
    at = whole.sentence.find(whole.raw)
    opens = ITEMS_OPEN.search(whole.sentence, at) if at >= 0 else None
    if opens is None or opens.start() - (at + len(whole.raw)) > BREAKDOWN_REACH:
        return []
    # the list runs on over the sentences a 「；」 parts (「其中：工资福利支出290万元；商品和服务支出50万元；…」)
    after = sorted((f for f in facts if f.table == "prose" and f.span and f.span[0] > whole.span[1]
                    and f.value is not None), key=lambda f: f.span[0])
    items, sentence = [], whole.sentence
    for f in after:
        if f.sentence != sentence:
            # the next 「；」 part is an item only when it is one: a name and its figure (「…；全年通过门户网站
            # 主动公开…5条，…回应…1条」 says more, of another subject)
            if not (sentence or "").rstrip().endswith(("；", ";")) or not ONE_ITEM.fullmatch(f.sentence or ""):
                break
            sentence = f.sentence
        if f.unit == whole.unit:
            items.append(f)
    return items


def whole_of(facts: list[Fact], part: Fact) -> Fact | None:
    """The prose figure whose 「其中」 list `part` is an item of; the nearest when lists nest."""
    if part.table != "prose" or not part.span:
        return None
    wholes = [g for g in facts if g.table == "prose" and g.span and g.unit == part.unit and g.value is not None
              and part.span[0] - BREAKDOWN_SPAN <= g.span[1] <= part.span[0]]
    for g in sorted(wholes, key=lambda g: -g.span[1]):
        if part in items_of(facts, g):
            return g
    return None
