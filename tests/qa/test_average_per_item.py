"""An average per item (「平均每条…被转发几次」) that the report does not print: the amount divided
by the one count its own sentence prints in the measure word asked, both cited; an average the
report prints is looked up as printed; no such pair, no figure."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.average import asks_average

REPORTS = ("176_pingtan_gonganju_disclosure_2015.txt", "182_pingtan_gonganju_disclosure_2014.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,amount,count", [
    ("公安局2015年平均每条警务微博被转发了几次？", "2077", "3457"),
    ("2014年公安局的警务微博平均每条被评论多少次？", "5099", "3348"),
    ("2014年公安局发布的微博，平均每条转发次数是多少？", "3211", "3348"),
])
def test_the_amount_over_its_count(reports: QA, question: str, amount: str, count: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == (Decimal(amount) / Decimal(count)).quantize(Decimal("0.01"))
    assert {f.fact.value for f in a.figures} == {Decimal(amount), Decimal(count)}
    assert "÷" in a.text


@pytest.mark.parametrize("question", [
    "公安局2015年平均每条微博有多少人点赞？",  # no such amount printed
    "公安局2014年平均每件申请被转发几次？",  # no count in 件 beside it
])
def test_no_pair_no_average(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered", a.text


@pytest.mark.parametrize("question,asked", [
    ("平均每条信息的阅读量是多少", "条"),
    ("平均每个项目花了多少钱", "个"),
    ("一共有多少条", None),
])
def test_asks_average(question: str, asked: str | None) -> None:
    m = asks_average(question)
    assert (m.group("unit") if m else None) == asked
