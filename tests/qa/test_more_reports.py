"""Questions over the other bundled reports (eval/heldout_reports): 2019 flattened year reports,
budget PDFs. Each expected figure was checked by hand against the source, noted per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_paths
from index.store import SQLiteStore
from index.template import load_templates
from qa.ask import QA
from qa.cells import match_cells
from qa.scope import Filters, years_in

ROOT = Path(__file__).resolve().parents[2]
GZJ = "10_pingtan_gzj_2019"  # 平潭综合实验区国有资产管理局
LWTJ = "11_pingtan_lwtj_2019"  # 平潭综合实验区旅游与文化体育局
WANLI25 = "16_wanli_jiedao_budget_2025"
FULIYUAN = "17_putuo_fuliyuan_budget_2024"


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    store = SQLiteStore(tmp_path_factory.mktemp("more") / "facts.sqlite3")
    folder = ROOT / "eval" / "heldout_reports"
    results = ingest_paths([folder / f"{n}{'.pdf' if 'budget' in n else '.txt'}"
                            for n in (GZJ, LWTJ, WANLI25, FULIYUAN)], store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return QA(store)


def _ask(qa: QA, report: str | None, question: str):
    return qa.ask(question, filters=Filters(reports=(report,)) if report else None)


def test_columns_of_the_2019_table_two(qa):
    # 10: 「规章1411规范性文件666」: 规范性文件 本年新制作 6, 本年新公开 6, 对外公开总数量 6
    a = _ask(qa, None, "平潭国资局2019年规范性文件对外公开总数量是几件？")  # 国资局: the short form
    assert (str(a.value), a.unit) == ("6", "件"), a.text
    assert "对外公开总数量" in a.text


def test_rows_only_the_2019_template_has(qa):
    # 11: 「政府集中采购1个246900元」; 10: 「政府集中采购00」
    a = _ask(qa, None, "2019年平潭国有资产管理局和旅游与文化体育局，哪家有政府集中采购？金额多少？")
    assert (str(a.value), a.unit) == ("246900", "元"), a.text
    assert {row["report"] for row in a.table} == {GZJ, LWTJ}


def test_the_same_figure_worded_differently_in_two_reports_compares(qa):
    # 10: 「主动公开政府信息24条」 (and 「在主动公开的24条政府信息中」); 11: 「主动公开政府信息514条」
    a = _ask(qa, None, "2019年平潭综合实验区国有资产管理局和旅游与文化体育局，哪个主动公开的政府信息更多？")
    assert (str(a.value), a.unit) == ("514", "条"), a.text
    assert "24条" in a.text


def test_a_share_of_a_prose_total_named_before_zhong(qa):
    # 11: 「主动公开政府信息514条」「其他应主动公开政府信息494条」 → 494 ÷ 514 = 96.1%
    a = _ask(qa, LWTJ, "主动公开的信息中，“其他应主动公开政府信息”占了百分之多少？")
    assert (str(a.value), a.unit) == ("96.1", "%"), a.text


def test_a_rate_is_never_the_answer_to_a_count(qa):
    # 10: 「主动公开政府信息24条，应主动公开的政府信息公开率100%」
    a = _ask(qa, GZJ, "主动公开了多少条政府信息？")
    assert (str(a.value), a.unit) == ("24", "条"), a.text
    assert _ask(qa, GZJ, "应主动公开的政府信息公开率是多少？").value == 100


def test_each_agency_of_its_own_year(qa):
    # 16 p.30 「2025年“三公”经费预算数为37.91万元」; 17 「2024年“三公”经费预算数为6.40万元」
    a = _ask(qa, None, "上海普陀万里街道2025年和普陀区社会福利院2024年，谁的“三公”经费预算更高？")
    assert (str(a.value), a.unit) == ("37.91", "万元"), a.text
    assert {row["report"] for row in a.table} == {WANLI25, FULIYUAN}


def test_a_budget_line_named_by_its_words_apart(qa):
    # 16 经济分类预算表: 商品和服务支出 / 工会经费 = 638,846 元
    a = _ask(qa, WANLI25, "给工会的经费预算了多少元？")
    assert (str(a.value), a.unit) == ("638846", "元"), a.text


def test_a_share_of_the_subtotal_the_question_names(qa):
    # 17 经济分类预算表: 商品和服务支出 2,120,950 元, 其中 物业管理费 1,206,000 元 → 56.9%
    a = _ask(qa, FULIYUAN, "商品和服务支出里，物业管理费占了多大比例？")
    assert (str(a.value), a.unit) == ("56.9", "%"), a.text
    assert "2120950" in a.text and "1206000" in a.text


def test_a_changed_level_of_another_year_is_not_answered_as_this_years(qa):
    # 16: 「2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元」: 2024's is not stated
    a = _ask(qa, WANLI25, "它2024年的“三公”经费预算是多少？")
    assert a.status == "refused" and a.value is None, a.text


def test_the_head_of_a_list_answers_a_total(qa):
    # 16 p.30: 「2025年本部门政府采购预算4821.20万元，其中：政府采购货物预算57.43万元、…」
    a = _ask(qa, WANLI25, "打算用于政府采购的预算一共多少？")
    assert (str(a.value), a.unit) == ("4821.20", "万元"), a.text


def test_table_four_words():
    tpl = load_templates()["2021"]
    other = match_cells("除了维持和纠正之外，按“其他结果”结案的行政复议有几起？", tpl)
    assert [c.column.key for c in other.columns] == ["review.other"]
    after = match_cells("先复议、复议完再去法院起诉的官司一共有多少件？", tpl)
    assert [c.column.key for c in after.columns if c.table == "t4"] == ["suit_after.total"]
    both = match_cells("行政诉讼一共有多少件（含直接起诉和复议后起诉）？", tpl)
    assert [d.key for d in both.derived] == ["t4.suits.total"] and not [c for c in both.columns if c.table == "t4"]


def test_a_date_inside_a_report_is_not_the_year_asked_about():
    assert years_in("到2024年8月底，万里街道办事处手上一共有几辆车？") == []
    assert years_in("万里街道2024年有几辆车？") == [2024]


def test_a_stated_rate_of_a_numbered_budget_item(qa):
    # 17 p.16: 「5.“…事业单位医疗（项）”50.37万元…2024年预算安排50.37万元，比2023年预算执行数增加14.04%。」
    a = _ask(qa, FULIYUAN, "事业单位医疗这一项的预算，比2023年实际执行数增加了百分之几？")
    assert (str(a.value), a.unit) == ("14.04", "%"), a.text


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory):
    from dataclasses import replace

    from index.settings import Settings
    from qa.service import Service

    svc = Service(replace(Settings.from_env(env={}, data_dir=tmp_path_factory.mktemp("desc")), embedder="fake"))
    folder = ROOT / "eval" / "heldout_reports"
    results = svc.ingest([folder / f"{WANLI25}.pdf", folder / f"{FULIYUAN}.pdf"])
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return svc


def test_a_list_a_passage_announces_is_given_whole(indexed):
    # 16 p.3: 「…事业单位4家，具体包括：1.…（本部）。2.…社区事务受理服务中心。…6.…综合行政执法队。」 — the list
    # runs past the end of its chunk
    a = indexed.ask("万里街道办事处的部门预算包括了哪些下属单位？", [], Filters(reports=(WANLI25,)))
    assert a.status == "answered"
    assert all(w in a.text for w in ("社区事务受理服务中心", "城市运行管理中心", "综合行政执法队")), a.text
    # 17 p.3: 「…的事业单位。1.负责…生活照料…。2.组织志愿者和专业社工团队…」
    b = indexed.ask("普陀区社会福利院是做什么的？", [], Filters(reports=(FULIYUAN,)))
    assert all(w in b.text for w in ("收养社会孤老", "生活照料", "志愿者")), b.text
