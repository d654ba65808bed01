"""Reports before the 2019 template: their own statistics table answers, in their own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA


@pytest.fixture(scope="module")
def old(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    store = SQLiteStore(tmp_path_factory.mktemp("old") / "facts.sqlite3")
    names = ("22_pingtan_xian_2012.txt", "23_pingtan_zone_2017.txt", "05_pingtan_zone_2025.txt")
    results = ingest_paths([fixtures_dir / n for n in names], store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return QA(store)


@pytest.mark.parametrize("question,value", [
    ("平潭县2012年收到多少件信息公开申请？", "21"),  # 收到 is printed 受理; 件 and 条 count alike
    ("平潭县2012年当面申请的有几件？", "18"),  # a breakdown this table prints, though the national one does not
    ("平潭县2012年网上申请有多少？", "0"),
    ("平潭县2012年主动公开了多少条信息？", "2026"),
    ("平潭县2012年网站公开了多少条信息？", "1795"),
    ("平潭县2012年否决公开的答复有几条？", "2"),
    ("平潭2017年主动公开政府信息多少条？", "2122"),  # the whole, not 「各乡镇主动公开政府信息613条」
    ("平潭2017年收到几件信息公开申请？", "0"),
])
def test_the_old_statistics_table_answers(old, question, value):
    a = old.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


def test_a_glued_cell_says_how_it_was_read(old):
    a = old.ask("平潭县2012年主动公开了多少条信息？")
    assert "粘连" in a.text and "本年度" in a.text


def test_the_total_in_all_years_is_its_own_column(old):
    a = old.ask("平潭县历年累计主动公开信息多少条？")
    assert (a.status, str(a.value)) == ("answered", "3542"), a.text
