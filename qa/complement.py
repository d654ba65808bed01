"""The rest of a total that prints only its negated part (「累计共抽检20680批次农产品，其中不合格15批次」
asked 「合格的有多少批次」): total − part, both cited. Only when the part is the one item its 其中 lists
in that unit, so the rest is that word's opposite and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Fact
from qa.verify import question_text
from qa.vocab import vocabulary

_A_TOTAL = re.compile(r"共|累计|总|全年|合计")


@dataclass(frozen=True)
class Complement:
    total: Fact
    part: Fact
    word: str  # the word asked plainly, printed negated in the part's label


def complement_of(question: str, facts: list[Fact]) -> Complement | None:
    """The total and the negated part a question's plain word is the rest of, else None."""
    q = question_text(question)
    negs = sorted(vocabulary().negation, key=len, reverse=True)
    found: dict[tuple[str, str], Complement] = {}
    for part in facts:
        if part.table != "prose" or not part.sentence or not part.raw or not part.unit:
            continue
        label = question_text(part.row_path[-1])
        for neg in negs:
            at = label.find(neg)
            word = label[at + len(neg):at + len(neg) + 2] if at >= 0 else ""
            if len(word) < 2 or word not in q or any(q.startswith(n, q.find(word) - len(n)) for n in negs):
                continue
            s = part.sentence
            at_part = s.find(part.raw)
            k = s.rfind("其中", 0, at_part)
            same = [f for f in facts if f.table == "prose" and f.sentence == s and f.unit == part.unit and f.raw]
            if k >= 0 and not any(0 <= s.find(f.raw) < k for f in same):
                k = -1  # a 其中 of another list (「推文974篇，其中《…》…」): this part is not its item
            cut = k if k >= 0 else at_part
            before = [f for f in same if 0 <= s.find(f.raw) < cut]
            after = [f for f in same if s.find(f.raw) >= cut]
            if len(before) != 1 or len(after) != 1 or before[0].value < part.value:
                continue  # one total, one part: the rest is the word's opposite alone
            if k < 0 and not _A_TOTAL.search(before[0].row_path[-1]):
                continue  # without 其中, only a total said as one (共, 累计, 全年) is the part's whole
            found[(before[0].id, part.id)] = Complement(before[0], part, word)
            break
    return next(iter(found.values())) if len(found) == 1 else None
