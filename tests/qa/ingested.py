"""A question-answering store over some committed fixture reports, for a module's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA


def qa_over(fixtures_dir: Path, factory: pytest.TempPathFactory, names: tuple[str, ...]) -> QA:
    """The fixtures `names` ingested into a fresh store (every one must be added)."""
    store = SQLiteStore(factory.mktemp("store") / "facts.sqlite3")
    results = ingest_paths([fixtures_dir / n for n in names], store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return QA(store)
