"""Finance reports (部门预算, 部门决算): their standard tables keyed, placed and checked.

Tables arrive two ways. A PDF, HTML or Word file gives real grids, read by `generic_tables`;
here each grid whose title names a standard table of the report's kind gets canonical keys (the
subject code or labelled row, the column kind). A text layer gives lines; `finance_text` reads
them and `finance_solve` places their numbers. Either way the kind's identities are evaluated:
a report whose own totals disagree is flagged, never corrected.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from index.finance_solve import AtLeast, Constraint, Number, SolveRow, Term, evaluate, placements, solve
from index.finance_text import TextTable, document_lines, find_text_tables
from index.generic_tables import column_roles, parse_number
from index.kinds import FinanceColumn, FinanceIdentity, FinanceTableDef, ReportKind, squeeze
from index.models import AMBIGUOUS, EXACT, RECOVERED, Check, Document, Fact, Table

_CN_MARKER = re.compile(r"^[一二三四五六七八九十]+、")
_SUB_MARKER = re.compile(r"^\d{1,2}[.．、]")
_ANY_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.．、])")
_CODE_SPLIT = re.compile(r"^(\d{3})\s*(\d{2})?\s*(\d{2})?$")

Keyer = Callable[[Table], tuple[str, Callable[[int, int], tuple[str | None, str | None]]] | None]


@dataclass
class FinanceParse:
    tables: list[Table] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)


# ---- rows and their keys ----------------------------------------------------------------------


def row_columns(table: FinanceTableDef, side: str | None) -> tuple[FinanceColumn, ...]:
    return table.side(side).columns if table.shape == "two_sided" and side else table.columns


def two_sided_key(table: FinanceTableDef, side: str, label: str) -> str:
    """「1.一般公共预算」 on the income side → income.一般公共预算 (the kind's own word for it)."""
    core = _ANY_MARKER.sub("", squeeze(label))
    if side == "income":
        for known in table.side("income").labels:
            k = squeeze(known)
            if core.startswith(k) or (len(core) >= 4 and k.startswith(core)):
                return f"income.{k}"
    return f"{side}.{core}"


def coded_key(table: FinanceTableDef, code: str | None, label: str) -> str:
    if table.shape == "single_row":
        return "row"
    if code:
        return code
    if table.labels and label in table.labels:
        return table.labels[label]
    return "total" if label.startswith(("合计", "总计")) else label


def _unique(keys: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for k in keys:
        seen[k] = seen.get(k, 0) + 1
        out.append(k if seen[k] == 1 else f"{k}#{seen[k]}")
    return out


# ---- identities as constraints -----------------------------------------------------------------


def _column_index(columns: tuple[FinanceColumn, ...], key: str) -> int | None:
    return next((i for i, c in enumerate(columns) if c.key == key), None)


def constraints(prefix: str, table: FinanceTableDef, rows: list[SolveRow], base: int) -> list[Constraint]:
    """Every identity of `table` over its rows (`base` is the index of rows[0] in the solver)."""
    out: list[Constraint] = []
    for i, row in enumerate(rows):
        columns = row_columns(table, row.side)
        for ident in table.row_identities:
            if ident.side and ident.side != row.side:
                continue
            left = [_column_index(columns, k) for k in ident.left]
            right = [_column_index(columns, k) for k in ident.right]
            if None in left or None in right:
                continue
            terms = [Term(base + i, c, 1) for c in left] + [Term(base + i, c, -1) for c in right]
            out.append(Constraint.scalar(f"{prefix}.{ident.name}[{row.label}]", ident.description, tuple(terms)))
    if table.shape in ("coded", "coded_pairs"):
        out += _hierarchy(prefix, table, rows, base)
    out += _table_identities(prefix, table, rows, base)
    return out


def _hierarchy(prefix: str, table: FinanceTableDef, rows: list[SolveRow], base: int) -> list[Constraint]:
    """A 类 is the sum of its 款, a 款 of its 项, and the 合计 row of the 类 — in every column."""
    by_code = {r.code: i for i, r in enumerate(rows) if r.code}
    width = len(table.columns)
    out = []
    groups: list[tuple[int, list[int], str]] = []
    for code, i in by_code.items():
        kids = [j for c, j in by_code.items() if len(c) == len(code) + 2 and c.startswith(code)]
        if kids:
            groups.append((i, kids, f"{rows[i].label}（{code}）= 下级科目之和"))
    total = next((i for i, r in enumerate(rows) if r.key == "total"), None)
    tops = [i for c, i in by_code.items() if len(c) == 3]
    if total is not None and tops and table.shape == "coded":
        groups.append((total, tops, "合计 = 各类之和"))
    for parent, kids, description in groups:
        equations = tuple((Term(base + parent, c, 1), *(Term(base + k, c, -1) for k in kids)) for c in range(width))
        labels = tuple(f"/{table.columns[c].label}]" for c in range(width))
        out.append(Constraint(f"{prefix}.sum[{rows[parent].key}", description, equations, labels))
    return out


def _table_identities(prefix: str, table: FinanceTableDef, rows: list[SolveRow], base: int) -> list[Constraint]:
    index = {r.key: i for i, r in enumerate(rows)}
    out = []
    for ident in table.identities:
        left = _refs(table, rows, index, ident.left, ident)
        right = _refs(table, rows, index, ident.right, ident)
        if left is None or right is None or not left:
            continue
        widths = {len(row_columns(table, rows[i].side)) for i, _ in left + right}
        columns = list(range(min(widths))) if ident.per_column else [None]
        equations = tuple(
            tuple(Term(base + i, col if c is None else c, 1) for i, col in left)
            + tuple(Term(base + i, col if c is None else c, -1) for i, col in right)
            for c in columns)
        labels = tuple(f"[{row_columns(table, rows[left[0][0]].side)[c].label}]" if c is not None else ""
                       for c in columns)
        out.append(Constraint(f"{prefix}.{ident.name}", ident.description, equations, labels))
    return out


def _refs(table: FinanceTableDef, rows: list[SolveRow], index: dict[str, int], refs: tuple[str, ...],
          ident: FinanceIdentity) -> list[tuple[int, int]] | None:
    """Cell references → (row, column) pairs; None when a named row is not printed."""
    out: list[tuple[int, int]] = []
    for ref in refs:
        if ref.startswith("@items:"):
            side = ref.removeprefix("@items:")
            out += [(i, 0) for i, r in enumerate(rows) if r.side == side and _CN_MARKER.match(r.label)]
            continue
        if ref.startswith("@subitems:"):
            head = index.get(ref.removeprefix("@subitems:"))
            if head is None:
                return None
            kids = []
            for j in range(head + 1, len(rows)):
                if rows[j].side != rows[head].side:
                    continue
                if not _SUB_MARKER.match(rows[j].label):
                    break
                kids.append((j, 0))
            if not kids:
                return None
            out += kids
            continue
        key, _, column = ref.partition(":")
        if key not in index:
            return None
        row = rows[index[key]]
        c = _column_index(row_columns(table, row.side), column) if column else 0
        if c is None:
            return None
        out.append((index[key], c))
    return out


def links(kind: ReportKind, tables: dict[str, tuple[FinanceTableDef, list[SolveRow], int]]) -> list[Constraint]:
    """The kind's identities across tables (收入表 合计 = 收支总表 收入 …), over the tables printed."""
    out = []
    for ident in kind.links:
        sides = []
        for refs in (ident.left, ident.right):
            terms = []
            for ref in refs:
                table_key, _, cell = ref.partition("|")
                if table_key not in tables:
                    break
                tdef, rows, base = tables[table_key]
                got = _refs(tdef, rows, {r.key: i for i, r in enumerate(rows)}, (cell,), ident)
                if not got:
                    break
                terms += [(base + i, c) for i, c in got]
            else:
                sides.append(terms)
                continue
            break
        if len(sides) == 2:
            equation = tuple(Term(r, c, 1) for r, c in sides[0]) + tuple(Term(r, c, -1) for r, c in sides[1])
            out.append(Constraint.scalar(f"links.{ident.name}", ident.description, equation))
    return out


def bounds(kind: ReportKind, tables: dict[str, tuple[FinanceTableDef, list[SolveRow], int]]) -> list[AtLeast]:
    """Cells of one table that cover the same cells of another (a department's spending on a
    subject ≥ the part of it paid from the general budget), row by row where both print the row."""
    out = []
    for outer_key, inner_key, columns in kind.bounds:
        if outer_key not in tables or inner_key not in tables:
            continue
        (otab, orows, obase), (itab, irows, ibase) = tables[outer_key], tables[inner_key]
        inner = {r.key: i for i, r in enumerate(irows)}
        for i, row in enumerate(orows):
            if row.key not in inner:
                continue
            for column in columns:
                oc, ic = _column_index(otab.columns, column), _column_index(itab.columns, column)
                if oc is not None and ic is not None:
                    out.append(AtLeast(f"{outer_key}≥{inner_key}[{row.key}/{column}]",
                                       Term(obase + i, oc, 1), Term(ibase + inner[row.key], ic, 1)))
    return out


# ---- text tables --------------------------------------------------------------------------------


def _solve_rows(table: TextTable) -> list[SolveRow]:
    rows: list[SolveRow] = []
    tdef = table.table
    for e in table.entries:
        if tdef.shape == "two_sided":
            if e.side is None:
                continue
            key = two_sided_key(tdef, e.side, e.label)
        else:
            key = coded_key(tdef, e.code, e.label)
        width = len(row_columns(tdef, e.side))
        rows.append(SolveRow(tdef.key, key, e.label, list(e.numbers), width, page=e.page or table.page,
                             code=e.code, side=e.side if tdef.shape == "two_sided" else None))
    for row, key in zip(rows, _unique([r.key for r in rows]), strict=True):
        row.key = key
    return rows


def _row_identity_columns(tdef: FinanceTableDef, row: SolveRow) -> list[tuple[list[int], list[int]]]:
    columns = row_columns(tdef, row.side)
    out = []
    for ident in tdef.row_identities:
        if ident.side and ident.side != row.side:
            continue
        left = [_column_index(columns, k) for k in ident.left]
        right = [_column_index(columns, k) for k in ident.right]
        if None not in left and None not in right:
            out.append((left, right))
    return out


def text_tables(report_id: str, doc: Document, kind: ReportKind, skip: set[str], first: int) -> FinanceParse:
    """Rebuild the standard tables that `doc` prints only as text (those not already read as grids)."""
    out = FinanceParse()
    found = find_text_tables(kind, document_lines(doc), skip)
    rows: list[SolveRow] = []
    spans: list[tuple[TextTable, int, int]] = []
    cons: list[Constraint] = []
    for table in found:
        own = _solve_rows(table)
        for row in own:
            row.candidates = placements(row, _row_identity_columns(table.table, row))
            row.printed = list(row.candidates)
            if not row.candidates and row.numbers:
                out.warnings.append(f"{table.title}: {row.label} prints {len(row.numbers)} numbers for "
                                    f"{row.width} columns; not read")
        cons += constraints(table.table.key, table.table, own, len(rows))
        spans.append((table, len(rows), len(rows) + len(own)))
        rows += own
    by_key = {t.table.key: (t.table, rows[a:b], a) for t, a, b in spans}
    cons += links(kind, by_key)
    solve(rows, cons, bounds(kind, by_key))
    for n, (table, a, b) in enumerate(spans):
        key = f"g{first + n}"
        t, facts = _emit(report_id, key, kind, table, rows[a:b])
        out.tables.append(t)
        out.facts += facts
        out.regions.append((table.start, table.end))
    out.checks = [c for con in cons for c in evaluate(report_id, rows, con)]
    return out


def _paths(tdef: FinanceTableDef, rows: list[SolveRow]) -> list[tuple[str, ...]]:
    names = {r.code: r.label for r in rows if r.code}
    out = []
    for r in rows:
        if r.code:
            parents = [names[r.code[:n]] for n in (3, 5) if n < len(r.code) and r.code[:n] in names]
            out.append((*parents, r.label))
        else:
            out.append((r.label,))
    return out


def _emit(
    report_id: str, key: str, kind: ReportKind, table: TextTable, rows: list[SolveRow]
) -> tuple[Table, list[Fact]]:
    tdef = table.table
    facts: list[Fact] = []
    cells: list[tuple[str, ...]] = []
    paths = _paths(tdef, rows)
    # a two-sided table's grid puts income columns before expense columns, each row in its side's
    all_columns = tdef.columns or tuple(c for side in tdef.sides for c in side.columns)
    before = {"income": 0, "expense": len(tdef.side("income").columns)} if tdef.sides else {}
    for row, path in zip(rows, paths, strict=True):
        columns = row_columns(tdef, row.side)
        shown: list[str] = []
        for c, column in enumerate(columns):
            readings = [(ci, p[c]) for ci, p in enumerate(row.candidates)]
            texts = list(dict.fromkeys(row.numbers[i].text if i is not None else "" for _, i in readings))
            if not texts:  # a row that could not be placed (more numbers than columns): warned, not stored
                shown.append("")
                continue
            shown.append(texts[0] if len(texts) == 1 else "?(" + "|".join(t or "空" for t in texts) + ")")
            certain = len({i for _, i in readings}) == 1
            status = (EXACT if not row.inferred or row.column_printed(c) else RECOVERED) if certain else AMBIGUOUS
            for ci, i in readings[:1] if certain else readings:
                if i is None:
                    continue
                number: Number = row.numbers[i]
                facts.append(Fact(
                    report_id=report_id, table=key, row_path=path, column_path=column.path, value=number.value,
                    unit=table.unit, status=status, row_key=f"{tdef.key}.{row.key}", column_key=column.key,
                    page=row.page, span=(number.start, number.end), raw=number.text,
                    candidate=0 if certain else ci))
        lead = before.get(row.side or "", 0)
        cells.append(("",) * lead + tuple(shown) + ("",) * (len(all_columns) - lead - len(shown)))
    column_paths = tuple(c.path for c in all_columns)
    t = Table(report_id, key, table.title, column_paths, tuple(paths), tuple(cells), table.unit, table.page,
              kind=f"{kind.name}.{tdef.key}")
    return t, facts


# ---- grid tables --------------------------------------------------------------------------------


def grid_keyer(kind: ReportKind) -> Keyer:
    """For a generic grid table: its standard table key and the canonical keys of each cell."""

    def keyer(table: Table):
        tdef = kind.table_for(table.title, _header(table))
        if tdef is None:
            return None
        keys = _grid_keys(tdef, table)
        if keys is None and any(parse_number(c) is not None for row in table.cells for c in row):
            return None  # a layout this kind does not describe: keep the printed headers only
        keys = keys or {}
        return f"{kind.name}.{tdef.key}", lambda r, c: keys.get((r, c), (None, None))

    return keyer


def _header(table: Table) -> str:
    return " ".join(label for path in table.column_paths for label in path)


def _grid_keys(tdef: FinanceTableDef, table: Table) -> dict[tuple[int, int], tuple[str, str]] | None:
    rows = grid_rows(tdef, table)
    if rows is None:
        return None
    out = {}
    for row, positions in rows:
        for c, position in enumerate(positions):
            if position is not None:
                out[position] = (f"{tdef.key}.{row.key}", row_columns(tdef, row.side)[c].key)
    return out


def grid_rows(tdef: FinanceTableDef, table: Table) -> list[tuple[SolveRow, list[tuple[int, int] | None]]] | None:
    """The grid's rows as settled solver rows, each with the grid position of each of its columns."""
    grid = table.cells
    roles = column_roles(grid)
    value_cols = [c for c, role in enumerate(roles) if role == "value"]
    label_cols = [c for c, role in enumerate(roles) if role != "value"]
    out: list[tuple[SolveRow, list[tuple[int, int] | None]]] = []
    if tdef.shape == "two_sided":
        groups = _sides(label_cols, value_cols)
        if len(groups) != 2:
            return None
        for r, cells in enumerate(grid):
            for side, (label_col, values) in zip(("income", "expense"), groups, strict=True):
                label = squeeze(cells[label_col])
                if not label or not any(parse_number(cells[c]) for c in values) and not _ANY_MARKER.match(label):
                    continue
                if len(values) != len(tdef.side(side).columns):
                    return None
                out.append(_grid_row(tdef, table, r, values, label, None, side))
    else:
        width = len(tdef.columns)
        if tdef.shape == "single_row":
            value_cols = list(range(len(grid[0]))) if grid else []
        if len(value_cols) != width:
            return None
        last: list[str] = []
        for r, cells in enumerate(grid):
            if not any(parse_number(cells[c]) is not None for c in value_cols):
                continue
            if tdef.shape == "single_row":
                out.append(_grid_row(tdef, table, r, value_cols, tdef.name, None, None))
                break
            code, label, last = _grid_code(cells, label_cols, last)
            if code is None and not label.startswith(("合计", "总计")):
                continue
            out.append(_grid_row(tdef, table, r, value_cols, label, code, None))
    keys = _unique([row.key for row, _ in out])
    for (row, _), key in zip(out, keys, strict=True):
        row.key = key
    return out


def _sides(label_cols: list[int], value_cols: list[int]) -> list[tuple[int, list[int]]]:
    groups = []
    for i, lc in enumerate(label_cols):
        nxt = label_cols[i + 1] if i + 1 < len(label_cols) else 10**6
        groups.append((lc, [c for c in value_cols if lc < c < nxt]))
    return [g for g in groups if g[1]]


def _grid_code(cells: tuple[str, ...], label_cols: list[int], last: list[str]) -> tuple[str | None, str, list[str]]:
    """The row's subject code from its 类/款/项 cells. A 类 cell that is not three digits (a PDF that
    printed 「7」 for 210 under a merged cell) takes the 类 of the row above when the 款 follows it."""
    parts = [cells[c].strip() for c in label_cols]
    digits = [p for p in parts if p.isdigit()]
    words = [squeeze(p) for p in parts if p and not p.isdigit()]
    label = words[-1] if words else ""
    if digits:
        if len(digits[0]) != 3 and last and len(digits) > 1:
            digits[0] = last[0]
        code = digits[0] + "".join(d.zfill(2) for d in digits[1:])
        return code, label, digits
    m = re.match(r"^(\d{3}(?:\d{2}){0,2})(\D.*)$", label)
    if m:
        return m.group(1), m.group(2), [m.group(1)]
    return None, label, last


def _grid_row(tdef, table, r, value_cols, label, code, side) -> tuple[SolveRow, list[tuple[int, int] | None]]:
    numbers: list[Number] = []
    placement: list[int | None] = []
    positions: list[tuple[int, int] | None] = []
    for c in value_cols:
        parsed = parse_number(table.cells[r][c])
        if parsed is None:
            placement.append(None)
            positions.append(None)
        else:
            placement.append(len(numbers))
            numbers.append(Number(table.cells[r][c], parsed.value, 0, 0))
            positions.append((r, c))
    key = two_sided_key(tdef, side, label) if side else coded_key(tdef, code, label)
    row = SolveRow(tdef.key, key, label, numbers, len(value_cols), [tuple(placement)], table.page, code, side)
    return row, positions


def grid_checks(report_id: str, kind: ReportKind, tables: list[Table]) -> list[Check]:
    """The identities of every standard table read as a grid."""
    rows: list[SolveRow] = []
    cons: list[Constraint] = []
    for table in tables:
        tdef = kind.table_for(table.title, _header(table)) if table.kind else None
        if tdef is None:
            continue
        got = grid_rows(tdef, table) or []
        own = [row for row, _ in got]
        cons += constraints(tdef.key, tdef, own, len(rows))
        rows += own
    return [c for con in cons for c in evaluate(report_id, rows, con)]


def finance_parse(report_id: str, doc: Document, kind: ReportKind, grid_tables: list[Table]) -> FinanceParse:
    """Checks of the grid tables, plus the standard tables printed only as text."""
    read = {t.kind.split(".", 1)[1] for t in grid_tables if t.kind}
    out = text_tables(report_id, doc, kind, read, len(grid_tables) + 1)
    out.checks = grid_checks(report_id, kind, grid_tables) + out.checks
    return out


