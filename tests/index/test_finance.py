"""Finance reports (部门预算, 部门决算): their standard tables as keyed facts, from grids and from text.

Every pinned figure was read by hand from the source: the PDFs with `pdftotext -layout` and by eye
(14: pp. 10–28; 15–17: the same tables), corpus 19 and 20 from their text pages (19: pp. 9–21,
20: pp. 6–24). Corpus 20's known misprints (SOURCES.md) must be flagged, not corrected.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from index.load import load_document
from index.models import AMBIGUOUS, ParsedReport
from index.parse import parse_document

ROOT = Path(__file__).parents[2]
PDFS = {
    "14": ROOT / "samples/14_wanli_jiedao_budget_2023.pdf",
    "15": ROOT / "samples/15_wanli_jiedao_budget_2024.pdf",
    "16": ROOT / "eval/heldout_reports/16_wanli_jiedao_budget_2025.pdf",
    "17": ROOT / "eval/heldout_reports/17_putuo_fuliyuan_budget_2024.pdf",
}
TEXTS = {
    "19": ROOT / "samples/19_putuo_jianguanwei_budget_2026.txt",
    "20": ROOT / "samples/20_putuo_shiquan_final_2025.txt",
}
STANDARD = {"summary", "income", "expense", "fiscal_summary", "general_function", "basic_economic", "three_public"}


@cache
def parsed(path: Path) -> ParsedReport:
    return parse_document(load_document(path), path.stem)


@cache
def text_layer(name: str, folder: Path) -> ParsedReport:
    """The PDF's text layer as a crawler keeps it: one string per page, joined by form feeds."""
    with pdfplumber.open(PDFS[name]) as pdf:
        text = "\f".join(page.extract_text() or "" for page in pdf.pages)
    path = folder / f"{name}_text_layer.txt"
    path.write_text(text, encoding="utf-8")
    return parsed(path)


@pytest.fixture(scope="module")
def layers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("layers")


def cells(report: ParsedReport) -> dict[tuple[str, str], set[Decimal]]:
    """(row key, column key) → the values stored for that cell (several when ambiguous)."""
    out: dict[tuple[str, str], set[Decimal]] = defaultdict(set)
    for f in report.facts:
        if f.row_key and f.column_key:
            out[(f.row_key, f.column_key)].add(f.value)
    return out


def cell(report: ParsedReport, row: str, column: str) -> Decimal:
    found = cells(report)[(row, column)]
    assert len(found) == 1, (row, column, found)
    return next(iter(found))


def standard_tables(report: ParsedReport) -> set[str]:
    return {t.kind.split(".", 1)[1] for t in report.tables if t.kind}


# ---- the PDFs (grids) and their text layers ---------------------------------------------------

PDF_CELLS = {
    "14": [("summary.income.收入总计", "amount", "164978640"), ("expense.2010506", "total", "26300"),
           ("expense.2010506", "basic", "0"), ("expense.2010506", "project", "26300"),
           ("three_public.row", "reception", "1.35"), ("three_public.row", "operation", "786.09")],
    "15": [("summary.income.收入总计", "amount", "156211123"), ("income.2080505", "fiscal", "4608515"),
           ("expense.2101102", "basic", "1601424"), ("expense.2101102", "project", "0")],
    "16": [("summary.income.收入总计", "amount", "189767551"), ("income.2080505", "total", "4827156"),
           ("expense.2101102", "total", "1548033")],
    "17": [("summary.expense.支出总计", "personnel", "7380214"), ("summary.expense.支出总计", "public", "2120950"),
           ("summary.expense.支出总计", "project", "2620000"), ("expense.2080505", "basic", "767579"),
           ("fiscal_summary.expense.支出总计", "general", "9501164"), ("expense.2101102", "total", "503724")],
}


