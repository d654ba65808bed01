"""Classes of this round, in other wordings on other reports:

* the report a question says to read (「（看2018年预算说明）」「照2018年预算说明推算」) names where to
  look: the other year named is the one asked, worked back from that report, never its own figure;
* items of a sum or comparison found in different units (a template row's 件 beside a sentence's 条)
  are each asked again among the sentence's figures; one cell never stands for several items;
* 依申请公开的信息 counted in 条 is information given out on request, never the requests (件);
* 涉及 and 及时 join nothing; a 联合会 or 协会 goes by its short form (文联, 侨联, 科协).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.figures import item_parts
from qa.intent import SUM
from qa.scope import agency_aliases

REPORTS = ("41_pingtan_jingfa_2019.txt", "122_pingtan_caizhengjinrongju_disclosure_2022.txt",
           "47_pingtan_jingfaju_budget_2018.txt", "111_pingtan_shehuishiyeju_disclosure_2023.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("经发局2017年部门支出预算有多少？（看2018年预算说明）", "4482.95"),  # 6330.81 − 1847.86
    ("依据2018年预算说明推算，经发局2017年收入预算多少？", "4482.95"),
    ("按2018年的预算说明往回算，区经发局2017年收入预算为多少？", "4482.95"),
])
def test_the_report_to_read_names_where_to_look(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert "推算" in a.text  # said as worked back, not as printed


@pytest.mark.parametrize("question,value", [
    ("2019年经发局依申请公开的和不予公开的信息，哪个多？", "341"),
    ("经发局2019年依申请公开与不予公开的信息总共多少条？", "382"),
    ("财金局2022年不予公开的信息和依申请公开的信息合计几条？", "350"),
])
def test_items_found_in_another_unit_are_asked_again_in_the_sentence(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "条", a.text


@pytest.mark.parametrize("question,value", [
    ("2019年区经发局依申请公开的信息是几条？", "341"),
    ("财金局2022年依申请公开的政府信息是多少条？", "245"),
])
def test_information_given_out_on_request_is_no_count_of_requests(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "条", a.text


def test_a_verb_holding_a_joiner_joins_nothing(reports: QA) -> None:
    rf = reports.kb.of(next(r for r in reports.kb.reports() if r.id.startswith("111_")))
    assert item_parts(rf, "2023年社会事业局涉及政务公开的诉讼案件共计几件？", SUM) == []
    assert len(item_parts(rf, "社会事业局2023年行政复议和行政诉讼一共多少件？", SUM)) == 2


@pytest.mark.parametrize("agency,short", [
    ("平潭综合实验区文学艺术界联合会", "文联"), ("平潭综合实验区归国华侨联合会", "侨联"),
    ("某市工商业联合会", "工商联"), ("平潭综合实验区科学技术协会", "科协"), ("平潭综合实验区计划生育协会", "计生协"),
])
def test_a_society_goes_by_its_short_form(agency: str, short: str) -> None:
    assert short in agency_aliases(agency)


@pytest.mark.parametrize("question,value", [
    ("2019年区经发局依申请公开的大约是主动公开的几倍？", "6.20"),  # 341 ÷ 55
    ("2022年财金局依申请公开信息数是不予公开信息数的多少倍？（保留两位小数）", "2.33"),  # 245 ÷ 105
    ("2022年平潭财金局依申请公开数量相当于主动公开数量的几倍？（保留一位小数）", "2.0"),  # 245 ÷ 123
])
def test_how_many_times_one_figure_is_another(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "倍", a.text
    assert "÷" in a.text and len(a.figures) == 2


@pytest.mark.parametrize("question", [
    "2019年区经发局依申请公开的条数是复议案件数的几倍？",  # 条 beside 件: nothing to divide
    "经发局2019年主动公开的信息是收入的几倍？",  # no 收入 in a disclosure report
])
def test_a_ratio_of_things_not_alike_is_refused(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status == "refused" and a.value is None, a.text



@pytest.mark.parametrize("sentence,raw,shown", [
    ("（五）2010301政府办公厅（室）及相关机构事务（款）行政运行（项）拨款支出88.50万元。", "88.50万元",
     "政府办公厅（室）及相关机构事务（款）行政运行（项）拨款支出"),
    ("3.2080501行政单位离退休（项）支出12.3万元。", "12.3万元", "行政单位离退休（项）支出"),
])
def test_a_bare_spending_label_is_shown_with_its_line(sentence: str, raw: str, shown: str) -> None:
    # 「拨款支出」「支出」 alone would not say which line of the list a figure is
    from index.models import Fact
    from qa.figures import shown_label

    label = "拨款支出" if "拨款支出" in sentence else "支出"
    fact = Fact("r", "prose", (label,), (), Decimal(raw.removesuffix("万元")), "万元", raw=raw, sentence=sentence)
    assert shown_label(fact) == shown


def test_an_average_is_given_to_the_places_asked(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # 「统一受理平台接入53个部门2261项事项」: 2261 ÷ 53, to the one place asked
    qa = qa_over(fixtures_dir, tmp_path_factory, ("61_shanghai_shizhengfubangongting_disclosure_2019.txt",))
    a = qa.ask("2019年上海市府办公厅的统一受理平台，平均每个部门接入几项事项？（保留一位小数）")
    assert a.status == "answered" and a.value == Decimal("42.7") and "÷" in a.text, a.text


def test_the_count_an_average_divides_by_is_the_one_its_noun_follows() -> None:
    # of 3个, 120项, 12个 and 40项 in one sentence, 「平均每个部门」 divides by the 12 followed by 部门
    from index.models import Fact
    from qa.average import asks_average, count_beside

    s = "共梳理出3个街道权责清单事项各120项，12个区级部门权责清单事项共3600项，共同事项清单40项。"
    facts = [Fact("r", "prose", (label,), (), Decimal(v), u, raw=f"{v}{u}", sentence=s)
             for label, v, u in (("共梳理出", "3", "个"), ("共梳理出3个街道权责清单事项各", "120", "项"),
                                 ("共梳理出3个街道权责清单事项各120项", "12", "个"),
                                 ("12个区级部门权责清单事项共", "3600", "项"), ("共同事项清单", "40", "项"))]
    per = asks_average("区级平均每个部门多少项？")
    assert per is not None and count_beside(facts[3], facts, per) is facts[2]
