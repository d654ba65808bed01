"""Worked budget lines, a fund's notice and a programme's self-assessment, asked in everyday words:

* a worked line (「③ 医疗保险：38000元×12月×8%=3.65万元」) answers by its result, never by a factor;
* 「A加上B，一共…」 asks the sum of both: one of them is never the answer; 「A和B合计」 of a line printing both
  (「年终一次性奖金及防暑费」「医保社保生育工伤险」) is that line, one holding only some of them is not;
* 「卖了多少」 asks sales: a fund's income (公益金收入) does not answer it;
* 「…业务费执行了多少」 asks money: the programme's score (自评得分87分) does not answer it, 「得了多少分」 does.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_WORKED = (
    "标题: 2018年平潭综合实验区水土保持监测站预算编制说明\n发布机构: 平潭综合实验区水土保持监测站\n"
    "==================== 正文 ====================\n"
    "一、人员情况 目前实有人数6人。二、支出情况 2018年度预计支出96.30万元。1.基本支出：45.25万元 "
    "（1）人员支出：41.65万元 ① 基本工资：15000元×12月=18.00万元 ② 地区津贴：20000元×12月= 24.00万元 "
    "③ 医疗保险：38000元×12月×8%=3.65万元 ④ 提租补贴：1500元×12月=1.80万元 "
    "⑤ 年终一次性奖金及防暑费：18000元×4.5月=8.10万元 ⑥ 在职人员医保社保生育工伤险：9.40万元 （2）公用支出：3.6万元 "
    "综合定额公用费：①6000元× 5人（在编）+6000元×1人（借调）=3.6万元 2.项目支出：51.05万元。\n"
)

_FUND = (
    "标题: 平潭综合实验区2018年福彩公益金统计及使用情况公告\n发布时间: 2019-05-20 09:00\n"
    "发布机构: 平潭综合实验区民政局\n栏目: 财政预算、决算报告\n"
    "==================== 正文 ====================\n"
    "现将2018年度平潭综合实验区福利彩票公益金收支及使用情况公告如下：一、平潭综合实验区2018年福彩公益金收入860万元，"
    "上年结余300万元，本年滚存结余420万元。二、2018年福彩公益金支出740万元，其中养老服务支出500万元，"
    "儿童福利支出240万元。\n"
)

_SCORED = (
    "标题: 2019年度平潭县北厝镇部门决算说明\n发布机构: 北厝镇人民政府\n"
    "==================== 正文 ====================\n"
    "一、收入支出决算总体情况 2019年收入1520.00万元，支出1498.60万元。二、预算绩效情况 部门业务费绩效自评综述："
    "根据年初设定的绩效目标，部门业务费自评得分91分，自评等次为优秀。部门业务费全年预算数为860.50万元，执行数为"
    "842.30万元，完成预算的97.89%。三、公开情况 2019年共制发文件300份，其中主动公开120份、依申请公开及不予公开180份。"
    "全年开展季度检查2次、月检查9次。\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"worked_2018.txt": _WORKED, "fund_2018.txt": _FUND,
                                            "scored_2019.txt": _SCORED})


@pytest.mark.parametrize(("question", "value"), [
    ("水土保持监测站2018年医疗保险预算安排多少？", "3.65"),
    ("水保监测站2018年地区津贴预计多少钱", "24.00"),
    ("水保监测站的综合定额公用费是多少？", "3.6"),
    ("水土保持监测站2018年提租补贴和医疗保险哪个多？", "3.65"),
])
def test_a_worked_line_answers_by_its_result(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize(("question", "value"), [
    ("水土保持监测站年终一次性奖金和防暑费两项预算合计多少钱", "8.10"),
    ("水保监测站在职人员医保、社保、生育工伤险合起来多少钱？", "9.40"),
])
def test_items_printed_as_one_line_are_that_line(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize(("question", "value"), [
    ("民政局福彩公益金当年收入加上上年结余，总共多少？", "1160"),
    ("区民政局福彩公益金的养老服务支出加上儿童福利支出是多少", "740"),
])
def test_one_plus_another_is_their_sum(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question", [
    "民政局2018年的福利彩票一共卖了多少钱？",
    "区民政局的福彩2018年卖出去多少",
])
def test_sales_are_not_a_funds_income(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "refused", a.text


def test_money_asked_is_not_a_score(qa: QA) -> None:
    a = qa.ask("北厝镇2019年部门业务费实际执行了多少？")
    assert a.value in (None, Decimal("842.30")), a.text
    scored = qa.ask("北厝镇部门业务费自评得了多少分？")
    assert scored.status == "answered", scored.text
    assert scored.value == Decimal("91")


@pytest.mark.parametrize(("question", "total"), [
    ("北厝镇依申请公开及不予公开的，再加上主动公开的，合计几份", "300"),
    ("北厝镇季度检查和月检查加起来一共开展了几次？", "11"),
])
def test_a_line_holding_some_of_the_items_is_not_their_sum(qa: QA, question: str, total: str) -> None:
    a = qa.ask(question)
    assert a.value in (None, Decimal(total)), a.text
