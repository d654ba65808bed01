"""Real processes against real servers: two ingests and two workers at once lose and double nothing;
an ingest killed with SIGKILL while writing the text index leaves nothing the store does not hold."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from eval.servers import ChromaServer
from eval.synthetic import write_corpus
from index.embed_queue import work
from index.ingest import ingest_paths
from index.settings import Settings
from index.store import SQLiteStore, open_store
from index.text_index import TextIndexer

ROOT = Path(__file__).parent.parent.parent


def _env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTQA_")}
    env.update({f"REPORTQA_{k.upper()}": v for k, v in settings.items()})
    env.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", OMP_WAIT_POLICY="PASSIVE")
    return env


def _cli(env: dict[str, str], *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from ui.cli import main; main()", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingests_and_two_workers_lose_and_double_nothing(tmp_path: Path, pg_url: str) -> None:
    corpus = write_corpus(tmp_path / "corpus", 16, seed=3)
    files = [str(tmp_path / "corpus" / r.filename) for r in corpus]
    with ChromaServer(tmp_path / "chroma") as chroma:
        env = _env(database_url=pg_url, chroma_url=chroma.url, embedder="fake:384", data_dir=str(tmp_path / "d"))
        open_store(tmp_path, pg_url).close()  # the schema exists before four processes open it at once
        workers = [_cli(env, "worker", "--batch", "16", "--poll", "0.2") for _ in range(2)]
        ingests = [_cli(env, "ingest", *files[:11]), _cli(env, "ingest", *files[5:])]  # 6 reports in both
        for p in ingests:
            out, err = p.communicate(timeout=240)
            assert p.returncode == 0, err[-2000:]
            assert "passages queued for the text index" in out
        store = open_store(tmp_path, pg_url)
        deadline = time.monotonic() + 120
        while store.queue_size() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert store.queue_size() == 0
        for w in workers:  # SIGTERM stops a worker between batches, promptly
            w.send_signal(signal.SIGTERM)
        for w in workers:
            _, err = w.communicate(timeout=20)
            assert w.returncode == 0, err[-2000:]
        assert {r.id for r in store.reports()} == {r.report_id for r in corpus}
        facts = Counter(f.report_id for f in store.facts())
        single = open_store(tmp_path, "")  # the reports both ingests wrote, ingested once, alone
        ingest_paths([Path(f) for f in files[5:11]], single)
        alone = Counter(f.report_id for f in single.facts())
        assert alone and all(facts[r] == n for r, n in alone.items()), "a report ingested twice at once doubled"
        index = TextIndexer.open(Settings.from_env(env={}, chroma_url=chroma.url, embedder="fake:384"))
        held = index.ids()
        assert len(held) == len(set(held)) == index.count()
        assert set(held) == store.chunk_ids()
        store.close()


def test_an_ingest_killed_while_writing_the_index_leaves_nothing_the_store_lacks(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 24, seed=5)
    files = [str(tmp_path / "corpus" / r.filename) for r in corpus]
    data = tmp_path / "data"
    env = _env(data_dir=str(data), embedder="fake:384")
    first = _cli(env, "ingest", *files[:10])
    assert first.wait(timeout=120) == 0
    for path in files[:10]:  # the same reports, changed: re-ingesting replaces their passages
        Path(path).write_text(Path(path).read_text(encoding="utf-8").replace("年度报告", "年度工作报告"), "utf-8")
    proc = _cli(env, "ingest", *files)
    store = SQLiteStore(data / "facts.sqlite3")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill while a committed report's passages are being written
        if store.queue_size() > 0 and len(store.reports()) >= 12 or proc.poll() is not None:
            break
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert store.queue_size() > 0 or store.dirty()  # it died with work half done
    settings = Settings.from_env(env={}, data_dir=data, embedder="fake:384")
    index = TextIndexer.open(settings)
    stored = {r.id for r in store.reports()}
    held = index.collection.get(include=["metadatas"])
    assert {m["report_id"] for m in held["metadatas"]} <= stored  # no entry for a report the store lacks
    work(store, index, until_empty=True)  # what the next ingest, worker or server does on start
    assert set(index.ids()) == store.chunk_ids() and store.dirty() == [] and store.queue_size() == 0
    store.close()
