"""The web faces share one `Service` across threads: questions run together, never behind an ingest.

Each thread reads the fact store through its own connection and sees only committed reports, so a
question needs no lock: an upload's facts appear in one commit, and its passages are embedded by a
background thread (SQLite) or by `reportqa worker`s (PostgreSQL), off the request path. Uploads in
this process take turns (one lock), so two do not parse at once on a small machine; an ingest from
another process waits for the database's own write lock, which is held only for a short commit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from index.audit import Audit
from index.budget import Budget
from index.errors import UnknownReportError
from index.frame import Selection
from index.ingest import IngestResult
from index.models import Fact, Report, Table
from index.parse import Overrides
from index.remove import delete_report
from qa.answer import Answer
from qa.scope import Filters
from qa.service import Service


class GuardedService:
    """The calls the web faces make on a `Service`; only ingests are serialised."""

    def __init__(self, service: Service):
        self.service = service
        self.settings = service.settings
        self._ingest = threading.Lock()

    def ask(self, question: str, history: Sequence[dict] = (), filters: Filters | None = None) -> Answer:
        return self.service.ask(question, history, filters)

    def ingest(self, paths: Iterable[Path],
               progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda xs: xs,
               indexer=None, overrides: Overrides | None = None) -> list[IngestResult]:
        """Ingest uploads, each file read under the time and memory budget of the settings;
        `indexer` may stand in front of the service's own (to report progress)."""
        s = self.settings
        with self._ingest:
            return self.service.ingest(paths, overrides, progress, indexer=indexer, budget=Budget.from_settings(s))

    def delete(self, report_id: str) -> None:
        with self._ingest:
            delete_report(self.service.store, self.service.indexer, report_id, self.settings.data_dir / "uploads")

    def stored_sha(self, report_id: str) -> str | None:
        """The content hash of a stored report, None when no report has this id."""
        try:
            return self.service.store.report(report_id).sha256
        except UnknownReportError:
            return None

    def reports(self) -> list[Report]:
        return self.service.store.reports()

    def report(self, report_id: str) -> Report:
        return self.service.store.report(report_id)

    def facts(self, report_id: str) -> list[Fact]:
        return self.service.store.facts(report_id)

    def tables(self, report_id: str) -> list[Table]:
        return self.service.store.tables(report_id)

    def index_status(self) -> dict:
        return self.service.index_status()

    def audit(self, selection: Selection, blanks: bool = False) -> Audit:
        """Every failed identity of the selected reports (`index.audit`)."""
        from index.audit import run_audit

        return run_audit(self.service.store, selection, blanks)

    def fact_rows(self, selection: Selection, table: str | None = None,
                  max_rows: int | None = None) -> tuple[list[Report], list[dict]]:
        """The selected reports and their facts in the export's long form (`index.frame`)."""
        from index.frame import fact_rows, selected_reports

        chosen = selected_reports(self.service.store, selection)
        return chosen, fact_rows(self.service.store, chosen, table, max_rows)

    @property
    def has_index(self) -> bool:
        return self.service.indexer is not None
