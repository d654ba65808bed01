"""The statistics table of pre-2019 disclosure reports (政府信息公开情况统计表), read from flattened text.

Before the 2019 template, reports closed with a table of indicators: 指标名称 / 计量单位 / 本年度 /
历年累计, one row per indicator, sub-rows after 「其中：」 numbered 1. 2. 3. A crawler's copy prints it
on one line with every cell glued to the next:

    主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07受理依申请公开信息总数条2121…

so 「20263542」 is this year's 2026 beside 3542 in all, and the 「2」 ending 「179533042」 is the
number of the next sub-row. A glued run splits more than one way; the table's own rules choose:
no number but 0 starts with 0, nothing counted in all is less than this year's, a sub-row is no
larger than its row, and where the sub-rows can add up to their row they do. A run the rules
leave open is settled by a figure the prose states for the same words; else every reading is
kept as `ambiguous`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from index.models import AMBIGUOUS, EXACT, RECOVERED, Fact, Table

# 「指标名称 计量单位 2016年度 历年累计」, also spaced out (「指 标 名 称」) or with 单位 for 计量单位
_HEADER = re.compile(r"指\s*标\s*名\s*称\s*(?:计\s*量\s*)?单\s*位\s*(?P<year>(?:19|20)\d\d)\s*年度?"
                     r"\s*历\s*年\s*累\s*计")
_END = re.compile(r"附件下载|附件\d?[:：]|[。]|\n\s*\n")
_ITEM = re.compile(
    r"(?P<sub>其中[:：])?\s*(?:(?P<ord>\d{1,2})\s*[.、．])?\s*"
    r"(?P<label>[^\d。：:]{2,40}?)\s*(?P<unit>条|件|个|人次|次|万元|元)\s*(?P<digits>\d+(?:\s+\d+(?=\s|$|[^\d.、．]))?)"
)
_MAX_DIGITS = 16  # a run longer than two counts is no row of this table
_MAX_READINGS = 20_000


@dataclass
class _Row:
    label: str
    unit: str
    digits: str
    start: int
    end: int
    ordinal: int | None
    parent: int | None = None
    readings: list[tuple[int, int]] = field(default_factory=list)


def indicator_table(
    report_id: str, text: str, key: str, page_of: Callable[[int], int | None], prose: Iterable[Fact] = ()
) -> tuple[list[Table], list[Fact], list[tuple[int, int]]]:
    """The statistics table in `text` as one table `key` with a fact per reading of each cell, and
    the span it covers (so its numbers are not read again as prose)."""
    head = _HEADER.search(text)
    if head is None:
        return _one_column(report_id, text, key, page_of)
    end = _END.search(text, head.end())
    stop = end.start() if end else len(text)
    rows = _rows(text, head.end(), stop)
    if not rows:
        return [], [], []
    for row in rows:
        row.readings = _readings(row.digits)
    if any(not row.readings and len(row.digits.split()) == 1 for row in rows):
        # 「受理政府信息公开申请总数条2」: a run no split can make two counts of; the 历年累计 column is
        # left blank, so every run is this year's one figure
        return _year_only(report_id, text, key, page_of, rows, head, stop)
    chosen = _choose(rows, list(prose))
    columns = (("本年度",), ("历年累计",))  # the report's year is its scope; 「本年度」 is what the table prints
    paths = [_path(rows, i) for i in range(len(rows))]
    facts: list[Fact] = []
    for i, row in enumerate(rows):
        picks = chosen[i]
        status = EXACT if len(row.readings) == 1 else (RECOVERED if len(picks) == 1 else AMBIGUOUS)
        for n, pair in enumerate(picks):
            for col, value in zip(columns, pair, strict=True):
                facts.append(Fact(
                    report_id=report_id, table=key, row_path=paths[i], column_path=col,
                    value=Decimal(value), unit=row.unit, status=status, page=page_of(row.start),
                    span=(row.start, row.end), raw=row.digits,
                    candidate=n + 1 if status == AMBIGUOUS else 0,
                ))
    cells = tuple(tuple("/".join(dict.fromkeys(str(pair[c]) for pair in picks)) for c in range(2)) for picks in chosen)
    title = _title(text, head.start())
    table = Table(report_id=report_id, key=key, title=title, column_paths=columns,
                  row_paths=tuple(paths), cells=cells, unit=rows[0].unit, page=page_of(head.start()))
    return [table], facts, [(head.start(), stop)]


def _year_only(report_id: str, text: str, key: str, page_of: Callable[[int], int | None], rows: list[_Row],
               head: re.Match[str], stop: int) -> tuple[list[Table], list[Fact], list[tuple[int, int]]]:
    """The two-column table printed with its year's figures only: each run is one number."""
    rows = _whole_numbers(rows)
    if not rows:
        return [], [], []
    return _single_column(report_id, text, key, page_of, rows, ("本年度",), head.start(), stop)


