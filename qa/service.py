"""The one object the faces (CLI, web, eval) build from Settings: store, text index, QA.

Built once per process; ingest through it keeps facts, chunks and the vector index in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from index.ingest import IngestResult, ingest_paths
from index.parse import Overrides
from index.settings import Settings
from index.store import SQLiteStore, open_store
from qa.answer import Answer
from qa.ask import QA
from qa.scope import Filters


class Service:
    def __init__(self, settings: Settings, with_index: bool = True):
        self.settings = settings
        self.store: SQLiteStore = open_store(settings.data_dir, settings.database_url)
        self.indexer = _open_indexer(settings, self.store) if with_index else None
        self.qa = QA(self.store, retriever=_retriever(self.indexer, self.store), phraser=_phraser(settings))

    def ask(self, question: str, history: Sequence[dict] = (), filters: Filters | None = None) -> Answer:
        return self.qa.ask(question, history, filters)

    def ingest(
        self,
        paths: Iterable[Path],
        overrides: Overrides | None = None,
        progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda xs: xs,
    ) -> list[IngestResult]:
        return ingest_paths(list(paths), self.store, overrides, self.settings.max_upload_mb * 2**20,
                            self.indexer, progress)


def _open_indexer(settings: Settings, store: SQLiteStore):
    try:
        from index.text_index import TextIndexer
    except ImportError:
        return None
    return TextIndexer.open(settings, store)


def _retriever(indexer, store: SQLiteStore):
    """`(query, k, report_ids) -> [(Chunk, score)]` over the hybrid index, or None without one."""
    if indexer is None:
        return None
    try:
        from qa.retrieve import retriever_for
    except ImportError:
        return None
    return retriever_for(indexer, store)


def _phraser(settings: Settings):
    if not settings.llm_base_url:
        return None
    from qa.phrase import LLMPhraser

    return LLMPhraser.from_settings(settings)
