"""generic_tables on the two 部门预算 PDFs (9 standard budget tables each) and on small grids.

Expected figures were read by hand from the PDFs (14: pp. 10–28, 15: pp. 10–31).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from index.generic_tables import column_paths, generic_tables, parse_number, read_table
from index.load_pdf import load_pdf
from index.load_text import table_block
from index.models import EXACT, Block, Document, Fact, Table

SAMPLES = Path(__file__).parents[2] / "samples"
BUDGET_TITLES = [
    "部门财务收支预算总表",
    "部门收入预算总表",
    "部门支出预算总表",
    "部门财政拨款收支预算总表",
    "部门一般公共预算支出功能分类预算表",
    "部门政府性基金预算支出功能分类预算表",
    "部门国有资本经营预算支出功能分类预算表",
    "部门一般公共预算基本支出部门预算经济分类预算表",
    "“三公”经费和机关运行经费预算表",
]

Parsed = tuple[Document, list[Table], list[Fact]]


def _parse(name: str) -> Parsed:
    path = SAMPLES / name
    doc = load_pdf(path, path.read_bytes())
    tables, facts = generic_tables("r1", doc)
    return doc, tables, facts


@pytest.fixture(scope="module")
def budget_2023() -> Parsed:
    return _parse("14_wanli_jiedao_budget_2023.pdf")


@pytest.fixture(scope="module")
def budget_2024() -> Parsed:
    return _parse("15_wanli_jiedao_budget_2024.pdf")


def _table(parsed: Parsed, title_part: str) -> Table:
    (table,) = [t for t in parsed[1] if t.title.endswith(title_part)]
    return table


def _fact(parsed: Parsed, title_part: str, row: tuple[str, ...], column: tuple[str, ...]) -> Fact:
    key = _table(parsed, title_part).key
    (fact,) = [f for f in parsed[2] if f.table == key and f.row_path == row and f.column_path == column]
    return fact


# --- the nine budget tables ---------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "year"), [("budget_2023", "2023年"), ("budget_2024", "2024年")])
def test_nine_budget_tables_in_order_with_titles_and_units(
    fixture: str, year: str, request: pytest.FixtureRequest
) -> None:
    parsed: Parsed = request.getfixturevalue(fixture)
    tables = parsed[1][:9]
    assert [t.key for t in tables] == [f"g{i}" for i in range(1, 10)]
    for table, title in zip(tables, BUDGET_TITLES, strict=True):
        assert table.title.endswith(title), (table.title, title)
    assert tables[0].title == f"{year}部门财务收支预算总表"
    assert [t.unit for t in tables] == ["元"] * 8 + ["万元"]


def test_totals_and_general_public_services_2023(budget_2023: Parsed) -> None:
    total = _fact(budget_2023, "部门财务收支预算总表", ("收入总计",), ("本年收入", "预算数"))
    assert (total.value, total.unit, total.raw, total.page) == (Decimal("164978640"), "元", "164,978,640", 10)
    assert total.status == EXACT and total.table == "g1" and total.report_id == "r1"
    services = _fact(budget_2023, "部门财务收支预算总表", ("一、一般公共服务支出",), ("本年支出", "预算数"))
    assert services.value == Decimal("2976800")
    # the 支出预算总表 合计 row sits on p18, three pages after the header
    spending = "部门支出预算总表"
    assert _fact(budget_2023, spending, ("合计",), ("支出预算", "合计")).value == Decimal("164978640")
    assert _fact(budget_2023, spending, ("合计",), ("支出预算", "基本支出")).value == Decimal("99406297")
    assert _fact(budget_2023, spending, ("合计",), ("支出预算", "项目支出")).value == Decimal("65572343")
    assert _fact(budget_2023, spending, ("一般公共服务支出",), ("支出预算", "基本支出")).value == 0


def test_class_section_item_hierarchy_from_codes(budget_2023: Parsed) -> None:
    table = "部门一般公共预算支出功能分类预算表"
    column = ("一般公共预算支出", "合计")
    assert _fact(budget_2023, table, ("一般公共服务支出",), column).value == Decimal("2976800")
    assert _fact(budget_2023, table, ("一般公共服务支出", "统计信息事务"), column).value == Decimal("627600")
    assert _fact(budget_2023, table, ("一般公共服务支出", "统计信息事务", "统计管理"), column).value == 26300
    pension = ("社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出")
    fact = _fact(budget_2023, table, pension, ("一般公共预算支出", "基本支出"))
    assert (fact.value, fact.raw, fact.page) == (Decimal("4412547"), "4,412,547", 20)
    # 一般行政管理事务 occurs under several 款; the path keeps them apart
    admin = [f.row_path for f in budget_2023[2]
             if f.table == _table(budget_2023, table).key and f.row_path[-1:] == ("一般行政管理事务",)]
    assert ("一般公共服务支出", "群众团体事务", "一般行政管理事务") in admin
    assert ("城乡社区支出", "城乡社区管理事务", "一般行政管理事务") in admin


def test_header_paths_of_a_multi_row_header(budget_2023: Parsed) -> None:
    income = _table(budget_2023, "部门收入预算总表")
    assert income.column_paths[3] == ("项目", "功能分类科目名称")
    assert income.column_paths[4:] == (
        ("收入预算", "合计"),
        ("收入预算", "财政拨款收入"),
        ("收入预算", "事业收入"),
        ("收入预算", "事业单位经营收入"),
        ("收入预算", "其他收入"),
    )
    three = _table(budget_2023, "“三公”经费和机关运行经费预算表")
    assert three.column_paths == (
        ("2023年“三公”经费预算数", "合计"),
        ("2023年“三公”经费预算数", "因公出国(境)费"),
        ("2023年“三公”经费预算数", "公务接待费"),
        ("2023年“三公”经费预算数", "公务用车购置及运行费", "小计"),
        ("2023年“三公”经费预算数", "公务用车购置及运行费", "购置费"),
        ("2023年“三公”经费预算数", "公务用车购置及运行费", "运行费"),
        ("2023年机关运行经费预算数",),
    )


def test_three_public_expenses_in_ten_thousand_yuan(budget_2023: Parsed, budget_2024: Parsed) -> None:
    title = "“三公”经费和机关运行经费预算表"
    total_2023 = _fact(budget_2023, title, (), ("2023年“三公”经费预算数", "合计"))
    assert (total_2023.value, total_2023.unit, total_2023.page) == (Decimal("22.91"), "万元", 28)
    assert _fact(budget_2023, title, (), ("2023年机关运行经费预算数",)).value == Decimal("786.09")
    # 15 prints figures in this table although its note below calls the table empty
    total_2024 = _fact(budget_2024, title, (), ("2024年“三公”经费预算数", "合计"))
    assert (total_2024.value, total_2024.unit, total_2024.page) == (Decimal("47.91"), "万元", 31)
    car = ("2024年“三公”经费预算数", "公务用车购置及运行费", "购置费")
    assert _fact(budget_2024, title, (), car).value == 25
    assert "故本表为空表" in budget_2024[0].text


def test_empty_fund_tables_have_no_facts(budget_2024: Parsed) -> None:
    doc, tables, facts = budget_2024
    for title in ("2024年部门政府性基金预算支出功能分类预算表", "2024年部门国有资本经营预算支出功能分类预算表"):
        (table,) = [t for t in tables if t.title == title]
        assert not [f for f in facts if f.table == table.key]
        assert table.row_paths[-1] == ("合计",)
        assert table.column_paths[4][1:] == ("合计",)
    assert "注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。" in doc.text


def test_totals_and_economic_classification_2024(budget_2024: Parsed) -> None:
    total = _fact(budget_2024, "部门财务收支预算总表", ("支出总计",), ("本年支出", "预算数"))
    assert (total.value, total.unit) == (Decimal("156211123"), "元")
    services = _fact(budget_2024, "部门财务收支预算总表", ("一、一般公共服务支出",), ("本年支出", "预算数"))
    assert services.value == Decimal("2932700")
    # the 收入预算总表 合计 row is alone on p15, printed with its label cell across four columns
    assert _fact(budget_2024, "部门收入预算总表", ("合计",), ("收入预算", "合计")).value == 156211123
    # 款 codes printed without their leading zero ("2" for 02) still nest under 301
    allowance = _fact(budget_2024, "一般公共预算基本支出部门预算经济分类预算表", ("工资福利支出", "津贴补贴"),
                      ("一般公共预算基本支出", "人员经费"))
    assert allowance.value == Decimal("16623810")


def test_spans_point_at_the_cell_in_the_document_text(budget_2023: Parsed) -> None:
    doc, _, facts = budget_2023
    assert all(f.span is not None for f in facts)
    assert all(doc.text[f.span[0]:f.span[1]] == f.raw for f in facts if f.span)
    assert len({f.id for f in facts}) == len(facts)


# --- small grids --------------------------------------------------------------------------------


def _grid_doc(*blocks: Block) -> Document:
    return Document(source="t", format="html", blocks=blocks, sha256="0")


def test_skip_leaves_template_tables_alone_and_keys_stay_dense() -> None:
    grid = [["项目", "金额"], ["甲", "1"]]
    doc = _grid_doc(table_block(grid), Block(kind="text", text="表二\n单位：件"), table_block(grid))
    tables, facts = generic_tables("r", doc, skip={0})
    assert [(t.key, t.title, t.unit) for t in tables] == [("g1", "表二", "件")]
    assert [(f.row_path, f.column_path, f.value, f.unit) for f in facts] == [(("甲",), ("金额",), 1, "件")]


def test_unit_line_names_the_unit_not_the_compiling_agency() -> None:
    context = "2024年预算单位财务收支预算总表\n编制单位：上海市普陀区社会福利院 单位：元"
    table, facts = read_table("r", "g1", table_block([["项目", "预算数"], ["收入总计", "9,501,164"]]), context)
    assert (table.title, table.unit) == ("2024年预算单位财务收支预算总表", "元")
    assert [(f.value, f.unit) for f in facts] == [(Decimal("9501164"), "元")]


def test_numbers_dashes_and_negatives() -> None:
    grid = [["单位：万元", "", ""], ["项目", "本年", "上年"],
            ["收入", "1,234.50", "-"], ["支出", "—", "(12)"], ["结余", "-3.5", "12.5%"]]
    table, facts = read_table("r", "g1", table_block(grid))
    assert table.unit == "万元"
    assert table.column_paths == (("项目",), ("本年",), ("上年",))
    got = {(f.row_path, f.column_path): (f.value, f.unit) for f in facts}
    assert got == {
        (("收入",), ("本年",)): (Decimal("1234.50"), "万元"),
        (("支出",), ("上年",)): (Decimal("-12"), "万元"),
        (("结余",), ("本年",)): (Decimal("-3.5"), "万元"),
        (("结余",), ("上年",)): (Decimal("12.5"), "%"),
    }


def test_code_prefixed_names_build_the_hierarchy() -> None:
    grid = [["科目", "金额"], ["201 一般公共服务支出", "10"], ["20101 人大事务", "6"], ["2010101 行政运行", "6"]]
    _, facts = read_table("r", "g1", table_block(grid))
    assert [f.row_path for f in facts] == [
        ("一般公共服务支出",),
        ("一般公共服务支出", "人大事务"),
        ("一般公共服务支出", "人大事务", "行政运行"),
    ]


def test_labels_merged_down_are_carried_into_child_rows() -> None:
    grid = [["", "", "自然人", "总计"], ["三、办理结果", "（一）予以公开", "5", "5"],
            ["", "（三）不予公开", "", ""], ["", "1.属于国家秘密", "2", "2"]]
    table, facts = read_table("r", "g1", table_block(grid))
    assert table.row_paths[3] == ("三、办理结果", "1.属于国家秘密")
    assert facts[0].row_path == ("三、办理结果", "（一）予以公开")


def test_column_paths_spread_merged_parents_only() -> None:
    header = [["申请人情况", "", "", ""], ["自然人", "法人", "", "总计"], ["", "企业", "其他", ""]]
    assert column_paths(header) == (
        ("申请人情况", "自然人"),
        ("申请人情况", "法人", "企业"),
        ("申请人情况", "法人", "其他"),
        ("申请人情况", "总计"),
    )


def test_text_only_table_has_no_facts() -> None:
    table, facts = read_table("r", "g1", table_block([["项目", "说明"], ["甲", "无"]]))
    assert facts == [] and table.cells[1] == ("甲", "无")


@pytest.mark.parametrize("text", ["", "-", "—", "2023-01-01", "≥13459.00(平方米)", "(12", "1,23"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None
