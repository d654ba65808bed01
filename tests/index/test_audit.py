"""The audit over the bundled reports: the corpus's known inconsistencies, and nothing on reports that add up."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.audit import YEARS_SCOPE, cells_text, identity_cells, run_audit
from index.audit_years import agency_key, consecutive_pairs, same_agency
from index.frame import Selection, open_facts_store
from index.ingest import ingest_paths
from index.models import Report
from index.parse import Overrides
from index.store import SQLiteStore
from ui.cli import cli

KNOWN = {
    # 洪泽区 2023, table 四: 行政复议 and 复议后起诉 print 总计 0 beside non-zero outcomes
    ("02_hongze_qu_2023", "t4.review_total"),
    ("02_hongze_qu_2023", "t4.suit_after_total"),
    # 君山片区 2022, table 三: 总计 0, yet 「本机关不掌握相关政府信息」 holds 3 + 2
    ("08_pingtan_junshan_2022", "t3.total_is_sum[自然人]"),
    ("08_pingtan_junshan_2022", "t3.total_is_sum[其他]"),
    ("08_pingtan_junshan_2022", "t3.total_is_sum[总计]"),
}
# 石泉路街道 2025 决算 (corpus 20): the 城乡社区管理事务 基本支出 cell prints 1,066.51 where its rows sum
# to 10,661.51, which unbalances every total above it; and the source's own rounding leaves
# 社会保障和就业支出 (208) and 商品和服务支出 (302) one hundredth off the sum of their rows
KNOWN_FINANCE = {("20_putuo_shiquan_final_2025", c) for c in (
    "expense.sum[21201/基本支出]", "general_function.sum[21201/基本支出]",
    "expense.row_total[城乡社区管理事务]", "general_function.row_total[城乡社区管理事务]",
    "expense.row_total[城乡社区支出]", "general_function.row_total[城乡社区支出]",
    "expense.sum[total/基本支出]", "general_function.sum[total/基本支出]",
    "expense.row_total[社会保障和就业支出]", "general_function.row_total[社会保障和就业支出]",
    "expense.sum[208/本年支出合计]", "general_function.sum[208/合计]",
    "income.sum[208/本年收入合计]", "income.sum[208/财政拨款收入]", "basic_economic.sum[302/决算数]",
)}
KNOWN = KNOWN | KNOWN_FINANCE


@pytest.fixture(scope="module")
def audit(samples_data_dir: Path):
    return run_audit(open_facts_store(samples_data_dir))


def test_audit_lists_the_known_inconsistencies_and_nothing_else(audit) -> None:
    assert {(i.report_id, i.check) for i in audit.issues} == KNOWN
    assert len(audit.reports) == 17 and audit.checks > 500


def test_issue_names_the_cells_and_the_page(audit) -> None:
    [review] = [i for i in audit.issues if i.check == "t4.review_total"]
    assert (review.left, review.right, review.table, review.page) == (0, 11, "t4", 4)
    sides = {(c.column_key, c.side): c.value for c in review.cells}
    assert sides == {("review.total", "left"): 0, ("review.upheld", "right"): 10,
                     ("review.corrected", "right"): 1, ("review.other", "right"): 0,
                     ("review.pending", "right"): 0}
    assert all(c.page == 4 and c.report_id == "02_hongze_qu_2023" for c in review.cells)
    assert "结果维持 = 10（第4页）" in cells_text(review)

    [total] = [i for i in audit.issues if i.check == "t3.total_is_sum[总计]"]
    left = [c for c in total.cells if c.side == "left"]
    assert [(c.row_key, c.value) for c in left] == [("t3.total", 0)]
    nonzero = [(c.row_key, c.value) for c in total.cells if c.side == "right" and c.value]
    assert nonzero == [("t3.unavailable.not_held", Decimal(5))]
    # the headings printed without cells of their own stand for their rows: 1.属于国家秘密 … 3.其他
    assert len([c for c in total.cells if c.side == "right"]) == 21
    assert sum(c.value for c in total.cells if c.side == "right") == total.right


def test_cells_of_a_row_identity_and_of_an_unknown_one(samples_data_dir) -> None:
    store = open_facts_store(samples_data_dir)
    report = store.report("00_houjie_zhen_2023")
    facts = store.facts(report.id)
    cells = identity_cells(report, "t3.row_total[(一)予以公开]", facts)
    assert [c.column_key for c in cells if c.side == "left"] == ["total"]
    assert {c.column_key for c in cells if c.side == "right"} == {
        "natural_person", "commercial", "research", "nonprofit", "legal", "other_org"}
    assert {c.row_key for c in cells} == {"t3.disclosed"}
    assert sum(c.value for c in cells if c.side == "right") == next(c.value for c in cells if c.side == "left")
    assert identity_cells(report, "budget.balance[收入]", facts) == ()


def test_issues_serialise_to_json(audit) -> None:
    body = json.loads(json.dumps([i.to_json() for i in audit.issues], ensure_ascii=False))
    first = next(b for b in body if b["check"] == "t4.suit_after_total")
    assert first["agency"] == "洪泽区人民政府" and first["detail"] == "案件数: 0 ≠ 5"
    assert {c["keys"]["column"] for c in first["cells"]} >= {"suit_after.total", "suit_after.upheld"}


def test_agency_named_with_and_without_its_city_is_one_agency() -> None:
    def r(agency: str, year: int = 2023) -> Report:
        return Report(agency, agency, year, None, None, "2021", "", "txt", "")

    assert agency_key("淮安市洪泽区人民政府") == "洪泽区人民政府"
    assert agency_key("江苏省淮安市洪泽区人民政府") == "洪泽区人民政府"
    assert same_agency(r("洪泽区人民政府"), r("淮安市洪泽区人民政府"))
    assert not same_agency(r("南京市鼓楼区人民政府"), r("福州市鼓楼区人民政府"))
    assert not same_agency(r("上海市人民政府办公厅"), r("北京市人民政府办公厅"))
    assert not same_agency(r("平潭综合实验区"), r("平潭综合实验区市场监督管理局"))


def test_consecutive_years_of_hongze_are_compared_and_agree(samples_data_dir) -> None:
    store = open_facts_store(samples_data_dir)
    pairs = [(p.id, c.id) for p, c in consecutive_pairs(store.reports(), store.reports())]
    assert ("02_hongze_qu_2023", "03_hongze_qu_2024") in pairs
    only = run_audit(store, Selection(reports=("03_hongze_qu_2024",)))
    # 40 identities of its own, and 7 columns carried over plus 2 rows of documents in force
    assert only.checks == 40 + 9 and only.issues == ()


@pytest.fixture(scope="module")
def two_years(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    """厚街镇's 2023 report stored again as its 2022 report: 结转下年度 (1) does not reach 2023's 上年结转 (3),
    and 现行有效 20 + 制发 5 − 废止 7 is not 20."""
    tmp = tmp_path_factory.mktemp("years")
    store = SQLiteStore(tmp / "facts.sqlite3")
    copy = tmp / "houjie_2022.txt"
    shutil.copy(samples_dir / "00_houjie_zhen_2023.txt", copy)
    [a] = ingest_paths([copy], store, Overrides(year=2022))
    [b] = ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], store)
    assert a.status == b.status == "added"
    return store


def test_figures_that_do_not_carry_over_are_listed_across_years(two_years) -> None:
    result = run_audit(two_years)
    across = [i for i in result.issues if i.scope == YEARS_SCOPE]
    assert {i.report_id for i in across} == {"00_houjie_zhen_2023"}
    assert all(i.previous == "houjie_2022" for i in across)
    checks = {i.check: i for i in across}
    carry = checks["years.carry_over[总计]"]
    assert (carry.left, carry.right) == (1, 3)
    assert {(c.report_id, c.row_key, c.side) for c in carry.cells} == {
        ("houjie_2022", "t3.carry_next", "left"), ("00_houjie_zhen_2023", "t3.carried", "right")}
    in_force = checks["years.in_force[行政规范性文件]"]
    assert (in_force.left, in_force.right) == (20 + 5, 20 + 7)
    assert "years.in_force[规章]" not in checks  # 0 + 0 = 0 + 0 holds
    # the earlier report's own audit has no later year to meet
    assert not [i for i in run_audit(two_years, Selection(reports=("houjie_2022",))).issues]


def test_cli_audit_lists_issues_and_exits_1(samples_data_dir) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["--data-dir", str(samples_data_dir), "audit", "--agency", "洪泽"])
    assert r.exit_code == 1
    assert "t4.review_total" in r.output and "案件数: 0 ≠ 11" in r.output and "08_pingtan" not in r.output
    html = runner.invoke(cli, ["--data-dir", str(samples_data_dir), "audit", "--format", "html"])
    assert html.exit_code == 1 and html.output.count('class="rq-issue"') == len(KNOWN)
    assert "/audit/table" not in html.output  # a file has no server to link to
    clean = runner.invoke(cli, ["--data-dir", str(samples_data_dir), "audit", "--report", "00_houjie_zhen_2023",
                                "--format", "json"])
    assert clean.exit_code == 0
    assert json.loads(clean.output[:clean.output.rindex("}") + 1])["issues"] == []


def test_cli_audit_reads_files_without_touching_the_store(samples_dir, tmp_path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["--data-dir", str(tmp_path / "data"), "audit", "--format", "csv",
                            str(samples_dir / "08_pingtan_junshan_2022.txt")])
    assert r.exit_code == 1
    assert r.output.count("08_pingtan_junshan_2022,") == 3
    assert not (tmp_path / "data").exists()


def test_blank_cells_are_listed_only_when_asked_for(samples_data_dir) -> None:
    store = open_facts_store(samples_data_dir)
    result = run_audit(store, blanks=True)
    blanks = [i for i in result.issues if i.scope == "blank"]
    assert {(i.report_id, i.check) for i in result.issues if i.scope != "blank"} == KNOWN
    # only the two garbled Markdown extractions, whose ingest warned of rows it could not read
    assert {i.report_id for i in blanks} == {"12_shanghai_kewei_2024", "13_shanghai_bgt_2025"}
    kewei = {i.check for i in blanks if i.report_id == "12_shanghai_kewei_2024"}
    assert "blank[四、结转下年度继续办理]" in kewei and "blank[(四)无法提供]" not in kewei  # a heading: its rows
    # 洪泽区 prints （六）其他处理 as one row without its sub-rows: read, so not blank
    assert not [i for i in blanks if i.report_id.startswith("02_hongze")]
    assert all(i.table in ("t2", "t3", "t4") and i.cells == () for i in blanks)


def test_cli_audit_of_new_files_meets_last_year_in_the_store(samples_dir, tmp_path) -> None:
    data = tmp_path / "data"
    store = SQLiteStore(data / "facts.sqlite3")
    copy = tmp_path / "houjie_2022.txt"
    shutil.copy(samples_dir / "00_houjie_zhen_2023.txt", copy)
    assert ingest_paths([copy], store, Overrides(year=2022))[0].status == "added"
    store.close()
    r = CliRunner().invoke(cli, ["--data-dir", str(data), "audit", "--format", "json",
                                 str(samples_dir / "00_houjie_zhen_2023.txt")])
    assert r.exit_code == 1
    body = json.loads(r.output[:r.output.rindex("}") + 1])
    assert body["reports"] == 1
    assert {(i["report"], i["previous"], i["check"]) for i in body["issues"]} >= {
        ("00_houjie_zhen_2023", "houjie_2022", "years.carry_over[总计]"),
        ("00_houjie_zhen_2023", "houjie_2022", "years.in_force[行政规范性文件]")}
    assert [r.id for r in SQLiteStore(data / "facts.sqlite3").reports()] == ["houjie_2022"]  # nothing written
