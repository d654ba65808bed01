"""The verifier, class by class: each class of wrong figure is tried in several wordings on
several reports, and unit-level cases pin the coverage rules themselves."""

from __future__ import annotations

import pytest

from qa.question import split_parts
from qa.scope import Filters
from qa.verify import uncovered_terms
from qa.vocab import quantity_asked, unit_answers

SEED = "00_houjie_zhen_2023"
HUAIAN = "01_huaian_shi_2024"
HONGZE = "03_hongze_qu_2024"
ZONE = "04_pingtan_zone_2025"
BUDGET = "15_wanli_jiedao_budget_2024"


def _ask(qa, report, question):
    return qa.ask(question, filters=Filters(reports=(report,)))


# ---- coverage: a content word no label of the figure accounts for stops the answer -------------
@pytest.mark.parametrize("report,question,word", [
    (SEED, "律师代理提出的申请有多少件？", "代理"),
    (HUAIAN, "由代理人替别人提出的信息公开申请有几件？", "代理"),
    (HONGZE, "通过律师代理来申请公开的有多少？", "代理"),
    (HUAIAN, "答复逾期的申请有多少件？", "逾期"),
    (SEED, "经过调解了结的行政复议有几起？", "调解"),
    (ZONE, "行政复议后来撤诉的有几件？", "撤诉"),
    (BUDGET, "12345热线的经费预算是多少？", "热线"),
    (BUDGET, "给残疾人发的补贴预算是多少？", "残疾人"),
])
def test_a_word_the_figure_does_not_cover_refuses_and_is_named(qa, report, question, word):
    a = _ask(qa, report, question)
    assert a.status == "refused" and a.value is None, a.text
    assert word in a.text


@pytest.mark.parametrize("report,question,value", [
    (SEED, "厚街镇2023年收到多少宗信息公开申请？", "14"),
    (SEED, "企业申请了几宗？", "2"),
    (HUAIAN, "普通市民个人提的申请有多少件？", "3001"),
    (HUAIAN, "因为政府不掌握这个信息而没能提供的有几件？", "769"),
    (HONGZE, "洪泽区2024年被申请复议的案子有几件？", "2"),
    (BUDGET, "万里街道2024年租赁费安排了多少？", None),
])
def test_everyday_wordings_of_a_labelled_figure_still_answer(qa, report, question, value):
    a = _ask(qa, report, question)
    assert a.status == "answered", a.text
    if value is not None:
        assert str(a.value) == value, a.text


# ---- quantity: money, percentages and counted things are not interchangeable -------------------
@pytest.mark.parametrize("report,question", [
    (HUAIAN, "淮安市2024年行政处罚的罚款金额是多少？"),
    (SEED, "厚街镇行政许可涉及多少钱？"),
    (BUDGET, "万里街道2024年有几辆公务用车运行维护？"),
    (BUDGET, "万里街道2024年公务用车运行维护费对应多少台车？"),
])
def test_the_kind_of_number_asked_must_be_the_kind_found(qa, report, question):
    a = _ask(qa, report, question)
    assert a.status == "refused" and a.value is None, a.text


def test_quantity_words_and_units():
    assert quantity_asked("罚款金额是多少") == "money"
    assert quantity_asked("有几辆车") == "count:辆"
    assert quantity_asked("占比多少") == "percent"
    assert unit_answers("count:宗", "件") and unit_answers("count:次", "件")
    assert not unit_answers("money", "件") and not unit_answers("count:辆", "元")
    assert not unit_answers("percent", "万元") and unit_answers("percent", "%")


# ---- several parts: every part answered, or the missing one named --------------------------------
@pytest.mark.parametrize("question,parts", [
    ("申请一共多少？其中企业几宗？", ("申请一共多少", "申请，企业几宗")),
    ("政府采购预算一共多少，其中货物多少？", ("政府采购预算一共多少", "政府采购预算，货物多少")),
    ("基本支出和项目支出各多少？", ("基本支出多少", "项目支出多少")),
    ("行政许可多少件？占行政处罚的百分之多少？", ("行政许可多少件", "行政许可件，占行政处罚的百分之多少")),
    ("厚街镇2023年收到多少宗信息公开申请？", ("厚街镇2023年收到多少宗信息公开申请？",)),
])
def test_questions_split_into_their_parts(question, parts):
    assert split_parts(question) == parts


@pytest.mark.parametrize("report,question,first,second", [
    (SEED, "申请一共多少？其中企业几宗？", "14", "2"),
    (HUAIAN, "2024年收到的申请一共有多少件？其中自然人提了多少件？", "3119", "3001"),
    (HONGZE, "洪泽区2024年收到多少件申请？其中自然人几件？", "95", None),
])
def test_each_part_is_answered_and_the_first_leads(qa, report, question, first, second):
    a = _ask(qa, report, question)
    assert a.status == "answered" and str(a.value) == first, a.text
    assert "（1）" in a.text and "（2）" in a.text
    if second is not None:
        assert f"为{second}" in a.text.split("（2）")[1], a.text


