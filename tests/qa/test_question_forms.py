"""Forms of a question that change nothing of what it asks: a year in Chinese numerals, a request
for the source, a second agency asked in the same breath."""

from __future__ import annotations

import pytest

from qa.ask import arabic_years


@pytest.mark.parametrize("written,read", [
    ("淮安市二〇二四年收到多少件申请？", "淮安市2024年收到多少件申请？"),
    ("二零二三年洪泽区的复议", "2023年洪泽区的复议"),
    ("一二三四五", "一二三四五"),  # no 年: not a year
])
def test_a_year_in_chinese_numerals_is_a_year(written, read):
    assert arabic_years(written) == read


@pytest.mark.parametrize("question,value", [
    ("淮安市二零二四年收到多少件申请？", "3119"),
    ("淮安市2024年收到的申请数是多少件？请给出来源", "3119"),
    ("洪泽区二〇二三年收到多少件申请？", "21"),
])
def test_the_form_changes_nothing_asked(qa, question, value):
    a = qa.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("question,first,second", [
    ("淮安市2024年收到多少件申请？洪泽区呢？", "3119", "95"),  # the same year, another agency
    ("洪泽区2024年行政复议有几件，2023年呢？", "2件", "0件"),  # the same agency, another year
])
def test_a_second_scope_in_the_same_question_is_asked_again(qa, question, first, second):
    a = qa.ask(question)
    lines = a.text.split("\n")
    assert a.status == "answered" and first in lines[0] and second in lines[1], a.text
