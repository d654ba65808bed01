"""Which span of time and which sense of a word a figure is of: a running total beside the year's
own, the year's end beside its start, one quarter of four, a rate of change beside a share, and
公开 as what became of an application beside 公开 in the name of the applications counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA

FIXTURES = ("52_pingtan_gongan_2018.txt", "53_pingtan_ziranziyuan_2024.txt", "55_pingtan_zhongdianban_final_2017.txt")


@pytest.fixture(scope="module")
def spans(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, FIXTURES)


@pytest.mark.parametrize("question,value", [
    # 「…累计主动公开政府信息1568条，…其中2018年度我局共主动公开政府信息181条」
    ("平潭公安局2018年当年主动公开的政府信息有多少条？", "181"),
    ("平潭公安2018年在公众服务网站上累计公开了多少条信息？", "1568"),
    # 「年初结转和结余0.00万元，…年末结转结余10.21万元」: 年底 is 年末
    ("区重点办2017年年底的结转结余是多少？", "10.21"),
    ("重点办2017年第三季度开工了几个项目？", "15"),
    ("自然资源与生态环境局2024年全部公开的申请有多少件？", "23"),  # (一)予以公开
    ("自然资源与生态环境局2024年行政复议没结案的有几件？", "1"),  # 尚未审结
    ("重点办2017年四个季度一共开工了几个项目？", "47"),  # the four quarters together: 11 + 15 + 15 + 6
])
def test_the_span_and_sense_asked(spans, question, value):
    a = spans.ask(question)
    assert a.status == "answered" and str(a.value) == value, a.text


@pytest.mark.parametrize("question,never", [
    ("重点办2017年全年集中开工了多少个项目？", {"11", "15", "6"}),  # four quarters printed, no year's total
    ("重点办2017年行政运行支出占全部支出的比例是多少？", {"283.91"}),  # 「增长283.91%」 is a change, no share
    ("自然资源与生态环境局2024年给予公开的有几件？", {"69"}),  # never all applications received
])
def test_a_figure_of_another_span_or_sense_is_never_given(spans, question, never):
    a = spans.ask(question)
    assert a.status != "answered" or str(a.value) not in never, a.text
