"""Items named inside a whole, and everyday words that are no table column.

- A 「其中」 sentence breaks down the sentence before it (「基本支出182.78万元。其中：人员支出…，
  公用支出…」): the whole is the part's subject, so 「基本支出里的人员支出」 is covered by it.
- Of two numbers a question names both of, the one named inside the other (「X中Y」「X里的Y」) is asked.
- A question that joins no items and matched a row under two columns (「群众」 read as 自然人 beside
  the 总计 of 「一共」) asked one figure: a prose number covering all its words may answer it.
- The amount word said once for several items (「三项预算合计」「合计多少钱」) is each item's, so no
  item is answered with a count of the same words (「公车」: 1辆).
- A one-character aside inside a name (「因公出国（境）经费」) keeps the name whole."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.prose_facts import _label
from qa.ask import QA

REPORTS = ("45_pingtan_jingfaju_final_2017.txt", "55_pingtan_zhongdianban_final_2017.txt",
           "134_pingtan_senlinyuyuanlinguanliju_final_2016.txt", "32_pingtan_jiaojian_2022.txt",
           "115_pingtan_kouanban_budget_2016.txt",
           "105_pingtan_nongcunfazhanju_budget_2018.txt", "135_pingtan_zhongdianban_budget_2018.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("经发局2017年基本支出中人员支出是多少？", "1692.84"),
    ("重点办2017年的基本支出里，公用支出花了多少？", "14.19"),
    ("森林与园林管理局2016年基本支出当中的人员支出有多少万元？", "59.41"),
])
def test_a_part_named_inside_its_whole(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,name", [
    ("重点办2017年基本支出里人员支出和公用支出哪个多？", "人员支出"),
    ("经发局2017年的基本支出中，公用支出和人员支出谁更少？", "公用支出"),
])
def test_parts_of_a_whole_compared(reports: QA, question: str, name: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.text.split("更")[0].endswith(f"{name}」"), a.text


def test_the_whole_alone_is_still_the_whole(reports: QA) -> None:
    a = reports.ask("重点办2017年基本支出是多少？")
    assert a.status == "answered" and a.value == Decimal("182.78"), a.text


@pytest.mark.parametrize("question,value", [
    ("交建局2022年12345平台一共受理群众的诉求多少件？", "2840"),
    ("平潭交通与建设局2022年12345平台上群众的诉求总共受理几件？", "2840"),
    ("交建局2022年群众通过12345平台提出的诉求一共受理了几件？", "2840"),
])
def test_an_everyday_word_read_as_a_column_does_not_hide_the_sentence(reports: QA, question: str,
                                                                      value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and a.figures[0].fact.table == "prose"


@pytest.mark.parametrize("question", [
    "交建局2022年自然人和企业一共提了多少件申请？",  # two items joined: one prose number answers neither
])
def test_joined_items_are_never_one_sentence_number(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert not any(f.fact.table == "prose" for f in a.figures), a.text


@pytest.mark.parametrize("question,value", [
    ("重点项目建设管理办公室2018年接待、出国和公车的预算加起来多少钱？", "12.8"),  # 3.5 + 5.50 + 3.8
    ("重点办2018年公车、接待两项预算一共多少？", "7.3"),
    ("区重点办2018年出国和公车预算合计是多少？", "9.3"),
])
def test_the_amount_said_once_is_every_items(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert all(f.fact.unit == "万元" for f in a.figures)


@pytest.mark.parametrize("question", [
    "口岸办2016年出国、接待、公车三项预算合计多少？",
    "口岸办2016年公车预算是多少？",
])
def test_a_part_after_its_is_no_answer_for_the_whole(reports: QA, question: str) -> None:
    """「车辆经费3.8万元，其中公务用车购置费0万元」: 公车 is the whole line, not its 购置费."""
    a = reports.ask(question)
    assert not any("购置费" in f.fact.row_path[-1] and "运行" not in f.fact.row_path[-1] for f in a.figures), a.text


@pytest.mark.parametrize("sentence,label", [
    ("（一）因公出国（境）经费 2018年预算安排5.50万元", "因公出国（境）经费 2018年预算安排"),
    ("其中：因公出国(境)费用12万元", "因公出国(境)费用"),
    ("（二）公务接待费3.5万元", "公务接待费"),
    ("政府采购金额（以合同签订为准）为1771.11万元", "政府采购金额 以合同签订为准 为"),
])
def test_a_one_character_aside_keeps_the_name_whole(sentence: str, label: str) -> None:
    at = sentence.index(next(t for t in ("5.50", "12万", "3.5", "1771") if t in sentence))
    assert _label(sentence, at) == label
