"""A word asked plainly that the labels print only negated (「合格的有多少批次」 of 「其中不合格15批次」):
the figure counts the opposite, so it is never the answer; the negated word asked still is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.verify import uncovered_terms

REPORTS = ("162_pingtan_shichangjianduguanliju_disclosure_2021.txt",
           "166_pingtan_shichangjianduguanliju_disclosure_2025.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question", [
    "市场监管局2021年抽检的农产品里，合格的有多少批次？",
    "市场监管局2025年食用农产品抽检合格了多少批次？",
    "2025年市场监管局抽检合格的产品有几批次？",
])
def test_the_opposite_is_no_answer(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.value not in (Decimal(15), Decimal(38)), a.text


@pytest.mark.parametrize("question,value", [
    ("市场监管局2021年抽检农产品不合格的有多少批次？", "15"),
    ("市场监管局2025年检出不合格产品多少批次？", "38"),
])
def test_the_negated_word_asked_is_answered(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,contexts,left", [
    ("予以公开的有几件？", ["(三)不予公开"], ["公开"]),
    ("予以公开的有几件？", ["(一)予以公开", "(三)不予公开"], []),
    ("尚未审结的有几件？", ["尚未审结"], []),
])
def test_a_word_printed_only_negated(question: str, contexts: list[str], left: list[str]) -> None:
    assert [w for w in uncovered_terms(question, contexts) if w in ("公开", "审结")] == left


@pytest.mark.parametrize("question,value", [
    # 「四、结转下年度继续办理20000022025年，我局…」: the row's cells glued to the year opening the prose
    ("市场监管局2025年结转下年度继续办理的申请有几件？", "2"),
    ("平潭市场监管局2025年的统计表里，结转到下年度继续办理的有多少件？", "2"),
])
def test_a_tables_last_row_glued_to_a_year(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
