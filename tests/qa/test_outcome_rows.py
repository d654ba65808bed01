"""Outcome rows of table 三 asked the ways people ask them.

- A question that names its agency first is matched without the name; the offsets of that match
  belong to the shortened text, so a heading's sub-row is looked for there and not in the full
  question (「旅文体局2020年其他处理的」 is the 2019 template's own 其他处理 row, which has no
  sub-rows; it must not turn into 「3.其他」 and leave the question unanswered).
- A set said before the outcome (「收到的申请里」「办结的申请中」) or after it (「按部分公开办结的」)
  says where to count, not a second figure: the outcome is answered alone. Two rows joined by
  和 are still two figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("101_pingtan_lvyouwentiju_disclosure_2020.txt", "43_pingtan_xingzhengshenpi_2023.txt",
           "81_pingtan_nongyenongcun_2021.txt")


@pytest.fixture(scope="module")
def tables(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,row", [
    # 2019 template: 「（六）其他处理 0 0 0 0 0 0 0」, no sub-rows
    ("旅游与文化体育局2020年其他处理的申请有几件？", 0, "(六)其他处理"),
    ("平潭旅游与文化体育局2020年按“其他处理”办结的有多少件", 0, "(六)其他处理"),
    # 「（二）部分公开…1000001」
    ("行政审批局2023年办结的申请里部分公开了几件？", 1, "(二)部分公开"),
    ("平潭行政审批局2023年，按部分公开办结的申请有多少", 1, "(二)部分公开"),
    # 「（一）予以公开1000001」; 新收 「2000013」 is the set, not a second figure
    ("农业农村局2021年收到的申请中，予以公开的有多少件？", 1, "(一)予以公开"),
    ("2021年平潭农业农村局新收到的信息公开申请里面，全部公开的是几件", 1, "(一)予以公开"),
])
def test_the_outcome_is_answered_alone(tables: QA, question: str, value: int, row: str) -> None:
    a = tables.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert len(a.figures) == 1 and a.figures[0].fact.row_path[-1] == row
    assert a.figures[0].fact.column_path[-1] == "总计"


def test_two_rows_joined_are_two_figures(tables: QA) -> None:
    a = tables.ask("农业农村局2021年收到的申请和予以公开的各多少件？")
    assert a.status == "answered", a.text
    rows = [f.fact.row_path[-1] for f in a.figures]
    assert rows == ["一、本年新收政府信息公开申请数量", "(一)予以公开"]
    assert [f.fact.value for f in a.figures] == [Decimal(3), Decimal(1)]


def test_done_as_the_total_itself(tables: QA) -> None:
    """办结 said alone is the results' total (「（七）总计1000001」… for 行政审批局: 7)."""
    a = tables.ask("行政审批局2023年一共办结了多少件申请？")
    assert a.status == "answered", a.text
    assert a.figures[0].fact.row_path[-1] == "(七)总计" and a.value == Decimal(7)
