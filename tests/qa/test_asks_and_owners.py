"""How a question says what it asks, and whose item it is.

- A sub-item numbered under an item of the outer numbering (「2、公用支出：…（1）…（2）误餐及通讯补贴…」) is
  that item's: the owner the question names (「公用支出中的…」) is covered by it, another owner is not.
- 「占了多少钱」 asks the part's own amount, not its share; a reason asked about a quoted change
  (「…下降14.65%，理由是什么」) is answered by the passage that gives it, never by the figure.
- A field of a joint agency name (计划生育 of 卫生和计划生育局) inside a line's name is the line's.
- Names: a township government printed without 人民 (「某乡政府」) is named by the township; a short form with
  部门 or 系统 in place of its ending (「交建部门」) names the department.
- Words: 一次性 counts nothing; 低保 and 福彩 are what budgets print in full.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.figures import whole_named
from qa.intent import DESCRIBE, LOOKUP, SHARE, classify
from qa.scope import abbreviation_in, agency_aliases
from qa.text_match import unit_conflict
from qa.verify import list_head, numbered_parent

_OUTLINE = ("主要用途如下：1、人员经费支出600.00万元：（1）在职人员工资：400.00万元；（2）在职人员住房公积金："
            "200.00万元2、公用支出：50.00万元（1）综合定额公用经费：30.00万元；（2）误餐补贴：12.00万元；"
            "（3）工会经费8.00万元。")


@pytest.mark.parametrize("item,owner", [
    ("工会经费", "公用支出"),
    ("误餐补贴", "公用支出"),
    ("综合定额公用经费", "公用支出"),
    ("在职人员住房公积金", "人员经费支出"),
    ("在职人员工资", "人员经费支出"),
])
def test_a_sub_item_is_owned_by_the_item_it_is_numbered_under(item: str, owner: str) -> None:
    at = _OUTLINE.index(item) + len(item) + 1
    assert numbered_parent(_OUTLINE, at) == owner


@pytest.mark.parametrize("text", [
    "其中：（1）办公费：3.00万元；（2）印刷费：2.00万元。",  # no item of an outer numbering before (1)
    "2、公用支出：50.00万元（2）印刷费：2.00万元。",  # a list that does not count down to (1)
    "2、公用支出：50.00万元。另有说明。（1）办公费：3.00万元。",  # a sentence ends between
])
def test_no_owner_where_the_numbering_does_not_lead_back_to_one(text: str) -> None:
    assert numbered_parent(text, text.rindex("万元") - 4) == ""


@pytest.fixture(scope="module")
def outlines(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("486_pingtan_beicuozhen_budget_2017.txt",
                                                    "363_pingtan_dizaifangzhiyingjizhongxin_budget_2017.txt",
                                                    "105_pingtan_nongcunfazhanju_budget_2018.txt"))


@pytest.mark.parametrize("question,value", [
    # 「2、公用支出:63.79万元 （1）综合定额公用经费：33.13万元；（2）误餐及通讯补贴:21.7万元；（3）工会经费8.96万元」
    ("北厝镇2017年公用支出中的工会经费是多少？", "8.96"),
    ("2017年北厝镇公用支出里，误餐及通讯补贴安排了多少", "21.7"),
    ("北厝镇2017年公用支出里误餐及通讯补贴和工会经费一共多少", "30.66"),
])
def test_an_owner_named_is_the_sub_items_own(outlines: QA, question: str, value: str) -> None:
    a = outlines.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question", [
    "北厝镇2017年人员经费支出里的工会经费是多少？",  # 工会经费 is listed under 公用支出
    "2017年地灾应急中心基本支出里的专项业务费有多少？",  # 专项业务费 is listed under 项目经费支出
])
def test_another_owner_gets_no_sub_item(outlines: QA, question: str) -> None:
    assert outlines.ask(question).status != "answered"


@pytest.mark.parametrize("question,kind", [
    ("某局采购预算里，服务类占了多少钱？", LOOKUP),
    ("基本支出中人员经费占多少万元", LOOKUP),
    ("基本支出中人员经费占了多少钱，占百分之几", SHARE),  # a share is asked too
    ("30件申请中，土地征收方面的占多少件？", SHARE),  # a count is read in its whole by the share path
    ("收入里财政拨款占多少", SHARE),
    ("接待费比上年降了54%，理由是什么？", DESCRIBE),
    ("体育竞赛经费多了200万元，主要是因为新办了什么比赛？", DESCRIBE),
    ("车辆经费比上年少了，怎么解释？", DESCRIBE),
    ("以内部事务信息为理由不予公开的有几件", LOOKUP),  # a ground named, no reason asked
    ("那13600万元的补助是给哪条航线的？", DESCRIBE),  # a thing named, of a figure quoted
    ("那70万元前期经费给了哪部戏", DESCRIBE),
    ("哪一年的收入最多", LOOKUP),  # a year is a figure's
])
def test_what_the_question_asks(question: str, kind: str) -> None:
    assert classify(question, 1, 0).kind == kind


@pytest.fixture(scope="module")
def budgets(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("47_pingtan_jingfaju_budget_2018.txt",
                                                    "135_pingtan_zhongdianban_budget_2018.txt"))


@pytest.mark.parametrize("question,value", [
    # 「2018年区经济发展局政府采购预算总额256.1万元，其中：政府购买服务项目采购预算额180万元」
    ("经发局2018年采购预算中政府购买服务占了多少钱？", "180"),
    # 「2018年度财政拨款基本支出227.18万元，其中： （一）人员经费207.99万元」
    ("重点办2018年基本支出中人员经费占了多少钱？", "207.99"),
])
def test_a_part_asked_in_money_is_its_amount(budgets: QA, question: str, value: str) -> None:
    a = budgets.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,reason", [
    ("重点办2018年公务接待费比上年下降14.65%，理由是什么？", "严格执行八项规定"),
    ("重点办2018年公务接待费下降了14.65%，怎么解释？", "严格执行八项规定"),
    ("重点办2018年因公出国经费增长了100%，是因为什么？", "没有安排此类活动"),
])
def test_a_reason_asked_about_a_quoted_change_is_the_passage(budgets: QA, question: str, reason: str) -> None:
    a = budgets.ask(question)
    assert a.status == "answered" and a.value is None, a.text
    assert reason in a.text


@pytest.fixture(scope="module")
def joint_name(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("151_pingtan_weishengjihuashengyuju_final_2017.txt",
                                                    "124_pingtan_shehuishiyeju_final_2017.txt"))


@pytest.mark.parametrize("question,value", [
    # 「1、2100716计划生育机构465.2万元」「2、2100717计划生育服务410.77万元」 of the 卫生和计划生育局
    ("卫计局2017年计划生育机构加上计划生育服务是多少钱？", "875.97"),
    ("2017年卫生和计划生育局的计划生育服务、计划生育机构加起来是多少", "875.97"),
    ("计划生育服务比计划生育机构少多少？卫计局2017年", "54.43"),
])
def test_a_field_of_a_joint_name_inside_a_line_is_the_lines(joint_name: QA, question: str, value: str) -> None:
    a = joint_name.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    # 「2081901最低生活保障-城市最低生活保障支出250.4万元」「2081902…农村最低生活保障支出2841.84万元」
    ("社会事业局2017年城市低保支出是多少", "250.4"),
    ("社会事业局2017年农村低保和城市低保加起来多少", "3092.24"),
    # 「2296002用于社会福利彩票公益金支出1,137.64万元」
    ("社会事业局2017年福彩公益金支出了多少", "1137.64"),
])
def test_everyday_short_words_are_the_printed_names(joint_name: QA, question: str, value: str) -> None:
    a = joint_name.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_township_government_without_renmin_is_named_by_the_township() -> None:
    assert {"芦洋乡", "芦洋乡政府", "芦洋乡人民政府"} <= agency_aliases("芦洋乡政府")
    assert "市政" not in agency_aliases("市政府")


@pytest.mark.parametrize("question,agency,short", [
    ("交建部门2016年的机关运行经费是多少", "平潭综合实验区交通与建设局", "交建部门"),
    ("卫计系统有多少人", "平潭综合实验区卫生和计划生育局", "卫计系统"),
    ("交建局2016年的收入", "平潭综合实验区交通与建设局", "交建局"),
    ("各部门的收入", "平潭综合实验区财政金融局", None),
])
def test_a_short_form_may_say_department_for_its_ending(question: str, agency: str, short: str | None) -> None:
    assert abbreviation_in(question, agency) == short


@pytest.mark.parametrize("question,conflict", [
    ("一次性奖金是多少", False),  # 一次性: one-off, no count of 次
    ("一站式服务花了多少钱", False),
    ("培训了几次", True),  # a count of 次 asked: no amount of money answers it
])
def test_a_numeral_in_a_fixed_word_counts_nothing(question: str, conflict: bool) -> None:
    assert unit_conflict(question, "万元") is conflict


@pytest.mark.parametrize("question,whole,part", [
    ("2019年中楼乡一般公共预算支出里，项目支出占百分之几？", "2019年中楼乡一般公共预算支出", "项目支出"),
    ("2017年中共某工委支出中，项目支出占几成", "2017年中共某工委支出", "项目支出"),
    ("基本支出中人员经费占多少", "基本支出", "人员经费"),
])
def test_the_whole_ends_at_the_marker_that_closes_its_clause(question: str, whole: str, part: str) -> None:
    got = whole_named(question)
    assert got is not None and got[0] == whole and got[1].strip(" ？?") == part


@pytest.fixture(scope="module")
def staffing(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("151_pingtan_chuanmeizhongxin_budget_2018.txt",
                                                    "151_pingtan_taiwangongzuobu_budget_2017.txt",
                                                    "486_pingtan_beicuozhen_budget_2017.txt"))


@pytest.mark.parametrize("question,value", [
    # 传媒中心本级 11 / 8, 广播电视台 5 / 0, 时报社 5 / 1 (编制 / 在职)
    ("传媒中心2018年本级加上两个下属单位，在职的人共有多少？", "9"),
    # 台工部本级 15 / 19, 台外侨交流服务中心 12 / 7, 归国华侨联合会 3 / 1
    ("台工部2017年机关本级和2个所属单位的编制一共多少？", "30"),
    ("台工部2017年本级连同两个下属单位，在职一共几人？", "27"),
])
def test_units_counted_with_the_body_itself_are_every_row(staffing: QA, question: str, value: str) -> None:
    a = staffing.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and len(a.figures) == 3


@pytest.mark.parametrize("question", [
    "台工部2017年本级加上3个下属单位，在职一共多少人？",  # the table lists two: four units are not its rows
    "传媒中心2018年列入预算的单位在职人员有多少",  # no count: one unit's row is no answer for the units
])
def test_units_counted_otherwise_than_listed_get_no_sum(staffing: QA, question: str) -> None:
    a = staffing.ask(question)
    assert a.status != "answered" or a.value not in (Decimal("27"), Decimal("9")), a.text
    assert a.status != "answered" or len(a.figures) != 1, a.text


_ANNOUNCED = ("六、政府性基金预算拨款支出情况2017年度政府性基金支出900万元，主要支出项目(按项级科目分类统计)"
              "包括：（一）城市建设支出300万元。主要用于垃圾转运站支出。（二）保障性住房支出600万元。"
              "主要用于公租房支出。七、一般公共预算“三公”经费")


@pytest.mark.parametrize("item", ["城市建设支出", "保障性住房支出"])
def test_a_list_announced_with_its_first_item_in_one_sentence_heads_every_item(item: str) -> None:
    head = list_head(_ANNOUNCED, _ANNOUNCED.index(item) + len(item) + 1)
    assert head.startswith("六、政府性基金") and head.endswith("包括：")


@pytest.mark.parametrize("question,value", [
    # 「2018年度一般公共预算拨款支出18001.60万元，主要支出项目(按项级科目分类统计)包括：（一）小城镇基础设施
    # 建设支出1400万元…；（二）行政运行1303.57万元」
    ("农发局2018年一般公共预算拨款里的小城镇基础设施建设支出是多少？", "1400"),
    ("2018年农发局一般公共预算中行政运行多少钱", "1303.57"),
])
def test_an_item_of_an_announced_list_is_its_heads(outlines: QA, question: str, value: str) -> None:
    a = outlines.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_an_item_of_an_announced_list_is_no_other_budgets(outlines: QA) -> None:
    assert outlines.ask("农发局2018年政府性基金里的小城镇基础设施建设支出是多少？").status != "answered"


@pytest.mark.parametrize("question,said", [
    ("重点办2018年那3.5万元公务接待费是用在哪些方面的接待？", "引进有关项目"),
    ("重点办2018年那5.5万元出国经费是去哪里考察？", "赴台考察培训"),
])
def test_a_thing_asked_of_a_quoted_figure_is_the_passage(budgets: QA, question: str, said: str) -> None:
    a = budgets.ask(question)
    assert a.status == "answered" and a.value is None, a.text
    assert said in a.text


@pytest.fixture(scope="module")
def misprinted(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("503_pingtan_aoqianzhen_budget_2018.txt",))


@pytest.mark.parametrize("question,value", [
    # 「（二）商品和服务支支出138.08万元」 (one 支 too many); 「对个人和家庭补助支出334.36万元」 in the overview and
    # 「对个人和家庭的补助支出334.36万元」 in its section: one line printed twice
    ("澳前镇2018年对个人和家庭的补助与商品和服务支出相比哪个多？", "334.36"),
    ("澳前镇2018年对个人和家庭的补助加商品和服务支出一共多少", "472.44"),
    ("澳前镇2018年商品和服务支出比对个人和家庭的补助少多少", "196.28"),
])
def test_names_holding_he_are_one_item_each_even_misprinted(misprinted: QA, question: str, value: str) -> None:
    a = misprinted.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and len(a.figures) == 2


def test_one_line_printed_twice_is_added_once() -> None:
    from index.models import Fact
    from qa.figures import _printed_again
    from qa.knowledge import Value

    def value(label: str, amount: str) -> Value:
        return Value(Decimal(amount), "万元", (Fact("r", "prose", (label,), (), Decimal(amount), "万元"),), label)

    assert _printed_again(value("对个人和家庭补助支出", "334.36"), value("（三）对个人和家庭的补助支出", "334.36"))
    assert not _printed_again(value("对个人和家庭补助支出", "334.36"), value("商品和服务支出", "334.36"))
    assert not _printed_again(value("行政运行", "10"), value("行政运行", "12"))
