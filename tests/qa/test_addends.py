"""A qualifier of a sum that is part of one addend's own name (the 上年 of 上年结转) belongs to that
addend: it does not contradict the other addend (本年新收), but a 上年 said of the other one does."""

from __future__ import annotations

import pytest

from qa.ask import QA


@pytest.mark.parametrize("question,value", [
    ("厚街镇2023年新收的加上上年结转的申请，一共多少宗？", 17),
    ("2023年厚街镇新收申请和从上年结转过来的合在一起有几宗", 17),
    ("淮安市2024年新收的申请加上上年结转的一共多少件？", 3153),
    ("洪泽区2023年上年结转的和新收的申请合计多少件？", 21),
])
def test_a_qualifier_named_by_another_addend(qa: QA, question: str, value: int) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value
    assert "本年新收" in a.text and "上年结转" in a.text


@pytest.mark.parametrize("question", [
    "厚街镇2023年上年新收的申请加上上年结转的一共多少宗？",
    "淮安市2024年，上年新收的和上年结转的申请合起来多少件",
])
def test_a_qualifier_said_of_this_addend_still_contradicts(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status != "answered", a.text
