"""Two or more agencies compared by asking each report the same single question.

A comparison names its measure once for all reports (「公安局和金井片区谁主动公开的信息多？」), but
each report words the figure its own way: one prints it in table 二, another in a sentence 「全年
累计主动公开政府信息37条」, a third 「门户网站公开政府信息共计128条」. Taking one candidate per report
from a ranking made for the comparison as a whole misses most of these. Here the comparison's
frame (the names, years, 谁/哪个/更多/多几件) is taken off, and what is left — the measure — is
asked of each report alone, through the whole single-report path with its verifier. Only figures
that path states are set side by side; a report it refuses is named as lacking, never filled in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal

from index.models import Report
from qa.across import _comparable, beside_full, name_asked
from qa.answer import ANSWERED, REFUSED, Answer
from qa.compose import num
from qa.compose import who as _who

# how a comparison is asked, never what is compared: taken off to leave the measure
_FRAME = re.compile(
    r"(?:谁|哪个|哪家|哪一个|哪一家|哪边|哪方|哪个单位|哪个部门|两家|两者|二者|两个单位)(?:的)?"
    r"|相比较|相比|对比|比较一下|比较|比一比|比起来|相较|来看"
    r"|(?:多|少|高|低|大|小|差|相差)了?(?:多少|几)[\u4e00-\u9fff]?"
    r"|差额(?:是|为)?(?:多少)?|差距(?:是|为|有)?(?:多大|多少)?"
    r"|(?:更|比较|要)(?:多|少|高|低|大|小)(?:一些|些)?"
    r"|(?:多|少|高|低|大|小)(?:一些|些)?(?=[？?，,。；;]|$)"
)
_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.])\s*年度?")
_JOIN = re.compile(r"^(?:和|与|跟|同|及|以及|比|、|的|在|中|里)+|(?:和|与|跟|同|及|以及|比|、|的|在)+$")
_CLAUSE = re.compile(r"[，,？?。；;！!]")
_TAIL = re.compile(r"(?:是|为|有|各|分别)*(?:多少|几)[\u4e00-\u9fff]?$|(?:是|为|有|各|分别)+$")
# a clause left holding only the unit of the gap asked (「差额是多少元」 → 「元」)
_UNIT_ONLY = re.compile(r"^(?:万元|亿元|元|件|宗|条|个|项|分|人次|次|辆|人|万)$")


def measure_words(question: str, names: Iterable[str], agencies: Iterable[str] = ()) -> str:
    """What is compared, without who, when or how: 「2021年的甲局和2023年的乙局，哪家办结的申请
    多？多了几件？」 → 「办结的申请」."""
    q = question
    for n in sorted(set(names), key=len, reverse=True):
        if n:
            q = q.replace(n, " ")
    q = _YEAR.sub(" ", q)
    kept = []
    full = [a for a in agencies if a]
    for clause in _CLAUSE.split(q):
        c = _FRAME.sub(" ", clause)
        c = "".join(c.split())
        c = _JOIN.sub("", _place_edges(_JOIN.sub("", c), full))
        if len(c) >= 2 and not _UNIT_ONLY.match(c):
            kept.append(c)
    return "，".join(kept)


def _place_edges(clause: str, agencies: list[str]) -> str:
    """A clause that is part of an agency's full name, or opens with such a part and 的 (「普陀的政府
    采购金额」 of 上海市普陀区…), names the agency there, not the measure."""
    for a in agencies:
        head = next((n for n in range(len(clause), 1, -1) if clause[:n] in a), 0)
        if head == len(clause):
            return ""
        if head and clause[head] == "的":  # 「普陀的…」, not the 政府 of 「政府采购金额」
            return clause[head:]
    return clause


def compare_answers(question: str, got: list[tuple[Report, Answer]], missing: list[Report], lowest: bool,
                    gap: bool, called: dict[str, str] | None = None) -> Answer:
    """The reports' single answers side by side: the larger (or, asked for the smaller, the smaller)
    named, the gap computed with its inputs shown, every citation kept. `called`: the name the
    question used for each report's agency (重点办), shown beside the full one."""
    def who(r: Report) -> str:
        return beside_full(_who(r), (called or {}).get(r.id, ""))

    units = [a.unit for _, a in got]
    common = max(dict.fromkeys(units), key=units.count)  # a tie: the first report's unit, every run
    missing = missing + [r for r, a in got if not _comparable(a.unit, common)]
    got = [(r, a) for r, a in got if _comparable(a.unit, common)]
    if len(got) < 2:
        lacking = "、".join(who(r) for r in missing)
        return Answer(question, REFUSED, f"能比较的报告不足两份：{lacking}的报告中没有找到对应问题的可靠数字"
                                         "（或与其他报告的单位不同），无法比较。", reports=tuple(r.id for r in missing))
    got.sort(key=lambda x: x[1].value, reverse=True)
    (a_r, a_a), (b_r, b_a) = got[0], got[-1]
    listing = "；".join(f"{who(r)}：{num(a.value, a.unit)}" for r, a in got)
    diff: Decimal = a_a.value - b_a.value
    if diff == 0:
        head = f"两者相同：{listing}。"
    elif lowest:
        head = (f"{who(b_r)}更少：{num(b_a.value, common)}，{who(a_r)}为{num(a_a.value, common)}，"
                f"少{num(diff, common)}（{a_a.value} − {b_a.value} = {diff}）。")
    else:
        head = (f"{who(a_r)}更多：{num(a_a.value, common)}，{who(b_r)}为{num(b_a.value, common)}，"
                f"多{num(diff, common)}（{a_a.value} − {b_a.value} = {diff}）。")
    if len(got) > 2:
        head += f"按从多到少：{listing}。"
    each = "\n".join(f"· {a.text}" for _, a in got)
    note = ("（" + "、".join(who(r) for r in missing) + "的报告中没有可用的这一数字，未计入。）") if missing else ""
    value = diff if gap else (b_a if lowest else a_a).value
    rows = tuple({"report": r.id, "agency": r.agency, "year": r.year, "value": str(a.value), "unit": a.unit,
                  "label": ""} for r, a in got)
    return Answer(question, ANSWERED, head + note + "\n各报告的数字：\n" + each, value, common,
                  tuple(f for _, a in got for f in a.figures), tuple(c for _, a in got for c in a.citations),
                  rows, tuple(r.id for r, _ in got))


def compare_by_asking(question: str, pool: list[Report], names: Iterable[str], ask_one: Callable[[str, Report], Answer],
                      lowest: bool, gap: bool) -> Answer | None:
    """None when no measure is left to ask (the question named only who and when)."""
    names = set(names)
    measure = measure_words(question, names, [r.agency or "" for r in pool])
    measure = _TAIL.sub("", measure) or measure
    if len(measure) < 2 or len(pool) < 2:
        return None
    got, missing, called = [], [], {}
    for r in pool:
        # asked as a user asks one report: its name as the question wrote it, its year, the measure
        own = called[r.id] = name_asked(question, r)
        a = ask_one(f"{own}{f'{r.year}年' if r.year else ''}{measure}是多少？", r)
        if a.status == ANSWERED and a.value is not None and "partial" not in a.warnings:
            got.append((r, a))
        else:
            missing.append(r)
    if len(got) < 2:
        return None
    return compare_answers(question, got, missing, lowest, gap, called)
