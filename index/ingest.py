"""Ingest report files: load, parse, store, then index, one report at a time.

A report's facts, checks and chunks are stored in one short transaction, all or nothing; figure
questions answer from the moment it commits. Its chunks are queued for the text index and
embedded afterwards, outside the transaction (index/embed_queue.py): by this process when the
store is SQLite, by `reportqa worker`s when it is PostgreSQL. An embedding failure therefore
never loses the facts: the chunks stay queued and the next drain embeds them.

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
from index.embed_queue import drain, reconcile
from index.errors import IndexUnavailableError, ReportQAError
from index.models import Chunk, ParsedReport
from index.parse import Overrides
from index.store import FactStore

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}


class Indexer(Protocol):
    """The text side of ingest (chunking + vector index), behind a seam (index.text_index.TextIndexer)."""

    def chunks(self, parsed: ParsedReport, text: str) -> list[Chunk]: ...
    def embed(self, chunks: list[Chunk]) -> None: ...
    def ids(self, report_id: str | None = None) -> list[str]: ...
    def delete_ids(self, ids: list[str]) -> None: ...


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
    queued: int = 0  # chunks still waiting for the text index


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
    store: FactStore,
    overrides: Overrides | None = None,
    max_bytes: int = 50 * 2**20,
    indexer: Indexer | None = None,
    budget: Budget | None = None,
    embed: bool | None = None,
) -> IngestResult:
    """Ingest one file; raises ReportQAError with a clear message when it cannot. With a `budget`,
    the file is read in a child process bounded in time and memory.

    `embed`: embed the report's queued chunks now (default: unless the store's queue is shared
    with `reportqa worker`s). A failure to embed keeps the facts and leaves the chunks queued."""
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
    store.put(parsed, text, parser=overrides.signature())
    warnings = parsed.warnings
    if indexer is not None and (embed if embed is not None else not store.shared_queue):
        try:
            reconcile(store, indexer, report_id)
            drain(store, indexer, report_id)
        except Exception as e:  # the facts are stored; the chunks stay queued for the next drain
            kind = "unavailable" if isinstance(e, IndexUnavailableError) else f"failed ({type(e).__name__}: {e})"
            warnings = (*warnings, f"text index {kind}: the report's passages are queued and will be "
                                   "embedded by the next ingest or `reportqa worker`")
    failed = tuple(f"{c.name}: {c.detail}" for c in parsed.checks if not c.ok)
    queued = store.queue_size(report_id) if parsed.chunks else 0
    return IngestResult(
        str(path), report_id, "replaced" if existed else "added", len(parsed.facts), len(parsed.tables),
        len(parsed.checks), failed, warnings, agency=parsed.report.agency, year=parsed.report.year,
        queued=queued,
    )


def _known_agency(parsed: ParsedReport, store: FactStore) -> ParsedReport:
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


def ingest_paths(
    paths: Iterable[Path],
    store: FactStore,
    overrides: Overrides | None = None,
    max_bytes: int = 50 * 2**20,
    indexer: Indexer | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda xs: xs,
    budget: Budget | None = None,
    embed: bool | None = None,
) -> list[IngestResult]:
    """Ingest every file; a failure is recorded and the next file goes on."""
    overrides = overrides or Overrides()
    files = expand_paths(paths)
    if overrides.report_id and len(files) > 1:
        raise ReportQAError("--id names one report: give it with a single file, not several.")
    results = []
    for path in progress(files):
        try:
            results.append(ingest_file(path, store, overrides, max_bytes, indexer, budget, embed))
        except ReportQAError as e:
            results.append(IngestResult(str(path), overrides.report_id or path.stem, "failed", error=str(e)))
        except Exception as e:  # a parser bug must not lose the other files; keep the trace for a report
            detail = traceback.format_exception_only(type(e), e)[-1].strip()
            results.append(
                IngestResult(str(path), overrides.report_id or path.stem, "failed",
                             error=f"{path.name}: unexpected error while parsing ({detail}); please report it")
            )
    if indexer is not None and (embed if embed is not None else not store.shared_queue):
        _catch_up(store, indexer)
    return results


def _catch_up(store: FactStore, indexer: Indexer) -> None:
    """Finish what an earlier process left undone (killed mid-embedding, index unreachable then):
    stale index entries of replaced reports go, queued passages are embedded. Costs two indexed
    reads when there is nothing to do."""
    try:
        reconcile(store, indexer)
        drain(store, indexer)
    except Exception:  # said in the results already (the same index and embedder failed there): they stay queued
        pass
