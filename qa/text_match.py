"""Match a question to facts that the template does not name: numbers in prose (by the words
around them) and cells of other tables such as budgets (by their printed row and column headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Fact
from index.template import normalize, split_marker

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# bigrams that say "a number is wanted" and nothing about which one
_STOP = {
    "多少", "少条", "少件", "少宗", "少份", "少个", "少次", "少人", "是多", "有多", "了多", "一共", "总共", "请问",
    "报告", "今年", "去年", "年度", "本年", "几条", "几件", "几宗", "几个", "几份", "数量", "共有", "有几", "少万",
    "全年", "年共", "年的", "的信", "多大", "安排", "是多少",
    # words in nearly every sentence of these reports: they cannot tell two numbers apart
    "信息", "公开", "政府", "息公", "开信", "工作",
}
_UNIT_CLASSES = {
    "money": ("钱", "元", "金额", "经费", "资金", "预算", "收入", "支出", "费用"),
    "条": ("条",), "份": ("份", "工单"), "篇": ("篇",), "期": ("期",), "人": ("人", "关注"),
    "次": ("次", "阅读", "转发", "浏览"), "件": ("件", "宗"),
}


def unit_class(unit: str) -> str | None:
    for name, words in _UNIT_CLASSES.items():
        if name == "money" and unit.endswith("元"):
            return name
        if name != "money" and unit.endswith(words[0]):
            return name
    return None


def unit_conflict(question: str, unit: str | None) -> bool:
    """「收了多少钱」 cannot be answered with a number of 条."""
    if not unit:
        return False
    asked = {name for name, words in _UNIT_CLASSES.items() if any(w in question for w in words)}
    have = unit_class(unit)
    return bool(asked) and have is not None and have not in asked
_PREFERRED_COLUMNS = ("合计", "总计", "预算数", "小计", "本年预算", "金额")


def bigrams(text: str) -> set[str]:
    s = "".join(_KEEP.findall(normalize(text)))
    return {s[i:i + 2] for i in range(len(s) - 1)} - _STOP


@dataclass(frozen=True)
class Scored:
    fact: Fact
    score: float


def _window(f: Fact) -> str:
    """The words just before a prose number: what it counts."""
    s = f.sentence or ""
    i = s.find(f.raw)
    return s[max(0, i - 24): i + len(f.raw)] if i >= 0 else s


def best_prose_fact(question: str, facts: list[Fact]) -> Scored | None:
    """The prose number whose own words the question shares most; None below two shared bigrams."""
    q = bigrams(question)
    qn = normalize(question)
    best: Scored | None = None
    for f in facts:
        if f.table != "prose" or unit_conflict(qn, f.unit):
            continue
        label = bigrams(f.row_path[0]) & q
        near = bigrams(_window(f)) & q
        if len(label | near) < 2:
            continue
        score = 2 * len(label) + len(near) + (1.5 if f.unit and f.unit in qn else 0) + 0.01 * len(label | near)
        if best is None or score > best.score:
            best = Scored(f, score)
    return best


def _lcs(a: str, b: str) -> int:
    """Length of the longest common substring (labels are short: quadratic is fine)."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _clean_label(label: str) -> str:
    return split_marker(label)[1].strip(" ：:")


def best_table_fact(question: str, facts: list[Fact], titles: dict[str, str]) -> Scored | None:
    """The generic-table cell whose row header the question names, in its best-fitting column."""
    q = "".join(normalize(question).split())
    best: Scored | None = None
    for order, f in enumerate(facts):
        if not f.table.startswith("g") or not f.row_path:
            continue
        label = _clean_label(f.row_path[-1])
        if len(label) < 2:
            continue
        if label in q:
            row = len(label) + 2
        else:
            common = _lcs(label, q)
            if common < 4:
                continue
            row = common
        parents = sum(1 for p in f.row_path[:-1] if _clean_label(p) in q)
        cols = f.column_path
        col = sum(len(c) for c in cols if len(c) >= 2 and c in q)
        pref = 0.5 if any(any(p in c for p in _PREFERRED_COLUMNS) for c in cols[-1:]) else 0
        title = titles.get(f.table, "")
        tscore = 0.2 * len(bigrams(title) & bigrams(question))
        score = row * 2 + parents + col + pref + tscore - order * 1e-6
        if best is None or score > best.score:
            best = Scored(f, score)
    return best
