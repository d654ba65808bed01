"""Agencies compared by asking each report the measure alone, and an agency's name that is no row.

A comparison names its measure once, but each report words the figure its own way (table 三's 新收
总计 in one, 「全年收到政府信息公开申请23件」 in another, 「累计主动公开政府信息37条」 in a third); every
report is asked the measure through the single-report path and its verifier, and only figures that
path states are set side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.intent import asks_lowest
from qa.side_by_side import measure_words

FIXTURES = ("26_putuo_yichuan_final_2025.txt", "27_putuo_shengtai_final_2025.txt", "28_pingtan_ziranziyuan_2023.txt",
            "29_pingtan_guanweihui_2021.txt", "31_pingtan_gongan_2024.txt", "32_pingtan_jiaojian_2022.txt",
            "33_pingtan_jinjing_2024.txt", "43_pingtan_xingzhengshenpi_2023.txt",
            "44_pingtan_guanweihuibangongshi_2023.txt")


@pytest.fixture(scope="module")
def many(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, FIXTURES)


@pytest.mark.parametrize("question,names,measure", [
    ("2022年的甲局和2024年的乙局，哪个主动公开的政府信息条数多？多了多少条？", ["甲局", "乙局"],
     "主动公开的政府信息条数"),
    ("甲局与乙局2025年的政府采购金额相比，谁更多，差额多少万元？", ["甲局", "乙局"], "政府采购金额"),
    ("机关运行经费支出，2025年甲局和乙局哪个多，多多少？", ["甲局", "乙局"], "机关运行经费支出"),
    ("甲局2023年跟乙局2021年比一比，谁收到的申请少一些？", ["甲局", "乙局"], "收到的申请"),
])
def test_the_measure_is_what_is_left_without_who_when_and_how(question, names, measure):
    assert measure_words(question, names) == measure


def test_a_clause_that_only_names_an_agency_place_is_no_measure():
    assert measure_words("普陀的政府采购金额，甲局和乙局谁高？", ["甲局", "乙局"],
                         ["上海市普陀区甲局", "上海市普陀区乙局"]) == "政府采购金额"


@pytest.mark.parametrize("question,value,first", [
    # a sentence in each report, worded differently (「我局主动公开政府信息126条」「累计主动公开政府信息37条」)
    ("金井片区2024年跟自然资源与生态环境局2023年，谁主动公开的信息条数更多？", "52", "自然资源与生态环境局"),
    ("平潭公安局2024年和交通与建设局2022年相比，哪家主动公开的政府信息条数少？少多少条？", "9", "交通与建设局"),
    # a sentence in one, the line of an expense table in the other
    ("宜川路街道和生态环境局2025年的机关运行经费支出比一比，谁更多？", "816.16", "宜川路街道"),
    ("2023年的管委会办公室和行政审批局，哪个新收的政府信息公开申请少？少几件？", "14", "行政审批局"),
])
def test_agencies_compared_by_asking_each_report(many, question, value, first):
    a = many.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text
    assert first in a.text.split("，")[0], a.text
    assert len({f.report.id for f in a.figures}) == 2  # each side cited


def test_a_report_that_cannot_state_the_measure_is_never_filled_in(many):
    # 公安局's report prints no 政府采购 figure: nothing to set beside the other
    a = many.ask("平潭公安局2024年和金井片区2024年，谁的政府采购金额多？")
    assert a.status != "answered", a.text


@pytest.mark.parametrize("question,value", [
    # 行政审批局's 审批 is no 行政许可 row, nor does it make its figures 行政许可 counts
    ("区行政审批局2023年一共收到几件政府信息公开申请？", "7"),
    ("行政审批局2023年因为本机关不掌握相关政府信息而没法提供的申请有几件？", "4"),
    ("平潭行政审批局2023年主动公开的政府信息一共多少条？", "312"),
])
def test_an_agency_name_is_no_row_of_the_tables(many, question, value):
    a = many.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,value", [
    # a whole quoted by its own figure (「主动公开的37条信息里」) is the report's number of that value
    ("金井片区2024年主动公开的37条信息里，其他应主动公开的政府信息占多少比例？", "29.7"),
    ("行政审批局2023年主动公开的312条里，其他应主动公开的政府信息占多少？", "7.7"),
    # a whole named before 中, the agency's name in front of it being no row
    ("管委会办公室2023年新收的申请中，本机关不掌握相关政府信息的占百分之几？", "66.7"),
])
def test_a_share_of_a_whole_the_question_names(many, question, value):
    a = many.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,value", [
    # a department named without the qualifier its name opens with (审批局 for 行政审批局)
    ("审批局2023年一共收到几件申请？", "7"),
    ("2023年审批局部分公开的申请有几件？", "1"),
])
def test_a_department_named_without_its_qualifier(many, question, value):
    a = many.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,named", [
    ("平潭文旅局2023年收到多少件申请？", "文旅局"),
    ("2023年平潭综合实验区教育局主动公开了多少条信息？", "教育局"),
])
def test_a_department_no_report_belongs_to_is_named_as_missing(many, question, named):
    a = many.ask(question)
    assert a.status == "refused" and named in a.text.split("。")[0], a.text


@pytest.mark.parametrize("question,value", [
    # words that frame how a thing was asked or refused (以…名义, 为理由, 手里, 原决定) name nothing counted
    ("金井片区2024年以个人名义提出的信息公开申请有几件？", "8"),
    ("管委会办公室2023年以属于过程性信息为理由不予公开的申请有几件？", "1"),
    ("管委会办公室2021年本机关手里不掌握相关政府信息的申请有几件？", "17"),
    ("金井片区2024年以个人身份提出申请的有几件？", "8"),
])
def test_framing_words_name_nothing_counted(many, question, value):
    a = many.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,value", [
    # the heading 「三、本年度办理结果」 prints its own total as its last sub-row, (七)总计
    ("管委会办公室2021年申请的处理结果合计几件？", "23"),
    ("行政审批局2023年办理结果一共有多少件？", "7"),
])
def test_a_heading_with_its_own_total_row_is_that_total(many, question, value):
    a = many.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,value", [
    ("交建局2022年主动公开的信息刨掉其他类还剩多少条？", "90"),  # 刨掉…还剩: the whole less what is taken off
    ("管委会办公室2021年予以公开和部分公开的加一起几件？", "5"),  # 加一起 adds
    ("审批局2023年网上申请的有几件？", "3"),  # a channel the prose states (「网络申请3件」) is no table's lack
])
def test_everyday_words_for_operations_and_channels(many, question, value):
    a = many.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,lowest", [
    ("甲局和乙局的公用经费，谁多、多多少？", False),  # the 少 of 多少 asks a number
    ("甲局和乙局，哪家的公用经费少一些？", True),
    ("甲局2019年和2020年比，哪一年收到的申请少？", True),
    ("甲局和乙局谁更多？多多少？", False),
])
def test_the_smaller_is_asked_only_by_a_word_for_less(question, lowest):
    assert asks_lowest(question) is lowest


@pytest.fixture(scope="module")
def lists_of_kinds(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("30_pingtan_haitan_2024.txt", "33_pingtan_jinjing_2024.txt"))


@pytest.mark.parametrize("question,value", [
    # 「…，国土资源、环境保护、城乡建设类信息5条」: a 「、」 inside a list parted by 「，」 joins one name
    ("海坛片区2024年国土资源、环境保护、城乡建设类信息有几条？", "5"),
    # each item of the sum counted as the whole question counts (财政预算 names a kind of information)
    ("海坛片区2024年财政预算、决算信息和国土资源、环境保护、城乡建设类信息一共几条？", "6"),
    # the 件 of 事件 asks no count of 件
    ("金井片区2024年主动公开的突发公共事件应急预案信息是多少？", "1"),
])
def test_names_holding_list_marks_and_measure_characters(lists_of_kinds, question, value):
    a = lists_of_kinds.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text
