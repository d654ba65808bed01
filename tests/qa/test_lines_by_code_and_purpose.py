"""Budget lines printed by subject code and name, each followed by what it is for
(「（二）2110102一般行政管理事务109.94万元。主要用于…」):

* one name under several codes (2110102 and 2120102 一般行政管理事务) is told apart by the purpose after each;
* a question that names the code gets that code's line, and a code no figure prints is never another line's;
* a question that names a line and says what it is for (「给各中心的事业运行经费」) is covered by the purpose
  sentence; one that names only what the money is for (「在职人员工资」) is no question of that line;
* the reason a list's opening sentence gives for the whole's change names none of the lines listed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_BUREAU = (
    "标题: 平潭综合实验区水利局2016年部门预算说明\n发布机构: 平潭综合实验区水利局\n"
    "==================== 正文 ====================\n"
    "五、一般公共预算拨款支出情况 2016年度一般公共预算拨款支出2080.50万元，比上年增加300万元，主要原因是新增河长制"
    "专职人员工资，主要支出项目（按项级科目分类统计）包括： "
    "（一）2130101行政运行210.40万元。主要用于机关在职人员基本工资、津补贴及社会保障缴费。 "
    "（二）2130102一般行政管理事务85.10万元。主要用于防汛抗旱物资储备支出。 "
    "（三）2130305水利工程建设1500万元。主要用于小型水库除险加固。 "
    "（四）2130301行政运行30.20万元。主要用于水文站在职人员津补贴。 "
    "（五）2130302一般行政管理事务44.80万元。主要用于河道采砂管理专项支出。 "
    "（六）2130150事业运行210万元。主要用于水利服务中心、水保站在职人员工资、津补贴及社会保障缴费。\n"
)


@pytest.fixture(scope="module")
def bureau(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"bureau.txt": _BUREAU})


@pytest.mark.parametrize("question,value", [
    ("水利局2016年给河道采砂管理的一般行政管理事务支出是多少？", "44.80"),
    ("水利局2016年防汛抗旱物资储备的一般行政管理事务经费有多少？", "85.10"),
    ("水利局2016年2130102一般行政管理事务是多少？", "85.10"),
    ("水利局2016年科目2130301行政运行的钱是多少？", "30.20"),
    ("水利局2016年水利服务中心、水保站的事业运行经费有多少？", "210"),
])
def test_a_line_by_its_code_or_its_purpose(bureau: QA, question: str, value: str) -> None:
    a = bureau.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question", [
    "水利局2016年一般行政管理事务支出是多少？",  # two lines of that name, neither named
    "水利局2016年科目2130109行政运行的钱是多少？",  # a code no line prints
    "水利局2016年在职人员津补贴是多少？",  # what two lines are for, no line named
    # why the whole grew (「主要原因是新增河长制专职人员工资」) names no line of the list after it
    "水利局2016年给河长制专职人员的工资预算是多少？",
])
def test_no_line_by_another_code_or_by_purpose_alone(bureau: QA, question: str) -> None:
    a = bureau.ask(question)
    assert a.status != "answered", a.text
