"""A question that says one year and asks another (「…比2017年多了一些，2017年的是多少」): the clause
that asks decides the year and the operation; a year with no report is worked out from the next
report, and only from figures dated to it — never a figure of the report's own year. 「上一年
（2017年）」 says one year twice; 「按2018年预算说明推算」 names the report to work from even when a
report of the year itself is loaded."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA, arabic_years
from qa.scope import asked_clause_year


@pytest.fixture(scope="module")
def budgets(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory,
                   ("47_pingtan_jingfaju_budget_2018.txt", "105_pingtan_nongcunfazhanju_budget_2018.txt"))


@pytest.fixture(scope="module")
def both(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory,
                   ("45_pingtan_jingfaju_final_2017.txt", "47_pingtan_jingfaju_budget_2018.txt"))


@pytest.mark.parametrize("question,year", [
    ("2018年农发局收入预算比上年多了，2017年的收入预算是多少？", 2017),
    ("2018年经发局机关运行经费比2017年多，2017年的是多少？", 2017),
    ("2017年和2018年的机关运行经费各是多少？", None),  # one clause asks both
    ("2018年比2017年多了多少？", None),
    ("2018年的收入是多少，2017年呢？", None),  # the second clause asks too
    ("平潭公安局在2022年年报里说，2023年要做好哪几个方面的工作？", None),  # plans told by the 2022 report
])
def test_the_year_of_the_asking_clause(question: str, year: int | None) -> None:
    assert asked_clause_year(question) == year


def test_a_glossed_year_is_one_year() -> None:
    assert arabic_years("上一年（2017年）的收入") == "2017年的收入"
    assert arabic_years("去年(2023)的申请") == "2023年的申请"


@pytest.mark.parametrize("question,value", [
    ("2018年经发局机关运行经费比2017年多，2017年的是多少？", "248.76"),  # 255.3 − 6.54
    ("2018年经发局的机关运行经费比上年增加了，上年（2017年）是多少？", "248.76"),
    ("2018年农发局收入预算比上年多了，2017年的收入预算是多少？", "13408.98"),  # 18001.60 − 4592.62
    ("农发局2017年的机关运行经费是多少？", "1400.59"),  # 1896.95 − 496.36
])
def test_the_year_asked_is_worked_back(budgets: QA, question: str, value: str) -> None:
    a = budgets.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "推算" in a.text


@pytest.mark.parametrize("question", [
    "农发局2017年的行政运行是多少？",  # only 2018's 行政运行 is printed
    "经发局2017年的车辆运行经费是多少？",
    "农发局2016年的机关运行经费是多少？",
])
def test_no_figure_of_the_reports_own_year_answers_an_earlier_one(budgets: QA, question: str) -> None:
    a = budgets.ask(question)
    assert a.status == "refused" and a.value is None, a.text


def test_the_report_named_to_work_from(both: QA) -> None:
    a = both.ask("经发局上一年（2017年）的机关运行经费是多少？按2018年预算说明推算")
    assert a.status == "answered", a.text
    assert a.value == Decimal("248.76") and "2018年报告" in a.text
