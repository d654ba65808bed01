"""A budget speech sets out last year's outturn in a section of its own and this year's plan after it:

* the year before is asked with any operation (a sum, which is larger, a difference, a share), answered over
  that section's figures alone, as over a report of its own, and said to come from the later report;
* the plan is compared with the outturn (「2021年预算比2020年实际多了多少」「比上年增加了多少」): the same item
  of each year, both figures cited to the one report;
* a title that leaves out 情况 (「…2020年财政预算执行和2021年财政预算（草案）的报告」) is still the plan's year;
* 「在农林水上花了多少」: the 上 of 在…上 is grammar, not a word a label must hold;
* a body's full name glossed by its short form (「某某项目管理办公室（项目办）」) names the agency.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_HILL = (
    "标题: 关于青山乡2020年财政预算执行和2021年财政预算（草案）的报告\n发布机构: 青山乡\n"
    "==================== 正文 ====================\n"
    "各位代表： 现在，我受青山乡人民政府委托，向大会报告青山乡2020年财政预算执行和2021年财政预算草案，请予审议。 "
    "一、2020年财政预算执行情况 （一）收入执行情况 2020年全乡财政收入完成45万元，其中增值税完成30万元、"
    "企业所得税完成12万元、个人所得税完成3万元。 （二）支出执行情况 全年支出总额约为620万元，其中： "
    "（1）一般公共服务支出400万元； （2）农林水支出150万元（其中对村级组织的补助90万元）； "
    "（3）差旅费支出18万元，主要是下村工作补贴。 "
    "二、2021年财政预算（草案） 拟安排2021年一般公共预算支出640万元，其中：一般公共服务支出安排420万元；"
    "农林水支出安排160万元；差旅费支出20万元，主要是交通补贴。\n"
)

_RIVER = (
    "标题: 白水镇2018年预算执行情况和2019年预算草案的报告\n发布机构: 白水镇\n"
    "==================== 正文 ====================\n"
    "各位代表： 受白水镇人民政府委托，向大会作报告。 一、2018年预算执行情况 2018年全镇一般公共预算支出"
    "980万元，其中：教育支出210万元，卫生健康支出75万元，城乡社区支出300万元。全年支付道路硬化工程款"
    "120万元，支付污水管网建设款45万元。 二、2019年预算草案 相应安排全镇一般公共预算支出1030万元，其中："
    "教育支出安排230万元，卫生健康支出安排70万元，城乡社区支出安排310万元。\n"
)

_OFFICE = (
    "标题: 平潭综合实验区项目办2019年预算说明\n发布机构: 平潭综合实验区项目办\n"
    "==================== 正文 ====================\n"
    "一、部门主要职责 区项目办的主要职责是统筹全区重点项目的前期工作。 二、预算收支总体情况 2019年，区项目办"
    "收入预算为88万元。相应安排支出预算88万元，其中：人员支出20万元，公用支出8万元，项目支出60万元。 "
    "三、项目支出 （一）重点项目前期工作经费40万元。（二）项目策划经费20万元。\n"
)


@pytest.fixture(scope="module")
def speeches(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"hill.txt": _HILL, "river.txt": _RIVER, "office.txt": _OFFICE})


def test_the_title_without_qingkuang_is_the_plans_year(speeches: QA) -> None:
    years = {r.agency: r.year for r in speeches.kb.reports()}
    assert years["青山乡"] == 2021 and years["白水镇"] == 2019


@pytest.mark.parametrize("question,value", [
    ("青山乡2020年增值税和企业所得税加起来多少？", "42"),
    ("青山乡2020年企业所得税比个人所得税多多少？", "9"),
    ("2020年青山乡的增值税和个人所得税，哪个多？", "30"),
    ("白水镇2018年道路硬化和污水管网，哪项付的钱多？", "120"),
    ("白水镇2018年教育支出和卫生健康支出一共多少？", "285"),
])
def test_the_year_before_with_any_operation(speeches: QA, question: str, value: str) -> None:
    a = speeches.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "没有" in a.text and "说明" in a.text  # said to come from the later report


def test_a_share_of_the_year_before(speeches: QA) -> None:
    a = speeches.ask("2020年青山乡对村级组织的补助占农林水支出的比重是多少？")
    assert a.status == "answered", a.text
    assert abs(a.value - Decimal("60.0")) <= Decimal("0.1")


@pytest.mark.parametrize("question,value,inputs", [
    ("青山乡2021年差旅费预算比2020年实际支出多了多少？", "2", {"20", "18"}),
    ("青山乡2021年一般公共服务支出比上年增加了多少？", "20", {"420", "400"}),
    ("白水镇2019年教育支出安排比2018年多了多少？", "20", {"230", "210"}),
    ("白水镇2019年一般公共预算支出比2018年的执行数多多少？", "50", {"1030", "980"}),
])
def test_the_plan_against_the_outturn(speeches: QA, question: str, value: str, inputs: set[str]) -> None:
    a = speeches.ask(question)
    assert a.status == "answered", a.text
    assert abs(a.value) == Decimal(value)
    assert {str(f.fact.value) for f in a.figures} == inputs
    assert len({f.report.id for f in a.figures}) == 1  # both from the one report


@pytest.mark.parametrize("question", [
    "青山乡2019年增值税和企业所得税加起来多少？",  # no section of 2019
    "青山乡2021年增值税比上年多多少？",  # the plan sets out no 增值税
    "白水镇2019年道路硬化工程款比上年多多少？",  # paid in 2018 only
])
def test_what_neither_year_holds_is_refused(speeches: QA, question: str) -> None:
    a = speeches.ask(question)
    assert a.status != "answered", a.text


@pytest.mark.parametrize("question,value", [
    ("2020年青山乡在农林水上花了多少钱？", "150"),
    ("白水镇2019年在卫生健康上安排了多少？", "70"),
])
def test_zai_shang_is_grammar(speeches: QA, question: str, value: str) -> None:
    a = speeches.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_full_name_glossed_by_the_short_one(speeches: QA) -> None:
    a = speeches.ask("2019年区重点项目统筹管理办公室（项目办）的支出预算总共是多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("88")
    # without the gloss the full name is no name of this agency: its words are not a line's
    b = speeches.ask("2019年区重点项目统筹管理办公室的支出预算总共是多少？")
    assert b.status != "answered" or b.value == Decimal("88"), b.text


def test_taxes_named_as_shui_shou(speeches: QA) -> None:
    # 税收 is what each printed tax is part of: two of them compared inside it, never one answering for it
    a = speeches.ask("青山乡2020年的税收里，企业所得税和个人所得税哪个多？")
    assert a.status == "answered", a.text
    assert {f.fact.value for f in a.figures} == {Decimal("12"), Decimal("3")}
    b = speeches.ask("青山乡2020年税收是多少？")
    assert b.status != "answered" or b.value not in (Decimal("30"), Decimal("12"), Decimal("3")), b.text
