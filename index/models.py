"""The data model passed between stages: frozen dataclasses, defined once.

Loading yields a `Document` (text blocks and raw table grids); parsing yields `Table`s and
`Fact`s; checking yields `Check`s; chunking yields `Chunk`s. Every stage takes and returns these,
never loose dicts, so a field rename is caught everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Grid = tuple[tuple[str, ...], ...]

EXACT = "exact"
RECOVERED = "recovered"
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Block:
    """A stretch of a loaded file: prose (`grid` is None) or a table as printed (`grid` set).

    `text` is always the block's readable text; for a table it is the grid linearised row by
    row, which is what the template parser reads.
    """

    kind: str  # "text" | "table"
    text: str
    page: int | None = None
    grid: Grid | None = None
    line_pages: tuple[int, ...] | None = None  # a table continued over pages: the page of each text line


@dataclass(frozen=True)
class Document:
    """A file after loading: its blocks in reading order, before any template knowledge."""

    source: str
    format: str  # txt | md | html | pdf | docx
    blocks: tuple[Block, ...]
    sha256: str
    pages: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Report:
    """One annual report: who published it, for which year, in which template."""

    id: str
    agency: str | None
    year: int | None
    title: str | None
    published: str | None
    template: str | None  # "2019" | "2021" | None (not a disclosure report)
    source: str
    format: str
    sha256: str
    region: str | None = None
    kind: str | None = None  # a report kind of the registry: "2019"/"2021" (disclosure), "budget"/"final"


@dataclass(frozen=True)
class Table:
    """A table as a grid with header paths; `template_table` is set when it is a template table."""

    report_id: str
    key: str  # e.g. "t3" for a template table, "g4" for the 4th generic table
    title: str
    column_paths: tuple[tuple[str, ...], ...]
    row_paths: tuple[tuple[str, ...], ...]
    cells: tuple[tuple[str, ...], ...]  # cells[r][c] as printed ("" where empty)
    unit: str | None = None
    page: int | None = None
    template_table: str | None = None
    kind: str | None = None  # the standard table of a finance kind, e.g. "final.expense"


@dataclass(frozen=True)
class Fact:
    """One number with where it came from.

    `candidate` numbers alternative readings of an ambiguous cell (0 when there is only one);
    every candidate is stored, none is silently chosen.
    """

    report_id: str
    table: str  # table key ("t1".."t4", "g1"..) or "prose"
    row_path: tuple[str, ...]
    column_path: tuple[str, ...]
    value: Decimal
    unit: str | None
    status: str = EXACT
    row_key: str | None = None
    column_key: str | None = None
    page: int | None = None
    span: tuple[int, int] | None = None
    raw: str = ""
    sentence: str | None = None
    candidate: int = 0

    @property
    def id(self) -> str:
        return "|".join(
            [self.report_id, self.table, "/".join(self.row_path), "/".join(self.column_path),
             str(self.candidate), str(self.span[0] if self.span else "")]
        )


@dataclass(frozen=True)
class Check:
    """A template identity evaluated on one report: `ok` False means the source disagrees with itself."""

    report_id: str
    name: str
    description: str
    left: Decimal | None
    right: Decimal | None
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class Chunk:
    """Retrievable text with the metadata that scopes and cites it."""

    id: str
    report_id: str
    text: str
    section: str
    kind: str  # "text" | "table"
    page: int | None = None
    meta: dict[str, str | int] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class ParsedReport:
    """Everything ingest stores for one report, built before any write so a failure writes nothing."""

    report: Report
    tables: tuple[Table, ...]
    facts: tuple[Fact, ...]
    checks: tuple[Check, ...]
    warnings: tuple[str, ...] = ()
    chunks: tuple[Chunk, ...] = ()
