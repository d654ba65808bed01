"""Classes of this round, in other wordings on other reports:

* a total reached (「累计总关注用户达…」) is a stock: it never answers what a year added (新增, 净增),
  even when the sentence opens 「本年累计总…」;
* 本级 asks the body's own line: the department's whole (「本部门…」), or a unit under it, is no answer;
  the parts a figure's parenthesis lists (「1170.58万元（某本级1103.72万元，…）」) are not its words;
* 「几个在职人员」「几个卫生员」 count people: a figure in 人 or 名 answers, whatever the measure word;
* a glued staffing cell that splits more than one way is answered as ambiguous, with every reading, unless
  one split alone gives two counts of a size (then read so, and said so);
* a year before 一共/的/是 joins no word (「2017年一共」 shares nothing with 「2017年一般…」);
* a department's name shortened from one of its words (两岸电商服务中心, 跨境电商办公室, 广电服务中心),
  and a town's government by the town's own name (平原镇人民政府 of 平潭县平原镇人民政府).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.models import Fact
from index.prose_facts import prose_facts
from qa.ask import QA
from qa.average import asks_average, count_beside
from qa.before_year import running_totals
from qa.scope import abbreviation_in, agency_aliases
from qa.verify import last_of_a_list

REPORTS = ("162_pingtan_shichangjianduguanliju_disclosure_2021.txt", "203_shichangjianduguanliju_disclosure_2023.txt",
           "174_pingtan_aoqianpianquzhihuibu_budget_2019.txt", "206_guanweihuibangongshi_budget_2017.txt",
           "105_pingtan_nongcunfazhanju_budget_2018.txt", "45_pingtan_jingfaju_final_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question", [
    "市场监管局2023年公众号这一年新增了多少关注用户？",
    "2023年市场监管局公众号净增关注多少人？",
    "2023年市场监管局的公众号当年新增粉丝多少？",
])
def test_a_total_reached_never_answers_what_the_year_added(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered" and a.value is None, a.text  # only 「本年累计总关注用户达34641人」 is printed


@pytest.mark.parametrize("question,value", [
    ("2023年市场监管局公众号累计关注用户有多少？", "34641"),
    ("市场监管局2021年公众号新增关注用户多少？", "8434"),
    ("市场监管局2021年公众号累计关注用户有多少？", "22887"),
])
def test_stock_and_flow_each_answer_their_own_question(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("澳前片区指挥部本级2019年的收入预算是多少？", "1103.72"),
    ("2019年澳前片区指挥部本级人员支出预算多少？", "290.45"),
    ("澳前片区指挥部2019年收入预算一共多少？", "1170.58"),
])
def test_the_own_line_is_not_the_departments_whole(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("2017年管委会办公室的信访局有几个在职人员？", "7"),
    ("管委会办公室2017年党史方志研究中心有几个在职人员？", "7"),
    ("2017年管委会办公室本级在职的工作人员有几个？", "67"),
])
def test_how_many_people_is_answered_in_people(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "人", a.text


@pytest.mark.parametrize("question", [
    "2018年农发局的三十六脚湖自然保护区管理中心编制多少？",
    "农发局2018年三十六脚湖保护区管理中心在职几个人？",
])
def test_a_glued_cell_of_several_readings_is_answered_as_ambiguous(reports: QA, question: str) -> None:
    # 「…三十六脚湖自然保护区管理中心财政核拨1025」: 10|25 or 102|5, neither a pair of a size
    a = reports.ask(question)
    assert a.status == "ambiguous" and a.value is None, a.text
    assert "1025" in a.text and "、" in a.text  # the glued digits and every reading


@pytest.mark.parametrize("question,value", [
    ("2018年农发局的动物卫生监督所编制多少？", "10"),
    ("农发局2018年预算里动物卫生监督所在职几个人？", "10"),
    ("2018年农发局的动物卫生监督所和农村经营管理中心编制加起来多少？", "20"),
])
def test_a_glued_cell_with_one_split_of_a_size_is_read_and_said_so(reports: QA, question: str, value: str) -> None:
    # 「…动物卫生监督所财政核拨1010…农村经营管理中心财政核拨1010」: 10|10, not 101|0
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert "1010" in a.text and "粘连" in a.text  # the digits as printed, and how they were read


@pytest.mark.parametrize("question", ["经发局2017年一共支出了多少？", "经发局2017年的支出一共多少？"])
def test_a_year_joins_no_word_after_it(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal("8869.36"), a.text  # 「（二）2017年支出8,869.36万元」


@pytest.mark.parametrize("question,agency,short", [
    ("两岸电商服务中心2016年年末结余多少？", "自贸试验区平潭片区海峡两岸电子商务服务中心", "两岸电商服务中心"),
    ("跨境电商办公室2016年的三公经费是多少？", "自贸试验区平潭片区跨境贸易电子商务办公室", "跨境电商办公室"),
    ("2017年广电服务中心行政运行预算了多少钱？", "广播电视服务中心", "广电服务中心"),
    ("食药监局2018年的收入是多少？", "平潭综合实验区食品药品监督管理局", "食药监局"),
])
def test_a_name_shortened_from_one_of_its_words(question: str, agency: str, short: str) -> None:
    assert abbreviation_in(question, agency) == short


def test_a_towns_government_goes_by_the_towns_name() -> None:
    assert {"平原镇人民政府", "平原镇政府", "平原镇"} <= agency_aliases("平潭县平原镇人民政府")
    assert {"普陀区人民政府", "普陀区政府"} <= agency_aliases("上海市普陀区人民政府")


@pytest.fixture(scope="module")
def listed(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("113_pingtan_jinjingpianqu_disclosure_2022.txt",
                                                    "33_pingtan_jinjing_2024.txt",
                                                    "241_pingtan_jingjifazhanju_disclosure_2017.txt"))


@pytest.mark.parametrize("question,value", [
    # 「2022年累计主动公开政府信息90条，其中…监督检查情况16条，其他应主动公开的政府信息53条」: the whole's
    # words (公开) are each item's too
    ("金井片区2022年公开的监督检查情况那一类信息有几条？", "16"),
    ("金井片区2024年公开的监督检查情况类与“其他应主动公开”类信息，两类加起来几条？", "35"),
    ("2022年金井片区公开的应急预案类信息和监督检查情况类信息哪个多？", "16"),
    ("2024年金井片区的主动公开信息里，其他应主动公开的政府信息占了多少比例？", "29.7"),  # 11 / 37
])
def test_the_items_of_a_list_share_the_words_of_its_whole(listed: QA, question: str, value: str) -> None:
    a = listed.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    # 「严格按照…的要求，共公开信息150条，其中…主动公开信息148条」: a total sums up the clause before it
    ("经发局2017年总共公开了几条信息？", "150"),
    ("2017年经发局主动公开信息多少条？", "148"),
])
def test_a_total_is_read_with_the_clause_it_sums_up(listed: QA, question: str, value: str) -> None:
    a = listed.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.fixture(scope="module")
def old_tables(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("173_pingtan_jiaotongyujiansheju_disclosure_2018.txt",
                                                    "176_pingtan_gonganju_disclosure_2015.txt"))


@pytest.mark.parametrize("question,value", [
    # 「其中：1.当面申请数 条 1 1 2.网上申请数 条 0 1 3.信函、传真申请数 条 0 3」: one way of applying is
    # never another's figure, though the sentence or list names both
    ("交建局2018年有几件申请是当面提出的？", "1"),
    ("交建局2018年通过网上提的申请有几条？", "0"),
    ("2015年公安局信函申请的有几条？", "0"),  # 「3.信函申请数条02」: 0 this year, 2 in all years
])
def test_a_way_of_applying_answers_only_for_itself(old_tables: QA, question: str, value: str) -> None:
    a = old_tables.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_which_one_is_asked_with_a_measure_word_and_a_tie_names_no_winner(old_tables: QA) -> None:
    a = old_tables.ask("交建局2018年政府网站公开数和政府公报公开数，哪一种更多？")  # 225 and 0
    assert a.status == "answered" and a.value == Decimal("225") and "更多" in a.text, a.text
    a = old_tables.ask("交建局2018年政府公报公开数和政府网站公开数，哪一样更少？")
    assert a.status == "answered" and a.value == Decimal("0") and "更少" in a.text, a.text
    a = old_tables.ask("公安局2015年信函申请和网上申请，哪一种更多？")  # 0 and 0 this year
    assert a.status == "answered" and "一样多" in a.text and "更多" not in a.text, a.text


@pytest.fixture(scope="module")
def plans(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("64_pingtan_guoziju_kejiyanjiuyuan_budget_2020.txt",))


@pytest.mark.parametrize("question,value", [
    # 「2020-2022年部门项目支出规划 302.34万元」: a plan printed for three years, averaged over them
    ("科技研究院2020-2022年项目支出规划平均每年多少？", "100.78"),
    ("按三年平均算，科技研究院2020至2022年每年的项目支出规划是多少？", "100.78"),
    ("科技研究院2020—2022年部门项目支出规划年均多少钱？", "100.78"),
])
def test_a_figure_printed_for_a_span_of_years_is_averaged_over_them(plans: QA, question: str, value: str) -> None:
    a = plans.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert "÷ 3" in a.text and "302.34" in a.text  # the division shown with its input


@pytest.mark.parametrize("question", [
    "科技研究院2021-2023年项目支出规划平均每年多少？",  # printed for 2020-2022 only
    "科技研究院2020-2022年政府采购预算平均每年多少？",  # no figure of the span
])
def test_a_span_the_report_does_not_print_is_not_averaged(plans: QA, question: str) -> None:
    a = plans.ask(question)
    assert a.status != "answered" or "÷" not in a.text, a.text


@pytest.mark.parametrize("question,word", [
    ("市场监管局2023年的信息公开申请分别是几月份收到的？", "几月份"),
    ("2021年市场监管局收到的申请里，有人申请的是什么信息？", "申请的是什么"),
])
def test_a_particular_of_one_request_the_report_never_tells_is_refused(reports: QA, question: str, word: str) -> None:
    a = reports.ask(question)
    assert a.status == "refused" and word in a.text, a.text  # the nearest passages shown, not stated as the answer


def test_what_a_sum_bought_is_refused_when_the_report_never_says(plans: QA) -> None:
    a = plans.ask("科技研究院2020年的政府采购预算具体买了哪些东西？")
    assert a.status == "refused" and "买了哪些" in a.text, a.text


@pytest.fixture(scope="module")
def earlier(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("221_shehuishiyeju_disclosure_2018.txt",
                                                    "172_pingtan_shehuishiyeju_disclosure_2016.txt",
                                                    "151_pingtan_jiaoyuju_final_2016.txt"))


@pytest.mark.parametrize("question,value", [
    ("社会事业局在2018年之前的那些年里总共主动公开过几条？", "582"),  # 872 − 290
    ("社会事业局在2016年以前各年度总共主动公开过几条？", "41"),  # 107 − 66
])
def test_the_years_before_said_in_other_words(earlier: QA, question: str, value: str) -> None:
    a = earlier.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and "推算" in a.text, a.text


def test_an_average_per_batch(earlier: QA) -> None:
    a = earlier.ask("教育局2016年平均每批接待多少人次？")  # 「累计接待77批次、接待总人数4374人次」
    assert a.status == "answered" and a.value == Decimal("56.81"), a.text


def test_the_count_printed_against_the_amount_divides_it() -> None:
    text = "完成梳理31个重点领域目录，公开了片区政务公开标准目录30项85条，以及相关领域信息。"
    facts = prose_facts("r", text)
    amount = next(f for f in facts if f.value == 85)
    per = asks_average("片区政务公开标准目录平均每项有几条？")
    count = count_beside(amount, facts, per)
    assert count is not None and count.value == 30  # not the 31个 earlier in the sentence


@pytest.mark.parametrize("question,value", [
    # 「年初结转和结余49.25万元 … 年末结转和结余129.44万元」: with no year compared, the change over the year
    ("经发局2017年一年下来，结转结余增加了多少？", "80.19"),
    ("2017年经发局的结转和结余全年增加了多少？", "80.19"),
])
def test_a_change_within_the_year_is_its_end_less_its_start(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert "129.44" in a.text and "49.25" in a.text  # both ends shown


@pytest.fixture(scope="module")
def police(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("205_gonganju_final_2016.txt",))


def test_a_fall_within_the_year_is_said_as_its_size(police: QA) -> None:
    a = police.ask("公安局2016年一年下来结转结余减少了多少？")  # 724.94 → 363.15
    assert a.status == "answered" and a.value == Decimal("361.79") and "减少" in a.text, a.text


def test_one_years_level_is_no_change(police: QA) -> None:
    a = police.ask("公安局2016年年末结转和结余变化了多少？")
    assert a.value is None or a.value != Decimal("363.15"), a.text  # a level is no change


@pytest.fixture(scope="module")
def counts_said_twice(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("52_pingtan_gongan_2018.txt",))


@pytest.mark.parametrize("question", [
    # 「其中2018年度我局共主动公开政府信息181条」 and 「…公众服务网累计公开…政府信息181条」: one count
    # said twice is no whole and its part (100%); only the 历年累计 1568 is the whole
    "2018年公安局本年度主动公开的政府信息，在累计公开的总量里占多大比例？",
    "公安局2018年度主动公开的政府信息占累计公开信息的比例是多少？",
])
def test_a_count_said_twice_is_no_whole_of_itself(counts_said_twice: QA, question: str) -> None:
    a = counts_said_twice.ask(question)
    assert a.value != Decimal("100.0"), a.text
    assert a.status != "answered" or a.value == Decimal("11.5"), a.text


def test_an_amount_after_two_long_things_is_not_the_firsts() -> None:
    label = "新增聘用专家劳务费及下属公司第三期注册资本金"  # 「…主要原因是…、A及B 500万元」
    f = Fact("r", "prose", (label,), (), Decimal("500"), "万元")
    assert last_of_a_list("2020年给聘用专家的劳务费预算是多少？", f)[1] == "新增聘用专家劳务费"
    assert last_of_a_list("2020年下属公司第三期注册资本金是多少？", f) == ("", "")
    short = Fact("r", "prose", ("公务用车购置及运行费",), (), Decimal("7"), "万元")  # one thing, named whole
    assert last_of_a_list("公务用车购置费多少？", short) == ("", "")
    counted = Fact("r", "prose", (label,), (), Decimal("8"), "条")  # a category's name, counted
    assert last_of_a_list("聘用专家劳务费几条？", counted) == ("", "")


def test_a_sum_of_cells_none_of_which_is_settled_is_refused_not_raised(reports: QA) -> None:
    # 「…三十六脚湖自然保护区管理中心财政核拨1025」: glued, split two ways, neither of a size
    a = reports.ask("2018年农发局的三十六脚湖自然保护区管理中心和动物卫生监督所编制加起来多少？")
    assert a.status in ("refused", "ambiguous", "needs_clarification") and a.value is None, a.text


@pytest.fixture(scope="module")
def accounts(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("151_pingtan_jiaoyuju_final_2016.txt",
                                                    "151_pingtan_lanchengpianqu_final_2016.txt"))


@pytest.mark.parametrize("question,value", [
    # 「（三）公务接待费…累计接待77批次」: the numbered item names the figure with its own words
    ("教育局2016年全年公务接待的客人有多少批？", "77"),
    ("岚城片区2016年公务接待了多少批客人？", "12"),
    ("到2016年底，教育局账上还剩多少结转结余？", "18801.95"),
])
def test_everyday_words_of_a_final_account(accounts: QA, question: str, value: str) -> None:
    a = accounts.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_a_peoples_court_or_procuratorate_goes_without_its_people() -> None:
    assert {"平潭县检察院", "检察院"} <= agency_aliases("平潭县人民检察院")
    assert {"普陀区法院", "上海市普陀区法院"} <= agency_aliases("上海市普陀区人民法院")
    assert "市政府" not in agency_aliases("上海市普陀区人民法院")


def test_a_running_total_and_the_year_that_opens_its_sentence() -> None:
    # the year opens the sentence (「2016年度，…主动公开政府信息52条。历年累计主动公开政府信息系97条。」), and
    # the total ends on a copula (系): still one measure, its year's part and the total to date
    text = ("（一）主动公开的数量 2016年度，编制、获取政府信息55条，主动公开政府信息52条。"
            "历年累计主动公开政府信息系97条。")
    pairs = running_totals(prose_facts("r", text), 2016)
    assert [(p.total.value, p.year.value) for p in pairs] == [(Decimal("97"), Decimal("52"))]


def test_a_premise_that_states_figures_qualifies_nothing_asked(reports: QA) -> None:
    # the asker quotes both figures first; the 新增 of that clause is no qualifier of the total to be used
    a = reports.ask("市场监管局公众号2021年底总关注22887人，其中这一年新增8434人，那2021年之前原有的关注用户是多少？")
    assert a.status == "answered" and a.value == Decimal("14453"), a.text
