"""Wordings of two-item questions and of counts that the items' own names decide:

* a printed name that holds 和 and 的 (「对个人和家庭的补助」) is one item: its 的 makes no owner of the
  other item, and 「A与B相比，哪个更高」 ends the items at 相比;
* 「哪个略多一些」「哪项稍高」: a degree word between 哪个 and 多 still asks which is larger, and 「谁分得多」
  「哪个花得多」 say how the larger came to be, not what it is;
* items listed in a bracket and counted (「项目支出（专项业务费、部门发展性和社会发展性三块）一共」): the count
  names no item;
* a count said in words (「两位挂职干部」) is the count a label prints in digits (「2位挂职干部」), and no other;
* an amount glossed by a bracket with a count in it (「人员经费18.6万元（3位在编人员）」): the bracket says what the
  amount is for, a question of the amount gets the amount (never the count), and the count answers a count.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_LAB = (
    "标题: 平潭综合实验区计量检定所2018年部门预算批复\n发布机构: 平潭综合实验区计量检定所\n"
    "==================== 正文 ====================\n"
    "一、2018年部门预算 （二）支出预算 1.人员经费 120.5万元 2.公用经费11.2万元，其中：公务用车定额补助 3 万元。"
    "3.对个人和家庭的补助12.4万元 4.项目支出 300万元\n"
)

_PARK = (
    "标题: 平潭综合实验区园区办2017年预算说明\n发布机构: 平潭综合实验区园区办\n"
    "==================== 正文 ====================\n"
    "五、一般公共预算拨款支出情况 （一）人员经费18.6万元（3位在编人员）。（二）综合定额公用经费0.9万元"
    "（2位借调人员经费）。（三）商品和服务支出6.5万元。（四）对个人和家庭的补助支出2.3万元。"
    "（五）公务接待费4万元，其中招商科2.5万元，规划科1.5万元。\n"
)


_WORKS = (
    "标题: 平潭综合实验区港务局2015年部门预算批复\n发布机构: 平潭综合实验区港务局\n"
    "==================== 正文 ====================\n"
    "一、2015年部门预算 1.支出预算合计900万元，其中：人员支出150万元，公用支出50万元，项目支出中专项业务费120万元、"
    "部门发展性项目支出80万元、社会发展性项目支出500万元。\n"
)


_SPORTS = (
    "标题: 2019年度平潭综合实验区文体局部门预算说明\n发布机构: 平潭综合实验区文体局\n"
    "==================== 正文 ====================\n"
    "五、一般公共预算拨款支出情况 （五）文体场馆运行的支出900万元，主要用于场馆维护。（六）其他文体支出1200万元，"
    "主要用于赛事活动。（七）群众文体活动支出300万元。（八）其他文化支出500万元。（九）其他体育支出400万元。\n"
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"lab.txt": _LAB, "park.txt": _PARK, "works.txt": _WORKS,
                                            "sports.txt": _SPORTS})


@pytest.mark.parametrize("question", [
    # a quoted name's own 的 owns nothing, and the agency's stem (文体) inside a line's name is the line's
    "文体局2019年“文体场馆运行的支出”和“其他文体支出”，哪项预算更大？",
    "文体局2019年其他文体支出和文体场馆运行的支出哪个多？",
])
def test_quoted_names_and_the_agencys_stem_inside_them(pages: QA, question: str) -> None:
    a = pages.ask(question)
    assert a.status == "answered", a.text
    assert a.text.split("：")[0].endswith("「其他文体支出」更多")
    assert {f.fact.value for f in a.figures} == {Decimal("1200"), Decimal("900")}


@pytest.mark.parametrize("question", [
    "港务局2015年项目支出（专项业务费、部门发展性和社会发展性三块）一共多少？",
    "港务局2015年专项业务费、部门发展性和社会发展性这三块项目支出加起来多少？",
])
def test_items_listed_and_counted(pages: QA, question: str) -> None:
    a = pages.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("700")


@pytest.mark.parametrize("question,winner,value", [
    ("2018年计量检定所对个人和家庭的补助与人员经费相比，哪个更高？", "人员经费", "120.5"),
    ("计量检定所2018年公用经费和对个人和家庭的补助，哪个略多一些？", "对个人和家庭的补助", "12.4"),
    ("园区办2017年商品和服务支出与对个人和家庭的补助支出相比，哪项稍高？", "商品和服务支出", "6.5"),
    ("园区办2017年4万元公务接待费里，招商科和规划科谁分得多？", "招商科", "2.5"),
    ("园区办2017年公务接待费里，规划科和招商科哪个花得多？", "招商科", "2.5"),
])
def test_a_name_holding_he_and_de_is_one_item(pages: QA, question: str, winner: str, value: str) -> None:
    a = pages.ask(question)
    assert a.status == "answered", a.text
    assert winner in a.text.split("：")[0]
    assert Decimal(value) in {f.fact.value for f in a.figures}


def test_a_difference_ended_by_xiangbi(pages: QA) -> None:
    a = pages.ask("计量检定所2018年公用经费与人员经费相比，差多少？")
    assert a.status == "answered", a.text
    assert abs(a.value) == Decimal("109.3")


@pytest.mark.parametrize("question,value", [
    ("园区办2017年给两位借调人员的综合定额公用经费是多少？", "0.9"),
    ("园区办2017年三位在编人员的人员经费是多少？", "18.6"),
    ("园区办2017年在编人员的人员经费是多少？", "18.6"),
    ("园区办2017年给借调人员的综合定额公用经费是多少？", "0.9"),
    ("园区办2017年有几位在编人员？", "3"),
])
def test_a_count_in_words_is_the_printed_count(pages: QA, question: str, value: str) -> None:
    a = pages.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_another_count_is_not(pages: QA) -> None:
    a = pages.ask("园区办2017年给三位借调人员的综合定额公用经费是多少？")
    assert a.status != "answered", a.text


@pytest.mark.parametrize("question,value", [
    # the items listed after an except: the except only says what they are not
    ("2018年计量检定所除了项目支出以外，人员经费、公用经费及对个人和家庭的补助三项一共多少？", "144.1"),
    ("计量检定所2018年除了项目支出之外，人员经费和公用经费加起来是多少？", "131.7"),
])
def test_items_listed_after_an_except(pages: QA, question: str, value: str) -> None:
    a = pages.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert Decimal("300") not in {f.fact.value for f in a.figures}


def test_the_rest_with_no_total_printed_is_refused(pages: QA) -> None:
    a = pages.ask("计量检定所2018年除了项目支出，其余还有多少？")
    assert a.status != "answered", a.text
