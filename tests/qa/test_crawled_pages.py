"""Pages crawled from a government site as one running line: the page's own title and publisher
name the report, its headings and numbered items run on after a space, and a section heading is
not the subject of the first item under it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.metadata import extract_metadata
from index.prose_facts import prose_facts
from qa.ask import QA
from qa.scope import years_in
from qa.vocab import abbreviates

FIXTURES = ("41_pingtan_jingfa_2019.txt", "42_pingtan_jingfa_2014.txt", "45_pingtan_jingfaju_final_2017.txt",
            "47_pingtan_jingfaju_budget_2018.txt", "26_putuo_yichuan_final_2025.txt",
            "27_putuo_shengtai_final_2025.txt")


@pytest.fixture(scope="module")
def crawled(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, FIXTURES)


@pytest.mark.parametrize("head,agency,year", [
    # a finance page's title with the year first; a short name in the title, the full one as publisher
    ("标题: 2019年度平潭综合实验区农村发展局部门决算说明\n发布机构: 平潭综合实验区农村发展局\n",
     "平潭综合实验区农村发展局", 2019),
    ("标题: 2020年度农村发展局部门预算说明\n发布机构: 平潭综合实验区农村发展局\n", "平潭综合实验区农村发展局", 2020),
    # a unit's own title, published by the department above it
    ("标题: 2016年度平潭综合实验区档案服务中心决算说明\n发布机构: 平潭综合实验区党工委办公室\n",
     "平潭综合实验区档案服务中心", 2016),
    # before the 2019 format: 「…政府信息公开报告」「…政府信息公开工作报告」
    ("标题: 平潭综合实验区教育局2012年度政府信息公开报告\n发布机构: \n", "平潭综合实验区教育局", 2012),
    ("标题: 2011年度平潭综合实验区旅游局政府信息公开工作报告\n", "平潭综合实验区旅游局", 2011),
    # a disclosure report's own title deep in a page's markup, beside a sentence naming a budget
    ("<script>var menu = [];</script><p>准确发布市交通委2019年部门预算、2018年部门决算信息。</p>"
     "<p>2019年上海市交通委员会政府信息公开工作年度报告</p>", "上海市交通委员会", 2019),
    # an approval notice: the issuing agency, not 「…局关于批复」
    ("标题: 平潭综合实验区财政金融局关于批复2015年度部门决算的通知\n", "平潭综合实验区财政金融局", 2015),
    # a budget for one year with the two after it estimated: the first year's
    ("标题: 平潭综合实验区海洋渔业服务中心2018-2020年预算编制说明\n发布机构: 平潭综合实验区农村发展局\n",
     "平潭综合实验区海洋渔业服务中心", 2018),
    # a name longer than most, a second name in brackets: the publisher that is that second name
    ("标题: 2017年度平潭综合实验区岚城片区项目建设指挥部本级(岚城片区开发管理局)决算说明\n"
     "发布机构: 岚城片区开发管理局\n",
     "岚城片区开发管理局", 2017),
    # a title naming no agency: the publisher does
    ("标题: 第二部分 2021年度部门预算表\n发布机构: 平潭综合实验区君山片区管理局\n",
     "平潭综合实验区君山片区管理局", 2021),
])
def test_a_crawled_page_is_named_by_its_title_and_publisher(head, agency, year):
    m = extract_metadata(head + "正文……")
    assert (m.agency, m.year) == (agency, year)


def test_headings_run_on_in_one_line_open_sentences_of_their_own():
    text = ("三、支出情况 2019年支出520.00万元，具体情况如下： 1.基本支出300.00万元。 2.项目支出220.00万元。"
            " 四、“三公”经费情况 （一）公务接待费 2019年预算安排3万元。")
    facts = {f.sentence: f.value for f in prose_facts("r", text)}
    assert "1.基本支出300.00万元。" in facts and "（一）公务接待费 2019年预算安排3万元。" in facts
    assert not any("三公" in s for s in facts)


@pytest.mark.parametrize("question,value", [
    ("经发局2017年总共支出了多少？", "8869.36"),  # the total a 「具体情况如下：」 list breaks down
    ("经发局2018年公务接待费预算安排了多少？", "10"),
    ("区经发局2017年的机关运行经费支出是多少？", "171.00"),
    ("平潭综合实验区经济发展局2014年主动公开了几条政府信息？", "32"),  # a report before the 2019 format
    # the same agency's final account and next budget, and two agencies: the gap is the figure asked
    ("经发局2017年决算和2018年预算比，住房公积金哪年多？多多少？", "25.89"),
    ("宜川路街道和生态环境局2025年的服务采购金额哪个大，大多少？", "1186.45"),
])
def test_figures_of_crawled_pages(crawled, question, value):
    a = crawled.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question", [
    # the heading 「…“三公”经费支出情况」 over 「（一）因公出国（境）经费…10万元」: one item, not the whole
    "经发局2018年“三公”经费总共安排了多少预算？",
    "2018年经济发展局的三公经费预算是多少？",
])
def test_an_item_under_a_heading_is_not_the_headings_whole(crawled, question):
    # no 三公 total is printed: the answer is the three items added, never one of them
    a = crawled.ask(question)
    assert a.status == "answered" and a.value == Decimal("27.6"), a.text
    assert len({f.fact.id for f in a.figures}) == 3 and a.text.count("+") == 2


@pytest.fixture(scope="module")
def next_years(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    names = ("34_putuo_shiquan_unit_budget_2026.txt", "46_pingtan_suping_budget_2021.txt",
             "45_pingtan_jingfaju_final_2017.txt")
    return qa_over(fixtures_dir, tmp_path_factory, names)


@pytest.mark.parametrize("question,value", [
    # no report of the year asked: the next year's report states it, dated, in a sentence
    ("石泉路街道2025年统计管理当年预算执行数是多少？", "3.39"),
    ("2020年底苏平片区一共有多少辆车？", "9"),
])
def test_a_year_without_its_report_answered_by_the_next_years_sentence(next_years, question, value):
    a = next_years.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text
    assert "取自" in a.text  # it says where the earlier year's figure comes from


@pytest.mark.parametrize("question", [
    "石泉路街道2025年的机关运行经费是多少？",  # the 2026 budget's own figure is no 2025 figure
    "经发局2016年有几辆公务车？",
    "苏平片区2020年的项目支出是多少？",  # a table cell is always of its report's own year
])
def test_a_year_without_its_report_never_takes_the_next_years_own_figure(next_years, question):
    a = next_years.ask(question)
    assert a.status != "answered", a.text


@pytest.mark.parametrize("question,value,first", [
    # one agency's two years, each worded its own way: each report asked the measure alone
    ("经发局2018年和2017年的机关运行经费，哪年高？", "255.3", "2018年"),
    ("经济发展局2014年跟2019年相比，哪一年主动公开的政府信息少？", "32", "2014年"),
])
def test_one_agencys_two_years_compared_by_asking_each(crawled, question, value, first):
    a = crawled.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text
    assert first in a.text.split("，")[0], a.text


@pytest.mark.parametrize("question,value", [
    ("2014年平潭经发局主动公开的信息里，工作动态以外的还有几条？", "24"),  # 「X以外的还有」: the whole less X
])
def test_what_a_count_leaves_out(crawled, question, value):
    a = crawled.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


def test_besides_one_item_another_named_is_never_their_difference(crawled):
    a = crawled.ask("经发局2014年除了行政许可类，还有几条工作动态类信息？")
    assert a.status != "answered" or a.value == 8, a.text


@pytest.mark.parametrize("question,value", [
    ("平潭经发局2017年机关运行经费支出是多少？", "171.00"),  # the place before a short name is the name's
    ("经发局2018年预算里边防这一项安排了多少？", "450"),  # 里, 这一项: grammar, no content
])
def test_place_prefixes_and_particles_name_nothing(crawled, question, value):
    a = crawled.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,reason", [
    # a reason asked, however the change is worded: passages, never a figure
    ("经发局2017年其他国防支出为啥增加了？", "海防基础设施"),
    ("平潭经济发展局2017年行政运行（2010401）决算比上年少，原因是什么？", "专项业务费"),
])
def test_a_reason_asked_about_a_change_is_answered_from_the_text(crawled, question, reason):
    a = crawled.ask(question)
    assert a.value is None and a.status == "answered", a.text
    assert reason in a.text, a.text


@pytest.mark.parametrize("short,term,meant", [
    ("物业费", "物业管理费", True),
    ("公车运行费", "公务用车运行维护费", True),
    ("职工医保缴费", "职工基本医疗保险缴费", True),
    ("其他商品服务支出", "其他商品和服务支出", True),
    ("公车运维费", "公务用车购置及运行维护费", False),  # 购置及 dropped: one of two things, not the line
    ("公费", "公务用车运行维护费", False),  # too little of the name kept
    ("物业收入", "物业管理费", False),
])
def test_a_line_name_shortened_the_usual_way(short, term, meant):
    assert abbreviates(short, term) is meant


@pytest.fixture(scope="module")
def budgets(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    names = ("34_putuo_shiquan_unit_budget_2026.txt", "25_putuo_wenlv_budget_2026.txt")
    return qa_over(fixtures_dir, tmp_path_factory, names)


@pytest.mark.parametrize("question,value", [
    ("石泉路街道2026年的物业费预算是多少？", "1220000"),
    ("石泉路街道本级2026年职工医保缴费安排了多少？", "1025800"),
    ("文旅局2026年公车运行费预算多少？", "93750"),
])
def test_a_budget_line_asked_by_its_short_name(budgets, question, value):
    a = budgets.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,years", [
    ("经发局2016年一般行政管理事务（2010402）决算是多少？", [2016]),  # 2010 of the code is no year
    ("2060499科目2017年和2018年各多少？", [2017, 2018]),
    ("功能科目2019901在2019年的预算", [2019]),
])
def test_a_subject_code_holds_no_year(question, years):
    assert years_in(question) == years


def test_a_column_named_with_a_particle_inside_it(crawled):
    # the 2019 format's 上一年项目数量, asked 「上一年的项目数量」
    a = crawled.ask("平潭经济发展局2019年表二里行政处罚上一年的项目数量是多少？")
    assert a.status == "answered" and str(a.value) == "12", a.text


@pytest.mark.parametrize("question,value", [
    # an item of a list takes the words of the sentence announcing it (「…拨款支出…具体情况如下(…)：」)
    ("经发局2017年能源节约利用支出了多少钱？", "67.92"),
    # a name in brackets says what the everyday words before it mean
    ("经发局2017年请客吃饭（公务接待费）花了多少？", "15.54"),
    ("经发局2017年住房公积金和提租补贴加一块多少？", "154.44"),  # 加一块 adds
    ("经发局2017年三公花了多少？", "28.15"),  # 三公 for 三公经费
])
def test_list_heads_glosses_and_everyday_sums(crawled, question, value):
    a = crawled.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


def test_words_in_brackets_gloss_only_what_they_cover(crawled):
    # the bracket names nothing the report prints: the words before it still need a figure of their own
    a = crawled.ask("经发局2017年请客吃饭（宴请费）花了多少？")
    assert a.status != "answered", a.text


@pytest.fixture(scope="module")
def lists(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    names = ("45_pingtan_jingfaju_final_2017.txt", "57_pingtan_xingzhengfuwuzhongxin_final_2015.txt")
    return qa_over(fixtures_dir, tmp_path_factory, names)


def test_a_total_less_one_item_that_its_other_items_contradict_is_shown_not_stated(lists):
    # 「“三公”经费…支出6.68万元，具体情况如下：（一）…0万元（二）…4.72万元（三）公务接待费1.95万元」: 4.73 or 4.72
    a = lists.ask("行政服务中心2015年三公经费里除了公务接待费，其余的还有多少？")
    assert a.status == "ambiguous" and a.value is None, a.text
    assert "4.73" in a.text and "4.72" in a.text


def test_a_total_less_one_item_that_its_other_items_agree_with_is_stated(lists):
    a = lists.ask("经发局2017年支出除了项目支出以外还有多少？")
    assert a.status == "answered" and str(a.value) == "1957.96", a.text


def test_a_share_of_the_total_that_announces_the_items_list(lists):
    # 「（二）2017年支出8,869.36万元，…具体情况如下： 1.基本支出… 2.项目支出6,911.40万元」
    a = lists.ask("经发局2017年项目支出占总支出的比重？")
    assert a.status == "answered" and str(a.value) == "77.9", a.text
    assert "8869.36" in a.text and "6911.4" in a.text


def test_a_unit_of_the_budget_named_without_the_place_it_shares(crawled):
    # the staffing table's row 「平潭综合实验区统计局」 of the 平潭综合实验区经济发展局 report, asked 「统计局」
    a = crawled.ask("经发局2018年统计局的人员编制数是多少？")
    assert a.status == "answered" and str(a.value) == "6" and a.unit == "人", a.text



@pytest.fixture(scope="module")
def review_glued(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("62_pingtan_xingzhengshenpiju_disclosure_2024.txt",))


def test_a_table_four_total_its_own_outcomes_contradict_is_shown_not_stated(review_glued):
    # 「100000000000000」: 复议 维持 1 beside a 复议 总计 of 0
    a = review_glued.ask("行政审批局2024年被申请行政复议的有几件？")
    assert a.status == "ambiguous" and a.value is None, a.text
    assert "0件" in a.text and "1件" in a.text


def test_an_unsettled_cell_in_a_refusal_is_said_as_unsettled(side_reports):
    # 管委会办公室 2023's 表二 row 「2159165」 cannot be split for sure, nor do its sentences pin it down:
    # the refusal names it without a number, and does not fail
    a = side_reports.ask("管委会办公室2023年制发的规范性文件比废止的多多少件？")
    assert a.status != "answered" and "无法确定" in a.text, a.text


@pytest.fixture(scope="module")
def side_reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("44_pingtan_guanweihuibangongshi_2023.txt",))


@pytest.fixture(scope="module")
def more(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    names = ("61_shanghai_shizhengfubangongting_disclosure_2019.txt", "43_pingtan_xingzhengshenpi_2023.txt",
             "41_pingtan_jingfa_2019.txt")
    return qa_over(fixtures_dir, tmp_path_factory, names)


@pytest.mark.parametrize("question,value", [
    # a report whose page is markup in a script: named by its own title, its tables read
    ("上海市政府办公厅2019年受理的申请数量较去年回落了百分之多少？", "12.3"),  # 回落 is a stated change
    ("审批局2023年因为局里不掌握相关信息没法提供的申请有几件？", "4"),  # 局里 is 本机关
    ("经发局2019年政府集中采购花了多少钱？", "0"),  # money asked: the 采购总金额 column
])
def test_stated_falls_the_agency_itself_and_money_columns(more, question, value):
    a = more.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question", [
    "经发局2017年的主要工作有哪几个方面？",
    "经发局2018年部门预算单位构成里都有哪些单位？",
])
def test_which_ones_asks_for_the_items_not_a_count(crawled, question):
    a = crawled.ask(question)
    assert a.value is None and a.status in ("answered", "refused"), a.text


def test_a_glued_row_the_reports_sentences_pin_down(more):
    # 「行政规范性文件5416」 may split 5/4/16 or 54/1/6 …; the sentences 「制定规范性文件5件」 and
    # 「现行有效的规范性文件16件」 leave 5/4/16
    a = more.ask("审批局2023年规范性文件废止了几件？")
    assert a.status == "answered" and str(a.value) == "4", a.text
    assert "按正文" in a.text and len(a.citations) >= 2


@pytest.mark.parametrize("question,value", [
    # lines named by their subject codes; 「两个」 counts the two items, and 多少钱 (asked last) wants money
    ("经发局2017年2010401和2010501两个行政运行科目加起来花了多少钱？", "1574.60"),
    ("经发局2017年住房公积金（2210201）和提租补贴（2210202）这两项合计多少？", "154.44"),
])
def test_lines_named_by_their_subject_codes_are_added(lists, question, value):
    a = lists.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


def test_the_ask_that_comes_last_decides_the_quantity():
    from qa.vocab import quantity_asked
    assert quantity_asked("几个科目合计多少钱") == "money"
    assert quantity_asked("花了多少钱买了几辆车") == "count:辆"
