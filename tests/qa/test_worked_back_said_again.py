"""An earlier year's level worked back, in other wordings:

* a change said again of its subject a sentence after the level (「…公务接待费6.20万元。…与2015年相比，公务接待费
  支出减少1.30万元」) gives the earlier level as a change printed beside it does;
* an aside naming the inputs of the working (「拿今年的数字加上减少额推算。」「根据增加的金额往回算，」) asks
  nothing of its own;
* what a figure is said to include (「机关运行经费支出（包括政府采购）」) makes it no part of that.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_SUPPLEMENT = (
    "标题: 平潭综合实验区档案馆2016年度部门决算“三公”经费补充说明\n发布机构: 平潭综合实验区档案馆\n"
    "==================== 正文 ====================\n"
    "一、“三公”经费支出情况 公务接待费6.20万元，主要用于档案业务交流等方面的接待活动，累计接待40批次。"
    "与2015年相比，公务接待费支出减少1.30万元，下降17.3%，主要是压减接待规模。"
    "二、机关运行经费 2016年本馆一般公共预算拨款安排的机关运行经费支出（包括政府采购）85万元，"
    "比2015年增加5万元，主要是档案数字化设备电费增加。\n"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"supplement.txt": _SUPPLEMENT})


@pytest.mark.parametrize("question,value", [
    ("档案馆2015年公务接待费多少？拿今年的数字加上减少额推算。", "7.50"),
    ("根据减少的金额往回算，档案馆2015年的接待费是多少", "7.50"),
    ("档案馆2015年的机关运行经费有多少？按报告给的增加额倒推。", "80"),
])
def test_an_earlier_level_from_a_change_said_again_or_beside(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert "推算" in a.text


def test_what_a_figure_includes_makes_it_no_part(made: QA) -> None:
    a = made.ask("档案馆2016年的机关运行经费有多少")
    assert a.status == "answered" and a.value == Decimal("85"), a.text


def test_an_aside_names_no_item_of_its_own(made: QA) -> None:
    # the aside names how to work it out; the question must still name what is asked
    a = made.ask("档案馆2015年的是多少？拿今年的数字加上减少额推算。")
    assert a.value is None, a.text
