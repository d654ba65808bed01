"""The text index: report chunks, their embeddings, one Chroma collection (`reportqa-chunks`).

`TextIndexer` is the `Indexer` that ingest calls (chunk → add, remove on failure) and the dense
half of retrieval (`query`). It talks to chromadb directly rather than through langchain-chroma's
`Chroma` vector store, because the index needs three things that wrapper hides:

* the collection must be created *with our registered embedding function*, so it records which
  model built it (langchain-chroma creates collections with `embedding_function=None`);
* `add` must first ask which chunk ids are already stored and embed only the others (the
  wrapper's `add_texts` always embeds everything it is given);
* removal by metadata (`where={"report_id": …}`) and paging through ids to reconcile with SQL.

Ingest calls `add` inside its SQL transaction and `remove` if it raises, so a failed ingest of a
new report leaves nothing behind. When a *replacement* fails, SQL keeps the old version while the
index has dropped it; `sync(store)` (run by `reportqa search --reindex`) reconciles the two.

LangChain still sits at the edge, where it buys ecosystem: `qa.retrieve.HybridRetriever` is a
`BaseRetriever`, and the benchmark's baseline is a stock langchain-chroma pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings

from index.chunking import chunk_report, passage_text
from index.embed import ChromaEmbedding, Embedder, make_embedder
from index.errors import IndexMismatchError, ReportQAError
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
        return chromadb.HttpClient(
            host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https", settings=chroma_settings,
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _where(report_ids: Iterable[str] | None) -> dict[str, Any] | None:
    if report_ids is None:
        return None
    ids = sorted(set(report_ids))
    return {"report_id": ids[0]} if len(ids) == 1 else {"report_id": {"$in": ids}}


class TextIndexer:
    """Chunks reports, embeds what is new, and answers nearest-neighbour queries."""

    def __init__(self, collection: Any, embedder: Embedder, where: str = COLLECTION) -> None:
        self.collection = collection
        self.embedder = embedder
        self.where = where

    @classmethod
    def open(
        cls,
        settings: Settings,
        store: object | None = None,
        *,
        embedder: Embedder | None = None,
        rebuild: bool = False,
    ) -> TextIndexer:
        """Open (or create) the collection; refuse one built by another embedding model.

        `rebuild` drops the collection first: use it after changing REPORTQA_EMBEDDER, then
        `sync(store)` to embed every stored chunk again. (`store` is accepted for the ingest CLI's
        call shape; the index itself only needs the settings.)
        """
        embedder = embedder or make_embedder(settings)
        client = chroma_client(settings)
        where = settings.chroma_url or str(settings.chroma_path)
        if rebuild and COLLECTION in {c.name if hasattr(c, "name") else c for c in client.list_collections()}:
            client.delete_collection(COLLECTION)
        ef = ChromaEmbedding(embedder)
        try:
            collection = client.get_or_create_collection(
                COLLECTION, embedding_function=ef, configuration={"hnsw": {"space": "cosine"}},
            )
        except ValueError as e:  # chroma: "An embedding function already exists … conflict"
            raise IndexMismatchError(
                f"The text index at {where} was built by another embedding function ({e}). "
                + _rebuild_hint(where)
            ) from e
        built_by = ((collection.configuration_json or {}).get("embedding_function") or {}).get("config") or {}
        if built_by.get("embedder") not in (None, embedder.name):
            raise IndexMismatchError(
                f"The text index at {where} was built with embedder {built_by['embedder']!r}, but "
                f"REPORTQA_EMBEDDER is {embedder.name!r}. Set REPORTQA_EMBEDDER={built_by['embedder']} to use "
                "it as it is, or " + _rebuild_hint(where, lowercase=True)
            )
        return cls(collection, embedder, where)

    # ---- the Indexer protocol (called by index.ingest) ----------------------------------------

    def chunks(self, parsed: ParsedReport, text: str) -> list[Chunk]:
        return chunk_report(parsed, text)

    def add(self, parsed: ParsedReport, chunks: list[Chunk]) -> None:
        """Make the index hold exactly these chunks for this report, embedding only new text."""
        report_id = parsed.report.id
        stored = set(self._ids(_where([report_id])))
        new = [c for c in chunks if c.id not in stored]
        # embed first: if the model fails, the collection has not been touched
        vectors = self.embedder.embed_passages([passage_text(c) for c in new]) if new else []
        stale = stored - {c.id for c in chunks}
        if stale:
            self.collection.delete(ids=sorted(stale))
        self._add(new, vectors)

    def remove(self, report_id: str) -> None:
        self.collection.delete(where={"report_id": report_id})

    # ---- maintenance and search ----------------------------------------------------------------

    def sync(self, store: Any) -> int:
        """Reconcile with the fact store: embed stored chunks the index lacks, drop ones it no longer
        has. Returns how many chunks were embedded (0 when the two already agree)."""
        chunks = store.chunks()
        wanted = {c.id for c in chunks}
        have = set(self._ids(None))
        orphans = have - wanted
        for i in range(0, len(orphans), _PAGE):
            self.collection.delete(ids=sorted(orphans)[i:i + _PAGE])
        missing = [c for c in chunks if c.id not in have]
        for i in range(0, len(missing), _ADD_BATCH):
            batch = missing[i:i + _ADD_BATCH]
            self._add(batch, self.embedder.embed_passages([passage_text(c) for c in batch]))
        return len(missing)

    def count(self) -> int:
        return self.collection.count()

    def query(self, text: str, k: int, report_ids: Iterable[str] | None = None) -> list[tuple[str, float]]:
        """The k nearest chunk ids with cosine similarity, optionally only within some reports."""
        if k <= 0 or (report_ids is not None and not set(report_ids)):
            return []
        n = min(k, self.count())
        if n == 0:
            return []
        got = self.collection.query(
            query_embeddings=[self.embedder.embed_query(text)], n_results=n, where=_where(report_ids),
            include=["distances"],
        )
        return [(i, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0], strict=True)]

    def _ids(self, where: dict[str, Any] | None) -> list[str]:
        out: list[str] = []
        while True:
            page = self.collection.get(where=where, include=[], limit=_PAGE, offset=len(out))["ids"]
            out += page
            if len(page) < _PAGE:
                return out

    def _add(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        for i in range(0, len(chunks), _ADD_BATCH):
            batch = chunks[i:i + _ADD_BATCH]
            self.collection.add(
                ids=[c.id for c in batch],
                embeddings=vectors[i:i + _ADD_BATCH],
                documents=[passage_text(c) for c in batch],
                metadatas=[_metadata(c) for c in batch],
            )


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
