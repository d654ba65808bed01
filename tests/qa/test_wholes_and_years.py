"""A whole of fixed items whose heading is glued to its first item (「八、…“三公”经费支出情况（一）因公出国
（境）经费 2019年预算安排0万元」): that item is not the whole, and is still itself when asked by name;
a change asked between two years of which only the later report is held: the later year's figure
alone is no answer, a change the later report states is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("234_xingzhengshenpiju_budget_2019.txt", "232_quzhijiguangongwei_final_2016.txt",
           "205_gonganju_final_2016.txt", "135_pingtan_zhongdianban_budget_2018.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("行政审批局2019年三公经费一共安排了多少预算？", "5.3"),
    ("审批局2019年的“三公”预算加起来多少钱？", "5.3"),
    ("重点办2018年“三公”合计预算是多少万元？", "12.8"),
])
def test_the_whole_not_its_first_item(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert len(a.figures) == 3


@pytest.mark.parametrize("question,value", [
    ("审批局2019年因公出国（境）经费预算多少？", "0"),
    ("行政审批局2019年三公经费里的公务接待费预算是多少？", "1.5"),
])
def test_an_item_by_its_own_name(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question", [
    "2015年区直机关工委支出多少？到2016年变了多少？",
    "区直机关工委2015年到2016年本年支出变化多少？",
    "区直机关工委2016年的支出比2015年变了多少？",
])
def test_one_year_held_is_no_change(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered", a.text
    assert a.value != Decimal("109.42")


def test_a_change_the_later_report_states(reports: QA) -> None:
    a = reports.ask("平潭公安局2015年到2016年本年支出变化多大？")
    assert a.status == "answered" and a.value == Decimal("6822.49"), a.text
