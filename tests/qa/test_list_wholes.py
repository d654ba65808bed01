"""The whole a listed item belongs to, and the plain figure over the rest of a list.

- A 「其中」 that opens its own sentence breaks down the one figure of its unit the sentence before
  prints (「主动公开政府信息225条，公开类别主要涉及…。其中…征地信息类121条」): that figure is the
  item's whole, for its words and for a share of it.
- 「X在Y里占几成」 names the whole Y after 在 and the part X before it.
- Two numbers tied on the question's words, one of them the 「其他…」 rest of a list the question
  does not ask: the other is meant.
- 「2021年累计…」 is the year's sum, like 「全年累计…」."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("142_pingtan_ziranziyuanyushengtaihuanjingju_disclosure_2020.txt", "45_pingtan_jingfaju_final_2017.txt",
           "134_pingtan_senlinyuyuanlinguanliju_final_2016.txt", "144_pingtan_shehuishiyeju_disclosure_2019.txt",
           "143_pingtan_gonganju_disclosure_2021.txt", "101_pingtan_lvyouwentiju_disclosure_2020.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,whole", [
    ("自然资源与生态环境局2020年土地出让类在主动公开的信息里占几成？", "17.3", "225"),
    ("自然资源与生态环境局2020年土地出让类信息占主动公开信息的比例是多少？", "17.3", "225"),
    ("森林与园林管理局2016年人员支出在基本支出里占多大比例？", "86.6", "68.59"),
    ("经发局2017年人员支出占基本支出的比重是多少？", "86.5", "1957.96"),
])
def test_the_whole_of_a_breakdown_in_the_sentence_before(reports: QA, question: str, value: str,
                                                         whole: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and str(a.figures[-1].fact.value) == whole


@pytest.mark.parametrize("question,value", [
    ("自然资源与生态环境局2020年主动公开的信息里，行政处罚类有多少条？", "15"),
    ("平潭社会事业局2019年全年主动公开的信息有几条？", "140"),
    ("平潭社会事业局2019年一共主动公开几条政府信息？", "140"),
    ("社会事业局2019年其他主动公开的政府信息有几条？", "56"),
    ("公安局2021年累计公开公安政府信息几条？", "184"),
    ("公安局2021年全年累计公开公安政府信息多少条？", "184"),
])
def test_list_items_and_wholes(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


_ASIDE = (
    "标题: 2020年度平潭综合实验区港区管理局部门预算说明\n发布机构: 平潭综合实验区港区管理局\n"
    "==================== 正文 ====================\n"
    "四、预算收支总体情况 2020年港区管理局收入预算为512.40万元。相应安排支出预算512.40万元，比2019年增加了41.20万元，"
    "主要原因是公用支出增加，其中：人员支出300.12万元，对个人和家庭补助支出12.28万元，公用支出200.00万元。\n"
)


@pytest.fixture(scope="module")
def aside(tmp_path_factory: pytest.TempPathFactory) -> QA:
    from ingested import qa_over_pages
    return qa_over_pages(tmp_path_factory, {"aside.txt": _ASIDE})


@pytest.mark.parametrize("question,value", [
    # the whole's change and its reason stand between the whole and its 其中: the whole is still the one before
    ("港区管理局2020年的预算中，人员支出所占比重是多少？", "58.6"),
    ("港区管理局2020年公用支出占比多少？", "39.0"),
])
def test_the_whole_before_a_change_and_its_reason(aside: QA, question: str, value: str) -> None:
    a = aside.ask(question)
    assert a.status == "answered", a.text
    assert abs(a.value - Decimal(value)) <= Decimal("0.1")
    assert Decimal("512.40") in {f.fact.value for f in a.figures}


_LINES = (
    "标题: 平潭综合实验区财政金融局关于批复2018年区国有资本经营预算的通知\n发布机构: 平潭综合实验区财政金融局\n"
    "栏目: 财政预算、决算报告\n"
    "==================== 正文 ====================\n"
    "三、国有资本收益收缴指标 120万元。具体如下：\n（一）利润收入120万元，其中：\n1.区城投公司70 万元；\n"
    "2.区水务公司45万元；\n3.平潭港务公司5万元。\n（二）股利、股息收入 万元\n"
)


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> QA:
    from ingested import qa_over_pages
    return qa_over_pages(tmp_path_factory, {"lines.txt": _LINES})


@pytest.mark.parametrize("question,value", [
    # items on lines of their own, each opened by its number, under the 「其中」 of the whole they split
    ("区水务公司2018年的利润收入是多少？", "45"),
    ("2018年区城投公司比区水务公司多交多少利润？", "25"),
    ("2018年区水务公司和平潭港务公司，谁上缴的利润更多？", "45"),
])
def test_items_on_lines_of_their_own(lines: QA, question: str, value: str) -> None:
    a = lines.ask(question)
    assert a.status == "answered", a.text
    assert Decimal(value) in {a.value, *(f.fact.value for f in a.figures)}


_NOTES = (
    "标题: 平潭综合实验区医保服务中心关于2019年部门预算编制的说明\n发布机构: 平潭综合实验区医保服务中心\n"
    "栏目: 部门预算公开\n==================== 正文 ====================\n"
    "（二）事业发展项目支出：300万元。\n1、个人缴费补贴（医保）：150万元\n2、居民补助经费（医保）：8万元\n"
    "3、证卡工本费（医保）：30万元(其中12万元是社保卡工本费)\n4、托管业务经费（新农合）：90万元（按参合人数每人3元）\n"
    "5、经办工作经费（医保）：22万元\n"
)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QA:
    from ingested import qa_over_pages
    return qa_over_pages(tmp_path_factory, {"notes.txt": _NOTES})


def test_a_notes_qiizhong_opens_no_list_of_the_lines_after_it(notes: QA) -> None:
    # the 其中 inside line 3's note is no list the lines after it belong to: its words (补助 of line 2) say
    # nothing of line 4
    a = notes.ask("医保服务中心2019年给新农合补助编了多少预算？")
    assert a.status != "answered" or a.value not in (Decimal("90"), Decimal("22")), a.text
    b = notes.ask("医保服务中心2019年新农合托管业务经费是多少？")
    assert b.status == "answered" and b.value == Decimal("90"), b.text