def _whole_numbers(rows: list[_Row]) -> list[_Row]:
    """The rows whose run is one number as printed (no leading 0 but a lone 0)."""
    return [r for r in rows if r.digits.isdigit() and (r.digits == "0" or not r.digits.startswith("0"))]


def _single_column(report_id: str, text: str, key: str, page_of: Callable[[int], int | None], rows: list[_Row],
                   column: tuple[str], start: int, stop: int) -> tuple[list[Table], list[Fact], list[tuple[int, int]]]:
    """One figure per row, under `column`: the table, its facts, and the span it covers."""
    paths = [_path(rows, i) for i in range(len(rows))]
    facts = [Fact(report_id=report_id, table=key, row_path=paths[i], column_path=column, value=Decimal(r.digits),
                  unit=r.unit, status=EXACT, page=page_of(r.start), span=(r.start, r.end), raw=r.digits)
             for i, r in enumerate(rows)]
    table = Table(report_id=report_id, key=key, title=_title(text, start), column_paths=(column,),
                  row_paths=tuple(paths), cells=tuple((r.digits,) for r in rows), unit=rows[0].unit,
                  page=page_of(start))
    return [table], facts, [(start, stop)]


# 「指标名称 计量单位 年末统计」: the same table with one column, the year's figures only
_HEADER_ONE = re.compile(r"指\s*标\s*名\s*称\s*(?:计\s*量\s*)?单\s*位\s*"
                         r"(?P<col>年末统计|本年度|统计数|数量|(?:19|20)\d\d\s*年度?(?!\s*历\s*年))")


def _one_column(report_id: str, text: str, key: str, page_of: Callable[[int], int | None]
                ) -> tuple[list[Table], list[Fact], list[tuple[int, int]]]:
    """The table printed with one column: each row's run is its one figure. A run holding two
    numbers apart (「条 3 5」) is no row of a one-column table and is left unread."""
    head = _HEADER_ONE.search(text)
    if head is None:
        return [], [], []
    end = _END.search(text, head.end())
    stop = end.start() if end else len(text)
    rows = _rows(text, head.end(), stop)
    for r in rows:  # 「电子邮件申请数条0 …2017年1月13日」: the signature's year is no second cell
        if len(parts := r.digits.split()) == 2 and text[r.end:r.end + 1] in ("年", "月"):
            r.digits, r.end = parts[0], r.start + text[r.start:r.end].rfind(parts[0]) + len(parts[0])
    rows = _whole_numbers(rows)
    if len(rows) < 2:
        return [], [], []
    return _single_column(report_id, text, key, page_of, rows, (head.group("col"),), head.start(), stop)


def _title(text: str, at: int) -> str:
    before = text[max(0, at - 60):at]
    m = re.search(r"[\u4e00-\u9fff\d]*政府信息公开[\u4e00-\u9fff]*统计表", before)
    return m.group() if m else "政府信息公开情况统计表"


