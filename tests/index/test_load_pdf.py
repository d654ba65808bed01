"""load_pdf on the real sample PDFs: reading order, real vs. pseudo tables, joins, noise, refusals."""

from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image

from index.errors import LoadError
from index.load_pdf import TextLine, drop_vertical_labels, is_page_number, load_pdf
from index.models import Block, Document

SAMPLES = Path(__file__).parents[2] / "samples"
FOOTER = re.compile(r"^\s*[-—–]\s*\d+\s*[-—–]\s*$|^第\s*\d+\s*页$")


def _load(name: str) -> Document:
    path = SAMPLES / name
    return load_pdf(path, path.read_bytes())


@pytest.fixture(scope="module")
def huaian() -> Document:
    return _load("01_huaian_shi_2024.pdf")


@pytest.fixture(scope="module")
def hongze_2023() -> Document:
    return _load("02_hongze_qu_2023.pdf")


@pytest.fixture(scope="module")
def hongze_2024() -> Document:
    return _load("03_hongze_qu_2024.pdf")


def _tables(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "table"]


def _table_with(doc: Document, line: str) -> Block:
    return next(b for b in _tables(doc) if line in b.text.split("\n"))


# --- the document -----------------------------------------------------------------------------


def test_document_fields(huaian: Document) -> None:
    data = (SAMPLES / "01_huaian_shi_2024.pdf").read_bytes()
    assert huaian.format == "pdf"
    assert huaian.pages == 6
    assert huaian.sha256 == hashlib.sha256(data).hexdigest()
    assert huaian.source.endswith("01_huaian_shi_2024.pdf")
    assert [b.page for b in huaian.blocks] == sorted(b.page or 0 for b in huaian.blocks)


