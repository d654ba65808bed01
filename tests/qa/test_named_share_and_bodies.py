"""Shares whose whole and part the question names, precision asked in words, two-body reports,
a member under the line the question names, and words that pick the wrong kind of number: each
class in wordings of its own, over reports of different agencies and layouts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA, places_asked, without_asides
from qa.vocab import quantity_asked

REPORTS = ("211_jinrongfuwubangongshi_final_2017.txt", "205_gonganju_final_2016.txt",
           "174_pingtan_aoqianpianquzhihuibu_budget_2019.txt", "221_shehuishiyeju_disclosure_2018.txt",
           "223_guanweihuibangongshi_disclosure_2019.txt", "214_shehuifuwuguanlizhihuizhongxin_final_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    # the whole before 里/当中/中, the part after it, each looked up as a figure of its own
    ("区金融服务办公室2017年本年支出当中项目支出的比重是多少？", "90.9"),
    ("2017年金融办“三公”经费当中，因公出国（境）费这块占百分之几？", "45.6"),
    ("平潭公安局2016年本年支出中，基本支出占多大比例？", "36.1"),
])
def test_a_share_of_a_named_whole(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and a.unit == "%"
    assert "÷" in a.text  # the inputs are shown


@pytest.mark.parametrize("question,places", [
    ("…占多少比例？（保留两位小数）", 2), ("…占比多少？保留1位小数。", 1), ("大约多少人？（取整）", 0),
    ("…的比重是多少？请给出百分比（精确到三位小数）", 3), ("收到多少件申请？", None),
    ("…的比重？请用百分比表示（一位小数）。", 1),
])
def test_places_asked(question: str, places: int | None) -> None:
    assert places_asked(question) == places
    assert "小数" not in without_asides(question) and "取整" not in without_asides(question)


def test_precision_asked_is_how_the_share_is_written(reports: QA) -> None:
    a = reports.ask("2017年金融办“三公”经费当中，因公出国（境）费这块占百分之几？（保留两位小数）")
    assert a.status == "answered", a.text
    assert a.value == Decimal("45.64")
    b = reports.ask("平潭公安局2016年本年支出中，基本支出占多大比例？（保留三位小数）")
    assert b.status == "answered" and b.value == Decimal("36.137"), b.text


@pytest.mark.parametrize("question", [
    # the second of two bodies named alone: the report's figures for both are not its own
    "澳前片区项目建设服务中心2019年公用支出预算多少？",
    "澳前片区项目建设服务中心2019年人员支出安排了多少万元？",
    # the first named alone, of a figure whose bracket prints each body's share
    "2019年澳前片区项目建设指挥部的支出预算安排了多少？",
])
def test_one_body_of_a_two_body_report(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.value not in (Decimal("276.02"), Decimal("354.56"), Decimal("1170.58")), a.text


@pytest.mark.parametrize("question,value", [
    ("2019年澳前片区项目建设指挥部的公务用车购置及运行费安排了多少？", "3.8"),
    ("澳前片区项目建设指挥部公务用车购置及运行费2019年安排多少预算？", "3.8"),
])
def test_the_line_named_is_not_a_member_under_it(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_member_still_answers_by_its_own_name(reports: QA) -> None:
    a = reports.ask("2019年澳前片区项目建设指挥部安排的公车购置费是多少？")
    assert a.status == "answered" and a.value == Decimal("0"), a.text


@pytest.mark.parametrize("question", [
    "平潭社会事业局2018年信息公开工作经费是多少钱？",
    "社会事业局2018年政府信息公开花了多少经费？",
])
def test_money_spent_is_no_fee_waived(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered", a.text


def test_a_fee_waived_answers_when_asked(reports: QA) -> None:
    a = reports.ask("平潭社会事业局2018年信息公开收费减免了多少元？")
    assert a.status == "answered" and a.value == Decimal("0"), a.text


@pytest.mark.parametrize("question", [
    "2019年管委会办公室办理的申请里，全部或部分公开的比例有多大？",
    "予以公开或部分公开的申请，管委会办公室2019年合计有几件？",
])
def test_two_results_named_as_alternatives_are_not_one_figure(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.value != Decimal("1") and a.value != Decimal("8.3"), a.text


@pytest.mark.parametrize("question,asked", [
    ("热线累计接了多少通电话？", "count:通"), ("一共打进来几通？", "count:通"),
    ("多少项目支出", "money"), ("几辆车", "count:辆"),
])
def test_a_measure_word_glued_to_its_noun(question: str, asked: str) -> None:
    assert quantity_asked(question) == asked


@pytest.mark.parametrize("question,agency", [
    ("金融服务办公室2017年的项目支出决算是多少？", "平潭综合实验区金融服务办公室"),
    ("社会服务管理指挥中心2017年决算的一般公共预算拨款支出是多少？", "平潭综合实验区社会服务管理指挥中心"),
])
def test_a_finance_report_is_filed_under_the_unit_its_title_names(reports: QA, question: str, agency: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert agency in a.text


@pytest.mark.parametrize("asked,unit,answers", [
    ("多少份文件", "条", True), ("几份申请", "件", True), ("多少份", "人", False), ("多少通电话", "条", False),
])
def test_documents_counted_by_the_copy(asked: str, unit: str, answers: bool) -> None:
    from qa.vocab import unit_answers

    assert unit_answers(quantity_asked(asked), unit) is answers
