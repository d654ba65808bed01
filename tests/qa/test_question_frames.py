"""Frames around the figure asked that name nothing: a yes-or-no lead-in (「有没有…？…几件」), the agency
speaking of itself (本局, 我办, 本单位), a level of government giving (区里), an everyday verb (搞)."""

from __future__ import annotations

import pytest

from qa.ask import QA
from qa.scope import names_used
from qa.verify import uncovered_terms


@pytest.mark.parametrize("question,value", [
    ("厚街镇2023年有没有企业申请信息公开？企业申请了几宗？", 2),
    ("淮安市2024年有没有律所来申请？法律服务机构申请了几件？", 61),
    ("淮安市2024年是否有人申请行政复议？行政复议一共几件？", 351),
])
def test_a_yes_or_no_lead_in_is_answered_by_the_count(qa: QA, question: str, value: int) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value


@pytest.mark.parametrize("question,agency,self_name", [
    ("2024年苏平片区管理局一共发了多少条本局工作动态？", "平潭综合实验区苏平片区管理局", "本局"),
    ("管委会办公室2022年我办发布信息多少条", "平潭综合实验区管委会办公室", "我办"),
    ("综合执法局2019年本单位的公用经费", "平潭综合实验区综合执法局", "本单位"),
])
def test_the_agency_speaking_of_itself_is_a_name(question: str, agency: str, self_name: str) -> None:
    assert self_name in names_used(question, agency)


def test_a_self_reference_is_not_made_up_for_a_government() -> None:
    assert "本局" not in names_used("厚街镇2023年本局收到几宗申请", "厚街镇人民政府")


@pytest.mark.parametrize("question,labels,left", [
    ("2016年区里给公安局下达的三公经费控制数", ["2016年下达我单位“三公经费”控制数"], []),
    ("在视频号上搞了几场直播", ["通过我局微信视频号开展直播活动"], []),
    ("有没有人申请行政复议", ["行政复议", "总计"], []),
    ("没有人申请的行政复议", ["行政复议", "总计"], ["没有"]),  # a real negation still needs a label
])
def test_frames_need_no_label(question, labels, left):
    assert uncovered_terms(question, labels, ["公安局"]) == left
