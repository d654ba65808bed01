"""Short forms, counts of people, and a rest said as 「…以后的部分」.

- A department ending in 部 has short forms like any 局 (台湾工作部 → 台工部), and a question may say
  both its full name and a short form.
- 「有几个编制」: the 个 of 编制 counts people, as 「编制几个」 does.
- 「扣掉X以后的部分」 asks the whole less X, like 「扣掉X，剩下的」."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.scope import names_used

REPORTS = ("151_pingtan_taiwangongzuobu_budget_2017.txt", "151_pingtan_weishengjihuashengyuju_final_2017.txt",
           "45_pingtan_jingfaju_final_2017.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


def test_a_full_name_and_a_short_form_in_one_question() -> None:
    names = names_used("台湾工作部2017年预算里，台工部本级在职多少人？", "平潭综合实验区台湾工作部")
    assert {"台湾工作部", "台工部"} <= names


@pytest.mark.parametrize("question,value", [
    ("2017年台工部下属台外侨交流服务中心有几个编制？", "12"),
    ("台湾工作部2017年，台外侨交流服务中心在职人员有几个？", "7"),
    ("台工部2017年本级在职人数是多少？", "19"),
    ("平潭台湾工作部2017年县归国华侨联合会核定编制几个？", "3"),
    # a unit's name shortened without the place it shares with the agency
    ("卫计局2017年，下属区疾控中心的编制有多少个？", "26"),
    ("卫计局2017年疾控中心在职多少人？", "26"),
    ("台工部2017年台外侨中心在职人数是多少？", "7"),
])
def test_short_forms_and_headcounts(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize("question,value", [
    ("卫计局2017年财政拨款收入，刨去政府性基金后的部分是多少？", "35666.16"),
    ("卫计局2017年财政拨款收入去掉政府性基金的部分有多少？", "35666.16"),
    ("经发局2017年财政拨款收入扣除政府性基金以后的部分是多少？", "8899.04"),
])
def test_the_rest_said_as_a_part(reports: QA, question: str, value: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value) and "−" in a.text
