"""Optional LLM phrasing of an answer we composed, behind a number guard.

The model only rewords: it sees the question, our answer and the cited facts. Any number in its
reply that is not in that evidence rejects the reply, and our own composition is returned
instead, so a model can never introduce a figure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from index.settings import Settings
from qa.answer import Answer

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SYSTEM = (
    "你是政府信息公开工作年度报告的问答助手。请把给出的答案改写得通顺、简洁，使用中文。"
    "只能使用答案和事实中已有的数字，不得计算、补充或改动任何数字；不要编造来源。"
)


def numbers_in(text: str) -> set[Decimal]:
    out = set()
    for m in _NUMBER.findall(text):
        try:
            out.add(Decimal(m.replace(",", "")).normalize())
        except InvalidOperation:
            continue
    return out


def evidence_numbers(answer: Answer) -> set[Decimal]:
    """Every number the reply may use: ours, the cited facts', the citations' and the question's."""
    texts = [answer.text, answer.question, *(c.text for c in answer.citations)]
    nums = set().union(*(numbers_in(t) for t in texts))
    for f in answer.figures:
        nums.add(f.fact.value.normalize())
        if f.report.year:
            nums.add(Decimal(f.report.year))
    if answer.value is not None:
        nums.add(answer.value.normalize())
    return nums


def guard(answer: Answer, reply: str) -> bool:
    """True when every number in the reply is one the evidence holds."""
    return bool(reply.strip()) and numbers_in(reply) <= evidence_numbers(answer)


class LLMPhraser:
    """Calls an OpenAI-compatible chat model through LangChain; falls back to our text on any doubt."""

    def __init__(self, model):
        self.model = model

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMPhraser:
        from langchain_openai import ChatOpenAI

        model = ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model or "default",
                           api_key=settings.llm_api_key or "none", timeout=20, max_retries=0, temperature=0)
        return cls(model)

    def __call__(self, answer: Answer) -> Answer:
        facts = "\n".join(f"- {c.text}" for c in answer.citations[:8])
        prompt = f"问题：{answer.question}\n答案：{answer.text}\n事实：\n{facts}\n请改写答案。"
        try:
            reply = self.model.invoke([("system", _SYSTEM), ("user", prompt)]).content
        except Exception as e:  # an LLM outage must not cost the user the answer we already have
            return replace(answer, warnings=(*answer.warnings, f"llm_unavailable: {type(e).__name__}"))
        text = reply if isinstance(reply, str) else str(reply)
        if not guard(answer, text):
            return replace(answer, warnings=(*answer.warnings, "llm_rejected: a number not in the evidence"))
        return replace(answer, text=text.strip())
