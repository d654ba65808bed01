"""Numbers in a final account's prose: a line named by a phrase of the question wins a tie on shared
words; the report's own kind word (决算) and the base of a change clause (较上年决算数) pick nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("45_pingtan_jingfaju_final_2017.txt", "55_pingtan_zhongdianban_final_2017.txt",
           "76_pingtan_zhenganban_final_2017.txt", "25_putuo_wenlv_budget_2026.txt")


@pytest.fixture(scope="module")
def finals(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    # 「2120101城乡社区管理事务--行政运行10.73万元」 against 「2017年度机关运行经费支出0.00万元」
    ("征安办2017年行政运行支出是多少？", "10.73"),
    ("2017年土地房屋征收安置工作领导小组办公室行政运行支出多少", "10.73"),
    # the question's phrase names a total, but a rival names 服务 too: the item asked is 服务
    ("普陀文旅局2026年政府采购预算里，服务类多少万元", "2573.64"),
    ("普陀文旅局2026年政府采购预算里，货物和服务两类加起来多少万元", "3266.57"),
])
def test_a_line_named_by_a_phrase(finals: QA, question: str, value: str) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("征安办2017年的行政运行支出决算", "10.73"),
    ("2017年重点项目建设管理办公室的支出决算是多少？", "621.18"),
    ("经发局2017年支出决算多少万元", "8869.36"),
])
def test_the_kind_word_of_a_final_account_picks_no_change_clause(finals: QA, question: str, value: str) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("2017年征安办行政运行较上年决算数减少多少万元", "17.68"),
    ("重点办2017年的支出比2016年增加了多少万元？", "576.82"),
])
def test_a_change_asked_is_still_the_change(finals: QA, question: str, value: str) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
