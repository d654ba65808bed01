"""The operation a question asks for, from its wording: every wording of one operation alike."""

from __future__ import annotations

import pytest

from qa.intent import COMPARE, DESCRIBE, DIFF, LOOKUP, RANK, SUM, YOY, classify


@pytest.mark.parametrize("question,agencies,rows,kind", [
    # a change over a year named, in any verb
    ("机关运行经费比2024年少了多少？", 1, 0, YOY),
    ("财政拨款收入较2023年增加了多少万元？", 1, 0, YOY),
    ("主动公开的信息比2022年多了几条？", 1, 0, YOY),
    # …but 「为什么比2024年少了」 asks why
    ("三公经费为什么比2024年少了？", 1, 0, DESCRIBE),
    # a difference, a verb between 少 and 多少
    ("行政运行决算比年初预算少花了多少？", 1, 0, DIFF),
    ("项目支出比基本支出多用了多少？", 1, 2, DIFF),
    ("基本支出和项目支出的差额是多少？", 1, 2, DIFF),
    # a sum in other words
    ("基本支出和项目支出加总是多少？", 1, 2, SUM),
    ("图书馆和群众文化两项合起来是多少？", 1, 0, SUM),
    ("住房保障支出的基本支出加项目支出是多少？", 1, 0, SUM),
    # 「增加」「参加」 add nothing
    ("财政拨款收入增加的原因是什么？", 1, 0, DESCRIBE),
    ("参加培训的人数是多少？", 1, 0, LOOKUP),
])
def test_the_operation_of_a_wording(question, agencies, rows, kind):
    assert classify(question, agencies, rows).kind == kind


def test_two_agencies_are_set_side_by_side():
    assert classify("宜川路街道和生态环境局的机关运行经费哪个更高？高多少？", 2, 0).kind in (COMPARE, RANK)
    assert classify("宜川路街道和生态环境局相比，三公经费差多少？", 2, 0).kind == COMPARE


@pytest.mark.parametrize("question,lowest", [
    ("两个街道谁花得少？少多少？", True),
    ("哪个区的行政复议最少？", True),
    ("哪家的申请更少？", True),
    ("哪个更高？高多少？", False),
    ("谁收到的申请多？", False),
])
def test_the_smaller_is_asked_for(question, lowest):
    assert classify(question, 2, 0).lowest == lowest
