"""Prose numbers told apart by what their sentence and label say, not by their labels' shared words.

- Numbers whose labels share the question's words equally are told apart by the one sentence
  that accounts for every word of the question (「通过公众号」 is said only in the sentence of
  「…及时公开各类政府信息756条」, not in that of 「其他应主动公开的政府信息32条」).
- A sentence that counts two things (「审批事项148项…年办件量2408件」): the question's measure word
  (件) picks the number printed with it, when that number's label shares a word of the question.
- A label that names the count asked (「关注人数」「接待总人数」) answers 「…人数是多少」 whatever
  unit the report printed beside it (人次)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("71_pingtan_junshanpianqu_disclosure_2021.txt", "72_pingtan_nongyenongcunju_disclosure_2023.txt",
           "55_pingtan_zhongdianban_final_2017.txt", "62_pingtan_xingzhengshenpiju_disclosure_2024.txt",
           "76_pingtan_zhenganban_final_2017.txt")


@pytest.fixture(scope="module")
def prose(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,unit,label", [
    ("2021年君山片区通过公众号公开了几条政府信息？", 756, "条", "及时公开各类政府信息"),
    ("君山片区2021年用微信公众号公开了多少条政府信息？", 756, "条", "及时公开各类政府信息"),
    ("2023年农业农村局入驻行政服务中心窗口一年办理了多少件？", 2408, "件", "年办件量"),
    ("农业农村局2023年窗口全年办了几件？", 2408, "件", "年办件量"),
    ("农业农村局2023年窗口承办的审批事项有多少项？", 148, "项", None),
    ("重点办2017年公务接待总人数是多少？", 85, "人次", "接待总人数"),
    ("行政审批局2024年公众号的关注人数有多少？", 1314, "人次", "关注人数"),
])
def test_the_sentence_says_which(prose: QA, question: str, value: int, unit: str, label: str | None) -> None:
    a = prose.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and a.unit == unit
    if label:
        assert a.figures[0].fact.row_path[-1] == label


@pytest.mark.parametrize("question", [
    "2017年土地房屋征收安置工作领导小组办公室公务接待的总人数有多少",
    "重点办2017年公务接待的人数是多少",
])
def test_a_count_noun_is_never_answered_with_money(prose: QA, question: str) -> None:
    """「…人数有多少」 asks people: the 公务接待费 amount of the same report is no answer."""
    a = prose.ask(question)
    assert a.unit != "万元" and not any(f.fact.unit == "万元" for f in a.figures), a.text


def test_words_no_sentence_says_are_still_refused(prose: QA) -> None:
    """「借助公众号公开的政府信息」 is closest, by its label, to 「其他应主动公开的政府信息32条」,
    whose sentence says nothing of a 公众号: no figure is given."""
    a = prose.ask("君山片区管理局2021年借助微信公众号公开的政府信息有多少条")
    assert a.value != Decimal(32)


@pytest.mark.parametrize("question,values", [
    ("重点办2017年公务接待了多少批次、多少人次？", ("7", "85")),
    ("重点办2017年的公务接待一共几批次，多少人次？", ("7", "85")),
])
def test_one_subject_counted_two_ways_gets_both_counts(prose: QA, question: str, values: tuple[str, str]) -> None:
    a = prose.ask(question)
    assert [str(p.value) for p in a.parts] == list(values), a.text
