"""Words that say how to work a figure out, or carry only grammar, ask for nothing a label must hold:

* 「倒推回去」「照这个推算」「反推」 say how the asker wants the year before worked out, not what it is of;
* 「上一年」 is the printed 上年;
* a verb made a word only by its grammar (「拨给」「算了」「结转过来」) is one content character, covered when a label
  prints it (拨付) or when it is a plain verb of asking (算);
* a lone character the labels never print still stops the answer (「买」 of a line that says no purchase);
* a change said of a level after what the money is for (「…预算安排3万元。主要用于…。与上年相比支出下降25%」) is
  that level's, for an estimate of the year before when one is asked;
* 「A加B一共」 adds A and B; an item set aside (「除了A，还有…」) is never the answer.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_TOWN = (
    "标题: 2019年平潭县北厝镇部门预算说明\n发布机构: 北厝镇人民政府\n"
    "==================== 正文 ====================\n"
    "一、收支预算总体情况 2019年,北厝镇收入预算为980.50万元，比上年增长120.30万元，主要原因是人员经费增加。"
    "单位上年结余结转资金45.20万元。二、支出情况 1.基本支出：612.40万元 ① 基本养老保险：52000元×12月×20%=12.48万元 "
    "② 医疗保险：52000元×12月×8%=4.99万元。三、专项情况 拨付2019年海坛湾全民健身赛事经费支出60万元，"
    "2019年部门发展性专项：30万元 ①执法车辆维护:30万元。四、三公经费 （一）因公出国（境）经费2019年预算安排0万元。"
    "（二）公务接待费2019年预算安排3万元。主要用于上级部门检查指导的接待。与上年相比支出下降25%，主要原因是厉行节约。\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"town_2019.txt": _TOWN})


@pytest.mark.parametrize("question", [
    "北厝镇2019年收入预算比上年多了120.30万元，倒推回去2018年是多少？",
    "北厝镇收入预算比上年增长120.30万元，照这个推算2018年的收入预算是多少",
    "北厝镇2019年收入预算比上一年多120.30万元，反推2018年收入预算是多少？",
])
def test_how_to_work_it_out_is_no_word_of_the_figure(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("860.20")


@pytest.mark.parametrize(("question", "value"), [
    ("北厝镇上一年结转过来的钱是多少？", "45.20"),
    ("2019年北厝镇拨给海坛湾全民健身赛事多少钱？", "60"),
    ("北厝镇给基本养老保险算了多少？", "12.48"),
])
def test_grammar_does_not_make_a_word(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_lone_word_no_label_prints_still_stops_the_answer(qa: QA) -> None:
    a = qa.ask("北厝镇2019年买执法车辆准备花多少钱？")
    assert a.status == "refused", a.text


@pytest.mark.parametrize("question", [
    "北厝镇2019年基本养老保险加医疗保险一共多少？",
    "2019年北厝镇（基本养老保险加医疗保险）合计花了多少钱",
])
def test_plus_joins_two_items_to_add(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("17.47")


def test_an_item_set_aside_is_never_the_answer(qa: QA) -> None:
    a = qa.ask("北厝镇2019年除了基本支出，还有一块上年结余结转资金，是多少钱？")
    assert a.value != Decimal("612.40"), a.text


def test_a_rate_said_after_an_aside_gives_an_estimate_when_asked(qa: QA) -> None:
    a = qa.ask("北厝镇说2019年公务接待费比上年下降25%，照这个推算2018年的接待费大约是多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("4.00")
    assert qa.ask("北厝镇2018年公务接待费是多少？").value is None
