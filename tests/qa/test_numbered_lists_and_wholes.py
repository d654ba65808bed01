"""A budget approved as numbered lists under lettered headings, in other wordings:

* 「（二）支出预算1.人员经费321.17万元。2.公用经费…」: the heading run straight into its list's first item is no part of
  that item's name; the item is named by its own words, as its siblings are;
* a numbered item answers only a question that names it: 「支出预算一共多少」 asks the list's whole, which the letter
  never prints, and no one item is (however its 支出 and the report's 预算 cover the words asked).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_LETTER = (
    "标题: 平潭综合实验区文体旅游局关于批复2022年部门预算的通知\n发布机构: 平潭综合实验区文体旅游局\n"
    "==================== 正文 ====================\n"
    "区图书馆：2022年部门预算已经审议通过，现予以批复，并将相关事项通知如下：一、2022年部门收支预算"
    "（一）收入预算1.一般公共预算收入418.36万元，其中：区（县）级一般公共预算拨款418.36万元。2.政府性基金预算收入0万元。"
    "3.财政专户收入12.5万元。（二）支出预算1.人员经费285.40万元。2.公用经费31.96万元。3.对个人和家庭的补助6万元。"
    "4.项目支出107.5万元，其中：部门发展性支出80万元、社会发展性支出27.5万元。二、强化部门预算执行管理 "
    + "单位要严格按照预算安排支出，强化预算刚性约束。" * 12 + "\n"
)

_SPACED = (
    "标题: 平潭综合实验区教育局关于批复2019年部门预算的通知\n发布机构: 平潭综合实验区教育局\n"
    "==================== 正文 ====================\n"
    "区教师进修学校：现将2019年部门预算批复如下：一、2019年部门预算批复情况（一）部门收入预算1.一般公共预算收入"
    "956.2万元。2.政府性基金预算收入0万元。（二）部门支出预算1.人员经费 702.8万元。2.公用经费88.4万元，"
    "其中：公务用车运行补助2.6万元。3.对个人和家庭的补助15万元。4.项目支出150万元。二、加强预算管理 "
    + "各项资金要按程序支付，超额不补。" * 12 + "\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"letter_2022.txt": _LETTER, "spaced_2019.txt": _SPACED})


def test_the_first_item_is_named_by_its_own_words(qa: QA) -> None:
    labels = {f.row_path[-1]: f.value for r in qa.kb.reports() for f in qa.kb.of(r).facts if f.table == "prose"}
    assert labels.get("1.人员经费") in (Decimal("285.40"), Decimal("702.8"))
    assert not any(label.startswith(("支出预算", "部门支出预算", "收入预算", "部门收入预算")) for label in labels)


@pytest.mark.parametrize("question", [
    "区图书馆2022年的支出预算一共多少？",
    "2022年图书馆全年支出预算总额是多少万元",
    "区图书馆2022年收入预算合计多少？",
    "教育局2019年部门支出预算是多少？",
    "教育局2019年收入预算总共有多少钱",
])
def test_one_item_does_not_answer_for_the_whole_list(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status != "answered", a.text
    assert a.value is None


@pytest.mark.parametrize(("question", "value"), [
    ("区图书馆2022年人员经费安排了多少？", "285.40"),
    ("图书馆的一般公共预算收入有多少", "418.36"),
    ("2022年区图书馆的项目支出预算多少万元？", "107.5"),
    ("教育局2019年人员经费预算多少？", "702.8"),
    ("区教育局2019年给个人和家庭的补助有多少", "15"),
])
def test_an_item_asked_by_name_is_answered(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
