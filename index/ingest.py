"""Ingest report files: load, parse, store (and index), one report at a time, all or nothing.

One bad file never spoils an ingest of many: its error is recorded in its result and the rest go
on. Re-ingesting unchanged content is a no-op (same id and content hash).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from index.agency import agency_identity
from index.budget import Budget, file_sha256, load_and_parse
from index.errors import ReportQAError
from index.models import Chunk, ParsedReport
from index.parse import Overrides
from index.store import SQLiteStore

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}


class Indexer(Protocol):
    """The text side of ingest (chunking + vector index), kept behind a seam so ingest stays atomic."""

    def chunks(self, parsed: ParsedReport, text: str) -> list[Chunk]: ...
    def add(self, parsed: ParsedReport, chunks: list[Chunk]) -> None: ...
    def remove(self, report_id: str) -> None: ...


@dataclass(frozen=True)
class IngestResult:
    path: str
    report_id: str
    status: str  # added | replaced | unchanged | failed
    facts: int = 0
    tables: int = 0
    checks: int = 0
    failed_checks: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    error: str | None = None
    agency: str | None = None
    year: int | None = None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders expanded to the report files inside them (sorted, recursive)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            out.append(p)
    return out


def ingest_file(
    path: Path,
    store: SQLiteStore,
    overrides: Overrides | None = None,
    max_bytes: int = 50 * 2**20,
    indexer: Indexer | None = None,
    budget: Budget | None = None,
) -> IngestResult:
    """Ingest one file; raises ReportQAError with a clear message when it cannot. With a `budget`,
    the file is read in a child process bounded in time and memory."""
    overrides = overrides or Overrides()
    report_id = overrides.report_id or path.stem
    if store.has(report_id, file_sha256(path, max_bytes), overrides.signature()):
        r = store.report(report_id)
        return IngestResult(str(path), report_id, "unchanged", agency=r.agency, year=r.year)
    existed = store.exists(report_id)
    doc, parsed = load_and_parse(path, report_id, overrides, max_bytes, budget)
    parsed = _known_agency(parsed, store)
    text = doc.text
    if indexer is not None:
        parsed = replace(parsed, chunks=tuple(indexer.chunks(parsed, text)))
    try:
        with store.transaction() as tx:
            store.put(parsed, text, tx, overrides.signature())
            if indexer is not None:
                indexer.add(parsed, list(parsed.chunks))
    except Exception:
        if indexer is not None:
            _restore_index(indexer, store, parsed)
        raise
    failed = tuple(f"{c.name}: {c.detail}" for c in parsed.checks if not c.ok)
    return IngestResult(
        str(path), report_id, "replaced" if existed else "added", len(parsed.facts), len(parsed.tables),
        len(parsed.checks), failed, parsed.warnings, agency=parsed.report.agency, year=parsed.report.year,
    )


def _known_agency(parsed: ParsedReport, store: SQLiteStore) -> ParsedReport:
    """Store the report under the name already stored for its agency (「淮安市洪泽区人民政府」 and
    「洪泽区人民政府」 are one agency); the form printed in this report is kept in its warnings."""
    printed = parsed.report.agency
    identity = agency_identity(printed)
    if identity is None:
        return parsed
    core = identity.removesuffix("人民政府") or identity
    known = next((a for a in store.agencies_containing(core, exclude=parsed.report.id)
                  if agency_identity(a) == identity), None)
    if known is None or known == printed:
        return parsed
    note = f"agency printed as 「{printed}」; stored as 「{known}」, the name already used for it"
    return replace(parsed, report=replace(parsed.report, agency=known), warnings=(*parsed.warnings, note))


def _restore_index(indexer: Indexer, store: SQLiteStore, parsed: ParsedReport) -> None:
    """After a failed write the SQL side has rolled back; make the index match it again: the
    previous version's chunks for a replaced report, nothing for a new one."""
    previous = store.chunks(parsed.report.id)
    if previous:
        indexer.add(parsed, previous)
    else:
        indexer.remove(parsed.report.id)


def ingest_paths(
    paths: Iterable[Path],
    store: SQLiteStore,
    overrides: Overrides | None = None,
    max_bytes: int = 50 * 2**20,
    indexer: Indexer | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda xs: xs,
    budget: Budget | None = None,
) -> list[IngestResult]:
    """Ingest every file; a failure is recorded and the next file goes on."""
    overrides = overrides or Overrides()
    files = expand_paths(paths)
    if overrides.report_id and len(files) > 1:
        raise ReportQAError("--id names one report: give it with a single file, not several.")
    results = []
    for path in progress(files):
        try:
            results.append(ingest_file(path, store, overrides, max_bytes, indexer, budget))
        except ReportQAError as e:
            results.append(IngestResult(str(path), overrides.report_id or path.stem, "failed", error=str(e)))
        except Exception as e:  # a parser bug must not lose the other files; keep the trace for a report
            detail = traceback.format_exception_only(type(e), e)[-1].strip()
            results.append(
                IngestResult(str(path), overrides.report_id or path.stem, "failed",
                             error=f"{path.name}: unexpected error while parsing ({detail}); please report it")
            )
    return results
