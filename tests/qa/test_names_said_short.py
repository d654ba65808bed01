"""An agency said short: a title that prints only its short name (财金局) while the body prints it in
full; a place said short or by its level alone before a short name (平潭实验区财政金融局, 区财金局); a
委员会 of a two-character field said by one character (交委); a verb before a place (纳入重庆市…)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.metadata import extract_metadata
from index.models import Report
from qa.ask import QA
from qa.scope import abbreviation_in, names_used, unknown_place

REPORTS = ("183_pingtan_caizhengjinrongju_disclosure_2016.txt",
           "191_chongqing_jiaotongweiyuanhui_budget_2018.txt",
           "195_pingtan_xingzhengshenpiju_disclosure_2025.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("text,agency", [
    ("标题: 商务局2020年政府信息公开年度报告\n正文\n开展这项工作是某某县商务局的重要举措。", "某某县商务局"),
    ("标题: 城管局2020年政府信息公开年度报告\n正文\n2020年，某某市城市管理局认真贯彻条例。", "某某市城市管理局"),
    ("标题: 教育局2020年政府信息公开年度报告\n正文\n本局全年公开信息12条。", "教育局"),  # no full name printed
])
def test_a_title_short_name_printed_in_full(text: str, agency: str) -> None:
    assert extract_metadata(text).agency == agency


def test_the_stored_report_carries_the_full_name(reports: QA) -> None:
    assert "平潭综合实验区财政金融局" in {r.agency for r in reports.kb.reports()}


@pytest.mark.parametrize("question,said", [
    ("2016年平潭实验区财政金融局一共公开过几条政府信息？", "平潭实验区财政金融局"),
    ("区财金局2016年的机构职能类信息几条？", "区财金局"),
])
def test_a_place_said_short(question: str, said: str) -> None:
    assert said in names_used(question, "平潭综合实验区财政金融局")


def test_another_place_level_is_no_name() -> None:
    assert "市财金局" not in names_used("市财金局2016年公开多少条？", "平潭综合实验区财政金融局")


@pytest.mark.parametrize("question,value", [
    ("2016年，平潭实验区财政金融局公开机构职能方面的信息几条？", "45"),
    ("区财金局2016年公开了多少条为民办实事类信息？", "22"),
])
def test_asked_by_a_short_name(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_one_character_of_a_two_character_field() -> None:
    assert abbreviation_in("重庆市交委2018年的基本支出", "重庆市交通委员会") == "交委"
    assert abbreviation_in("交局2018年", "重庆市交通局") is None  # 交局 names no 交通局


def test_a_verb_before_a_place_is_no_unknown_place() -> None:
    held = [Report(id="r", agency="重庆市交通委员会", year=2018, title="", published=None, template=None,
                   source="s", format="txt", sha256="x")]
    assert unknown_place("纳入重庆市交委部门预算的单位有几个？", held) is None
    assert unknown_place("北京市交委2018年的基本支出？", held) is not None


@pytest.mark.parametrize("question,value", [
    ("重庆市交委在2018年安排的政府采购预算总额是多少？", "6060.41"),
    ("市交委2017年的政府性基金预算支出是多少？", "20000"),  # 38610 − 18610, the year before worked back
])
def test_asked_of_a_committee_by_its_short_name(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("agency,said", [
    ("某某县人民法院", ("县法院", "县人民法院")),
    ("某某县人民检察院", ("县检察院",)),
    ("某某综合实验区市场监督管理局", ("区市场监督管理局",)),
    ("某某市卫生健康委员会", ("市卫生健康委员会",)),
    ("某某县人民法院", ("某某法院", "某某人民法院")),  # a county's court said without 县
    ("政协某某县委员会", ("政协", "县政协", "某某县政协", "某某政协")),
])
def test_an_agency_said_by_its_level_and_its_organ(agency: str, said: tuple[str, ...]) -> None:
    from qa.scope import agency_aliases

    aliases = agency_aliases(agency)
    assert all(s in aliases for s in said), sorted(aliases)
    assert not any(a.startswith("县") and a.endswith("镇") for a in agency_aliases("某某县平原镇人民政府"))
