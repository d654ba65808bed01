"""A change printed as its two ends (「由每人每月300元提高到462元」「由42分钟缩至19分钟」): a question
of how much it moved gets the second end less the first, both cited; never either end alone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.from_to import from_to_pairs

REPORTS = ("144_pingtan_shehuishiyeju_disclosure_2019.txt", "07_pingtan_zone_2019.txt")


@pytest.fixture(scope="module")
def reports(samples_dir: Path, fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, (REPORTS[0], f"../../samples/{REPORTS[1]}"))


@pytest.mark.parametrize("question,value,ends", [
    ("社会事业局2019年城乡居民养老保障待遇每人每月提高了多少元？", "23", ("150", "173")),
    ("区社会事业局2019年被征地农民的养老保障金每月上涨了多少？", "162", ("300", "462")),
    ("平潭社会事业局2019年高龄未参保职工老年生活保障金待遇每月提高了多少？", "90", ("570", "660")),
    ("平潭综合实验区2019年群众等候时间缩短了多少分钟？", "23", ("42", "19")),  # asked as a decrease
])
def test_the_change_is_the_second_end_less_the_first(reports: QA, question: str, value: str,
                                                     ends: tuple[str, str]) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert len(a.figures) == 2 and {str(f.fact.value) for f in a.figures} == set(ends)


def test_either_end_alone_is_still_a_level(reports: QA) -> None:
    a = reports.ask("社会事业局2019年被征地农民养老保障金提高到每人每月多少元？")
    assert a.status != "answered" or a.value in (Decimal(300), Decimal(462)), a.text


def test_pairs_are_read_only_from_a_from_and_a_to(reports: QA) -> None:
    rf = reports.kb.of(next(r for r in reports.kb.reports() if r.id.startswith("144_")))
    pairs = {(str(a.value), str(b.value)) for a, b in from_to_pairs(rf.facts)}
    assert {("150", "173"), ("300", "462"), ("570", "660")} <= pairs
    assert ("173", "300") not in pairs  # the end of one change and the start of the next


def test_a_cell_that_prints_its_own_scale_keeps_it(reports: QA) -> None:
    """The 第二十条 purchase amount is in 元 by the template; 「政府集中采购 2 45.82万元」 prints 万元."""
    a = reports.ask("社会事业局2019年政府集中采购的总金额是多少？")
    assert a.status == "answered", a.text
    assert (a.value, a.unit) == (Decimal("45.82"), "万元")
