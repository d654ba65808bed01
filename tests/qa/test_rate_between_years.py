"""「从2017年到2018年涨了百分之几」: a report that prints one item's figure for both years (「2017年预算
安排…34.20万元，2018年预算安排…62.80万元」, 「2026年度预算291.15万元，2025年度预算323.50万元」) gives
the rate of change, computed from the two printed figures and shown with them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA


@pytest.fixture(scope="module")
def budgets(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory,
                   ("105_pingtan_nongcunfazhanju_budget_2018.txt", "34_putuo_shiquan_unit_budget_2026.txt"))


@pytest.mark.parametrize("question,value,printed", [
    ("农村发展局车辆运行经费预算2017年到2018年上涨了百分之几", "83.63", ("62.8", "34.2")),
    ("农发局2018年车辆运行经费预算比2017年增长了百分之多少", "83.63", ("62.8", "34.2")),
    ("石泉路街道2026年住房公积金的预算比2025年度预算涨了百分之几？", "2.46", ("193.42", "188.78")),
    ("石泉路街道2026年其他公共安全支出的预算比2025年度预算下降了百分之几？", "-10.00", ("291.15", "323.5")),
])
def test_the_rate_between_two_printed_years(budgets: QA, question: str, value: str,
                                            printed: tuple[str, ...]) -> None:
    a = budgets.ask(question)
    assert a.status == "answered", a.text
    assert (a.value, a.unit) == (Decimal(value), "%")
    assert all(p in a.text for p in printed) and "÷" in a.text


def test_the_change_itself_is_still_an_amount(budgets: QA) -> None:
    a = budgets.ask("农发局车辆运行经费2018年比2017年多了多少")
    assert (a.status, a.value, a.unit) == ("answered", Decimal("28.60"), "万元"), a.text
