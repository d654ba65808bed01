"""A measure people ask for that the template splits (行政诉讼 = 未经复议直接起诉 + 复议后起诉): a word
only one part's name holds (直接, 未经) asks for that part, never for the sum of both."""

from __future__ import annotations

import pytest

from qa.ask import QA


@pytest.mark.parametrize("question,value", [
    ("淮安市2024年直接告到法院的信息公开官司有几件", 26),
    ("2025年平潭综合实验区直接去法院起诉的有几件", 6),
    ("淮安市2024年没经过复议直接起诉的行政诉讼有多少件？", 26),
])
def test_a_word_of_one_part_asks_that_part(qa: QA, question: str, value: int) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value
    assert "复议后起诉" not in a.text


@pytest.mark.parametrize("question,value", [
    ("淮安市2024年被告上法院的行政诉讼一共多少件", 46),
    ("淮安市2024年未经复议直接起诉和复议后起诉一共多少件", 46),
    ("2025年平潭综合实验区信息公开行政诉讼有几件", 9),
])
def test_the_sum_when_no_part_or_every_part_is_named(qa: QA, question: str, value: int) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value
