"""Two items of one report set side by side: 「哪个花得多」 names the larger (a verb before 得 too),
「差多少」 after it makes the gap the figure asked, and items named under their owner (「一般公共预算
支出里，行政运行和…」) are looked up by their own names, not as the owner's total."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("55_pingtan_zhongdianban_final_2017.txt", "76_pingtan_zhenganban_final_2017.txt")


@pytest.fixture(scope="module")
def finals(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,larger", [
    ("重点办2017年一般公共预算支出里，行政运行和一般行政管理事务哪个花得多？差多少？", "266.73", "一般行政管理事务"),
    ("2017年重点办住房公积金和提租补贴，哪个用得多？多多少？", "9.25", "住房公积金"),
    ("征安办2017年行政运行和一般行政管理事务哪个花得多？差多少？", "36.34", "一般行政管理事务"),
    ("征安办2017年一般公共预算支出里，行政运行和一般行政管理事务哪个花得多？相差多少", "36.34", "一般行政管理事务"),
])
def test_which_is_larger_and_by_how_much(finals: QA, question: str, value: str, larger: str) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert larger in a.text.split("更多")[0]


@pytest.mark.parametrize("question,value", [
    ("重点办2017年住房公积金和提租补贴哪个多", "12.97"),
    ("征安办2017年一般公共预算支出里行政运行和一般行政管理事务哪个花得多？", "47.07"),
])
def test_which_alone_gives_the_larger_figure(finals: QA, question: str, value: str) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
