"""Scoring rules: numbers compared as quantities, shares within 0.1 point, refusals, key phrases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eval.score import evidence_hit, normalize_text, parse_quantity, phrases_found, score, values_match


def answer(status: str = "answered", value: str | None = None, unit: str | None = None, text: str = "",
           citations: list[dict] | None = None) -> dict:
    return {"status": status, "answer": text, "result": None if value is None else {"value": value, "unit": unit},
            "citations": citations or []}


@pytest.mark.parametrize(
    ("expected", "value", "unit"),
    [
        ("2516", "2516", "条"),
        ("２５１６条", "2516", "条"),  # full-width digits
        ("156,211,123元", "156211123", "元"),  # thousands separators
        ("156211123元", "15621.11", "万元"),  # 万 scale, equal at the printed precision (±50 元)
        ("15621.11万元", "156211123", "元"),
        ("43.5万人", "435000", "人"),
        ("8862.02万元", "8862.02", "万元"),
        ("25.0%", "25", "%"),  # shares within 0.1 point
        ("31.3%", "31.25", "%"),
        ("85.7%", "85.71", None),  # a bare number for a share is still a share
        ("14", "14", "宗"),  # 宗 and 件 are both counts
        ("14", "14", "件"),
    ],
)
def test_equal_quantities(expected: str, value: str, unit: str | None) -> None:
    assert values_match(expected, value, unit)


@pytest.mark.parametrize(
    ("expected", "value", "unit"),
    [
        ("2516", "2517", "条"),
        ("156211123元", "15621.12", "万元"),  # off by 100 元: beyond what 15621.11万元 rounds away
        ("25.0%", "25.2", "%"),
        ("2932700元", "293.27", None),  # no unit given: 293.27 is not 2,932,700
        ("1360万", "1360", None),
    ],
)
def test_different_quantities(expected: str, value: str, unit: str | None) -> None:
    assert not values_match(expected, value, unit)


def test_scale_words_only_count_after_the_number() -> None:
    # 「万里街道」 must not make 5 into 50,000
    assert parse_quantity("5", "家") == parse_quantity("5家")
    assert parse_quantity("万里街道5家").value == Decimal(5)


def test_a_decrease_may_come_back_negative() -> None:
    assert values_match("1343", "-1343", "件", "2024年的行政处罚比2023年少了多少？")
    assert not values_match("1343", "-1343", "件", "2024年的行政处罚比2023年多了多少？")


def test_no_number() -> None:
    assert parse_quantity("没有") is None
    assert parse_quantity(None) is None


def test_numeric_question_scores_on_the_headline_number() -> None:
    item = {"type": "table_cell", "question": "企业申请了几宗？", "answer": "2宗", "value": "2"}
    assert score(item, answer(value="2", unit="宗")).correct
    wrong = score(item, answer(value="14", unit="宗"))
    assert not wrong.correct and wrong.confident_wrong
    refused = score(item, answer("refused"))
    assert not refused.correct and not refused.confident_wrong
    passage_only = score(item, answer(text="……企业申请2宗……"))
    assert not passage_only.correct and not passage_only.confident_wrong


def test_a_bare_value_takes_the_scale_its_answer_text_prints() -> None:
    item = {"type": "text_figure", "question": "收入预算总共是多少万元？",
            "answer": "18,976.76万元（全部为财政拨款收入）", "value": "18976.76"}
    assert score(item, answer(value="18976.76", unit="万元")).correct
    assert score(item, answer(value="189767600", unit="元")).correct
    assert score(item, answer(value="18976.76", unit="元")).confident_wrong  # 万元 are not 元
    in_yuan = {"type": "table_cell", "question": "基本支出是多少元？", "answer": "13,755,695元（合计16,091,895元）",
               "value": "13755695"}
    assert score(in_yuan, answer(value="1375.57", unit="万元")).correct
    assert score(in_yuan, answer(value="13755695", unit="万元")).confident_wrong
    # the same number printed bare inside the working first (「(1 + 360%)」): the scale is the one printed with it
    worked = {"type": "arithmetic", "question": "上一年大约是多少？", "answer": "4.60 ÷ (1 + 360%) = 1.00万元",
              "value": "1.00"}
    assert score(worked, answer(value="1", unit="万元")).correct
    assert score(worked, answer(value="1", unit="元")).confident_wrong


def test_ambiguous_is_not_confidently_wrong() -> None:
    item = {"type": "table_cell", "question": "q", "answer": "2", "value": "2"}
    s = score(item, answer("ambiguous", value="3"))
    assert not s.correct and not s.confident_wrong


def test_unanswerable_scores_only_when_refused() -> None:
    item = {"type": "unanswerable", "question": "厚街镇的GDP是多少？", "answer": "无"}
    assert score(item, answer("refused")).correct
    assert not score(item, answer("needs_clarification")).correct
    s = score(item, answer(value="2516", unit="条"))
    assert not s.correct and s.confident_wrong


def test_text_fact_needs_every_key_phrase() -> None:
    item = {"type": "text_fact", "question": "有哪些不足？", "answer": "错敏字|队伍建设"}
    assert score(item, answer(text="一是错敏字还是偶有出现；三是政务公开工作队伍建设有待加强。")).correct
    s = score(item, answer(text="一是错敏字还是偶有出现。"))
    assert not s.correct and "队伍建设" in s.reason


def test_comparison_checks_value_and_phrases() -> None:
    item = {"type": "comparison", "question": "淮安市和洪泽区谁收到的申请多？", "answer": "淮安", "value": "3119"}
    assert score(item, answer(value="3119", unit="件", text="淮安市人民政府2024年更多：3119件")).correct
    assert not score(item, answer(value="3119", unit="件", text="洪泽区更多")).correct
    trend = {"type": "comparison", "question": "怎么变化？", "answer": "23|70|154"}
    assert score(trend, answer(value="154", text="2019年 23件；2021年 70件；2025年 154件")).correct


def test_phrases_and_evidence_ignore_width_and_whitespace() -> None:
    assert normalize_text("（四）无法提供 \n 1.本机关") == "(四)无法提供1.本机关"
    assert phrases_found("三审三校", "严格执行“三审三校”制度") == []
    cites = [{"text": "三、本年度办理结果 / (四)无法提供 / 1.本机关不掌握相关政府信息 × 总计 = 4宗"}]
    assert evidence_hit(["（四）无法提供"], cites)
    assert not evidence_hit(["予以公开"], cites)
    assert not evidence_hit(["x"], [{"text": "y"}] * 5 + [{"text": "x"}])  # only the first five count


def test_a_figure_phrase_is_found_in_any_printing_of_the_quantity() -> None:
    text = "宜川路街道更多：431.39万元，生态环境局为207.69万元，多223.7万元（431.39 − 207.69 = 223.70）。"
    assert phrases_found("宜川路街道|223.70万元", text) == []
    assert phrases_found("宜川路街道|2237000元", text) == []  # the same amount in 元
    assert phrases_found("宜川路街道|223.8万元", text) == ["223.8万元"]
    grouped = "基本支出更多：基本支出 1351.67万元，项目支出 61.89万元。"
    assert phrases_found("基本支出|1,351.67万元", grouped) == []  # digit grouping is no part of the figure
    assert phrases_found("基本支出|1,351.68万元", grouped) == ["1,351.68万元"]


def test_evidence_ignores_digit_grouping() -> None:
    cites = [{"text": "社会保障和就业支出 × 基本支出 = 13755695元"}]
    assert evidence_hit(["13,755,695"], cites)
    assert not evidence_hit(["13,755,696"], cites)
    assert evidence_hit(["收入预算18976.76万元"], [{"text": "收入预算18,976.76万元，其中"}])


def _parts(*results: tuple[str, str | None] | None) -> list[dict]:
    return [{"question": f"part {i}", "status": "answered" if r else "refused",
             "result": {"value": r[0], "unit": r[1]} if r else None} for i, r in enumerate(results, 1)]


def test_a_question_of_several_parts_scores_on_any_parts_result() -> None:
    item = {"type": "arithmetic", "question": "一共多少条？其中A占百分之多少？", "answer": "22.58%", "value": "22.58"}
    both = {"status": "answered", "result": {"value": "31", "unit": "条"}, "answer": "（1）…（2）…",
            "parts": _parts(("31", "条"), ("22.6", "%"))}
    assert score(item, both).correct
    share_refused = {"status": "answered", "result": None, "answer": "（1）…（2）…",
                     "parts": _parts(("31", "条"), None)}
    s = score(item, share_refused)
    assert not s.correct and not s.confident_wrong  # a partial answer states no figure for the share
    wrong = {"status": "answered", "result": {"value": "31", "unit": "条"}, "answer": "（1）…（2）…",
             "parts": _parts(("31", "条"), ("40.1", "%"))}
    s = score(item, wrong)
    assert not s.correct and s.confident_wrong
