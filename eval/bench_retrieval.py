"""Retrieval benchmark: our hybrid retriever against the plain LangChain pipeline a user would build.

    python -m eval.bench_retrieval [--all] [--k 5] [--questions eval/retrieval_qa.jsonl]

Both sides index the same sample reports with the same embedder (the bundled e5) in one run and
answer the same paraphrased questions, each filtered to its report. A question counts as found
at rank r when the r-th passage contains its `evidence` (compared without whitespace, NFKC), so
recall@k is "the passage that answers it is in the top k". Index build speed is wall time from
files to a queryable index (ours includes parsing the tables); chunk sizes differ, so chars/s is
printed beside chunks/s. Questions r01–r66 were written first and used while tuning chunking and
fusion; h01–h15 were written after the first round of tuning, on three reports not looked at
until then, and every later change was checked on both sets (recall is printed per set too).

The baseline is the tutorial pipeline: `RecursiveCharacterTextSplitter(chunk_size=500,
chunk_overlap=50)` with Chinese separators over each document's text, embedded into a
langchain-chroma `Chroma`, `similarity_search(k, filter=report)`. Ours is `reportqa ingest`
(section/table-aware chunks, e5 + Chroma) and `qa.retrieve.retrieve` (BM25 + dense, RRF).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = Path(__file__).with_name("retrieval_qa.jsonl")
SAMPLES = ROOT / "samples"


@dataclass(frozen=True)
class Question:
    id: str
    report: str
    question: str
    evidence: str


@dataclass(frozen=True)
class Outcome:
    question: Question
    rank: int | None  # 1-based rank of the first passage holding the evidence, None if absent
    seconds: float


@dataclass(frozen=True)
class Build:
    seconds: float
    chunks: int
    chars: int  # characters embedded


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Question(r["id"], r["report"], r["question"], r["evidence"]) for r in rows]


def squash(text: str) -> str:
    """NFKC without whitespace: PDF and crawl text break lines and put spaces inside sentences."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def evidence_rank(evidence: str, passages: Sequence[str]) -> int | None:
    ev = squash(evidence)
    return next((i for i, p in enumerate(passages, start=1) if ev in squash(p)), None)


def sample_files(reports: set[str] | None) -> list[Path]:
    """Sample report files, optionally only those whose stem is in `reports`."""
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".pdf", ".docx"})
    return [p for p in files if reports is None or p.stem in reports]


def evaluate(questions: Sequence[Question], search: Callable[[Question], list[str]]) -> list[Outcome]:
    out = []
    for q in questions:
        t = time.perf_counter()
        passages = search(q)
        out.append(Outcome(q, evidence_rank(q.evidence, passages), time.perf_counter() - t))
    return out


def recall(outcomes: Sequence[Outcome], k: int) -> float:
    return sum(o.rank is not None and o.rank <= k for o in outcomes) / max(1, len(outcomes))


def percentile(values: Sequence[float], p: float) -> float:
    xs = sorted(values)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))] if xs else 0.0


# ---- ours -----------------------------------------------------------------------------------


def build_ours(files: Sequence[Path], data_dir: Path, embedder) -> tuple[object, object, Build]:
    """Ingest (load, parse, chunk, embed, store) with the text index; returns (store, indexer, build)."""
    from index.chunking import passage_text
    from index.ingest import ingest_paths
    from index.settings import Settings
    from index.store import open_store
    from index.text_index import TextIndexer

    settings = Settings(data_dir=data_dir)
    store = open_store(data_dir)
    indexer = TextIndexer.open(settings, store, embedder=embedder)
    t = time.perf_counter()
    results = ingest_paths(list(files), store, indexer=indexer)
    seconds = time.perf_counter() - t
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise SystemExit("ingest failed: " + "; ".join(f"{r.path}: {r.error}" for r in failed))
    return store, indexer, Build(seconds, indexer.count(), sum(len(passage_text(c)) for c in store.chunks()))


