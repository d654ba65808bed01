"""A question, read once: its normalized text, the quantity it asks for, and its parts.

「申请一共多少？其中企业几宗？」 and 「基本支出和项目支出各多少？」 ask for several figures. Each part
is answered on its own (a later part carries the subject of the first when it has none of its own:
「其中企业几宗」 is about the applications of the first part), so no single figure is ever presented
as the answer to the whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.verify import EXCEPT, question_text, uncovered_terms
from qa.vocab import quantity_asked, vocabulary


@dataclass(frozen=True)
class Question:
    text: str
    norm: str
    quantity: str
    parts: tuple[str, ...]  # more than one when several figures are asked


def parse(text: str, agencies_named: int = 0) -> Question:
    norm = question_text(text)
    return Question(text, norm, quantity_asked(norm), split_parts(text, each=agencies_named < 2))


def _segments(text: str) -> list[str]:
    v = vocabulary()
    pattern = "|".join(re.escape(b) for b in v.part_break)
    segs = [s.strip(" ，,") for s in re.split(pattern, text) if s.strip(" ，,")]
    out: list[str] = []
    for s in segs:  # 「…一共多少，其中企业几宗」: a lead word after a comma starts another part
        pieces = re.split(r"[，,](?=(?:" + "|".join(map(re.escape, v.part_lead + v.part_keep)) + "))", s)
        out += [p for p in pieces if p]
    return out


# 「各类合计多少」「各项加起来」: every item added into one figure, not each asked
_EACH_SUMMED = re.compile(r"[类项个种]?(?:合计|一共|总共|共计|加起来|加在一起|总计)")


# 「区直单位比各乡镇多公开了多少」: 各 before the bodies it gathers names them together, it asks no figure of each
_SEVERAL_BODIES = re.compile(r"各(?:乡镇|镇街|街道|单位|部门|处室|科室|区县|县区|区|县|市|镇|乡|村|社区|地)")


def _each_parts(segment: str) -> list[str]:
    """「基本支出和项目支出各多少」 → 「基本支出多少」「项目支出多少」; the first item keeps what
    stands before it (the agency, the year)."""
    v = vocabulary()
    if EXCEPT.search(segment):  # 「除去A和B，其余各类合计」: the items are left out, not each asked
        return []
    for word in v.each:
        i = segment.find(word)
        while i > 0 and _SEVERAL_BODIES.match(segment, i):  # 「各乡镇」 gathers bodies: the 各 asked is a later one
            i = segment.find(word, i + 1)
        if i <= 0 or not v.asks_figure(segment[i:]) or _EACH_SUMMED.match(segment, i + len(word)):
            continue
        head, tail = segment[:i], segment[i + len(word):]
        items = re.split("|".join(map(re.escape, v.joiners)), head)
        items = [x for x in items if x.strip()]
        if len(items) >= 2 and all(len(x.strip()) >= 2 for x in items[1:]):
            # 「自然人和企业的申请各多少」: the noun after the last item's 的 is every item's
            shared = items[-1][items[-1].rfind("的"):] if "的" in items[-1] else ""
            return [(x if "的" in x else x + shared) + tail for x in items]
    return []


# (「派出多少人次、多少辆车」: each ask with the few words it counts; 「多少钱的运行费」 names an item of its own)
_TWO_MEASURES = re.compile(r"^(?P<head>.+?)(?P<a>(?:多少|几)(?:(?!的)[\u4e00-\u9fff]){1,4}?)\s*"
                           r"(?:[、，,]|和|与|及|以及)\s*(?P<b>(?:多少|几)(?:(?!的)[\u4e00-\u9fff]){1,5}?)\s*[？?。]?$")


def _measure_parts(segment: str) -> list[str]:
    """「接待几批次、几人次」 → 「…接待几批次」「…接待几人次」: one subject counted two
    ways is two figures, each asked with the subject."""
    m = _TWO_MEASURES.match(segment.strip())
    return [m.group("head") + m.group("a"), m.group("head") + m.group("b")] if m else []


def split_parts(text: str, each: bool = True) -> tuple[str, ...]:
    """The figure-asking parts of a question, each a question of its own; one part for most.
    `each`: split 「A和B各多少」 too (not when A and B are agencies: that is a comparison)."""
    v = vocabulary()
    asked = [s for s in _segments(text) if v.asks_figure(s)]
    if len(asked) == 1:
        split = (_each_parts(asked[0]) if each else []) or _measure_parts(asked[0])
        return tuple(split) if len(split) >= 2 else (text,)
    if len(asked) < 2:
        return (text,)
    first = asked[0]
    stem = _stem(first)
    # 「基本支出和项目支出各有多少？差多少？」: the first segment is two parts itself
    parts = (_each_parts(first) if each else []) or [first]
    for part in asked[1:]:
        lead = next((w for w in v.part_lead if part.startswith(w)), "")
        own = part[len(lead):]
        if lead or own.startswith(v.part_keep) or not uncovered_terms(own, ()):
            own = f"{stem}，{own}"  # 「占多少？」 or 「其中企业几宗？」: about the first part's subject
        parts.append(own)
    return tuple(parts)


def _stem(part: str) -> str:
    """The first part without the words that ask for a figure: its subject."""
    v = vocabulary()
    out = part
    for w in v.figure_cues + v.ask + v.each:
        out = out.replace(w, "")
    return out.strip(" ，,是有")
