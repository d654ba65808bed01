"""Three finance reports nobody tuned for (a 2026 budget, two 2025 final accounts): what was spent,
how it changed, and by how much two agencies differ."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA

FIXTURES = ("25_putuo_wenlv_budget_2026.txt", "26_putuo_yichuan_final_2025.txt", "27_putuo_shengtai_final_2025.txt",
            "34_putuo_shiquan_unit_budget_2026.txt")


@pytest.fixture(scope="module")
def finance(samples_dir: Path, fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    store = SQLiteStore(tmp_path_factory.mktemp("spent") / "facts.sqlite3")
    paths = [fixtures_dir / n for n in FIXTURES] + [samples_dir / "20_putuo_shiquan_final_2025.txt"]
    results = ingest_paths(paths, store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    # the cover's 「预算主管部门：…局」 runs into the next page's 「目 录」 with no break between pages
    assert results[0].agency == "上海市普陀区文化和旅游局"
    return QA(store)


def _value(a) -> Decimal | None:
    return a.value if a.status == "answered" else None


@pytest.mark.parametrize("question,value", [
    # a change stated after the level it changes: 「机关运行经费支出 816.16 万元，比 2024 年度减少 165.4 万元」
    ("宜川路街道2025年的机关运行经费较2024年少了多少万元？", "165.4"),
    ("石泉路街道2025年机关运行经费比上年减少了多少？", "54.47"),
    ("普陀区生态环境局2025年机关运行经费比上年增加了多少？", "4.68"),
    ("宜川路街道2025年机关运行经费比2024年下降了百分之几？", "16.85"),
])
def test_a_change_stated_after_its_level_answers_for_that_level(finance, question, value):
    a = finance.ask(question)
    assert _value(a) == Decimal(value), a.text


@pytest.mark.parametrize("question", [
    "宜川路街道2025年的机关运行经费较2024年少了多少万元？",
    "普陀区生态环境局2025年机关运行经费比上年增加了多少？",
])
def test_another_items_change_never_answers(finance, question):
    a = finance.ask(question)
    assert "三公" not in a.text.split("其中")[-1], a.text  # 「“三公”经费…减少 3.59 万元」 is another item's


def test_a_three_public_row_with_empty_cells_unprinted_is_not_guessed(finance):
    # 「31.47 19.86 30.67 19.56 30.67 19.56 0.80 0.30」 under twelve columns: 30.67/19.56 fit 购置费 as
    # well as 运行维护费, and the table's sums cannot tell which
    a = finance.ask("宜川路街道2025年公务用车运行维护费实际支出多少？")
    assert a.status == "ambiguous" and a.value is None and "19.56" in a.text, a.text


def test_why_it_changed_is_not_a_figure_question(finance):
    a = finance.ask("宜川路街道2025年三公经费为什么比2024年少了？")
    assert a.value is None and "报告中的相关内容" in a.text, a.text


@pytest.mark.parametrize("question,value", [
    ("石泉路街道2025年三公经费是多少？", "37.35"),  # a final account's figure is what was spent: 决算数
    ("宜川路街道2025年的三公经费花了多少？", "19.86"),
    ("宜川路街道2025年公务接待费实际支出多少？", "0.30"),  # 实际 says 决算
    ("石泉路街道2025年三公经费年初预算是多少？", "53.93"),  # named, the plan still answers
    ("文旅局2026年的公务接待费预算是多少？", "2.11"),  # a budget's own figure is the plan
])
def test_a_final_accounts_figure_is_what_was_spent_unless_the_plan_is_named(finance, question, value):
    a = finance.ask(question)
    assert _value(a) == Decimal(value), a.text


@pytest.mark.parametrize("question,value,named", [
    ("生态环境局和宜川路街道2025年机关运行经费哪个低？低多少？", "630.75", "生态环境局2025年更少"),
    ("宜川路街道和生态环境局2025年住房公积金谁花得多？相差多少？", "223.70",
     "宜川路街道办事处2025年更多"),
    ("宜川路街道和石泉路街道2025年三公经费决算谁少？少多少？", "17.49", "宜川路街道办事处2025年更少"),
    ("宜川路街道和石泉路街道2025年的三公经费谁花得少？少多少？", "17.49", "宜川路街道办事处2025年更少"),
])
def test_which_of_two_agencies_and_by_how_much(finance, question, value, named):
    a = finance.ask(question)
    assert _value(a) == Decimal(value), a.text  # the gap asked, not the larger level
    assert named in a.text.split("：")[0], a.text


@pytest.mark.parametrize("question,value", [
    # what the first item is 「…的」 of, the later items are of too
    ("宜川路街道2025年住房保障支出的基本支出与项目支出合计多少？", "1181.78"),  # 835.76 + 346.02, not + 合计's 项目支出
    ("石泉路街道2025年社会保障和就业支出的基本支出和项目支出一共多少？", "3019.33"),
    ("生态环境局2025年环境保护管理事务的基本支出和项目支出合起来多少？", "1543.22"),
    # a line asked whole is its 合计, not the 基本支出 beside it
    ("生态环境局2025年环境保护管理事务的行政运行花了多少？", "1293.60"),
    ("宜川路街道2025年机关事业单位基本养老保险缴费支出多少？", "518.69"),  # not 上缴上级支出's 0
    # 「项目支出」 after 多少 is a column, not 项 as a measure word; 「大气污染防治」 is 污染防治 / 大气
    ("生态环境局2025年大气污染防治用了多少项目支出？", "379.96"),
    ("普陀区生态环境局2025年公务用车运行维护费年初预算多少？", "20.50"),  # 年初预算 is the 预算数 column
])
def test_each_item_and_line_in_its_own_words(finance, question, value):
    a = finance.ask(question)
    assert _value(a) == Decimal(value), a.text


def test_a_total_line_named_is_not_answered_by_another_line(finance):
    # 「…的合计里，项目支出」 names the total line: 一般公共服务支出's 项目支出 is another line
    a = finance.ask("宜川路街道2025年一般公共预算财政拨款支出的合计中，项目支出多少？")
    assert a.value is None or a.value == Decimal("6110.76"), a.text


@pytest.mark.parametrize("question,value", [
    # a final account's tables hold only what was spent: the plan is the 说明's 「年初预算为…」 of the item
    ("宜川路街道2025年城乡社区管理事务的行政运行，决算比年初预算少用了多少？", "252.03"),
    ("生态环境局2025年大气污染防治决算比年初预算少多少？", "40.84"),
    ("宜川路街道2025年行政运行（城乡社区管理事务）年初预算是多少？", "2194.76"),
])
def test_the_plan_of_an_item_in_a_final_account_is_its_stated_budget(finance, question, value):
    a = finance.ask(question)
    assert _value(a) == Decimal(value), a.text
    assert "1942.73万元 − " not in a.text  # never the actual for the plan


@pytest.mark.parametrize("question", [
    # 「六、社会保障和就业支出 8,568,532 4,396,960 391,000 3,780,572」 under 合计 / 基本支出(人员经费, 公用经费) /
    # 项目支出: 4,396,960 is only the 人员经费 part of its 基本支出
    "石泉路街道2026年社会保障和就业支出，基本支出加项目支出是多少？",
    "石泉路街道本级2026年社会保障和就业支出的基本支出预算是多少？",
])
def test_a_part_of_the_column_asked_never_answers_for_it(finance, question):
    a = finance.ask(question)
    assert "4396960元" not in a.text.split("注意")[0] or "人员经费" in question, a.text
    assert a.value not in (Decimal("4396960"), Decimal("8177532")), a.text


@pytest.mark.parametrize("question,value", [
    # 「“…住房公积金（项）”2026年度预算193.42万元，2025年度预算188.78万元」: both years of one item, the
    # change computed from them and both shown
    ("石泉路街道2026年住房公积金的预算比2025年度预算多多少？", "4.64"),
    # 「（二）公务用车购置及运行费7万元，比2025年预算减少25万元」 is one item's change, not the budget's
    ("石泉路街道2026年整体预算比2025年增加了多少？", None),
])
def test_two_years_of_one_item_and_no_part_for_the_whole(finance, question, value):
    a = finance.ask(question)
    if value is None:
        assert a.value is None, a.text
    else:
        assert _value(a) == Decimal(value), a.text
        assert "193.42" in a.text and "188.78" in a.text


@pytest.mark.parametrize("question", [
    # the whole names no one figure (or only the 政府采购预算 total); each item after 中/里 does
    "文旅局2026年政府采购预算中货物类和服务类一共多少？",
    "文旅局2026年政府采购预算里货物和服务加起来是多少？",
])
def test_items_of_a_whole_named_first_are_added(finance, question):
    a = finance.ask(question)
    assert _value(a) == Decimal("3266.57"), a.text  # 692.93 + 2573.64, never the 8536.39 total
    assert "692.93" in a.text and "2573.64" in a.text
