"""Hybrid retrieval: BM25 over the stored chunks fused with the dense index by reciprocal rank.

Why both: e5 bridges paraphrase (「老百姓申请了几次」 ≈ 「自然人 … 申请数量」) but blurs numbers
and rare names; BM25 nails exact terms (「行政事业性收费」, 「三审三校」) but misses paraphrase. On
eval/retrieval_qa.jsonl (81 questions, filtered to their report) recall@1/@5 is 0.52/0.93 for
dense alone, 0.77/0.98 for BM25 alone and 0.82/0.99 fused. Reciprocal rank fusion needs no score
calibration between the two, which matters because e5's cosines sit in a narrow band.

The BM25 side tokenises with jieba (its dictionary extended with the template's row and column
labels and their everyday aliases, so 「法律服务机构」 stays one term) plus character bigrams and
single characters (which recover words jieba cuts differently in question and report); see
index/lexical.py. Chunks are tokenised once, at ingest, and their tokens stored with them.
Expanding a question's aliases to the template's labels (「公司」→「商业企业」) was tried and
dropped: on the retrieval set it cost 10 points of recall@1 (generic aliases such as 「公开」
pull the tables ahead of the prose), and the dense side already bridges those paraphrases.

Before fusion each ranking keeps at most PER_TABLE chunks of any one table: the slices and row
sentences of a table share its title and words, and would otherwise fill both candidate lists
(the QA side reads table figures from the fact store anyway; retrieval's job is the passage).

When the search is scoped to reports, the question's words for that scope (the agency's name,
the year) are dropped from the BM25 query: they already chose the report, and inside it they
would only favour the few chunks that repeat the name.

A search within a few reports (the usual case: the question's scope has chosen them) reads only
those reports' chunks and tokens from the store, and the corpus statistics of the query's terms
(document frequencies kept by every write, index/store.py), and scores them with the same BM25 as
below: nothing is built or held per process, so a server answers its first passage question at
once after a restart and its memory does not grow with the corpus.

A search over more reports (`reportqa search` without `--report`, the LangChain retriever without
filters) scores the same way, over a bounded set of reports: with the dense index, the reports of
its nearest chunks across the whole corpus (at most SCOPED_MAX of them); without one, every
report, SCOPED_MAX at a time, keeping only the best chunks of each batch. No process holds every
chunk, or a BM25 index of them, in memory.
"""

from __future__ import annotations

import heapq
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from index.chunking import passage_text
from index.lexical import tokens
from index.models import Chunk
from index.template import normalize
from qa.scope import Filters

RRF_K = 60
POOL = 30  # candidates taken from each ranker before fusion
WEIGHTS = (1.0, 1.0)  # dense, BM25
PER_TABLE = 1  # chunks of one table admitted to each ranking
SCOPED_MAX = 100  # reports whose chunks one BM25 search reads from the store at a time
K1, B = 1.5, 0.75  # BM25, Lucene's variant and default parameters


# ---- the lexical index ----------------------------------------------------------------------


