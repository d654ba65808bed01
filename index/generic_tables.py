"""Turn tables that match no template into `Table`s and one `Fact` per printed number.

Reports carry more tables than the national template knows: budgets (部门预算) print nine standard
tables whose rows are 类/款/项 subjects. Nothing here knows those tables by name; the structure is
read from the grid itself, so the same code serves any ruled table:

* columns whose data cells are numbers hold values; the others hold row labels or subject codes;
* leading rows without numbers are the column header, and a merged header cell (printed once,
  "" under the rest of its span) is carried right over its children to make paths like
  ("本年支出", "基本支出");
* subject codes give the row hierarchy ("201" → "20101" → "2010101"), so a 项 row's path names
  its 类 and 款; without codes, a label merged down over several rows is carried down.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from index.load_text import BLANK_CELL
from index.models import EXACT, Block, Document, Fact, Grid, Table

LABEL, CODE, VALUE = "label", "code", "value"

_NUMBER = re.compile(
    r"^(?P<open>[(（])?(?P<sign>[-−–+])?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<close>[)）])?(?P<pct>[%％])?$"
)
# "单位：元", "金额单位：万元", but not the agency in "编制单位：XX福利院".
_UNIT = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=金额)|(?<=计量))单位\s*[:：]\s*(?P<unit>[^\s,，;；:：)）]+)")
_BRACKETED_UNIT = re.compile(r"[(（]\s*(?:金额)?单位\s*[:：]\s*(?P<unit>[^\s)）]+)\s*[)）]")
_CODE = re.compile(r"^\d{1,9}$")
_CODE_AND_NAME = re.compile(r"^(?P<code>\d{3}(?:\d{2}){0,3})\s*(?P<name>\D.*)$")
_CODE_HEADERS = {"类", "款", "项", "目"}
_TOTALS = ("合计", "总计", "小计")
_BLANKS = {"", "-", "—", "–", "－", "——", "/", "／"}
_WHITESPACE = re.compile(r"\s+")
_TITLE_SKIP = re.compile(r"^(?:编制部门|编制单位|填报单位|注[:：]|单位[:：]|金额单位)")


CellKeys = Callable[[int, int], tuple[str | None, str | None]]
# Given a table as read, the standard table it is (a report kind's key) and each cell's canonical keys.
Keyer = Callable[["Table"], tuple[str, CellKeys] | None]


@dataclass(frozen=True)
class Number:
    """A cell read as a number: its value and, for "12.5%", the unit the cell itself states."""

    value: Decimal
    unit: str | None = None


def generic_tables(
    report_id: str, doc: Document, skip: AbstractSet[int] = frozenset(), keyer: Keyer | None = None
) -> tuple[list[Table], list[Fact]]:
    """Read every table block not in `skip` (indexes into `doc.blocks`) as a keyed `Table` with facts.

    Keys run "g1", "g2", … in block order, so they are stable for a given document. `keyer`
    (from the report's kind) names the standard tables and gives their cells canonical keys.
    """
    tables: list[Table] = []
    facts: list[Fact] = []
    offsets = _block_offsets(doc.blocks)
    for index, block in enumerate(doc.blocks):
        if block.kind != "table" or not block.grid or index in skip:
            continue
        above = doc.blocks[index - 1] if index > 0 else None
        context = above.text if above is not None and above.kind == "text" else ""
        key = f"g{len(tables) + 1}"
        table, found = read_table(report_id, key, block, context, offsets[index], keyer)
        tables.append(table)
        facts.extend(found)
    return tables, facts


def read_table(
    report_id: str, key: str, block: Block, context: str = "", offset: int | None = None,
    keyer: Keyer | None = None,
) -> tuple[Table, list[Fact]]:
    """One table block → `Table` + facts; `context` is the prose just above (title, 单位 line).

    `offset` is where the block starts in `Document.text`; when given, each fact's `span`
    points at its cell there.
    """
    grid = _rectangular(block.grid or ())
    roles = column_roles(grid)
    numeric = [_is_data_row(row, roles) for row in grid]
    headers = _header_groups(grid, roles, numeric)
    table_unit = _table_unit(grid, numeric, context)
    first_paths = next(iter(headers.values()), tuple(() for _ in roles))
    labels = _row_labels(grid, roles, _header_rows(grid, roles, headers))
    table = Table(
        report_id=report_id,
        key=key,
        title=table_title(context) or _title_row(grid),
        column_paths=first_paths,
        row_paths=tuple(segs[0] if segs else () for segs in labels),
        cells=grid,
        unit=table_unit,
        page=block.page,
    )
    spans = _cell_spans(grid, block.text, offset)
    keyed = keyer(table) if keyer else None
    if keyed:
        table = replace(table, kind=keyed[0])
    facts = list(_facts(table, roles, labels, headers, spans, keyed[1] if keyed else None))
    return table, facts


# ---- numbers and units ----------------------------------------------------------------------


def parse_number(text: str) -> Number | None:
    """The number a cell prints, or None for text, empty cells and dashes ("-", "—")."""
    match = _NUMBER.match(text.strip())
    if match is None:
        return None
    if bool(match["open"]) != bool(match["close"]):
        return None
    try:
        value = Decimal(match["digits"].replace(",", ""))
    except InvalidOperation:
        return None
    if match["open"] or match["sign"] in ("-", "−", "–"):
        value = -value
    return Number(value, "%" if match["pct"] else None)


def find_unit(text: str) -> str | None:
    """The unit of a "单位：万元" statement in `text`, if any."""
    match = _UNIT.search(text)
    return match["unit"] if match else None


def _table_unit(grid: Grid, numeric: list[bool], context: str) -> str | None:
    """A 单位 statement in the rows above the data (not inside a header label), else just above the table."""
    for row, is_data in zip(grid, numeric, strict=True):
        if is_data:
            break
        for cell in row:
            if not _BRACKETED_UNIT.search(cell) and find_unit(cell):
                return find_unit(cell)
    for line in reversed(context.splitlines()[-3:]):
        if find_unit(line):
            return find_unit(line)
    return None


def _column_unit(path: tuple[str, ...]) -> str | None:
    """A unit printed in a column header, as in 本年收费金额（单位：万元）."""
    for label in path:
        match = _BRACKETED_UNIT.search(label)
        if match:
            return match["unit"]
    return None


# ---- columns and header rows ----------------------------------------------------------------


def column_roles(grid: Grid) -> list[str]:
    """Classify each column: VALUE (numbers), CODE (subject codes such as 201/05/06) or LABEL."""
    width = len(grid[0]) if grid else 0
    roles = []
    for c in range(width):
        words = {row[c] for row in grid if parse_number(row[c]) is None}
        cells = [row[c] for row in grid if row[c] and _row_has_number(row)]
        numbers = [cell for cell in cells if parse_number(cell) is not None]
        if _looks_like_code_column(words, cells):
            roles.append(CODE)
        elif cells and len(numbers) * 2 > len(cells):
            roles.append(VALUE)
        elif not cells:
            roles.append(VALUE if c > 0 else LABEL)
        else:
            roles.append(LABEL)
    return roles


def _row_has_number(row: Sequence[str]) -> bool:
    return any(parse_number(cell) is not None for cell in row)


def _looks_like_code_column(words: set[str], cells: list[str]) -> bool:
    """A column headed 类/款/项 or …编码 whose numbers are all bare digit strings."""
    named = bool(words & _CODE_HEADERS) or any("编码" in w or "代码" in w for w in words)
    has_codes = any(_CODE.match(cell) for cell in cells)
    return named and has_codes and all(_CODE.match(cell) or parse_number(cell) is None for cell in cells)


def _is_data_row(row: Sequence[str], roles: list[str]) -> bool:
    return any(role == VALUE and parse_number(cell) is not None for cell, role in zip(row, roles, strict=True))


def _header_groups(grid: Grid, roles: list[str], numeric: list[bool]) -> dict[int, tuple[tuple[str, ...], ...]]:
    """Map the first row of each header group to its column paths.

    A group is a run of rows without numbers that names at least one value column; a table
    with sections (第二十条第（一）项 …, 第二十条第（五）项 …) has one group per section.
    """
    groups: dict[int, tuple[tuple[str, ...], ...]] = {}
    start = 0
    for end in range(len(grid) + 1):
        if end < len(grid) and not numeric[end] and not _is_total_row(grid[end], roles):
            continue
        run = [row for row in grid[start:end] if not _is_unit_row(row)]
        if run and any(_names_value_column(row, roles) for row in run):
            groups[start] = column_paths(run)
        start = end + 1
    return groups


def _is_unit_row(row: Sequence[str]) -> bool:
    """A row that only states the unit ("单位：万元"), which belongs to no column."""
    texts = [cell for cell in row if not _is_blank(cell)]
    return bool(texts) and all(find_unit(cell) and not _BRACKETED_UNIT.search(cell) for cell in texts)


def _names_value_column(row: Sequence[str], roles: list[str]) -> bool:
    return any(not _is_blank(cell) and role == VALUE for cell, role in zip(row, roles, strict=True))


def _is_blank(cell: str) -> bool:
    return cell.strip() in _BLANKS


def _is_total_row(row: Sequence[str], roles: list[str]) -> bool:
    texts = [cell for cell in row if not _is_blank(cell)]
    return len(texts) == 1 and texts[0].replace(" ", "") in _TOTALS and not _names_value_column(row, roles)


def column_paths(header: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """Column header paths from header rows where a merged cell is printed once and "" elsewhere.

    A label carries right over empty cells while its parent label is the same, so a merged
    parent spreads over its children but a cell merged down from above (empty, parent differs)
    stays empty.
    """
    width = len(header[0]) if header else 0
    filled: list[list[str]] = []
    for r, row in enumerate(header):
        line: list[str] = []
        for c in range(width):
            cell = row[c]
            if not cell and c > 0 and line[c - 1] and (r == 0 or filled[r - 1][c] == filled[r - 1][c - 1]):
                cell = line[c - 1]
            line.append(cell)
        filled.append(line)
    paths = []
    for c in range(width):
        path: list[str] = []
        for line in filled:
            if line[c] and (not path or path[-1] != line[c]):
                path.append(line[c])
        paths.append(tuple(path))
    return tuple(paths)


# ---- rows -----------------------------------------------------------------------------------


def _segments(roles: list[str]) -> list[list[int]]:
    """Runs of adjacent label/code columns: each run labels the value columns to its right."""
    runs: list[list[int]] = []
    for c, role in enumerate(roles):
        if role == VALUE:
            continue
        if runs and runs[-1][-1] == c - 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _segment_for(column: int, segments: list[list[int]]) -> int | None:
    left = [i for i, seg in enumerate(segments) if seg[-1] < column]
    return left[-1] if left else None


class _RowLabeller:
    """Builds row paths for one segment, remembering labels and codes of the rows above."""

    def __init__(self, columns: list[int], roles: list[str]) -> None:
        self.columns = columns
        self.roles = roles
        self.carried: dict[int, str] = {}
        self.names: dict[str, str] = {}
        self.last_code: list[str] = []

    def path(self, row: Sequence[str]) -> tuple[str, ...]:
        code, name = self._code_and_name(row)
        if code and name:
            parents = [self.names[p] for p in sorted(self.names, key=len) if code.startswith(p) and p != code]
            self.names[code] = name
            return (*parents, name)
        return _without_repeats(self._carried_labels(row))

    def _code_and_name(self, row: Sequence[str]) -> tuple[str, str]:
        parts = [row[c] for c in self.columns if self.roles[c] == CODE]
        labels = [row[c] for c in self.columns if self.roles[c] == LABEL and row[c]]
        name = labels[-1] if labels else ""
        if parts and all(not p or _CODE.match(p) for p in parts) and any(parts):
            parts = self._fill_code_parts(parts)
            return "".join(parts), name
        match = _CODE_AND_NAME.match(name)
        if match and not parts:
            return match["code"], match["name"].strip()
        return "", ""

    def _fill_code_parts(self, parts: list[str]) -> list[str]:
        """Leading code parts left blank under a merged cell repeat the row above; 款/项 parts are 2 digits."""
        last = self.last_code
        filled = []
        for i, part in enumerate(parts):
            if not part and any(parts[i + 1 :]) and i < len(last):
                part = last[i]
            if part and i > 0:
                part = part.zfill(2)
            filled.append(part)
        self.last_code = filled
        return [p for p in filled if p]

    def _carried_labels(self, row: Sequence[str]) -> tuple[str, ...]:
        """Labels as printed; a label merged down over child rows is carried into them."""
        path = []
        for i, c in enumerate(self.columns):
            cell = row[c]
            deeper = any(row[d] for d in self.columns[i + 1 :])
            if cell:
                self.carried[c] = cell
                for d in self.columns[i + 1 :]:
                    self.carried.pop(d, None)
                path.append(cell)
            elif deeper and c in self.carried:
                path.append(self.carried[c])
        return tuple(path)


def _without_repeats(path: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a label repeated by a merged cell that the loader copied into every column it covers."""
    return tuple(label for i, label in enumerate(path) if i == 0 or label != path[i - 1])


def _row_labels(grid: Grid, roles: list[str], header_rows: set[int]) -> list[list[tuple[str, ...]]]:
    """For every row, the path of each label segment (left to right); header rows get none."""
    labellers = [_RowLabeller(seg, roles) for seg in _segments(roles)]
    return [
        [] if r in header_rows else [labeller.path(row) for labeller in labellers]
        for r, row in enumerate(grid)
    ]


def _header_rows(grid: Grid, roles: list[str], headers: dict[int, tuple[tuple[str, ...], ...]]) -> set[int]:
    rows: set[int] = set()
    for start in headers:
        r = start
        while r < len(grid) and not _is_data_row(grid[r], roles) and not _is_total_row(grid[r], roles):
            rows.add(r)
            r += 1
    return rows


# ---- facts ----------------------------------------------------------------------------------


def _facts(
    table: Table,
    roles: list[str],
    labels: list[list[tuple[str, ...]]],
    headers: dict[int, tuple[tuple[str, ...], ...]],
    spans: dict[tuple[int, int], tuple[int, int]],
    keys: CellKeys | None = None,
) -> Iterator[Fact]:
    """One EXACT fact per number in a value column, under the header group in force for its row."""
    segments = _segments(roles)
    paths = table.column_paths
    for r, row in enumerate(table.cells):
        paths = headers.get(r, paths)
        row_segments = labels[r]
        for c, cell in enumerate(row):
            number = parse_number(cell) if roles[c] == VALUE else None
            if number is None:
                continue
            seg = _segment_for(c, segments)
            row_path = row_segments[seg] if seg is not None and seg < len(row_segments) else ()
            column_path = paths[c] if c < len(paths) else ()
            if c > 0 and row[c - 1] == cell and c - 1 < len(paths) and paths[c - 1] == column_path:
                continue  # one merged cell copied into each column it spans (HTML/DOCX grids)
            row_key, column_key = keys(r, c) if keys else (None, None)
            yield Fact(
                report_id=table.report_id,
                table=table.key,
                row_path=row_path,
                column_path=column_path,
                value=number.value,
                unit=number.unit or _column_unit(column_path) or table.unit,
                status=EXACT,
                page=table.page,
                span=spans.get((r, c)),
                raw=cell,
                row_key=row_key,
                column_key=column_key,
            )


# ---- titles, spans and shapes ---------------------------------------------------------------


def table_title(context: str) -> str:
    """The nearest heading-like line above a table: short, not a sentence, not a 单位/编制部门 line."""
    for line in reversed(context.splitlines()[-5:]):
        line = line.strip()
        if _TITLE_SKIP.match(line):
            continue
        line = _UNIT.sub("", line).strip()
        if not line:
            continue
        if len(line) <= 60 and not line.endswith(("。", "；", ";")):
            return line
        break
    return ""


def _title_row(grid: Grid) -> str:
    """A form's own title: a first row with one cell across the table (财政项目支出绩效目标填报表)."""
    texts = [cell for cell in grid[0] if not _is_blank(cell)] if grid else []
    return texts[0] if len(texts) == 1 and parse_number(texts[0]) is None else ""


def _block_offsets(blocks: Sequence[Block]) -> list[int]:
    """Where each block starts in `Document.text` (blocks joined by newlines)."""
    offsets, position = [], 0
    for block in blocks:
        offsets.append(position)
        position += len(block.text) + 1
    return offsets


def _cell_spans(grid: Grid, text: str, offset: int | None) -> dict[tuple[int, int], tuple[int, int]]:
    """Character spans of cells in the block's linearised text (one line per non-empty row).

    Cells are looked up left to right within their row's line; a cell the linearisation left
    out (a merged cell printed once) simply gets no span.
    """
    rows = [r for r, row in enumerate(grid) if any(row)]
    lines = text.split("\n")
    if offset is None or len(lines) != len(rows):
        return {}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    start = offset
    for r, line in zip(rows, lines, strict=True):
        position = 0
        for c, cell in enumerate(grid[r]):
            token = _WHITESPACE.sub("", cell)
            while token and token != BLANK_CELL and line.startswith(BLANK_CELL, position) \
                    and not line.startswith(token, position):
                position += len(BLANK_CELL) + 1  # a blank value cell printed before this one
            if token and line.startswith(token, position):
                spans[r, c] = (start + position, start + position + len(token))
                position += len(token) + 1
        start += len(line) + 1
    return spans


def _rectangular(grid: Grid) -> Grid:
    width = max((len(row) for row in grid), default=0)
    return tuple(tuple(row) + ("",) * (width - len(row)) for row in grid)
