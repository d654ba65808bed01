"""The staffing table of a budget's or final account's 说明 (单位名称 经费性质 人员编制数 在职人数): one
unit's headcount asked in everyday words (核定编制几个, 在职人员有几个), and the units' column added
when the question counts as many units as the table lists."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("45_pingtan_jingfaju_final_2017.txt", "46_pingtan_suping_budget_2021.txt",
           "55_pingtan_zhongdianban_final_2017.txt", "25_putuo_wenlv_budget_2026.txt")


@pytest.fixture(scope="module")
def staffing(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("苏平片区管理局2021年核定编制几个？", 134),  # the table's one line is the agency itself
    ("重点办2017年下属的重点项目服务中心在职人员有几个", 7),  # 在职人员 for the header 在职人数
    ("2017年经发局本级在职人数是多少", 44),
])
def test_one_units_headcount(staffing: QA, question: str, value: int) -> None:
    a = staffing.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value and a.unit == "人"


@pytest.mark.parametrize("question,value,inputs", [
    ("重点办2017年两个单位在职人数一共多少？", 15, ("8人", "7人")),
    ("2017年重点办两个预算单位的人员编制数加起来是多少", 15, ("5人", "10人")),
])
def test_the_units_added(staffing: QA, question: str, value: int, inputs: tuple[str, ...]) -> None:
    a = staffing.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value
    assert all(x in a.text for x in inputs)


@pytest.mark.parametrize("question", [
    "重点办2017年三个单位在职人数一共多少？",  # the table lists two
    "2017年经发局决算说明里6个单位的在职人员加起来有多少人",  # one of the six prints 「/」
])
def test_no_sum_when_the_units_do_not_match(staffing: QA, question: str) -> None:
    assert staffing.ask(question).status != "answered"


def test_a_line_that_shares_the_agencys_stem_is_no_agency_line(staffing: QA) -> None:
    """文化和旅游 is a line of spending of the 文化和旅游局: the question's 财政拨款收入 is the table's total."""
    a = staffing.ask("普陀文旅局2026年的财政拨款收入预算一共多少元？")
    assert a.status == "answered", a.text
    assert "文化和旅游 ×" not in a.text
    assert a.value != Decimal("174517712")


@pytest.fixture(scope="module")
def split_names(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("145_pingtan_jingjifazhanju_final_2016.txt",))


@pytest.mark.parametrize("question,value", [
    # 「平潭综合实验区 经济发展局本级 财政核拨 26 28」: a unit's name printed in two pieces
    ("2016年经发局本级在职人员有几个？", 28),
    ("经济发展局2016年本级的人员编制数是多少？", 26),
    ("2016年经发局下属的经济社会调查队核定编制几个？", 18),
    ("经发局2016年平潭县市场管理服务中心在职人员有几个？", 18),
])
def test_a_unit_name_in_pieces(split_names: QA, question: str, value: int) -> None:
    a = split_names.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
