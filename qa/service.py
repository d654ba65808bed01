"""The one object the faces (CLI, web, eval) build from Settings: store, text index, QA.

Built once per process. Ingest through it stores facts first (answering at once) and leaves the
embedding to the queue: drained in this process for SQLite, by `reportqa worker`s for PostgreSQL.
`background=True` (the web server) embeds in a background thread at the lowest CPU priority, so
questions never wait on embedding; the web faces read each upload in a child process (a budget).

A Chroma server that cannot be reached does not stop the service: figure questions answer from
the fact store, and a question that needs passages gets status `unavailable` with a message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from index.budget import Budget
from index.errors import IndexUnavailableError
from index.ingest import IngestResult, ingest_paths
from index.parse import Overrides
from index.settings import Settings
from index.store import FactStore, open_store
from qa.answer import Answer
from qa.ask import QA
from qa.scope import Filters

UNAVAILABLE = "unavailable"


class Service:
    def __init__(self, settings: Settings, with_index: bool = True, background: bool = False):
        self.settings = settings
        self.store: FactStore = open_store(settings.data_dir, settings.database_url)
        self.indexer = _open_indexer(settings, self.store) if with_index else None
        self.qa = QA(self.store, retriever=_retriever(self.indexer, self.store), phraser=_phraser(settings))
        self.qa.kb.limit = settings.facts_cache
        self.background = background
        self.embedder_thread = None
        if background and self.indexer is not None and not self.store.shared_queue:
            from index.embed_queue import BackgroundEmbedder

            self.embedder_thread = BackgroundEmbedder(self.store, self.indexer)

    def ask(self, question: str, history: Sequence[dict] = (), filters: Filters | None = None) -> Answer:
        try:
            return self.qa.ask(question, history, filters)
        except IndexUnavailableError as e:
            return Answer(question, UNAVAILABLE, "文本索引暂时不可用，无法检索报告原文段落；数字类问题仍可回答。",
                          warnings=(str(e),))

    def ingest(
        self,
        paths: Iterable[Path],
        overrides: Overrides | None = None,
        progress: Callable[[Iterable[Path]], Iterable[Path]] = lambda xs: xs,
        indexer=None,
        budget: Budget | None = None,
    ) -> list[IngestResult]:
        """Store each file's facts (read in a child process under `budget` when one is given); embed
        its passages here, or leave them to the background thread (a server) or to `reportqa
        worker`s (PostgreSQL). `indexer` may stand in front of the service's own (to report progress)."""
        inline = not self.background and not self.store.shared_queue
        results = ingest_paths(list(paths), self.store, overrides, self.settings.max_upload_mb * 2**20,
                               indexer or self.indexer, progress, budget=budget, embed=inline)
        if self.embedder_thread is not None:
            self.embedder_thread.kick()
        return results

    def index_status(self) -> dict:
        """The embedding queue and whether the text index answers (for /api/health)."""
        queued = self.store.queue_size()
        status: dict = {"queued": queued, "embedded": None, "available": False}
        if self.indexer is None:
            return status
        try:
            status["embedded"] = self.indexer.count()
            status["available"] = True
        except IndexUnavailableError as e:
            status["error"] = str(e)
        return status

    def close(self) -> None:
        if self.embedder_thread is not None:
            self.embedder_thread.close()
        self.store.close()


def _open_indexer(settings: Settings, store: FactStore):
    try:
        from index.text_index import TextIndexer
    except ImportError:
        return None
    return TextIndexer.open(settings, store, lazy=True)


def _retriever(indexer, store: FactStore):
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
