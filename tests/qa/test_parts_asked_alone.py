"""What a question leaves out (「除了…，其余」) taken off the whole it names, each asked as a figure of
its own; a part of the agency's population (各乡镇, 区直各部门) never answering for the agency; a
printed name holding 、 named with its kind (「政策、规范性文件类」); the 2019 table 二's third column
(对外公开总数量) named in everyday words."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.except_lookups import except_questions

REPORTS = ("113_pingtan_jinjingpianqu_disclosure_2022.txt", "62_pingtan_xingzhengshenpiju_disclosure_2024.txt",
           "221_shehuishiyeju_disclosure_2018.txt", "181_pingtan_shiyanqu_disclosure_2016.txt",
           "222_xingzhengshenpiju_disclosure_2019.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("金井片区管理局2022年主动公开的政府信息，扣除其他应主动公开的政府信息之后还剩几条？", "37"),
    ("行政审批局2024年主动公开的政府信息，刨掉重大建设项目类还剩几条？", "31"),
])
def test_what_is_left_out_is_taken_off_the_whole(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "−" in a.text and len(a.figures) == 2


def test_except_questions() -> None:
    whole, item, said = except_questions("某局2022年办结的40件申请里，除了予以公开以外还有多少件？")
    assert said == Decimal("40") and "40" not in whole and item.endswith("予以公开是多少？")
    assert except_questions("除了公开以外还有多少件？") is None  # no whole named before it


@pytest.mark.parametrize("question", [
    "平潭综合实验区2016年全年一共主动公开多少条政府信息？",
    "2016年平潭实验区总共公开了几条政府信息？",
])
def test_a_part_of_the_population_is_not_the_agency(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.value not in (Decimal("1638"), Decimal("1822")), a.text


def test_the_whole_scope_said_answers(reports: QA) -> None:
    a = reports.ask("平潭综合实验区2016年全区主动公开了多少条政府信息？")
    assert a.status == "answered" and a.value == Decimal("3460"), a.text


@pytest.mark.parametrize("question,value", [
    ("2018年社会事业局的政策、规范性文件类信息与科教文体卫生类信息相比，哪个多？", "131"),
    ("社会事业局2018年政策、规范性文件类和科教文体卫生类信息一共多少条？", "182"),
])
def test_a_printed_name_holding_a_joiner_said_with_its_kind(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question", [
    "审批局2019年对外公开了几件规范性文件？", "行政审批局2019年规范性文件对外公开总数是多少？",
])
def test_the_2019_total_published_column(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered" and a.value == Decimal("6"), a.text
    assert "对外公开总数量" in a.text


@pytest.fixture(scope="module")
def finals(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("205_gonganju_final_2016.txt",
                                                     "214_shehuifuwuguanlizhihuizhongxin_final_2017.txt"))


@pytest.mark.parametrize("question,value", [
    # each item asked of the report alone, then set against the other with the inputs shown
    ("2016年公安局的公务用车运行费与公务用车购置费，哪一项更高？", "288.48"),
    ("公安局2016年公务用车运行费比购置费多花了多少？", "109.16"),
    ("社会服务管理指挥中心2017年事业运行比行政运行多多少？", "52.20"),
])
def test_items_asked_one_by_one(finals: QA, question: str, value: str) -> None:
    a = finals.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "−" in a.text and len(a.figures) == 2


@pytest.fixture(scope="module")
def two_zones(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("244_pingtan_supingpianqu_disclosure_2022.txt",
                                                     "245_pingtan_junshanpianqu_disclosure_2024.txt",
                                                     "221_shehuishiyeju_disclosure_2018.txt"))


@pytest.mark.parametrize("question,value", [
    # 「安全生产、应急管理类信息方面12条」: a printed name holding 、, said with its kind
    ("苏平片区管理局2022年，安全生产、应急管理类信息比科教文体卫生类信息少几条？", "5"),
    ("2022年苏平片区公开的安全生产、应急管理类与科教文体卫生类信息，哪一类多？", "17"),
    ("社会事业局2018年政策、规范性文件类和科教文体卫生类信息一共多少条？", "182"),
])
def test_joined_names_said_with_their_kind(two_zones: QA, question: str, value: str) -> None:
    a = two_zones.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("君山片区2024年与苏平片区2022年相比，哪边主动公开的政府信息更多？", "110"),
    ("君山片区2024年和苏平片区2022年，哪个主动公开的政府信息少？", "86"),
])
def test_which_is_more_of_two_agencies(two_zones: QA, question: str, value: str) -> None:
    a = two_zones.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
