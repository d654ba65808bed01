"""Hybrid retrieval: tokens, fusion, filters, the cached BM25 index, the LangChain retriever, the CLI,
and (slow) recall on the paraphrased question set with the real e5 model and Chroma."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from langchain_core.documents import Document

from eval.bench_retrieval import evidence_rank, load_questions
from index.embed import FakeEmbedder
from index.ingest import ingest_file, ingest_paths
from index.settings import Settings
from index.store import SQLiteStore
from index.text_index import TextIndexer
from qa.retrieve import HybridRetriever, fuse, retrieve, retriever_for, scope_ids, tokens
from qa.scope import Filters
from ui.cli import cli

SEED = "00_houjie_zhen_2023"
PINGTAN = "06_pingtan_zone_2021"


@pytest.fixture(scope="module")
def indexed(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[SQLiteStore, TextIndexer]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("retrieve"))
    store = SQLiteStore(settings.db_path)
    index = TextIndexer.open(settings, store, embedder=FakeEmbedder())
    ingest_paths([samples_dir / f"{SEED}.txt", samples_dir / f"{PINGTAN}.txt"], store, indexer=index)
    return store, index


def test_tokens_keep_template_terms_whole_and_add_bigrams() -> None:
    got = tokens("律师事务所代表法律服务机构申请")
    assert "法律服务机构" in got and "律所" not in got
    assert {"服务", "机构", "申请"} <= set(got) and "请" in got
    assert "多少" not in tokens("一共多少件")


def test_reciprocal_rank_fusion() -> None:
    scores = fuse([["a", "b"], ["b", "c"]], k=60)
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert max(scores, key=scores.get) == "b"
    assert fuse([["a"], ["b"]], weights=[2.0, 1.0], k=0) == {"a": 2.0, "b": 1.0}


def test_filters_resolve_to_reports(indexed) -> None:
    store, _ = indexed
    assert scope_ids(store, None) is None
    assert scope_ids(store, Filters(agency="厚街镇")) == {SEED}
    assert scope_ids(store, Filters(year=2021)) == {PINGTAN}
    assert scope_ids(store, Filters(reports=(SEED,), year=2021)) == set()


def test_retrieve_finds_the_passage_and_respects_filters(indexed) -> None:
    store, index = indexed
    hits = retrieve("12345热线工单处理了多少", 3, Filters(reports=(SEED,)), store=store, index=index)
    assert "共处理工单31800份" in hits[0][0].text
    assert all(c.report_id == SEED for c, _ in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert all(c.report_id == PINGTAN for c, _ in retrieve("申请", 5, Filters(year=2021), store=store, index=index))
    assert retrieve("申请", 5, Filters(agency="不存在的机关"), store=store, index=index) == []
    bm25_only = retrieve("三审三校", 2, Filters(agency="厚街"), store=store, index=None)
    assert "三审三校" in bm25_only[0][0].text


def test_one_table_does_not_crowd_out_the_prose(indexed) -> None:
    store, index = indexed
    hits = retrieve("收到的政府信息公开申请数量", 8, Filters(reports=(SEED,)), store=store, index=index)
    tables = [c.meta.get("table") for c, _ in hits if c.kind == "table"]
    assert len(tables) == len(set(tables)) and any(c.kind == "text" for c, _ in hits)


def test_bm25_index_follows_the_store(samples_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    store = SQLiteStore(settings.db_path)
    index = TextIndexer.open(settings, store, embedder=FakeEmbedder())
    ingest_file(samples_dir / f"{SEED}.txt", store, indexer=index)
    assert retrieve("君山片区", 3, Filters(reports=("08_pingtan_junshan_2022",)), store=store, index=index) == []
    ingest_file(samples_dir / "08_pingtan_junshan_2022.txt", store, indexer=index)
    hits = retrieve("君山片区微信公众号", 3, Filters(reports=("08_pingtan_junshan_2022",)), store=store, index=index)
    assert hits and all(c.report_id == "08_pingtan_junshan_2022" for c, _ in hits)


def test_langchain_retriever_and_qa_callable(indexed) -> None:
    store, index = indexed
    retriever = HybridRetriever(store=store, index=index, k=2, filters=Filters(reports=(SEED,)))
    docs = retriever.invoke("厚街发布公众号关注人数")
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)
    top = docs[0]
    assert "43.5万人" in top.page_content
    assert top.metadata["report_id"] == SEED and top.metadata["agency"] == "厚街镇人民政府"
    assert top.metadata["section"].startswith("一、总体情况") and top.metadata["score"] > 0
    assert top.id == top.metadata["id"]
    run = retriever_for(index, store)
    assert [c.id for c, _ in run("厚街发布公众号关注人数", 2, [SEED])] == [d.id for d in docs]


def test_search_command(samples_dir: Path, tmp_path: Path) -> None:
    env = {"REPORTQA_DATA_DIR": str(tmp_path), "REPORTQA_EMBEDDER": "fake"}
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(samples_dir / f"{SEED}.txt")], env=env).exit_code == 0
    res = runner.invoke(cli, ["search", "热线工单", "--report", SEED, "--k", "2"], env=env)
    assert res.exit_code == 0, res.output
    assert res.output.startswith("1. [") and SEED in res.output and "31800份" in res.output
    res = runner.invoke(cli, ["search", "热线工单", "--agency", "厚街", "--k", "1", "--json"], env=env)
    [row] = [json.loads(line) for line in res.output.splitlines()]
    assert row["rank"] == 1 and row["report"] == SEED and "section" in row and "31800份" in row["text"]
    res = runner.invoke(cli, ["search", "热线工单", "--year", "1999"], env=env)
    assert res.exit_code == 1 and "no passages found" in res.output
    mismatch = runner.invoke(cli, ["search", "热线"], env={**env, "REPORTQA_EMBEDDER": "fake:32"})
    assert mismatch.exit_code == 2 and "--reindex" in mismatch.output
    res = runner.invoke(cli, ["search", "--reindex"], env={**env, "REPORTQA_EMBEDDER": "fake:32"})
    assert res.exit_code == 0 and "reindexed" in res.output


# ---- end to end: the real e5 model, real Chroma, the bundled reports ----------------------------


@pytest.fixture(scope="session")
def e5_indexed(e5_samples_data_dir: Path) -> tuple[SQLiteStore, TextIndexer]:
    """Every bundled report, ingested once per session with e5 (the session's shared index); the
    questions below filter to the report each asks about."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from index.embed import E5Embedder

    settings = Settings(data_dir=e5_samples_data_dir)
    store = SQLiteStore(settings.db_path)
    index = TextIndexer.open(settings, store, embedder=E5Embedder())
    reports = {q.report for q in load_questions()}
    assert reports <= {r.id for r in store.reports()}
    return store, index


@pytest.mark.slow
def test_paraphrased_questions_find_their_passage_in_the_top_5(e5_indexed) -> None:
    store, index = e5_indexed
    questions = load_questions()
    misses = []
    for q in questions:
        hits = retrieve(q.question, 5, Filters(reports=(q.report,)), store=store, index=index)
        rank = evidence_rank(q.evidence, [c.text for c, _ in hits])
        if rank is None:
            misses.append(f"{q.id} {q.question} → 「{q.evidence}」 not in: " + " | ".join(c.text[:40] for c, _ in hits))
    recall = 1 - len(misses) / len(questions)
    assert recall >= 0.95, f"recall@5 {recall:.3f}; misses:\n" + "\n".join(misses)


def test_chunks_keep_their_tokens_so_a_rebuild_need_not_tokenise_again(indexed) -> None:
    from index.chunking import passage_text

    store, _ = indexed
    stored = store.chunk_tokens()
    chunks = store.chunks()
    assert chunks and set(stored) == {c.id for c in chunks}
    for c in chunks[:50]:
        assert stored[c.id] == tokens(passage_text(c, report=False))


def test_a_store_without_stored_tokens_still_retrieves(samples_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    store = SQLiteStore(settings.db_path)
    index = TextIndexer.open(settings, store, embedder=FakeEmbedder())
    ingest_file(samples_dir / f"{SEED}.txt", store, indexer=index)
    with store.transaction() as db:  # as a store written by an older build
        db.execute("UPDATE chunks SET tokens = NULL")
    assert store.chunk_tokens() == {}
    hits = retrieve("厚街发布微信公众号", 3, Filters(reports=(SEED,)), store=store, index=index)
    assert hits and "厚街发布" in hits[0][0].text


def test_a_scope_is_read_once_and_again_only_when_its_reports_change(samples_dir: Path, tmp_path: Path) -> None:
    from qa.retrieve import _SCOPED

    settings = Settings(data_dir=tmp_path)
    store = SQLiteStore(settings.db_path)
    index = TextIndexer.open(settings, store, embedder=FakeEmbedder())
    report = tmp_path / "r.txt"
    text = (samples_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    ingest_file(report, store, indexer=index)
    first = _SCOPED.get(store, {"r"})
    assert _SCOPED.get(store, {"r"}) is first
    ingest_file(samples_dir / f"{PINGTAN}.txt", store, indexer=index)  # a write elsewhere keeps the scope
    assert _SCOPED.get(store, {"r"}) is first
    hits = retrieve("智慧政务云平台迁移", 3, Filters(reports=("r",)), store=store, index=index)
    assert not any("智慧政务云平台迁移" in c.text for c, _ in hits)
    report.write_text(text.replace("一、总体情况", "一、总体情况\n本年度完成智慧政务云平台迁移。", 1), encoding="utf-8")
    ingest_file(report, store, indexer=index)  # replaced: its chunks changed, so the scope is read again
    assert _SCOPED.get(store, {"r"}) is not first
    hits = retrieve("智慧政务云平台迁移", 3, Filters(reports=("r",)), store=store, index=index)
    assert hits and "智慧政务云平台迁移" in hits[0][0].text


# ---- search across more reports than one batch: scored from the store, never all chunks in memory --


def _exact_bm25(store: SQLiteStore, query: str, n: int) -> list[tuple[str, float]]:
    from qa.retrieve import ScopedLexical

    every = ScopedLexical(store, set(store.report_ids()))
    return [(c.id, round(s, 9)) for c, s in every.search(query, n)]


def test_search_over_many_reports_reads_them_in_batches(indexed, monkeypatch: pytest.MonkeyPatch) -> None:
    import qa.retrieve as retrieve_module
    from qa.retrieve import StreamedLexical

    store, index = indexed
    monkeypatch.setattr(retrieve_module, "SCOPED_MAX", 1)  # two reports: more than one batch
    read: list[int] = []
    real = store.chunks_with_tokens
    monkeypatch.setattr(store, "chunks_with_tokens", lambda ids: read.append(len(set(ids))) or real(ids))
    query = "主动公开政府信息 微信公众号"
    streamed = StreamedLexical(store, store.report_ids()).search(query, 10)
    assert read == [1, 1]  # one report at a time, never the whole corpus at once
    read.clear()
    assert [(c.id, round(s, 9)) for c, s in streamed] == _exact_bm25(store, query, 10)
    # without a dense index the retriever takes that path; the hits are those of BM25 over everything
    exact = [i for i, _ in _exact_bm25(store, query, 120)]
    read.clear()
    hits = retrieve(query, 3, None, store=store, index=None)
    assert read == [1, 1]
    assert [c.id for c, _ in hits] == retrieve_module._diverse(exact, {c.id: c for c in store.chunks()}, 3)


def test_search_over_many_reports_with_the_dense_index(indexed, monkeypatch: pytest.MonkeyPatch) -> None:
    import qa.retrieve as retrieve_module

    store, index = indexed
    monkeypatch.setattr(retrieve_module, "SCOPED_MAX", 1)
    monkeypatch.setattr(retrieve_module, "_SCOPED", retrieve_module._ScopedCache())  # nothing read before
    read: list[set[str]] = []
    real = store.chunks_with_tokens
    monkeypatch.setattr(store, "chunks_with_tokens", lambda ids: read.append(set(ids)) or real(ids))
    hits = retrieve("12345热线工单处理了多少", 3, None, store=store, index=index)
    assert "共处理工单31800份" in hits[0][0].text
    # BM25 read only the report of the dense index's nearest chunks
    assert read == [{SEED}]
    docs = HybridRetriever(store=store, index=index, k=3).invoke("12345热线工单处理了多少")
    assert [d.id for d in docs] == [c.id for c, _ in hits]


def test_cross_report_search_command(samples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qa.retrieve as retrieve_module

    monkeypatch.setattr(retrieve_module, "SCOPED_MAX", 1)
    env = {"REPORTQA_DATA_DIR": str(tmp_path), "REPORTQA_EMBEDDER": "fake"}
    runner = CliRunner()
    files = [str(samples_dir / f"{SEED}.txt"), str(samples_dir / f"{PINGTAN}.txt")]
    assert runner.invoke(cli, ["ingest", *files], env=env).exit_code == 0
    res = runner.invoke(cli, ["search", "热线工单", "--k", "2", "--json"], env=env)
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows[0]["report"] == SEED and "31800份" in rows[0]["text"]
