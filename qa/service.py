"""The one object the faces (CLI, web, eval) build from Settings: store, text index, QA.

Built once per process. Ingest through it stores facts first (answering at once) and leaves the
embedding to the queue: drained in this process for SQLite, by `reportqa worker`s for PostgreSQL.
`background=True` (the web server) parses uploads in a child process and embeds in a low-priority
background thread, so questions never wait on either.

A Chroma server that cannot be reached does not stop the service: figure questions answer from
the fact store, and a question that needs passages gets status `unavailable` with a message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from index.errors import IndexUnavailableError
from index.ingest import IngestResult, ingest_child, ingest_paths, ingest_queued
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
        self.embedder_thread = None
        self._ingester = None
        if background:
            # uploads are parsed in a process of their own: parsing is Python-heavy and would
            # otherwise hold the interpreter lock that every question needs
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._ingester = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=ingest_child)
            if self.indexer is not None and not self.store.shared_queue:
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
    ) -> list[IngestResult]:
        """Store each file's facts; embed its chunks here, in the background thread, or by workers."""
        if self._ingester is not None:
            results = self._ingester.submit(ingest_queued, self.settings, list(paths), overrides,
                                            self.indexer is not None).result()
        else:
            results = ingest_paths(list(paths), self.store, overrides, self.settings.max_upload_mb * 2**20,
                                   self.indexer, progress, embed=not self.store.shared_queue)
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
        if self._ingester is not None:
            self._ingester.shutdown(wait=False, cancel_futures=True)
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
