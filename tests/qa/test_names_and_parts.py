"""Names and parts that decide which figure a finance question means.

- One body under two names (「岚城片区项目建设指挥部（片区开发管理局）」): each name, and the inner one
  in the outer's place (岚城片区开发管理局), names it; so does 「平潭教育局」, a place before a short name.
- 「…中心」 names no whole (「传媒中心2018年…项目支出占多少比例」 is no share of 「传媒」).
- Two numbers tied on the question's words, one labelled with the part of a budget the question
  names (三公), the other not (机关运行经费): the one that names it.
- A change opening the clause after 「；」 is a change of the level that clause ran on from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.scope import agency_aliases

REPORTS = ("151_pingtan_jiaoyuju_final_2016.txt", "151_pingtan_chuanmeizhongxin_budget_2018.txt",
           "151_pingtan_lanchengpianqu_final_2016.txt", "57_pingtan_xingzhengfuwuzhongxin_final_2015.txt",
           "55_pingtan_zhongdianban_final_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


def test_one_body_under_two_names() -> None:
    names = agency_aliases("岚城片区项目建设指挥部（片区开发管理局）")
    assert {"岚城片区项目建设指挥部", "岚城片区开发管理局", "岚城片区"} <= names


@pytest.mark.parametrize("question,value", [
    ("岚城片区2016年公务用车运行费是多少？", "22.23"),
    ("岚城片区开发管理局2016年机关运行经费支出多少？", "40.93"),
    ("岚城片区开发管理局和平潭教育局2016年的机关运行经费谁更少？", "40.93"),
    ("教育局2016年“三公”经费支出是多少？", "80.89"),
    ("重点办2017年三公经费支出多少？", "2.78"),
    ("平潭传媒中心2018年收入预算是多少？", "6233.88"),
])
def test_the_figure_named(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("传媒中心2018年支出预算里，项目支出占了多大比重？", "98.0"),
    ("行政服务中心2015年基本支出在本年支出中占多大比重？", "22.7"),
])
def test_a_centre_names_no_whole(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and a.unit == "%"


@pytest.mark.parametrize("question,value", [
    ("根据传媒中心2018年的预算说明，倒推2017年的收入预算是多少？", "7722.29"),  # 6233.88 + 1488.41
    ("传媒中心2017年的收入预算是多少？", "7722.29"),
])
def test_a_change_after_a_semicolon(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "推算" in a.text
