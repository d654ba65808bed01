"""Plain text and Markdown to blocks, plus the text helpers every loader shares.

Plain text is kept as printed: the template parser reads the raw stream (one table cell per line
in the seed report, flattened tables with glued digits in crawler files), so this module only
decides where blocks begin and end. Markdown pipe tables become table blocks; the rest of the
markup is stripped.

Shared helpers live here because this is the one loader with no dependencies:
`decode_text` (encoding detection), `clean_cell` (whitespace between CJK characters) and
`table_block` (a grid and its linearised text).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Hashable, Sequence
from pathlib import Path

import charset_normalizer

from index.errors import LoadError
from index.models import Block, Document, Grid

# CJK ideographs, CJK punctuation (not U+3000, which is whitespace) and full-width forms.
_CJK = "\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_CJK_RE = re.compile(f"[{_CJK}]")
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What an empty value cell prints as in a table's linearised text: a cell keeps its place, so the
# numbers after it stay in their columns (「821 — — 35 2 1 859」, not 「821 35 2 1 859」 for seven).
BLANK_CELL = "—"
_NUMERIC = re.compile(r"^[+\-]?[\d,]+(?:\.\d+)?[%％]?$")

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Sites label GBK pages "gb2312"; GB18030 is a superset of both and decodes them correctly.
_CODEC_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


# --- encoding -------------------------------------------------------------------------------


def decode_text(data: bytes, source: str = "", declared: str | None = None) -> str:
    """Decode report bytes, trying cheap exact checks before statistical guessing.

    Order: a BOM; strict UTF-8 (valid non-ASCII UTF-8 is almost never another encoding);
    the `declared` charset (an HTML <meta>) if it decodes cleanly; GB18030 if it decodes
    cleanly and yields CJK (Chinese government sites often serve GBK); charset-normalizer.
    Raises LoadError for binary data, so a misnamed image never reaches the parser.
    """
    text = _decode_bom(data)
    if text is None:
        text = _utf16_without_bom(data)
    if text is None:
        if b"\x00" in data:
            raise LoadError(f"{source or 'input'} holds NUL bytes: it is binary, not a text report.")
        text = _decode_guess(data, declared)
    if text is None:
        raise LoadError(
            f"{source or 'input'} is not text in any encoding we recognise (UTF-8/16, GBK, GB18030…); "
            "check that it is a report file and not binary data."
        )
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise LoadError(f"{source or 'input'} is full of control characters: it looks binary, not text.")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: its ASCII (digits, newlines, spaces) has a NUL on one
    side of every byte pair. Taken only when it then decodes strictly and holds Chinese text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 8 or min(even, odd) > max(even, odd) // 10:
        return None
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return text if _CJK_RE.search(text) and len(_CONTROL.findall(text)) <= max(2, len(text) // 200) else None


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode_guess(data: bytes, declared: str | None) -> str | None:
    for codec, needs_cjk in (("utf-8", False), (_codec(declared), False), ("gb18030", True)):
        if codec is None:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not needs_cjk or _CJK_RE.search(text):
            return text
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


def _codec(name: str | None) -> str | None:
    """A Python codec for a declared charset, or None when it is missing or unknown."""
    if not name:
        return None
    name = _CODEC_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# --- shared table helpers -------------------------------------------------------------------


def clean_cell(text: str) -> str:
    """Collapse whitespace and drop it next to CJK characters.

    Web and Word tables pad header cells with &nbsp; and split them over <p>/<br/> or
    paragraphs (「社会」「公益 组织」); the label is 「社会公益组织」, so spacing between CJK
    characters is layout, not content. Whitespace between Latin words or numbers is kept (one).
    """
    return _SPACE_NEAR_CJK.sub("", _SPACES.sub(" ", text)).strip()


def table_block(
    grid: Sequence[Sequence[str]],
    origins: Sequence[Sequence[Hashable]] | None = None,
    page: int | None = None,
    row_pages: Sequence[int] | None = None,
) -> Block:
    """A table block: the grid padded to a rectangle, and its linearised text.

    `origins` names the source cell behind each position (spanned cells repeat it); the
    linearised text then prints a colspan once per row instead of once per covered column.
    `row_pages` gives each row's page when the table runs over several, so a cell is cited
    on the page where it is printed.
    """
    width = max((len(row) for row in grid), default=0)
    rect: Grid = tuple(tuple(row) + ("",) * (width - len(row)) for row in grid)
    kept: list[int] = []
    text = linearise(rect, origins, kept)
    line_pages = tuple(row_pages[r] for r in kept) if row_pages and len(set(row_pages)) > 1 else None
    return Block(kind="table", text=text, page=page, grid=rect, line_pages=line_pages)


def linearise(grid: Grid, origins: Sequence[Sequence[Hashable]] | None = None, kept: list[int] | None = None) -> str:
    """One line per row, non-empty cells joined by one space, whitespace inside cells removed.

    This is the text the template parser reads for a table, so a cell never contains a space
    that would split it into two tokens. In a row that prints numbers, an empty cell right of
    the row's label, in a column that no row uses for a label, is a blank value cell and
    prints as `BLANK_CELL`; positions no cell covers (a merge, a short HTML row) print nothing.
    """
    label_columns = _label_columns(grid)
    lines = []
    for r, row in enumerate(grid):
        entries: list[tuple[int, str]] = []
        for c, cell in enumerate(row):
            if origins is not None and c > 0 and c < len(origins[r]) and origins[r][c] == origins[r][c - 1]:
                continue
            entries.append((c, _SPACES.sub("", cell)))
        numbers = [i for i, (_, token) in enumerate(entries) if token and _NUMERIC.match(token)]
        labels = [i for i, (_, token) in enumerate(entries) if token and not _NUMERIC.match(token)]
        cells = []
        for i, (c, token) in enumerate(entries):
            if token:
                cells.append(token)
            elif numbers and i > max(labels, default=-1) and c not in label_columns and _is_cell(origins, r, c):
                cells.append(BLANK_CELL)
        if any(cell != BLANK_CELL for cell in cells):
            lines.append(" ".join(cells))
            if kept is not None:
                kept.append(r)
    return "\n".join(lines)


def _label_columns(grid: Grid) -> set[int]:
    """Columns where some row prints a label left of its numbers (a sub-label column such as
    「1.属于国家秘密」): an empty cell there is a merged label, not a blank value."""
    out: set[int] = set()
    for row in grid:
        tokens = [_SPACES.sub("", cell) for cell in row]
        numeric = [c for c, t in enumerate(tokens) if t and _NUMERIC.match(t)]
        if numeric:
            out |= {c for c, t in enumerate(tokens[: max(numeric)]) if t and not _NUMERIC.match(t)}
    return out


def _is_cell(origins: Sequence[Sequence[Hashable]] | None, r: int, c: int) -> bool:
    """Whether a grid position is a printed cell: HTML grids mark uncovered positions with ids < 0,
    DOCX grids pad rows that start late or end early with ("pad", …)."""
    if origins is None or c >= len(origins[r]):
        return origins is None
    origin = origins[r][c]
    return not ((isinstance(origin, int) and origin < 0) or (isinstance(origin, tuple) and origin[:1] == ("pad",)))


def make_document(path: Path, data: bytes, fmt: str, blocks: Sequence[Block]) -> Document:
    return Document(source=str(path), format=fmt, blocks=tuple(blocks), sha256=hashlib.sha256(data).hexdigest())


# --- plain text -----------------------------------------------------------------------------

_BODY_MARK = re.compile(r"^=+\s*正文\s*=+[ \t]*$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n(?:[ \t\u3000\xa0]*\n)+")
# A paragraph this short, starting at the margin, is a table cell or a label, not prose.
_CELL_MAX_CHARS = 40
_SENTENCE_ENDS = ("。", "；", "！", "？", ".", ";")


def load_text(path: Path, data: bytes) -> Document:
    """Load a plain-text report: decoded, newlines normalised, otherwise unchanged."""
    return make_document(path, data, "txt", text_blocks(_normalise_newlines(decode_text(data, str(path)))))


def text_blocks(text: str) -> list[Block]:
    """Split plain text into blocks without changing a character inside any block.

    A crawler metadata header (标题:/发布时间:/… up to the 「==== 正文 ====」 line) is the
    first block, for metadata extraction. The rest splits at blank lines, except that runs of
    short paragraphs starting at the margin (one table cell per line, as in the seed report)
    stay together as one block, with their blank lines, so a table is not shredded into
    hundreds of one-number blocks.
    """
    blocks = []
    mark = _BODY_MARK.search(text)
    if mark:
        header = text[: mark.end()].strip()
        if header:
            blocks.append(Block(kind="text", text=header))
        text = text[mark.end() :]
    for start, end in _block_spans(text):
        chunk = text[start:end].strip()
        if chunk:
            blocks.append(Block(kind="text", text=chunk))
    return blocks


def _block_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    previous_was_cell = False
    start = 0
    for gap in [*_BLANK_LINES.finditer(text), None]:
        end = gap.start() if gap else len(text)
        paragraph = text[start:end]
        if paragraph.strip():
            is_cell = _looks_like_cell(paragraph)
            if is_cell and previous_was_cell:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            previous_was_cell = is_cell
        if gap:
            start = gap.end()
    return spans


def _looks_like_cell(paragraph: str) -> bool:
    """Short, at the margin, and not a finished sentence: a table cell, label or chrome line."""
    paragraph = paragraph.strip("\n")
    return (
        not paragraph[:1].isspace()
        and not paragraph.rstrip().endswith(_SENTENCE_ENDS)
        and all(len(line) <= _CELL_MAX_CHARS for line in paragraph.split("\n"))
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- markdown -------------------------------------------------------------------------------

_PAGE_FOOTER = re.compile(r"^\s*[—–-]+\s*\d+\s*[—–-]+\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"\*(?!\s)([^*\n]+?)(?<!\s)\*"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?"), ""),  # blockquote marker
    (re.compile(r"^\s{0,3}[-*+]\s+"), ""),  # bullet marker (numbered labels such as 「1.属于」 stay)
)


def load_markdown(path: Path, data: bytes) -> Document:
    """Load a Markdown report: pipe tables become table blocks, other markup is stripped."""
    return make_document(path, data, "md", markdown_blocks(_normalise_newlines(decode_text(data, str(path)))))


def markdown_blocks(text: str) -> list[Block]:
    """Headings, paragraphs and pipe tables in order.

    Page footers such as 「— 4 —」 (left inside tables by PDF-to-Markdown converters) are
    dropped, so a table interrupted by one stays one table; everything else is kept, however
    garbled, because the parser can still recover figures from it.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if paragraph and "".join(paragraph).strip():
            blocks.append(Block(kind="text", text="\n".join(paragraph).strip("\n")))
        if rows:
            blocks.append(table_block(rows))
        paragraph.clear()
        rows.clear()

    for line in text.split("\n"):
        if _PAGE_FOOTER.match(line):
            continue
        if line.lstrip().startswith("|"):
            if paragraph:
                flush()
            if not _TABLE_RULE.match(line):
                rows.append(_pipe_cells(line))
            continue
        if rows or not line.strip():
            flush()
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block(kind="text", text=_strip_inline(heading.group(1))))
        elif line.strip():
            paragraph.append(_strip_inline(line))
    flush()
    return blocks


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    cells = re.split(r"(?<!\\)\|", inner)
    return [clean_cell(_strip_inline(cell.replace("\\|", "|"))) for cell in cells]


def _strip_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text
