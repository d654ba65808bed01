"""The rest of a total that prints only its negated part (「累计共抽检20680批次农产品，其中不合格15批次」
asked 「合格的批次有几个」): total − part, both cited. Only when the part is the one item its 其中 lists
in that unit, so the rest is that word's opposite and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Fact
from qa.text_match import number_at
from qa.verify import after_negation, question_text
from qa.vocab import vocabulary

_A_TOTAL = re.compile(r"共|累计|总|全年|合计")


@dataclass(frozen=True)
class Complement:
    total: Fact
    part: Fact
    word: str  # the word asked plainly, printed negated in the part's label


def complement_of(question: str, facts: list[Fact]) -> Complement | None:
    """The total and the part a question's word is the rest of, else None: a word asked plainly that
    the part prints negated (合格 of 「其中不合格15批次」), or a word asked negated that the part prints
    plainly (「剩下几件没办」 of 「累计受理2576件，已办理2520件」)."""
    q = question_text(question)
    negs = sorted(vocabulary().negation, key=len, reverse=True)
    asked_negated = {q[m.end():m.end() + 2] for n in negs for m in re.finditer(re.escape(n), q)}
    found: dict[tuple[str, str], Complement] = {}
    for part in facts:
        if part.table != "prose" or not part.sentence or not part.raw or not part.unit:
            continue
        label = question_text(part.row_path[-1])
        word = _negated_in_label(label, q, negs) or next(
            (n + w for n in negs for w in asked_negated if len(w) == 2 and n + w in q and w in label
             and not _negated_at(label, w, negs)), "")
        if not word or (total := _total_of(part, facts)) is None:
            continue
        found[(total.id, part.id)] = Complement(total, part, word)
    return next(iter(found.values())) if len(found) == 1 else None


def _negated_at(text: str, word: str, negs: list[str]) -> bool:
    """Whether the word's first printing in `text` comes right after a negation."""
    return (at := text.find(word)) >= 0 and after_negation(text, at, negs)


def _negated_in_label(label: str, q: str, negs: list[str]) -> str:
    """A word the label prints negated and the question asks plainly."""
    for neg in negs:
        at = label.find(neg)
        word = label[at + len(neg):at + len(neg) + 2] if at >= 0 else ""
        if len(word) == 2 and word in q and not _negated_at(q, word, negs):
            return word
    return ""


def _total_of(part: Fact, facts: list[Fact]) -> Fact | None:
    """The one total of the part's sentence in its unit, printed before it (before its 其中, or said
    as a total: 共, 累计, 全年), when the part is the only other figure of that unit there."""
    s = part.sentence or ""
    at_part = number_at(part)
    k = s.rfind("其中", 0, at_part)
    same = [f for f in facts if f.table == "prose" and f.sentence == s and f.unit == part.unit and f.raw]
    if k >= 0 and not any(0 <= number_at(f) < k for f in same):
        k = -1  # a 其中 of another list (「推文974篇，其中《…》…」): this part is not its item
    cut = k if k >= 0 else at_part
    before = [f for f in same if 0 <= number_at(f) < cut]
    after = [f for f in same if number_at(f) >= cut]
    if len(before) != 1 or len(after) != 1 or before[0].value < part.value:
        return None  # one total, one part: the rest is the word's opposite alone
    if k < 0 and not _A_TOTAL.search(before[0].row_path[-1]):
        return None
    return before[0]

