"""Which number a question asks for in one report: a template cell, a derived measure, a cell of
another table, or a number in the prose — tried in that order, each with the words that chose it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.template import normalize
from qa.cells import CellMatch, RowHit
from qa.knowledge import ReportFacts, Value
from qa.scope import agency_aliases
from qa.text_match import best_prose_fact, best_table_fact

_NON_COUNT_UNITS = re.compile(r"(多少|几)(万|亿)?(条|份|篇|期|版|人次|人|次|场|户|万元|元)|多少钱|工单|粉丝")
_COUNT_UNITS = {"件", "宗", "个", "起", "项"}


@dataclass(frozen=True)
class Measure:
    """A value found for the question in one report, and how it was chosen."""

    value: Value
    kind: str  # template | derived | table | prose
    defaults: tuple[str, ...] = ()
    table: str | None = None
    row: str | None = None
    column: str | None = None


def specific_rows(hits: list[RowHit]) -> list[RowHit]:
    """Drop a heading when one of its own sub-rows is named too (无法提供 vs 本机关不掌握…)."""
    keys = {(h.table, h.row.key) for h in hits}
    return [h for h in hits if not any((h.table, k) in keys for k in _children_keys(h))]


def _children_keys(h: RowHit) -> list[str]:
    from index.template import load_templates

    tpl = load_templates()["2021"]
    return [c.key for c in tpl.table(h.table).children(h.row.key)] if h.table in ("t2", "t3") else []


def _t2_column(question: str, hit: RowHit) -> tuple[str, tuple[str, ...]]:
    q = normalize(question)
    for col in hit.row.columns:
        if any(a in q for a in (col.path[-1], *col.aliases) if len(a) >= 2):
            return col.key, ()
    col = hit.row.columns[0]
    if len(hit.row.columns) == 1:
        return col.key, ()
    return col.key, (f"未指明哪一列，按「{col.path[-1]}」回答",)


def template_measures(rf: ReportFacts, cm: CellMatch, question: str) -> list[Measure]:
    """Values for every template cell the question names, in the order named."""
    out: list[Measure] = []
    for d in cm.derived:
        v = rf.derived(d)
        if v is not None:
            out.append(Measure(v, "derived", table="t4", row=d.key))
    rows = specific_rows(cm.rows)
    t3_cols = [c for c in cm.columns if c.table == "t3"]
    t4_cols = [c for c in cm.columns if c.table == "t4"]
    if t4_cols or cm.derived:  # 「被申请行政复议一共多少件」: 申请/一共 alone name no cell of table 三
        rows = [r for r in rows if not r.weak]
        t3_cols = [c for c in t3_cols if c.column.key != "total"]
    if not rows and t3_cols:
        rows = [r for r in cm.rows if r.table == "t3"] or []
        if not rows:
            note = ("未指明哪一行，按「本年新收政府信息公开申请数量」回答",)
            out += [_t3(rf, "new", c.column.key, note) for c in t3_cols]
            return [m for m in out if m is not None]
    for hit in rows:
        if hit.table == "t3":
            if t3_cols:
                out += [_t3(rf, hit.row.key, c.column.key, ()) for c in t3_cols]
            else:
                out.append(_t3(rf, hit.row.key, "total", ()))
        elif hit.table == "t2":
            col, notes = _t2_column(question, hit)
            v = rf.cell("t2", hit.row.key, col)
            out.append(Measure(v, "template", notes, "t2", hit.row.key, col) if v else None)
    if not cm.derived:
        for c in t4_cols:
            v = rf.cell("t4", "cases", c.column.key)
            out.append(Measure(v, "template", (), "t4", "cases", c.column.key) if v else None)
    return [m for m in out if m is not None and m.value is not None]


def _t3(rf: ReportFacts, row: str, col: str, notes: tuple[str, ...]) -> Measure | None:
    v = rf.cell("t3", row, col)
    return Measure(v, "template", notes, "t3", row, col) if v else None


def find_measures(rf: ReportFacts, cm: CellMatch, question: str) -> list[Measure]:
    """Template cells first; else a cell of another table; else a number in the prose."""
    found = template_measures(rf, cm, question)
    q = normalize(question)
    wants_other_unit = bool(_NON_COUNT_UNITS.search(q)) and not any(u in q for u in ("宗", "件"))
    prose = best_prose_fact(question, rf.facts, agency_aliases(rf.report.agency) if rf.report.agency else set())
    only_weak = not cm.strong_rows and not cm.columns and not cm.derived
    if only_weak and prose and prose.overlap >= 3:
        # 「区政府办代表区政府受理了多少件申请」: the prose names this exact figure; the table only its total
        found = []
    if found and not (wants_other_unit and all(m.value.unit in _COUNT_UNITS for m in found)):
        return found
    tables = {f.table for f in rf.facts if f.table.startswith("g")}
    if tables:
        titles = {t.key: t.title for t in rf.tables}
        cell = best_table_fact(question, rf.facts, titles)
        if cell and (prose is None or cell.score >= prose.score):
            f = cell.fact
            label = " / ".join(f.row_path) + (" × " + " / ".join(f.column_path) if f.column_path else "")
            return [Measure(Value(f.value, f.unit, (f,), label), "table", table=f.table)]
    if prose:
        f = prose.fact
        return [Measure(Value(f.value, f.unit, (f,), f.row_path[0]), "prose", table="prose")]
    return found
