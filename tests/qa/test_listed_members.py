"""A prose figure printed for a list closed by 等 (「来信、来电、来访、网络投诉等信访投诉事项7733件」) is
the whole group's: a question naming one member alone is refused, naming the member that is never
stated on its own; a question that names the group itself (「…等」, 「这些工作」) is answered."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.models import Fact
from qa.ask import QA
from qa.verify import members_named_alone

REPORTS = ("05_pingtan_zone_2025.txt", "23_pingtan_zone_2017.txt", "30_pingtan_haitan_2024.txt",
           "31_pingtan_gongan_2024.txt", "52_pingtan_gongan_2018.txt")


@pytest.fixture(scope="module")
def lists(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,member", [
    ("海坛片区2024年就旅游工作发布了几次问卷调查？", "旅游工作"),
    ("平潭公安局2018年公开了多少条人事信息？", "人事"),
    ("平潭2017年公开了多少条PPP项目政策文件信息？", "政策文件"),
    ("平潭综合实验区2025年发布了多少篇图解形式的政策解读？", "图解"),
])
def test_one_member_of_a_group_is_refused(lists: QA, question: str, member: str) -> None:
    a = lists.ask(question)
    assert a.status == "refused" and a.value is None, a.text
    assert member in a.text


@pytest.mark.parametrize("question,value", [
    ("海坛片区2024年围绕城镇燃气安全、旅游工作等发布了几次问卷调查？", 4),
    ("2024年海坛片区就燃气安全、夜间消费这些工作做过几次问卷调查", 4),
    ("平潭公安局2018年一共公开了多少条政府信息？", 181),
])
def test_the_group_named_is_answered(lists: QA, question: str, value: int) -> None:
    a = lists.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def _prose(label: str, sentence: str, raw: str) -> Fact:
    return Fact(report_id="r", table="prose", row_path=(label,), column_path=(), value=Decimal(raw),
                unit="件", status="exact", sentence=sentence, raw=raw)


@pytest.mark.parametrize("question,expected", [
    ("网络投诉有多少件", ["网络投诉"]),
    ("来电和来访一共多少件", ["来电", "来访"]),
    ("信访投诉事项一共多少件", []),  # the group's own name
    ("来信、来电等信访投诉多少件", []),  # the question names a group too
    ("群众来信有多少件", ["群众来信"]),
])
def test_members_named_alone(question: str, expected: list[str]) -> None:
    sentence = "共接收处置部门转办信访、群众来信、来电、来访、网络投诉等信访投诉事项7733件，处置率达100%。"
    f = _prose("网络投诉等信访投诉事项", sentence, "7733")
    assert sorted(members_named_alone(question, f)) == sorted(expected)
