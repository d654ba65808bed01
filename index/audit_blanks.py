"""Blank cells: template cells of a printed table for which no number was read.

The national template asks for every cell to be filled (0 when there is nothing to count), so a
supervisor looks for blanks. From the stored facts alone a cell the report left blank cannot be
told from one the parser could not read, so the issue says both; it is listed only when asked for
(`--blanks`), apart from the inconsistencies. A row printed collapsed (its sub-rows missing, its own cells
there, as 洪泽区 prints （六）其他处理) is not blank either; a heading's blanks are those of its rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.audit import BLANK_SCOPE, Issue
from index.frame import report_kind
from index.models import Fact, Report
from index.template import TableDef, load_templates


def blank_issues(report: Report, facts: Sequence[Fact]) -> list[Issue]:
    """One issue per template row of a printed table with cells that hold no number."""
    template = load_templates().get(report.template or "")
    if template is None:
        return []
    issues = []
    for table in template.tables:
        read = {(f.row_key.split(".", 1)[1], f.column_key) for f in facts
                if f.table == table.key and f.row_key and f.column_key}
        if not read:
            continue  # a table not printed at all is not a table of blanks
        for row in table.rows:
            if table.children(row.key):
                continue  # a heading's blanks are its rows' blanks, listed with them
            missing = [c for c in row.columns if (row.key, c.key) not in read
                       and not _covered(table, row.key, c.key, read)]
            if missing:
                names = "、".join(" / ".join(c.path) for c in missing)
                issues.append(Issue(
                    report.id, report.agency, report.year, report_kind(report), f"blank[{row.label}]",
                    f"{table.title}：「{row.label}」没有读到数字（报告留空，或版式未能解析）", None, None,
                    f"{len(missing)}/{len(row.columns)} 列：{names}", scope=BLANK_SCOPE, where=table.key,
                ))
    return issues


def _covered(table: TableDef, row: str, column: str, read: set[tuple[str, str]]) -> bool:
    """The cell's value is printed by a row above it: the report collapsed its sub-rows into it."""
    parent = table.row(row).parent
    while parent:
        if (parent, column) in read:
            return True
        parent = table.row(parent).parent
    return False
