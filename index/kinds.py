"""The registry of report kinds: what a report is, read from data files, never from code.

Two families share it. Disclosure reports (政府信息公开工作年度报告) follow the national template
(`templates.json`, one entry per version). Finance reports (部门预算, 部门决算) follow the standard
table sets described in `kinds/finance_*.json`: their tables, column sets, units and identities.
A new kind is a new data file here; the parser and the checks read the registry and nothing else.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.template import load_templates, normalize

_DIR = Path(__file__).with_name("kinds")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class FinanceColumn:
    key: str
    label: str
    path: tuple[str, ...]  # the full printed header path, table path included


@dataclass(frozen=True)
class FinanceIdentity:
    """`left` = `right`, each a list of cell references (blank cells count as 0).

    In row identities the references are column keys of one row; in table identities they are
    row keys (optionally 「row:column」), or 「@items:side」 / 「@subitems:row」 for the numbered
    items of a two-sided table.
    """

    name: str
    description: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    side: str | None = None
    per_column: bool = False


@dataclass(frozen=True)
class Side:
    """One side of a two-sided table (income on the left, expense on the right)."""

    name: str
    columns: tuple[FinanceColumn, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class FinanceTableDef:
    key: str
    name: str  # the standard table's common name (收支总表, 支出总表, 三公经费表 …)
    titles: tuple[str, ...]
    shape: str  # coded | coded_pairs | two_sided | single_row
    columns: tuple[FinanceColumn, ...]
    row_identities: tuple[FinanceIdentity, ...]
    identities: tuple[FinanceIdentity, ...]
    sides: tuple[Side, ...] = ()
    labels: dict[str, str] | None = None  # printed label → row key, for rows without a code
    variants: tuple[tuple[tuple[str, ...], FinanceTableDef], ...] = ()  # (header words, layout)

    def for_header(self, header: str) -> FinanceTableDef:
        """The layout whose distinctive header words the printed header holds (else the usual one)."""
        flat = squeeze(header)
        for words, variant in self.variants:
            if all(squeeze(w) in flat for w in words):
                return variant
        return self

    def side(self, name: str) -> Side:
        return next(s for s in self.sides if s.name == name)


@dataclass(frozen=True)
class ReportKind:
    """A kind of report: a disclosure template version or a finance report kind."""

    name: str  # "2019" / "2021" (disclosure) or "budget" / "final" (finance)
    label: str
    family: str  # disclosure | finance
    markers: tuple[str, ...]
    amount: str | None = None
    tables: tuple[FinanceTableDef, ...] = ()
    links: tuple[FinanceIdentity, ...] = ()  # identities across tables: references read 「table|row:column」
    bounds: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (outer table, inner table, columns): outer ≥ inner

    def table_for(self, title: str, header: str = "") -> FinanceTableDef | None:
        """The standard table a printed title names (the longest matching title wins), in the layout
        its header shows."""
        flat = squeeze(title)
        best: tuple[int, FinanceTableDef] | None = None
        for table in self.tables:
            for t in table.titles:
                t = squeeze(t)
                if t in flat and (best is None or len(t) > best[0]):
                    best = (len(t), table)
        return best[1].for_header(header) if best else None


def squeeze(text: str) -> str:
    """NFKC without whitespace: how titles and labels are compared across layouts."""
    return _SPACE.sub("", normalize(text))


def _columns(raw: list[dict], base: list[str]) -> tuple[FinanceColumn, ...]:
    return tuple(
        FinanceColumn(c["key"], c["label"], tuple(([] if c.get("root") else base) + c.get("path", []) + [c["label"]]))
        for c in raw
    )


def _identities(raw: list[dict]) -> tuple[FinanceIdentity, ...]:
    return tuple(
        FinanceIdentity(i["name"], i["description"], tuple(i["left"]), tuple(i["right"]), i.get("side"),
                        bool(i.get("per_column")))
        for i in raw
    )


def _table(raw: dict) -> FinanceTableDef:
    variants = tuple((tuple(v["when"]), _table({**raw, **v, "variants": []})) for v in raw.get("variants", []))
    sides = tuple(
        Side(name, _columns(raw[name]["columns"], raw[name].get("path", [])), tuple(raw[name].get("labels", ())))
        for name in ("income", "expense") if name in raw
    )
    columns = _columns(raw.get("columns", []), raw.get("path", []))
    return FinanceTableDef(
        raw["key"], raw["name"], tuple(raw["titles"]), raw["shape"], columns,
        _identities(raw.get("row_identities", [])), _identities(raw.get("identities", [])), sides,
        raw.get("labels"), variants,
    )


@cache
def finance_kinds() -> dict[str, ReportKind]:
    """Every finance report kind described under index/kinds/, by name."""
    out = {}
    for path in sorted(_DIR.glob("finance_*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        out[raw["name"]] = ReportKind(raw["name"], raw["label"], "finance", tuple(raw["markers"]), raw.get("amount"),
                                      tuple(_table(t) for t in raw["tables"]), _identities(raw.get("links", [])),
                                      tuple((b["outer"], b["inner"], tuple(b["columns"]))
                                            for b in raw.get("bounds", [])))
    return out


@cache
def report_kinds() -> dict[str, ReportKind]:
    """All kinds: the disclosure template versions and the finance kinds."""
    kinds = {v: ReportKind(v, f"政府信息公开工作年度报告（{v}版）", "disclosure", t.markers)
             for v, t in load_templates().items()}
    kinds.update(finance_kinds())
    return kinds


def detect_finance_kind(text: str) -> str | None:
    """The finance kind a report is, from the words its opening and table titles print.

    Each kind scores the number of its markers found; a disclosure report prints none of them.
    """
    flat = squeeze(text[:20000])
    scores = {k.name: sum(flat.count(squeeze(m)) for m in k.markers) for k in finance_kinds().values()}
    best = max(scores, key=lambda k: scores[k], default=None)
    if best is None or scores[best] == 0:
        return None
    tables = finance_kinds()[best].tables
    titled = sum(any(squeeze(t) in flat for t in table.titles) for table in tables)
    return best if titled >= 2 else None
