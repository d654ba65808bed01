"""A total and the member printed after it (「…预算总额61.3万元。其中：政府购买服务项目…45.5万元」):
a question that leaves out the member's own words asks the total, whose sentence and the member's
share its words; the member answers when named."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("135_pingtan_zhongdianban_budget_2018.txt", "151_pingtan_jiaoyuju_final_2016.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("区重点办2018年政府采购的预算一共多少钱？", "61.3"),
    ("2018年区重点办的政府采购预算，除去购买服务的部分还有多少？", "15.8"),
    ("2016年教育局政府采购支出总额是多少？", "3204.82"),
])
def test_the_head_is_asked(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("区重点办2018年政府购买服务项目的采购预算是多少？", "45.5"),
    ("教育局2016年政府采购货物支出多少万元？", "1973.67"),
])
def test_the_member_named(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
