"""The year before's level estimated from this year's and the rate printed beside it (「360条，…同比
增长120.9%」 → 360 ÷ 2.209 ≈ 162.97), only when the question asks for an estimate (大约, 倒推…): the
rate is rounded, so the answer says 约 and shows the division; an exact change, where printed, wins.
A question that quotes the printed rate itself (「说比上年增长3%，那上年是多少」) asks for that estimate
knowingly; a rate it quotes that the report does not print is no premise to work from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("182_pingtan_gonganju_disclosure_2014.txt",
           "151_pingtan_lanchengpianqu_final_2016.txt",
           "145_pingtan_jingjifazhanju_final_2016.txt",
           "151_pingtan_taiwangongzuobu_budget_2017.txt",
           "135_pingtan_zhongdianban_budget_2018.txt",
           "134_pingtan_senlinyuyuanlinguanliju_final_2016.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,level,rate,down", [
    ("公安局2013年大约主动公开了多少条政府信息？", "360", "120.9", False),
    ("岚城片区2015年的“三公”经费支出估计是多少？", "23.09", "20", True),
])
def test_an_estimate_from_the_rate(reports: QA, question: str, level: str, rate: str, down: bool) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    factor = 1 - Decimal(rate) / 100 if down else 1 + Decimal(rate) / 100
    step = Decimal(1) if a.unit == "条" else Decimal("0.01")  # a count is whole
    assert a.value == (Decimal(level) / factor).quantize(step)
    assert {f.fact.value for f in a.figures} == {Decimal(level), Decimal(rate)}
    assert "约" in a.text


@pytest.mark.parametrize("question", [
    "公安局2013年主动公开了多少条政府信息？",  # no estimate asked: the report prints no 2013 figure
    "公安局2012年大约主动公开了多少条政府信息？",  # two years back: no rate reaches it
])
def test_no_estimate_unasked(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered", a.text


@pytest.mark.parametrize("question,level,rate,down", [
    ("台工部说公务接待费比上年增长了3%，那2016年是多少？", "21.8", "3", False),
    ("重点办公务接待费比上年下降14.65%，那2017年安排了多少？", "3.5", "14.65", True),
    ("森园局机关运行经费比2015年减少30.95%，那2015年是多少？", "100.66", "30.95", True),
    ("岚城片区“三公”经费说是比上年下降了20%，2015年的是多少？", "23.09", "20", True),
])
def test_the_rate_quoted_by_the_question(reports: QA, question: str, level: str, rate: str, down: bool) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    factor = 1 - Decimal(rate) / 100 if down else 1 + Decimal(rate) / 100
    assert a.value == (Decimal(level) / factor).quantize(Decimal("0.01"))
    assert {f.fact.value for f in a.figures} == {Decimal(level), Decimal(rate)}
    assert "约" in a.text and "÷" in a.text


@pytest.mark.parametrize("question", [
    "台工部说公务接待费比上年增长了5%，那2016年是多少？",  # the report prints 3%
    "台工部2016年公务接待费是多少？",  # no rate quoted, no estimate asked
    "森园局机关运行经费比2015年减少30.95%，减少了多少万元？",  # the amount of the change is not printed
])
def test_no_estimate_from_a_rate_not_quoted(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered", a.text
