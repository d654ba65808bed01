"""Words of the question that a sentence prints whole outrank the template row an everyday word
reads them as (「安全生产许可证」 is no 行政许可 decision; 「项目审批信息」 no 行政许可 cell); words that
only say where in a report a figure sits (附表, 统计数据显示, 方式) or which one is asked (哪类, 哪一块)
name nothing; and 依申请 is content, so a 主动公开 figure never answers it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("172_pingtan_shehuishiyeju_disclosure_2016.txt",
           "173_pingtan_jiaotongyujiansheju_disclosure_2018.txt",
           "183_pingtan_caizhengjinrongju_disclosure_2016.txt",
           "193_pingtan_jiaotongyujiansheju_disclosure_2019.txt",
           "195_pingtan_xingzhengshenpiju_disclosure_2025.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("交建局2019年公开了几条排水许可证信息？", "5"),
    ("2018年交建局公开了几条施工许可证信息？", "61"),
    ("审批局2025年公开的项目审批信息有几条？", "191"),
])
def test_a_phrase_printed_whole(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert all(f.fact.table == "prose" for f in a.figures)


@pytest.mark.parametrize("question,winner,value", [
    ("交建局2019年施工许可证和排水许可证，哪类公开得多？", "施工许可证", "76"),
    ("交通与建设局2018年安全生产许可证与施工许可证信息哪一块更多？", "施工许可证", "61"),
])
def test_which_of_two_printed_items(reports: QA, question: str, winner: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert winner in a.text.split("更多")[0]
    assert Decimal(value) in {f.fact.value for f in a.figures}


def test_a_share_of_the_sentence_total(reports: QA) -> None:
    a = reports.ask("审批局2025年主动公开的信息里，项目审批信息所占比例是多少？")
    assert a.status == "answered", a.text
    assert {f.fact.value for f in a.figures} == {Decimal(191), Decimal(251)}


@pytest.mark.parametrize("question,value", [
    ("交通与建设局2018年年报附表中，历年累计的当面申请数是多少？", "1"),
    ("统计数据显示，社会事业局2016年历年累计主动公开文件有几条？", "107"),
    ("交建局2018年报附表里，以信函、传真方式提出的申请历年累计几条？", "3"),
])
def test_where_a_figure_sits_names_nothing(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question", [
    "财金局2016年受理的依申请公开信息总数有多少条？",
    "区财金局2016年依申请公开的申请一共受理了几条？",
])
def test_an_application_figure_is_not_a_published_one(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.value not in (Decimal(86),), a.text  # 「制作、获取政府信息总数86条」 counts published information
