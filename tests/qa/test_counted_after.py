"""A count printed before the thing it counts (「选认47名区级科技特派员、21名省级个人科技特派员」
「管理16个下属事业单位」): the noun after the measure word is the number's own name, and the item
printed before it in a list is another count's, never its subject."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.prose_facts import prose_facts
from qa.ask import QA

REPORTS = ("144_pingtan_shehuishiyeju_disclosure_2019.txt", "105_pingtan_nongcunfazhanju_budget_2018.txt",
           "135_pingtan_zhongdianban_budget_2018.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,value", [
    ("社会事业局2019年选认了多少名区级科技特派员？", "47"),
    ("社会事业局2019年区级科技特派员选认了几名？", "47"),
    ("社会事业局2019年选认的省级科技特派员有几名？", "21"),
    ("农村发展局2018年管理几个下属事业单位？", "16"),
    ("区农村发展局2018年内设多少个行政处室？", "8"),
    ("重点办2018年包括几个机关行政处室？", "4"),
])
def test_the_noun_after_a_count_names_it(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_the_counts_of_a_list_add_up(reports: QA) -> None:
    a = reports.ask("社会事业局2019年选认区级和省级科技特派员共多少名？")
    assert a.status == "answered" and a.value == Decimal(68), a.text


@pytest.mark.parametrize("sentence,labels", [
    ("选认47名区级科技特派员、21名省级个人科技特派员，引导科技人员到基层。",
     ["选认 区级科技特派员", "选认 省级个人科技特派员"]),
    # a count that names nothing after it keeps the words before it
    ("共有车辆15辆，其中：一般公务用车15辆。", ["共有车辆", "一般公务用车"]),
    ("主动公开政府信息117条，依申请公开274条。", ["主动公开政府信息", "依申请公开"]),
])
def test_labels_of_counts(sentence: str, labels: list[str]) -> None:
    assert [f.row_path[-1] for f in prose_facts("r", sentence)] == labels
