"""Word (.docx) reports to blocks: paragraphs and tables in body order.

python-docx's `Document.paragraphs` and `Document.tables` are separate lists, which loses where
each table sits between the headings; the body's children are walked instead. Merged cells come
back from python-docx as the same cell in every position they cover, and their text is kept in
each position, as the HTML loader does for rowspan/colspan.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from index.errors import LoadError
from index.load_text import clean_cell, make_document, table_block
from index.models import Block, Document

# Zip-bomb budgets, checked from the archive's directory before anything is inflated: a real
# report's XML is a few MB and compresses 5–30×.
MAX_UNCOMPRESSED = 100 * 2**20
MAX_RATIO = 100
_RATIO_FROM = 2**20  # small entries may compress as well as they like


def check_inflated_size(path: Path, data: bytes) -> None:
    """Refuse a .docx whose entries would inflate past the budgets, before inflating any of them."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as exc:
        raise LoadError(f"{path} is not a readable Word .docx ({exc}); save it as .docx again.") from exc
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED:
        raise LoadError(f"{path.name} inflates to {total / 2**20:,.0f} MB uncompressed (the limit is "
                        f"{MAX_UNCOMPRESSED // 2**20} MB): refused as a zip bomb, not opened.")
    for e in entries:
        if e.file_size > _RATIO_FROM and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise LoadError(f"{path.name}: entry {e.filename[:60]!r} has a compression ratio of "
                            f"{e.file_size / max(e.compress_size, 1):,.0f}:1 (the limit is {MAX_RATIO}:1): "
                            "refused as a zip bomb, not opened.")


def load_docx(path: Path, data: bytes) -> Document:
    """Load a .docx report; LoadError when the zip is not a readable Word document or would inflate
    past the budgets."""
    check_inflated_size(path, data)
    try:
        word = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise LoadError(
            f"{path} is not a readable Word .docx ({exc}); open it in Word or WPS and save it as .docx again."
        ) from exc
    return make_document(path, data, "docx", docx_blocks(word))


def docx_blocks(word: WordDocument) -> list[Block]:
    """Text blocks for non-empty paragraphs and table blocks for tables, in body order."""
    blocks: list[Block] = []
    for item in word.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if text:
                blocks.append(Block(kind="text", text=text))
        elif isinstance(item, Table):
            grid, origins = table_grid(item)
            if grid:
                blocks.append(table_block(grid, origins))
    return blocks


def table_grid(table: Table) -> tuple[list[list[str]], list[list[object]]]:
    """The table's layout grid as cleaned text, and the underlying cell element of each spot.

    Rows that start late or end early (`grid_cols_before/after`) are padded with empty cells
    so columns line up; the cell element identifies horizontal spans for linearisation.
    """
    grid: list[list[str]] = []
    origins: list[list[object]] = []
    for r, row in enumerate(table.rows):
        cells = row.cells
        texts = [""] * row.grid_cols_before + [clean_cell(cell.text) for cell in cells]
        ids: list[object] = [("pad", r, c) for c in range(row.grid_cols_before)]
        ids += [cell._tc for cell in cells]
        texts += [""] * row.grid_cols_after
        ids += [("pad", r, len(ids) + c) for c in range(row.grid_cols_after)]
        grid.append(texts)
        origins.append(ids)
    return grid, origins