def ours_search(store, indexer, k: int) -> Callable[[Question], list[str]]:
    from qa.retrieve import retrieve
    from qa.scope import Filters

    def search(q: Question) -> list[str]:
        return [c.text for c, _ in retrieve(q.question, k, Filters(reports=(q.report,)), store=store, index=indexer)]

    return search


# ---- the LangChain baseline -----------------------------------------------------------------


def build_baseline(files: Sequence[Path], data_dir: Path, embedder) -> tuple[object, Build]:
    """Split each document's text, embed with the same model, store in a langchain-chroma `Chroma`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from index.load import load_document

    class SameEmbedder(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_passages(texts)

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed_query(text)

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=500, chunk_overlap=50, separators=["\n\n", "\n", "。", "；", "，", ""]
    )
    client = chromadb.PersistentClient(
        path=str(data_dir / "baseline"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    vs = Chroma(collection_name="baseline", embedding_function=SameEmbedder(), client=client,
                collection_metadata={"hnsw:space": "cosine"})
    t = time.perf_counter()
    n = chars = 0
    for path in files:
        texts = splitter.split_text(load_document(path).text)
        vs.add_texts(texts, metadatas=[{"report_id": path.stem}] * len(texts))
        n, chars = n + len(texts), chars + sum(map(len, texts))
    return vs, Build(time.perf_counter() - t, n, chars)


def baseline_search(vs, k: int) -> Callable[[Question], list[str]]:
    def search(q: Question) -> list[str]:
        return [d.page_content for d in vs.similarity_search(q.question, k=k, filter={"report_id": q.report})]

    return search


# ---- report ---------------------------------------------------------------------------------


def row(name: str, outcomes: Sequence[Outcome], build: Build) -> str:
    ms = [o.seconds * 1000 for o in outcomes]
    return (f"| {name} | {recall(outcomes, 1):.3f} | {recall(outcomes, 5):.3f} | {statistics.median(ms):.1f} | "
            f"{percentile(ms, 95):.1f} | {build.chunks} | {build.seconds:.1f} | {build.chunks / build.seconds:.1f} | "
            f"{build.chars / build.seconds:.0f} |")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--questions", type=Path, default=QUESTIONS)
    ap.add_argument("--all", action="store_true", help="index every sample, not only the reports asked about")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--misses", action="store_true", help="list the questions each side missed")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

    from index.embed import E5Embedder

    questions = load_questions(args.questions)
    files = sample_files(None if args.all else {q.report for q in questions})
    embedder = E5Embedder()
    with tempfile.TemporaryDirectory(prefix="reportqa-bench-") as tmp:
        print(f"indexing {len(files)} reports, {len(questions)} questions …", file=sys.stderr)
        store, indexer, ours_build = build_ours(files, Path(tmp) / "ours", embedder)
        vs, base_build = build_baseline(files, Path(tmp), embedder)
        search = ours_search(store, indexer, args.k)
        search(questions[0])  # warm up: jieba's dictionary and the BM25 index load on first use
        ours = evaluate(questions, search)
        base = evaluate(questions, baseline_search(vs, args.k))
    print("| retriever | recall@1 | recall@5 | p50 ms | p95 ms | chunks | build s | chunks/s | chars/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(row("hybrid (ours)", ours, ours_build))
    print(row("LangChain baseline", base, base_build))
    for prefix, label in (("r", "tuning set (r*)"), ("h", "later set (h*)")):
        parts = []
        for name, outcomes in (("ours", ours), ("baseline", base)):
            sub = [o for o in outcomes if o.question.id.startswith(prefix)]
            if sub:
                parts.append(f"{name} {recall(sub, 1):.3f}/{recall(sub, 5):.3f}")
        if parts:
            print(f"{label}, recall@1/@5: " + "; ".join(parts))
    if args.misses:
        for name, outcomes in (("ours", ours), ("baseline", base)):
            for o in outcomes:
                if o.rank is None or o.rank > 1:
                    print(f"{name}: {o.question.id} rank={o.rank} {o.question.question}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
