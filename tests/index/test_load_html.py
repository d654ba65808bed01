"""HTML pages: article extraction, span-expanded table grids, cell text clean-up, charsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.load import load_document
from index.models import Document

PINGTAN = "04_pingtan_zone_2025.html"


@pytest.fixture(scope="module")
def pingtan(samples_dir: Path) -> Document:
    return load_document(samples_dir / PINGTAN)


def _tables(doc: Document) -> list[tuple[tuple[str, ...], ...]]:
    return [b.grid for b in doc.blocks if b.grid is not None]


def _row(grid: tuple[tuple[str, ...], ...], label: str) -> tuple[str, ...]:
    return next(row for row in grid if label in row)


def test_pingtan_has_three_tables_with_their_rows(pingtan: Document) -> None:
    assert pingtan.format == "html"
    assert [len(grid) for grid in _tables(pingtan)] == [14, 28, 4]
    assert all(len(set(map(len, grid))) == 1 for grid in _tables(pingtan)), "grids must be rectangular"


def test_pingtan_table_two_cells(pingtan: Document) -> None:
    t2 = _tables(pingtan)[0]
    assert _row(t2, "行政规范性文件") == ("行政规范性文件", "58", "45", "546")
    assert _row(t2, "行政许可") == ("行政许可", "2418", "2418", "2418")  # value cell spans 3 columns
    assert t2[0] == ("第二十条第（一）项",) * 4
    assert "行政事业性收费 4166.241619" in pingtan.text


def test_pingtan_table_three_spans_and_header_cells(pingtan: Document) -> None:
    t3 = _tables(pingtan)[1]
    assert _row(t3, "一、本年新收政府信息公开申请数量")[3:] == ("151", "3", "0", "0", "0", "0", "154")
    assert t3[2][3:] == ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    secret = _row(t3, "1.属于国家秘密")
    assert secret[:2] == ("三、本年度办理结果", "（三）不予公开")  # rowspans repeated on every row
    assert _row(t3, "（七）总计")[3:] == ("147", "1", "0", "0", "0", "0", "148")
    # The linearised text prints a colspan once, and keeps every number.
    assert "一、本年新收政府信息公开申请数量 151 3 0 0 0 0 154" in pingtan.text


def test_pingtan_table_four(pingtan: Document) -> None:
    t4 = _tables(pingtan)[2]
    assert t4[1][:5] == ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    assert t4[3] == ("25", "3", "8", "0", "36", "3", "3", "0", "0", "6", "3", "0", "0", "0", "3")


def test_pingtan_keeps_prose_and_drops_site_chrome(pingtan: Document) -> None:
    texts = [b.text for b in pingtan.blocks if b.kind == "text"]
    assert "一、总体情况" in texts
    assert any(t.startswith("（二）依申请公开方面。") and "共收到政府信息公开申请154件" in t for t in texts)
    for chrome in ("首页", "新媒体矩阵", "无障碍", "当前位置", "网站地图", "function("):
        assert chrome not in pingtan.text


def test_pingtan_metadata_block_from_meta_tags(pingtan: Document) -> None:
    assert pingtan.blocks[0].text == (
        "标题: 平潭综合实验区2025年度政府信息公开工作年度报告\n"
        "发布时间: 2026-03-10 12:56\n"
        "发布机构: 平潭综合实验区管委会办公室"
    )


PAGE = """<html><head><meta charset="{charset}"><title>某镇2023年政府信息公开工作年度报告_年报_某镇</title>
<script>var nav = "首页";</script></head>
<body><nav><a href="/">首页</a> <a>政务公开</a></nav>
<div class="side"><p>友情链接</p></div>
<div class="content">
  <p>一、总体情况</p><p>本年主动公开信息 2516 条。<br/>第二行。</p>
  <table>
    <tr><td rowspan="2">申请人情况</td><td colspan="2">法人或其他组织</td></tr>
    <tr><td>社会<p>公益 &nbsp;组织</p></td><td>结果<br/>纠正</td></tr>
    <tr><td>一、本年新收</td><td>1</td><td>2</td></tr>
  </table>
  <p>&nbsp;</p><p>二、主动公开政府信息情况</p>
</div>
<footer>版权所有</footer></body></html>"""


def test_page_without_cms_container(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    doc = load_document(path)
    texts = [b.text for b in doc.blocks if b.kind == "text"]
    assert texts == [
        "标题: 某镇2023年政府信息公开工作年度报告",
        "一、总体情况",
        "本年主动公开信息2516条。\n第二行。",
        "二、主动公开政府信息情况",
    ]
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.grid == (
        ("申请人情况", "法人或其他组织", "法人或其他组织"),
        ("申请人情况", "社会公益组织", "结果纠正"),
        ("一、本年新收", "1", "2"),
    )
    assert table.text == "申请人情况 法人或其他组织\n申请人情况 社会公益组织 结果纠正\n一、本年新收 1 2"
    for chrome in ("首页", "友情链接", "版权所有", "var nav"):
        assert chrome not in doc.text


def test_gbk_page_with_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(charset="gb2312").encode("gbk"))
    assert "本年主动公开信息2516条。" in load_document(path).text


def test_utf8_wins_over_a_wrong_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="gbk").encode("utf-8"))
    assert "社会公益组织" in load_document(path).text


def test_article_written_as_one_div_per_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "divs.html"
    path.write_text(
        "<html><body><div class='menu'><ul><li>首页</li><li>政务公开</li></ul></div>"
        "<div class='main'><div>一、总体情况</div><div>本年度共收到政府信息公开申请14宗，均已按时答复。</div>"
        "<div>二、主动公开政府信息情况</div><div>主动公开信息2516条，其中政策文件14条。</div></div>"
        "</body></html>",
        encoding="utf-8",
    )
    texts = [b.text for b in load_document(path).blocks]
    assert texts == [
        "一、总体情况",
        "本年度共收到政府信息公开申请14宗，均已按时答复。",
        "二、主动公开政府信息情况",
        "主动公开信息2516条，其中政策文件14条。",
    ]
