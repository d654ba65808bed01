"""Years after a report's own, costs printed in pairs, and items of one list, in other wordings:

* a budget that prints the years after its own (「2020-2022年预算编制说明」) answers a later year only from a
  sentence dated to that year, the year said last before the figure, and says it is an estimate; a year it
  does not print, or one further ahead, is refused;
* a heading may open on its year (「三、2021年度预计支出：…」): it starts a sentence and a subject of its own;
* a figure for two costs of one thing (公务用车购置及运行费) answers neither cost asked alone, by its own word
  or an everyday one (「买公车」 says 购置), unless its label goes on to name that cost;
* a share of a whole that opens a list of its items takes its part from that list, not a like-named item
  of another list; 「全部支出」 is the year's total spending;
* a change said before what changed (「主要原因是增加渔船更新补助资金100.00万元」) is a stated change;
* an average per month is the year's figure over its twelve months, the division shown;
* 「到2013年底累计…」 of the 2014 report is its running total less the year's part.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.ingest import ingest_paths
from index.prose_facts import prose_facts
from index.store import SQLiteStore
from qa.ask import QA
from qa.text_match import dated_last_to

_PLAN = (
    "标题: 平潭综合实验区海洋监测服务中心2020-2022年预算编制说明\n发布机构: 平潭综合实验区农村发展局\n"
    "==================== 正文 ====================\n"
    "一、人员情况 目前实有人数4人。 二、支出情况 2020预计支出80.5万元。 1.人员支出：50万元 2.公用支出：3.5万元 "
    "3. 2020年度项目经费支出：27万元 三、2021年度预计支出 ：76.2万元 1.人员支出：51万元 2.公用支出：3.2万元"
    "（参照2020年度） 3. 2021年度项目经费支出：22万元 （1）2021年专项业务费：12万元 （2）2021年部门发展性专项："
    "10万元 四、2022年度预计支出 ：70.9万元 1.人员支出：52万元 2.公用支出：3.9万元（参照2021年度） "
    "3. 2022年度项目经费支出：15万元\n"
)

_APPROVAL = (
    "标题: 平潭综合实验区财政金融局关于批复2019年度部门决算的通知\n发布机构: 平潭综合实验区财政金融局\n"
    "==================== 正文 ====================\n"
    "区渔业执法支队：根据有关规定，现批复你单位2019年度部门决算。一、2019年本年收入420.50万元，本年支出418.20万元。"
    "三、2019年一般公共预算支出410.00万元，其中：工资福利支出300.00万元；商品和服务支出60.00万元；"
    "资本性支出50.00万元；其他支出0.00万元。四、2019年一般公共预算基本支出340.00万元，其中：工资福利支出290.00"
    "万元；商品和服务支出50.00万元；其他支出0.00万元。五、2019年“三公”经费一般公共预算财政拨款支出6.00万元，"
    "其中：因公出国（境）费0.00万元；公务用车购置及运行维护费4.00万元；公务接待费2.00万元。\n"
)


_BUDGET = (
    "标题: 2020年度平潭综合实验区海洋渔业服务中心部门预算说明\n发布机构: 平潭综合实验区农村发展局\n"
    "==================== 正文 ====================\n"
    "四、预算收支总体情况 2020年,海洋渔业服务中心部门收入预算为500.00万元，比上年增加120.00万元，主要原因是增加"
    "渔船更新补助资金100.00万元；人员增加相应增加人员经费20.00万元。\n"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> QA:
    folder = tmp_path_factory.mktemp("pages")
    paths = []
    for name, text in (("plan.txt", _PLAN), ("approval.txt", _APPROVAL), ("budget.txt", _BUDGET)):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    store = SQLiteStore(tmp_path_factory.mktemp("store") / "facts.sqlite3")
    assert all(r.status == "added" for r in ingest_paths(paths, store))
    return QA(store)


@pytest.mark.parametrize("question,value", [
    ("海洋监测服务中心2021年预计支出多少？", "76.2"),
    ("2022年海洋监测服务中心的项目经费支出打算安排多少？", "15"),
    ("海洋监测服务中心2021年的专项业务费有多少？", "12"),
])
def test_a_later_year_from_the_sentence_dated_to_it(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert "预计" in a.text and "不是" in a.text  # said to be an estimate, not that year's own figure


@pytest.mark.parametrize("question", [
    "海洋监测服务中心2023年预计支出多少？",  # further ahead than the plan
    "2021年海洋监测服务中心收到多少件信息公开申请？",  # a figure of the year the plan does not print
])
def test_a_later_year_the_report_does_not_print_is_refused(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.status != "answered" and a.value is None, a.text


def test_the_year_said_last_dates_a_figure() -> None:
    assert dated_last_to("2.公用支出：3.2万元（参照2020年度） 3. 2021年度项目经费支出：", 2021)
    assert not dated_last_to("2.公用支出：3.2万元（参照2020年度） 3. 2021年度项目经费支出：", 2020)
    assert dated_last_to("2021年支出80万元，比2020年增加", 2021)  # a comparison's base dates nothing


def test_a_heading_that_opens_on_its_year_opens_a_subject() -> None:
    text = "2.公用支出：3.5万元 3. 2020年度项目经费支出：27万元 三、2021年度预计支出 ：76.2万元 1.人员支出：51万元"
    facts = {f.value: f.row_path for f in prose_facts("r", text)}
    assert facts[Decimal("76.2")] == ("2021年度预计支出",), facts


def test_a_share_takes_its_part_from_the_whole_s_own_list(made: QA) -> None:
    a = made.ask("渔业执法支队的工资福利支出，在2019年一般公共预算支出里占几成？")
    assert a.status == "answered" and a.value == Decimal("73.2"), a.text  # 300.00 ÷ 410.00, not 290.00 ÷ 410.00
    a = made.ask("渔业执法支队2019年商品和服务支出占一般公共预算基本支出的百分之几？")
    assert a.status == "answered" and a.value == Decimal("14.7"), a.text  # 50.00 ÷ 340.00


def test_the_whole_of_the_spending_by_its_everyday_name(made: QA) -> None:
    a = made.ask("渔业执法支队一般公共预算基本支出在2019年全部支出里占几成？")
    assert a.status == "answered" and a.value == Decimal("81.3"), a.text  # 340.00 ÷ 418.20


@pytest.mark.parametrize("question,value", [
    ("海洋渔业服务中心2020年预算为渔船更新补助增加了多少资金？", "100.00"),
    ("2020年海洋渔业服务中心收入预算比上年增加了多少？", "120.00"),
])
def test_a_change_said_before_what_changed(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


REPORTS = ("135_pingtan_zhongdianban_budget_2018.txt", "105_pingtan_nongcunfazhanju_budget_2018.txt")


@pytest.fixture(scope="module")
def budgets(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("重点办2018年买公车的预算有多少？", "0"),  # 公车购置费0万元, not the pair's 3.8
    ("重点办2018年公车运行费预算多少？", "3.8"),
    ("重点办公务用车购置及运行费在2018年预算安排了多少？", "3.8"),
    ("农发局2018年预算安排的车辆运行经费是多少？", "62.80"),  # the label names the one cost itself
])
def test_two_costs_of_one_thing_answer_neither_asked_alone(budgets: QA, question: str, value: str) -> None:
    a = budgets.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.fixture(scope="module")
def disclosures(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("31_pingtan_gongan_2024.txt",
                                                    "182_pingtan_gonganju_disclosure_2014.txt"))


@pytest.mark.parametrize("question,value", [
    ("平潭公安局2024年平均每个月主动公开几条政府信息？", "11.25"),  # 135 ÷ 12
    ("公安局2024年月均收到几件信息公开申请？", "0.67"),  # 8 ÷ 12
    ("2014年平潭公安局平均每个月主动公开多少条？按年报附表回答。", "30.00"),  # 360 ÷ 12
    ("用2014年年报倒推，公安局到2013年底一共累计主动公开过几条信息？", "445"),  # 805 − 360
])
def test_a_month_s_average_and_the_stock_at_a_year_s_end(disclosures: QA, question: str, value: str) -> None:
    a = disclosures.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