@pytest.mark.parametrize("report,question", [
    (SEED, "复议和诉讼加起来一共多少件？"),
    (ZONE, "行政复议和行政诉讼加在一起有多少件？"),
    (HONGZE, "复议与诉讼的案件合计多少？"),
])
def test_two_groups_added_are_both_counted(qa, report, question):
    a = _ask(qa, report, question)
    assert a.status == "answered", a.text
    assert "行政复议" in a.text and "行政诉讼" in a.text and " + " in a.text


def test_a_single_cell_named_in_two_clauses_is_not_split(qa):
    a = _ask(qa, HONGZE, "当事人先复议、复议完再去法院起诉的官司一共有多少件？")
    assert a.status == "answered" and "复议后起诉" in a.text and " + " not in a.text, a.text


# ---- rules of coverage, without a store ----------------------------------------------------------
def test_coverage_rules():
    label = ["三、本年度办理结果", "(三)不予公开", "5.属于三类内部事务信息", "商业企业"]
    assert uncovered_terms("因为属于内部事务信息而没公开的申请中，企业提的有几宗？", label) == []
    # a negation is covered only by a label that negates
    assert "不" in "".join(uncovered_terms("不公开的申请有几件", ["(一)予以公开"]))
    assert uncovered_terms("厚街镇2023年收到多少宗申请", ["一、本年新收政府信息公开申请数量"], ["厚街镇"]) == []
    assert uncovered_terms("除了维持和纠正之外，其他结果的有几起", ["行政复议", "其他结果"]) == []
    assert uncovered_terms("12345热线经费是多少", ["“三公”经费预算数"]) == ["热线"]


@pytest.mark.parametrize("question,labels,left", [
    # a compound whose halves the label prints the other way round is the same compound
    ("做了几次问卷调查", ["针对平安建设等工作发布调查问卷"], []),
    ("主动公开的公开信息有多少条", ["主动公开政府信息", "信息公开"], []),
    # but only a whole half: 调查 alone does not make 问卷 of 意见调查
    ("做了几次问卷调查", ["开展意见调查"], ["问卷"]),
    # a pronoun for the agency is no content: 「给它定的」 is 下达…控制数 (a lone verb names no item)
    ("财金局给它定的三公经费控制数是多少", ["下达我单位“三公经费”控制数"], []),
    ("财金局给它的设备费是多少", ["下达我单位“三公经费”控制数"], ["设备费"]),
    ("其下属单位的在职人数", ["下属单位在职人数"], []),
])
def test_swapped_compounds_and_pronouns(question, labels, left):
    assert uncovered_terms(question, labels, ["财金局"]) == left


# ---- parent and child rows: a sub-row named inside its heading is the sub-row --------------------
@pytest.mark.parametrize("report,question,label,value", [
    (HUAIAN, "其他处理里面的“其他”有几件？", "3.其他", "110"),
    (ZONE, "平潭2025年其他处理中的其他情形有几件？", "3.其他", None),
    (HUAIAN, "无法提供的申请中，本机关不掌握的有几件？", "1.本机关不掌握相关政府信息", "769"),
    (HUAIAN, "不予处理的申请里，重复申请有多少？", "2.重复申请", "25"),
])
def test_a_sub_row_named_inside_its_heading(qa, report, question, label, value):
    a = _ask(qa, report, question)
    assert a.status == "answered" and label in a.text and a.text.count("为") == 1, a.text
    if value is not None:
        assert str(a.value) == value


def test_the_heading_alone_is_still_the_sum(qa):
    a = _ask(qa, HUAIAN, "淮安市2024年其他处理一共多少件？")
    assert (a.status, str(a.value)) == ("answered", "187") and "(六)其他处理" in a.text, a.text


# 13: 「予以公开及部分公开 208 件（17.46%），不予公开 20 件（1.68%）」 — a percentage the report states
@pytest.mark.parametrize("question,value", [
    ("市政府办公厅2025年予以公开及部分公开的占比是多少？", "17.46"),
    ("上海市政府办公厅2025年予以公开和部分公开的申请占百分之几？", "17.46"),
])
def test_a_share_the_report_states_is_given_as_stated(qa, question, value):
    a = _ask(qa, "13_shanghai_bgt_2025", question)
    assert (a.status, str(a.value), a.unit) == ("answered", value, "%"), a.text
    assert "17.46%" in a.text


@pytest.mark.parametrize("question", [
    "厚街镇2023年收到多少宗申请？其中律师代理的占百分之几？",
    "淮安市2024年收到多少件申请？其中通过微信小程序提交的有几件？",
])
def test_a_partial_answer_has_no_headline_figure(qa, question):
    """The first part answered, a later one refused: the answer has no one figure a reader could take
    for the part that was refused."""
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value is None
    assert "第2问没有找到可靠的数字" in a.text
