"""Map the words of a question to template cells, through the template's own labels and aliases.

「企业申请了几宗」 names the 商业企业 column (alias 企业) and, weakly, the 本年新收 row (申请);
「多少件因为机关手里没有这份信息而没法提供」 names 本机关不掌握相关政府信息. Matches are taken
longest first and never overlap, so 「部分公开」 does not also count as 「公开」.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from index.template import ColumnDef, Derived, RowDef, Template, load_templates, normalize


@dataclass(frozen=True)
class RowHit:
    table: str
    row: RowDef
    start: int
    length: int
    weak: bool = False
    text: str = ""  # the question as matched (start is an offset into it, not into any other form)


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


_GENERIC_ROW_WORDS = {"其他"}


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
            # 「其他」 alone (the 3.其他 rows) is said of everything: it names a row only weakly
            out += [(normalize(p), "row", (table.key, row), p in _GENERIC_ROW_WORDS) for p in phrases if len(p) >= 2]
            out += [(normalize(p), "row", (table.key, row), True) for p in row.weak_aliases]
        if table.key == "t3":
            for col in table.rows[0].columns:
                phrases = {col.path[-1], *col.aliases}
                out += [(normalize(p), "col", (table.key, col), False) for p in phrases if len(p) >= 2]
    out.sort(key=lambda c: -len(c[0]))
    return out


def _t4(q: str, taken: list[bool], tpl: Template, m: CellMatch) -> None:
    """Table 四 by group × outcome: 「复议后被纠正」 → 复议后起诉 × 结果纠正; 「诉讼」 = both lawsuit groups."""
    words = tpl.t4_words
    if words is None:
        return
    # the longest outcome named: 「除了维持和纠正之外，按其他结果结案」 asks for 其他结果
    named = [(len(w), key) for key, ws in words.outcomes.items() for w in ws if w in q]
    outcome = max(named)[1] if named else "total"
    columns = {c.key: c for c in tpl.table("t4").rows[0].columns}
    in_court = "诉" in q or "法院" in q
    both = all(any(w in q for w in words.groups[g]) for g in ("suit_direct", "suit_after"))
    for group, ws in words.groups.items():
        if group != "review" and not in_court:  # 「复议后被纠正」 is a review outcome, not a lawsuit
            continue
        if both and group in ("suit_direct", "suit_after", "review"):
            continue  # 「行政诉讼（含直接起诉和复议后起诉）」 asks for both lawsuit groups
        for w in sorted(ws, key=len, reverse=True):
            start = _claim(q, w, taken)
            if start < 0:
                continue
            if group == "suits":
                parts = tuple(("t4", "cases", f"{g}.{outcome}") for g in ("suit_direct", "suit_after"))
                label = words.group_labels[group] + ("" if outcome == "total" else " " + words.outcomes[outcome][0])
                m.derived.append(Derived(f"t4.suits.{outcome}", label, parts))
            else:
                m.columns.append(ColHit("t4", columns[f"{group}.{outcome}"], start, len(w)))
            break
        if any(c.table == "t4" for c in m.columns) or m.derived:
            break


def _claim(q: str, phrase: str, taken: list[bool]) -> int:
    """Where `phrase` stands in `q` on characters no longer phrase has taken (marking them), or -1."""
    start = q.find(phrase)
    while start >= 0 and any(taken[start:start + len(phrase)]):
        start = q.find(phrase, start + 1)
    if start >= 0:
        for i in range(start, start + len(phrase)):
            taken[i] = True
    return start


@cache
def _candidates_for(version: str) -> list[tuple[str, str, object, bool]]:
    return _candidates(load_templates()[version])


# 「依申请公开的信息几条」「依申请公开与不予公开的共几条」 count the items of information a
# report gave out on request (「依申请公开信息数246条」), not the requests the applications table counts
INFO_COUNTED = re.compile(r"依申请公开[^，,。？?；;]*?信息(?!公开)|依申请公开[^，,。？?；;]*?(?:多少|几)条")


def match_cells(question: str, tpl: Template) -> CellMatch:
    """Every template row, column and derived measure the question names, longest phrases first."""
    cands = _candidates_for(tpl.version)
    q = normalize(question).replace(" ", "")
    taken = [False] * len(q)
    if INFO_COUNTED.search(q):  # information given out on request is no count of requests
        for said in re.finditer("依申请公开", q):
            taken[said.start():said.end()] = [True] * (said.end() - said.start())
    m = CellMatch()
    _t4(q, taken, tpl, m)
    seen_rows, seen_cols = set(), set()
    for phrase, kind, target, weak in cands:
        start = _claim(q, phrase, taken)
        if start < 0:
            continue
        if kind == "row":
            tkey, row = target
            if (tkey, row.key) not in seen_rows:
                seen_rows.add((tkey, row.key))
                m.rows.append(RowHit(tkey, row, start, len(phrase), weak, q))
        else:
            tkey, col = target
            if (tkey, col.key) not in seen_cols:
                seen_cols.add((tkey, col.key))
                m.columns.append(ColHit(tkey, col, start, len(phrase)))
    m.rows.sort(key=lambda h: h.start)
    m.columns.sort(key=lambda h: h.start)
    if any(c.column.key != "total" for c in m.columns if c.table == "t3"):
        # 「自然人…一共几件」: 一共 sums what the named column counts, it names no 总计 column beside it
        m.columns = [c for c in m.columns if not (c.column.key == "total" and q[c.start:c.start + c.length]
                                                  in _SUM_WORDS)]
    _total_of_a_row(m, q, tpl)
    if m.strong_rows:
        m.rows = m.strong_rows
    return m


_SUM_WORDS = ("一共", "总共")


def _total_of_a_row(m: CellMatch, q: str, tpl: Template) -> None:
    """「不予公开的申请总计有几件」「…无法提供的，总计几件」: a bare 总计 after a row the question names is
    that row's 总计 column, not the (七)总计 row beside it."""
    bare = [h for h in m.rows if h.row.key == "total" and q[h.start:h.start + h.length] == "总计"]
    others = [h.start for h in m.rows if h.table == "t3" and h.row.key != "total" and not h.weak]
    others += [c.start for c in m.columns if c.table == "t4"]  # 「…直接提起行政诉讼的总计」: table 四's
    if not bare or not others or bare[0].start < min(others):
        return
    m.rows = [h for h in m.rows if h is not bare[0]]
    if not any(c.table == "t4" for c in m.columns) and not any(c.column.key == "total" for c in m.columns):
        col = next((c for c in tpl.table("t3").rows[-1].columns if c.key == "total"), None)
        if col is not None:
            m.columns.append(ColHit("t3", col, bare[0].start, bare[0].length))
