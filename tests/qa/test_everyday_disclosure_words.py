"""Everyday words around the disclosure tables' rows.

- What came over from the year before (「从2023年结转到…2024年继续办理的」「从2023年转过来的」) is the year's
  上年结转, never the 结转下年度继续办理 its 继续办理 would otherwise name.
- 办完 is 办结 (「没办完、要结转到下一年的」).
- Words that frame the question (听说, 具体, 都算上, 因各种原因) ask nothing; 不少 is many, not a negation; the
  comparative closing a which-is-more (「哪类条数多」) names no item.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA, carried_from_before
from qa.verify import uncovered_terms


@pytest.mark.parametrize("question,read", [
    ("从2023年结转到君山片区2024年继续办理的申请有几件？", "君山片区2024年上年结转的申请有几件？"),
    ("从2022年结转过来、2023年继续办理的有几件", "2023年上年结转的有几件"),
    ("君山片区2024年从2023年转过来的申请有几件？", "君山片区2024年上年转过来的申请有几件？"),
    # two years apart, or no year after it: no year before the one asked
    ("从2021年结转到2023年的申请", "从2021年结转到2023年的申请"),
    ("从2021年结转的申请有几件", "从2021年结转的申请有几件"),
    # what goes on to the next year is left as said
    ("2023年结转到2024年继续办理的申请有几件", "2023年结转到2024年继续办理的申请有几件"),
])
def test_a_carry_over_from_the_year_before_is_said_as_printed(question: str, read: str) -> None:
    assert carried_from_before(question) == read


@pytest.mark.parametrize("question,labels,left", [
    ("听说处理了不少工单，具体是多少份", ("共处理工单",), []),
    ("复议后起诉的和直接起诉的都算上，共有几件", ("未经复议直接起诉", "复议后起诉"), []),
    ("因各种原因无法提供的申请一共几件", ("无法提供",), []),
    ("会议信息和人事信息哪类条数多", ("其中会议信息", "人事信息"), []),  # 多 closes which-is-more
    ("自然人和企业哪个件数少", ("自然人", "商业企业"), []),
    ("不予公开的申请有几件", ("本年新收政府信息公开申请数量",), ["不予", "公开"]),  # a negation needs its label
])
def test_framing_words_ask_nothing(question: str, labels: tuple[str, ...], left: list[str]) -> None:
    got = uncovered_terms(question, labels)
    assert all(w in got for w in left) and not (set(got) - set(left)), got


@pytest.fixture(scope="module")
def disclosures(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("05_pingtan_zone_2025.txt",
                                                    "245_pingtan_junshanpianqu_disclosure_2024.txt"))


@pytest.mark.parametrize("question,row,value", [
    ("从2023年结转到君山片区2024年继续办理的申请有几件？", "上年结转", "0"),
    ("君山片区2024年从2023年转过来的申请，自然人提的有几件？", "上年结转", "0"),
    ("平潭2025年没办完、要结转到下一年的申请有几件？", "结转下年度", "6"),
    ("听说平潭2025年收到不少申请，具体收到了多少件？", "本年新收", "154"),
])
def test_everyday_words_find_the_printed_row(disclosures: QA, question: str, row: str, value: str) -> None:
    a = disclosures.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and row in a.text


@pytest.mark.parametrize("question,said", [
    ("君山片区2024年年报自己承认存在哪些问题？", "政务信息公开内容还较为单一"),
    ("君山片区2024年下一步打算怎么整改？", "推进问题整改"),
    ("平潭2025年信息公开还有哪些不足", "政务公开队伍建设有待进一步加强"),
])
def test_problems_and_improvements_are_read_in_their_own_section(disclosures: QA, question: str, said: str) -> None:
    # the template's 「五、存在的主要问题及改进情况」 answers, whatever words the rest of the report shares
    a = disclosures.ask(question)
    assert a.status == "answered" and a.value is None, a.text
    first = a.text.split("\n")[1]
    assert "存在的主要问题" in first and said in a.text


@pytest.mark.parametrize("question,column,value", [
    # 「一、本年新收政府信息公开申请数量」: 自然人 151, 商业企业 3, 法律服务机构 0, 总计 154
    ("平潭2025年自然人一共递交了几件信息公开申请？", "自然人", "151"),
    ("平潭2025年商业企业提的申请一共多少件", "商业企业", "3"),
    ("平潭2025年法律服务机构总共申请了几件", "法律服务机构", "0"),
])
def test_yigong_sums_what_the_column_named_counts(disclosures: QA, question: str, column: str, value: str) -> None:
    # 一共 asks all of the named column's applications, no 总计 column beside it
    a = disclosures.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and column in a.text and len(a.figures) == 1


@pytest.mark.parametrize("question,value", [
    ("平潭2025年自然人和商业企业一共申请了几件", "154"),  # two columns named: their sum
    ("平潭2025年一共收到多少申请", "154"),  # no column named: the 总计
])
def test_yigong_without_one_column_named_still_totals(disclosures: QA, question: str, value: str) -> None:
    a = disclosures.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,text,unlisted", [
    # the report counts the set and never lists it: the items asked are not there
    ("某乡2019年设的那3个绩效目标分别是什么？",
     "（四）绩效目标设置情况 2019年某乡共设置绩效目标3个，涉及财政拨款资金900万元。十、名词解释（一）财政拨款收入",
     "绩效目标设置情况 2019年某乡共设置绩效目标3个"),
    # listed after a colon, after 分别, or as a run of 、 in the counting sentence: there
    ("那3个试点区是哪几个？", "共有3个试点区：甲区、乙区和丙区。", ""),
    ("4个重点领域具体是哪些", "围绕4个重点领域，即教育、医疗、住房和就业。", ""),
    ("三个专项分别是什么", "安排三个专项，分别为道路、桥梁、水利。", ""),
    ("5个绩效目标具体是哪几个", "报告没有写到这些目标。", ""),  # never counted: not this rule's to answer
])
def test_a_count_without_its_items_is_said_so(question: str, text: str, unlisted: str) -> None:
    from qa.describe import _count_without_its_items

    assert _count_without_its_items(question, text) == unlisted


@pytest.mark.parametrize("question", [
    "农发局2018年设的那46个绩效目标分别是什么？",  # 「共设置绩效目标46个，涉及财政拨款资金9585.05万元」
    "传媒中心2018年3个绩效目标具体是哪几个",  # 「共设置绩效目标3个，涉及财政拨款资金5987万元」
])
def test_items_of_a_count_the_report_never_lists_are_refused(staffing_and_goals: QA, question: str) -> None:
    a = staffing_and_goals.ask(question)
    assert a.status == "refused" and "没有列出" in a.text, a.text


@pytest.fixture(scope="module")
def staffing_and_goals(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("105_pingtan_nongcunfazhanju_budget_2018.txt",
                                                    "151_pingtan_chuanmeizhongxin_budget_2018.txt"))
