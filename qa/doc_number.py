"""「这份报告的文号是什么？」: a report's own document number (岚市监综〔2018〕109号), read where the
report says it is its own (after 文号/发文字号, or beside the report's title) and never one of the
documents it cites (「…的通知》（国办公开办函〔2021〕30号）」)."""

from __future__ import annotations

import re

from index.models import Report
from qa.answer import ANSWERED, REFUSED, Answer, Citation
from qa.compose import who

ASKS_DOC_NUMBER = re.compile(r"文号|发文字号|发文号")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［]\s*(?:19|20)\d\d\s*[〕\]］]\s*\d{1,5}\s*号")
_LABELLED = re.compile(r"(?:发文字号|文号)\s*[:：]?\s*$")
_CITED = re.compile(r"[》>〉]\s*[（(]?\s*$|[（(]\s*$")
_NEAR = 60  # characters between the report's title and its number, either way


def own_numbers(text: str, title: str | None) -> list[tuple[str, int]]:
    """(number, offset) of each document number the report prints as its own."""
    out = []
    marks = [m.start() for m in re.finditer(re.escape(title), text)] if title else []
    for m in _DOC_NUMBER.finditer(text):
        before = text[max(0, m.start() - 10):m.start()]
        if _CITED.search(before):
            continue
        near_title = any(-_NEAR <= m.start() - t <= len(title or "") + _NEAR for t in marks)
        if _LABELLED.search(before) or near_title:
            out.append((re.sub(r"\s+", "", m.group()), m.start()))
    return out


def doc_number_answer(q: str, report: Report, text: str) -> Answer:
    found = own_numbers(text, report.title)
    numbers = list(dict.fromkeys(n for n, _ in found))
    if len(numbers) != 1:
        said = "、".join(numbers)
        why = f"报告里印有几个文号（{said}），分不清哪个是它自己的" if numbers else "报告里没有写明它自己的文号"
        return Answer(q, REFUSED, f"{who(report)}的报告：{why}。", reports=(report.id,))
    at = found[0][1]
    snippet = text[max(0, at - 40):at + len(found[0][0]) + 20].strip()
    cite = Citation(report.id, "正文", None, snippet)
    return Answer(q, ANSWERED, f"{who(report)}报告的文号是「{numbers[0]}」（原文：「{snippet}」）。",
                  citations=(cite,), reports=(report.id,))