@pytest.mark.parametrize("name", sorted(PDFS))
def test_budget_pdfs_yield_their_standard_tables_keyed(name: str) -> None:
    report = parsed(PDFS[name])
    assert report.report.kind == "budget"
    assert STANDARD <= standard_tables(report)
    for row, column, value in PDF_CELLS[name]:
        assert cell(report, row, column) == Decimal(value), (row, column)
    units = {t.kind: t.unit for t in report.tables if t.kind}
    assert units["budget.expense"] == "元" and units["budget.three_public"] == "万元"


def test_budget_pdf_identities_hold_or_flag_the_source() -> None:
    assert all(c.ok for c in parsed(PDFS["14"]).checks)
    assert len(parsed(PDFS["14"]).checks) > 400
    # 16 prints 城乡社区管理事务 as 94,995,790 where its rows add up to 94,995,789: flagged, kept
    bad = [c for c in parsed(PDFS["16"]).checks if not c.ok]
    assert bad and all({c.left, c.right} in ({Decimal(94995790), Decimal(94995789)},
                                             {Decimal(154369326), Decimal(154369327)}) for c in bad)
    assert cell(parsed(PDFS["16"]), "expense.21201", "total") == Decimal(94995790)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_text_layer_gives_the_same_cells_as_the_pdf(name: str, layers: Path) -> None:
    """Empty cells vanish from the text layer; the identities put every number back in its column."""
    grid, text = cells(parsed(PDFS[name])), cells(text_layer(name, layers))
    assert STANDARD <= standard_tables(text_layer(name, layers))
    assert set(grid) - set(text) == set()
    for key, values in grid.items():
        assert values <= text[key], key
        if len(text[key]) > 1:  # ambiguous in the text: every candidate kept, the true one among them
            facts = text_layer(name, layers).facts
            assert any(f.status == AMBIGUOUS for f in facts if (f.row_key, f.column_key) == key)


def test_text_layer_keeps_an_unsettled_row_ambiguous(layers: Path) -> None:
    """17 prints its 三公 row as 「6.4 0 0 6.4 6.4 0」 for seven columns: where the 6.4 of 公务用车 goes
    (购置费 or 运行费) no identity settles, so both readings are stored."""
    report = text_layer("17", layers)
    purchase = [f for f in report.facts if f.row_key == "three_public.row" and f.column_key == "car_purchase"]
    assert purchase and all(f.status == AMBIGUOUS for f in purchase)
    assert cell(parsed(PDFS["17"]), "three_public.row", "car_running") == Decimal("6.4")


# ---- corpus 19: a 2026 budget as a text layer, amounts in 元 -------------------------------------


def test_budget_text_19() -> None:
    report = parsed(TEXTS["19"])
    assert report.report.kind == "budget" and report.report.format == "txt"
    assert STANDARD | {"fund_function"} <= standard_tables(report)
    assert cell(report, "summary.income.收入总计", "amount") == Decimal("3286618082.20")
    assert cell(report, "expense.2080501", "basic") == Decimal("821520.00")
    assert cell(report, "general_function.212", "total") == Decimal("389859265.16")
    assert cell(report, "basic_economic.30228", "public") == Decimal("887971.20")
    # 「支出总计 3,286,618,082.20 493,761,082.20 2,792,857,000.00」: four columns, three numbers
    fiscal = [f for f in report.facts if f.row_key == "fiscal_summary.expense.支出总计"]
    assert {(f.column_key, f.value) for f in fiscal} == {
        ("total", Decimal("3286618082.20")), ("general", Decimal("493761082.20")), ("fund", Decimal("2792857000.00"))}
    # 合计 comes first whatever the placement; the other two are placed by the identities
    assert {f.column_key: f.status for f in fiscal} == {"total": "exact", "general": "recovered", "fund": "recovered"}
    # wrapped labels: 「五、资源勘探工业信」/「62,000,000.00 …」/「息等支出」
    assert cell(report, "fiscal_summary.expense.资源勘探工业信息等支出", "general") == Decimal("62000000.00")
    three = {f.column_key: (f.value, f.unit) for f in report.facts if f.row_key == "three_public.row"}
    assert three["car_running"] == (Decimal("42.24"), "万元") and three["operation"] == (Decimal("124.56"), "万元")
    assert {f.unit for f in report.facts if f.row_key and f.row_key.startswith("expense.")} == {"元"}
    assert report.checks and all(c.ok for c in report.checks)


