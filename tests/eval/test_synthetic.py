"""Synthetic reports hold consistent figures and read back through the real parser exactly."""

from __future__ import annotations

import random
from pathlib import Path

from eval.synthetic import APPLICANTS, OUTCOMES, agency_names, generate, table_four, table_three, write_corpus
from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA


def test_table_three_identities() -> None:
    rng = random.Random(1)
    for size in (0, 5, 300):
        t3 = table_three(rng, size)
        assert all(cells[-1] == sum(cells[:-1]) for cells in t3.values())
        for col in range(len(APPLICANTS) + 1):
            outcomes = sum(t3[label][col] for _, label in OUTCOMES)
            assert outcomes == t3["(七)总计"][col]
            assert (t3["一、本年新收政府信息公开申请数量"][col] + t3["二、上年结转政府信息公开申请数量"][col]
                    == t3["(七)总计"][col] + t3["四、结转下年度继续办理"][col])


def test_table_four_groups_add_up() -> None:
    t4 = table_four(random.Random(2))
    assert len(t4) == 15 and all(sum(t4[i:i + 4]) == t4[i + 4] for i in (0, 5, 10))


def test_agency_names_are_distinct_and_not_inside_each_other() -> None:
    names = agency_names(2000)
    shorts = [s for _, s in names]
    assert len(set(shorts)) == 2000
    stems = [s[:2] for s in shorts]
    assert len(set(stems)) == 2000


def test_generation_is_deterministic() -> None:
    a = [r.text for r in generate(7, seed=3)]
    assert a == [r.text for r in generate(7, seed=3)]
    assert a != [r.text for r in generate(7, seed=4)]


def test_reports_parse_with_every_check_holding(tmp_path: Path) -> None:
    reports = write_corpus(tmp_path / "corpus", 6)
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    results = ingest_paths([tmp_path / "corpus"], store)
    assert [r.status for r in results] == ["added"] * 6
    assert all(not r.failed_checks and not r.warnings for r in results)
    assert {(r.agency, r.year) for r in results} == {(r.agency, r.year) for r in reports}
    qa = QA(store)
    for r in reports[:3]:
        a = qa.ask(f"{r.short_name}{r.year}年收到多少宗政府信息公开申请？")
        assert a.value == r.truth["新收"], a.text
