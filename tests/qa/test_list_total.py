"""A total asked (一共, 共有) of a sentence that prints the total and then its members after 其中
(「本部门共有车辆17辆，其中：…一般公务用车3辆…」): the member is no answer unless the question names
it outright; the total before 其中 is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("151_pingtan_weishengjihuashengyuju_final_2017.txt",)


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("平潭卫计局2017年一共有多少辆车？", "17"),
    ("卫生和计划生育局2017年底总共有几辆车？", "17"),
    ("卫计局2017年共有一般公务用车几辆？", "3"),  # the member named outright
    ("卫计局2017年特种专业技术用车一共多少辆？", "12"),
    ("卫计局2017年部级领导干部用车共有几辆？", "0"),
])
def test_a_total_is_the_head_of_its_list(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.fixture(scope="module")
def budgets(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("105_pingtan_nongcunfazhanju_budget_2018.txt",
                                                    "17_putuo_fuliyuan_budget_2024.layout.txt"))


@pytest.mark.parametrize("question,value", [
    ("农村发展局截至2017年底一共有多少辆车？", "16"),
    ("普陀区社会福利院截至2023年底一共有几辆车？", "2"),
])
def test_a_total_dated_to_the_year_before_a_budget(budgets: QA, question: str, value: str) -> None:
    a = budgets.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "共有车辆" in a.figures[0].fact.row_path[-1], a.text
