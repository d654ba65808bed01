"""The operation a question asks for is the one answered: a sum over years is added, not compared;
「哪个多」 between two items of one report names the larger; 「A和B的X各多少」 asks A's X too."""

from __future__ import annotations

from decimal import Decimal

import pytest
from stated import says

from qa.question import split_parts
from qa.scope import Filters


@pytest.mark.parametrize("question,value,inputs", [
    ("洪泽区2023年和2024年一共收到多少申请？", "116", ("21件", "95件")),
    # 洪泽 2023 prints 复议 维持 10, 纠正 1 beside a 总计 of 0: a total its own row contradicts is never added
    ("洪泽区2024年和2023年的行政复议总数加起来多少？", None, ()),
    ("平潭2021年和2025年的行政诉讼合计多少件？", None, ()),  # answered or refused, never a difference
])
def test_a_sum_over_years_adds(qa, question, value, inputs):
    a = qa.ask(question)
    assert "增加" not in a.text and "减少" not in a.text, a.text
    if value is not None:
        assert (a.status, str(a.value)) == ("answered", value), a.text
        assert all(i in a.text for i in inputs) and "+" in a.text


@pytest.mark.parametrize("report,question,label,value", [
    ("15_wanli_jiedao_budget_2024", "基本支出和项目支出哪个少？", "项目支出", "56505103"),
    ("01_huaian_shi_2024", "予以公开和部分公开哪个多？", "予以公开", "1362"),
    ("19_putuo_jianguanwei_budget_2026", "差旅费和会议费谁更高？", None, None),
])
def test_which_of_two_items_is_larger(qa, report, question, label, value):
    a = qa.ask(question, filters=Filters(reports=(report,)))
    if value is None:  # whichever it is, both inputs and the gap are shown
        assert a.status != "answered" or ("相差" in a.text and "−" in a.text), a.text
        return
    assert (a.status, str(a.value)) == ("answered", value), a.text
    assert label in a.text.split("：")[0] and "相差" in a.text


@pytest.mark.parametrize("question,parts", [
    ("自然人和企业的申请分别有多少？", ("自然人的申请有多少", "企业的申请有多少")),
    ("律所和公益组织的申请各有几件？", ("律所的申请有几件", "公益组织的申请有几件")),
    ("基本支出和项目支出各多少？", ("基本支出多少", "项目支出多少")),
])
def test_the_noun_after_the_last_item_is_every_items(question, parts):
    assert split_parts(question) == parts


@pytest.mark.parametrize("question,parts", [
    ("接待工作共接待几批次、几人？", ("接待工作共接待几批次", "接待工作共接待几人")),
    ("2017年公务接待多少批次，多少人次？", ("2017年公务接待多少批次", "2017年公务接待多少人次")),
    ("公务用车有几辆和多少钱的运行费？", None),  # the second measure has its own noun: not two counts
    # each ask with the few words it counts
    ("2018年海关本级设了几个岗位、几个人在岗？", ("2018年海关本级设了几个岗位", "2018年海关本级设了几个人在岗")),
    ("某站去年派出多少人次、多少辆车？", ("某站去年派出多少人次", "某站去年派出多少辆车")),
])
def test_one_subject_counted_two_ways_is_two_parts(question, parts):
    assert split_parts(question) == (parts or (question,))




def test_a_year_compared_with_is_scope_not_content(qa):
    a = qa.ask("洪泽区2024年收到的申请比上一年多了几件？")
    assert (a.status, str(a.value)) == ("answered", "74"), a.text
    # 洪泽 2023's 复议 总计 (0) is contradicted by its own outcomes (10 + 1): no change is computed from it
    b = qa.ask("洪泽区2024年的行政复议比上一年多了几件？")
    assert b.status != "answered" or b.value != 2, b.text


@pytest.mark.parametrize("question,value", [
    ("上海市政府办公厅2025年商业企业和科研机构一共申请了几件？", "36"),  # 36 + 0, not + 总计 1295
    ("淮安市2024年自然人和法律服务机构的申请合计多少件？", "3062"),  # 3001 + 61: 自然人 is one addend's
    ("淮安市2024年律所和公益组织加起来申请了几件？", "61"),
    # an everyday word for one column (企业 → 商业企业) beside another column's own name (自然人): the
    # name is that addend's, no contradiction of the column the everyday word found
    ("上海市政府办公厅2025年自然人和企业一共申请了几件？", None),
    ("淮安市2024年企业跟自然人的申请加起来多少件？", None),
])
def test_the_items_named_are_added_never_their_total(qa, question, value):
    a = qa.ask(question)
    if value is None:  # the sum of the two cells it cites
        assert a.status == "answered" and len(a.figures) == 2, a.text
        assert a.value == sum(f.fact.value for f in a.figures)
        assert {f.fact.column_path[-1] for f in a.figures} == {"自然人", "商业企业"}, a.text
    else:
        assert (a.status, str(a.value)) == ("answered", value), a.text
    assert "总计" not in a.text.split("=")[0], a.text


