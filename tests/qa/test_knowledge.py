"""The per-process caches follow the store: writes here or through another connection, not reads."""

from __future__ import annotations

import shutil
from pathlib import Path

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA
from qa.scope import Filters


def test_revision_moves_with_every_write_and_only_then(samples_dir: Path, tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    start = store.revision()
    ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], store)
    after_add = store.revision()
    assert after_add > start
    ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], store)  # unchanged: nothing written
    assert store.revision() == after_add
    store.delete("00_houjie_zhen_2023")
    store._db.commit()
    assert store.revision() > after_add


def test_answers_follow_a_replaced_report_written_by_another_connection(samples_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "houjie.txt"
    shutil.copy(samples_dir / "00_houjie_zhen_2023.txt", copy)
    reader = SQLiteStore(tmp_path / "facts.sqlite3")
    writer = SQLiteStore(tmp_path / "facts.sqlite3")  # as a CLI ingest next to a running server would
    ingest_paths([copy, samples_dir / "08_pingtan_junshan_2022.txt"], writer)
    qa = QA(reader)
    scope = Filters(reports=("houjie",))
    first = qa.ask("行政许可决定有多少件？", filters=scope)
    assert first.to_json()["result"]["value"] == "24769"
    other = qa.ask("君山片区2022年收到多少件信息公开申请？").to_json()["result"]["value"]

    copy.write_text(copy.read_text(encoding="utf-8").replace("行政许可\n\n24769", "行政许可\n\n24770"), "utf-8")
    [r] = ingest_paths([copy], writer)
    assert r.status == "replaced"
    assert qa.ask("行政许可决定有多少件？", filters=scope).to_json()["result"]["value"] == "24770"
    # the untouched report keeps its cached facts and its answer
    assert qa.ask("君山片区2022年收到多少件信息公开申请？").to_json()["result"]["value"] == other


def test_the_facts_cache_is_bounded_and_answers_stay_the_same(samples_dir: Path, tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    ingest_paths([samples_dir / "00_houjie_zhen_2023.txt", samples_dir / "08_pingtan_junshan_2022.txt",
                  samples_dir / "06_pingtan_zone_2021.txt"], store)
    questions = ["厚街镇行政许可决定有多少件？", "君山片区2022年收到多少件信息公开申请？",
                 "平潭综合实验区2021年收到多少件信息公开申请？", "厚街镇和君山片区谁收到的申请多？",
                 "厚街镇行政许可决定有多少件？"]
    unbounded = QA(store)
    want = [unbounded.ask(q).to_json() for q in questions]
    assert unbounded.kb.cached() == 3
    bounded = QA(store)
    bounded.kb.limit = 1
    for q, expected in zip(questions, want, strict=True):
        assert bounded.ask(q).to_json() == expected
        assert bounded.kb.cached() == 1  # the least recently used report's facts were dropped
    assert want[0]["result"]["value"] == "24769" and want[3]["status"] == "answered"


def test_the_service_takes_the_cache_size_from_the_settings(tmp_path: Path) -> None:
    from index.settings import Settings
    from qa.service import Service

    svc = Service(Settings.from_env(env={"REPORTQA_FACTS_CACHE": "7"}, data_dir=tmp_path), with_index=False)
    assert svc.qa.kb.limit == 7
    svc.close()


def test_whether_a_question_is_about_the_reports_is_read_from_the_store(samples_dir: Path, tmp_path: Path) -> None:
    """The corpus vocabulary is the store's (no report text is read to build it), and it follows a
    report written by another connection."""
    from index.lexical import text_bigrams
    from qa.text_match import _STOP, bigrams

    text = (samples_dir / "00_houjie_zhen_2023.txt").read_text(encoding="utf-8")
    for sample in (text, "比2024年预算（三）公务接待费；ABC数据2.5万元", "「一、本年新收政府信息公开申请数量」"):
        assert bigrams(sample) == text_bigrams(sample) - _STOP  # the stored words and the question's agree
    reader = SQLiteStore(tmp_path / "facts.sqlite3")
    writer = SQLiteStore(tmp_path / "facts.sqlite3")
    qa = QA(reader)
    ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], writer)
    read: list[str] = []
    real = reader.text
    reader.text = lambda rid: read.append(rid) or real(rid)
    assert qa.ask("明天会下雨吗？").status == "refused" and read == []  # no report's text read to tell
    assert qa.ask("行政许可决定有多少件？").to_json()["result"]["value"] == "24769"
    assert "君山" not in qa.kb.vocabulary()
    ingest_paths([samples_dir / "08_pingtan_junshan_2022.txt"], writer)
    assert "君山" in qa.kb.vocabulary() and qa.ask("君山片区2022年收到多少件信息公开申请？").status == "answered"
