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
    "市场监管局2021年抽检的农产品中有多少批次合格？",
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


@pytest.mark.parametrize("question,value,inputs", [
    ("市场监管局2021年抽检的农产品中有多少批次合格？", "20665", ("20680", "15")),
    ("平潭市场监管局2025年食用农产品抽检合格了多少批次？", "11503", ("11541", "38")),
    ("2025年市场监管局抽检合格的产品有几批次？", "11503", ("11541", "38")),
])
def test_the_rest_of_a_negated_part_is_total_less_part(reports: QA, question: str, value: str,
                                                       inputs: tuple[str, str]) -> None:
    """The one item a total prints negated (其中不合格15批次): its opposite is the total less it, shown."""
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "−" in a.text
    assert sorted(str(f.fact.value) for f in a.figures) == sorted(inputs)


def test_a_demonstrative_after_a_negation_is_not_the_negated_word() -> None:
    """「没有这个信息」 negates 信息; the question's own 「这个」 is no word printed only negated."""
    ctx = ["(四)无法提供", "1.本机关不掌握相关政府信息", "没有这个信息", "没有该信息"]
    assert uncovered_terms("有多少申请因为政府不掌握这个信息而无法提供？", ctx) == []
    assert uncovered_terms("答复“本机关不掌握该信息”的申请有多少件？", ctx) == []


def test_one_reason_and_others_is_a_group() -> None:
    """「因本机关不掌握等原因无法提供564件」 counts several reasons: no answer for the one named."""
    from index.models import Fact
    from qa.verify import members_named_alone

    f = Fact(report_id="r", table="prose", row_path=("因本机关不掌握等原因无法提供",), column_path=(),
             value=Decimal(564), unit="件", sentence="因本机关不掌握等原因无法提供 564 件", raw="564 件")
    assert members_named_alone("答复“本机关不掌握该信息”的申请有多少件？", f) == ["本机关不掌握"]
    assert members_named_alone("因本机关不掌握等原因无法提供的有多少件？", f) == []


@pytest.fixture(scope="module")
def handled(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("141_pingtan_jiaotongyujiansheju_disclosure_2021.txt",
                                                    "32_pingtan_jiaojian_2022.txt"))


@pytest.mark.parametrize("question,value", [
    ("交建局2021年受理的12345诉求，没办理的还剩几件？", "56"),  # 2576 − 2520
    ("交通与建设局2021年12345诉求里没办理的有几件？", "56"),
    ("交建局2022年12345平台受理的诉求还有几件没办理？", "0"),  # 2840 − 2840
])
def test_the_rest_asked_negated_of_a_part_printed_plainly(handled: QA, question: str, value: str) -> None:
    a = handled.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "−" in a.text and len(a.figures) == 2


def test_the_part_itself_is_still_the_part(handled: QA) -> None:
    a = handled.ask("交建局2021年12345平台已办理了多少件？")
    assert a.status == "answered" and a.value == Decimal(2520), a.text
