"""An agency's name inside a line's name, coded lines, and sums whose owner is said once:

* 「县人大2016年人大会议支出…」: the first 人大 is the agency, the second names the line 人大会议 and is asked;
* 「…(款)一般行政管理事务(项)拨款支出45.58万元」: the line is the item its level closes, not 「拨款支出」;
* 「…科目」 names the kind of line asked, not a word a label must print;
* with no figure ranked first (「…花了多少」 names no 支出), the ranked figures that the verifier lets
  through still answer, and one that names another thing still does not;
* 「业务费中A、B和对个人和家庭的补助合计」: every item is of the owner the first one names, a
  printed name holding its own 的 as well.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_CONGRESS = (
    "标题: 平潭县人大常委会2016年度部门决算说明\n发布机构: 平潭县人民代表大会常务委员会\n"
    "==================== 正文 ====================\n"
    "一、收入支出决算总体情况 2016年本年收入402.10万元，本年支出398.55万元。二、一般公共预算财政拨款支出决算情况 "
    "1、2010101行政运行301.20万元，比2015年决算数增加12.40万元，增长4.29%。主要原因是人员增资。"
    "2、2010104人大会议16.85万元，比2015年决算数减少9.15万元，下降35.19%。主要原因是会期缩短。"
    "3、2010108代表工作5.60万元，比2015年决算数增加1.10万元。\n"
)

_ROADS = (
    "标题: 平潭综合实验区交通安全联合整治办公室2017年度部门决算说明\n"
    "发布机构: 平潭综合实验区交通安全联合整治办公室\n"
    "==================== 正文 ====================\n"
    "四、公共财政拨款支出决算情况 2017年公共财政拨款支出62.40万元，比2016年决算数增加8.20万元。"
    "（一）2010302一般公共服务支出(类) 政府办公厅（室）及相关机构事务(款)一般行政管理事务(项)拨款支出51.30万元，"
    "比2016年决算数增加6.10万元。（二）2240106公共安全支出(类)公安(款)道路交通管理(项)拨款支出11.10万元，"
    "比2016年决算数增加2.10万元。\n"
)

_TOWN = (
    "标题: 2019年度平潭县流水镇部门决算说明\n发布机构: 流水镇人民政府\n"
    "==================== 正文 ====================\n"
    "一、收入支出决算总体情况 2019年本年收入1860.20万元，本年支出1842.70万元。二、机关运行经费 "
    "2019年机关运行经费支出128.40万元。三、支出决算表 科目 合计 基本支出 项目支出 "
    "对个人和家庭的补助 96.30 96.30 0 工资福利支出 688.10 688.10 0\n"
    "四、部门业务费绩效自评综述 部门业务费全年预算数为1501.60万元。主要产出和效果：2019年人员经费702.40万元，"
    "保障了工资按时发放；2019年公用经费351.70万元，保障了机关日常运转；2019年对个人和家庭的补助447.50万元，"
    "用于村居干部生活补助。\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"congress_2016.txt": _CONGRESS, "roads_2017.txt": _ROADS,
                                            "town_2019.txt": _TOWN})


@pytest.mark.parametrize(("question", "value"), [
    ("县人大2016年人大会议花了多少？", "16.85"),
    ("平潭县人大2016年人大会议科目决算数是多少", "16.85"),
    ("县人大常委会2016年人大会议那一项支出多少钱", "16.85"),
])
def test_the_agency_said_again_names_the_line(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_line_with_the_agencys_name_worked_back_a_year(qa: QA) -> None:
    a = qa.ask("照这份决算说明倒推，县人大2015年人大会议科目花了多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("26.00")
    assert "16.85" in a.text and "9.15" in a.text


@pytest.mark.parametrize("question", [
    "县人大2016年人大代表培训花了多少？",
    "县人大2016年立法调研科目支出多少？",
])
def test_a_line_the_report_lacks_is_still_refused(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status != "answered" or a.value is None, a.text


@pytest.mark.parametrize(("question", "value"), [
    ("2017年交通安全联合整治办公室的一般行政管理事务花了多少钱？", "51.30"),
    ("交通安全联合整治办公室2017年的道路交通管理科目拨了多少钱", "11.10"),
    ("交通安全联合整治办公室2017年一般行政管理事务和道路交通管理哪个花得多？", "51.30"),
])
def test_a_coded_line_is_named_by_its_item(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_coded_line_shares_its_whole(qa: QA) -> None:
    a = qa.ask("交通安全联合整治办公室2017年公共财政拨款支出中，道路交通管理占几成？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("17.8")
    assert "11.1" in a.text and "62.4" in a.text


def test_items_of_one_owner_are_summed_from_that_owner(qa: QA) -> None:
    a = qa.ask("流水镇部门业务费中，公用经费、人员经费、对个人和家庭的补助合计多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("1501.60")
    assert "447.5" in a.text and "96.3" not in a.text
