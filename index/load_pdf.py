"""Load a PDF report into a `Document`: prose blocks and table grids in reading order.

pdfplumber does the parsing; this module decides what is a real table and what is prose.
Real reports are messy in three ways that matter downstream:

* WPS draws invisible white boxes behind framed text, which pdfplumber reports as tables;
  only tables backed by *visible* ruling lines are kept, and rows outside those lines
  (prose that the invisible frame glued onto a real table) go back to the prose.
* Long tables break across pages, sometimes repeating the header and sometimes with a last
  row whose label cell spans more columns; a table that starts at the top of a page right
  after a table that ended its page, with matching column edges, is joined to it.
* Page numbers ("— 4 —") and labels written vertically, one character per line, are noise
  for every later stage, so they are dropped from the prose.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from index.errors import LoadError
from index.load_text import clean_cell, table_block
from index.models import Block, Document

# Column edges of two parts of one table differ by a few points between pages.
EDGE_TOLERANCE = 4.0
# A line no thicker than this (in points) is a ruling, whatever object type draws it.
RULE_THICKNESS = 2.0
# Page numbers live in the top or bottom band of the page.
MARGIN_BAND = 0.1

_FOOTER_PATTERNS = (
    re.compile(r"^[\s\-—–－─~～·•]*\d{1,4}[\s\-—–－─~～·•]*$"),
    re.compile(r"^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$"),
    re.compile(r"^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$"),
    re.compile(r"^\d{1,4}\s*[/／]\s*\d{1,4}$"),
)
_DASHED_NUMBER = re.compile(r"^\s*[\-—–－─~～]+\s*\d{1,4}\s*[\-—–－─~～]+\s*$")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass
class TextLine:
    """One line of prose on a page, with its box (points from the top-left corner)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Table:
    rows: list[list[str | None]]  # None: a position covered by a merged cell, not a cell of its own
    col_x: list[float]  # left edge of each kept column
    x1: float
    top: float
    page: int
    row_pages: list[int] = field(default_factory=list)  # grows as continued parts are appended

    def __post_init__(self) -> None:
        self.row_pages = self.row_pages or [self.page] * len(self.rows)


@dataclass
class _Page:
    number: int
    items: list[TextLine | _Table]


def load_pdf(path: Path, data: bytes) -> Document:
    """Read a PDF's text layer into blocks; raise `LoadError` for damaged or scanned files."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_read_page(page, n) for n, page in enumerate(pdf.pages, start=1)]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise LoadError(f"{path.name} is password-protected; save an unprotected copy and retry") from exc
    except PdfminerException as exc:
        if exc.args and isinstance(exc.args[0], PDFPasswordIncorrect | PDFEncryptionError):
            raise LoadError(f"{path.name} is password-protected; save an unprotected copy and retry") from exc
        raise _damaged(path, exc) from exc
    except Exception as exc:  # pdfminer raises plain exceptions of many kinds on broken files
        raise _damaged(path, exc) from exc
    if not any(page.items for page in pages):
        raise LoadError(
            f"{path.name} has no text layer (it looks like a scanned image); OCR is not supported, "
            "so supply a PDF with selectable text or the report's HTML/DOCX version"
        )
    return Document(
        source=str(path),
        format="pdf",
        blocks=tuple(_blocks(_join_continued_tables(pages))),
        sha256=hashlib.sha256(data).hexdigest(),
        pages=len(pages),
    )


def _damaged(path: Path, exc: Exception) -> LoadError:
    reason = str(exc).strip() or type(exc).__name__
    return LoadError(f"{path.name} is not a readable PDF (truncated or damaged): {reason}; re-download it")


# ---- one page -------------------------------------------------------------------------------


def _read_page(page: Any, number: int) -> _Page:
    """Find real tables, then read the prose outside them as lines, everything sorted by height."""
    rulings = _visible_rulings(page)
    tables: list[_Table] = []
    regions: list[tuple[float, float, float, float]] = []
    for found in page.find_tables():
        kept = _real_table(found, rulings, number)
        if kept is not None:
            tables.append(kept[0])
            regions.append(kept[1])
    lines = _prose_lines(page, regions)
    items: list[TextLine | _Table] = [*lines, *tables]
    items.sort(key=lambda item: item.top)
    page.flush_cache()
    return _Page(number=number, items=items)


def _visible_rulings(page: Any) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of drawn lines: stroked paths and thin dark filled bars.

    Filled white rectangles are left out: WPS paints one behind every line of framed text and
    behind table cells, and treating them as rules is what turns prose into fake tables.
    """
    boxes = [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in page.lines]
    for rect in page.rects:
        thin = min(rect["width"], rect["height"]) <= RULE_THICKNESS
        stroked = rect.get("stroke") and not _is_white(rect.get("stroking_color"))
        filled_bar = rect.get("fill") and thin and not _is_white(rect.get("non_stroking_color"))
        if stroked or filled_bar:
            boxes.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    return boxes


