"""load_document: format dispatch, encodings, refusals, and plain-text / Markdown blocks."""

from __future__ import annotations

import hashlib
import sys
import time
import types
import zipfile
from pathlib import Path

import pytest

from index.errors import LoadError
from index.load import detect_format, load_document
from index.models import Block, Document

SEED = "00_houjie_zhen_2023.txt"


@pytest.fixture(scope="module")
def seed_text(samples_dir: Path) -> str:
    return (samples_dir / SEED).read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the seed report ------------------------------------------------------------------------


def test_seed_blocks_hold_every_line_in_order(samples_dir: Path, seed_text: str) -> None:
    doc = load_document(samples_dir / SEED)
    assert doc.format == "txt"
    assert doc.sha256 == hashlib.sha256((samples_dir / SEED).read_bytes()).hexdigest()
    lines = iter(line.strip() for line in doc.text.split("\n"))
    for expected in (line.strip() for line in seed_text.split("\n") if line.strip()):
        assert expected in lines, f"line missing or out of order: {expected!r}"


def test_seed_table_cells_stay_together_one_per_line(samples_dir: Path) -> None:
    blocks = load_document(samples_dir / SEED).blocks
    table = next(b for b in blocks if b.text.startswith("第二十条第(一)项"))
    assert "行政规范性文件\n\n5\n\n7\n\n20" in table.text
    assert table.text.endswith("8862.02")
    assert any(b.text == "三、收到和处理政府信息公开申请情况" for b in blocks)
    assert any(b.text == "(一)主动公开方面" for b in blocks)
    assert len(blocks) < 40


def test_crawler_header_is_the_first_block(fixtures_dir: Path) -> None:
    blocks = load_document(fixtures_dir / "05_pingtan_zone_2025.txt").blocks
    header, body = blocks[0], blocks[1]
    assert header.text.startswith("标题: 平潭综合实验区2025年度政府信息公开工作年度报告")
    assert "发布机构: 平潭综合实验区管委会办公室" in header.text
    assert body.text.startswith("本报告根据")
    assert "行政规范性文件5845546" in body.text


# --- encodings ------------------------------------------------------------------------------


def test_gbk_text_loads_like_utf8(tmp_path: Path, seed_text: str) -> None:
    text = seed_text.replace("\xa0", " ")  # NBSP has no GBK code; a GBK page would not hold one
    utf8 = load_document(_write(tmp_path, "utf8.txt", text.encode("utf-8")))
    gbk = load_document(_write(tmp_path, "gbk.txt", text.encode("gbk")))
    assert gbk.text == utf8.text
    assert "厚街镇人民政府2023年政府信息公开工作年度报告" in gbk.text


def test_utf16_with_bom(tmp_path: Path, seed_text: str) -> None:
    expected = load_document(_write(tmp_path, "a.txt", seed_text.encode("utf-8"))).text
    assert load_document(_write(tmp_path, "b.txt", seed_text.encode("utf-16"))).text == expected
    with_bom = _write(tmp_path, "d.txt", b"\xfe\xff" + seed_text.encode("utf-16-be"))
    assert load_document(with_bom).text == expected


def test_utf8_bom_is_dropped(tmp_path: Path, seed_text: str) -> None:
    doc = load_document(_write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + seed_text.encode("utf-8")))
    assert doc.blocks[0].text.startswith("头部")
    assert "\ufeff" not in doc.text


def test_windows_newlines_are_normalised(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path, "crlf.txt", "一、总体情况\r\n\r\n正文内容。\r\n".encode()))
    assert [b.text for b in doc.blocks] == ["一、总体情况", "正文内容。"]


# --- refusals -------------------------------------------------------------------------------


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is empty"):
        load_document(_write(tmp_path, "empty.txt", b""))


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, bytes(range(128, 256)) * 8],
    ids=["nul-bytes", "undecodable"],
)
def test_binary_garbage_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(LoadError, match="binary|not text"):
        load_document(_write(tmp_path, "report.txt", data))


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a zip"):
        load_document(_write(tmp_path, "report.docx", "这不是Word文件".encode()))


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(LoadError, match="not a Word"):
        load_document(path)


