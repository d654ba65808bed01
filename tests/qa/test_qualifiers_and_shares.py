"""What a figure's own line says of it, in other wordings:

* 「资本性支出（基本建设）0.00万元；资本性支出4.10万元」: the line qualified in brackets is another line than the one
  asked without its qualifier, also as one addend of a sum; and 基本支出 is never pieced together from the 基本
  of 基本建设 beside a 支出;
* why a whole changed (「…比上年增加20.40万元，主要原因是对个人和家庭的补助预算增加…」) says nothing of the items
  its 其中 lists: 其他收入 does not answer 「其他对个人和家庭的补助」;
* 「…有多少？和上年比是增是减？」: which way it went, asked beside the amount, asks the level, not the change;
* a figure printed for two bodies together (「用于本局机关和档案技术服务中心的人员支出」) is no answer for one body's
  own share.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_BUDGET = (
    "标题: 2020年平潭综合实验区档案局部门预算说明\n发布机构: 平潭综合实验区档案局\n"
    "==================== 正文 ====================\n"
    "一、部门职责 负责全区档案事业的统筹规划和监督指导。\n"
    "二、2020年部门收入预算为330.50万元，比上年增加20.40万元，主要原因是对个人和家庭的补助预算增加18.00万元。"
    "其中：一般公共预算拨款收入330.50万元、其他收入0万元。\n"
    "三、2020年一般公共预算支出312.40万元，其中：工资福利支出250.10万元；商品和服务支出58.20万元；"
    "资本性支出（基本建设）0.00万元；资本性支出4.10万元。\n"
    "四、2020年一般公共预算基本支出290.30万元，其中：工资福利支出250.10万元；商品和服务支出36.10万元；"
    "资本性支出4.10万元。\n"
    "五、机关运行经费 2020年一般公共预算拨款安排的机关运行经费支出60.20万元，比上年减少3.10万元。\n"
    "六、人员经费（项级科目2010301）48.00万元，主要用于本局机关和档案技术服务中心的人员支出。\n"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"budget.txt": _BUDGET})


def test_a_line_qualified_in_brackets_is_not_the_line_asked(made: QA) -> None:
    a = made.ask("档案局2020年基本支出里的资本性支出有多少")
    assert a.status == "answered" and a.value == Decimal("4.10"), a.text
    a = made.ask("档案局2020年商品和服务支出加上资本性支出，总共多少？")
    assert a.value in (None, Decimal("62.30")), a.text  # never 58.20 + the 基本建设 line's 0.00


def test_why_a_whole_changed_names_none_of_its_items(made: QA) -> None:
    a = made.ask("档案局2020年其他对个人和家庭的补助有多少")
    assert a.value is None, a.text


def test_which_way_asked_beside_the_amount_asks_the_level(made: QA) -> None:
    a = made.ask("档案局2020年机关运行经费有多少？和上年比是增是减？")
    assert a.status == "answered" and a.value == Decimal("60.20"), a.text
    a = made.ask("档案局2020年机关运行经费安排了多少，比上年增加还是减少？")
    assert a.status == "answered" and a.value == Decimal("60.20"), a.text
    a = made.ask("档案局2020年机关运行经费比上年多了还是少了，差多少？")  # the gap asked too: the change
    assert a.status == "answered" and a.value == Decimal("3.10"), a.text
    a = made.ask("档案局2020年机关运行经费比上年少了多少")
    assert a.status == "answered" and a.value == Decimal("3.10"), a.text


def test_a_figure_of_two_bodies_is_no_ones_own_share(made: QA) -> None:
    a = made.ask("档案技术服务中心单独一家的人员经费有多少？")
    assert a.value is None, a.text
    a = made.ask("档案局2020年人员经费是多少")
    assert a.status == "answered" and a.value == Decimal("48.00"), a.text
