"""The pre-2019 statistics table (指标名称 / 计量单位 / 本年度 / 历年累计) in the layouts crawled pages
print it: cells apart (「主动公开文件数 条 66 107」), a spaced header (「指 标 名 称」), 单位 for 计量单位,
and a covering letter whose title names the report inside 《》 (「关于报送《…公安局2015年…报告》的函」)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("172_pingtan_shehuishiyeju_disclosure_2016.txt", "173_pingtan_jiaotongyujiansheju_disclosure_2018.txt",
           "176_pingtan_gonganju_disclosure_2015.txt", "174_pingtan_aoqianpianquzhihuibu_budget_2019.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


def test_the_letters_agency(reports: QA) -> None:
    agencies = {r.agency for r in reports.kb.reports()}
    assert "平潭综合实验区公安局" in agencies


@pytest.mark.parametrize("question,value", [
    ("社会事业局2016年的统计表，政府网站公开数历年累计是多少？", "107"),
    ("社会事业局2016年本年度主动公开文件数是多少？", "66"),
    ("交通与建设局2018年历年累计受理了几件政府信息公开申请？", "5"),
    ("交建局2018年历年累计信函、传真申请数是多少？", "3"),
    ("交通与建设局2018年历年累计的同意公开答复数是多少？", "5"),  # not 同意部分公开's 0
    ("交建局2018年同意部分公开的答复有几件？", "0"),
    ("公安局2015年受理政府信息公开申请，历年累计共几件？", "3"),
])
def test_old_statistics_cells(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_whole_that_says_no_amount_noun_is_no_total(reports: QA) -> None:
    """「项目支出占总支出的比例」: 「…指挥部本级1103.72万元」 names no 支出, so it is no whole of it."""
    a = reports.ask("澳前片区项目建设指挥部2019年支出预算中，项目支出占总支出的比例是多少？")
    assert a.value != Decimal("48.9") and not any(f.fact.value == Decimal("1103.72") for f in a.figures), a.text
