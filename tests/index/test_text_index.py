"""The Chroma text index with the fake embedder: embed only what is new, remove, mismatch, sync."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.embed import FakeEmbedder
from index.errors import IndexMismatchError, ReportQAError
from index.ingest import ingest_file, ingest_paths
from index.settings import Settings
from index.store import SQLiteStore
from index.text_index import COLLECTION, TextIndexer, chroma_client

SEED = "00_houjie_zhen_2023.txt"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def store(settings: Settings) -> SQLiteStore:
    return SQLiteStore(settings.db_path)


def test_ingest_embeds_each_chunk_once(samples_dir: Path, settings: Settings, store: SQLiteStore,
                                       tmp_path: Path) -> None:
    fake = FakeEmbedder()
    index = TextIndexer.open(settings, store, embedder=fake)
    ingest_file(samples_dir / SEED, store, indexer=index)
    stored = store.chunks("00_houjie_zhen_2023")
    assert index.count() == len(stored) == fake.embedded > 40
    assert index.collection.name == COLLECTION

    # the same text again (here under a new file name, so ingest does not short-cut): nothing embedded
    copy = tmp_path / "copy" / SEED
    copy.parent.mkdir()
    shutil.copy(samples_dir / SEED, copy)
    store.delete("00_houjie_zhen_2023")
    before = fake.embedded
    ingest_file(copy, store, indexer=index)
    assert fake.embedded == before and index.count() == len(stored)

    # one sentence changed: only the chunks holding it are embedded again, the stale ones go
    edited = copy.read_text(encoding="utf-8").replace("31800份", "31801份")
    copy.write_text(edited, encoding="utf-8")
    ingest_file(copy, store, indexer=index)
    assert fake.embedded - before == 1
    assert index.count() == len(store.chunks("00_houjie_zhen_2023"))
    docs = index.collection.get(include=["documents"])["documents"]
    assert any("31801份" in d for d in docs) and not any("31800份" in d for d in docs)


def test_metadata_query_and_remove(samples_dir: Path, settings: Settings, store: SQLiteStore) -> None:
    index = TextIndexer.open(settings, store, embedder=FakeEmbedder())
    ingest_paths([samples_dir / SEED, samples_dir / "06_pingtan_zone_2021.txt"], store, indexer=index)
    hits = index.query("平潭收到多少件申请", 5, ["06_pingtan_zone_2021"])
    assert len(hits) == 5
    got = index.collection.get(ids=[i for i, _ in hits], include=["metadatas"])["metadatas"]
    assert {m["report_id"] for m in got} == {"06_pingtan_zone_2021"}
    assert all(m["agency"] == "平潭综合实验区" and m["year"] == 2021 and m["kind"] in ("text", "table") for m in got)
    assert index.query("申请", 5, []) == []

    index.remove("06_pingtan_zone_2021")
    assert index.query("平潭", 5, ["06_pingtan_zone_2021"]) == []
    assert index.count() == len(store.chunks("00_houjie_zhen_2023"))


def test_failed_index_write_leaves_no_index_entry(samples_dir: Path, settings: Settings, store: SQLiteStore) -> None:
    class Broken(FakeEmbedder):
        def embed_passages(self, texts):
            raise RuntimeError("embedding backend down")

    index = TextIndexer.open(settings, store, embedder=Broken())
    r = ingest_file(samples_dir / SEED, store, indexer=index)
    assert any("embedding backend down" in w for w in r.warnings)
    assert index.count() == 0 and store.queue_size() == len(store.chunk_ids()) > 0


def test_another_embedder_is_refused_until_rebuilt(samples_dir: Path, settings: Settings,
                                                   store: SQLiteStore) -> None:
    index = TextIndexer.open(settings, store, embedder=FakeEmbedder(64))
    ingest_file(samples_dir / SEED, store, indexer=index)
    with pytest.raises(IndexMismatchError, match=r"built with embedder 'fake:64'.*reportqa search --reindex"):
        TextIndexer.open(settings, store, embedder=FakeEmbedder(32))

    other = FakeEmbedder(32)
    rebuilt = TextIndexer.open(settings, store, embedder=other, rebuild=True)
    assert rebuilt.count() == 0
    assert rebuilt.sync(store) == len(store.chunks()) == other.embedded
    assert rebuilt.sync(store) == 0  # already in step
    assert TextIndexer.open(settings, store, embedder=FakeEmbedder(32)).count() == len(store.chunks())


def test_sync_drops_chunks_the_store_no_longer_has(samples_dir: Path, settings: Settings,
                                                   store: SQLiteStore) -> None:
    index = TextIndexer.open(settings, store, embedder=FakeEmbedder())
    ingest_file(samples_dir / SEED, store, indexer=index)
    store.delete("00_houjie_zhen_2023")
    assert index.sync(store) == 0 and index.count() == 0


def test_a_malformed_chroma_url_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ReportQAError, match="REPORTQA_CHROMA_URL"):
        chroma_client(Settings(data_dir=tmp_path, chroma_url="localhost"))
