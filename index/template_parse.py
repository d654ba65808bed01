"""Rebuild the national template tables from a report's text stream, whatever its layout.

Every loader yields one stream (prose plus tables linearised row by row), so one mechanism
serves crawled text with one cell per line, glued digits, space-separated cells, pdftotext-style
rows and real HTML/PDF/DOCX grids: find each template row label in order, read the numbers that
sit between it and the next label, and, when digits are glued, split them with the template's
identities. Several valid splits are all kept, marked ambiguous.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from index.load_text import BLANK_CELL
from index.models import AMBIGUOUS, EXACT, RECOVERED, Fact, Table
from index.numbers import Part, Token, search_splits, tokens
from index.template import RowDef, TableDef, Template, normalize, split_marker

_PUNCT = re.compile(r"[^\w]")
_MAX_CANDIDATES = 64
_MAX_COMBINATIONS = 20000
# Budgets for splitting glued digits: in a table whose rows add up (counts of applications and
# cases), a number cut out of a glued run has at most this many digits; the search takes at most
# this many steps. Rows without identities (amounts in 元) stop at the candidate cap instead.
MAX_GLUED_DIGITS = 8
MAX_SPLIT_STEPS = 100_000
MAX_SPLIT_STEPS_PER_REPORT = 400_000


@dataclass
class SplitBudget:
    """Steps left for splitting glued digits in one report, shared by all its rows."""

    left: int = MAX_SPLIT_STEPS_PER_REPORT


@dataclass(frozen=True)
class Stream:
    """The NFKC-normalised text, with the offset in the original text of each character."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, raw: str) -> Stream:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(raw):
            n = normalize(ch)
            chars.append(n)
            origin.extend([i] * len(n))
        return cls("".join(chars), tuple(origin))

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


@cache
def _pattern(label: str, need_marker: bool) -> re.Pattern[str]:
    """A regex for a label as printed: any whitespace between characters, punctuation optional."""
    marker, core = split_marker(label)
    parts = []
    for ch in core:
        parts.append(r"[^\w\d]{0,2}" if _PUNCT.match(ch) else re.escape(ch))
    body = r"\s*".join(parts)
    if marker:
        mk = r"\s*".join(r"[^\w\d]?" if _PUNCT.match(c) else re.escape(c) for c in marker)
        head = f"(?:{mk})" if need_marker else f"(?:{mk}\\s*)?"
        return re.compile(head + r"\s*" + body)
    return re.compile(body)


def find_label(row: RowDef, text: str, start: int, end: int) -> re.Match[str] | None:
    """The first place the row's label is printed in text[start:end]; short labels need their marker."""
    pat = _pattern(row.label, need_marker=len(row.core) <= 2 and bool(row.marker))
    return pat.search(text, start, end)


@dataclass
class RowReading:
    """The candidate readings of one template row's cells."""

    row: RowDef
    candidates: list[tuple[Part, ...]]
    status: str
    label_found: bool


@dataclass
class TemplateParse:
    version: str
    tables: list[Table] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)  # original-text spans used


def _row_identities(tpl: Template, table: TableDef) -> list[tuple[list[int], list[int]]]:
    """Per-row identities as column-index lists (left, right), for pruning glued-digit splits."""
    if not table.rows:
        return []
    cols = [c.key for c in table.rows[-1].columns]
    out = []
    for ident in tpl.identities:
        if ident.table == table.key and ident.per == "row" and all(k in cols for k in ident.left + ident.right):
            out.append(([cols.index(k) for k in ident.left], [cols.index(k) for k in ident.right]))
    return out


def _acceptor(
    rows: list[RowDef], idents: list[tuple[list[int], list[int]]]
) -> Callable[[tuple[Part, ...]], bool]:
    """Checks each row's identities as soon as the split has read that row completely."""
    bounds = list(itertools.accumulate(len(r.columns) for r in rows))

    def accept(parts: tuple[Part, ...]) -> bool:
        n = len(parts)
        if n not in bounds:
            return True
        i = bounds.index(n)
        start = bounds[i - 1] if i else 0
        cells = [_value(p) for p in parts[start:n]]
        if len(cells) != len(rows[i].columns):
            return True
        for left, right in idents:
            if sum(cells[j] for j in left) != sum(cells[j] for j in right):
                return False
        return _signs_ok(rows[i], parts[start:n])

    return accept


