"""One agency, many printed names: stored once, found from a question with one character off."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.agency import agency_identity, one_char_apart
from index.ingest import ingest_paths
from index.metadata import extract_metadata
from index.models import Report
from index.store import SQLiteStore
from qa.knowledge import same_agency
from qa.scope import named_agencies, unknown_place

ROOT = Path(__file__).parents[2]


def _report(rid: str, agency: str) -> Report:
    return Report(rid, agency, 2025, None, None, "2021", "s", "txt", "x")


def test_identity_of_printed_forms() -> None:
    assert agency_identity("淮安市洪泽区人民政府") == agency_identity("洪泽区人民政府") == agency_identity("洪泽区政府")
    assert agency_identity("淮安市人民政府") != agency_identity("洪泽区人民政府")
    assert agency_identity("上海市普陀区建设和管理委员会") == "上海市普陀区建设和管理委员会"
    assert same_agency("洪泽区政府", "淮安市洪泽区人民政府")
    assert not same_agency("淮安市人民政府", "洪泽区人民政府")
    assert one_char_apart("沐阳县", "沭阳县") and not one_char_apart("沭阳县", "沭阳县")


def test_two_years_under_two_names_are_one_agency(tmp_path: Path) -> None:
    """02 prints 「洪泽区人民政府」, 03 「淮安市洪泽区人民政府」: the picker must list one agency."""
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    results = ingest_paths([ROOT / "samples/02_hongze_qu_2023.pdf", ROOT / "samples/03_hongze_qu_2024.pdf"], store)
    assert [r.status for r in results] == ["added", "added"]
    agencies = {r.agency for r in store.reports()}
    assert agencies == {"洪泽区人民政府"}
    assert any("淮安市洪泽区人民政府" in w for w in store.warnings("03_hongze_qu_2024"))
    assert {r.kind for r in store.reports()} == {"2021"}


def test_question_one_character_off_finds_the_only_close_agency() -> None:
    reports = [_report("a", "沭阳县人民政府"), _report("b", "厚街镇人民政府")]
    assert [r.id for r in named_agencies("沐阳县2025年收到多少政府信息公开申请？", reports)] == ["a"]
    assert unknown_place("沐阳县2025年收到多少政府信息公开申请？", reports) is None
    assert unknown_place("北京市2025年收到多少政府信息公开申请？", reports) == "北京市"


def test_one_character_off_from_two_agencies_stays_unmatched() -> None:
    reports = [_report("a", "沭阳县人民政府"), _report("b", "沐阴县人民政府")]
    assert named_agencies("沐阳县收到多少申请？", reports) == []
    assert unknown_place("沐阳县收到多少申请？", reports) == "沐阳县"


def test_near_spellings_say_what_was_matched() -> None:
    from index.agency import near_spellings

    got = near_spellings("沐阳县2025年收到多少申请", {"沭阳县人民政府": ["沭阳县人民政府", "沭阳县", "沭阳"]})
    assert got == {"沭阳县人民政府": "沐阳县"}
    assert near_spellings("沭阳县收到多少申请", {"沭阳县人民政府": ["沭阳"]}) == {}  # too short to tolerate a slip


def test_a_budget_owner_is_read_without_the_next_page_glued_to_it() -> None:
    """Pages joined with no break put the contents page right after the cover's owner line."""
    from index.metadata import extract_metadata

    for glued in ("目 录\n一、部门主要职能", "一、部门主要职能 ……", "（一）主要职能"):
        text = f"上海市普陀区2026年区级部门预算\n预算主管部门：上海市普陀区文化和旅游局{glued}\n"
        assert extract_metadata(text).agency == "上海市普陀区文化和旅游局", glued
    assert extract_metadata("上海市2024年部门预算\n预算单位：上海市普陀区人民政府万里街道办事处\n").agency == \
        "上海市普陀区人民政府万里街道办事处"


