"""A printed name that holds a joiner, asked in the usual short form (「公车购置及运行费」 for
「公务用车购置及运行费」), is one item, not two; and an addend printed in another addend's own
「其中」 list is never added to it (it is already inside)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.figures import _one_inside_another
from qa.knowledge import Value

REPORTS = ("45_pingtan_jingfaju_final_2017.txt", "47_pingtan_jingfaju_budget_2018.txt",
           "55_pingtan_zhongdianban_final_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value,inputs", [
    ("重点办2017年三公经费里，公车购置及运行费和公务接待费哪个多？多多少？", "0.80", ("1.79", "0.99")),
    ("经发局2017年公车购置及运行费和公务接待费一共花了多少？", "23.64", ("8.10", "15.54")),
])
def test_a_joined_name_in_short_is_one_item(reports: QA, question: str, value: str,
                                           inputs: tuple[str, ...]) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert sorted(str(f.fact.value) for f in a.figures) == sorted(inputs)


def test_an_item_of_another_addends_list_is_not_added_to_it(reports: QA) -> None:
    # 「（三）公务用车购置及运行费 2018年预算安排7.6万元，其中：公车运行费7.6万元，公车购置费0元」
    report = next(r for r in reports.kb.reports() if r.year == 2018)
    rf = reports.kb.of(report)
    whole = next(f for f in rf.facts if f.table == "prose" and f.value == Decimal("7.6")
                 and "公务用车购置及运行费" in " ".join(f.row_path))
    part = next(f for f in rf.facts if f.table == "prose" and f.row_path[-1].endswith("公车运行费"))
    vals = [Value(f.value, f.unit, (f,), f.row_path[-1]) for f in (whole, part)]
    got = _one_inside_another(rf, vals)
    assert got is not None and got[0].inputs[0] is part and got[1].inputs[0] is whole
    a = reports.ask("经发局2018年三公经费预算中，公车购置及运行费和公务接待费加起来多少")
    assert a.value in (None, Decimal("17.6")), a.text  # never 7.6 + 7.6 + 10
