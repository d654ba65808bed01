"""A change printed as its two ends (「…养老保障金由每人每月300元提高到462元」「由42分钟缩至19分钟」):
the change asked is the second less the first. Neither end is a change by itself, so a question about
how much something rose is never answered with either printed number alone."""

from __future__ import annotations

import re

from index.models import Fact

_FROM = re.compile(r"(?:由|从)[^，,。；;：:\d]{0,6}$")  # 「由每人每月」 just before the first number
_TO = re.compile(r"^[^，,。；;\d]{0,3}?"
                 r"(?:提高|增加|增长|上涨|提升|上调|降低|下降|减少|缩短|缩减|压缩|下调|调整|降|升|涨|缩)?(?:到|至)\s*$")


def from_to_pairs(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    """(first, second) prose numbers of one unit printed 「由A…到B」 in one sentence, A right before B."""
    by_sentence: dict[str, list[Fact]] = {}
    for f in facts:
        if f.table == "prose" and f.sentence and f.raw and f.span:
            by_sentence.setdefault(f.sentence, []).append(f)
    pairs = []
    for sentence, group in by_sentence.items():
        group = sorted(group, key=lambda f: f.span[0])
        for a, b in zip(group, group[1:], strict=False):
            i = sentence.find(a.raw)
            j = sentence.find(b.raw, i + len(a.raw)) if i >= 0 else -1
            if j < 0 or a.unit != b.unit or not _FROM.search(sentence[:i]):
                continue
            if _TO.match(sentence[i + len(a.raw):j]):
                pairs.append((a, b))
    return pairs
