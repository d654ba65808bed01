"""Wholes asked outright, worked products, and questions of several parts:

* 「…：24.47万元（8155人*30元）」: the product in brackets after a figure is how it was worked out; its
  factors (a headcount, a rate in 元) answer nothing;
* 「全部支出预算」「支出预算总共」 ask the whole: a line with a name of its own (「二、基本支出预算数」,
  「2、对个人和家庭补助支出」) is a part, never that whole, nor a share's whole;
* 「我部部门预算收入为…」: the agency speaking of itself names no line;
* a body whose name holds a word the disclosure tables do not break down by (港澳, 华侨) is asked like
  any other, and a finance report's own 港澳 lines answer;
* 「制作、获取政府信息总数」 asked 「产生和获取的…一共」 is that one line, not a sum of two others;
* 「A比各乡镇多…」: 各 before the bodies it gathers asks nothing of each, so no part is answered twice;
* a question asking a change is never answered by this year's level or by a sum of its items.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA, one_figure_once
from qa.question import split_parts

_CENTRE = (
    "标题: 平潭综合实验区医疗保险服务中心2018年预算编制说明\n发布机构: 平潭综合实验区医疗保险服务中心\n"
    "==================== 正文 ====================\n"
    "经测算2018年我单位需编列预算收入18.20万元，支出9320.40万元，请予审核。一、收入核定数:18.20万元 "
    "二、基本支出预算数8760.10万元 （一）人员经费预算8730.50万元 1、在职人员经费：640.30万元 "
    "2、对个人和家庭补助支出：8090.20万元 （二）公用经费预算29.60万元 三、项目支出经费：560.30万元 "
    "1、离休人员管理费用（医保）：31万元（6200人*50元） 2、参保人员信息采集经费（医保）：18.60万元（6200人*30元） "
    "3、网络运行维护费：12.40万元。\n"
)

_OFFICE = (
    "标题: 平潭综合实验区港澳事务办公室2017年财政预算编制说明\n发布机构: 平潭综合实验区港澳事务办公室\n"
    "==================== 正文 ====================\n"
    "四、预算收支总体情况2017年，我办部门预算收入为512.60万元，系一般公共预算拨款512.60万元。相应安排支出预算"
    "512.60万元，其中基本支出232.60万元，项目支出280万元。五、一般公共预算拨款支出情况（一）港澳联络专项经费"
    "160万元，主要用于对港澳联络交流。（二）港澳青年交流活动补助70万元，主要用于补助青年交流活动。\n"
)

_COUNTY = (
    "标题: 平潭县人民政府2012年政府信息公开工作年度报告\n发布机构: 平潭县人民政府\n"
    "==================== 正文 ====================\n"
    "二、主动公开政府信息情况 各乡镇、县直各单位对政府信息进行了梳理和编目，2012年制作、获取政府信息总数1620条，"
    "其中主动公开政府信息388条，作为依申请公开信息数39条，不予公开信息数1193。主动公开的政府信息，"
    "县直各单位主动公开政府信息270条，占69.6%。各乡镇主动公开政府信息118条，占30.4%。\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"centre_2018.txt": _CENTRE, "office_2017.txt": _OFFICE,
                                            "county_2012.txt": _COUNTY})


@pytest.mark.parametrize(("question", "value"), [
    ("医保服务中心2018年离休人员管理费用预算多少？", "31"),
    ("离休人员管理费用和参保人员信息采集经费，医保服务中心2018年哪个多？", "31"),
])
def test_a_figure_worked_as_a_product_answers_by_its_result(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert a.unit == "万元"


@pytest.mark.parametrize("question", [
    "医保服务中心2018年全部支出预算是多少？",
    "医保服务中心2018年的支出预算总共多少",
])
def test_the_whole_asked_outright_is_no_numbered_line(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("9320.40")


def test_a_share_of_the_whole_asked_outright(qa: QA) -> None:
    a = qa.ask("医保服务中心2018年的全部支出预算中，项目支出经费所占比例是多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("6.0")
    assert "9320.4" in a.text and "8760.1" not in a.text


@pytest.mark.parametrize(("question", "value"), [
    ("港澳事务办公室2017年部门预算收入一共多少？", "512.60"),
    ("平潭港澳事务办公室2017年港澳联络专项经费预算是多少？", "160"),
    ("区港澳事务办公室2017年给港澳青年交流活动补助了多少钱？", "70"),
])
def test_a_body_named_by_a_word_the_tables_lack(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question", [
    "平潭全县2012年产生和获取政府信息合计几条？",
    "平潭县2012年产生、获取的政府信息一共多少条",
])
def test_two_acts_printed_as_one_line_are_that_line(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("1620")


def test_a_count_said_as_fixed(qa: QA) -> None:
    a = qa.ask("平潭县2012年被定为不予公开的政府信息是几条？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("1193")


@pytest.mark.parametrize("question", [
    "县直单位2012年公开的信息比各乡镇多几条？",
    "各乡镇和县直单位2012年哪边主动公开得多？",
])
def test_bodies_gathered_by_ge_are_no_parts(question: str) -> None:
    assert split_parts(question) == (question,)


def test_each_part_gets_its_own_figure(qa: QA) -> None:
    a = qa.ask("平潭县2012年县直各单位和各乡镇主动公开各多少条？")
    assert [p.value for p in a.parts] == [Decimal("270"), Decimal("118")], a.text


def test_one_figure_never_answers_two_parts(qa: QA) -> None:
    one = qa.ask("平潭县2012年各乡镇主动公开了多少条")
    assert one.status == "answered", one.text
    both = one_figure_once(("各乡镇主动公开多少条", "县直各单位主动公开多少条"), [one, one])
    assert [p.status for p in both] == ["refused", "refused"]
    assert "同一个" in both[0].text


@pytest.mark.parametrize("question", [
    "港澳事务办公室2017年的部门预算比2016年增加还是减少了多少？",
    "港澳事务办公室2017年港澳联络专项经费比上年多安排了多少？",
])
def test_a_change_asked_is_no_level_of_the_year(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status != "answered" or a.value not in (Decimal("512.60"), Decimal("160")), a.text
