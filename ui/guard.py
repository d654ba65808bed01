"""The web faces share one `Service` across threads: questions may run together, an ingest runs alone.

The fact store is one SQLite connection and QA caches what it read. A question answered while an
ingest is half-way through its transaction could cache a report without its facts, so readers
wait for a writer (and a writer for the readers in flight).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from index.audit import Audit
from index.budget import Budget
from index.errors import UnknownReportError
from index.frame import Selection
from index.ingest import IngestResult, ingest_paths
from index.models import Fact, Report, Table
from index.parse import Overrides
from index.remove import delete_report
from qa.answer import Answer
from qa.scope import Filters
from qa.service import Service


class ReadWriteLock:
    """Many readers or one writer; a waiting writer stops new readers, so uploads are not starved."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class GuardedService:
    """The calls the web faces make on a `Service`, each under the right side of one lock."""

    def __init__(self, service: Service):
        self.service = service
        self.settings = service.settings
        self.lock = ReadWriteLock()

    def ask(self, question: str, history: Sequence[dict] = (), filters: Filters | None = None) -> Answer:
        with self.lock.read():
            return self.service.ask(question, history, filters)

    def ingest(self, paths: Iterable[Path],
               progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda xs: xs,
               indexer=None, overrides: Overrides | None = None) -> list[IngestResult]:
        """Ingest uploads, each file read under the time and memory budget of the settings;
        `indexer` may stand in front of the service's own (to report progress)."""
        s = self.settings
        with self.lock.write():
            return ingest_paths(list(paths), self.service.store, overrides, s.max_upload_mb * 2**20,
                                indexer or self.service.indexer, progress, budget=Budget.from_settings(s))

    def delete(self, report_id: str) -> None:
        with self.lock.write():
            delete_report(self.service.store, self.service.indexer, report_id, self.settings.data_dir / "uploads")

    def stored_sha(self, report_id: str) -> str | None:
        """The content hash of a stored report, None when no report has this id."""
        with self.lock.read():
            try:
                return self.service.store.report(report_id).sha256
            except UnknownReportError:
                return None

    def reports(self) -> list[Report]:
        with self.lock.read():
            return self.service.store.reports()

    def report(self, report_id: str) -> Report:
        with self.lock.read():
            return self.service.store.report(report_id)

    def facts(self, report_id: str) -> list[Fact]:
        with self.lock.read():
            return self.service.store.facts(report_id)

    def tables(self, report_id: str) -> list[Table]:
        with self.lock.read():
            return self.service.store.tables(report_id)

    def audit(self, selection: Selection, blanks: bool = False) -> Audit:
        """Every failed identity of the selected reports (`index.audit`)."""
        from index.audit import run_audit

        with self.lock.read():
            return run_audit(self.service.store, selection, blanks)

    def fact_rows(self, selection: Selection, table: str | None = None,
                  max_rows: int | None = None) -> tuple[list[Report], list[dict]]:
        """The selected reports and their facts in the export's long form (`index.frame`)."""
        from index.frame import fact_rows, selected_reports

        with self.lock.read():
            chosen = selected_reports(self.service.store, selection)
            return chosen, fact_rows(self.service.store, chosen, table, max_rows)

    @property
    def has_index(self) -> bool:
        return self.service.indexer is not None
