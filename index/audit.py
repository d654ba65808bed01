"""The audit: every report whose numbers do not add up, with the cells involved and their pages.

Supervising offices check each year's batch of reports for totals that do not match their parts
and for figures that do not carry over from the year before. Ingest already evaluated every
identity of each report (`index.checks`); the audit reads those stored checks through the
`FactStore` protocol, finds the cells each failed identity adds up (so a reader can go straight to
them), and adds the checks across consecutive years of one agency (`index.audit_years`). It never
changes a figure: a report that disagrees with itself is listed, as printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from index.frame import PATH_SEP, Selection, report_kind, selected_reports
from index.models import AMBIGUOUS, Check, Fact, Report
from index.template import TableDef, load_templates
from index.template_parse import expand

if TYPE_CHECKING:
    from index.store import FactStore

REPORT_SCOPE = "report"  # an identity inside one report
YEARS_SCOPE = "years"  # an identity between an agency's reports of consecutive years
BLANK_SCOPE = "blank"  # template cells of a printed table that hold no number (listed only when asked for)


@dataclass(frozen=True)
class Cell:
    """One cell an identity adds up: which side of the identity it is on, and where it was printed."""

    report_id: str
    table: str
    row_path: tuple[str, ...]
    column_path: tuple[str, ...]
    row_key: str | None
    column_key: str | None
    value: Decimal
    page: int | None
    side: str  # "left" | "right"

    @property
    def key(self) -> str:
        """`t3.new:total`, the cell's canonical key as the export and the wide form name it."""
        return f"{self.row_key}:{self.column_key}"

    def label(self) -> str:
        """「(四)无法提供 / 1.本机关不掌握相关政府信息 × 总计 = 5」: the row's two nearest headings are enough."""
        return f"{PATH_SEP.join(self.row_path[-2:])} × {PATH_SEP.join(self.column_path)} = {self.value}"

    def to_json(self) -> dict:
        return {"report": self.report_id, "table": self.table, "row": list(self.row_path),
                "column": list(self.column_path), "keys": {"row": self.row_key, "column": self.column_key},
                "value": str(self.value), "page": self.page, "side": self.side}


@dataclass(frozen=True)
class Issue:
    """A failed identity: the report it belongs to, the two sides, and the cells behind them."""

    report_id: str
    agency: str | None
    year: int | None
    kind: str | None
    check: str
    description: str
    left: Decimal | None
    right: Decimal | None
    detail: str
    scope: str = REPORT_SCOPE
    previous: str | None = None  # the earlier year's report, for a check across years
    cells: tuple[Cell, ...] = field(default=())
    where: str | None = None  # the table, for an issue with no cell to point at (a blank)

    @property
    def table(self) -> str | None:
        """The table of this report the identity is about (where a reader should look)."""
        own = [c for c in self.cells if c.report_id == self.report_id] or list(self.cells)
        return own[0].table if own else self.where

    @property
    def page(self) -> int | None:
        pages = sorted({c.page for c in self.cells if c.report_id == self.report_id and c.page is not None})
        return pages[0] if pages else None

    def to_json(self) -> dict:
        return {
            "report": self.report_id, "agency": self.agency, "year": self.year, "kind": self.kind,
            "check": self.check, "description": self.description,
            "left": None if self.left is None else str(self.left),
            "right": None if self.right is None else str(self.right), "detail": self.detail,
            "scope": self.scope, "previous": self.previous, "table": self.table, "page": self.page,
            "cells": [c.to_json() for c in self.cells],
        }


@dataclass(frozen=True)
class Audit:
    """What an audit looked at and what it found."""

    reports: tuple[Report, ...]
    checks: int  # identities evaluated, within reports and across years
    issues: tuple[Issue, ...]


def run_audit(store: FactStore, selection: Selection | None = None, blanks: bool = False,
              earlier: FactStore | None = None) -> Audit:
    """Every failed identity of the selected reports, and of each against its agency's previous year;
    with `blanks`, also the template cells of printed tables that hold no number. `earlier` is a
    second store where last year's reports may be (auditing new files against those already stored)."""
    from index.audit_blanks import blank_issues
    from index.audit_years import year_issues

    selection = selection or Selection()
    chosen = selected_reports(store, selection)
    issues: list[Issue] = []
    evaluated = 0
    for r in chosen:
        checks = store.checks(r.id)
        evaluated += len(checks)
        failed = [c for c in checks if not c.ok]
        if failed or (blanks and r.template):
            facts = store.facts(r.id)
            issues.extend(issue_of(r, c, facts) for c in failed)
            if blanks:
                issues.extend(blank_issues(r, facts))
    across, count = year_issues(store, chosen, earlier)
    place = {r.id: i for i, r in enumerate(chosen)}  # each report's issues together, in the store's order
    ordered = sorted(issues + across, key=lambda i: place.get(i.report_id, len(place)))
    return Audit(tuple(chosen), evaluated + count, tuple(ordered))


