"""Departments go by short forms built from their names, not from a list of known ones."""

from __future__ import annotations

import pytest

from qa.scope import agency_aliases


@pytest.mark.parametrize("agency,short", [
    ("上海市普陀区建设和管理委员会", "建管委"),
    ("上海市普陀区建设和管理委员会", "普陀区建管委"),
    ("沭阳县发展和改革局", "沭阳发改局"),
    ("淮安市人力资源和社会保障局", "人社局"),
    ("上海市卫生健康委员会", "上海市卫健委"),
    ("平潭综合实验区地方税务局", "地税局"),
    ("石泉路街道办事处", "石泉路街道"),
])
def test_short_forms(agency, short):
    assert short in agency_aliases(agency)


def test_no_short_form_cuts_a_place_in_half():
    names = agency_aliases("上海市普陀区建设和管理委员会") | agency_aliases("平潭综合实验区地方税务局")
    assert not any(n.startswith(("上海市普陀建", "平潭综合实验地")) for n in names)


@pytest.mark.parametrize("question,value", [
    ("建管委2026年三公经费预算一共多少？", "42.24"),
    ("普陀区建管委2026年工资福利支出是多少？", "70552669.00"),
    ("石泉路街道2025年三公经费决算多少？", "37.35"),
])
def test_a_short_form_finds_the_report(qa, question, value):
    a = qa.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("question,typed,value", [
    ("淮按市2024年收到多少件申请？", "淮按市", "3119"),
    ("洪择区2024年收到多少件申请？", "洪择区", "95"),
])
def test_a_place_one_character_off_is_read_and_said(qa, question, typed, value):
    a = qa.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text
    assert f"「{typed}」按" in a.text