def test_pdf_without_pdf_header(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="%PDF"):
        load_document(_write(tmp_path, "report.pdf", b"<html>not a pdf</html>"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="does not exist"):
        load_document(tmp_path / "nope.txt")


def test_oversized_file_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: no disk used, nothing to read

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    started = time.perf_counter()
    with pytest.raises(LoadError) as error:
        load_document(path)
    assert time.perf_counter() - started < 1
    message = str(error.value)
    assert "200.0 MB" in message and "50 MB" in message and "REPORTQA_MAX_UPLOAD_MB" in message


def test_max_bytes_is_honoured(tmp_path: Path) -> None:
    path = _write(tmp_path, "small.txt", "一二三四五".encode())
    with pytest.raises(LoadError, match="over the limit"):
        load_document(path, max_bytes=10)
    assert load_document(path, max_bytes=15).text == "一二三四五"


# --- dispatch -------------------------------------------------------------------------------


def test_pdf_goes_to_load_pdf_with_the_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, bytes]] = []

    def fake_load_pdf(path: Path, data: bytes) -> Document:
        calls.append((path, data))
        return Document(source=str(path), format="pdf", blocks=(), sha256="x")

    monkeypatch.setitem(sys.modules, "index.load_pdf", types.SimpleNamespace(load_pdf=fake_load_pdf))
    path = _write(tmp_path, "report.bin", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert load_document(path).format == "pdf"
    assert calls == [(path, path.read_bytes())]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.htm", b"<p>x</p>", "html"),
        ("a.txt", b"\n  <!DOCTYPE html><html><body>x</body></html>", "html"),
        ("a.markdown", b"# x", "md"),
        ("a.csv", b"a,b", "txt"),
        ("noext", "文字".encode(), "txt"),
    ],
)
def test_detect_format(name: str, data: bytes, expected: str) -> None:
    assert detect_format(Path(name), data) == expected


def test_unknown_extension_loads_as_text(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path, "report.dat", "二、主动公开政府信息情况".encode("gb18030")))
    assert doc.format == "txt"
    assert doc.text == "二、主动公开政府信息情况"


# --- markdown -------------------------------------------------------------------------------


def test_markdown_tables_headings_and_markup(tmp_path: Path) -> None:
    source = (
        "# 厚街镇2023年报告\n\n**一、总体情况**\n主动公开信息2516条。\n\n"
        "| 信息内容 | 本年制发件数 |\n|---|---|\n| 行政 规范性文件 | 5 |\n— 4 —\n| 规章 | 0 |\n\n## 表三\n"
    )
    blocks = load_document(_write(tmp_path, "r.md", source.encode())).blocks
    assert blocks == (
        Block(kind="text", text="厚街镇2023年报告"),
        Block(kind="text", text="一、总体情况\n主动公开信息2516条。"),
        Block(
            kind="table",
            text="信息内容 本年制发件数\n行政规范性文件 5\n规章 0",
            grid=(("信息内容", "本年制发件数"), ("行政规范性文件", "5"), ("规章", "0")),
        ),
        Block(kind="text", text="表三"),
    )


def test_garbled_markdown_keeps_rows_and_drops_footers(samples_dir: Path) -> None:
    doc = load_document(samples_dir / "13_shanghai_bgt_2025.md")
    assert doc.format == "md"
    assert "— 4 —" not in doc.text and "— 5 —" not in doc.text
    tables = [b for b in doc.blocks if b.kind == "table"]
    rows = [row for table in tables for row in table.grid or ()]
    assert ("一、本年新收政府信息公开申请数量", "1259", "36", "0", "0", "0", "0", "1295") in rows
    assert any(row[:3] == ("规章", "22", "235") for row in rows)
    assert "缴纳费用、 行政机关不再处理其政 0 0 0 0 0 0 0" in doc.text
    assert [b.text for b in doc.blocks].count("表三：收到和处理政府信息公开申请情况") == 2
    assert "#" not in doc.text and "|" not in doc.text


def test_markdown_kewei_split_header_fragments_are_kept(samples_dir: Path) -> None:
    doc = load_document(samples_dir / "12_shanghai_kewei_2024.md")
    assert "业 构 益组织 务机构" in doc.text
    assert "（七）总计 33 2 0 0 0 0 35" in doc.text
    assert "规范性文件 13 0 55" in doc.text
