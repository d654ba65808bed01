"""The statistics table of pre-2019 reports, glued in a crawl, read cell by cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from index.indicator_table import _readings, indicator_table
from index.load import load_document
from index.parse import parse_document


def _cells(fixtures_dir: Path, name: str) -> dict[tuple[tuple[str, ...], str], list[Decimal]]:
    parsed = parse_document(load_document(fixtures_dir / name), name)
    out: dict[tuple[tuple[str, ...], str], list[Decimal]] = {}
    for f in parsed.facts:
        if f.table.startswith("g"):
            out.setdefault((f.row_path, f.column_path[0]), []).append(f.value)
    return out


@pytest.mark.parametrize("name,row,year,total", [
    # 「主动公开信息数条20263542」: this year 2026, in all 3542 (the prose states 2026)
    ("22_pingtan_xian_2012.txt", ("主动公开信息数",), "2026", "3542"),
    # 「1.网站公开条179533042.政府公报」: the 2 that ends the run is the next row's number; no sub-row
    # is larger than its row, so 1795 | 3304
    ("22_pingtan_xian_2012.txt", ("主动公开信息数", "网站公开"), "1795", "3304"),
    # 「受理…总数条2121」 and its sub-rows 18|18, 0|0, 3|3 …: the sub-rows add up to 21 | 21
    ("22_pingtan_xian_2012.txt", ("受理依申请公开信息总数",), "21", "21"),
    ("22_pingtan_xian_2012.txt", ("对申请的答复数", "同意公开答复数"), "17", "17"),
    ("23_pingtan_zone_2017.txt", ("主动公开文件数",), "2122", "10037"),
    ("23_pingtan_zone_2017.txt", ("主动公开文件数", "政府网站公开数"), "2122", "10037"),
    ("23_pingtan_zone_2017.txt", ("行政诉讼数",), "0", "0"),
])
def test_each_glued_cell_is_read_the_one_way_the_table_allows(fixtures_dir, name, row, year, total):
    cells = _cells(fixtures_dir, name)
    assert cells[(row, "本年度")] == [Decimal(year)], cells.get((row, "本年度"))
    assert cells[(row, "历年累计")] == [Decimal(total)], cells.get((row, "历年累计"))


def test_a_run_the_rules_leave_open_keeps_every_reading():
    text = "统计表 指标名称计量单位2015年度历年累计主动公开信息数条1234受理申请总数条00 附件下载"
    tables, facts, spans = indicator_table("r", text, "g1", lambda _: None)
    readings = sorted({f.value for f in facts if f.row_path == ("主动公开信息数",) and f.column_path == ("本年度",)})
    assert readings == [Decimal(1), Decimal(12)] and all(  # 1|234, 12|34 (123|4 is less in all than this year)
        f.status == "ambiguous" for f in facts if f.row_path == ("主动公开信息数",))
    assert tables and spans


def test_readings_never_start_with_zero_and_never_shrink():
    assert _readings("2121") == [(2, 121), (21, 21)]
    assert _readings("07") == [(0, 7)]
    assert _readings("100") == []  # 1|00 starts with 0, 10|0 counts less in all than this year