def _value(part: Part) -> Decimal:
    """A cell's number; a blank cell (printed as `BLANK_CELL` by a grid) counts as 0 in identities."""
    return Decimal(0) if part.text == BLANK_CELL else part.value


def _signs_ok(row: RowDef, parts: tuple[Part, ...]) -> bool:
    """A printed + or - only ever starts an increase/decrease cell."""
    return all(
        not p.text.startswith(("+", "-")) or col.key == "change" for p, col in zip(parts, row.columns, strict=True)
    )


def _read_rows(
    rows: list[RowDef], toks: list[Token], idents: list[tuple[list[int], list[int]]], budget: SplitBudget
) -> list[RowReading] | None:
    n = sum(len(r.columns) for r in rows)
    if len(toks) != n:  # blank cells only help when every cell is accounted for; else read the numbers
        toks = [t for t in toks if t.text != BLANK_CELL]
    if not toks or n == 0 or all(t.text == BLANK_CELL for t in toks):
        return None
    if len(toks) == n:
        # one printed number per cell: take them as printed, even when they do not add up
        # (the checks flag that); identities only ever decide how glued digits split
        cands = [tuple(Part(t.text, t.start, t.end) for t in toks)]
        status = EXACT
    else:
        starts = list(itertools.accumulate((len(r.columns) for r in rows[:-1]), initial=0))
        found = search_splits(toks, n, _acceptor(rows, idents), limit=_MAX_CANDIDATES + 1, row_starts=starts,
                              max_digits=MAX_GLUED_DIGITS if idents else None,
                              max_steps=max(0, min(MAX_SPLIT_STEPS, budget.left)))
        budget.left -= found.steps
        cands = found.readings
        if not cands and sum(len(t.text) for t in toks) == n and all(t.text.isdigit() for t in toks):
            # 「5100000」 for seven cells: one digit a cell is the only split, even when the row's own
            # sums fail (a 总计 printed as 0); it is kept, and the checks say the source disagrees
            cands = [tuple(Part(t.text[i], t.start + i, t.start + i + 1) for t in toks for i in range(len(t.text)))]
            return _readings(rows, cands, RECOVERED)
        if not cands:
            return None
        if not found.complete:  # a cap stopped the search: what was found is kept, none of it as certain
            return [RowReading(r, list(dict.fromkeys(c[pos:pos + len(r.columns)] for c in cands)), AMBIGUOUS, True)
                    for r, pos in zip(rows, starts, strict=True)]
        status = RECOVERED if len(cands) == 1 else AMBIGUOUS
    return _readings(rows, cands, status)


def _readings(rows: list[RowDef], cands: list[tuple[Part, ...]], status: str) -> list[RowReading]:
    out, pos = [], 0
    for r in rows:
        k = len(r.columns)
        per_row = list(dict.fromkeys(c[pos:pos + k] for c in cands))
        row_status = status if len(per_row) == 1 or status == AMBIGUOUS else AMBIGUOUS
        if len(per_row) == 1 and status == AMBIGUOUS:
            row_status = RECOVERED
        out.append(RowReading(r, per_row, row_status, True))
        pos += k
    return out


_LIST_MARKER = re.compile(r"\s*[.、]\s*[\u4e00-\u9fff]")


def region_tokens(text: str, a: int, b: int) -> list[Token]:
    """The numbers in text[a:b], without the list markers of labels we did not recognise.

    A misprinted label such as 「2.其他法律行政止公开」 is not found, so its 「2.」 would read as a
    cell; a digit followed by 「.」/「、」 and a Chinese character is a list marker, never a cell.
    """
    out = []
    for t in tokens(text[a:b], a):
        if _LIST_MARKER.match(text, t.end) and t.text.isdigit():
            if len(t.text) == 1:
                continue
            t = Token(t.text[:-1], t.start)
        if t.text.isdigit() and len(t.text) > 4 and _YEAR_AFTER.match(text, t.end - 4):
            # 「四、结转下年度继续办理20000022025年，我局…」: the table's last cells glued to the year
            # that opens the prose after it; the year is no cell
            t = Token(t.text[:-4], t.start)
        out.append(t)
    blanks = [Token(BLANK_CELL, m.start()) for m in _BLANK.finditer(text, a, b)]
    return sorted(out + blanks, key=lambda t: t.start) if blanks else out


_BLANK = re.compile(rf"(?<!\S){re.escape(BLANK_CELL)}(?!\S)")
_YEAR_AFTER = re.compile(r"(?:19|20)\d\d\s*年")
# six Chinese characters in a row after a table's last label: a heading or a sentence, no cell
_PROSE_RUN = re.compile(r"[\u4e00-\u9fff]{6,}")


