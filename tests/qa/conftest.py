"""A store with real reports of every layout, ingested once for the question-answering tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA

QA_SAMPLES = (
    "00_houjie_zhen_2023.txt",
    "01_huaian_shi_2024.pdf",
    "02_hongze_qu_2023.pdf",
    "03_hongze_qu_2024.pdf",
    "04_pingtan_zone_2025.html",
    "06_pingtan_zone_2021.txt",
    "07_pingtan_zone_2019.txt",
    "08_pingtan_junshan_2022.txt",
    "13_shanghai_bgt_2025.md",
    "15_wanli_jiedao_budget_2024.pdf",
    "19_putuo_jianguanwei_budget_2026.txt",
    "20_putuo_shiquan_final_2025.txt",
)


@pytest.fixture(scope="session")
def qa_store(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    store = SQLiteStore(tmp_path_factory.mktemp("qa") / "facts.sqlite3")
    results = ingest_paths([samples_dir / n for n in QA_SAMPLES], store)
    assert all(r.status == "added" for r in results), [r.error for r in results if r.error]
    return store


@pytest.fixture(scope="session")
def qa(qa_store: SQLiteStore) -> QA:
    return QA(qa_store)

