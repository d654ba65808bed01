"""The stock before a report's year: a running total to the year's end less the year's own part,
both cited (a 历年累计 column beside 本年度, or 「累计…」 said beside the year's or the new part).
Neither printed figure answers it, and a year other than the report's own has no such pair."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.before_year import asks_before_year, running_totals

REPORTS = ("172_pingtan_shehuishiyeju_disclosure_2016.txt",
           "173_pingtan_jiaotongyujiansheju_disclosure_2018.txt",
           "176_pingtan_gonganju_disclosure_2015.txt",
           "52_pingtan_gongan_2018.txt",
           "162_pingtan_shichangjianduguanliju_disclosure_2021.txt",
           "166_pingtan_shichangjianduguanliju_disclosure_2025.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,total,part", [
    ("社会事业局2016年以前总共主动公开过多少份文件？", "107", "66"),
    ("交通与建设局2018年以前的历年累计主动公开文件数是多少？", "1892", "225"),
    ("公安局2015年以前已经主动公开了多少条信息？", "1016", "211"),
    ("公安局2018年以前主动公开的信息共有几条？", "1568", "181"),
    ("市场监管局公众号的关注用户里，不是2021年新增的有多少人？", "22887", "8434"),
    ("2021年新增以前，市场监管局微信公众号已有多少关注用户？", "22887", "8434"),
])
def test_the_total_less_the_year(reports: QA, question: str, total: str, part: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(total) - Decimal(part)
    assert {f.fact.value for f in a.figures} == {Decimal(total), Decimal(part)}  # both inputs cited
    assert "推算" in a.text


@pytest.mark.parametrize("question,printed", [
    ("公安局2014年以前主动公开了多少条信息？", ("1016", "211", "805")),  # not the 2015 report's year
    ("市场监管局2025年以前收到过多少件信息公开申请？", ()),  # no running total printed
])
def test_no_pair_no_figure(reports: QA, question: str, printed: tuple[str, ...]) -> None:
    a = reports.ask(question)
    assert a.status != "answered" or a.value not in {Decimal(p) for p in printed}, a.text
    assert "以前" not in a.text or a.status != "answered", a.text


@pytest.mark.parametrize("question,value", [
    ("公安局2015年主动公开了多少条信息？", "211"),
    ("社会事业局2016年历年累计主动公开文件数是多少？", "107"),
])
def test_the_printed_figures_still_answer(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,year,asked", [
    ("2019年以前累计有多少？", 2019, True),
    ("2019年以前累计有多少？", 2020, False),
    ("新增关注之前有多少用户？", 2020, True),
    ("不是今年新增的有几个？", 2020, True),
    ("2019年累计有多少？", 2019, False),
])
def test_asks_before_year(question: str, year: int, asked: bool) -> None:
    assert bool(asks_before_year(question, year)) is asked


def test_pairs_need_one_measure() -> None:
    from index.models import Fact
    cum = Fact("r", "prose", ("累计发送信息",), (), Decimal(900), "条", span=(10, 14))
    year = Fact("r", "prose", ("本年新增关注用户",), (), Decimal(50), "条", span=(30, 32))
    assert running_totals([cum, year], 2020) == []  # 信息 and 关注用户 are not one measure
