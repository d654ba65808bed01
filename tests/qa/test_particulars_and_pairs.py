"""Classes of this round, each tried in other wordings on reports of their own:

* a particular of one request or case (how it came, what a court ruled) that the report never
  tells is refused, with the passages nearest to it, never answered by passages about the year;
* a figure of two things joined (「依申请公开及不予公开388份」「主动公开及依申请公开…占比90.62%」) never
  answers for one of them, and one of them never answers for the two;
* a whole named by a word or two (「占全年制发信息的」) is read as a count in the part's unit;
* a rate named as the input (「按办理率算」) with a count asked, a length of time (7天) for a count,
  a year said to have no figure, a member of a list for a plain 「有几辆车」, and the item 除了 leaves
  out are never the answer.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.describe import unheld_particulars
from qa.text_match import dated_to, unit_conflict
from qa.vocab import quantity_asked

REPORTS = ("122_pingtan_caizhengjinrongju_disclosure_2022.txt", "102_pingtan_zhifayingjiju_disclosure_2023.txt",
           "41_pingtan_jingfa_2019.txt", "141_pingtan_jiaotongyujiansheju_disclosure_2021.txt",
           "151_pingtan_jiaoyuju_final_2016.txt", "151_pingtan_chuanmeizhongxin_budget_2018.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,word", [
    ("财政金融局2022年那件信息公开申请是当面递交的还是写信寄来的？", "当面"),
    ("平潭财金局2022年的依申请公开，申请人是在网上递交的吗？", "网上"),
    ("执法应急局2023年那起行政诉讼，法院最后怎么判决的？", "判决"),
    ("执法应急局2023年的复议案子具体案情是怎样的？", "案情"),
])
def test_a_particular_the_report_never_tells_is_refused(reports: QA, question: str, word: str) -> None:
    a = reports.ask(question)
    assert a.status == "refused" and a.value is None, a.text
    assert word in a.text and a.citations  # the nearest passages are still shown, as such


@pytest.mark.parametrize("question,said", [
    ("财政金融局2022年在依申请公开方面做了哪些工作？", "依申请公开"),
    ("交建局2021年的申请都是通过什么渠道递交过来的？", "网络申请"),  # the report says it: 网络申请2件，信函申请3件
])
def test_a_passage_that_holds_the_asked_words_still_answers(reports: QA, question: str, said: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and said in a.text, a.text


def test_a_particular_is_held_by_the_word_printed_for_it() -> None:
    # 写信 is printed 信函: a report that prints it holds the particular
    assert unheld_particulars("那件申请是写信寄来的吗？", "其中网络申请2件，信函申请3件") == []
    assert unheld_particulars("那件申请是写信寄来的吗？", "全年收到申请5件") == ["写信", "寄来"]


@pytest.mark.parametrize("question", [
    "执法应急局2023年依申请公开的信息占比多少？",
    "2023年执法应急局不予公开的信息有几份？",
])
def test_a_figure_of_two_joined_does_not_answer_for_one(reports: QA, question: str) -> None:
    # 「其中主动公开299份，依申请公开及不予公开388份」
    a = reports.ask(question)
    assert a.status == "refused" and a.value is None, a.text
    assert "依申请公开及不予公开" in a.text


@pytest.mark.parametrize("question,value", [
    ("经发局2019年主动公开的政府信息占比是多少？", "12.6"),  # 55 ÷ 437, not the pair's 90.62
    ("2019年经发局的信息里，依申请公开那部分占几成？", "78.0"),  # 341 ÷ 437
    ("2019年经发局主动公开与依申请公开两类合计占比是多少？", "90.62"),  # as printed
    ("执法应急局2023年依申请公开及不予公开的信息占发布信息的比例？", "56.5"),  # 388 ÷ 687
])
def test_one_of_a_pair_and_the_pair(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "%", a.text


@pytest.mark.parametrize("question,value", [
    ("经发局2019年主动公开的政府信息占全年制发信息的比例？", "12.6"),
    ("执法应急局2023年主动公开的信息占发布总量的百分之几？", "43.5"),
])
def test_a_whole_named_by_a_word_or_two(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question", [
    "照交建局2021年的办理率推算，12345诉求办了几件？",
    "按交建局2021年的满意率算，满意的诉求有多少件？",
])
def test_a_rate_named_as_the_input_is_not_the_count_asked(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.unit != "%", a.text


@pytest.mark.parametrize("question,asked", [
    ("按报告给的满意率算，大约有多少人满意？", "count:人"),
    ("照办结率推算，办结了几件？", "count:件"),
    ("12345热线的办理率是多少？", "percent"),
    ("申请一共多少件，占百分之几？", "percent"),
])
def test_the_quantity_asked_is_the_ask_that_comes_last(question: str, asked: str) -> None:
    assert quantity_asked(question) == asked


@pytest.mark.parametrize("question,unit,conflict", [
    ("主动公开的信息是多少？", "天", True),
    ("主动公开的信息有多少条？", "天", True),
    ("印发后几天内上网？", "天", False),
    ("办理时限是多少？", "个工作日", False),
    ("平均等候多长时间？", "分钟", False),
])
def test_a_length_of_time_answers_only_how_long(question: str, unit: str, conflict: bool) -> None:
    assert unit_conflict(question, unit) is conflict


def test_a_year_said_to_have_no_figure_dates_none() -> None:
    before = ("（二）2016本年支出24.94万元，与2015年无决算数对比，主要原因是新增单位，"
              "2015年无具体支出数，具体情况如下：1. 基本支出")
    assert not dated_to(before, 2015, 2016)
    assert dated_to("截至2015年底，本单位共有车辆", 2015, 2016)


@pytest.mark.parametrize("question,value", [
    ("教育局2016年有几辆车？", "31"),
    ("传媒中心2018年预算说明里有几辆车？", "7"),
])
def test_a_plain_how_many_vehicles_is_the_head_of_the_list(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,span", [
    ("2019年区经发局上半年主动公开几条信息？", "上半年"),
    ("经发局2019年1月至6月制发了多少条政府信息？", "1月至6月"),
    ("财金局2022年第三季度收到多少件信息公开申请？", "第三季度"),
])
def test_a_part_of_the_year_no_figure_is_of_is_refused(reports: QA, question: str, span: str) -> None:
    # the reports print the year's figures only: a year's figure is no figure of part of it
    a = reports.ask(question)
    assert a.status == "refused" and a.value is None and span in a.text, a.text
