"""A prose figure and the 「其中」 list after it (「共发布1169篇公众号信息，其中原创类信息159篇」):
a share of an item is over that figure; an item asked inside the whole is the item, never the
whole; the item of a share is one of the whole's own items, not a like-worded figure elsewhere.
Also: a notice approving another unit's accounts is that unit's report; a line printed with its
unit and no amount is refused as blank; a figure whose own label names a part of the budget
(“三公”经费) answers only for that part."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("101_pingtan_lvyouwentiju_disclosure_2020.txt", "105_pingtan_nongcunfazhanju_budget_2018.txt",
           "111_pingtan_shehuishiyeju_disclosure_2023.txt", "113_pingtan_jinjingpianqu_disclosure_2022.txt",
           "115_pingtan_kouanban_budget_2016.txt", "116_pingtan_anquanshengchanjianduju_final_2019.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,inputs", [
    ("农发局2018年支出预算里项目支出占百分之几？", "61.8", ("11125.15", "18001.60")),
    ("农发局2018年的支出预算中，公用支出占了多大比重", "3.2", ("580.08", "18001.60")),
    ("旅游文体局2020年主动公开的信息中，行政许可类占百分之几", "1.8", ("11", "598")),
    ("金井片区2022年发的公众号信息中，原创类的比重是多少", "13.6", ("159", "1169")),
    ("社会事业局2023年印发的公文类信息里，依申请公开的占多少？", "70.6", ("363", "514")),
])
def test_a_share_of_an_item_is_over_the_figure_it_is_listed_under(reports: QA, question: str, value: str,
                                                                   inputs: tuple[str, ...]) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert (a.value, a.unit) == (Decimal(value), "%")
    assert [str(f.fact.value) for f in a.figures] == list(inputs)


@pytest.mark.parametrize("question,value", [
    ("2023年社会事业局印发的公文类政府信息中，依申请公开的是多少条", 363),
    ("社会事业局2023年印发的公文类政府信息中，不予公开的有几条？", 21),
    ("金井片区2022年发的公众号信息里，原创的有多少篇？", 159),
])
def test_an_item_asked_inside_its_whole_is_the_item(reports: QA, question: str, value: int) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("口岸办2016年给口岸大通关建设安排了多少工作经费", 15),  # 「其中15万元用于口岸大通关建设工作经费」
    ("区口岸办2016年安排了多少钱用于口岸专用光纤、网络租线？", 65),
    ("口岸办2016年核定的人员编制是几个人？", 4),  # its own line 「区口岸办」 of the staffing table
    ("安监局2019年基本支出是多少", "66.59"),  # a 批复 to the 安监局 is its report
    ("安监局2019年三公经费是多少？", "2.86"),
])
def test_the_units_own_report(reports: QA, question: str, value: int | str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "平潭综合实验区经济发展局" not in a.text and "综合执法与应急管理局" not in a.text


@pytest.mark.parametrize("question,said", [
    ("安监局2019年资本性支出是多少？", "只印了单位"),  # 「资本性支出万元；」
    ("安监局2019年一般公共预算支出一共是多少", ""),  # printed blank; 2.86 is the “三公” part only
    ("2019年安监局一般公共预算支出有多少", ""),
])
def test_a_blank_line_or_a_part_never_answers(reports: QA, question: str, said: str) -> None:
    a = reports.ask(question)
    assert a.status == "refused" and a.value is None, a.text
    assert said in a.text


@pytest.mark.parametrize("question,value", [
    # 「一、…本年收入92.34万元」, not 「（二）政府性基金…本年收入0.00万元」
    ("安全生产监督管理局2019年的本年收入有多少", "92.34"),
    ("安监局2019年本年支出多少", "89.25"),
    ("区口岸办2016年的部门发展专项中，给澳前口岸办公服务大楼的那笔钱占百分之多少", "85.7"),  # 480 ÷ 560
])
def test_the_plain_line_of_several_printed_alike(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_sub_items_subject_loses_a_tie_of_the_same_words() -> None:
    from index.models import Fact
    from qa.text_match import best_prose_fact

    def fact(sentence: str, value: str) -> Fact:
        return Fact(report_id="r", table="prose", row_path=("本年收入",), column_path=(), value=Decimal(value),
                    unit="万元", status="exact", sentence=sentence, raw=f"{value}万元")
    sub = fact("(二)政府性基金预算财政拨款年初结转结余0.00万元，本年收入5.00万元。", "5.00")
    plain = fact("一、2020年年初结转结余1.00万元，本年收入80.00万元。", "80.00")
    got = best_prose_fact("某局2020年本年收入多少", [sub, plain])
    assert got is not None and got.fact.value == Decimal("80.00")
    # naming neither clearly: two sub-items alike stay a tie the question cannot settle
    other = fact("(三)国有资本经营预算财政拨款年初结转结余0.00万元，本年收入7.00万元。", "7.00")
    assert best_prose_fact("某局2020年本年收入多少", [sub, other]) is None


@pytest.mark.parametrize("question", [
    "安监局2019年各下属单位分别花了多少三公经费？",
    "农发局2018年每个所属单位的项目支出是多少？",
    "2018年农村发展局各单位分别安排了多少机关运行经费",
])
def test_each_member_of_a_group_is_no_one_figure(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.value is None, a.text
