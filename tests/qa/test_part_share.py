"""A share asked in a later part with no whole of its own (「…一共多少？其中X占百分之多少？」) is X's
share of the first part's figure; a share that could not be one (a part larger than the whole,
another unit) stays refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("55_pingtan_zhongdianban_final_2017.txt", "83_pingtan_nongyenongcun_2022.txt",
           "81_pingtan_nongyenongcun_2021.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,whole,share", [
    ("农业农村局2022年主动公开了多少条政府信息？其中民政扶贫救灾社会保障就业类的占百分之多少？", "260", "25.4"),
    ("农业农村局2022年主动公开了多少条政府信息？其中其他类信息占比多少？", "260", "63.1"),
    ("重点办2017年的基本支出是多少？其中人员支出占了多大比例？", "182.78", "92.2"),
    ("2021年农业农村局一共主动公开多少条信息？这里面民政扶贫救灾社会保障就业类信息占多少比例？", "159", "17.6"),
])
def test_a_later_share_is_of_the_first_parts_figure(reports: QA, question: str, whole: str, share: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(whole)  # every part answered: the first part's figure leads
    assert [p.value for p in a.parts] == [Decimal(whole), Decimal(share)]
    assert "÷" in a.text


def test_a_part_larger_than_the_whole_is_no_share(reports: QA) -> None:
    a = reports.ask("重点办2017年的人员支出是多少？其中基本支出占了多大比例？")
    assert len(a.parts) == 2 and a.parts[1].status != "answered"
    assert a.value is None  # a partial answer has no headline figure