class _TableParser:
    def __init__(self, tpl: Template, table: TableDef, stream: Stream, start: int, end: int, budget: SplitBudget):
        self.tpl, self.table, self.stream, self.budget = tpl, table, stream, budget
        self.start, self.end = start, end
        self.idents = _row_identities(tpl, table)
        self.warnings: list[str] = []

    def locate(self) -> list[tuple[RowDef, re.Match[str] | None]]:
        found, cursor = [], self.start
        for row in self.table.rows:
            m = find_label(row, self.stream.text, cursor, self.end)
            if m:
                cursor = m.end()
            found.append((row, m))
        return found

    def read(self) -> dict[str, RowReading]:
        located = self.locate()
        readings: dict[str, RowReading] = {}
        hits = [(i, m) for i, (_, m) in enumerate(located) if m]
        for h, (i, m) in enumerate(hits):
            nxt = hits[h + 1][1].start() if h + 1 < len(hits) else self._prose_after(m.end())
            j_end = hits[h + 1][0] if h + 1 < len(hits) else len(located)
            owned = [located[i][0]] + [located[j][0] for j in range(i + 1, j_end)]
            self._read_region(owned, m.end(), nxt, readings)
        missing = [
            r.label for r, m in located
            if not m and r.key not in readings and not self._covered(r, readings)
        ]
        if missing and hits:
            self.warnings.append(f"{self.table.title}: row labels not found: {'; '.join(missing[:5])}")
        return readings

    def _prose_after(self, a: int) -> int:
        """Where the table's last row ends: at the prose that follows it before the next table
        (「行政事业性收费9116.36 (二)主动公开政府信息的主要类别2022年，在…123条」), not at that table."""
        m = _PROSE_RUN.search(self.stream.text, a, self.end)
        return m.start() if m else self.end

    def _covered(self, row: RowDef, readings: dict[str, RowReading]) -> bool:
        """A heading whose sub-rows were read, or a sub-row of a row printed collapsed, is not missing."""
        kids = self.table.children(row.key)
        return any(c.key in readings for c in kids) or (row.parent is not None and row.parent in readings)

    def _read_region(self, owned: list[RowDef], a: int, b: int, readings: dict[str, RowReading]) -> None:
        toks = region_tokens(self.stream.text, a, b)
        if not toks:
            return
        head = owned[0]
        leaves = [r for r in owned if r.columns and not self.table.children(r.key)]
        children_missing = self.table.children(head.key) and all(
            c in owned[1:] for c in self.table.children(head.key)
        )
        options = [leaves]
        if children_missing and head.columns:
            options.append([head])  # printed as one collapsed row, without its sub-rows
        for rows in options:
            got = _read_rows(rows, toks, self.idents, self.budget)
            if got:
                for reading, r in zip(got, rows, strict=True):
                    reading.label_found = r is head
                    if r is not head and reading.status == EXACT:
                        reading.status = RECOVERED
                    readings[r.key] = reading
                if rows == [head] and self.table.children(head.key):
                    self.warnings.append(f"{head.label}: printed as one row without its sub-rows")
                return
        labels = "、".join(r.label for r in owned)
        shown = " ".join(t.text for t in toks)[:60]
        self.warnings.append(f"{labels}: could not read the numbers 「{shown}」 as {len(leaves)} row(s)")


def _resolve_jointly(tpl: Template, table: TableDef, readings: dict[str, RowReading]) -> None:
    """Narrow ambiguous rows with the column identities (新收 + 结转 = 总计 + 结转下年 …)."""
    amb = [k for k, r in readings.items() if len(r.candidates) > 1]
    if not amb:
        return
    sizes = [len(readings[k].candidates) for k in amb]
    if math.prod(sizes) > _MAX_COMBINATIONS:
        return
    idents = [i for i in tpl.identities if i.table == table.key and i.per == "column"]
    survivors: list[tuple[int, ...]] = []
    for combo in itertools.product(*(range(s) for s in sizes)):
        chosen = {k: readings[k].candidates[c] for k, c in zip(amb, combo, strict=True)}
        values = {k: [_value(p) for p in (chosen.get(k) or r.candidates[0])] for k, r in readings.items()}
        if all(column_identity_holds(table, i.left, i.right, values) is not False for i in idents):
            survivors.append(combo)
    if not survivors:
        return  # the source disagrees with itself: keep every reading, the checks will say so
    for idx, k in enumerate(amb):
        keep = sorted({combo[idx] for combo in survivors})
        r = readings[k]
        r.candidates = [r.candidates[c] for c in keep]
        if len(r.candidates) == 1:
            r.status = RECOVERED


