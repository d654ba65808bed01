"""A how-to aside in brackets (「（用2018年的数和增加额倒推）」) asks nothing of its own; two things a
report prints joined before one figure (「制作、获取政府信息总数」) are that one figure, not two to add;
「哪一块的钱多」 compares as 「哪个多」 does."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.intent import WHICH_MORE

REPORTS = ("183_pingtan_caizhengjinrongju_disclosure_2016.txt",
           "191_chongqing_jiaotongweiyuanhui_budget_2018.txt",
           "196_pingtan_caizhengjinrongju_disclosure_2017.txt",
           "173_pingtan_jiaotongyujiansheju_disclosure_2018.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("市交委2017年的政府性基金预算支出是多少？（拿2018年的数减去增加额推算）", "20000"),
    ("2016年交委的一般公共预算财政拨款支出是多少（按2018年的数加上减少额倒推）？", None),  # two years back
    ("交建局2018年以前一共受理过几条政府信息公开申请？（历年累计减去当年）", "4"),
])
def test_a_how_to_aside(reports: QA, question: str, value: str | None) -> None:
    a = reports.ask(question)
    if value is None:
        assert a.status != "answered", a.text
    else:
        assert a.status == "answered", a.text
        assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("财金局2017年制作、获取的政府信息共计几条？", "70"),
    ("2016年财政金融局制作和获取的政府信息一共有多少条？", "86"),
])
def test_two_things_printed_as_one_figure(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_items_printed_apart_are_still_added(reports: QA) -> None:
    a = reports.ask("2016年财金局机构职能类信息和规划计划类信息一共有多少条？")
    assert a.status == "answered", a.text
    assert a.value == Decimal(48)  # 45 + 3


@pytest.mark.parametrize("question", ["货物和服务哪一块的钱多？", "工程和服务哪项的钱少", "A和B哪个花得多"])
def test_which_more_wordings(question: str) -> None:
    assert WHICH_MORE.search(question)


def test_which_one_costs_more(reports: QA) -> None:
    a = reports.ask("市交委2018年的政府采购预算里，工程和服务哪一块的钱多？")
    assert a.status == "answered", a.text
    assert {f.fact.value for f in a.figures} == {Decimal("0"), Decimal("1331.81")}
    assert "服务" in a.text.split("更多")[0]
