"""Parts and wholes, in other wordings on other reports:

* a figure's parts printed in a bracket after it (「1170.58万元（某本级1103.72万元，某中心66.86万元）」):
  a change said after the bracket is the whole's, so the year before is worked back from the whole;
  a part answers only a question that names it (本级, a unit), and a question that names a part is
  never answered with the whole;
* a figure a reason clause names (「主要原因是某本级专项业务费220万元调整为…」) is the reason's, never the
  level the sentence opens with;
* a whole named by its everyday name (全年总支出, 全部预算, 总预算) is the year's total;
* a list opened by 「在主动公开的86条政府信息中，…」 breaks that figure down, like 其中;
* a change (「比上年减少544.02万元」) is never the whole of a share;
* the same level printed twice, the agency named two ways, is one level: the change beside either
  printing works it back;
* a running total and its year's part count the same thing when the thing published carries its
  field (「累计主动公开卫生政府信息」 beside 「其中本年度主动公开政府信息」);
* a 常委会 is named by its short name (县人大) and its own staffing line answers for it;
* a staffing row's people said as people (「工勤人员」「岗位编制」), the units 「预算范围内」 all of them;
* a list whose items a 「；」 parts breaks down the figure before its 其中 (「…基本支出…万元，其中：A…；B…；」);
* a label stretch never takes the first character of the word the next label holds (「2017年预计」 beside
  a title's 「2017年预算」 and a label's 「预计支出」);
* prose a page prints after table 二's last row is prose, a sentence of its own;
* a name holding 「、」 that opens its clause is one name (「财政预算、决算报告共3条」), unless a piece before the
  「、」 ends on a measure word (its number lost: 「核准企业资质条、施工许可证76条」); a quoted name is one item;
* 「获取信息总数」 is the printed 「获取政府信息总数」.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.models import Fact
from index.prose_facts import prose_facts
from qa.ask import QA
from qa.before_year import _same_measure
from qa.prior_level import printed_again
from qa.scope import agency_aliases
from qa.verify import uncovered_terms, whole_before_its_parts

REPORTS = ("174_pingtan_aoqianpianquzhihuibu_budget_2019.txt", "234_xingzhengshenpiju_budget_2019.txt",
           "45_pingtan_jingfaju_final_2017.txt", "205_gonganju_final_2016.txt",
           "183_pingtan_caizhengjinrongju_disclosure_2016.txt", "196_pingtan_caizhengjinrongju_disclosure_2017.txt",
           "206_guanweihuibangongshi_budget_2017.txt", "122_pingtan_caizhengjinrongju_disclosure_2022.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("sentence,level", [
    ("2019年,某指挥部部门收入预算为1170.58万元（某指挥部本级1103.72万元，某服务中心66.86万元），比上年减少544.02万元，"
     "主要原因是项目减少。", "某指挥部部门收入预算为"),
    ("人员经费300万元（机关200万元，下属单位100万元），较上年增加20万元。", "人员经费"),
    ("公用经费50万元（机关本级40万元，比上年减少2万元），主要用于办公。", "机关本级"),
])
def test_a_change_after_a_bracket_of_parts_is_the_whole_s(sentence: str, level: str) -> None:
    change = next(f for f in prose_facts("r", sentence) if f.row_path[-1].startswith(("比", "较")))
    assert change.row_path[0] == level, change.row_path


@pytest.mark.parametrize("question,value", [
    ("澳前片区指挥部2018年一般公共预算拨款支出有多少？（从2019年的预算说明往回算）", "1714.60"),
    ("用2019年预算说明反推，审批局2018年一般公共预算拨款支出有多少？", "100449.12"),
    ("从2019年预算说明往回算，澳前片区指挥部2018年相应安排的支出预算是多少？", "1714.60"),
])
def test_the_year_before_worked_back_from_a_whole_with_its_parts_bracketed(reports: QA, question: str,
                                                                          value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("澳前片区指挥部2019年的机关运行经费是多少？", "276.02"),
    ("澳前片区指挥部本级2019年机关运行经费是多少？", "273.27"),
    ("2019年澳前片区指挥部本级的人员支出多少？", "290.45"),
    ("审批局2019年产业奖补预算拨款多少？", "145000"),
    ("审批局一般公共预算拨款支出在2019年是多少？", "145611.15"),
])
def test_a_part_answers_its_own_name_and_the_whole_the_rest(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("2017年经发局的项目支出占全年总支出的比重是多少？", "77.9"),  # 6911.40 ÷ 8869.36
    ("公安局2016年的基本支出，在全年总支出里占几成？", "36.1"),  # 9890.31 ÷ 27369.07
    ("澳前片区指挥部人员支出在2019年全部支出预算里占几成？", "30.3"),  # 354.56 ÷ 1170.58, not ÷ 544.02
])
def test_a_whole_named_by_its_everyday_name(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("财金局2016年主动公开信息中机构职能类的占比是多少？", "52.3"),  # 45 ÷ 86
    ("财金局2017年主动公开的政府信息中，机构设置、主要职能、办事程序类占百分之几？", "7.2"),  # 5 ÷ 69
    ("2016年财金局公开的86条信息中，规划计划类所占比例是多少？", "3.5"),  # 3 ÷ 86
])
def test_a_list_opened_by_the_figure_it_breaks_down(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def _fact(label: str, value: str, sentence: str) -> Fact:
    return Fact(report_id="r", table="prose", row_path=(label,), column_path=(), value=Decimal(value), unit="万元",
                sentence=sentence, span=(0, 1))


def test_one_level_printed_twice_under_two_names_of_its_agency() -> None:
    first = _fact("某县文联部门支出预算为", "320.5", "某县文联部门支出预算为320.5万元。")
    again = _fact("补充说明 2018年县文联部门支出预算为", "320.5",
                  "2018年县文联部门支出预算为320.5万元，比2017年增加3万元。")
    other = _fact("一般公共预算拨款", "320.5", "其中：一般公共预算拨款320.5万元。")
    assert printed_again(first, [first, again, other]) == [again]


@pytest.mark.parametrize("total,part,same", [
    ("我局在门户网站累计主动公开卫生政府信息", "其中本年度我局共主动公开政府信息", True),
    ("累计主动发布环保政府信息", "其中2019年度主动发布政府信息", True),
    ("累计主动公开卫生政府信息", "其中本年度受理申请", False),
    ("截止2019年，共公开文件累计", "2019年主动公开文件", True),  # the verb before the same object
    ("历年累计主动公开政府信息系", "制作、获取政府信息", False),  # the object alone says no measure
])
def test_a_running_total_whose_object_carries_its_field(total: str, part: str, same: bool) -> None:
    assert _same_measure(total, part) is same


@pytest.mark.parametrize("agency,alias", [
    ("洪泽区人大常委会", "人大"),
    ("某县政协常委会", "政协"),
])
def test_a_standing_committee_by_its_short_name(agency: str, alias: str) -> None:
    assert alias in agency_aliases(agency)


@pytest.mark.parametrize("question,value", [
    ("2017年经发局本级的岗位编制有几个？", "26"),
    ("2017年统计局人员实际在职几个？（经发局决算）", "6"),
    ("区信访局2017年岗位编制几个？", "4"),
    ("2017年管委会办公室预算范围内各单位的在职人数加起来一共多少？", "208"),  # 67+7+52+45+7+5+6+13+0+6
])
def test_a_staffing_row_s_people_said_as_people(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_a_list_parted_by_semicolons_breaks_down_the_figure_before_its_breakdown(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "116_pingtan_anquanshengchanjianduju_final_2019.txt").read_text(encoding="utf-8")
    basic = text.index("四、2019年一般公共预算基本支出")
    item = text.index("商品和服务支出", basic) + len("商品和服务支出")
    assert whole_before_its_parts(text, item).startswith("四、2019年一般公共预算基本支出")
    overall = text.index("三、2019年一般公共预算支出")
    item = text.index("对个人和家庭的补助", overall) + len("对个人和家庭的补助")
    assert whole_before_its_parts(text, item).startswith("三、2019年一般公共预算支出")


@pytest.mark.parametrize("question,contexts", [
    ("某中心2017年预计得花多少？", ["支出情况 2017预计支出", "某中心2017年预算编制说明"]),
    ("某局2019年计划招多少人？", ["2019年计划招录", "某局2019年计划总结"]),
    ("某站2020年预拨多少？", ["2020预拨资金", "某站2020年预算"]),
])
def test_a_label_stretch_leaves_a_word_its_first_character(question: str, contexts: list[str]) -> None:
    assert uncovered_terms(question, contexts) == []


@pytest.mark.parametrize("question,value", [
    ("2022年财金局主动公开信息里“财税金融等政策及解读”有几条？", "8"),
    ("2022年财金局“财政预算、决算报告”这一类公开了几条？", "3"),
    ("财金局2022年“财政预算、决算报告”和“专项资金使用情况公开”一共多少条？", "33"),
    ("2022年财金局依申请公开信息数在制作、获取信息总数里占几成？", "51.8"),  # 245 ÷ 473
])
def test_a_list_printed_after_table_two_and_names_holding_joiners(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("sentence,label,value", [
    ("全年公开核准企业资质条、施工许可证76条、安全生产许可证121条。", "施工许可证", "76"),
    ("其中：机构职能类10条；规划、计划类信息共4条；其他23条。", "规划、计划类信息共", "4"),
])
def test_a_joined_name_and_an_item_whose_number_was_lost(sentence: str, label: str, value: str) -> None:
    got = {f.value: f.row_path[-1] for f in prose_facts("r", sentence)}
    assert got[Decimal(value)] == label, got
