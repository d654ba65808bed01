"""A long department name asked by a short one made of its own words, in order, after the generic
qualifier it opens with and its joiners are dropped (执法应急局 for 综合执法与应急管理局); comparisons
across reports show the name the question used beside the full one; everyday verbs between 多 and the
amount (多办了, 多发了) ask a difference."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.scope import abbreviation_in

LAW = "平潭综合实验区综合执法与应急管理局"


@pytest.mark.parametrize("question,agency,short", [
    ("2023年区执法应急局行政许可多少件", LAW, "执法应急局"),
    ("执法应急管理局去年办了几件", LAW, "执法应急管理局"),
    ("应急局2023年收到几件申请", LAW, None),  # one word from the middle names another department
    ("执法局收到几件申请", "平潭综合实验区城市管理行政执法局", None),
    ("旅游文体局发了多少条", "平潭综合实验区旅游与文化体育局", "旅游文体局"),
])
def test_short_forms_of_a_long_name(question: str, agency: str, short: str | None) -> None:
    assert abbreviation_in(question, agency) == short


@pytest.fixture(scope="module")
def two(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("102_pingtan_zhifayingjiju_disclosure_2023.txt",
                                                     "103_pingtan_gonganju_disclosure_2022.txt"))


@pytest.mark.parametrize("question,value", [
    ("2023年区执法应急局行政许可和行政处罚的处理决定一共多少件？", 752),  # 112 + 640
    ("执法应急局2023年行政处罚比行政许可多办了多少件？", 528),
    ("2023年执法应急局一共作出多少件行政处罚决定", 640),
])
def test_a_short_name_leaves_the_items_whole(two: QA, question: str, value: int) -> None:
    a = two.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question", [
    "2023年执法应急局、2022年平潭公安局，行政处罚处理决定谁多？",
    "执法应急局2023年和平潭公安局2022年的行政处罚决定数，哪个少？少多少？",
])
def test_a_comparison_shows_the_name_asked(two: QA, question: str) -> None:
    a = two.ask(question)
    assert a.status == "answered", a.text
    assert "（执法应急局）" in a.text and "640" in a.text and "157" in a.text
