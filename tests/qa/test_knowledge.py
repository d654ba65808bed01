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
