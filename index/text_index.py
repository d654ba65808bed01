"""The text index: report chunks, their embeddings, one Chroma collection (`reportqa-chunks`).

`TextIndexer` is the `Indexer` that ingest calls (chunk → add, remove on failure) and the dense
half of retrieval (`query`). It talks to chromadb directly rather than through langchain-chroma's
`Chroma` vector store, because the index needs three things that wrapper hides:

* the collection must be created *with our registered embedding function*, so it records which
  model built it (langchain-chroma creates collections with `embedding_function=None`);
* `add` must first ask which chunk ids are already stored and embed only the others (the
  wrapper's `add_texts` always embeds everything it is given);
* removal by metadata (`where={"report_id": …}`) and paging through ids to reconcile with SQL.

Ingest stores a report's facts and chunks first, in one short SQL transaction, and embeds after
the commit (index/embed_queue.py): the index only ever receives chunks the store already holds,
so a crash mid-write leaves chunks queued, never entries for a report the store lacks. A replaced
or deleted report leaves a note in the store (`index_dirty`); `reconcile` drops its stale entries.

With a Chroma server (REPORTQA_CHROMA_URL) the server may be down or restarted: the collection is
opened lazily and reopened after a connection error, and every call that cannot reach it raises
`IndexUnavailableError`, which the read path turns into "the text index is unavailable" while
figure questions go on answering from the fact store.

LangChain still sits at the edge, where it buys ecosystem: `qa.retrieve.HybridRetriever` is a
`BaseRetriever`, and the benchmark's baseline is a stock langchain-chroma pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

import chromadb
import httpx
from chromadb.config import Settings as ChromaSettings

from index.chunking import chunk_report, passage_text
from index.embed import ChromaEmbedding, Embedder, make_embedder
from index.errors import IndexMismatchError, IndexUnavailableError, ReportQAError
from index.models import Chunk, ParsedReport
from index.settings import Settings

COLLECTION = "reportqa-chunks"
_ADD_BATCH = 256
_PAGE = 5000


def chroma_client(settings: Settings) -> Any:
    """An HTTP client when REPORTQA_CHROMA_URL is set, else an embedded index under the data dir."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise ReportQAError(
                f"REPORTQA_CHROMA_URL={settings.chroma_url!r} is not a URL; use e.g. http://localhost:8000."
            )
        try:
            return chromadb.HttpClient(
                host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https", settings=chroma_settings,
            )
        except ValueError as e:  # chromadb: "Could not connect to a Chroma server"
            raise IndexUnavailableError(_unavailable(settings.chroma_url, e)) from e
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _where(report_ids: Iterable[str] | None) -> dict[str, Any] | None:
    if report_ids is None:
        return None
    ids = sorted(set(report_ids))
    return {"report_id": ids[0]} if len(ids) == 1 else {"report_id": {"$in": ids}}


def _unavailable(where: str, e: BaseException) -> str:
    return (f"The text index at {where} cannot be reached ({type(e).__name__}: {e}). Figure questions still "
            "answer from the fact store; passages come back when the Chroma server does.")


# what a Chroma server that is down or restarting raises through the HTTP client
_DOWN = (httpx.TransportError, ConnectionError)


