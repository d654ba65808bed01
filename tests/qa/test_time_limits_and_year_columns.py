"""Time limits and the one-year statistics table of older disclosure reports, in other wordings:

* a span of days (「自批复下达之日起10日内」「15个工作日内」) is a figure of its own kind, named by what is to be
  done in it; asked 「几天」 or 「多少个工作日」 it is looked up, not refused as a breakdown the statistics
  tables lack, and no count of a table's cells answers it;
* a line printed empty for one fund (「政府性基金…本年收入万元」) does not empty the same line printed with its
  amount for the whole (「本年收入96.40万元」);
* a time limit never answers a question of an amount (「…“三公”经费决算是多少」 beside 「30日内公开…“三公”
  经费决算」);
* a table row a sentence of the same year states otherwise (附表 0 beside 「共受理依申请公开4件」) is no answer:
  both are shown as the report's own contradiction, unless the question asks what the table prints;
* a pre-2019 statistics table whose header names its year column only (「指标名称计量单位2013年度」, no 历年累计)
  is read one figure to a row, also when the report's title carries a space inside
  (「政府信息公开 工作年度报告」).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_APPROVAL = (
    "标题: 平潭综合实验区财政金融局关于批复2015年度部门决算的通知（区气象局）\n发布机构: 平潭综合实验区财政金融局\n"
    "==================== 正文 ====================\n"
    "平潭综合实验区气象局：你单位报送的2015年度部门决算悉。经审核，现批复如下：一、2015年年初结转结余1.20万元，"
    "本年收入96.40万元，本年支出95.10万元，年末结转结余2.50万元。其中：政府性基金预算财政拨款年初结转结余万元，"
    "本年收入万元，本年支出万元。二、2015年基本支出80.10万元，项目支出15.00万元。"
    "三、“三公”经费财政拨款支出3.60万元。四、请你单位自本批复下达之日起10日内，批复所属单位决算。"
    "五、请自本决算批复之日起30日内，通过门户网站公开2015年度部门决算及“三公”经费决算（公开格式见附件）。"
    "平潭综合实验区财政金融局 2016年6月2日\n"
)

_OLD_REPORT = (
    "标题: 平潭县水利局2013年度政府信息公开 工作年度报告\n发布机构: 平潭县水利局\n"
    "==================== 正文 ====================\n"
    "一、概述 2013年，我局认真贯彻《政府信息公开条例》。二、主动公开情况 全年在网站主动公开信息62条。"
    "三、依申请公开情况 对依申请公开的政府信息，我局均在15个工作日内予以答复。"
    "四、附表指标名称计量单位2013年度主动公开信息数条62其中：1.网站公开条58 2.政府公报公开条4"
    "受理依申请公开信息总数条3其中：1.当面申请数条1 2.网上申请数条2对申请的答复数条3行政复议数条0行政诉讼数条0"
    " 平潭县水利局 二0一四年一月十日 附件下载\n"
)

_AT_ODDS = (
    "标题: 平潭县卫生局2011年度政府信息公开工作年度报告\n发布机构: 平潭县卫生局\n"
    "==================== 正文 ====================\n"
    "一、概述 2011年，我局主动公开政府信息27条。二、依申请公开情况 全年共受理依申请公开4件，均已按时答复。"
    "三、附表指标名称计量单位2011年度主动公开信息数条27其中：1.网站公开条27受理依申请公开信息总数条0"
    "对申请的答复数条0行政复议数条0 平潭县卫生局 附件下载\n"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {
        "approval.txt": _APPROVAL, "old_report.txt": _OLD_REPORT, "at_odds.txt": _AT_ODDS
    })


@pytest.mark.parametrize("question,value,unit", [
    ("气象局决算批下来后几天内要公开部门决算？", "30", "日"),
    ("气象局的批复到了以后，多少天之内得给下属单位批决算？", "10", "日"),
    ("水利局答复信息公开申请一般要几天？", "15", "个工作日"),
    ("水利局收到申请后多少个工作日内答复？", "15", "个工作日"),
])
def test_a_time_limit_is_looked_up_by_what_is_done_in_it(made: QA, question: str, value: str, unit: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == unit, a.text


@pytest.mark.parametrize("question", [
    "水利局2013年主动公开了多少天",  # a count of 条 is no span of days
    "气象局2015年公务用车用了几天",  # no time limit is said of it
])
def test_days_no_limit_is_said_of_are_refused(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.status == "refused" and a.value is None, a.text


@pytest.mark.parametrize("question,value", [
    ("水利局2013年附表里网上申请数是多少？", "2"),
    ("水利局2013年通过政府公报公开了几条？", "4"),
    ("2013年水利局对申请的答复数", "3"),
    ("水利局2013年行政诉讼数有多少", "0"),
])
def test_a_statistics_table_with_its_year_column_only(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "条", a.text


def test_a_share_within_the_one_year_table(made: QA) -> None:
    a = made.ask("水利局2013年网站公开的占主动公开总数的比例是多少")
    assert a.status == "answered" and a.value == Decimal("93.5"), a.text
    assert "58" in a.text and "62" in a.text


def test_a_line_empty_for_one_fund_leaves_the_wholes_figure(made: QA) -> None:
    a = made.ask("气象局2015年决算的本年收入是多少")
    assert a.status == "answered" and a.value == Decimal("96.40"), a.text
    a = made.ask("气象局2015年政府性基金本年收入是多少")
    assert a.status == "refused" and a.value is None, a.text


def test_a_time_limit_answers_no_amount(made: QA) -> None:
    a = made.ask("气象局2015年“三公”经费决算是多少？")
    assert a.status == "answered" and a.value == Decimal("3.60"), a.text


def test_a_row_the_prose_states_otherwise_is_shown_as_a_contradiction(made: QA) -> None:
    a = made.ask("县卫生局2011年受理了几件信息公开申请？")
    assert a.status == "ambiguous" and a.value is None, a.text
    assert "0条" in a.text and "4件" in a.text and "不一致" in a.text
    a = made.ask("卫生局2011年附表中受理依申请公开信息总数填了多少")
    assert a.status == "answered" and a.value == Decimal("0") and "4件" in a.text and "不一致" in a.text, a.text
    a = made.ask("卫生局2011年网站公开了多少条信息")  # table and prose agree
    assert a.status == "answered" and a.value == Decimal("27") and "不一致" not in a.text, a.text
