"""Descriptive questions (「有哪些改进措施？」): the passages that answer them, condensed to their
most relevant sentences, each cited. Uses the hybrid retriever when the index is there, and the
stored chunks of the report otherwise.
"""

from __future__ import annotations

import re
from decimal import Decimal

from index.models import Chunk, Report
from index.store import FactStore
from qa.answer import ANSWERED, REFUSED, Answer, Citation
from qa.compose import who
from qa.text_match import bigrams
from qa.verify import question_text
from qa.vocab import vocabulary

_QUOTED_REACH = 400  # passages of the reports searched for a figure the question quotes
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[（(]?[一二三四五六七八九十]+[、)）])")
_SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def _fallback(question: str, store: FactStore, report_ids: list[str], k: int) -> list[tuple[Chunk, float]]:
    q = bigrams(question)
    scored = []
    for rid in report_ids:
        for c in store.chunks(rid) or _paragraphs(rid, store.text(rid)):
            if c.kind != "text":
                continue
            scored.append((c, _shared(q, c.section + c.text, c.text)))
    scored.sort(key=lambda x: -x[1])
    return scored[:k]


def _shared(q: set[str], words: str, text: str) -> float:
    """The question's bigrams a passage's words hold, for the length of its text (a long passage shares
    more by its length alone)."""
    return len(bigrams(words) & q) / (1 + len(text) / 400)


# the disclosure template's section on its problems and how they are to be improved (五、存在的主要问题及改进情况):
# a question about either is answered there, whatever words the rest of the report shares with it
_ASKS_PROBLEMS = re.compile(r"不足|问题|短板|差距|薄弱|欠缺|承认|改进|整改|下一步|打算|今后|明年|措施")
_PROBLEMS_SECTION = re.compile(r"存在的主要问题|问题及改进|改进情况|改进措施|不足")
_SECTION_HITS = 2
_NEXT_HEADING = re.compile(r"[一二三四五六七八九十]\s*[、.．]\s*(?:其他需要报告|其他需要说明)")
_HEADING_WORDS = re.compile(r"[一二三四五六七八九十]\s*[、.．]\s*[\u4e00-\u9fff]+")
_PROBLEMS_HEADING = re.compile(r"[一二三四五六七八九十]\s*[、.．]\s*(?:存在的主要问题|主要问题及改进|存在的问题)")


def _template_section(words: str, store: FactStore, report_ids: list[str]) -> list[tuple[Chunk, float]]:
    """The chunks of the section on problems and improvements, best matching first, when the question
    asks about either; [] otherwise."""
    if not _ASKS_PROBLEMS.search(words) or len(report_ids) != 1:
        return []
    q = bigrams(words)
    rid = report_ids[0]
    chunks = [c for c in store.chunks(rid) if c.kind == "text" and _PROBLEMS_SECTION.search(c.section or "")]
    if not chunks:  # a store without sections: the text from the section's own heading to the next one
        text = store.text(rid) or ""
        if head := _PROBLEMS_HEADING.search(text):
            end = _NEXT_HEADING.search(text, head.end())
            body = text[head.start():end.start() if end else len(text)]
            title = _HEADING_WORDS.match(body)
            chunks = [Chunk(f"{rid}:problems", rid, body, title.group() if title else "", "text")]
    scored = sorted(((c, _shared(q, c.text, c.text)) for c in chunks), key=lambda x: -x[1])
    return scored[:_SECTION_HITS]


# 「那3个专项分别是什么」「5个试点区具体是哪几个」: the items of a set the question counts
_ITEMS_OF_A_COUNT = re.compile(r"(?P<n>\d{1,3}|[两二三四五六七八九十]{1,3})(?:个|项|类|家)"
                               r"(?P<what>[\u4e00-\u9fff]{2,10}?)(?:分别|具体|各自)?都?"
                               r"(?:是什么|是哪几个|是哪些|有哪些|是哪几项|是哪几类|指什么)")
# what may follow a count to list its items: a colon, 分别/包括/即, a numbered item, or a run of 、
_LISTS_ITEMS = re.compile(r"[：:]|分别|包括|即|如下|一是|[（(][一1][)）]|(?<![\d.])1[.．、]|①")
_LIST_REACH = 150  # characters after the count where its items would be listed