@pytest.mark.parametrize("title,publisher,agency", [
    # a notice approving another unit's accounts is that unit's report, at the issuer's place
    ("平潭综合实验区综合执法与应急管理局关于批复区安全生产监督管理局2019年度部门决算的通知",
     "平潭综合实验区综合执法与应急管理局", "平潭综合实验区安全生产监督管理局"),
    # a notice with no unit named is the issuer's own
    ("平潭综合实验区财政金融局关于批复2014年度部门决算的通知", "平潭综合实验区财政金融局", "平潭综合实验区财政金融局"),
    # a place said again before the year is no part of the name; the publisher is another body
    ("平潭综合实验区管委会口岸工作办公室平潭2016年部门预算说明", "平潭综合实验区经济发展局",
     "平潭综合实验区管委会口岸工作办公室"),
    # a place, then the year, then the unit: the unit is the title's, not its publisher's
    ("平潭2019年度芦洋乡人民政府部门预算说明", "芦洋乡", "芦洋乡人民政府"),
    ("福州2018年度公共卫生服务中心部门决算说明", "福州市卫生健康委员会", "公共卫生服务中心"),
])
def test_the_unit_a_title_names(title: str, publisher: str, agency: str) -> None:
    text = f"标题: {title}\n发布时间: 2020-08-28 10:57\n发布机构: {publisher}\n正文……"
    assert extract_metadata(text).agency == agency


@pytest.mark.parametrize("name,agency", [
    # 「平潭综合实验区科技研究院：…现将2020年部门预算批复给你单位」, issued by 国有资产管理局
    ("64_pingtan_guoziju_kejiyanjiuyuan_budget_2020.txt", "平潭综合实验区科技研究院"),
    # 「平潭综合实验区检验检测中心:…。…现批复你部门2017年度决算」, issued by 市场监督局
    ("136_pingtan_jianyanjiancezhongxin_final_2017.txt", "平潭综合实验区检验检测中心"),
    # addressed to the issuer itself: 「平潭综合实验区财政金融局: 你部门报送的…」
    ("65_pingtan_caizhengjinrongju_final_2014.txt", "平潭综合实验区财政金融局"),
])
def test_a_notice_of_approval_is_its_addressees_report(name: str, agency: str) -> None:
    text = (ROOT / "tests/fixtures" / name).read_text(encoding="utf-8")
    assert extract_metadata(text).agency == agency


@pytest.mark.parametrize("body,agency", [
    ("区卫生监督所：《关于…预算的决议》已经审议通过，现将2022年部门预算批复给你们，并将事项通知如下", "区卫生监督所"),
    ("平潭综合实验区档案馆：经审核，现将你们2019年度部门决算批复如下", "平潭综合实验区档案馆"),
])
def test_a_notice_to_you_in_the_plural_is_the_addressees(body: str, agency: str) -> None:
    text = f"标题: 某局关于批复部门预算的通知\n发布时间: 2022-02-20 10:00\n发布机构: 某局\n相关链接： {body}"
    assert extract_metadata(text).agency == agency