# ---- corpus 20: 2025 final accounts, empty cells missing, 7-digit codes, 万元 ---------------------


def test_final_accounts_text_20_places_numbers_by_identities() -> None:
    report = parsed(TEXTS["20"])
    assert report.report.kind == "final"
    assert STANDARD <= standard_tables(report)
    # 「201 一般公共服务支出 306.90 306.90」 is 合计 + 项目支出,
    # 「2080501 行政单位离退休 252.74 252.74」 is 合计 + 基本支出
    assert cell(report, "expense.201", "project") == Decimal("306.90")
    assert ("expense.201", "basic") not in cells(report)
    assert cell(report, "expense.2080501", "basic") == Decimal("252.74")
    assert ("expense.2080501", "project") not in cells(report)
    assert cell(report, "expense.total", "basic") == Decimal("14206.00")
    assert cell(report, "income.2012902", "fiscal") == Decimal("46.50")
    # a label wrapped around its numbers: 「一般行政管理事」/「2012902 46.50 46.50」/「务」
    row = next(f for f in report.facts if f.row_key == "general_function.2012902")
    assert row.row_path == ("一般公共服务支出", "群众团体事务", "一般行政管理事务")
    assert cell(report, "basic_economic.30108", "amount") == Decimal("504.38")
    assert cell(report, "basic_economic.personnel_total", "amount") == Decimal("12010.40")
    # 「53.93 37.35 52.40 37.35 25.00 25.00 27.40 12.35 1.53 0」: 10 numbers, 12 columns, 因公出国 empty
    three = {f.column_key: f.value for f in report.facts if f.row_key == "three_public.row"}
    assert three == {"total.budget": Decimal("53.93"), "total.final": Decimal("37.35"),
                     "car.budget": Decimal("52.40"), "car.final": Decimal("37.35"),
                     "car_purchase.budget": Decimal("25.00"), "car_purchase.final": Decimal("25.00"),
                     "car_running.budget": Decimal("27.40"), "car_running.final": Decimal("12.35"),
                     "reception.budget": Decimal("1.53"), "reception.final": Decimal("0")}
    table = next(t for t in report.tables if t.kind == "final.three_public")
    assert table.cells[0][2:4] == ("", "")  # the blank cells keep their place in the grid
    assert {f.unit for f in report.facts if f.row_key} == {"万元"}
    assert sum(f.status == AMBIGUOUS for f in report.facts) == 0


def test_final_accounts_20_flags_its_own_misprints() -> None:
    """城乡社区支出 / 城乡社区管理事务 print 基本支出 1,066.51 where their rows add up to 10,661.51."""
    report = parsed(TEXTS["20"])
    failed = {c.name: c for c in report.checks if not c.ok}
    assert failed["general_function.sum[21201/基本支出]"].right == Decimal("10661.51")
    assert failed["general_function.sum[21201/基本支出]"].left == Decimal("1066.51")
    assert cell(report, "general_function.212", "basic") == Decimal("1066.51")  # as printed, not corrected
    assert len(failed) < 20 and sum(c.ok for c in report.checks) > 400


# ---- the command line and the store ------------------------------------------------------------


