"""Headcounts asked in everyday words: 「实际在岗」「实有在职」 are the 在职 column (their 实际 no 决算
of the budget's contrast), 「几个人」 counts people, and a body's own line is found by its 本级."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.vocab import quantity_asked

REPORTS = ("47_pingtan_jingfaju_budget_2018.txt", "151_pingtan_lanchengpianqu_final_2016.txt",
           "151_pingtan_chuanmeizhongxin_budget_2018.txt", "115_pingtan_kouanban_budget_2016.txt",
           "206_guanweihuibangongshi_budget_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("经发局2018年本级实际在岗多少人？", "35"),  # not the 29 of 人员编制数 beside it
    ("传媒中心2018年本级实有在职几人？", "8"),
    ("口岸办2016年实际在岗的有几个人？", "9"),
    ("管委会办公室2017年党史方志研究中心实有在职人员几名？", "7"),
    ("2017年管委会办公室本级实际在职多少人？", "67"),
    ("2016年岚城片区本级核定了几个编制？", "16"),
])
def test_a_headcount_in_everyday_words(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "人", a.text


@pytest.mark.parametrize("question,asked", [
    ("办公室实际在岗的有几个人？", "count:人"),
    ("一年接待了几个人次？", "count:个"),  # 人次 is its own measure: not read as people
    ("收到几个申请？", "count:个"),
])
def test_how_many_people(question: str, asked: str) -> None:
    assert quantity_asked(question) == asked


def test_an_actual_headcount_asks_no_final_account(reports: QA) -> None:
    # 「实际」 of a headcount is the 在职 column, not the 决算 of money in a budget report
    a = reports.ask("2017年管委会办公室下面的党史方志研究中心实际只有几个人在职？")
    assert a.status == "answered" and a.value == Decimal("7"), a.text
