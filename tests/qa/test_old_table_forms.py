"""Forms of the pre-2019 statistics table and of questions about it: a table of one column
(「指标名称 计量单位 年末统计」), 历年累计 asked as a column (no trend over years), the table's own
name said in the question (「…政府信息公开统计表里」 names no row), a running total asked up to the end
of the year before (「截至2013年底」 of the 2014 report), and a staffing cell that notes what its count
includes (「12人（含挂职干部…）」)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.indicator_table import indicator_table
from qa.ask import QA
from qa.intent import TREND, classify

REPORTS = ("173_pingtan_jiaotongyujiansheju_disclosure_2018.txt",
           "176_pingtan_gonganju_disclosure_2015.txt",
           "182_pingtan_gonganju_disclosure_2014.txt",
           "183_pingtan_caizhengjinrongju_disclosure_2016.txt",
           "185_pingtan_zhongdianban_final_2016.txt",
           "196_pingtan_caizhengjinrongju_disclosure_2017.txt",
           "151_pingtan_jiaoyuju_final_2016.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


def test_a_one_column_table_is_read() -> None:
    text = "七、附表 指标名称 计量单位 年末统计 主动公开信息数 条 12 其中：1、网站公开 条 12 2、政府公报公开 条 0 " \
           "受理依申请公开信息总数 条 3 其中：1、当面申请数 条 2 2、电子邮件申请数 条 1 某某局2018年1月5日"
    _, facts, _ = indicator_table("r", text, "g1", lambda _: None)
    got = {(f.row_path[-1], f.value) for f in facts}
    assert got == {("主动公开信息数", 12), ("网站公开", 12), ("政府公报公开", 0), ("受理依申请公开信息总数", 3),
                   ("当面申请数", 2), ("电子邮件申请数", 1)}  # the signature's 2018 is no cell


@pytest.mark.parametrize("question,value", [
    ("财金局2016年附表中当面提出的申请有几条？", "0"),
    ("2016年财政金融局在网站上公开的信息有多少条？", "86"),
    ("2017年财金局收到的电子邮件申请有几条？", "1"),
    ("财政金融局2017年年末统计的主动公开信息数是多少？", "69"),
])
def test_one_column_cells(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert all(f.fact.table.startswith("g") for f in a.figures)


def test_the_running_total_column_is_no_trend() -> None:
    assert classify("公安局2014年历年累计信函申请多少条", 0, 0).kind != TREND
    assert classify("公安局历年的申请数变化", 0, 0).kind == TREND


@pytest.mark.parametrize("question,value", [
    ("公安局2014年，历年累计以信函方式提交的申请是几条？", "2"),
    ("2014年公安局历年累计同意公开的答复有多少条？", "2"),
    ("交建局2018年政府信息公开统计表里，历年累计的网上申请有几条？", "1"),
    ("交通与建设局2018年信息公开年报中，历年累计主动公开文件数是多少？", "1892"),
])
def test_running_total_cells(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("截至2013年底，公安局累计主动公开了多少条政府信息？", "445"),  # 805 − 360, of the 2014 report
    ("交建局截至2017年底历年累计主动公开的文件有多少条？", "1667"),  # 1892 − 225, of the 2018 report
])
def test_up_to_the_end_of_the_year_before(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("重点办2016年服务中心的人员编制是多少？", "10"),
    ("区重点办2016年服务中心在职的有几个人？", "10"),
])
def test_a_headcount_with_its_note(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert a.figures[0].fact.table.startswith("g")


@pytest.mark.parametrize("question,value", [
    ("区重点办2016年政府采购总共花了多少钱？", "14.15"),
    ("教育局2016年政府采购合计支出了多少？", "3204.82"),
])
def test_a_total_asked_among_its_items(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
