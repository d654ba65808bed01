"""A follow-up inherits the conversation's scope, never its content."""

from __future__ import annotations

import pytest

FIRST = [
    [{"role": "user", "content": "厚街镇2023年收到多少宗信息公开申请?"}, {"role": "assistant", "content": "14宗"}],
    [{"role": "user", "content": [{"type": "text", "text": "淮安市2024年企业申请了多少件"}]},
     {"role": "assistant", "content": "61件"}],
]


@pytest.mark.parametrize("history", FIRST)
@pytest.mark.parametrize("question", ["今天天气怎么样？", "你是谁？", "讲个笑话吧", "明天会下雨吗"])
def test_an_off_topic_turn_is_refused_whatever_came_before(qa, history, question):
    a = qa.ask(question, history)
    assert a.status == "refused" and a.value is None and not a.figures, a.text


@pytest.mark.parametrize("history,question,value", [
    (FIRST[0], "那企业呢?", "2"),
    ([{"role": "user", "content": "洪泽区2024年收到多少件申请"}], "去年呢?", "21"),
    ([{"role": "user", "content": "洪泽区2023年收到多少件申请"}], "那2024年呢？", "95"),
])
def test_a_follow_up_naming_only_scope_keeps_the_question(qa, history, question, value):
    a = qa.ask(question, history)
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("history,question,agency,held", [
    (FIRST[0], "那2022年呢？", "厚街镇", "2023年"),
    ([{"role": "user", "content": "淮安市2024年收到多少件申请"}], "2021年的呢？", "淮安市", "2024年"),
])
def test_a_follow_up_for_a_year_not_held_names_the_agency_and_the_years_held(qa, history, question, agency, held):
    a = qa.ask(question, history)
    assert a.status == "refused", a.text
    assert agency in a.text and held in a.text, a.text
