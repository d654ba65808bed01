"""DOCX: the real blank 2021 template, and that template filled with the seed report's figures."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from index.errors import LoadError
from index.load import load_document
from index.models import Document
from tests.fixtures.make_docx import T3_ROWS, T4_ROW, TITLE, build_filled_docx

BLANK = "18_template_2021_blank.docx"
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@pytest.fixture(scope="module")
def blank(fixtures_dir: Path) -> Document:
    return load_document(fixtures_dir / BLANK)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return load_document(build_filled_docx(tmp_path_factory.mktemp("docx") / "houjie_2023.docx"))


def _tables(doc: Document) -> list[tuple[tuple[str, ...], ...]]:
    return [b.grid for b in doc.blocks if b.grid is not None]


def _row(grid: tuple[tuple[str, ...], ...], label: str) -> tuple[str, ...]:
    return next(row for row in grid if label in row)


def test_blank_template_structure(blank: Document) -> None:
    assert blank.format == "docx"
    assert [len(grid) for grid in _tables(blank)] == [14, 28, 4]
    kinds = [(b.kind, b.text if b.kind == "text" else "") for b in blank.blocks]
    # Tables sit between their headings, in body order.
    assert kinds.index(("text", "二、主动公开政府信息情况")) + 1 == kinds.index(("table", ""))
    assert blank.blocks[0].text == "政府信息公开工作年度报告格式模板"


def test_blank_template_labels_and_merged_cells(blank: Document) -> None:
    t2, t3, t4 = _tables(blank)
    assert t2[1] == ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
    assert _row(t2, "行政规范性文件") == ("行政规范性文件", "", "", "")  # 全角空格 padding is cleaned away
    assert t2[4] == ("第二十条第（五）项",) * 4
    assert t3[0][:4] == (NOTE, NOTE, NOTE, "申请人情况")
    assert t3[2][3:] == ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    assert _row(t3, "8.属于行政查询事项")[:2] == ("三、本年度办理结果", "（三）不予公开")
    assert t4[2][:5] == ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    assert f"{NOTE} 申请人情况\n" in blank.text  # a colspan is printed once in the linearised text


def test_filled_report_title_and_prose(filled: Document) -> None:
    assert filled.blocks[0].text == TITLE
    assert "2023年,厚街镇收到政府信息公开申请14宗" in filled.text


def test_filled_report_table_two(filled: Document) -> None:
    t2 = _tables(filled)[0]
    assert _row(t2, "规章") == ("规章", "0", "0", "0")
    assert _row(t2, "行政规范性文件") == ("行政规范性文件", "5", "7", "20")
    assert _row(t2, "行政许可") == ("行政许可", "24769", "24769", "24769")
    assert _row(t2, "行政处罚")[1] == "842"
    assert _row(t2, "行政强制")[1] == "8"
    assert _row(t2, "行政事业性收费")[1] == "8862.02"
    assert "行政许可 24769\n" in filled.text


def test_filled_report_table_three_and_four(filled: Document) -> None:
    _, t3, t4 = _tables(filled)
    assert _row(t3, "一、本年新收政府信息公开申请数量")[3:] == ("12", "2", "0", "0", "0", "0", "14")
    assert _row(t3, "二、上年结转政府信息公开申请数量")[3:] == ("1", "0", "0", "0", "1", "1", "3")
    assert _row(t3, "5.属于三类内部事务信息")[3:] == ("1", "2", "0", "0", "0", "0", "3")
    assert _row(t3, "（七）总计")[3:] == ("12", "2", "0", "0", "1", "1", "16")
    assert _row(t3, "四、结转下年度继续办理")[3:] == ("1", "0", "0", "0", "0", "0", "1")
    assert tuple((row[2], row[3:]) for row in t3[3:]) == T3_ROWS
    assert t4[3] == T4_ROW
    assert "三、本年度办理结果 （六）其他处理 3.其他 2 0 0 0 0 0 2" in filled.text


def test_fixture_figures_match_the_seed_report(samples_dir: Path) -> None:
    """The fixture's table 三 and 四 are the seed file's numbers, in the seed's order."""
    seed = (samples_dir / "00_houjie_zhen_2023.txt").read_text(encoding="utf-8")
    start, end = seed.index("申请人情况"), seed.index("五、存在的主要问题")
    numbers = re.findall(r"^\d+$", seed[start:end], flags=re.MULTILINE)
    assert numbers == [n for _, row in T3_ROWS for n in row] + list(T4_ROW)


def test_zip_without_word_parts(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<not-word/>")
    with pytest.raises(LoadError, match="not a readable Word"):
        load_document(path)


def test_docx_whose_document_is_not_xml(tmp_path: Path, fixtures_dir: Path) -> None:
    path = tmp_path / "corrupt.docx"
    with zipfile.ZipFile(fixtures_dir / BLANK) as source, zipfile.ZipFile(path, "w") as archive:
        for name in source.namelist():
            archive.writestr(name, b"garbage <<" if name == "word/document.xml" else source.read(name))
    with pytest.raises(LoadError, match="not a readable Word"):
        load_document(path)


def test_truncated_docx(tmp_path: Path, fixtures_dir: Path) -> None:
    path = tmp_path / "truncated.docx"
    path.write_bytes((fixtures_dir / BLANK).read_bytes()[:10000])
    with pytest.raises(LoadError, match="damaged or truncated"):
        load_document(path)
