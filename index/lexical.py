"""The BM25 tokenizer, shared by ingest (which stores each chunk's tokens) and retrieval.

jieba words (its dictionary extended with the template's row and column labels and their everyday
aliases, so 「法律服务机构」 stays one term) plus CJK character bigrams and single characters,
which recover words jieba cuts differently in a question and in a report (「门户网站」 / 「网站」);
IDF keeps the common characters from counting for much.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from index.template import load_templates, normalize, split_marker

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD_RUN_BREAK = re.compile(r"[^\u4e00-\u9fffA-Za-z\d]+")
_DIGITS = re.compile(r"\d+")
_FUNCTION_CHARS = set("的了是在和与及等对为也就都而")
_STOP = {
    "多少", "一共", "总共", "共有", "是否", "什么", "哪些", "哪个", "怎么", "怎样", "如何", "请问", "情况",
    "有没有", "没有", "是不是", "几个", "几件", "几条", "我们", "他们", "这个", "那个", "的话", "了吗",
}


@cache
def _template_terms() -> tuple[str, ...]:
    """Every label the templates print (row cores, column names, table titles) and their aliases."""
    terms: set[str] = set()
    for tpl in load_templates().values():
        for table in tpl.tables:
            terms.add(table.title)
            for row in table.rows:
                terms.add(split_marker(row.label)[1])
                terms.update(row.aliases)
                for col in row.columns:
                    terms.update(col.path)
                    terms.update(col.aliases)
    return tuple(sorted(t for t in terms if 2 <= len(t) <= 20 and t not in _STOP))


@cache
def _jieba() -> Any:
    """A private jieba tokenizer (not the global one) with the template's terms in its dictionary."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for term in _template_terms():
        tk.add_word(term, freq=20000)
    return tk


def tokens(text: str) -> list[str]:
    """jieba words (search mode), CJK character bigrams and single characters, NFKC, lowercased.

    Bigrams and characters recover words that jieba cuts differently in a question and in a
    report (「门户网站」 / 「网站」); IDF keeps the common characters from counting for much.
    """
    s = normalize(text).lower()
    words = [w for w in _jieba().cut_for_search(s) if (len(w) >= 2 or w.isdigit()) and not w.isspace()]
    runs = _CJK_RUN.findall(s)
    grams = [run[i:i + 2] for run in runs for i in range(len(run) - 1)]
    chars = [ch for run in runs for ch in run if ch not in _FUNCTION_CHARS]
    return [t for t in words + grams + chars if t not in _STOP]


def text_bigrams(text: str) -> set[str]:
    """Character bigrams within runs of words, digits skipped (「比2022年预算」 → 比年, 年预, 预算) and
    punctuation breaking the run: the words a report is about, which the store keeps for the whole
    corpus (index/store.py `grams`) so a question sharing none of them is known to be about
    something else without reading any report. The read path's question bigrams
    (qa/text_match.py) are these minus its stop words; a test keeps the two in step."""
    out: set[str] = set()
    for run in _WORD_RUN_BREAK.split(normalize(text)):
        s = _DIGITS.sub("", run)
        out |= {s[i:i + 2] for i in range(len(s) - 1)}
    return out
