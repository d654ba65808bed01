"""A question-answering store over some committed fixture reports, or over pages a module writes, for its tests."""

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


def qa_over_pages(factory: pytest.TempPathFactory, pages: dict[str, str]) -> QA:
    """Pages made by a test (file name → text) written out and ingested into a fresh store (every one must
    be added): a layout or wording shown on a page of its own, apart from any evaluation report."""
    folder = factory.mktemp("pages")
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = SQLiteStore(factory.mktemp("store") / "facts.sqlite3")
    results = ingest_paths([folder / name for name in pages], store)
    assert all(r.status == "added" for r in results), [(r.path, r.status, r.error) for r in results]
    return QA(store)
