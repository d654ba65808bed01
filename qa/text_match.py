"""Match a question to facts that the template does not name: numbers in prose (by the words
around them) and cells of other tables such as budgets (by their printed row and column headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Fact
from index.template import normalize, split_marker

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # digits say nothing about which number is meant
# bigrams that say "a number is wanted" and nothing about which one
_STOP = {
    "多少", "少条", "少件", "少宗", "少份", "少个", "少次", "少人", "是多", "有多", "了多", "一共", "总共", "请问",
    "报告", "今年", "去年", "年度", "本年", "几条", "几件", "几宗", "几个", "几份", "数量", "共有", "有几", "少万",
    "全年", "年共", "年的", "的信", "多大", "安排", "是多少",
    # words in nearly every sentence of these reports: they cannot tell two numbers apart
    "信息", "公开", "政府", "息公", "开信", "工作", "预算", "行政",
}
_UNIT_CLASSES = {
    "money": ("钱", "元", "金额", "经费", "资金", "预算", "收入", "支出", "费用"),
    "条": ("条",), "份": ("份", "工单"), "篇": ("篇",), "期": ("期",), "人": ("多少人", "几人", "关注", "粉丝"),
    "次": ("次", "阅读", "转发", "浏览", "访问", "点击"), "件": ("件", "宗"), "场": ("场",), "天": ("天",),
    "家": ("几家", "多少家"), "个": ("几个", "多少个"), "辆": ("辆",), "分钟": ("分钟",), "小时": ("小时",),
    "%": ("比例", "占比", "百分", "比重", "%"),
}


def unit_class(unit: str) -> str | None:
    for name in _UNIT_CLASSES:
        if name == "money" and unit.endswith("元"):
            return name
        if name != "money" and unit.endswith(name):
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
    overlap: int = 0  # bigrams of the fact's own words that the question shares


_CLAUSE_END = re.compile(r"[，,；;。：:（）()]")


def _window(f: Fact) -> tuple[str, str]:
    """The words around a prose number: before it (what it counts) and after it up to the clause end
    (「共发布380条财政资金信息」 names its subject after the number)."""
    s = f.sentence or ""
    i = s.find(f.raw)
    if i < 0:
        return s, ""
    tail = s[i + len(f.raw):]
    m = _CLAUSE_END.search(tail)
    after = tail[: m.start() if m else 24]
    if re.search(r"、[^、]*\d", after):  # a list of numbers: its next item is not this one's subject
        after = after.split("、")[0]
    return s[max(0, i - 24): i], after


def without(question: str, names: set[str]) -> str:
    """The question without the agency's names: 「厚街镇有多少人口」 must not match 「厚街镇收到…」."""
    for n in sorted(names, key=len, reverse=True):
        question = question.replace(n, " ")
    return question


def best_prose_fact(question: str, facts: list[Fact], agency_names: set[str] = frozenset()) -> Scored | None:
    """The prose number whose own words the question shares most; None below two shared bigrams."""
    qn = normalize(question)
    q = bigrams(without(qn, agency_names))
    best: Scored | None = None
    for f in facts:
        if f.table != "prose" or unit_conflict(qn, f.unit):
            continue
        before, after = _window(f)
        own = (bigrams(f.row_path[0]) | bigrams(after)) & q
        near = bigrams(before) & q
        unit_named = bool(f.unit) and unit_class(f.unit) is not None and not unit_conflict(qn, f.unit) and any(
            w in qn for w in _UNIT_CLASSES.get(unit_class(f.unit) or "", ()))
        if not own or len(own | near) < (1 if unit_named else 2):
            continue
        score = 2 * len(own) + len(near) + (1.5 if unit_named else 0) + 0.01 * len(own | near) \
            + 0.001 * len(f.row_path[0])  # on a tie, the more specific label
        if best is None or score > best.score:
            best = Scored(f, score, len(own))
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


_TOTAL_WORDS = ("合计", "总计", "小计")
_TOTAL_CUE = re.compile(r"一共|合计|全部|整体|总")


def is_total_label(label: str) -> bool:
    return any(w in label for w in _TOTAL_WORDS)


def table_base(fact: Fact, facts: list[Fact]) -> Fact | None:
    """The total a generic-table cell is a share of: its row's 合计 column, else its column's 合计 row."""
    same = [f for f in facts if f.table == fact.table and f is not fact]
    if fact.column_path and not is_total_label(fact.column_path[-1]):
        for f in same:
            if f.row_path == fact.row_path and f.column_path[:-1] == fact.column_path[:-1] and f.column_path and \
                    is_total_label(f.column_path[-1]):
                return f
    totals = [f for f in same if f.column_path == fact.column_path and f.row_path and is_total_label(f.row_path[0])]
    return min(totals, key=lambda f: len(f.row_path), default=None)


# row labels that name no particular line item: matching only these is not evidence enough
_GENERIC_LABELS = {"合计", "总计", "小计", "支出", "收入", "基本支出", "项目支出", "预算", "本年收入", "本年支出",
                   "收入总计", "支出总计", "收入合计", "支出合计"}


def best_table_fact(question: str, facts: list[Fact], titles: dict[str, str],
                    agency_names: set[str] = frozenset()) -> Scored | None:
    """The generic-table cell whose row header the question names, in its best-fitting column.

    A row scores by how much of its printed path the question names (「城乡社区管理事务下面的行政运行」
    names both the 款 and the 项), never by the agency's own name; a total row is taken only when
    the question names a column and no line item.
    """
    q = "".join(without(normalize(question), agency_names).split())
    best: Scored | None = None
    item_named = False
    for order, f in enumerate(facts):
        if not f.table.startswith("g") or not f.row_path:
            continue
        label = _clean_label(f.row_path[-1])
        if len(label) < 2:
            continue
        named_col = max((len(c) for c in f.column_path[-1:] if len(c) >= 3 and c in q), default=0)
        if label in q:
            row = len(label) + 2
            item_named = item_named or label not in _GENERIC_LABELS
        elif named_col and is_total_label(label) and _TOTAL_CUE.search(q):
            row = 1  # 「项目支出一共多少」: a column named, read on the table's total row
        else:
            common = _lcs(label, q)
            if common < 4:
                continue
            row = common
        parents = sum(len(_clean_label(p)) for p in f.row_path[:-1] if len(_clean_label(p)) >= 2 and
                      _clean_label(p) in q) if label in q else 0
        cols = f.column_path
        col = sum(len(c) for c in cols if len(c) >= 2 and c in q)
        pref = 0.5 if any(any(p in c for p in _PREFERRED_COLUMNS) for c in cols[-1:]) else 0
        title = titles.get(f.table, "")
        tscore = 0.2 * len(bigrams(title) & bigrams(question))
        score = (row + parents) * 2 + col + pref + tscore - order * 1e-6
        if best is None or score > best.score:
            best = Scored(f, score)
    if best is not None and _clean_label(best.fact.row_path[-1]) in _GENERIC_LABELS and not any(
            len(c) >= 2 and c in q and c not in _GENERIC_LABELS for c in best.fact.column_path):
        return None if item_named else best if _named_generic(best.fact, q) else None
    return best


def _named_generic(f: Fact, q: str) -> bool:
    """A total row stands as an answer only when the question names one of its headers outright."""
    return any(len(c) >= 3 and c in q for c in (*f.row_path, *f.column_path))