class TextIndexer:
    """Chunks reports, embeds what is new, and answers nearest-neighbour queries."""

    def __init__(self, collection: Any, embedder: Embedder, where: str = COLLECTION,
                 settings: Settings | None = None) -> None:
        self._collection = collection
        self.embedder = embedder
        self.where = where
        self.settings = settings

    @classmethod
    def open(
        cls,
        settings: Settings,
        store: object | None = None,
        *,
        embedder: Embedder | None = None,
        rebuild: bool = False,
        lazy: bool = False,
    ) -> TextIndexer:
        """Open (or create) the collection; refuse one built by another embedding model.

        `rebuild` drops the collection first: use it after changing REPORTQA_EMBEDDER, then
        `sync(store)` to embed every stored chunk again. `lazy` returns an indexer even when the
        Chroma server cannot be reached now; it connects on first use. (`store` is accepted for
        the ingest CLI's call shape; the index itself only needs the settings.)
        """
        embedder = embedder or make_embedder(settings)
        where = settings.chroma_url or str(settings.chroma_path)
        indexer = cls(None, embedder, where, settings)
        try:
            indexer._collection = _open_collection(settings, embedder, where, rebuild)
        except IndexUnavailableError:
            if not lazy:
                raise
        return indexer

    @property
    def collection(self) -> Any:
        if self._collection is None:
            if self.settings is None:
                raise IndexUnavailableError(f"The text index at {self.where} is not open.")
            self._collection = _open_collection(self.settings, self.embedder, self.where)
        return self._collection

    @contextmanager
    def _reach(self) -> Iterator[Any]:
        """The collection, with a lost connection reported as `IndexUnavailableError` (and the
        collection reopened on the next call: a restarted server has the same collection)."""
        try:
            yield self.collection
        except _DOWN as e:
            if self.settings is not None and self.settings.chroma_url:
                self._collection = None
            raise IndexUnavailableError(_unavailable(self.where, e)) from e

    # ---- what index.ingest and index.embed_queue call ------------------------------------------

    def chunks(self, parsed: ParsedReport, text: str) -> list[Chunk]:
        return chunk_report(parsed, text)

    def add(self, parsed: ParsedReport, chunks: list[Chunk]) -> None:
        """Make the index hold exactly these chunks for this report, embedding only new text."""
        report_id = parsed.report.id
        stored = set(self.ids(report_id))
        new = [c for c in chunks if c.id not in stored]
        # embed first: if the model fails, the collection has not been touched
        vectors = self.embedder.embed_passages([passage_text(c) for c in new]) if new else []
        stale = stored - {c.id for c in chunks}
        if stale:
            self.delete_ids(sorted(stale))
        self.upsert(new, vectors)

    def remove(self, report_id: str) -> None:
        with self._reach() as col:
            col.delete(where={"report_id": report_id})

    def embed(self, chunks: list[Chunk]) -> None:
        """Embed the chunks the index does not hold yet and write them. A chunk id is a hash of its
        report and text, so an id already held needs no embedding; the write is an upsert, so a
        chunk embedded twice (two workers after a crash) is never held twice."""
        if not chunks:
            return
        with self._reach() as col:
            held = set(col.get(ids=[c.id for c in chunks], include=[])["ids"])
        new = [c for c in chunks if c.id not in held]
        if new:
            self.upsert(new, self.embedder.embed_passages([passage_text(c) for c in new]))

    def ids(self, report_id: str | None = None) -> list[str]:
        """The chunk ids the index holds, for one report or all."""
        return self._ids(_where([report_id]) if report_id is not None else None)

    def delete_ids(self, ids: list[str]) -> None:
        with self._reach() as col:
            for i in range(0, len(ids), _PAGE):
                col.delete(ids=ids[i:i + _PAGE])

    # ---- maintenance and search ----------------------------------------------------------------

    def sync(self, store: Any) -> int:
        """Reconcile with the fact store: embed stored chunks the index lacks, drop ones it no longer
        has. Returns how many chunks were embedded (0 when the two already agree)."""
        chunks = store.chunks()
        wanted = {c.id for c in chunks}
        have = set(self._ids(None))
        self.delete_ids(sorted(have - wanted))
        missing = [c for c in chunks if c.id not in have]
        for i in range(0, len(missing), _ADD_BATCH):
            self.embed(missing[i:i + _ADD_BATCH])
        if hasattr(store, "mark_embedded"):  # the index holds every stored chunk now: none left queued
            store.mark_embedded(sorted(wanted))
        return len(missing)

    def count(self) -> int:
        with self._reach() as col:
            return col.count()

    def query(self, text: str, k: int, report_ids: Iterable[str] | None = None) -> list[tuple[str, float]]:
        """The k nearest chunk ids with cosine similarity, optionally only within some reports."""
        if k <= 0 or (report_ids is not None and not set(report_ids)):
            return []
        # no count() first: Chroma returns fewer than k when it holds fewer (none from an empty
        # collection), and under load the count held the interpreter lock for milliseconds a question
        vector = self.embedder.embed_query(text)
        with self._reach() as col:
            got = col.query(query_embeddings=[vector], n_results=k, where=_where(report_ids), include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0], strict=True)]

    def _ids(self, where: dict[str, Any] | None) -> list[str]:
        out: list[str] = []
        with self._reach() as col:
            while True:
                page = col.get(where=where, include=[], limit=_PAGE, offset=len(out))["ids"]
                out += page
                if len(page) < _PAGE:
                    return out

    def upsert(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        with self._reach() as col:
            for i in range(0, len(chunks), _ADD_BATCH):
                batch = chunks[i:i + _ADD_BATCH]
                col.upsert(
                    ids=[c.id for c in batch],
                    embeddings=vectors[i:i + _ADD_BATCH],
                    documents=[passage_text(c) for c in batch],
                    metadatas=[_metadata(c) for c in batch],
                )


def _open_collection(settings: Settings, embedder: Embedder, where: str, rebuild: bool = False) -> Any:
    """The collection, created with our embedding function; refused if another model built it."""
    client = chroma_client(settings)
    try:
        names = {c.name if hasattr(c, "name") else c for c in client.list_collections()}
        if rebuild and COLLECTION in names:
            client.delete_collection(COLLECTION)
        ef = ChromaEmbedding(embedder)
        try:
            collection = client.get_or_create_collection(
                COLLECTION, embedding_function=ef, configuration={"hnsw": {"space": "cosine"}},
            )
        except ValueError as e:  # chroma: "An embedding function already exists … conflict"
            raise IndexMismatchError(
                f"The text index at {where} was built by another embedding function ({e}). " + _rebuild_hint(where)
            ) from e
    except _DOWN as e:
        raise IndexUnavailableError(_unavailable(where, e)) from e
    built_by = ((collection.configuration_json or {}).get("embedding_function") or {}).get("config") or {}
    if built_by.get("embedder") not in (None, embedder.name):
        raise IndexMismatchError(
            f"The text index at {where} was built with embedder {built_by['embedder']!r}, but "
            f"REPORTQA_EMBEDDER is {embedder.name!r}. Set REPORTQA_EMBEDDER={built_by['embedder']} to use "
            "it as it is, or " + _rebuild_hint(where, lowercase=True)
        )
    return collection


def _metadata(chunk: Chunk) -> dict[str, str | int]:
    """Chroma metadata: scalars only, no None (the chunk's meta is built that way already)."""
    meta: dict[str, str | int] = {"report_id": chunk.report_id, "section": chunk.section, "kind": chunk.kind}
    if chunk.page is not None:
        meta["page"] = chunk.page
    meta.update({k: v for k, v in chunk.meta.items() if isinstance(v, str | int)})
    return meta


def _rebuild_hint(where: str, lowercase: bool = False) -> str:
    hint = (f"Rebuild it with `reportqa search --reindex`, which re-embeds every stored chunk into {where} "
            "with the current embedder.")
    return hint[0].lower() + hint[1:] if lowercase else hint
