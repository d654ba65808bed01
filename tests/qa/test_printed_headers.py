"""A template column as some reports print it (「本年增/减量」 for 本年增/减) is the same column: the
extra 量 names nothing else, so the cell is answered (or its glued readings listed), not refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA


@pytest.fixture(scope="module")
def tourism(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("101_pingtan_lvyouwentiju_disclosure_2020.txt",))


@pytest.mark.parametrize("question,value", [
    ("旅游与文化体育局2020年行政许可的本年增/减量是多少？", 11),  # 「行政许可 15 11 0」
    ("旅游文体局2020年行政处罚增减量是多少", 0),
])
def test_the_printed_header_names_the_column(tourism: QA, question: str, value: int) -> None:
    a = tourism.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "本年增/减" in a.text


@pytest.fixture(scope="module")
def old_format(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(samples_dir, tmp_path_factory, ("10_pingtan_gzj_2019.txt", "11_pingtan_lwtj_2019.txt"))


def test_a_glued_cell_lists_its_readings(old_format: QA) -> None:
    qa = old_format
    a = qa.ask("平潭旅游与文化体育局2019年行政许可本年增/减量是多少")  # 「行政许可11315」
    assert a.status == "ambiguous" and a.value is None, a.text
    a = qa.ask("2019年平潭国资局行政处罚的增减量是多少？")  # an all-zero row
    assert (a.status, a.value) == ("answered", Decimal(0)), a.text


@pytest.fixture(scope="module")
def fees(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("122_pingtan_caizhengjinrongju_disclosure_2022.txt",))


@pytest.fixture(scope="module")
def fees_2024(tmp_path_factory: pytest.TempPathFactory) -> QA:
    reports = Path(__file__).resolve().parents[2] / "eval" / "probes" / "round7" / "reports"
    return qa_over(reports, tmp_path_factory, ("63_pingtan_caizhengjinrongju_disclosure_2024.txt",))


def test_a_tables_last_row_ends_where_the_prose_begins(fees: QA, fees_2024: QA) -> None:
    # 「行政事业性收费9116.36 (二)主动公开政府信息的主要类别2022年，在主动公开的123条…」: one cell, not
    # the numbers of the sentences between it and the next table
    a = fees.ask("财金局2022年行政事业性收费收了多少万元")
    assert (a.status, a.value, a.unit) == ("answered", Decimal("9116.36"), "万元"), a.text
    a = fees_2024.ask("财金局2024年行政事业性收费一共收了多少")
    assert (a.status, a.value) == ("answered", Decimal("18651.064104")), a.text
