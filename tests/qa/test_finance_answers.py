"""Budget (部门预算) and final-accounts (部门决算) questions: the qualifier a figure's own column
prints decides what it answers, shares take the whole the question names, total rows are read by
the column asked. Values checked by hand against samples/15, 19 and 20."""

from __future__ import annotations

import pytest

from qa.scope import Filters

BUDGET_2024 = "15_wanli_jiedao_budget_2024"
BUDGET_2026 = "19_putuo_jianguanwei_budget_2026"
FINAL_2025 = "20_putuo_shiquan_final_2025"


def _ask(qa, report, question):
    return qa.ask(question, filters=Filters(reports=(report,)))


# 20 p.27 三公 table: 预算数 53.93, 决算数 37.35 (the prose: 「年初预算为 53.93 万元，支出决算为 37.35 万元」);
# 商品和服务支出 / 公务用车运行维护费 决算数 12.35
@pytest.mark.parametrize("report,question,value", [
    (FINAL_2025, "石泉路街道2025年三公经费决算多少？", "37.35"),
    (FINAL_2025, "石泉路街道2025年三公经费预算数是多少？", "53.93"),
    (FINAL_2025, "石泉路街道2025年公务用车运行维护费决算是多少？", "12.35"),
])
def test_the_column_a_figure_is_in_says_budget_or_final(qa, report, question, value):
    a = _ask(qa, report, question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("report,question", [
    (BUDGET_2026, "建设和管理委员会2026年的决算支出是多少？"),
    (BUDGET_2024, "万里街道2024年支出决算多少？"),
    (FINAL_2025, "石泉路街道2025年公务用车运行维护费的调整预算是多少？"),
])
def test_a_budget_never_answers_for_a_final_account_or_the_reverse(qa, report, question):
    a = _ask(qa, report, question)
    assert a.status == "refused" and a.value is None, a.text


@pytest.mark.parametrize("report,question,value", [
    (BUDGET_2026, "建设和管理委员会2026年项目支出占支出总计的比例？", "97.5"),  # 3,204,090,202.00 ÷ 3,286,618,082.20
    (BUDGET_2024, "万里街道2024年城乡社区支出占支出合计的比重是多少？", "76.4"),  # 119,385,303 ÷ 156,211,123
    (FINAL_2025, "石泉路街道2025年项目支出占支出合计的百分比？", "25.4"),  # 4,838.27 ÷ 19,044.27
])
def test_a_share_of_the_whole_named_after_zhan(qa, report, question, value):
    a = _ask(qa, report, question)
    assert (a.status, str(a.value), a.unit) == ("answered", value, "%"), a.text
    assert " ÷ " in a.text


@pytest.mark.parametrize("report,question,whole", [
    (BUDGET_2024, "万里街道2024年社区建设经费里，办公费占多少比例？", "社区建设经费"),
    (BUDGET_2026, "建设和管理委员会2026年的专项资金中，办公费占了多大比重？", "专项资金"),
])
def test_a_whole_the_report_does_not_hold_is_named_not_replaced_by_a_total(qa, report, question, whole):
    a = _ask(qa, report, question)
    assert a.status == "refused" and whole in a.text, a.text


@pytest.mark.parametrize("report,question,value", [
    (FINAL_2025, "石泉路街道2025年支出决算总计多少？", "19044.27"),  # 20 p.5 合计 19,044.27
    (FINAL_2025, "石泉路街道2025年基本支出决算多少？", "14206.00"),  # 合计 row × 基本支出
    (BUDGET_2026, "建设和管理委员会2026年三公经费预算一共多少？", "42.24"),  # the 和 of the name joins nothing
    (BUDGET_2026, "上海市普陀区建设和管理委员会2026年工资福利支出是多少？", "70552669.00"),
])
def test_totals_and_names_with_conjunctions(qa, report, question, value):
    a = _ask(qa, report, question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


def test_a_figure_from_a_table_that_does_not_add_up_says_so(qa):
    # 20: the 城乡社区管理事务 基本支出 cell prints 1,066.51 where its rows sum to 10,661.51
    a = _ask(qa, FINAL_2025, "石泉路街道2025年基本支出决算多少？")
    assert "不平衡" in a.text, a.text


# 15 p.11 支出预算总表 合计 row: 基本支出 99,706,020 · 项目支出 56,505,103; 基本支出经济分类 合计 column:
# 工资福利支出 and 商品和服务支出 (the 和 inside a printed name joins nothing)
@pytest.mark.parametrize("report,question,op", [
    (BUDGET_2024, "万里街道2024年项目支出比基本支出少多少？", " − "),
    (BUDGET_2024, "万里街道2024年基本支出和项目支出相差多少？", " − "),
    (BUDGET_2024, "万里街道2024年的工资福利支出和商品和服务支出合计多少？", " + "),
    (BUDGET_2026, "建设和管理委员会2026年工资福利支出和商品和服务支出加起来是多少？", " + "),
])
def test_two_budget_items_added_or_subtracted_show_their_inputs(qa, report, question, op):
    a = _ask(qa, report, question)
    assert a.status == "answered" and op in a.text and len(a.figures) == 2, a.text


def test_each_then_the_difference(qa):
    a = _ask(qa, BUDGET_2024, "万里街道2024年基本支出和项目支出各有多少？差多少？")
    assert a.status == "answered" and a.text.count("（") >= 3, a.text
    assert "99706020" in a.text and "56505103" in a.text and " − " in a.text, a.text


def test_comparisons_set_like_beside_like(qa):
    # 19 prints 元, 20 万元 (and a final account's 决算数 column is not a budget's 合计): no raw comparison
    a = qa.ask("建管委2026年和石泉路街道2025年的工资福利支出谁多？")
    assert a.status == "refused" and a.value is None, a.text


# 15 p.11 合计 × 基本支出 99,706,020 and p.13 工资福利支出 88,282,511; 19 合计 × 基本支出 82,527,880.20
# and 工资福利支出 70,552,669.00 — all in 元
@pytest.mark.parametrize("question,value", [
    ("万里街道2024年和建管委2026年谁的基本支出多？", "99706020"),
    ("建管委2026年和万里街道2024年的工资福利支出哪个多？", "88282511"),
])
def test_two_budgets_in_one_unit_compare(qa, question, value):
    a = qa.ask(question)
    assert (a.status, str(a.value)) == ("answered", value) and "万里街道" in a.text.split("：")[0], a.text


# 15 p.32: 「截至2023年8月31日，…共有车辆7辆」 and 「2024年部门预算安排购置车辆1辆」; 20 p.27 三公 table
# 公务用车运行维护费 预算数 27.40 / 决算数 12.35, 公务接待费 预算数 1.53
@pytest.mark.parametrize("report,question,value", [
    (BUDGET_2024, "万里街道2024年共有车辆多少辆？", "7"),  # the date of a count is not its year
    (BUDGET_2024, "万里街道2024年预算安排购置车辆几辆？", "1"),  # buying is not owning
    (FINAL_2025, "石泉路街道2025年公务用车运行维护费预算是多少？", "27.40"),  # items of a one-row table
    (FINAL_2025, "石泉路街道2025年公务接待费预算数是多少？", "1.53"),
])
def test_stock_and_flow_dates_and_one_row_tables(qa, report, question, value):
    a = _ask(qa, report, question)
    assert (a.status, str(a.value)) == ("answered", value), a.text
