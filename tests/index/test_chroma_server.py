"""The text index on a real Chroma server (`chroma run`, started here on loopback): ingest, search,
delete on replace, a server restart between ingest and search, and a server that is down."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from eval.servers import ChromaServer  # noqa: E402
from index.embed_queue import work  # noqa: E402
from index.settings import Settings  # noqa: E402
from qa.scope import Filters  # noqa: E402
from qa.service import UNAVAILABLE, Service  # noqa: E402

SEED = "00_houjie_zhen_2023.txt"
FIGURE = "厚街镇2023年收到多少宗信息公开申请？"
PASSAGE = "厚街镇主动公开方面做了哪些工作？"


@pytest.fixture
def chroma(tmp_path: Path):
    with ChromaServer(tmp_path / "chroma") as server:
        yield server


def _settings(tmp_path: Path, url: str, database_url: str = "") -> Settings:
    return Settings.from_env(env={}, data_dir=tmp_path / "data", chroma_url=url, embedder="fake:384",
                             database_url=database_url)


def test_ingest_search_replace_and_restart(chroma: ChromaServer, samples_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "hj.txt"
    shutil.copy(samples_dir / SEED, copy)
    svc = Service(_settings(tmp_path, chroma.url))
    [r] = svc.ingest([copy])
    assert r.status == "added" and r.queued == 0
    ids = set(svc.indexer.ids("hj"))
    assert ids == svc.store.chunk_ids() and len(ids) > 40

    copy.write_text(copy.read_text(encoding="utf-8").replace("31800份", "31801份"), "utf-8")
    [r] = svc.ingest([copy])
    assert r.status == "replaced"
    now = set(svc.indexer.ids("hj"))
    assert now == svc.store.chunk_ids() and len(now - ids) == 1 and len(ids - now) == 1  # the stale one went

    chroma.restart()  # same port, same data: the open service reconnects
    hits = svc.indexer.query("31801份", 3, ["hj"])
    assert hits and hits[0][0] in now
    answer = svc.ask(PASSAGE, filters=Filters(reports=("hj",)))
    assert answer.status == "answered" and answer.citations
    svc.close()


def test_a_chroma_server_that_is_down(chroma: ChromaServer, samples_dir: Path, tmp_path: Path) -> None:
    url = chroma.url
    chroma.stop()
    svc = Service(_settings(tmp_path, url))  # starts although the index cannot be reached
    [r] = svc.ingest([samples_dir / SEED])
    assert r.status == "added" and r.queued > 40 and any("text index unavailable" in w for w in r.warnings)
    figure = svc.ask(FIGURE)
    assert figure.status == "answered" and figure.to_json()["result"]["value"] == "14"
    passage = svc.ask(PASSAGE)
    assert passage.status == UNAVAILABLE and "文本索引暂时不可用" in passage.text and passage.warnings

    from fastapi.testclient import TestClient

    from ui.app import create_app

    with TestClient(create_app(svc.settings, svc)) as client:
        health = client.get("/api/health").json()
        assert health["index"]["available"] is False and health["index"]["queued"] == r.queued
        got = client.post("/api/ask", json={"question": PASSAGE})
        assert got.status_code == 200 and got.json()["status"] == UNAVAILABLE
        assert client.post("/api/ask", json={"question": FIGURE}).json()["status"] == "answered"

        chroma.start()  # back: the queue drains and passages answer again
        assert work(svc.store, svc.indexer, until_empty=True) == r.queued
        assert client.get("/api/health").json()["index"] == {"queued": 0, "embedded": r.queued, "available": True}
        assert client.post("/api/ask", json={"question": PASSAGE}).json()["status"] == "answered"
    svc.close()


def test_postgres_and_a_chroma_server_with_a_worker(chroma: ChromaServer, samples_dir: Path, tmp_path: Path,
                                                   pg_url: str) -> None:
    """The servers' setup: ingest stores facts and queues, a worker embeds, answers come from both."""
    svc = Service(_settings(tmp_path, chroma.url, pg_url))
    [r] = svc.ingest([samples_dir / SEED])
    assert r.status == "added" and r.queued > 40 and svc.indexer.count() == 0
    assert svc.ask(FIGURE).status == "answered"  # figures answer before any embedding
    assert work(svc.store, svc.indexer, until_empty=True) == r.queued
    assert svc.store.progress() == {"00_houjie_zhen_2023": (0, r.queued)} and svc.indexer.count() == r.queued
    assert svc.ask(PASSAGE).status == "answered"
    svc.store.delete("00_houjie_zhen_2023")
    work(svc.store, svc.indexer, until_empty=True)  # the worker applies the deletion to the index too
    assert svc.indexer.count() == 0 and svc.store.dirty() == []
    svc.close()