def _is_white(color: Any) -> bool:
    if isinstance(color, int | float):
        color = (color,)
    if not isinstance(color, tuple | list) or not color:
        return False
    if not all(isinstance(v, int | float) for v in color):
        return False
    if len(color) == 4:  # CMYK
        return all(v <= 0.01 for v in color)
    return all(v >= 0.99 for v in color)


def _real_table(
    found: Any, rulings: list[tuple[float, float, float, float]], page: int
) -> tuple[_Table, tuple[float, float, float, float]] | None:
    """Keep the rows of a pdfplumber table that lie within its visible rules; None if it is a frame."""
    x0, top, x1, bottom = found.bbox
    spans = [r for r in rulings if _overlaps(r, (x0 - 2, top - 2, x1 + 2, bottom + 2))]
    if not spans:
        return None
    ruled_top = min(r[1] for r in spans) - 2
    ruled_bottom = max(r[3] for r in spans) + 2
    texts = found.extract()
    rows, row_boxes = [], []
    for row, cells in zip(found.rows, texts, strict=True):
        middle = (row.bbox[1] + row.bbox[3]) / 2
        if ruled_top <= middle <= ruled_bottom:
            rows.append([None if cell is None else clean_cell(cell) for cell in cells])
            row_boxes.append(row.bbox)
    col_x = [col.bbox[0] for col in found.columns]
    rows, col_x = _drop_empty(rows, col_x)
    if len(col_x) < 2 or not rows:
        return None
    region = (x0, min(b[1] for b in row_boxes), x1, max(b[3] for b in row_boxes))
    return _Table(rows=rows, col_x=col_x, x1=x1, top=region[1], page=page), region


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _drop_empty(rows: list[list[str | None]], col_x: list[float]) -> tuple[list[list[str | None]], list[float]]:
    rows = [row for row in rows if any(row)]
    keep = [c for c in range(len(col_x)) if any(row[c] for row in rows)]
    return [[row[c] for c in keep] for row in rows], [col_x[c] for c in keep]


def _prose_lines(page: Any, regions: list[tuple[float, float, float, float]]) -> list[TextLine]:
    """Text lines outside the kept tables, without page numbers and vertical labels."""

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in regions)

    source = page.filter(outside) if regions else page
    lines = []
    for found in source.extract_text_lines(return_chars=True):
        text = line_text(found["chars"])
        if text:
            lines.append(TextLine(text, found["x0"], found["x1"], found["top"], found["bottom"]))
    height = float(page.height)
    lines = [ln for ln in lines if not is_page_number(ln.text, ln.top / height, ln.bottom / height)]
    return drop_vertical_labels(lines)


def line_text(chars: list[dict[str, Any]]) -> str:
    """Rebuild a line from its characters, putting spaces only where they carry meaning.

    pdfplumber puts a space wherever letter-spacing opens a gap ("号 ， 邮 编"), which breaks
    words and numbers apart for every later regex. Here a space separates two ASCII words
    (so two numbers never fuse into one) or marks a gap wider than a character (separate fields).
    """
    out = ""
    previous: dict[str, Any] | None = None
    spaced = False
    for char in chars:
        text = char["text"]
        if text.isspace():
            spaced = True
            continue
        if previous is not None and out:
            size = max(float(char.get("size") or 0), 1.0)
            gap = char["x0"] - previous["x1"]
            words = _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(text)
            if gap > size or (words and (spaced or gap > 0.15 * size)):
                out += " "
        out += text
        previous, spaced = char, False
    return out.strip()


def is_page_number(text: str, top: float = 1.0, bottom: float = 1.0) -> bool:
    """True for footers such as "— 4 —", "- 3 -", "第 3 页"; a bare number only in the page margins.

    `top` and `bottom` are the line's position as fractions of the page height.
    """
    text = text.strip()
    if _DASHED_NUMBER.match(text) or any(p.match(text) for p in _FOOTER_PATTERNS[1:]):
        return True
    in_margin = bottom >= 1 - MARGIN_BAND or top <= MARGIN_BAND
    return in_margin and bool(_FOOTER_PATTERNS[0].match(text))


