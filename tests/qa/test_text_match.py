"""Choosing a number in prose: by its own words, its year, and whether it is a level or a change."""

from __future__ import annotations

from decimal import Decimal

from index.prose_facts import prose_facts
from qa.text_match import asks_rate, best_prose_fact

# 11_pingtan_lwtj_2019 (平潭综合实验区旅游与文化体育局), 一、总体情况
LWTJ = ("今年我局共制作政务信息514条，主动公开政府信息514条，未收到信息公开申请。其中机构职能类信息1条，"
        "政策、规范性文件信息4条，行政许可类信息3条，通知类信息6条，公示类信息6条，其他应主动公开政府信息494条。")
# 16_wanli_jiedao_budget_2025 p.30
WANLI = "2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。"


def _best(question: str, text: str, year: int | None = None):
    got = best_prose_fact(question, prose_facts("r", text), report_year=year)
    return None if got is None else (str(got.fact.value), got.fact.unit, got.fact.row_path[-1])


def test_the_label_the_question_names_wins_over_a_longer_one() -> None:
    assert _best("主动公开了多少条政府信息？", LWTJ) == ("514", "条", "主动公开政府信息")
    assert _best("其他应主动公开的政府信息有多少条？", LWTJ) == ("494", "条", "其他应主动公开政府信息")


def test_a_figure_printed_twice_in_a_sentence_is_read_at_its_own_place() -> None:
    facts = [f for f in prose_facts("r", LWTJ) if f.value == 514]
    assert {f.row_path[0] for f in facts} == {"今年我局共制作政务信息", "主动公开政府信息"}


def test_a_year_the_question_asks_about_must_be_the_figures_year() -> None:
    assert _best("2025年“三公”经费预算是多少？", WANLI, 2025) == ("37.91", "万元", "2025年“三公”经费预算数为")
    assert _best("它2024年的“三公”经费预算是多少？", WANLI, 2025) is None  # 37.91 is 2025's; 10 is a change


def test_a_change_answers_a_change_question_only() -> None:
    assert _best("“三公”经费比2024年预算减少了多少？", WANLI, 2025) == ("10", "万元", "比2024年预算减少")
    assert _best("“三公”经费预算是多少？", WANLI, 2025)[0] == "37.91"


def test_a_rate_of_change_is_not_a_share() -> None:
    assert asks_rate("事业单位医疗的预算比2023年实际执行数增加了百分之几？")
    assert not asks_rate("同意公开的比例是多少？")


# 17_putuo_fuliyuan_budget_2024, 财政拨款支出主要内容: numbered items, each a subject and then its figures
FULIYUAN = ("4.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”74.66万元，"
            "主要用于人员经费及公用经费。2023年当年预算执行数为711.34万元，2024年预算安排738.66万元，"
            "比2023年预算执行数增加3.84%。主要原因是：根据实际支出。"
            "5.“医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。"
            "2023年当年预算执行数为44.17万元，2024年预算安排50.37万元，比2023年预算执行数增加14.04%。")


def test_a_numbered_items_subject_carries_to_its_later_sentences() -> None:
    facts = prose_facts("r", FULIYUAN)
    rate = next(f for f in facts if f.value == Decimal("14.04"))
    assert rate.row_path == ("医疗卫生与计划生育支出 行政事业单位医疗 事业单位医疗", "比2023年预算执行数增加")
    assert next(f for f in facts if f.value == Decimal("50.37")).row_path[-1].endswith("事业单位医疗")
    got = best_prose_fact("事业单位医疗这一项的预算，比2023年实际执行数增加了百分之几？",
                          [f for f in facts if f.unit == "%"])
    assert got is not None and got.fact.value == Decimal("14.04")


def test_a_subject_alone_picks_no_figure_of_its_item() -> None:
    # 「…单独分到了多少钱」 shares only 「年预」 with 「2024年预算安排」: which item's is it? none is named in full
    assert _best("2024年预算里，行政单位离退休单独分到了多少钱？", FULIYUAN, 2024) is None


def test_longest_common_substring_agrees_with_the_table_of_every_pair() -> None:
    import random

    from qa.text_match import _lcs

    def by_table(a: str, b: str) -> int:
        best, prev = 0, [0] * (len(b) + 1)
        for ca in a:
            cur = [0] * (len(b) + 1)
            for j, cb in enumerate(b, 1):
                if ca == cb:
                    cur[j] = prev[j - 1] + 1
                    best = max(best, cur[j])
            prev = cur
        return best

    rng = random.Random(7)
    for _ in range(3000):
        a = "".join(rng.choice("公开申请政府信息件数") for _ in range(rng.randint(0, 12)))
        b = "".join(rng.choice("公开申请政府信息件数") for _ in range(rng.randint(0, 30)))
        assert _lcs(a, b) == by_table(a, b) == _lcs(b, a), (a, b)
    assert _lcs("一般公共预算财政拨款支出", "一般公共预算财政拨款支出是多少") == 12


# sentences of the kind printed by 平潭 片区 reports (海坛 2019, 金井 2022), worded afresh
PORTAL = ("一是通过区门户网站的信息公开专栏主动公开，共公开政府信息52条，信息类别包括财政预算、决算信息6条，"
          "其他应主动公开的政府信息20条。")
EVENTS = "二是做好招商推介工作，共签约项目17个，总投资12.5亿元。"


def test_a_total_is_read_with_the_clause_it_sums_up() -> None:
    # 「…专栏主动公开，共公开政府信息52条」: what is totalled was said in the clause before 共
    assert _best("主动公开的政府信息一共多少条？", PORTAL) == ("52", "条", "共公开政府信息")
    assert _best("招商推介工作签约了几个项目？", EVENTS) == ("17", "个", "共签约项目")
    assert _best("其他应主动公开的政府信息多少条？", PORTAL)[0] == "20"
