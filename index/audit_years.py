"""Checks across years: what one year's report says must carry into the same agency's next report.

The identities are data (`across_years.json`): last year's 结转下年度继续办理 is this year's
上年结转, and 现行有效 moves by 制发 − 废止. An identity is evaluated only where both reports
hold every term unambiguously, so reports in a template version without those columns, or with
a glued cell that splits more than one way, are skipped rather than failed.

The same agency is often named with and without its city (「洪泽区人民政府」, 「淮安市洪泽区人民政府」):
two names are taken as one agency when one is the other with a leading 省/市 prefix added, so
「南京市鼓楼区」 and 「福州市鼓楼区」 stay apart.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from index.audit import YEARS_SCOPE, Cell, Issue
from index.frame import report_kind
from index.models import AMBIGUOUS, Fact, Report

if TYPE_CHECKING:
    from index.store import FactStore

_DATA = Path(__file__).with_name("across_years.json")
# a province or city named before a lower-level place: 「淮安市」洪泽区…, 「江苏省」淮安市…
_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,4}?[省市](?=[\u4e00-\u9fff]{1,8}?(?:市|区|县|旗|镇|乡|街道))")


@dataclass(frozen=True)
class YearIdentity:
    name: str
    table: str
    per: str  # "column": terms are row keys, checked per column; "row": terms are column keys, per row
    left: tuple[tuple[str, str], ...]  # (previous | current, key)
    right: tuple[tuple[str, str], ...]
    description: str


@cache
def year_identities() -> tuple[YearIdentity, ...]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        YearIdentity(i["name"], i["table"], i["per"], tuple(map(tuple, i["left"])), tuple(map(tuple, i["right"])),
                     i["description"])
        for i in data["identities"]
    )


def agency_key(name: str) -> str:
    """The name without its leading province/city prefixes: 「淮安市洪泽区人民政府」 → 「洪泽区人民政府」."""
    key = "".join(unicodedata.normalize("NFKC", name).split())
    while m := _PREFIX.match(key):
        key = key[m.end():]
    return key


def same_agency(a: Report, b: Report) -> bool:
    """One agency under both names: equal, or one the other with a province/city prefix added."""
    if not a.agency or not b.agency or (a.region and b.region and a.region != b.region):
        return False
    x, y = ("".join(unicodedata.normalize("NFKC", n).split()) for n in (a.agency, b.agency))
    return x == y or (agency_key(x) == agency_key(y) and (x.endswith(y) or y.endswith(x)))


def consecutive_pairs(chosen: Sequence[Report], stored: Sequence[Report]) -> list[tuple[Report, Report]]:
    """(previous year, this year) pairs of one agency, for each chosen report as this year."""
    by_key: dict[str, list[Report]] = defaultdict(list)
    for r in stored:
        if r.agency and r.year is not None:
            by_key[agency_key(r.agency)].append(r)
    pairs = []
    for cur in chosen:
        if not cur.agency or cur.year is None:
            continue
        for prev in by_key.get(agency_key(cur.agency), ()):
            if prev.year == cur.year - 1 and report_kind(prev) == report_kind(cur) and same_agency(prev, cur):
                pairs.append((prev, cur))
    return pairs


def year_issues(store: FactStore, chosen: Sequence[Report], earlier: FactStore | None = None
                ) -> tuple[list[Issue], int]:
    """The failed identities across years for the chosen reports, and how many were evaluated.

    Last year's report is looked for in `store`, and in `earlier` too when given (the reports
    already stored, while a new batch of files is audited from a store of its own)."""
    own = store.reports()
    ids = {r.id for r in own}
    others = [r for r in earlier.reports() if r.id not in ids] if earlier is not None else []
    other_ids = {r.id for r in others}

    def facts(r: Report, table: str) -> list[Fact]:
        return (earlier if r.id in other_ids else store).facts(r.id, table)

    issues: list[Issue] = []
    evaluated = 0
    # one pair's facts at a time, table by table: memory stays flat however many reports are stored
    for prev, cur in consecutive_pairs(chosen, own + others):
        for ident in year_identities():
            found, count = _evaluate(ident, prev, cur, facts(prev, ident.table), facts(cur, ident.table))
            issues += found
            evaluated += count
    return issues, evaluated


def _cells(facts: Sequence[Fact], table: str) -> dict[tuple[str, str], Fact]:
    """(row key without its table prefix, column key) → fact, for cells with one clear reading."""
    seen: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.table == table and f.row_key and f.column_key:
            seen[(f.row_key.split(".", 1)[1], f.column_key)].append(f)
    return {k: fs[0] for k, fs in seen.items() if len(fs) == 1 and fs[0].status != AMBIGUOUS}


def _evaluate(ident: YearIdentity, prev: Report, cur: Report, prev_facts: Sequence[Fact],
              cur_facts: Sequence[Fact]) -> tuple[list[Issue], int]:
    cells = {"previous": _cells(prev_facts, ident.table), "current": _cells(cur_facts, ident.table)}
    # the other axis: the columns (per column) or rows (per row) that the current report prints
    if ident.per == "column":
        axis = sorted({col for (_, col) in cells["current"]})
    else:
        axis = sorted({row for (row, _) in cells["current"]})
    issues, evaluated = [], 0
    for other in axis:
        def at(term: tuple[str, str], other: str = other) -> Fact | None:
            which, key = term
            return cells[which].get((key, other) if ident.per == "column" else (other, key))

        left, right = [at(t) for t in ident.left], [at(t) for t in ident.right]
        if any(f is None for f in left + right):
            continue
        evaluated += 1
        lv = sum((f.value for f in left), Decimal(0))
        rv = sum((f.value for f in right), Decimal(0))
        if lv == rv:
            continue
        anchor = right[0]  # a cell of this year's report names the column or row
        label = anchor.column_path[-1] if ident.per == "column" else anchor.row_path[-1]
        involved = tuple(Cell(f.report_id, f.table, f.row_path, f.column_path, f.row_key, f.column_key, f.value,
                              f.page, side) for side, fs in (("left", left), ("right", right)) for f in fs)
        issues.append(Issue(
            cur.id, cur.agency, cur.year, report_kind(cur), f"{ident.name}[{label}]",
            f"{ident.description}（{prev.year}年 → {cur.year}年）", lv, rv, f"{label}: {lv} ≠ {rv}",
            scope=YEARS_SCOPE, previous=prev.id, cells=involved,
        ))
    return issues, evaluated