def _rows(text: str, start: int, stop: int) -> list[_Row]:
    rows: list[_Row] = []
    parent: int | None = None
    pos = start
    while True:
        m = _ITEM.search(text, pos, stop)
        if m is None:
            break
        ordinal = int(m.group("ord")) if m.group("ord") else None
        digits = m.group("digits")
        after = text[m.end():m.end() + 1]
        if after and after in ".、．":  # the next sub-row's number is glued on: 「…33042.政府公报」
            nxt = (ordinal or 0) + 1
            if digits.endswith(str(nxt)) and len(digits) > len(str(nxt)):
                digits = digits[: -len(str(nxt))]
        if m.group("sub"):
            parent = len(rows) - 1 if rows else None
        elif ordinal is None:
            parent = None
        label = m.group("label").strip(" ：:，,")
        rows.append(_Row(label, m.group("unit"), digits, m.start("label"), m.start("digits") + len(digits), ordinal,
                         parent if ordinal is not None else None))
        pos = m.start("digits") + len(digits)
    return [r for r in rows if len(r.digits) <= _MAX_DIGITS]


def _readings(digits: str) -> list[tuple[int, int]]:
    """Every way the run splits into this year's count and the count in all (one way when the two
    are printed apart: 「条 66 107」)."""
    if len(parts := digits.split()) == 2:
        return [(int(parts[0]), int(parts[1]))] if _valid_pair(parts) else []
    out = []
    for i in range(1, len(digits)):
        a, b = digits[:i], digits[i:]
        if (a.startswith("0") and a != "0") or (b.startswith("0") and b != "0"):
            continue
        if int(b) >= int(a):
            out.append((int(a), int(b)))
    return out


def _valid_pair(parts: list[str]) -> bool:
    return all(p == "0" or not p.startswith("0") for p in parts) and int(parts[1]) >= int(parts[0])


def _choose(rows: list[_Row], prose: list[Fact]) -> list[list[tuple[int, int]]]:
    """The readings each row keeps under the table's rules, then under the prose."""
    keep = [list(r.readings) for r in rows]
    _by_prose(rows, keep, prose)  # a figure the prose states settles its row first, then its family
    families: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        if r.parent is not None:
            families.setdefault(r.parent, []).append(i)
    for parent, children in families.items():
        options = [keep[parent]] + [keep[c] for c in children]
        if any(not o for o in options):
            continue
        combos = []
        for n, combo in enumerate(itertools.product(*options)):
            if n > _MAX_READINGS:
                combos = []
                break
            p, kids = combo[0], combo[1:]
            if all(k[0] <= p[0] and k[1] <= p[1] for k in kids):
                combos.append(combo)
        adding = [c for c in combos if sum(k[0] for k in c[1:]) == c[0][0] and sum(k[1] for k in c[1:]) == c[0][1]]
        combos = adding or combos
        if combos:
            for j, idx in enumerate([parent, *children]):
                keep[idx] = sorted({c[j] for c in combos}, key=lambda x: rows[idx].readings.index(x))
    _by_prose(rows, keep, prose)
    for i, r in enumerate(rows):
        if not keep[i]:
            keep[i] = list(r.readings)  # a row no reading fits stays unread: no figure is made up for it
    return keep


def _by_prose(rows: list[_Row], keep: list[list[tuple[int, int]]], prose: list[Fact]) -> None:
    for i, r in enumerate(rows):
        if len(keep[i]) > 1:
            stated = [pair for pair in keep[i] if _stated(r.label, pair[0], prose)]
            if len(stated) == 1:
                keep[i] = stated


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _stated(label: str, value: int, prose: list[Fact]) -> bool:
    """Whether the prose states `value` under words of the row's label (「主动公开政府信息2026条」)."""
    words = _bigrams(re.sub(r"数$", "", label))
    return any(f.value == value and len(words & _bigrams("".join(f.row_path))) >= 2 for f in prose)


def _path(rows: list[_Row], i: int) -> tuple[str, ...]:
    r = rows[i]
    return (rows[r.parent].label, r.label) if r.parent is not None else (r.label,)
