"""The same reports give the same answers whether the facts live in SQLite or in PostgreSQL.

A representative subset of eval/qa (every question over five text reports: table cells, figures in
prose, passages, arithmetic, comparisons, refusals), asked through the whole read path with the
fake embedder, against both stores; every answer's JSON must be identical.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from eval.run import ask_one, load_items
from index.embed_queue import work
from index.settings import Settings
from qa.service import Service

REPORTS = ("00_houjie_zhen_2023.txt", "04_pingtan_zone_2025.html", "06_pingtan_zone_2021.txt",
           "07_pingtan_zone_2019.txt", "08_pingtan_junshan_2022.txt")
ROOT = Path(__file__).parent.parent.parent


def _answers(settings: Settings, samples_dir: Path, items: list[dict]) -> tuple[list[dict], float]:
    svc = Service(settings)
    results = svc.ingest([samples_dir / name for name in REPORTS])
    assert [r.status for r in results] == ["added"] * len(REPORTS), results
    work(svc.store, svc.indexer, until_empty=True)  # what `reportqa worker` does (PostgreSQL only queues)
    assert svc.store.queue_size() == 0
    outcomes = [ask_one(svc.ask, it) for it in items]
    svc.close()
    return [o.answer for o in outcomes], sum(o.correct for o in outcomes) / len(outcomes)


def test_sqlite_and_postgres_answer_alike(samples_dir: Path, tmp_path: Path, pg_url: str) -> None:
    items = [it for it in load_items([ROOT / "eval" / "qa"], samples_dir)
             if it.get("reports") and set(it["reports"]) <= set(REPORTS)]
    assert len(items) > 100 and len({it["type"] for it in items}) >= 5
    base = Settings.from_env(env={}, embedder="fake:384")
    lite, lite_score = _answers(replace(base, data_dir=tmp_path / "lite"), samples_dir, items)
    pg, pg_score = _answers(replace(base, data_dir=tmp_path / "pg", database_url=pg_url), samples_dir, items)
    differ = [(it["question"], a, b) for it, a, b in zip(items, lite, pg, strict=True) if a != b]
    assert not differ, differ[:3]
    assert lite_score == pg_score > 0.9