def test_cli_check_and_coverage_of_a_final_accounts_report(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ui.cli import cli

    runner = CliRunner()
    data = ["--data-dir", str(tmp_path)]
    res = runner.invoke(cli, [*data, "ingest", "--no-index", str(TEXTS["20"])])
    assert res.exit_code == 0, res.output
    assert "check failed: general_function.sum[21201/基本支出]: 1066.51 ≠ 10661.51" in res.output
    res = runner.invoke(cli, [*data, "check", "20_putuo_shiquan_final_2025"])
    assert res.exit_code == 1 and "FAIL general_function.row_total[城乡社区支出]" in res.output
    res = runner.invoke(cli, [*data, "reports"])
    assert "\tfinal\ttxt\t" in res.output
    res = runner.invoke(cli, ["coverage", str(TEXTS["19"])])
    assert res.exit_code == 0
    assert "| 19_putuo_jianguanwei_budget_2026.txt | txt | tables as text | budget | 9 (9) | 564 (0) |" in res.output


def test_store_from_an_older_build_gains_the_kind_columns(tmp_path: Path) -> None:
    import sqlite3

    from index.store import SQLiteStore

    path = tmp_path / "facts.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE reports (id TEXT PRIMARY KEY, agency TEXT, year INTEGER, title TEXT, published TEXT, "
        "template TEXT, source TEXT, format TEXT, sha256 TEXT, region TEXT, warnings TEXT, text TEXT, parser TEXT);"
        "CREATE TABLE tables (report_id TEXT, key TEXT, title TEXT, unit TEXT, page INTEGER, template_table TEXT, "
        "column_paths TEXT, row_paths TEXT, cells TEXT, PRIMARY KEY (report_id, key));"
        "INSERT INTO reports VALUES ('r', '厚街镇人民政府', 2023, 't', NULL, '2021', 's', 'txt', 'h', NULL, '[]', "
        "'x', '6');"
    )
    old.commit()
    old.close()
    store = SQLiteStore(path)
    assert store.report("r").kind is None
    assert not store.has("r", "h", "7")  # read by an older parser: ingest reads it again
    store.put(parsed(TEXTS["19"]), "text", parser="7")
    assert store.report("19_putuo_jianguanwei_budget_2026").kind == "budget"
    assert {t.kind for t in store.tables("19_putuo_jianguanwei_budget_2026")} >= {"budget.expense", "budget.summary"}


def test_a_row_with_more_numbers_than_columns_is_warned_not_guessed(tmp_path: Path) -> None:
    text = ("上海市普陀区2026年区级部门预算\n预算主管部门：某某局\n2026年部门收入预算总表\n"
            "2026年部门支出预算总表\n2026年部门支出预算总表\n编制部门：某某局 单位：元\n项目 支出预算\n"
            "功能分类科目名称 合计 基本支出 项目支出\n"
            "208 社会保障和就业支出 300.00 100.00 200.00 5.00\n"
            "208 05 行政事业单位养老支出 300.00 100.00 200.00\n合计 300.00 100.00 200.00\n")
    path = tmp_path / "budget.txt"
    path.write_text(text, encoding="utf-8")
    report = parsed(path)
    assert any("社会保障和就业支出 prints 4 numbers for 3 columns" in w for w in report.warnings)
    assert ("expense.208", "total") not in cells(report)
    assert cell(report, "expense.20805", "basic") == Decimal("100.00")


# ---- pdftotext -layout: columns kept by runs of spaces, empty cells as gaps -----------------------

LAYOUT = {
    # made with `pdftotext -layout` (poppler 22.12.0) from the PDFs above, unchanged
    "14": ROOT / "tests/fixtures/14_wanli_jiedao_budget_2023.layout.txt",
    "17": ROOT / "tests/fixtures/17_putuo_fuliyuan_budget_2024.layout.txt",
}


@pytest.mark.parametrize("name", sorted(LAYOUT))
def test_pdftotext_layout_gives_the_same_cells_as_the_pdf(name: str) -> None:
    grid, text = cells(parsed(PDFS[name])), cells(parsed(LAYOUT[name]))
    assert STANDARD <= standard_tables(parsed(LAYOUT[name]))
    assert set(grid) <= set(text)
    assert all(values <= text[key] for key, values in grid.items())
    settled = sum(len(text[key]) == 1 for key in grid)
    assert settled >= len(grid) - 3
