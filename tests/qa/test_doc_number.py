"""A report's own 文号, read where the report says it is its own (after 文号/发文字号, or beside its
title), never a document it cites in 《…》（…〔2017〕38号）; none found is said, not guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingested import qa_over

from qa.ask import QA
from qa.doc_number import own_numbers

REPORTS = ("116_pingtan_anquanshengchanjianduju_final_2019.txt", "136_pingtan_jianyanjiancezhongxin_final_2017.txt",
           "134_pingtan_senlinyuyuanlinguanliju_final_2016.txt", "144_pingtan_shehuishiyeju_disclosure_2019.txt")


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over(fixtures_dir, tmp_path_factory, REPORTS)


@pytest.mark.parametrize("question,number", [
    ("安全生产监督管理局2019年决算批复的文号是什么？", "岚执法应急〔2020〕200号"),
    ("安监局2019年度部门决算批复的发文字号是多少？", "岚执法应急〔2020〕200号"),
    ("检验检测中心2017年决算批复文号？", "岚市监综〔2018〕109号"),
])
def test_the_reports_own_number(reports: QA, question: str, number: str) -> None:
    a = reports.ask(question)
    assert a.status == "answered", a.text
    assert f"「{number}」" in a.text and a.citations and number in a.citations[0].text


@pytest.mark.parametrize("question", [
    "森林与园林管理局2016年决算说明的文号是什么？",  # it cites 闽财预〔2017〕38号 and 岚财金〔2017〕167号 only
    "社会事业局2019年政府信息公开年报的文号是多少？",
])
def test_a_cited_number_is_never_the_reports_own(reports: QA, question: str) -> None:
    a = reports.ask(question)
    assert a.status != "answered", a.text
    assert "〔2017〕" not in a.text


def test_numbers_inside_a_citation_are_skipped() -> None:
    text = "按照《关于批复2016年度部门决算的通知》（岚财金〔2017〕167号）要求。文号: 岚经发〔2021〕17号"
    assert [n for n, _ in own_numbers(text, None)] == ["岚经发〔2021〕17号"]
