"""The year before's level estimated from this year's and the rate printed beside it (「360条，…同比
增长120.9%」 → 360 ÷ 2.209 ≈ 162.97), only when the question asks for an estimate (大约, 倒推…): the
rate is rounded, so the answer says 约 and shows the division; an exact change, where printed, wins."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("182_pingtan_gonganju_disclosure_2014.txt",
           "151_pingtan_lanchengpianqu_final_2016.txt",
           "145_pingtan_jingjifazhanju_final_2016.txt")


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