def _count_without_its_items(question: str, text: str) -> str:
    """The sentence saying how many of a thing there are (「共设置绩效目标3个」) when the question asks which
    they are and the report never lists them after any sentence that counts them; "" otherwise."""
    m = _ITEMS_OF_A_COUNT.search(question_text(question))
    if not m or not text:
        return ""
    n, what = m.group("n"), m.group("what")
    counted = rf"{re.escape(what)}[^。；;，,]{{0,6}}?{n}(?:个|项|类|家)|{n}(?:个|项|类|家){re.escape(what)}"
    said = list(re.finditer(counted, text))
    if not said:
        return ""
    for s in said:
        sentence = re.split(r"[。；;]", text[s.end():s.end() + _LIST_REACH])[0]  # its items follow in its sentence
        if _LISTS_ITEMS.search(sentence) or sentence.count("、") >= 2:
            return ""
    start = max(text.rfind("。", 0, said[0].start()), text.rfind("）", 0, said[0].start())) + 1
    return text[start:said[0].end()].strip()


def _paragraphs(report_id: str, text: str) -> list[Chunk]:
    """Paragraph chunks straight from the stored text, for a store built without the text index."""
    paras = [p.strip() for p in _PARA.split(text) if len(p.strip()) > 30]
    return [Chunk(f"{report_id}:{i}", report_id, p, "", "text") for i, p in enumerate(paras)]


_ITEM = re.compile(r"^\s*(\d{1,2}\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                   r"|[一二三四五六七八九十]{1,3}是)")
_LEAD_IN = re.compile(r"(包括|如下|有|为|是)[：:]\s*$|[：:]\s*$")
MAX_ITEMS = 8
_HAN = re.compile(r"[\u4e00-\u9fff]")
_QUESTION_WORDS = re.compile(r"哪些|什么|怎么|如何|怎样|为什么|为啥|是否|有没有|原因|主要|情况|吗|呢|的|了|是")
_PURPOSE = re.compile(r"\s*(?:主要)?用于")
_REASON = re.compile(r"\s*(?:主要原因|原因是|主要是|这是因为|是因为|系)")


_QUOTED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:万元|亿元|元|条|件|人|个|项|辆|家|%|％)")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def quoted_amounts(question: str) -> set[Decimal]:
    """The figures a question quotes from the report (「那180万元是给谁的」): the passage printing one of them
    is the one it asks about."""
    return {Decimal(m.group(1)) for m in _QUOTED.finditer(question)}


def _prints(text: str, amounts: set[Decimal]) -> bool:
    """Whether a passage prints one of the amounts (「1,180.00万元」 prints 1180)."""
    return bool(amounts) and any(Decimal(n) in amounts for n in _NUMBER.findall(text.replace(",", "")))


def _condense(question: str, text: str, keep: int = 3) -> str:
    """The sentences that share most words with the question, in their order (and one printing a figure the
    question quotes, if none of them does); a kept sentence that opens a list (「具体包括：」) keeps the list's
    items too, since they are what it announces."""
    sentences = [s.strip() for s in _SENT.findall(text) if len(s.strip()) > 4]
    if len(sentences) <= keep:
        return "".join(sentences)
    q = bigrams(question)
    quoted = quoted_amounts(question)
    ranked = set(sorted(range(len(sentences)), key=lambda i: (-len(bigrams(sentences[i]) & q), i))[:keep])
    printing = {i for i in range(len(sentences)) if _prints(sentences[i], quoted)}
    if printing and not ranked & printing:
        # the sentence of the figure quoted, beside those that share the most words
        ranked.add(min(printing, key=lambda i: (-len(bigrams(sentences[i]) & q), i)))
    for i in sorted(ranked):
        if i + 1 < len(sentences) and (_REASON.match(sentences[i + 1])
                                       or (_PURPOSE.match(sentences[i + 1]) and i in printing)):
            # 「…增加76万元。主要原因是新增…。」: a change's reason is the sentence after it, and so is what a
            # quoted figure is for (「…180万元。主要用于村级组织运转补助。」)
            ranked.add(i + 1)
        if _LEAD_IN.search(sentences[i]) or _ITEM.match(sentences[i]):
            j = i + 1
            while j < len(sentences) and _ITEM.match(sentences[j]) and j - i <= MAX_ITEMS:
                ranked.add(j)
                j += 1
    return "".join(sentences[i] for i in sorted(ranked))


