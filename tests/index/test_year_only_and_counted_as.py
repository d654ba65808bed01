"""The pre-2019 statistics table printed with its year's column only (历年累计 blank): every run is
one figure, and no row is ever given a figure its text does not hold. A count said to be something
after it (「其中148份为主动公开，180份为依申请公开」): each count is named by what follows 为."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from index.indicator_table import indicator_table
from index.prose_facts import prose_facts


def _cells(text: str) -> dict[tuple[tuple[str, ...], tuple[str, ...]], Decimal]:
    _, facts, _ = indicator_table("r", text, "g1", lambda _: None)
    return {(f.row_path, f.column_path): f.value for f in facts}


def test_a_table_printed_with_its_year_only(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "241_pingtan_jingjifazhanju_disclosure_2017.txt").read_text(encoding="utf-8")
    cells = _cells(text)
    assert cells[(("受理政府信息公开申请总数",), ("本年度",))] == Decimal("2")
    assert cells[(("受理政府信息公开申请总数", "网络申请数"), ("本年度",))] == Decimal("1")
    assert cells[(("对申请的答复总数", "同意部分公开答复数"), ("本年度",))] == Decimal("1")
    assert cells[(("主动公开文件数",), ("本年度",))] == Decimal("148")
    assert not any(col == ("历年累计",) for _, col in cells)


def test_no_row_gets_a_figure_its_run_cannot_hold() -> None:
    # the same table words, one row's run a single digit: it cannot be two counts, so the table is
    # read as its year's column, never as (0, 0)
    text = ("指标名称 计量单位 2016年 历年累计 主动公开信息数条1215其中：1.网站公开条12152.政府公报公开条00"
            "受理依申请公开信息总数条3 行政复议数条0。")
    cells = _cells(text)
    assert cells[(("受理依申请公开信息总数",), ("本年度",))] == Decimal("3")
    assert cells[(("主动公开信息数",), ("本年度",))] == Decimal("1215")


def test_counts_said_to_be_what_follows() -> None:
    text = ("2017年以本局名义签发的文件共422份。其中148份为主动公开，180份为依申请公开，94份为不予公开。"
            "全年收到申请12件，其中8件为网上申请，4件为信函申请。")
    by_label = {f.row_path[-1]: f.value for f in prose_facts("r", text)}
    assert by_label["主动公开"] == Decimal("148")
    assert by_label["依申请公开"] == Decimal("180")
    assert by_label["不予公开"] == Decimal("94")
    assert by_label["网上申请"] == Decimal("8") and by_label["信函申请"] == Decimal("4")


def test_a_table_whose_header_names_its_year_column_only() -> None:
    # no 历年累计 in the header at all: one column, named as printed, every run one figure
    text = ("五、附表指标名称计量单位2013年度主动公开信息数条46其中：1.网站公开条40 2.政府公报公开条6"
            "受理依申请公开信息总数条2其中：1.当面申请数条2 2.信函申请数条0行政复议数条0 县农业局 附件下载")
    cells = _cells(text)
    assert cells[(("主动公开信息数",), ("2013年度",))] == Decimal("46")
    assert cells[(("主动公开信息数", "政府公报公开"), ("2013年度",))] == Decimal("6")
    assert cells[(("受理依申请公开信息总数", "当面申请数"), ("2013年度",))] == Decimal("2")
    assert cells[(("行政复议数",), ("2013年度",))] == Decimal("0")
    assert len(cells) == 7


def test_a_title_with_a_space_inside_is_still_a_disclosure_report(tmp_path: Path) -> None:
    from index.load import load_document
    from index.parse import parse_document

    text = ("标题: 平潭县农业局2013年度政府信息公开 工作年度报告\n发布机构: 平潭县农业局\n"
            "==================== 正文 ====================\n根据条例要求，现将本局2013年工作报告如下。"
            "五、附表指标名称计量单位2013年度主动公开信息数条46其中：1.网站公开条40 2.政府公报公开条6"
            "行政复议数条0 附件下载")
    (page := tmp_path / "page.txt").write_text(text, encoding="utf-8")
    parsed = parse_document(load_document(page), "r")
    assert parsed.report.template is not None
    assert {f.row_path: f.value for f in parsed.facts if f.table.startswith("g")}[("主动公开信息数", "网站公开")] \
        == Decimal("40")