def test_the_addressee_is_asked_by_its_own_name(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    names = ("64_pingtan_guoziju_kejiyanjiuyuan_budget_2020.txt", "136_pingtan_jianyanjiancezhongxin_final_2017.txt")
    assert [r.status for r in ingest_paths([ROOT / "tests/fixtures" / n for n in names], store)] == ["added"] * 2
    from decimal import Decimal

    from qa.ask import QA
    qa = QA(store)
    a = qa.ask("检验检测中心2017年的一般公共预算支出是多少？")
    assert a.status == "answered" and a.value == Decimal("513.76"), a.text
    a = qa.ask("2017年检验检测中心的工资福利支出有多少？")
    assert a.status == "answered" and a.value == Decimal("16.87"), a.text
    a = qa.ask("2020年科技研究院一般公共预算收入多少钱？")
    assert a.status == "answered" and a.value == Decimal("100.78"), a.text
    # the issuer named beside the addressee labels nothing: 「…局批给…的」
    a = qa.ask("市场监督局批给检验检测中心的2017年决算里，本年收入是多少？")
    assert a.status == "answered" and a.value == Decimal("513.76"), a.text
    a = qa.ask("国资局2020年批复给科技研究院的一般公共预算收入有多少？")
    assert a.status == "answered" and a.value == Decimal("100.78"), a.text


@pytest.mark.parametrize("body,agency", [
    # the unit's full name comes right after a flattened staffing table's header, glued to it
    ("单位名称经费性质人员编制数在职人数平潭综合实验区科技研究院财政拨款108。平潭综合实验区科技研究院主要职责是……",
     "平潭综合实验区科技研究院"),
    # the same name said once on its own: the place is the one the report says again elsewhere
    ("平潭综合实验区是开放开发区域。编制情况：人数合计平潭综合实验区科技研究院事业10。", "平潭综合实验区科技研究院"),
])
def test_a_place_glued_to_a_table_header_is_cut_where_the_report_says_it(body: str, agency: str) -> None:
    text = f"标题: 2019年度区科技研究院部门决算说明\n发布时间: 2020-08-28 10:57\n发布机构: 区科技研究院\n{body}"
    assert extract_metadata(text).agency == agency


def test_the_page_title_outranks_a_slip_in_the_body() -> None:
    # the body repeats the title with a character doubled; the page's own title is the name
    text = ("标题: 平潭县教育局2012年度政府信息公开年度报告\n发布时间: 2013-03-01 09:00\n发布机构: 平潭教育局\n"
            "正文\n2012年度平潭县教育局局政府信息公开年度报告\n2012年，平潭县教育局认真贯彻……")
    assert extract_metadata(text).agency == "平潭县教育局"


@pytest.mark.parametrize("text,agency,year", [
    # a title's year in Chinese numerals, a letter O for the zero
    ("标题: 敖东镇二O一七年财政预算的报告\n发布机构: 敖东镇\n正文……", "敖东镇", 2017),
    ("标题: 二〇一八年度平潭县大练乡财政预算的报告\n发布机构: 大练乡\n正文……", "平潭县大练乡", 2018),
    # a town's budget speech: the 财政 budget of one year; of the next when it also sets that one out
    ("标题: 关于屿头乡2016年度财政预算执行情况的报告\n发布机构: 屿头乡\n正文……", "屿头乡", 2016),
    ("标题: 北厝镇2017年财政预算执行情况和2018年财政预算草案的报告\n发布机构: 北厝镇\n正文……", "北厝镇", 2018),
    ("标题: 关于某乡2020年财政预算执行和2021年财政预算（草案）的报告\n发布机构: 某乡\n正文……", "某乡", 2021),
    ("标题: 某镇2016年预算执行与2017年预算草案的报告\n发布机构: 某镇\n正文……", "某镇", 2017),
    # a 批复 whose title names the unit approved in brackets
    ("标题: 平潭综合实验区财政金融局关于批复2015年度部门决算的通知（区会计核算中心）\n发布机构: 中国平潭\n"
     "正文 平潭综合实验区会计核算中心 2015年度部门决算说明 根据批复……", "平潭综合实验区会计核算中心", 2015),
    # addressed by name and told 「现予以批复」, without 你
    ("标题: 某局关于批复2019年部门预算的通知\n发布机构: 某局\n相关链接： 平潭综合实验区气象服务中心：2019年部门预算已经"
     "审议通过，现予以批复，并将有关事项通知如下", "平潭综合实验区气象服务中心", 2019),
    # the report calls itself 我办 in its body: the title's unit, in its own word order
    ("标题: 平潭县老龄办2012年度政府信息工作公开年度报告\n发布机构: \n正文 我办2012年度政府信息公开工作年度报告由六部分"
     "组成……", "平潭县老龄办", 2012),
])
def test_titles_of_older_and_plainer_pages(text: str, agency: str, year: int) -> None:
    m = extract_metadata(text)
    assert (m.agency, m.year) == (agency, year)
