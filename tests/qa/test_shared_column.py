"""「本级、统计局、口岸服务中心在职人数加起来」: a column the last item ends with is said once for all
the items, so every addend is of that column; and a sum whose inputs mix 编制 and 在职 is refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

REPORTS = ("45_pingtan_jingfaju_final_2017.txt", "47_pingtan_jingfaju_budget_2018.txt",
           "55_pingtan_zhongdianban_final_2017.txt")


@pytest.fixture(scope="module")
def staffing(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,inputs", [
    # 在职 35 + 6 + 5 (编制 29 + 6 + 12 = 47)
    ("经发局2018年本级、统计局、口岸服务中心在职人数加起来多少？", 46, ("35", "6", "5")),
    # 编制 18 + 12 (在职 18 + 5 = 23)
    ("经济发展局2018年市场服务中心和口岸服务中心人员编制数一共多少？", 30, ("18", "12")),
    # 在职 44 + 18 (编制 26 + 18 = 44)
    ("经发局2017年本级和经济社会调查队在职人数合计多少？", 62, ("44", "18")),
])
def test_a_column_said_once_is_every_items(staffing: QA, question: str, value: int,
                                          inputs: tuple[str, ...]) -> None:
    a = staffing.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert [str(f.fact.value) for f in a.figures] == list(inputs)
    asked = "在职" if "在职" in question else "编制"
    assert all(asked in "".join(f.fact.column_path) for f in a.figures)


@pytest.mark.parametrize("question", [
    "经发局2017年本级和经济社会调查队一共在职多少人？",  # 在职 as a verb: no input may be a 编制 cell
    "重点办2017年本级在职人数和服务中心编制数加起来",
])
def test_no_mix_of_columns_passes_as_one_figure(staffing: QA, question: str) -> None:
    a = staffing.ask(question)
    if a.status == "answered":
        cols = {"在职" if "在职" in "".join(f.fact.column_path) else "编制" for f in a.figures}
        assert len(a.figures) == 2 and cols == {"在职", "编制"}, a.text
    else:
        assert a.value is None


@pytest.mark.parametrize("question,value", [
    ("经发局2018年本级的在职人数与编制数相差多少", 6),  # 35 − 29
    ("经发局2017年本级，在职人数比编制数多几个？", 18),  # 44 − 26
])
def test_two_columns_of_the_row_named_once(staffing: QA, question: str, value: int) -> None:
    a = staffing.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert len({f.fact.row_path for f in a.figures}) == 1 and len({f.fact.column_path for f in a.figures}) == 2
