"""Descriptive questions (「有哪些改进措施？」): the passages that answer them, condensed to their
most relevant sentences, each cited. Uses the hybrid retriever when the index is there, and the
stored chunks of the report otherwise.
"""

from __future__ import annotations

import re

from index.models import Chunk, Report
from index.store import SQLiteStore
from qa.answer import ANSWERED, REFUSED, Answer, Citation
from qa.compose import who
from qa.text_match import bigrams

_PARA = re.compile(r"\n\s*\n|\n(?=\s*[（(]?[一二三四五六七八九十]+[、)）])")
_SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def _fallback(question: str, store: SQLiteStore, report_ids: list[str], k: int) -> list[tuple[Chunk, float]]:
    q = bigrams(question)
    scored = []
    for rid in report_ids:
        for c in store.chunks(rid) or _paragraphs(rid, store.text(rid)):
            if c.kind != "text":
                continue
            scored.append((c, len(bigrams(c.section + c.text) & q) / (1 + len(c.text) / 400)))
    scored.sort(key=lambda x: -x[1])
    return scored[:k]


def _paragraphs(report_id: str, text: str) -> list[Chunk]:
    """Paragraph chunks straight from the stored text, for a store built without the text index."""
    paras = [p.strip() for p in _PARA.split(text) if len(p.strip()) > 30]
    return [Chunk(f"{report_id}:{i}", report_id, p, "", "text") for i, p in enumerate(paras)]


def _condense(question: str, text: str, keep: int = 3) -> str:
    sentences = [s.strip() for s in _SENT.findall(text) if len(s.strip()) > 4]
    if len(sentences) <= keep:
        return "".join(sentences)
    q = bigrams(question)
    ranked = sorted(range(len(sentences)), key=lambda i: (-len(bigrams(sentences[i]) & q), i))[:keep]
    return "".join(sentences[i] for i in sorted(ranked))


def describe(question: str, reports: list[Report], store: SQLiteStore, retriever=None, k: int = 3) -> Answer:
    ids = [r.id for r in reports]
    hits = retriever(question, k, ids) if retriever is not None else _fallback(question, store, ids, k)
    hits = [(c, s) for c, s in hits if c.kind == "text" or len(hits) <= 1] or hits
    if not hits:
        text = f"在{who(reports[0])}的报告中没有找到与这个问题相关的内容。"
        return Answer(question, REFUSED, text, reports=tuple(ids))
    by_id = {r.id: r for r in reports}
    lines, cites = [], []
    for i, (chunk, _) in enumerate(hits, 1):
        excerpt = _condense(question, chunk.text)
        section = chunk.section or "正文"
        lines.append(f"{i}. 【{section}】{excerpt}")
        cites.append(Citation(chunk.report_id, section, chunk.page, chunk.text))
    lead = f"{who(by_id.get(hits[0][0].report_id, reports[0]))}报告中的相关内容：\n"
    return Answer(question, ANSWERED, lead + "\n".join(lines), citations=tuple(cites), reports=tuple(ids))
