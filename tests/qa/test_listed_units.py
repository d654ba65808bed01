"""A unit no stored report is of, asked by its own name, that one agency's staffing table lists
(信访局 in the 管委会办公室 budget, 重点项目服务中心 in the 重点办 final account): that report answers,
for its table's figures only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("206_guanweihuibangongshi_budget_2017.txt", "185_pingtan_zhongdianban_final_2016.txt",
           "205_gonganju_final_2016.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("2017年信访局有几个人员编制？", "4"),
    ("机要局2017年在职的有几人？", "5"),
    ("2016年重点项目服务中心的在职人数是多少？", "10"),
])
def test_a_listed_unit(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "人员编制" in a.text or "在职" in a.text


@pytest.mark.parametrize("question", [
    "2017年信访局收到多少件政府信息公开申请？",  # the budget lists its staff, nothing else of it
    "2018年信访局有几个人员编制？",  # no report of that year lists it
])
def test_nothing_else_of_it(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered", a.text