@pytest.mark.parametrize("question,value", [
    ("淮安市2024年行政诉讼直接起诉和复议后起诉差几件？", "6"),  # 26 − 20, not the 46 they add up to
    ("淮安市2024年行政诉讼直接起诉比复议后起诉多几件？", "6"),
    ("淮安市2024年部分公开和予以公开差了多少件？", None),  # whichever order, never their sum 1816
])
def test_a_difference_asked_in_few_words_is_a_difference(qa, question, value):
    a = qa.ask(question)
    assert str(a.value) != "1816" and str(a.value) != "46", a.text
    if value is not None:
        assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("question,value", [
    ("淮安市和洪泽区2024年行政复议一共多少件？", "353"),  # 351 + 2: two agencies added, not asked which
    ("淮安市和洪泽区2024年的申请加起来有多少？", "3214"),
])
def test_a_sum_over_agencies_adds(qa, question, value):
    a = qa.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text
    assert "+" in a.text


@pytest.mark.parametrize("question,lines", [
    ("洪泽区2023年和2024年的申请数量分别是多少？", ("21件", "95件")),
    ("平潭2021年和2025年收到的申请各是多少？", ("70件", "154件")),
])
def test_each_year_asked_is_answered_in_its_own_report(qa, question, lines):
    a = qa.ask(question)
    got = a.text.split("\n")
    assert a.status == "answered" and all(x in got[i] for i, x in enumerate(lines)), a.text


@pytest.mark.parametrize("question", [
    "厚街镇2023年收到的申请和主动公开的信息一共多少？",  # 宗 of applications + 条 of items
    "淮安市2024年收到的申请和主动公开的政府信息加起来多少？",  # 件 + 条
    "淮安市2024年主动公开的政府信息比收到的申请多多少？",
])
def test_figures_of_different_things_are_never_added(qa, question):
    a = qa.ask(question)
    assert a.status != "answered" or a.value is None, a.text
    assert "=" not in a.text, a.text


@pytest.mark.parametrize("question,value,converted", [
    # a prose amount in 万元 beside a table's 元: converted exactly, and the answer says so
    ("万里街道2024年机关运行经费和一般公共服务支出一共多少钱？", "7364500", "443.18万元按4431800元计"),
    ("上海市普陀区建设和管理委员会2026年机关运行经费和基本支出加起来多少？", "83773480.2", "124.56万元按1245600元计"),
    ("上海市普陀区建设和管理委员会2026年基本支出比机关运行经费多多少？", "81282280.2", "124.56万元按1245600元计"),
])
def test_money_in_two_scales_is_added_in_one(qa, question, value, converted):
    a = qa.ask(question)
    assert (a.status, a.value) == ("answered", Decimal(value)), a.text
    assert converted in a.text and a.unit == "元"


@pytest.mark.parametrize("question,value", [
    # the report has no 一般公共服务支出 line: 「商品和服务支出 × 一般公共预算基本支出」 holds its words only in pieces
    ("上海市普陀区建设和管理委员会2026年机关运行经费和一般公共服务支出一共多少？", None),
    ("上海市普陀区建设和管理委员会2026年一般公共服务支出是多少？", None),
    ("上海市普陀区建设和管理委员会2026年一般公共服务支出比机关运行经费多多少？", None),
    # reports that print the line still answer it
    ("万里街道2024年的一般公共服务支出预算多少？", "2932700"),
    ("石泉路街道2025年的一般公共服务支出是多少？", "306.9"),
    ("万里街道2024年的住房公积金支出多少？", "3503499"),
])
def test_a_line_named_is_not_made_of_pieces_of_other_lines(qa, question, value):
    says(qa.ask(question), value)


@pytest.mark.parametrize("question,value,whole", [
    ("淮安市2024年予以公开和部分公开加起来占办理结果的比例是多少？", "59.5", "3050"),  # (1362 + 454) ÷ 3050
    ("洪泽区2024年予以公开和部分公开加起来占了几成？", "62.1", "95"),
    ("淮安市2024年不予公开和无法提供一共占多大比重？", "31.4", "3050"),
])
def test_a_share_of_items_added(qa, question, value, whole):
    """The items added, then divided by the one whole each is a share of; every input cited."""
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and a.unit == "%"
    assert str(a.figures[-1].fact.value) == whole and len(a.figures) >= 3


def test_a_share_of_items_over_another_whole_is_not_guessed(qa):
    """新收 (3027 + 结转) is not the 办理结果 total every outcome is a share of: no figure is made up."""
    a = qa.ask("淮安市2024年予以公开和部分公开合计占新收申请的比例？")
    assert a.status != "answered" or a.value != Decimal("59.5"), a.text


@pytest.mark.parametrize("question,value,whole", [
    ("厚街镇2023年14宗申请里，自然人申请的占多少？", "85.7", "14"),
    ("洪泽区2024年95件办理结果里，予以公开的占百分之几？", "52.6", "95"),
    ("淮安市2024年3050件办理结果中，部分公开的占了多少？", "14.9", "3050"),
])
def test_the_size_of_the_whole_the_asker_says_is_checked_not_looked_up(qa, question, value, whole):
    """「14宗申请里」: 14 is no word of the whole's name; the whole read without it must be 14."""
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and str(a.figures[-1].fact.value) == whole
    assert a.figures[-1].fact.column_path[-1] in ("总计", "total"), a.text
