"""Map the words of a question to template cells, through the template's own labels and aliases.

「企业申请了几宗」 names the 商业企业 column (alias 企业) and, weakly, the 本年新收 row (申请);
「有多少申请因为政府没有这个信息而无法提供」 names 本机关不掌握相关政府信息. Matches are taken
longest first and never overlap, so 「部分公开」 does not also count as 「公开」.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.template import ColumnDef, Derived, RowDef, Template, normalize


@dataclass(frozen=True)
class RowHit:
    table: str
    row: RowDef
    start: int
    length: int
    weak: bool = False


@dataclass(frozen=True)
class ColHit:
    table: str
    column: ColumnDef
    start: int
    length: int


@dataclass
class CellMatch:
    """What a question names: rows (in the order they appear), columns, derived measures."""

    rows: list[RowHit] = field(default_factory=list)
    columns: list[ColHit] = field(default_factory=list)
    derived: list[Derived] = field(default_factory=list)

    @property
    def strong_rows(self) -> list[RowHit]:
        return [r for r in self.rows if not r.weak]

    @property
    def empty(self) -> bool:
        return not (self.rows or self.columns or self.derived)


def _candidates(tpl: Template) -> list[tuple[str, str, object, bool]]:
    """(phrase, kind, target, weak) for every label and alias of the template."""
    out: list[tuple[str, str, object, bool]] = []
    for table in tpl.tables:
        for row in table.rows:
            if not row.columns or table.key == "t4":
                continue
            phrases = {row.core, *row.aliases}
            if table.key == "t3" and len(row.core) > 4:
                phrases.add(row.core.removeprefix("属于"))
            out += [(normalize(p), "row", (table.key, row), False) for p in phrases if len(p) >= 2]
            out += [(normalize(p), "row", (table.key, row), True) for p in row.weak_aliases]
        for row in table.rows:
            if table.key in ("t3", "t4") and row.columns:
                for col in row.columns:
                    phrases = {col.path[-1], *col.aliases} if table.key == "t3" else set(col.aliases)
                    out += [(normalize(p), "col", (table.key, col), False) for p in phrases if len(p) >= 2]
                break
    for d in tpl.derived:
        out += [(normalize(p), "derived", d, False) for p in d.aliases]
    out.sort(key=lambda c: -len(c[0]))
    return out


_CACHE: dict[str, list[tuple[str, str, object, bool]]] = {}


def match_cells(question: str, tpl: Template) -> CellMatch:
    """Every template row, column and derived measure the question names, longest phrases first."""
    cands = _CACHE.setdefault(tpl.version, _candidates(tpl))
    q = normalize(question).replace(" ", "")
    taken = [False] * len(q)
    m = CellMatch()
    seen_rows, seen_cols = set(), set()
    for phrase, kind, target, weak in cands:
        start = q.find(phrase)
        while start >= 0 and any(taken[start:start + len(phrase)]):
            start = q.find(phrase, start + 1)
        if start < 0:
            continue
        for i in range(start, start + len(phrase)):
            taken[i] = True
        if kind == "row":
            tkey, row = target
            if (tkey, row.key) not in seen_rows:
                seen_rows.add((tkey, row.key))
                m.rows.append(RowHit(tkey, row, start, len(phrase), weak))
        elif kind == "col":
            tkey, col = target
            if (tkey, col.key) not in seen_cols:
                seen_cols.add((tkey, col.key))
                m.columns.append(ColHit(tkey, col, start, len(phrase)))
        elif target not in m.derived:
            m.derived.append(target)
    m.rows.sort(key=lambda h: h.start)
    m.columns.sort(key=lambda h: h.start)
    if m.strong_rows:
        m.rows = m.strong_rows
    return m
