"""What the parser reads from each report file: kind, layout, tables, facts and identities.

Backs `reportqa coverage`, which prints the table kept in the README, so anyone can see which
layouts and kinds are read and how well, on their own files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from index.ingest import expand_paths
from index.load import load_document
from index.models import AMBIGUOUS
from index.parse import parse_document


@dataclass(frozen=True)
class Coverage:
    file: str
    format: str
    layout: str
    kind: str
    tables: int
    standard_tables: int
    table_facts: int
    ambiguous: int
    prose_facts: int
    checks: int
    checks_ok: int


def coverage(path: Path) -> Coverage:
    doc = load_document(path)
    parsed = parse_document(doc, path.stem)
    kinds = Counter(f.table == "prose" for f in parsed.facts)
    standard = sum(bool(t.template_table or t.kind) for t in parsed.tables)
    grids = sum(b.kind == "table" for b in doc.blocks)
    layout = f"{grids} grid tables" if grids else "tables as text"
    return Coverage(
        path.name, doc.format, layout, parsed.report.kind or "-", len(parsed.tables), standard, kinds[False],
        sum(f.status == AMBIGUOUS for f in parsed.facts), kinds[True], len(parsed.checks),
        sum(c.ok for c in parsed.checks),
    )


def coverage_table(paths: list[Path]) -> str:
    """A Markdown table, one row per report file."""
    lines = [
        "| file | format | layout | kind | tables (standard) | table facts (ambiguous) | prose facts "
        "| identities hold |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for path in expand_paths(paths):
        c = coverage(path)
        lines.append(f"| {c.file} | {c.format} | {c.layout} | {c.kind} | {c.tables} ({c.standard_tables}) | "
                     f"{c.table_facts} ({c.ambiguous}) | {c.prose_facts} | {c.checks_ok}/{c.checks} |")
    return "\n".join(lines)
