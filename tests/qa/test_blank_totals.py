"""A template total the table printed empty is the sum of the cells its row (or its table-四 group)
printed, every input shown and the empty cell named; a row whose cells were not read is no such sum."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from ingested import qa_over

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA
from tests.fixtures.make_docx import T3_FIRST_COLUMN, T3_LABEL_COLUMN, T4_ROW_INDEX, build_filled_docx

SHANGHAI_2019 = "61_shanghai_shizhengfubangongting_disclosure_2019.txt"  # printed with the 总计 column empty


def _blank_last_cell(html: str, row_label: str) -> str:
    """The report's HTML with the last cell of the table row holding `row_label` printed empty."""
    start = html.index(row_label)
    row_end = html.index("</tr>", start)
    row = html[start:row_end]
    last = row.rindex("<p")
    emptied = row[:last] + re.sub(r">\s*\d+\s*</p>", "></p>", row[last:], count=1)
    return html[:start] + emptied + html[row_end:]


def _word_report_with_empty_totals(path: Path) -> Path:
    """The official Word template filled with a report's figures, then the 总计 cells of two rows of
    table 三 and the whole 复议后起诉 group of table 四 emptied."""
    build_filled_docx(path)
    word = docx.Document(str(path))
    _, t3, t4 = word.tables
    for row in t3.rows:
        if row.cells[T3_LABEL_COLUMN].text.strip() in ("一、本年新收政府信息公开申请数量", "5.属于三类内部事务信息"):
            row.cells[T3_FIRST_COLUMN + 6].text = ""
    for c in range(10, 15):
        t4.rows[T4_ROW_INDEX].cells[c].text = ""
    word.save(str(path))
    return path


@pytest.fixture(scope="module")
def printed_blank(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, (SHANGHAI_2019,))


@pytest.fixture(scope="module")
def blanked(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    """Two reports of other layouts (an HTML table, a Word table with merged cells) with total cells
    emptied."""
    work = tmp_path_factory.mktemp("blanked")
    html = (samples_dir / "04_pingtan_zone_2025.html").read_text(encoding="utf-8")
    html = _blank_last_cell(html, "本机关不掌握相关政府信息")
    (work / "04_pingtan_zone_2025.html").write_text(html, encoding="utf-8")
    _word_report_with_empty_totals(work / "houjie_2023.docx")
    store = SQLiteStore(work / "facts.sqlite3")
    results = ingest_paths(sorted(p for p in work.iterdir() if p.suffix in (".html", ".docx")), store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return QA(store)


@pytest.mark.parametrize("question,value,inputs", [
    # rows of table 三 whose 总计 the report left empty
    ("2019年上海市政府办公厅有多少申请因为是重复申请而不予处理？", 9, ("5", "4")),
    ("市政府办公厅（上海）2019年不予公开的申请里，属于行政查询事项的共几件", 12, ("10", "2")),
    ("上海市府办公厅2019年，信访举报投诉类的申请一共被不予处理了几件？", 149, ("148", "1")),
    ("2019年上海市人民政府办公厅因为本机关不掌握相关信息而无法提供的有多少件？", 265, ("252", "12", "1")),
])
def test_an_empty_total_is_its_row_summed(printed_blank: QA, question: str, value: int,
                                          inputs: tuple[str, ...]) -> None:
    a = printed_blank.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value
    assert all(f" {x}" in a.text for x in inputs), a.text
    assert "空白" in a.text


@pytest.mark.parametrize("question", [
    "上海市政府办公厅2019年因信息公开被起诉了几次？",
    "2019年上海市府办公厅的政府信息公开行政诉讼一共多少件",
])
def test_a_group_printed_empty_counts_nothing(printed_blank: QA, question: str) -> None:
    """Table 四's 复议后起诉 group printed empty: the litigation total is the 未经复议直接起诉 group's,
    and the answer says the other group was empty."""
    a = printed_blank.ask(question)
    assert a.status == "answered", a.text
    assert a.value == 9
    assert "复议后起诉" in a.text and "空白" in a.text


def test_a_sum_of_parts_uses_an_empty_total_the_same_way(printed_blank: QA) -> None:
    a = printed_blank.ask("2019年上海市政府办公厅因信息公开被申请复议和被起诉的一共多少件？")
    assert a.status == "answered", a.text
    assert a.value == 16


@pytest.mark.parametrize("question,value", [
    ("2025年平潭综合实验区有多少件申请因为本机关不掌握而无法提供？", 50),
    ("平潭综合实验区2025年答复“本机关不掌握相关政府信息”的申请有几件", 50),
    ("厚街镇2023年新收了几宗信息公开申请？", 14),
    ("2023年厚街镇因为属于三类内部事务信息不予公开的申请一共几宗", 3),
    ("厚街镇2023年信息公开行政诉讼一共多少宗？", 0),
])
def test_other_layouts_with_an_emptied_total(blanked: QA, question: str, value: int) -> None:
    a = blanked.ask(question)
    assert a.status == "answered", a.text
    assert a.value == value
    assert "空白" in a.text


def test_a_total_that_is_printed_is_read_as_printed(printed_blank: QA) -> None:
    a = printed_blank.ask("2019年上海市政府办公厅新收了多少件信息公开申请？")
    assert a.status == "answered" and a.value == 859
    assert "空白" not in a.text


def test_an_unread_row_is_not_summed(samples_dir: Path, tmp_path: Path) -> None:
    """A row the table printed wholly empty has no cell to add: the question is refused, never 0."""
    html = (samples_dir / "04_pingtan_zone_2025.html").read_text(encoding="utf-8")
    start = html.index("本机关不掌握相关政府信息")
    end = html.index("</tr>", start)
    html = html[:start] + re.sub(r">\s*\d+\s*</p>", "></p>", html[start:end]) + html[end:]
    (tmp_path / "04_pingtan_zone_2025.html").write_text(html, encoding="utf-8")
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    assert all(r.status == "added" for r in ingest_paths([tmp_path / "04_pingtan_zone_2025.html"], store))
    a = QA(store).ask("2025年平潭综合实验区有多少件申请因为本机关不掌握而无法提供？")
    assert a.status != "answered", a.text
