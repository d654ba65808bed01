"""「微博、微信分别发布平潭旅游信息495条和632条」: the names before 分别 go with its numbers in order,
each number labelled with its own name; where names and numbers are not as many, no number is
stored with a label that could name the wrong one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from ingested import qa_over

from index.prose_facts import prose_facts
from qa.ask import QA


@pytest.mark.parametrize("sentence,expected", [
    ("微博、微信分别发布平潭旅游信息495条和632条；",
     [("微博发布平潭旅游信息", "495"), ("微信发布平潭旅游信息", "632")]),
    ("公务接待费和公务用车运行费分别为10.5万元、20万元，分别比上年减少1万元、2万元。",
     [("公务接待费", "10.5"), ("公务用车运行费", "20"), ("公务接待费比上年减少", "1"),
      ("公务用车运行费比上年减少", "2")]),
    ("全年召开新闻发布会、政策吹风会、媒体见面会分别是2场、1场、9场。",
     [("全年召开新闻发布会", "2"), ("政策吹风会", "1"), ("媒体见面会", "9")]),
    ("微博、微信、抖音分别发布信息10条和20条。", []),  # three names, two numbers: none is stored
])
def test_names_and_numbers_paired(sentence: str, expected: list[tuple[str, str]]) -> None:
    got = [(f.row_path[-1], str(f.value)) for f in prose_facts("r", sentence)]
    assert got == [(label, str(Decimal(v))) for label, v in expected]


@pytest.fixture(scope="module")
def tourism(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, ("101_pingtan_lvyouwentiju_disclosure_2020.txt",))


@pytest.mark.parametrize("question,value", [
    ("2020年旅游文体局微信发布了多少条平潭旅游信息？", 632),
    ("旅游文体局2020年通过微博发了几条旅游信息？", 495),
    ("旅游文体局2020年微博和微信合计发布旅游信息多少条", 1127),
    ("旅游文体局2020年微信比微博多发了多少条旅游信息", 137),
])
def test_each_name_answers_with_its_own_number(tourism: QA, question: str, value: int) -> None:
    a = tourism.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