def drop_vertical_labels(lines: list[TextLine]) -> list[TextLine]:
    """Remove runs of three or more lines of at most two characters: text set vertically."""
    kept: list[TextLine] = []
    run: list[TextLine] = []
    for line in [*lines, None]:
        if line is not None and len(line.text.replace(" ", "")) <= 2:
            run.append(line)
            continue
        if len(run) < 3:
            kept.extend(run)
        run = []
        if line is not None:
            kept.append(line)
    return kept


# ---- tables across pages --------------------------------------------------------------------


def _join_continued_tables(pages: list[_Page]) -> list[TextLine | _Table | int]:
    """Page numbers and items in order; a table continued at the top of the next page becomes one."""
    out: list[TextLine | _Table | int] = []
    last: TextLine | _Table | None = None  # the last item placed, whatever page it came from
    for page in pages:
        items = list(page.items)
        if isinstance(last, _Table) and items and isinstance(items[0], _Table) and _continues(last, items[0]):
            _append_part(last, items.pop(0))
        elif not items:
            last = None
        out.append(page.number)
        out.extend(items)
        if items:
            last = items[-1]
    return out


def _continues(first: _Table, part: _Table) -> bool:
    """Same column count, or every column edge of `part` lines up with one of `first`'s.

    A part that opens with the same one-cell title row as `first` is another copy of a form
    (one 绩效目标 form per page), not a continuation.
    """
    if part.rows[0] == first.rows[0] and sum(1 for cell in part.rows[0] if cell) == 1:
        return False
    if abs(first.x1 - part.x1) > EDGE_TOLERANCE or abs(first.col_x[0] - part.col_x[0]) > EDGE_TOLERANCE:
        return False
    if len(first.col_x) == len(part.col_x):
        return True
    return all(_column_at(first.col_x, x) is not None for x in part.col_x)


def _column_at(edges: list[float], x: float) -> int | None:
    best = min(range(len(edges)), key=lambda c: abs(edges[c] - x))
    return best if abs(edges[best] - x) <= EDGE_TOLERANCE else None


def _append_part(first: _Table, part: _Table) -> None:
    rows = part.rows
    if len(first.col_x) != len(part.col_x):
        rows = [_spread(row, first.col_x, part.col_x) for row in rows]
    header = first.rows[: len(rows) - 1]
    repeat = 0
    while repeat < len(header) and rows[repeat] == header[repeat]:
        repeat += 1
    first.rows.extend(rows[repeat:])
    first.row_pages.extend([part.page] * (len(rows) - repeat))


def _spread(row: list[str | None], edges: list[float], part_edges: list[float]) -> list[str | None]:
    """Place a narrower row's cells under the full table's columns (merged cells leave gaps)."""
    out: list[str | None] = [None] * len(edges)
    for cell, x in zip(row, part_edges, strict=True):
        column = _column_at(edges, x)
        if column is not None:
            out[column] = cell
    return out


# ---- blocks ---------------------------------------------------------------------------------


def _blocks(items: Iterable[TextLine | _Table | int]) -> Iterator[Block]:
    page = 0
    lines: list[TextLine] = []
    for item in items:
        if isinstance(item, TextLine):
            lines.append(item)
            continue
        if lines:
            yield Block(kind="text", text=paragraphs(lines), page=page)
            lines = []
        if isinstance(item, int):
            page = item
        else:
            yield _table_block(item)
    if lines:
        yield Block(kind="text", text=paragraphs(lines), page=page)


def _table_block(table: _Table) -> Block:
    """The grid as text, and which positions are cells: pdfplumber gives None where a merged cell
    covers a position, "" for a cell printed empty, which is a blank value, not a merge."""
    grid = [[cell or "" for cell in row] for row in table.rows]
    origins = [[-1 if cell is None else r * 10000 + c for c, cell in enumerate(row)]
               for r, row in enumerate(table.rows)]
    return table_block(grid, origins, page=table.page, row_pages=table.row_pages)


def paragraphs(lines: list[TextLine]) -> str:
    """Rejoin lines that the page width wrapped; a short line or an indented one ends a paragraph."""
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    out: list[str] = []
    previous: TextLine | None = None
    for line in lines:
        size = max(line.bottom - line.top, 1.0)
        wrapped = (
            previous is not None
            and previous.x1 >= right - 2 * size
            and line.x0 <= left + 0.8 * size
        )
        if wrapped and out:
            joiner = " " if _ASCII_WORD.match(out[-1][-1]) and _ASCII_WORD.match(line.text[0]) else ""
            out[-1] += joiner + line.text
        else:
            out.append(line.text)
        previous = line
    return "\n".join(out)
