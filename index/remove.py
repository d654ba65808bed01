"""Deleting a stored report: its facts, checks, chunks and vectors together, and its kept upload."""

from __future__ import annotations

from pathlib import Path

from index.errors import IndexUnavailableError


def delete_report(store, indexer, report_id: str, uploads: Path | None = None) -> None:
    """Remove one report everywhere it is stored; UnknownReportError when there is none by that id.

    The SQL rows go in one transaction; the vectors are removed after it, so a failure there leaves
    vectors without facts (never shown: answers are built from facts) rather than the reverse. A
    kept upload under `uploads` goes too, so the file is not read again as if it were still a report.
    """
    report = store.report(report_id)  # raises UnknownReportError
    with store.transaction() as tx:
        store.delete(report_id, tx)
    if indexer is not None:
        try:
            indexer.remove(report_id)
        except IndexUnavailableError:
            pass  # the store noted the deletion in its transaction: the next worker or ingest applies it
    source = Path(report.source) if report.source else None
    if uploads is not None and source is not None and source.is_file() and _inside(source, uploads):
        source.unlink()
        if not any(source.parent.iterdir()):
            source.parent.rmdir()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True

