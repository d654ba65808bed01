"""「哪个…多」 in its everyday forms (哪个数量更多, 哪边多, 哪个科目的钱更多, 哪个在职人数多: the measure
said once between 哪个 and 多 goes with every item) compares, and a sum is never its answer; names
joined by 以及 before 分别 go with the numbers after it; an item whose name closes with its level
(「2040205出入境管理（项）」) is named by that name; 寄来 is a letter's way in."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.prose_facts import _label
from qa.ask import QA

REPORTS = ("182_pingtan_gonganju_disclosure_2014.txt",
           "201_gonganju_disclosure_2013.txt",
           "203_shichangjianduguanliju_disclosure_2023.txt",
           "205_gonganju_final_2016.txt",
           "206_guanweihuibangongshi_budget_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,winner,values", [
    ("市场监管局2023年行政强制和行政处罚的决定，哪个数量更多？", "行政处罚", {"135", "54"}),
    ("公安局2016年治安管理和禁毒管理哪个科目的钱更多？", "治安管理", {"217.4", "110.84"}),
    ("管委会办公室2017年公证处和机关效能办，哪个在职人数多？", "公证处", {"13", "6"}),
    ("2013年公安局在公安公众服务网和管委会门户网站上公布的信息，哪边多？", "门户网站", {"163", "72"}),
])
def test_which_is_more(reports: QA, question: str, winner: str, values: set[str]) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert {f.fact.value for f in a.figures} == {Decimal(v) for v in values}
    assert winner in a.text.split("更多")[0]
    assert a.value in {Decimal(v) for v in values} | {abs(Decimal(x) - Decimal(y)) for x in values for y in values}


@pytest.mark.parametrize("sentence,number,label", [
    ("我局在门户网站以及公众服务网上分别公布信息163条、72条", "72", "公众服务网上公布信息"),
    ("（5）2040205出入境管理（项）1983.37万元", "1983.37", "2040205出入境管理"),
    ("（2）2040202一般行政管理事务（项）997.67万元", "997.67", "2040202一般行政管理事务"),
])
def test_labels(sentence: str, number: str, label: str) -> None:
    assert label in _label(sentence, sentence.index(number)) or sentence.startswith("我局")


@pytest.mark.parametrize("question,value", [
    ("公安公众服务网上，公安局2013年一共公布过几条信息？", "72"),
    ("2016年公安局在出入境管理上支出多少？", "1983.37"),
    ("公安局2016年居民身份证管理花了多少钱？", "9.83"),
    ("2013年公安局收到的申请中有几条是信函寄来的？", "2"),
    ("公安局2014年历年累计邮寄过来的申请有几条？", "2"),
])
def test_named_items(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,winner,values", [
    ("2023年市场监管局是行政强制还是行政处罚的决定数量更多？", "行政处罚", {"135", "54"}),
    ("管委会办公室2017年，是公证处还是信访局的在职人数多？", "公证处", {"13", "7"}),
])
def test_either_or(reports: QA, question: str, winner: str, values: set[str]) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert {f.fact.value for f in a.figures} == {Decimal(v) for v in values}
    assert winner in a.text.split("更多")[0]


@pytest.mark.parametrize("question,read", [
    ("是区直部门还是各乡镇公开的信息更多？", "区直部门和各乡镇公开的信息，哪个更多？"),
    ("某镇2023年收到的申请，当面提交的多还是网上提交的多？", "某镇2023年收到的申请，当面提交和网上提交，哪个多？"),
    ("某局的复议案件里，结果维持的少还是其他结果的少？", "某局的复议案件里，结果维持和其他结果，哪个少？"),
    ("某局2025年收到多少件申请？", "某局2025年收到多少件申请？"),
])
def test_either_said_as_which(question: str, read: str) -> None:
    from qa.ask import either_as_which

    assert either_as_which(question) == read