def issue_of(report: Report, check: Check, facts: Sequence[Fact]) -> Issue:
    """A stored failed check as an issue, with the cells of the identity it names."""
    return Issue(report.id, report.agency, report.year, report_kind(report), check.name, check.description,
                 check.left, check.right, check.detail, cells=identity_cells(report, check.name, facts))


def identity_cells(report: Report, check_name: str, facts: Sequence[Fact]) -> tuple[Cell, ...]:
    """The cells a template identity check adds up. Its name says which identity and which column or
    row (「t3.total_is_sum[自然人]」, 「t3.row_total[(一)予以公开]」, 「t4.review_total」); an identity
    of no template this build knows gives no cells, and the issue is still listed."""
    template = load_templates().get(report.template or "")
    name, _, rest = check_name.partition("[")
    label = rest[:-1] if rest.endswith("]") else ""
    ident = next((i for i in template.identities if i.name == name), None) if template else None
    if ident is None:
        return ()
    table = template.table(ident.table)
    cells = _by_cell(facts, table.key)
    out: list[Cell] = []
    if ident.per == "column":
        col = next((c for row in table.rows for c in row.columns if c.path[-1] == label), None)
        if col is None:
            return ()
        left = expand(table, ident.left)
        right = [k for k in expand(table, ident.right) if k not in left]
        for side, keys in (("left", left), ("right", right)):
            for key in keys:
                out += [_cell(f, side) for f in _row_cells(table, key, col.key, cells)]
    else:
        rows = [r for r in table.rows if r.columns and (r.label == label or not label)]
        if not rows:
            return ()
        for side, keys in (("left", ident.left), ("right", ident.right)):
            for key in keys:
                f = cells.get((rows[0].key, key))
                if f is not None:
                    out.append(_cell(f, side))
    return tuple(out)


def _by_cell(facts: Iterable[Fact], table: str) -> dict[tuple[str, str], Fact]:
    """(row key without its table prefix, column key) → the fact, for cells read unambiguously."""
    out: dict[tuple[str, str], Fact] = {}
    for f in facts:
        if f.table == table and f.status != AMBIGUOUS and f.row_key and f.column_key:
            out.setdefault((f.row_key.split(".", 1)[1], f.column_key), f)
    return out


def _row_cells(table: TableDef, row: str, column: str, cells: dict[tuple[str, str], Fact]) -> list[Fact]:
    """A row's cell in one column; a heading printed without cells of its own stands for its children."""
    if (row, column) in cells:
        return [cells[(row, column)]]
    return [f for kid in table.children(row) for f in _row_cells(table, kid.key, column, cells)]


def _cell(f: Fact, side: str) -> Cell:
    return Cell(f.report_id, f.table, f.row_path, f.column_path, f.row_key, f.column_key, f.value, f.page, side)


ISSUE_COLUMNS = ("report", "agency", "year", "kind", "check", "description", "left", "right", "detail", "scope",
                 "previous", "table", "page", "cells")


def issue_rows(issues: Iterable[Issue]) -> list[dict]:
    """One flat dict per issue (for CSV and Markdown): the cells as 「row × column = value」 text."""
    rows = []
    for i in issues:
        d = i.to_json()
        rows.append({k: (cells_text(i) if k == "cells" else d[k]) for k in ISSUE_COLUMNS})
    return rows


def cells_text(issue: Issue) -> str:
    """The two sides in words: 「行政复议 / 总计 = 0 ≠ 结果维持 = 10 + 结果纠正 = 1（另有 2 个单元格为 0）」.
    Zero cells among the parts are counted, not listed: a total of twenty rows reads better so."""
    def word(c: Cell) -> str:
        who = f"{c.report_id}: " if c.report_id != issue.report_id else ""
        page = f"（第{c.page}页）" if c.page is not None else ""
        return who + c.label() + page

    left = [c for c in issue.cells if c.side == "left"]
    right = [c for c in issue.cells if c.side == "right"]
    shown = [c for c in right if c.value != 0 or len(right) <= 3]
    text = " + ".join(map(word, left)) + " ≠ " + (" + ".join(map(word, shown)) or "0")
    hidden = len(right) - len(shown)
    return text + (f"（另有 {hidden} 个单元格为 0）" if hidden else "") if issue.cells else ""


def markdown(audit: Audit) -> str:
    """The audit as a Markdown report: a summary line, then one table row per issue."""
    wrong = [i for i in audit.issues if i.scope != BLANK_SCOPE]
    blank = len(audit.issues) - len(wrong)
    head = (f"# 年报数据核查\n\n{len(audit.reports)} 份报告，{audit.checks} 项校验，"
            f"{len(wrong)} 项不一致，涉及 {len(dict.fromkeys(i.report_id for i in wrong))} 份报告"
            + (f"；{blank} 行有空白或未读到的单元格" if blank else "") + "。\n")
    if not audit.issues:
        return head
    cols = ("report", "agency", "year", "check", "description", "detail", "page", "cells")
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in issue_rows(audit.issues):
        lines.append("| " + " | ".join(_md_cell(row[c]) for c in cols) + " |")
    return head + "\n" + "\n".join(lines) + "\n"


def _md_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
