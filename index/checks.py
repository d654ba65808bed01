"""Evaluate the template's arithmetic identities on one report's facts.

A report whose own numbers disagree is flagged, never "corrected": the facts stay as printed and
the failed check is stored beside them, so an answer can warn about it.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from index.models import AMBIGUOUS, Check, Fact
from index.template import Identity, TableDef, Template
from index.template_parse import expand, row_value


def _values(facts: list[Fact], table: TableDef) -> dict[str, dict[str, Decimal]]:
    """row key → column key → value, for cells read unambiguously."""
    out: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for f in facts:
        if f.table == table.key and f.status != AMBIGUOUS and f.row_key and f.column_key:
            out[f.row_key.split(".", 1)[1]][f.column_key] = f.value
    return out


def _column_checks(report_id: str, ident: Identity, table: TableDef, vals: dict) -> list[Check]:
    cols = table.row(next(iter(vals))).columns if vals else ()
    lk = expand(table, ident.left)
    rk = [k for k in expand(table, ident.right) if k not in lk]
    checks = []
    for col in cols:
        per_col = {r: [v[col.key]] for r, v in vals.items() if col.key in v}
        lv = [row_value(table, k, per_col, 0) for k in lk]
        rv = [row_value(table, k, per_col, 0) for k in rk]
        if any(v is None for v in lv + rv):
            continue
        left, right = sum(lv, Decimal(0)), sum(rv, Decimal(0))
        checks.append(
            Check(report_id, f"{ident.name}[{col.path[-1]}]", f"{ident.description}（{col.path[-1]}列）",
                  left, right, left == right, "" if left == right else f"{left} ≠ {right}")
        )
    return checks


def _row_checks(report_id: str, ident: Identity, table: TableDef, vals: dict) -> list[Check]:
    checks = []
    for row in table.rows:
        cells = vals.get(row.key)
        if not cells or not all(k in cells for k in ident.left + ident.right):
            continue
        left = sum((cells[k] for k in ident.left), Decimal(0))
        right = sum((cells[k] for k in ident.right), Decimal(0))
        name = f"{ident.name}[{row.label}]" if len(table.rows) > 1 else ident.name
        checks.append(
            Check(report_id, name, ident.description, left, right, left == right,
                  "" if left == right else f"{row.label}: {left} ≠ {right}")
        )
    return checks


def run_checks(report_id: str, template: Template, facts: list[Fact]) -> list[Check]:
    """Every identity of the template that this report's facts let us evaluate."""
    checks: list[Check] = []
    for ident in template.identities:
        table = template.table(ident.table)
        vals = _values(facts, table)
        if not vals:
            continue
        fn = _column_checks if ident.per == "column" else _row_checks
        checks.extend(fn(report_id, ident, table, vals))
    return checks
