"""One contract for every fact store: the same tests against SQLite and a real PostgreSQL server.

The PostgreSQL server is started by the session fixture `pg_server` (tests/conftest.py) on loopback
in a temporary directory; each test gets a fresh database on it.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from index.chunking import chunk_report
from index.errors import UnknownReportError
from index.load import load_document
from index.models import ParsedReport
from index.parse import Overrides, parse_document
from index.store import SQLiteStore, SQLStore, open_store

REPORTS = ("00_houjie_zhen_2023.txt", "06_pingtan_zone_2021.txt")


@pytest.fixture(scope="module")
def parsed(samples_dir: Path) -> dict[str, tuple[ParsedReport, str]]:
    out = {}
    for name in REPORTS:
        doc = load_document(samples_dir / name)
        p = parse_document(doc, Path(name).stem, Overrides())
        out[p.report.id] = (replace(p, chunks=tuple(chunk_report(p, doc.text))), doc.text)
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SQLStore:
    if request.param == "sqlite":
        s = open_store(tmp_path, "")
    else:
        s = open_store(tmp_path, request.getfixturevalue("pg_url"))
    yield s
    s.close()


def test_a_report_reads_back_as_it_was_written(store: SQLStore, parsed) -> None:
    (p, text), _ = parsed.values()
    rid = p.report.id
    store.put(p, text, parser="v1")
    assert store.report(rid) == p.report and store.reports() == [p.report]
    assert store.text(rid) == text and store.warnings(rid) == list(p.warnings)
    assert store.facts(rid) == list(p.facts) and store.checks(rid) == list(p.checks)
    assert store.tables(rid) == list(p.tables) and store.chunks(rid) == list(p.chunks)
    assert store.facts(rid, "t3") == [f for f in p.facts if f.table == "t3"]
    assert store.has(rid, p.report.sha256, "v1") and not store.has(rid, p.report.sha256, "v2")
    assert store.exists(rid) and not store.exists("nope")
    assert store.chunk_ids() == {c.id for c in p.chunks}
    ids = [c.id for c in p.chunks][::-1][:5]
    assert [c.id for c in store.chunks_by_id([*ids, "missing"])] == ids
    assert store.chunk_tokens() == {}  # BM25 tokens come with embedding, off the facts path
    store.mark_embedded([c.id for c in p.chunks])
    assert set(store.chunk_tokens()) == store.chunk_ids() and all(store.chunk_tokens().values())
    with pytest.raises(UnknownReportError, match="No report with id 'nope'.*00_houjie_zhen_2023"):
        store.report("nope")


def test_reports_are_listed_in_the_same_order(store: SQLStore, parsed) -> None:
    for p, text in parsed.values():
        store.put(p, text)
        nameless = replace(p, report=replace(p.report, id=p.report.id + "_x", agency=None, year=None), chunks=())
        store.put(nameless, text)
    assert store.agencies_containing("人民政府") == ["厚街镇人民政府"]
    assert store.agencies_containing("人民政府", exclude="00_houjie_zhen_2023") == []
    assert store.agencies_containing("_") == store.agencies_containing("%") == []
    listed = [r.id for r in store.reports()]
    assert listed[:2] == sorted(listed[:2]) and listed == sorted(listed, key=lambda i: (not i.endswith("_x"), i))


def test_revision_moves_with_every_write_and_replace_leaves_one_copy(store: SQLStore, parsed) -> None:
    (p, text), (q, qtext) = parsed.values()
    start = store.revision()
    store.put(p, text)
    store.put(q, qtext)
    after = store.revision()
    assert after > start
    store.put(p, text)  # a replacement: the old rows go, nothing is doubled
    assert store.revision() > after
    assert len(store.facts(p.report.id)) == len(p.facts) and len(store.chunks()) == len(p.chunks) + len(q.chunks)
    store.delete(p.report.id)
    assert store.reports() == [q.report] and store.facts(p.report.id) == [] and store.chunks(p.report.id) == []
    assert store.facts() == list(q.facts)


def test_the_embedding_queue(store: SQLStore, parsed) -> None:
    (p, text), _ = parsed.values()
    rid, n = p.report.id, len(p.chunks)
    store.put(p, text)
    assert store.queue_size() == store.queue_size(rid) == n and store.progress() == {rid: (n, 0)}
    with pytest.raises(RuntimeError), store.claim(10) as batch:
        assert len(batch) == 10
        raise RuntimeError("embedding failed")
    assert store.queue_size() == n  # a failed batch stays queued
    with store.claim(10, rid) as batch:
        first = [c.id for c in batch]
    assert first == [c.id for c in p.chunks[:10]] and store.progress() == {rid: (n - 10, 10)}
    store.requeue(first[:3])
    assert store.queue_size() == n - 7
    store.mark_embedded([c.id for c in p.chunks])
    assert store.queue_size() == 0
    # a replacement keeps what is already embedded and queues only chunks with new text
    edited = replace(p, chunks=(*p.chunks[:-1], replace(p.chunks[-1], id="new-chunk")))
    store.put(edited, text)
    assert store.progress() == {rid: (1, n - 1)}


def test_replaced_and_deleted_reports_are_noted_for_the_index(store: SQLStore, parsed) -> None:
    (p, text), (q, qtext) = parsed.values()
    store.put(p, text)
    store.put(q, qtext)
    assert store.dirty() == [(p.report.id, 1), (q.report.id, 1)]  # each write notes its report
    store.clear_dirty(p.report.id, 1)
    store.put(q, qtext)
    store.clear_dirty(q.report.id, 1)  # written again since: the note stays, with its new generation
    store.delete(p.report.id)
    assert store.dirty() == [(p.report.id, 1), (q.report.id, 2)]
    assert store.chunk_states(q.report.id) == {c.id: False for c in q.chunks}


def test_an_older_schema_gains_the_new_columns(tmp_path: Path, request: pytest.FixtureRequest, parsed) -> None:
    (p, text), _ = parsed.values()
    old_chunks = "CREATE TABLE chunks (id TEXT PRIMARY KEY, report_id TEXT, text TEXT, section TEXT, kind TEXT, " \
                 "page INTEGER, meta TEXT)"
    import sqlite3

    db = sqlite3.connect(tmp_path / "old.sqlite3")
    db.execute(old_chunks)
    db.execute("INSERT INTO chunks VALUES ('c1', 'r', 'x', '', 'text', 1, '{}')")
    db.commit()
    db.close()
    old = SQLiteStore(tmp_path / "old.sqlite3")
    assert old.chunk_states("r") == {"c1": True}  # indexed by the build that stored it
    old.put(p, text)
    assert old.report(p.report.id) == p.report

    import psycopg

    url = request.getfixturevalue("pg_url")
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute(old_chunks)
        pg.execute("INSERT INTO chunks VALUES ('c1', 'r', 'x', '', 'text', 1, '{}')")
    store = open_store(tmp_path, url)
    assert store.chunk_states("r") == {"c1": True} and store.chunks("r")[0].text == "x"
    store.put(p, text)
    assert store.chunks(p.report.id) == list(p.chunks)
    store.close()


def test_postgres_workers_never_claim_the_same_chunk(pg_url: str, tmp_path: Path, parsed) -> None:
    """Two connections claiming at once get disjoint batches (FOR UPDATE SKIP LOCKED)."""
    (p, text), _ = parsed.values()
    a, b = open_store(tmp_path, pg_url), open_store(tmp_path, pg_url)
    a.put(p, text)
    inside, release = threading.Event(), threading.Event()
    got: dict[str, list[str]] = {}

    def first() -> None:
        with a.claim(20) as batch:
            got["a"] = [c.id for c in batch]
            inside.set()
            release.wait(10)

    t = threading.Thread(target=first)
    t.start()
    assert inside.wait(10)
    with b.claim(20) as batch:
        got["b"] = [c.id for c in batch]
    release.set()
    t.join()
    assert len(got["a"]) == len(got["b"]) == 20 and not set(got["a"]) & set(got["b"])
    assert b.queue_size() == len(p.chunks) - 40
    a.close()
    b.close()


def test_bm25_statistics_follow_every_write(store: SQLStore, parsed) -> None:
    from collections import Counter

    (p, text), (q, qtext) = parsed.values()
    store.put(p, text)
    store.put(q, qtext)
    assert store.term_stats(["申请"]) == (0, 0, {})  # nothing counted before the passages are indexed
    with store.claim(1000) as batch:
        assert len(batch) == len(p.chunks) + len(q.chunks)
    store.put(p, text)  # unchanged passages keep their tokens and counts
    store.delete(q.report.id)
    stored = [toks for _, toks in store.chunks_with_tokens([p.report.id, q.report.id])]
    assert [c.id for c, _ in store.chunks_with_tokens([p.report.id])] == [c.id for c in p.chunks]
    want = Counter(t for toks in stored for t in set(toks))
    docs, total, df = store.term_stats(want)
    assert (docs, total) == (len(stored), sum(map(len, stored))) and df == dict(want)
    assert store.term_stats(["不在任何报告里的词"])[2] == {}


def test_the_corpus_vocabulary_follows_every_write(store: SQLStore, parsed) -> None:
    """`grams` holds the text bigrams of the reports stored now: added, replaced, deleted."""
    from index.lexical import text_bigrams

    (p, text), (q, qtext) = parsed.values()
    only_p = sorted(text_bigrams(text) - text_bigrams(qtext))[:50]
    only_q = sorted(text_bigrams(qtext) - text_bigrams(text))[:50]
    both = sorted(text_bigrams(text) & text_bigrams(qtext))[:50]
    assert only_p and only_q and both and store.grams_held(only_p + both) == set()
    store.put(p, text)
    store.put(q, qtext)
    assert store.grams_held(only_p + only_q + both + ["不在"]) == set(only_p + only_q + both)
    store.put(replace(q, report=replace(q.report, sha256="changed")), text)  # q's file now holds p's text
    assert store.grams_held(only_p + only_q + both) == set(only_p + both)
    store.delete(q.report.id)
    assert store.grams_held(only_p + both) == set(only_p + both)
    store.delete(p.report.id)
    assert store.grams_held(only_p + only_q + both) == set() and store.report_ids() == []


def test_a_store_from_before_the_vocabulary_counts_it_on_open(tmp_path: Path, parsed) -> None:
    from index.lexical import text_bigrams

    (p, text), _ = parsed.values()
    old = SQLiteStore(tmp_path / "facts.sqlite3")
    old.put(p, text)
    with old.transaction() as db:  # as a store written before the vocabulary was kept
        db.execute("DELETE FROM grams")
    old.close()
    reopened = SQLiteStore(tmp_path / "facts.sqlite3")
    grams = sorted(text_bigrams(text))
    assert reopened.grams_held(grams) == set(grams) and reopened.report_ids() == [p.report.id]


def test_a_worker_takes_the_oldest_queued_chunks_from_an_index(store: SQLStore, parsed) -> None:
    """A batch is read off the queue's own index, not by sorting every queued chunk (which at
    400,000 queued chunks cost more than embedding the batch)."""
    (p, text), _ = parsed.values()
    store.put(p, text)
    sql, args = store._queued_sql(None, 64)
    if isinstance(store, SQLiteStore):
        plan = " ".join(str(r) for r in store._q("EXPLAIN QUERY PLAN " + sql, args))
    else:
        db = store._conn()
        # a table this small would be scanned whole; ask what the plan is once scanning costs
        db.execute("SET enable_seqscan = off")
        db.execute("SET enable_bitmapscan = off")
        plan = " ".join(r[0] for r in db.execute("EXPLAIN " + store._sql(sql), args).fetchall())
        db.execute("RESET ALL")
    assert "chunks_queue_order" in plan and "Sort" not in plan and "TEMP B-TREE" not in plan, plan
    with store.claim(5) as batch:
        assert [c.id for c in batch] == [c.id for c in p.chunks[:5]]
    if isinstance(store, SQLiteStore):  # one report's queue (counted at every ingest) through its own index
        for sql, args in (store._queued_sql(p.report.id, 64),
                          (f"SELECT COUNT(*) FROM {store.QUEUE_OF_REPORT} WHERE embedded=0 AND report_id=?",
                           (p.report.id,))):
            plan = " ".join(str(r) for r in store._q("EXPLAIN QUERY PLAN " + sql, args))
            assert "chunks_queued" in plan and "chunks_queue_order" not in plan, plan
    assert store.queue_size(p.report.id) == len(p.chunks) - 5


def test_the_agency_names_asked_at_every_ingest_come_from_an_index(tmp_path: Path) -> None:
    """Not from a scan of the reports' rows, which hold their whole texts."""
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    sql = "SELECT DISTINCT agency FROM reports WHERE agency LIKE ? ESCAPE '\\' AND id != ?"
    plan = " ".join(str(r) for r in store._q("EXPLAIN QUERY PLAN " + sql, ("%镇%", "x")))
    assert "COVERING INDEX reports_by_agency" in plan, plan


def test_a_thread_s_connection_closes_when_the_thread_ends(store: SQLStore, parsed) -> None:
    """A server's worker threads come and go; their connections must not pile up."""
    import gc

    (p, text), _ = parsed.values()
    store.put(p, text)
    seen = []
    for _ in range(8):
        t = threading.Thread(target=lambda: seen.append(len(store.reports())))
        t.start()
        t.join()
    gc.collect()
    assert seen == [1] * 8 and store.open_connections() == 1  # this thread's own