def _with_continuation(chunk: Chunk, store: FactStore) -> Chunk:
    """A passage that stops inside a list (「具体包括：1.…（本部）。」) continues into the next chunk of
    the same section: the list's remaining items are appended, nothing else."""
    sentences = [s.strip() for s in _SENT.findall(chunk.text) if s.strip()]
    if not sentences or not (_LEAD_IN.search(sentences[-1]) or _ITEM.match(sentences[-1])):
        return chunk
    siblings = [c for c in store.chunks(chunk.report_id) if c.kind == "text" and c.section == chunk.section]
    at = next((i for i, c in enumerate(siblings) if c.id == chunk.id), None)
    if at is None or at + 1 >= len(siblings):
        return chunk
    items = []
    for s in (x.strip() for x in _SENT.findall(siblings[at + 1].text)):
        if not _ITEM.match(s) or len(items) >= MAX_ITEMS:
            break
        items.append(s)
    if not items:
        return chunk
    return Chunk(chunk.id, chunk.report_id, chunk.text + "".join(items), chunk.section, chunk.kind, chunk.page,
                 chunk.meta)


def unheld_particulars(question: str, report_text: str) -> list[str]:
    """The particulars of one request or case the question asks about (how it came, what a court
    ruled: the vocabulary's `particulars`) that the report never says, in the word asked or in a
    word printed for it. Passages about the year's requests in general would be stated in their
    place, as if they answered; the answer is that the report does not say."""
    v = vocabulary()
    q = question_text(question)
    out: list[str] = []
    for word in v.particulars:
        if word not in q or any(word in said for said in out):
            continue
        printed = v.synonyms.get(word, ())
        if word not in report_text and not any(p in report_text for p in printed):
            out.append(word)
    return out


def describe(question: str, reports: list[Report], store: FactStore, retriever=None, k: int = 3,
             asked: str | None = None) -> Answer:
    """`asked`: the question without the agency's names and years, which the scope has already
    used; ranked by those, a crawled page's header (its title, publisher) would beat the answer."""
    ids = [r.id for r in reports]
    if len(ids) == 1 and (unlisted := _count_without_its_items(question, store.text(ids[0]) or "")):
        # 「那3个目标具体是哪些」 of a report that only says 「共设置绩效目标3个」: the items are not there
        text = f"{who(reports[0])}报告只写了「{unlisted}」，没有列出具体是哪些，无法回答。"
        return Answer(question, REFUSED, text, reports=tuple(ids))
    # 「这个中心是干什么的」 asks about the name itself: without it nothing would be left to rank by
    words = asked if asked and len(_HAN.findall(_QUESTION_WORDS.sub("", asked))) >= 4 else question
    hits = retriever(question, k, ids) if retriever is not None else _fallback(words, store, ids, k)
    hits = [(c, s) for c, s in hits if c.kind == "text" or len(hits) <= 1] or hits
    if own := _template_section(words, store, ids):
        # 「还有哪些不足」「下一步打算怎么改进」: the template's own section on problems and improvements
        seen = {c.id for c, _ in own}
        hits = (own + [(c, s) for c, s in hits if c.id not in seen])[:k]
    if quoted := quoted_amounts(question):
        # 「那900万元主要用来建什么」: the passages that print the figure quoted, ranked by the words, lead
        printing = [(c, s) for c, s in _fallback(words, store, ids, _QUOTED_REACH) if _prints(c.text, quoted)]
        seen = {c.id for c, _ in printing}
        hits = (printing + [(c, s) for c, s in hits if c.id not in seen])[:k]
    if not hits:
        text = f"在{who(reports[0])}的报告中没有找到与这个问题相关的内容。"
        return Answer(question, REFUSED, text, reports=tuple(ids))
    by_id = {r.id: r for r in reports}
    lines, cites = [], []
    for i, (chunk, _) in enumerate(hits, 1):
        chunk = _with_continuation(chunk, store)
        excerpt = _condense(words, chunk.text)
        section = chunk.section or "正文"
        lines.append(f"{i}. 【{section}】{excerpt}")
        cites.append(Citation(chunk.report_id, section, chunk.page, chunk.text))
    owner = who(by_id.get(hits[0][0].report_id, reports[0]))
    unheld = unheld_particulars(question, "|".join(store.text(i) or "" for i in {c.report_id for c, _ in hits}))
    if unheld:
        said = "、".join(f"「{w}」" for w in unheld)
        text = (f"{owner}的报告中没有写到{said}，无法回答这个问题。与问题最接近的内容如下，供参考：\n"
                + "\n".join(lines))
        return Answer(question, REFUSED, text, citations=tuple(cites), reports=tuple(ids))
    lead = f"{owner}报告中的相关内容：\n"
    return Answer(question, ANSWERED, lead + "\n".join(lines), citations=tuple(cites), reports=tuple(ids))