def test_blocks_follow_reading_order(huaian: Document) -> None:
    text = huaian.text
    order = ["淮安市人民政府", "一、总体情况", "二、主动公开政府信息情况", "行政许可 447228",
             "三、收到和处理政府信息公开申请情况", "（七）总计 2932 53 0 0 61 4 3050",
             "四、政府信息公开行政复议、行政诉讼情况", "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20",
             "六、其他需要报告的事项"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_prose_lines_wrapped_by_the_page_are_rejoined(huaian: Document, hongze_2023: Document) -> None:
    assert "全市共受理政府信息公开申请3119件，答复3050件" in huaian.text
    # letter-spaced text in 02 ("号 ， 邮 编 ：") reads as written
    assert "邮编：223100，电话：0517-87222589，电子邮箱：hzzwgk@126.com" in hongze_2023.text


# --- tables -------------------------------------------------------------------------------------


def test_table_three_split_over_two_pages_is_one_block(huaian: Document) -> None:
    table = _table_with(huaian, "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119")
    assert table.page == 4
    lines = table.text.split("\n")
    assert "（四）无 1.本机关不掌握相关政府信息 746 12 0 0 10 1 769" in lines  # last row on p4
    assert "3、其他 108 2 0 0 0 0 110" in lines  # p5
    assert lines[-1] == "四、结转下年度继续办理 103 0 0 0 0 0 103"
    assert table.grid is not None and all(len(row) == 10 for row in table.grid)
    assert not any("法提供" in b.text for b in _tables(huaian) if b is not table)


@pytest.mark.parametrize(
    ("fixture", "first", "last"),
    [
        ("hongze_2023", "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21", "（七）总计 21 0 0 0 0 0 21"),
        ("hongze_2024", "一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95", "（七）总计 95 0 0 0 0 0 95"),
    ],
)
def test_hongze_table_three_is_joined(fixture: str, first: str, last: str, request: pytest.FixtureRequest) -> None:
    doc: Document = request.getfixturevalue(fixture)
    table = _table_with(doc, first)
    assert last in table.text.split("\n")
    assert table.page == 3
    assert len(_tables(doc)) == 3


def test_page_frames_are_prose_not_tables(hongze_2023: Document) -> None:
    tables = _tables(hongze_2023)
    assert len(tables) == 3
    assert all(t.grid is not None and len(t.grid[0]) >= 4 for t in tables)
    text_blocks = [b.text for b in hongze_2023.blocks if b.kind == "text"]
    assert any("本报告由淮安市洪泽区人民政府办公室" in t for t in text_blocks)
    # p2: the frame glued this prose onto table 二; it must be prose again
    assert any("（五）政府信息公开监督保障情况" in t for t in text_blocks)
    assert not any("监督保障" in t.text for t in tables)
    assert tables[0].text.startswith("第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数")


def test_cells_are_single_line_and_merged_cells_empty(huaian: Document) -> None:
    table = _table_with(huaian, "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119")
    assert table.grid is not None
    cells = [cell for row in table.grid for cell in row]
    assert not any("\n" in cell or " " in cell for cell in cells)
    assert "三、本年度办理结果" in cells  # printed vertically, one character per line
    assert "社会公益组织" in cells  # wrapped as 社会公益 / 组织
    header = table.grid[1]
    assert header[3:5] == ("自然人", "法人或其他组织") and header[5] == ""


def test_table_four_row(hongze_2024: Document) -> None:
    table = _table_with(hongze_2024, "1 1 0 0 2 1 0 0 0 1 2 0 1 0 3")
    assert table.page == 4
    assert table.grid is not None and len(table.grid[0]) == 15


def test_table_two_continues_across_pages(huaian: Document) -> None:
    table = _table_with(huaian, "规章 1 0 11")
    assert table.page == 3
    assert "行政事业性收费 96171.6" in table.text.split("\n")  # on p4


def test_budget_table_continuation_with_narrower_total_row() -> None:
    doc = _load("15_wanli_jiedao_budget_2024.pdf")
    assert doc.pages == 33
    table = _table_with(doc, "项目 支出预算")
    assert table.page == 16
    assert table.grid is not None
    # p20 holds only the 合计 row, printed as 4 columns under the table's 7
    assert table.grid[-1] == ("合计", "", "", "", "156,211,123", "99,706,020", "56,505,103")
    assert sum(row[0] == "类" for row in table.grid) == 1
    assert len([t for t in _tables(doc) if t.text.startswith("项目 一般公共预算支出")]) == 1


# --- noise --------------------------------------------------------------------------------------


def test_page_numbers_are_gone(huaian: Document, hongze_2023: Document) -> None:
    for doc in (huaian, hongze_2023):
        lines = [line for b in doc.blocks if b.kind == "text" for line in b.text.split("\n")]
        assert lines
        assert not [line for line in lines if FOOTER.match(line)]


@pytest.mark.parametrize("text", ["— 4 —", "- 3 -", "－12－", "第 3 页", "第3页 共6页", "共6页 第3页"])
def test_footer_patterns(text: str) -> None:
    assert is_page_number(text, top=0.5, bottom=0.5)


def test_bare_number_is_a_page_number_only_in_the_margin() -> None:
    assert is_page_number("7", top=0.95, bottom=0.97)
    assert not is_page_number("7", top=0.5, bottom=0.52)
    assert not is_page_number("2024年", top=0.95, bottom=0.97)


def test_vertical_label_runs_are_dropped() -> None:
    def line(text: str) -> TextLine:
        return TextLine(text, 0.0, 10.0, 0.0, 10.0)

    lines = [line("一、总体情况"), *map(line, "三、本年度办理结果"), line("（一）予以公开"), line("是"), line("否")]
    assert [ln.text for ln in drop_vertical_labels(lines)] == ["一、总体情况", "（一）予以公开", "是", "否"]


# --- refusals -----------------------------------------------------------------------------------


def test_truncated_pdf_is_refused_clearly(tmp_path: Path) -> None:
    data = (SAMPLES / "01_huaian_shi_2024.pdf").read_bytes()
    with pytest.raises(LoadError, match=r"half\.pdf is not a readable PDF \(truncated or damaged\).*re-download"):
        load_pdf(tmp_path / "half.pdf", data[: len(data) // 2])


def test_garbage_after_a_pdf_header_is_refused(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n" + os.urandom(4000)
    with pytest.raises(LoadError, match=r"junk\.pdf is not a readable PDF"):
        load_pdf(tmp_path / "junk.pdf", data)


def test_scanned_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), "white").save(buffer, format="PDF")
    with pytest.raises(LoadError, match=r"scan\.pdf has no text layer.*OCR is not supported"):
        load_pdf(tmp_path / "scan.pdf", buffer.getvalue())