def row_value(table: TableDef, key: str, values: dict[str, list[Decimal]], col: int) -> Decimal | None:
    """A row's value in one column; a heading row with no cells of its own is the sum of its children."""
    if key in values:
        return values[key][col]
    kids = table.children(key)
    if not kids:
        return None
    parts = [row_value(table, k.key, values, col) for k in kids]
    return None if any(p is None for p in parts) else sum(parts, Decimal(0))


def expand(table: TableDef, keys: tuple[str, ...]) -> list[str]:
    """Row keys of an identity side; 「@children:results」 stands for the rows under 本年度办理结果."""
    out: list[str] = []
    for k in keys:
        if k.startswith("@children:"):
            out.extend(c.key for c in table.children(k.removeprefix("@children:")))
        else:
            out.append(k)
    return out


def column_identity_holds(
    table: TableDef, left: tuple[str, ...], right: tuple[str, ...], values: dict[str, list[Decimal]]
) -> bool | None:
    """True/False for every column where all inputs are known; None when some input is missing."""
    ncols = len(next(iter(values.values()))) if values else 0
    lk = expand(table, left)
    rk = [k for k in expand(table, right) if k not in lk]  # 总计 is printed among the rows it totals
    verdict: bool | None = None
    for c in range(ncols):
        lv = [row_value(table, k, values, c) for k in lk]
        rv = [row_value(table, k, values, c) for k in rk]
        if any(v is None for v in lv + rv):
            return None
        if sum(lv, Decimal(0)) != sum(rv, Decimal(0)):
            return False
        verdict = True
    return verdict


def _table_bounds(tpl: Template, stream: Stream) -> dict[str, tuple[int, int]]:
    text = stream.text
    t2, t3, t4 = (tpl.table(k) for k in ("t2", "t3", "t4"))
    m2 = find_label(t2.rows[0], text, 0, len(text)) or re.search(r"第\s*二\s*十\s*条", text)
    m3 = find_label(t3.row("new"), text, m2.end() if m2 else 0, len(text))
    bounds: dict[str, tuple[int, int]] = {}
    if m2:
        end = m3.start() if m3 else _section_end(text, m2.end())
        last = find_label(t2.rows[-1], text, m2.end(), end)
        # 「…行政事业性收费9116.36(二)主动公开政府信息的主要类别2022年，…」: prose the page prints after the
        # table's last row (and before table 三) is no part of it
        if last and (after := _PROSE_AFTER_TABLE.search(text, last.end(), end)):
            end = after.start()
        bounds["t2"] = (m2.start(), end)
    if m3:
        last = find_label(t3.row("carry_next"), text, m3.end(), len(text))
        m4 = re.compile(r"行\s*政\s*复\s*议").search(text, last.end() if last else m3.end())
        bounds["t3"] = (m3.start(), m4.start() if m4 else len(text))
        if m4:
            bounds["t4"] = (m4.start(), _section_end(text, m4.end()))
    return bounds


# a numbered heading followed by words (「(二)主动公开…」「三、收到…」), after the table's last cells
_PROSE_AFTER_TABLE = re.compile(r"[（(][一二三四五六七八九十]{1,2}[）)]\s*[\u4e00-\u9fff]{4}"
                                r"|[一二三四五六七八九十]{1,2}\s*、\s*[\u4e00-\u9fff]{4}")
_SECTION = re.compile(r"[五六]\s*[、.]\s*[\u4e00-\u9fff]|存在的主要问题|主要问题及改进")


def _section_end(text: str, start: int) -> int:
    m = _SECTION.search(text, start)
    return m.start() if m else len(text)