class ScopedLexical:
    """BM25 within a few reports, read from the store: their chunks with their stored tokens, and the
    corpus statistics of the query's terms. Scores as one BM25 index over every stored chunk would."""

    def __init__(self, store: Any, report_ids: set[str]) -> None:
        rows = store.chunks_with_tokens(report_ids)
        self.store = store
        self.chunks = [c for c, _ in rows]
        # a chunk still queued (or stored by an older build) has no tokens yet: made here, as the
        # corpus index below does, so it is found by its words before the worker reaches it
        made = [toks if toks is not None else tokens(passage_text(c, report=False)) or ["∅"] for c, toks in rows]
        self._tf = [(Counter(toks), len(toks)) for toks in made]
        self.by_id = {c.id: c for c in self.chunks}

    def search(
        self, query: str, n: int, report_ids: set[str] | None = None, scope_words: Sequence[str] = ()
    ) -> list[tuple[Chunk, float]]:
        if not self.chunks:
            return []
        q = [t for t in tokens(query) if not any(t in w for w in scope_words)]
        docs, total, df = self.store.term_stats(q)
        q = [t for t in q if t in df]
        if not q or not docs:
            return []
        avgdl = total / docs
        idf = {t: math.log(1 + (docs - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        scores = []
        for tf, dl in self._tf:
            norm = K1 * ((1 - B) + B * dl / avgdl)
            scores.append(sum(idf[t] * tf[t] / (norm + tf[t]) for t in q if t in tf))
        top = sorted(range(len(scores)), key=lambda i: -scores[i])[:n]
        return [(self.chunks[i], scores[i]) for i in top if scores[i] > 0]


class StreamedLexical:
    """BM25 over many reports without holding them: `ScopedLexical` over SCOPED_MAX reports at a
    time, keeping the best chunks of each batch (the statistics are the corpus's, so the scores are
    the ones a single index over every chunk would give). Time grows with the corpus, memory does not."""

    def __init__(self, store: Any, report_ids: Sequence[str]) -> None:
        self.store = store
        self.report_ids = sorted(report_ids)
        self.by_id: dict[str, Chunk] = {}

    def search(
        self, query: str, n: int, report_ids: set[str] | None = None, scope_words: Sequence[str] = ()
    ) -> list[tuple[Chunk, float]]:
        best: list[tuple[float, int, int, Chunk]] = []
        for b, i in enumerate(range(0, len(self.report_ids), SCOPED_MAX)):
            batch = ScopedLexical(self.store, set(self.report_ids[i:i + SCOPED_MAX]))
            found = batch.search(query, n, None, scope_words)
            best = heapq.nsmallest(n, best + [(-score, b, j, c) for j, (c, score) in enumerate(found)])
        hits = [(c, -neg) for neg, _, _, c in best]
        self.by_id.update({c.id: c for c, _ in hits})
        return hits


class _ScopedCache:
    """The BM25 side of recent scopes, so a passage question does not read and count its reports'
    tokens again (under load that was a fifth of a server's time). A scope's entry holds while the
    store's revision does; after a write, while each of its reports holds the same chunk ids (one
    indexed read per report: a chunk id is a hash of its report and text, and its tokens are made
    from that text). Bounded by the reports held, so memory does not grow with the corpus."""

    def __init__(self, most_reports: int = 256) -> None:
        self._lock = threading.Lock()
        self._most = most_reports
        self._held = 0
        self._entries: OrderedDict[tuple[str, frozenset[str]], tuple[int, dict[str, frozenset[str]], ScopedLexical]] \
            = OrderedDict()

    def get(self, store: Any, report_ids: set[str]) -> ScopedLexical:
        if not hasattr(store, "revision") or not hasattr(store, "chunk_states"):
            return ScopedLexical(store, report_ids)
        key = (str(getattr(store, "path", id(store))), frozenset(report_ids))
        revision = store.revision()
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None:
            seen, ids, lexical = hit
            if seen == revision or all(frozenset(store.chunk_states(r)) == ids[r] for r in key[1]):
                self._put(key, (revision, ids, lexical))
                return lexical
        lexical = ScopedLexical(store, report_ids)  # read after the revision: a later write moves it on
        ids = {r: frozenset(c.id for c in lexical.chunks if c.report_id == r) for r in key[1]}
        self._put(key, (revision, ids, lexical))
        return lexical

    def _put(self, key: tuple[str, frozenset[str]], entry: tuple) -> None:
        with self._lock:
            if self._entries.pop(key, None) is not None:
                self._held -= len(key[1])
            self._entries[key] = entry
            self._held += len(key[1])
            while self._held > self._most and len(self._entries) > 1:
                old, _ = self._entries.popitem(last=False)
                self._held -= len(old[1])


_SCOPED = _ScopedCache()


# ---- fusion ---------------------------------------------------------------------------------


def scope_ids(store: Any, filters: Filters | None) -> set[str] | None:
    """The report ids the filters allow (None: no restriction). Agency matches by substring, so
    「厚街镇」 selects 厚街镇人民政府."""
    if filters is None or not (filters.reports or filters.agency or filters.year):
        return None
    ids = set(filters.reports) if filters.reports else None
    if filters.agency or filters.year:
        agency = normalize(filters.agency or "")
        chosen = {
            r.id for r in store.reports()
            if (not agency or agency in normalize(r.agency or "")) and (not filters.year or r.year == filters.year)
        }
        ids = chosen if ids is None else ids & chosen
    return ids


def _scope_words(store: Any, allowed: set[str] | None) -> list[str]:
    """The agencies and years of the reports in scope, normalised (nothing when unfiltered)."""
    if allowed is None:
        return []
    words = []
    # a few reports in scope are read one by one: listing all 10,000 would cost more than the search
    chosen = [store.report(i) for i in allowed if store.exists(i)] if len(allowed) <= 50 and hasattr(
        store, "exists") else [r for r in store.reports() if r.id in allowed]
    for r in chosen:
        words += [normalize(r.agency or ""), f"{r.year}年" if r.year else ""]
    return [w for w in words if w]


def fuse(rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None, k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: Σ weight / (k + rank), rank from 1."""
    scores: dict[str, float] = {}
    for r, ranking in enumerate(rankings):
        w = 1.0 if weights is None else weights[r]
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + w / (k + rank)
    return scores


def _diverse(ranked: Sequence[str], by_id: dict[str, Chunk], n: int) -> list[str]:
    """The first n ids, with at most PER_TABLE chunks of any one table: a table's slices and row
    sentences share its title and vocabulary, and would otherwise crowd the prose out of the list."""
    out: list[str] = []
    taken: dict[tuple[str, object], int] = {}
    for i in ranked:
        c = by_id.get(i)
        if c is None:  # in the vector index but no longer in the store: the store is the truth
            continue
        if c.kind == "table":
            key = (c.report_id, c.meta.get("table"))
            taken[key] = taken.get(key, 0) + 1
            if taken[key] > PER_TABLE:
                continue
        out.append(i)
        if len(out) == n:
            break
    return out


def retrieve(
    query: str,
    k: int = 5,
    filters: Filters | None = None,
    *,
    store: Any,
    index: Any | None = None,
    pool: int | None = None,
) -> list[tuple[Chunk, float]]:
    """The k best chunks for a question, with their fused score (higher is better).

    `store` is the fact store (source of the chunks and of the BM25 index); `index` is the
    `TextIndexer` for the dense half — without one, retrieval is BM25 only.
    """
    allowed = scope_ids(store, filters)
    if allowed is not None and not allowed:
        return []
    pool = pool or POOL
    wide = pool * 4
    dense_hits = [i for i, _ in index.query(query, wide, allowed)] if index else []
    lexical = _lexical(store, allowed, dense_hits, index is not None)
    by_id = dict(lexical.by_id)
    if isinstance(lexical, ScopedLexical):  # dense hits outside the reports searched by words
        by_id.update({c.id: c for c in store.chunks_by_id(i for i in dense_hits if i not in by_id)})
    names = _scope_words(store, allowed)
    bm25_hits = lexical.search(query, wide, allowed, names)
    by_id.update({c.id: c for c, _ in bm25_hits})
    bm25 = _diverse([c.id for c, _ in bm25_hits], by_id, pool)
    dense = _diverse(dense_hits, by_id, pool)
    fused = fuse([dense, bm25], WEIGHTS, RRF_K)
    best = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
    return [(by_id[i], score) for i, score in best]


def _lexical(store: Any, allowed: set[str] | None, dense_hits: Sequence[str],
             dense: bool) -> ScopedLexical | StreamedLexical:
    """The BM25 side for this scope: the reports in scope when there are at most SCOPED_MAX;
    beyond, the reports of the dense index's nearest chunks (the first SCOPED_MAX of them), or,
    without a dense index, every report in scope, batch by batch."""
    if allowed is not None and len(allowed) <= SCOPED_MAX:
        return _SCOPED.get(store, allowed)
    ids = sorted(allowed) if allowed is not None else store.report_ids()
    if len(ids) <= SCOPED_MAX:
        return _SCOPED.get(store, set(ids))
    if not dense:
        return StreamedLexical(store, ids)
    near = list(dict.fromkeys(c.report_id for c in store.chunks_by_id(dense_hits)))[:SCOPED_MAX]
    return ScopedLexical(store, set(near))


def retriever_for(index: Any, store: Any) -> Callable[[str, int, Sequence[str]], list[tuple[Chunk, float]]]:
    """The `(query, k, report_ids)` callable the QA pipeline takes."""

    def run(query: str, k: int, report_ids: Sequence[str] = ()) -> list[tuple[Chunk, float]]:
        return retrieve(query, k, Filters(reports=tuple(report_ids)), store=store, index=index)

    return run


def to_document(chunk: Chunk, score: float) -> Document:
    """A chunk as a LangChain Document: its text, with the chunk's metadata and the fused score."""
    meta: dict[str, Any] = {**chunk.meta, "id": chunk.id, "report_id": chunk.report_id, "section": chunk.section,
                            "kind": chunk.kind, "page": chunk.page, "score": score}
    return Document(page_content=chunk.text, metadata=meta, id=chunk.id)


class HybridRetriever(BaseRetriever):
    """`retrieve` as a LangChain retriever, for chains and agents that take a `BaseRetriever`."""

    store: Any
    index: Any = None
    k: int = 5
    filters: Filters | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = retrieve(query, self.k, self.filters, store=self.store, index=self.index)
        return [to_document(c, s) for c, s in hits]
