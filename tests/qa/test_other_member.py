"""Two items of a difference told apart only by the word that differs (「年末结转和结余比年初多多少」):
the second is the first item with the other member of that contrast (年初结转和结余); and a word a
figure's own label prints (年初 of 年初结转和结余) is that figure's, not the everyday 年初 (年初预算)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("45_pingtan_jingfaju_final_2017.txt", "134_pingtan_senlinyuyuanlinguanliju_final_2016.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,inputs", [
    ("经发局2017年年末结转和结余比年初多多少？", "80.19", ("129.44", "49.25")),
    ("经发局2017年的年初结转和结余比年末少了多少万元？", "80.19", ("49.25", "129.44")),
    ("森林与园林管理局2016年年初结转和结余比年末少多少？", "13.69", ("5714.90", "5728.59")),
    ("森林与园林管理局2016年的年末结转和结余，比年初增加了多少？", "13.69", ("5728.59", "5714.90")),
])
def test_the_second_item_is_the_first_with_the_other_member(reports: QA, question: str, value: str,
                                                             inputs: tuple[str, str]) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert sorted(str(f.fact.value) for f in a.figures) == sorted(inputs)