def _t4_reading(
    tpl: Template, stream: Stream, a: int, b: int, budget: SplitBudget
) -> tuple[dict[str, RowReading], list[str]]:
    table = tpl.table("t4")
    row = table.rows[0]
    toks = region_tokens(stream.text, a, b)
    idents = _row_identities(tpl, table)
    got = _read_rows([row], toks, idents, budget)
    if got:
        return {row.key: got[0]}, []
    n = len(row.columns)
    if len(toks) > n:  # numbers after the table (a footer, a date): keep the 15 that add up
        head = _read_rows([row], toks[:n], idents, budget)
        if head and _acceptor([row], idents)(head[0].candidates[0]):
            head[0].status = RECOVERED
            extra = " ".join(t.text for t in toks[n:])
            return {row.key: head[0]}, [f"{table.title}: ignored numbers after the table: {extra[:40]}"]
    return {}, [f"{table.title}: could not read 15 numbers from 「{' '.join(t.text for t in toks)[:60]}」"]


def parse_template_tables(
    report_id: str,
    tpl: Template,
    raw: str,
    page_of: Callable[[int], int | None] = lambda _: None,
    count_unit: str | None = None,
) -> TemplateParse:
    """Find the template tables in `raw` (the document's text) and read every cell into a Fact.

    `count_unit` is the word the report itself counts applications and cases in (宗/件), so the
    facts speak as the report does.
    """
    stream = Stream.of(raw)
    out = TemplateParse(tpl.version)
    budget = SplitBudget()
    for key, (a, b) in _table_bounds(tpl, stream).items():
        table = tpl.table(key)
        if key == "t4":
            readings, warns = _t4_reading(tpl, stream, a, b, budget)
        else:
            parser = _TableParser(tpl, table, stream, a, b, budget)
            readings, warns = parser.read(), parser.warnings
            if key == "t3":
                _resolve_jointly(tpl, table, readings)
        out.warnings.extend(warns)
        out.regions.append(stream.span(a, b))  # claimed even when unreadable: never re-read as a generic grid
        if not readings:
            continue
        unit = count_unit if count_unit and key in ("t3", "t4") else None
        facts = list(_facts(report_id, table, readings, stream, page_of, unit))
        out.facts.extend(facts)
        out.tables.append(_grid(report_id, table, readings, page_of(stream.span(a, b)[0]), unit or table.unit))
    return out


def _facts(report_id, table: TableDef, readings: dict[str, RowReading], stream: Stream, page_of, unit=None):
    for row in table.rows:
        r = readings.get(row.key)
        if not r:
            continue
        for ci, cand in enumerate(r.candidates):
            for part, col in zip(cand, row.columns, strict=True):
                if part.text == BLANK_CELL:
                    continue  # a blank cell keeps its place in the grid but holds no number
                span = stream.span(part.start, part.end)
                yield Fact(
                    report_id=report_id,
                    table=table.key,
                    row_path=table.row_path(row.key),
                    column_path=col.path,
                    value=part.value,
                    unit=_printed_scale(stream, part.end, col.unit or unit or table.unit),
                    status=r.status,
                    row_key=f"{table.key}.{row.key}",
                    column_key=col.key,
                    page=page_of(span[0]),
                    span=span,
                    raw=part.text,
                    candidate=ci if len(r.candidates) > 1 else 0,
                )


_SCALE = re.compile(r"\s*(万元|亿元|千元)")


def _printed_scale(stream: Stream, end: int, unit: str | None) -> str | None:
    """An amount column is in 元 by the template, but a cell may print its own scale (「政府集中采购
    2 45.82万元」): the printed one is the cell's."""
    if unit != "元":
        return unit
    m = _SCALE.match(stream.text, end)
    return m.group(1) if m else unit


def _grid(report_id: str, table: TableDef, readings: dict[str, RowReading], page: int | None, unit: str) -> Table:
    rows = [r for r in table.rows if r.key in readings]
    cols = rows[0].columns if table.key != "t2" else ()
    if table.key == "t2":  # each group has its own columns: show them as "column: value"
        cells = tuple(
            tuple(f"{c.path[-1]}:{_cell(readings[r.key], i)}" for i, c in enumerate(r.columns)) for r in rows
        )
    else:
        cells = tuple(tuple(_cell(readings[r.key], i) for i in range(len(cols))) for r in rows)
    return Table(
        report_id=report_id,
        key=table.key,
        title=table.title,
        column_paths=tuple(c.path for c in cols),
        row_paths=tuple(table.row_path(r.key) for r in rows),
        cells=cells,
        unit=unit,
        page=page,
        template_table=table.key,
    )


def _cell(reading: RowReading, i: int) -> str:
    values = list(dict.fromkeys("" if c[i].text == BLANK_CELL else c[i].text for c in reading.candidates))
    return values[0] if len(values) == 1 else "?(" + "|".join(values) + ")"
