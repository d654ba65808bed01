"""A sentence that counts two things in two measure words (「…共承办审批事项194项，年办件量3000多件」):
a question asking 几件 does not take the figure counted only alike (项 for 件); each figure still
answers the question that asks its own measure word."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("81_pingtan_nongyenongcun_2021.txt", "82_pingtan_guanweihuibangongshi_2022.txt",
           "83_pingtan_nongyenongcun_2022.txt")


@pytest.fixture(scope="module")
def two_counts(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,other", [
    ("农业农村局2022年在行政服务中心窗口一年办了多少件？", 194),
    ("2022年农业农村局入驻行政服务中心窗口共承办了多少件？", 194),
    ("农业农村局2022年行政服务中心窗口办件有多少件", 194),
    ("农业农村局2021年在行政服务中心窗口一年办了多少件？", 217),
    ("2021年平潭农业农村局窗口全年办件多少件", 217),
])
def test_the_measure_word_asked_does_not_take_the_other_count(two_counts: QA, question: str,
                                                              other: int) -> None:
    a = two_counts.ask(question)
    assert a.value != other, a.text
    if a.status == "answered":
        assert a.value in (2922, 3000)


@pytest.mark.parametrize("question,value", [
    ("2021年农业农村局入驻行政服务中心窗口有多少个事项？", 217),
    ("农业农村局2021年窗口共有几项事项", 217),  # 事项 says the 项 counted: the 个 figure answers
    ("农业农村局2022年窗口共承办审批事项多少项？", 194),
    ("农业农村局2022年入驻行政服务中心窗口共承办几个审批事项？", 194),
    ("管委会办公室2022年办结了多少件依申请公开？", 16),
    ("管委会办公室2022年共发布信息多少条？", 2479),
])
def test_each_count_answers_its_own_question(two_counts: QA, question: str, value: int) -> None:
    a = two_counts.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value
