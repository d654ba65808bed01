"""Figures worded around what the question says: a verb whose count follows a list of words, one
amount printed to different places, the report named as what it says (提到, 口径), and an agency's
own staffing line that a word shared with its column (人员) must not draw."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.text_match import one_amount_rounded

REPORTS = ("31_pingtan_gongan_2024.txt", "151_pingtan_jiaoyuju_final_2016.txt", "46_pingtan_suping_budget_2021.txt",
           "25_putuo_wenlv_budget_2026.txt", "214_shehuifuwuguanlizhihuizhongxin_final_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question", [
    "2024年平潭公安局全年主动公开政府信息多少条？", "2024年区公安局主动公开政府信息几条？",
])
def test_a_count_after_a_list_of_words(reports: QA, question: str) -> None:
    # 「全年累计主动公开涵盖公安机关办事程序、便民政策、…等政府信息135条」
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal("135"), a.text


@pytest.mark.parametrize("question,value", [
    ("平潭教育局2016年的本年支出是多少万元？", "90333.39"),
    ("平潭教育局2016年项目支出占本年支出的百分之几？", "40.3"),
])
def test_one_amount_printed_to_different_places(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("values,finest", [
    (["90333.39", "90333.4"], "90333.39"), (["12.5", "12.46"], "12.46"),
    (["90333.39", "90333.5"], None), (["3", "3.4"], None), (["7.1", "7.1"], None),
])
def test_one_amount_rounded(values: list[str], finest: str | None) -> None:
    got = one_amount_rounded([Decimal(v) for v in values])
    assert got == (Decimal(finest) if finest else None)


@pytest.mark.parametrize("question,value", [
    ("社会服务管理指挥中心2017年决算时实际在职的只有几个人？", "1"),
    ("普陀文旅局2026年预算说明提到共有几辆车？", "4"),
    ("2017年社会服务管理指挥中心另外还有多少名在职网格员？", "74"),
])
def test_the_report_named_as_what_it_says(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_a_word_shared_with_a_staffing_column_draws_no_headcount(reports: QA) -> None:
    a = reports.ask("苏平片区2021年人员支出占全部支出预算的百分之几？")
    assert a.unit != "人" and "人员编制数" not in a.text, a.text
    b = reports.ask("苏平片区管理局2021年核定的人员编制是多少？")
    assert b.status == "answered" and b.value == Decimal("134"), b.text


@pytest.fixture(scope="module")
def staffing(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("135_pingtan_zhongdianban_budget_2018.txt",
                                                     "55_pingtan_zhongdianban_final_2017.txt"))


@pytest.mark.parametrize("question,value", [
    # 「平潭综合实验区重点项目建设管理办公室（本级）」: the agency's own line, 本级 in brackets
    ("区重点办本级2018年的人员编制数是多少？", "5"),
    ("重点办2018年本级在职多少人？", "12"),
    ("2017年重点办本级核定编制几个？", "5"),
])
def test_the_agency_line_marked_in_brackets(staffing: QA, question: str, value: str) -> None:
    a = staffing.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.fixture(scope="module")
def year_only(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("241_pingtan_jingjifazhanju_disclosure_2017.txt",))


@pytest.mark.parametrize("question,value", [
    ("经发局2017年统计表里网络申请有几条？", "1"),
    ("平潭经济发展局2017年同意部分公开的答复有几条？", "1"),
    ("经发局2017年依申请公开的签发文件有多少份？", "180"),
])
def test_a_year_only_table_and_counts_said_as(year_only: QA, question: str, value: str) -> None:
    a = year_only.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.fixture(scope="module")
def tables_named(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("231_gonggongziyuanjiaoyizhongxin_final_2015.txt",
                                                     "233_xingzhengshenpiju_budget_2016.txt"))


@pytest.mark.parametrize("question,value", [
    # where the figure is printed (单位情况表上写的, 预算表) names no figure
    ("单位情况表上，平潭公共资源交易中心2015年的人员编制数写的是多少？", "8"),
    ("行政审批局2016年预算表中，区公共资源交易中心的编制是多少个？", "8"),
    ("行政审批局2016年单位表里区行政服务中心在职几人？", "2"),
])
def test_the_table_named_as_where_it_is_printed(tables_named: QA, question: str, value: str) -> None:
    a = tables_named.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
