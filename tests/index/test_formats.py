"""A report reads the same whatever it is called and however its tables were flattened.

Corpus 04 (the 平潭 2025 page as HTML) and 05 (the crawler's flattened text of the same report)
are one report: saved as .html, as HTML inside .txt, cut down to its article, or flattened, it
must give the same template cells. An empty cell written as &nbsp; keeps its place.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from index.load import detect_format, load_document
from index.models import AMBIGUOUS, ParsedReport
from index.parse import parse_document

ROOT = Path(__file__).parents[2]
HTML = ROOT / "samples/04_pingtan_zone_2025.html"
FLAT = ROOT / "tests/fixtures/05_pingtan_zone_2025.txt"
ZERO_CELL = '<p style="text-indent: 0em;">0</p></td>'


@cache
def _parse(path: Path) -> ParsedReport:
    return parse_document(load_document(path), path.stem)


def template_cells(report: ParsedReport) -> dict[tuple[str, str], set[Decimal]]:
    out: dict[tuple[str, str], set[Decimal]] = {}
    for f in report.facts:
        if f.table in ("t2", "t3", "t4"):
            out.setdefault((f.row_key, f.column_key), set()).add(f.value)
    return out


@pytest.fixture(scope="module")
def html_report() -> ParsedReport:
    return _parse(HTML)


def test_html_saved_as_txt_is_read_as_html(html_report: ParsedReport, tmp_path: Path) -> None:
    as_txt = tmp_path / "04_saved_as.txt"
    as_txt.write_bytes(HTML.read_bytes())
    # only the article, as a copy-paste of the page source would give: no doctype, no <html>
    text = HTML.read_text(encoding="utf-8")
    fragment = tmp_path / "04_article.txt"
    fragment.write_text(text[text.index("<div class=TRS_Editor"):], encoding="utf-8")
    assert not fragment.read_text(encoding="utf-8").lower().startswith(("<!doctype", "<html"))
    expected = template_cells(html_report)
    assert len(expected) == 200
    for path in (as_txt, fragment):
        report = _parse(path)
        assert report.report.format == "html"
        assert template_cells(report) == expected
        assert [t.key for t in report.tables] == ["t2", "t3", "t4"]


def test_flattened_text_of_the_same_report_agrees(html_report: ParsedReport) -> None:
    """05 glues digits (「15130000154」); every cell 04 prints is 05's reading, or among its candidates."""
    html, flat = template_cells(html_report), template_cells(_parse(FLAT))
    assert set(html) == set(flat)
    settled = 0
    for key, values in html.items():
        assert values <= flat[key], key
        settled += len(flat[key]) == 1
    assert settled >= 190
    ambiguous = {(f.row_key, f.column_key) for f in _parse(FLAT).facts if f.status == AMBIGUOUS}
    assert all(len(flat[k]) > 1 or k in ambiguous for k in ambiguous)


def test_nbsp_cells_keep_their_place(html_report: ParsedReport, tmp_path: Path) -> None:
    """The same page with every 0 cell written as &nbsp;: no number moves into another column,
    blank cells hold no number, and all three tables are still read."""
    page = HTML.read_text(encoding="utf-8")
    assert page.count(ZERO_CELL) == 150
    path = tmp_path / "04_blank.html"
    path.write_text(page.replace(ZERO_CELL, ZERO_CELL.replace(">0<", ">&nbsp;<")), encoding="utf-8")
    report = _parse(path)
    assert [t.key for t in report.tables] == ["t2", "t3", "t4"]
    printed = {k: v for k, v in template_cells(html_report).items() if v != {Decimal(0)}}
    assert template_cells(report) == printed
    assert cells_of(report, "t3", "一、本年新收政府信息公开申请数量") == ("151", "3", "", "", "", "", "154")


def cells_of(report: ParsedReport, table: str, row: str) -> tuple[str, ...]:
    t = next(t for t in report.tables if t.key == table)
    return next(c for path, c in zip(t.row_paths, t.cells, strict=True) if path[-1] == row)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("report.txt", b"<p>\xe4\xb8\x80</p><table><tr><td>1</td></tr></table><div>a</div><br><span>b</span>", "html"),
        ("report.txt", "标题\n\n| 项目 | 数量 |\n|---|---|\n| 申请 | 3 |\n".encode(), "md"),
        ("report.md", "普通文本，没有表格。\n第二段。".encode(), "md"),
        ("report.txt", "正文里提到<p>标签一次。".encode(), "txt"),
        ("report.html", "不是网页的纯文本".encode(), "html"),
    ],
)
def test_format_from_the_bytes_first(name: str, data: bytes, expected: str) -> None:
    assert detect_format(Path(name), data) == expected


def test_form_feed_text_layer_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "layer.txt"
    path.write_bytes((ROOT / "samples/19_putuo_jianguanwei_budget_2026.txt").read_bytes())
    doc = load_document(path)
    assert doc.format == "txt" and "\f" in doc.text
    assert re.search(r"单位：元", doc.text)
