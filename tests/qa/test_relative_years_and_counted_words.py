"""The year before said without a year, and words that only say what is counted:

* 「上年的车辆经费大约是多少」 of an agency whose latest report is 2017's: what that report prints of 2016
  (an estimate from its 「与上年支出数相比下降50%」), said as such; 「为什么比上年少了」 asks the 2017
  report, not a 2016 one; a premise stating the change (「…比上年下降了40%，那上年的…」) asks only
  what its last clause asks; 「根据2017年的预算说明，上年的…」 asks 2016, worked out from that report;
* 「2017年…上一年的收入预算」 asks 2016 (「比上一年多多少」 the change); 「公车购置及运行费和接待费比」 compares two
  lines, one a shortened joined name;
* 「历年累计数」 says "the number of" what it counts: the 数 asks nothing more;
* 「花掉的钱」 is spending, 「收上来」 a tax collected (完成); 「被列为不予公开」 the row of information withheld;
* 「各乡镇主动公开…」 printed as a line is that line's figure, not a list of each town's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_PLANNING = (
    "标题: 平潭综合实验区海洋渔业局2017年部门预算公开说明\n发布机构: 平潭综合实验区海洋渔业局\n"
    "==================== 正文 ====================\n"
    "一、收支预算总体情况 2017年收入预算660.40万元，比上年增加120.40万元。支出预算660.40万元。"
    "七、一般公共预算“三公”经费支出情况 （二）公务接待费 2017年预算安排3.5万元。"
    "（三）公务用车购置及运行费 2017年预算安排车辆经费4.2万元，其中公务用车购置费0万元、车辆运行费4.2万元，"
    "与上年支出数相比下降40%，主要原因是车辆改革。\n"
)

_DISCLOSURE = (
    "标题: 平潭县人口和计划生育局2011年政府信息公开工作年度报告\n发布机构: 平潭县人口和计划生育局\n"
    "==================== 正文 ====================\n"
    "一、概述 2011年，我局制作、获取政府信息总数312条，其中主动公开政府信息186条，作为依申请公开信息数20条，"
    "不予公开信息数106。主动公开的政府信息，局机关主动公开政府信息130条，各乡镇主动公开政府信息56条。"
    "附件1：平潭县人口和计划生育局2011年政府信息公开情况统计表 指标名称计量单位2011年度历年累计主动公开信息数条"
    "186940其中：1.网站公开条1809022.政府公报公开条638受理依申请公开信息总数条00\n"
)

_ACCOUNT = (
    "标题: 平潭综合实验区环岛路建设指挥部2016年度部门决算说明\n发布机构: 环岛路建设指挥部\n"
    "==================== 正文 ====================\n"
    "一、收入支出决算总体情况 2016年年初结转结余15600.20万元，本年收入3200.00万元，本年支出5460.10万元，"
    "年末结转结余13340.10万元。二、税收情况 2016年代征营业税完成52万元。\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"fishery_2017.txt": _PLANNING, "family_2011.txt": _DISCLOSURE,
                                            "road_2016.txt": _ACCOUNT})


def test_the_year_before_said_without_a_year(qa: QA) -> None:
    a = qa.ask("海洋渔业局上年的车辆经费大约是多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("7")
    assert "4.2" in a.text and "40%" in a.text and "2016" in a.text


@pytest.mark.parametrize("question", [
    "海洋渔业局称公车经费较上年减了40%，那么上一年车辆经费约为多少？",
    "海洋渔业局的车辆经费较上年少了40%，那上一年的车辆经费大概是多少？",
])
def test_a_premise_stating_the_change_then_the_year_before_asked(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("7")


def test_a_premise_with_its_figure_and_a_bare_ask_states_no_figure_of_the_premise(qa: QA) -> None:
    a = qa.ask("海洋渔业局2017年车辆经费4.2万元、比上年下降40%，倒推上年大约是多少？")
    assert a.value != Decimal("4.2"), a.text


@pytest.mark.parametrize("question", [
    "拿2017年预算说明的增加数往回推，海洋渔业局上一年收入预算多少？",
    "根据海洋渔业局2017年的预算说明，上年的收入预算是多少",
])
def test_the_year_before_the_report_named_as_the_source(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("540.00")
    assert "660.4" in a.text and "120.4" in a.text


def test_the_year_before_the_year_named(qa: QA) -> None:
    a = qa.ask("海洋渔业局2017年，上一年的收入预算有多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("540.00")
    b = qa.ask("海洋渔业局2017年收入预算比上一年多多少？")  # compared with the year before: the change
    assert b.status == "answered" and b.value == Decimal("120.40"), b.text


@pytest.mark.parametrize("question", [
    "海洋渔业局2017年收入预算是多少？跟上年相比增还是减？",
    "海洋渔业局2017年的收入预算有多少，同上年比是多了还是少了？",
])
def test_compared_with_the_year_before_beside_a_named_year_asks_that_year(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("660.40")


def test_a_shortened_joined_line_compared_is_one_item(qa: QA) -> None:
    a = qa.ask("海洋渔业局2017年公车购置及运行费和接待费比，哪个多？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("4.2") and "3.5" in a.text


def test_the_year_before_with_no_change_printed_is_refused(qa: QA) -> None:
    a = qa.ask("海洋渔业局上年的支出预算是多少？")
    assert a.status == "refused", a.text
    assert "2016" in a.text


def test_compared_with_the_year_before_asks_the_reports_own_year(qa: QA) -> None:
    a = qa.ask("海洋渔业局的车辆经费比上年少了多少个百分点？为什么比上年少？")
    assert "2016年的报告" not in a.text, a.text
    assert "海洋渔业局2017年" in a.text, a.text


@pytest.mark.parametrize(("question", "value"), [
    ("人口计生局统计表里网站公开的历年累计数是多少？", "902"),
    ("平潭县人口计生局2011年有多少条政府信息被列为不予公开？", "106"),
    ("人口计生局2011年各乡镇主动公开了多少条信息？", "56"),
    ("环岛路指挥部2016年花掉的钱有多少？", "5460.10"),
    ("环岛路指挥部2016年营业税收上来多少？", "52"),
])
def test_words_that_only_say_what_is_counted(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
