"""A year the agency has no report of, worked out from its next report: the level printed for the
report's year and the change against 上年 printed right after it, both shown with the sum."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.models import Fact
from qa.ask import QA
from qa.prior_level import prior_level

FINALS = ("45_pingtan_jingfaju_final_2017.txt", "55_pingtan_zhongdianban_final_2017.txt",
          "76_pingtan_zhenganban_final_2017.txt")


@pytest.fixture(scope="module")
def finals(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, FINALS)


@pytest.fixture(scope="module")
def budget(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("47_pingtan_jingfaju_budget_2018.txt",))


@pytest.mark.parametrize("question,value,printed", [
    # 「2017年收入8,949.55万元，比2016年决算数减少2,454.23万元」
    ("经发局2016年的收入是多少？按2017年决算说明推算", "11403.78", ("8949.55", "2454.23")),
    ("平潭经济发展局2016年一般公共预算拨款支出多少万元？", "9661.11", ("8816.83", "844.28")),
    # 「行政运行支出168.88 万元，较上年决算数增加124.89万元」
    ("重点办2016年行政运行支出是多少", "43.99", ("168.88", "124.89")),
    ("征安办2016年行政运行支出是多少？", "28.41", ("10.73", "17.68")),
    ("2016年征安办的一般公共预算拨款支出是多少？根据2017年的决算推算", "58.37", ("57.81", "0.56")),
])
def test_an_earlier_year_from_a_final_account(finals: QA, question: str, value: str,
                                              printed: tuple[str, ...]) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert all(p in a.text.replace(",", "") for p in printed), a.text
    assert "推算" in a.text and len(a.figures) == 2


@pytest.mark.parametrize("question,value", [
    ("经发局2017年的收入预算大概是多少？（根据2018年预算说明推算）", "4482.95"),
    ("经济发展局2017年机关运行经费是多少", "248.76"),
])
def test_an_earlier_year_from_a_budget(budget: QA, question: str, value: str) -> None:
    a = budget.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


# the way to work it out said in a clause of its own, without brackets: the clause names nothing asked
@pytest.mark.parametrize("question,value", [
    ("依据报告写的减少额来倒推，经发局2016年的收入是多少？", "11403.78"),
    ("征安办2016年行政运行支出，拿2017年数和增加额推算是多少？", "28.41"),
    ("按征安办决算给出的增减数，2016年的一般公共预算拨款支出是多少？", "58.37"),
    ("重点办2016年行政运行支出多少？用2017年的行政运行支出和增加的金额反推。", "43.99"),
])
def test_a_clause_saying_how_to_work_it_out_names_nothing_asked(finals: QA, question: str, value: str) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "推算" in a.text


@pytest.mark.parametrize("question,kept", [
    ("根据报告里的增长额倒推，某乡2016年的收入是多少？", "某乡2016年的收入是多少？（推算）"),
    ("某乡2016年的支出，照说明写的减少额往回算大约是多少？", "某乡2016年的支出是多少？（推算）"),
    ("按某局报告给的增减数，2016年的机关运行经费是多少？", "某局，2016年的机关运行经费是多少？"),
    # a clause naming what is worked with is the question's own
    ("用收入减去支出推算，结余多少？", "用收入减去支出推算，结余多少？"),
    ("用2017年的会议费和增长率推算，2016年是多少？", "用2017年的会议费和增长率推算，2016年是多少？"),
    # the only clause of a question is what it asks
    ("倒推2016年的收入是多少？", "倒推2016年的收入是多少？"),
])
def test_method_clauses_are_dropped_and_nothing_else(question: str, kept: str) -> None:
    from qa.ask import without_method_clauses

    assert without_method_clauses(question) == kept


@pytest.mark.parametrize("question", [
    "重点办2015年行政运行支出是多少",  # two years back: no change is printed against it
    "经发局2015年的收入是多少？按2017年决算说明推算",
])
def test_no_change_printed_against_the_year_means_no_figure(finals: QA, question: str) -> None:
    assert finals.ask(question).status != "answered"


def test_the_reports_own_year_is_read_as_printed(finals: QA) -> None:
    a = finals.ask("征安办2017年行政运行支出是多少？")
    assert a.status == "answered" and a.value == Decimal("10.73")
    assert "推算" not in a.text


def _fact(label: tuple[str, ...], value: str, unit: str = "万元") -> Fact:
    return Fact(report_id="r", table="prose", row_path=label, column_path=(), value=Decimal(value), unit=unit,
                sentence="s")


@pytest.mark.parametrize("change,unit,kind,expected", [
    ("较上年决算数减少", "万元", "final", "28.41"),
    ("比2016年增加", "万元", "final", "-6.95"),  # a level below zero is no level: None
    ("比上年增长", "%", "final", None),  # a percentage gives no exact level
    ("比上年执行数增加", "万元", "budget", None),  # a budget against last year's actual: no budget figure
    ("比2015年增加", "万元", "final", None),  # against another year than the one asked
])
def test_prior_level_reads_only_an_amount_against_the_year_asked(change, unit, kind, expected):
    level = _fact(("行政运行",), "10.73")
    got = prior_level(level, [level, _fact(("行政运行", change), "17.68", unit)], 2016, 2017, kind)
    if expected is None or expected.startswith("-"):
        assert got is None
    else:
        assert got is not None and got.value == Decimal(expected)


@pytest.mark.parametrize("before,year,own,dated", [
    # the year compared with dates nothing: the number belongs to the report's own year
    ("（一）2017本年收入62426.75万元，比2016年决算数增加30449.38万元，增长95%，具体情况如下：1. 财政拨款收入",
     2016, 2017, False),
    ("2017年支出621.18万元，较2016年增加576.82万元，其中：基本支出", 2016, 2017, False),
    # a sentence dated to the year asked
    ("截至2020年底，区苏平片区管理局共有车辆", 2020, 2021, True),
    ("2018年度我局共主动公开政府信息", 2018, 2019, True),
    # the asked year said first, the report's own year nearer the number
    ("与2016年相比，2017年全年共收到申请", 2016, 2017, False),
])
def test_a_number_is_dated_by_the_year_nearest_it_that_is_no_base(before, year, own, dated):
    from qa.text_match import dated_to

    assert dated_to(before, year, own) is dated


@pytest.fixture(scope="module")
def twice_printed(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("134_pingtan_senlinyuyuanlinguanliju_final_2016.txt",
                                                    "41_pingtan_jingfa_2019.txt",
                                                    "27_putuo_shengtai_final_2025.txt"))


@pytest.mark.parametrize("question,value,printed", [
    # 「本年收入2250.86万元」 in the overview; 「（一）2016本年收入 2250.86 万元，比2015年决算数减少
    # 995.68 万元」 in its own section: the change stands beside the second printing only
    ("森林园林管理局2015年本年收入决算是多少？", "3246.54", ("2250.86", "995.68")),
    ("森林与园林管理局的本年收入比上一年少，那2015年本年收入有多少？", "3246.54", ("2250.86", "995.68")),
    # a percentage changed by 个百分点 is an exact earlier percentage
    ("经发局2018年主动公开及依申请公开政府信息的占比是多少？", "89.48", ("90.62", "1.14")),
    ("平潭经济发展局主动公开和依申请公开的占比较上年提高了一点，2018年这一占比是多少？", "89.48", ("90.62", "1.14")),
    # 「机关运行经费支出185.41万元，比2024年度增加4.68 万元」
    ("普陀区生态环境局2024年机关运行经费支出是多少？", "180.73", ("185.41", "4.68")),
])
def test_the_change_is_read_where_it_is_printed(twice_printed: QA, question: str, value: str,
                                                printed: tuple[str, ...]) -> None:
    a = twice_printed.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert all(p in a.text for p in printed) and "推算" in a.text, a.text


@pytest.mark.parametrize("question,value", [
    ("森林与园林管理局2016年本年支出比上年少了多少？", "283.86"),  # 「比2015年决算数减少283.86 万元」
    ("森林与园林管理局2016年本年收入较2015年减少多少万元？", "995.68"),
])
def test_a_change_against_a_named_years_actual_is_that_change(twice_printed: QA, question: str, value: str) -> None:
    """「比2015年决算数减少」 is a change with its subject in the clause before, like 「比上年减少」."""
    a = twice_printed.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_percentage_changed_by_a_rate_gives_no_earlier_percentage() -> None:
    level = _fact(("占比",), "80.29", "%")
    assert prior_level(level, [level, _fact(("占比", "较上年下降"), "10", "%")], 2019, 2020, None) is None
    got = prior_level(level, [level, _fact(("占比", "较上年下降"), "10.33", "个百分点")], 2019, 2020, None)
    assert got is not None and got.value == Decimal("90.62")


_ASIDE = (
    "标题: 2019年度平潭综合实验区档案局部门预算说明\n发布机构: 平潭综合实验区档案局\n"
    "==================== 正文 ====================\n"
    "七、一般公共预算“三公”经费支出情况 （二）公务接待费 2019年预算安排6 万元。主要用于上级部门档案业务检查等方面的"
    "接待活动。比上年减少1.5万元。（三）公务用车运行费 2019年预算安排4.2万元。主要用于1辆机要车辆的燃油、维修。"
    "比上年增加0.6万元。\n"
)


@pytest.fixture(scope="module")
def aside(tmp_path_factory: pytest.TempPathFactory) -> QA:
    from ingested import qa_over_pages
    return qa_over_pages(tmp_path_factory, {"aside.txt": _ASIDE})


@pytest.mark.parametrize("question,value", [
    # the change said after what the money is for, under the subject the level's words open with
    ("档案局2018年公务接待费是多少？", "7.5"),
    ("档案局公务接待费比上年少了1.5万元，那2018年是多少？", "7.5"),
    ("档案局2018年的公务用车运行费是多少？", "3.6"),
])
def test_the_change_after_an_aside(aside: QA, question: str, value: str) -> None:
    a = aside.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "推算" in a.text and len(a.figures) == 2
