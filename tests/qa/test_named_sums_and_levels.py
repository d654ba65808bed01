"""A whole defined as the sum of fixed items (三公经费) asked where only the items are printed; an item
asked inside that whole; an earlier year's level from a level printed twice; an agency's own line
of its staffing table, which answers for its columns only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.named_sum import item_questions, named_whole

REPORTS = ("135_pingtan_zhongdianban_budget_2018.txt", "46_pingtan_suping_budget_2021.txt",
           "105_pingtan_nongcunfazhanju_budget_2018.txt", "211_jinrongfuwubangongshi_final_2017.txt",
           "145_pingtan_jingjifazhanju_final_2016.txt", "55_pingtan_zhongdianban_final_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("重点办2018年的三公经费预算总额是多少？", "12.8"),
    ("苏平片区管理局2021年“三公”预算一共安排了多少万元？", "34.2"),
])
def test_a_whole_of_fixed_items_is_their_sum(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert a.text.count("+") == 2 and len({f.fact.id for f in a.figures}) == 3


def test_a_printed_whole_is_taken_as_printed(reports: QA) -> None:
    a = reports.ask("2018年农村发展局的“三公”经费，预算合计是多少？")
    assert a.status == "answered" and a.value == Decimal("90.02"), a.text
    assert "+" not in a.text


@pytest.mark.parametrize("question,value", [
    ("重点办2018年三公经费里的公务接待费预算是多少？", "3.5"),
    ("重点办2018年“三公”里面公务用车购置及运行费安排多少？", "3.8"),
])
def test_an_item_asked_inside_its_whole(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_item_questions() -> None:
    q = "某单位2019年三公经费（接待、出国、公车）预算一共多少钱？"
    said, items = named_whole(q)
    asked = item_questions(q, said, items)
    assert [a.count("三公") for a in asked] == [0, 0, 0]
    assert all("一共" not in a and "接待、出国" not in a for a in asked)
    assert named_whole("三公经费里的公务接待费是多少？") is None


@pytest.mark.parametrize("question,value", [
    # the level is printed in the overview and again, with its change, in its own section
    ("金融办2016年本年收入是多少？", "61.19"),
    ("从2017年决算倒推，重点办2016年的收入有多少？", "55.37"),
    ("经济发展局2015年本年支出是多少？", "48556.57"),
    ("金融办2016年的本年收入是多少？用2017年的说明往回算。", "61.19"),
    ("照2017年的说法倒推，重点办2016年的收入有多少？", "55.37"),  # 照: where to work it out from
])
def test_an_earlier_level_from_a_level_printed_twice(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "推算" in a.text


@pytest.mark.parametrize("question,value", [
    ("金融办2017年的编制数是多少？", "10"),
    ("金融服务办公室2017年在职的有几人？", "5"),
])
def test_the_agency_line_answers_for_its_columns(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question", ["金融办2017年收入是多少？", "金融服务办公室2017年的支出总额是多少？"])
def test_the_agency_line_is_no_answer_for_money(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.unit != "人", a.text
