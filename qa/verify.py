"""The one place that decides whether a chosen figure may be stated: answer, or refuse and say why.

Whatever path picked the figures (a template cell, a budget cell, a prose number, arithmetic over
several), the question's words must all be accounted for before a number goes out:

* **coverage** — every content word of the question is explained by the figures' own labels (row
  and column paths, table title, the words around a prose number, the template's aliases for the
  cell), by the agencies and years in scope, or by the vocabulary's neutral words (asking,
  receiving, handling, the operation). A word left over — 「代理」 in 「律师代理的申请」, 「热线」
  in 「12345热线经费」 — means the figure is about something else, so the answer is refused and
  the word is named. A negation (不/未/没有) is never neutral: it must be in a label.
* **quantity** — the kind of number asked (money, a percentage, a count of 辆/人/件 …) must be the
  kind the figure is: 「罚款金额」 is not answered by a number of 件.

It works on words, not on which rule produced the figure, so it holds for wordings and reports
nobody tuned it on; a figure it lets through has a label that says what the question says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from index.models import Fact
from index.prose_facts import DAY_UNITS, NUMBERED_ITEM
from index.template import load_templates, normalize, split_marker
from qa.answer import AMBIGUOUS, ANSWERED, REFUSED, Answer, Figure
from qa.average import amount_question, asks_average, asks_per_month, asks_span_average, span_question
from qa.before_year import TAKE_AWAY, asks_before_year, checked_question
from qa.cells import INFO_COUNTED
from qa.compose import who
from qa.intent import CN_NUMBERS, WHICH_MORE
from qa.scope import SOURCE_SAID, WORKED_FROM, agency_aliases, years_in
from qa.sections import dated_otherwise, section_of
from qa.text_match import (
    DIRECTION_ONLY,
    HEADCOUNT_UNITS,
    PURPOSE_MARK,
    SELF_ASKED,
    bigrams,
    counts_as_labelled,
    name_mentions,
    number_at,
)
from qa.vocab import (
    ANNOUNCES_A_LIST,
    Vocabulary,
    abbreviates,
    members,
    money_named_not_asked,
    part_of_asked,
    quantity_asked,
    unit_answers,
    vocabulary,
    with_kind,
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉【】]")
_MIN_TERM = 2
_SPACE = re.compile(r"\s+")
_DATE = re.compile(r"(?:比|较|与)\s*(?:19|20)\d\d\s*年度?"
                   r"|\d+\s*(?:年度|年|月份|月[底末初]?|日|号|季度)|近[两二三四五六七八九十\d]年"
                   # 「比上一年少了几件」: the year compared with is scope, not content (上年结转 is a row)
                   r"|(?:比|较|与)(?:上一?年度?|去年|前年)|(?:去年|今年|前年)(?!结转|新收|制发|处理|收费)"
                   r"|[一二两三四五六七八九十]+个?(?:季度|月|年|项|类)")
_COMPARED_WITH = re.compile(r"(?:比|较|与)(?:上一?年度?|去年|前年)")
_YES_NO = re.compile(r"有没有|是不是|是否|有无")
# 「批复下来以后要在几天内…」: the words of a time limit say how it runs (from when, within), which a span
# of days answers as such; what is to be done in it is content still
_DAYS_ASKED = re.compile(r"(?:多少|几)(?:个工作日|天|日)")
_HOW_LONG = re.compile(r"多久|多长时间|时限|期限|几个?工作日|多少个?工作日")
_SPAN_TALK = re.compile(r"(?:下达|批下来|下来|印发|发出|收到|到了?)?(?:以后|之后|后)|(?:以|之)?内|自|起"
                        r"|要|需要|须|必须|应当?|一般(?=要|需|在|都)")
HOW_ASIDE = re.compile(rf"[（(][^（）()]*(?:倒推|推算|反推|往回算|算出|减去?|{TAKE_AWAY}"
                       r"|加上|除以|相加|相减)[^（）()]*[）)]"
                       # 「按实际条数算，…占…百分之几」: the printed counts, not a rounded share, are the inputs
                       r"|^按实际[\u4e00-\u9fff]{0,4}?(?:计)?算[，,]\s*"
                       # 「照这份决算推算，」「根据该报告计算，」: the report asked of itself, said as where to read it
                       r"|(?:^|(?<=[，,]))(?:根据|按照?|依据|照着?|从|用)(?:这份|这个|这|该|本|此)?(?:份|个)?(?:部门)?"
                       r"(?:预算|决算|报告|说明|年报|材料|文件|数据)[\u4e00-\u9fff]{0,4}?"
                       r"(?:倒推|推算|反推|回推|往回算|计算|推|算|来看|看)[，,]\s*"
                       # 「拿今年的数字减去增加额推算。」「根据减少的金额往回算，」: the inputs of working a level back,
                       # the printed change and this year's level, said as how to get it
                       r"|(?:^|(?<=[，,。？?]))(?:按照?|根据|依据|照着?|用|拿|以)?(?:报告|说明|决算|预算)?"
                       r"(?:给的|印的|写的|所说的|里的|中的)?(?:(?:19|20)\d\d\s*年度?的?|今年的?|本年的?|当年的?)?"
                       r"(?:数字?|金额)?(?:和|与|及|加上|减去|减掉|加)?(?:报告)?(?:给的|印的|写的)?"
                       r"(?:增加|减少|增减|变化|变动|增长|下降)(?:额|数|的金额|的数|金额|的)?(?:来|去)?"
                       r"(?:倒推|推算|反推|回推|往回算|算)(?:一下)?[。，,]?\s*")
# 「（保留3位小数）」「，取整」「请用百分比表示」: how the result is to be written, nothing it counts
HOW_SHOWN = re.compile(r"[（(]?[，,]?\s*(?:请|并|结果)?(?:保留|精确到)(?:到)?[一二两三四\d]位小数[）)]?"
                       r"|[（(]\s*[一二两三四\d]位小数\s*[）)]"
                       r"|[（(]?[，,]?\s*(?:结果)?(?:取整(?:数)?|四舍五入(?:到|取)?整数?)[）)]?"
                       r"|[，,]?\s*请?(?:给出|写出|算出|用|以)百分(?:比|数)(?:表示)?(?:是多少)?")
# 「列入2020年预算的4个单位」: how a budget introduces the units its staffing table lists
_UNITS_LISTED = re.compile(r"列入[^，,。？?]{0,16}?的"
                           r"(?=\s*(?:[两二三四五六七八九十]|\d{1,2})?[个家]?(?:预算|下属|所属|基层)?单位)")
# 「本级加上两个下属单位」「连同其所属机构」: the units a staffing sum runs over, counted by the caller
_UNITS_JOINED = re.compile(r"(?:和|与|及|加上|加|连同)\s*(?:其)?\s*(?:[两二三四五六七八九十]|\d{1,2})?\s*[个家]?"
                           r"(?:预算|决算|下属|所属|基层)?(?:单位|中心|机构)")
_MEASURE_NOUN = re.compile(r"([场件条个项批篇份家期])(?:次|数)")
_ITEMS_COUNTED = re.compile(r"(?:这|那|以上|上述)[两二三四五六七八九十\d几]+(?:种|项|类|个|块|部分|方面)"
                            r"(?:结果|情况|数字|数)?"
                            # 「项目、人员、公用三块支出」: a count of the items named before it
                            r"|(?<![第\d])(?<=[\u4e00-\u9fff])[两二三四五六七八九十]+(?:块|项|部分|方面)(?=[\u4e00-\u9fff]{0,4}"
                            r"(?:[，,？?）)]|加|合|一共|总共|共|相|差|哪|谁|比|$))"
                            # 「三家单位的编制数加起来」: how many units a staffing table lists (checked against it)
                            r"|(?<![第\d])[两二三四五六七八九十]+[个家](?=(?:预算|决算|下属|所属|基层)?单位)")
# 「除了不予公开以外」「除了其他类信息外，其余…」「除了规章，还有多少件」, and without 除: 「…，行政许可类以外
# 的还有几条」: what a count leaves out (「除了复议，还有几起诉讼」 names another item: it adds, it leaves nothing out)
EXCEPT = _EXCLUDED = re.compile(
    r"除(?!去)了?(?P<x>[^，,。？?]{1,20}?)(?:之外|以外|外(?=[，,]|还|其)"
    r"|(?=[，,]\s*(?:其余|剩下|剩余|还有(?=\s*(?:多少|几)[\u4e00-\u9fff]?\s*[？?。]?$))))"
    r"|(?<=[，,])(?P<y>[^，,。？?除]{2,20}?)(?:之外|以外)(?=的?[，,]?\s*(?:还有|其余|剩下|剩余|其他|别的))"
    # 「扣掉X，剩下的」「去掉X以后还剩几条」: taken off, the rest asked
    r"|(?:刨掉|刨去|扣掉|扣除|去掉|减去|除去|剔除|不算)(?P<z>[^，,。？?]{1,20}?)(?:以后|之后|以外|之外|后)?"
    r"(?:(?=[，,]?\s*(?:还剩|剩下|剩余|其余|还有))|的?那?部分)"  # 「扣掉X以后的部分」: the rest too
    # 「X里，有多少不属于基本支出」「X中有多少不在Y里」: the part of X outside the whole Y
    r"|[，,]?\s*(?:其中)?有?多少(?:钱)?(?:是)?(?:不属于|不在|不算在|没有?算在|没有?计入|不计入|不包括在)"
    r"(?P<o>[^，,。？?（(]{2,16}?)(?:里面|里头|里|当中|之中|中|之内|以内|内)?的?(?:那?部分)?(?=$|[，,。？?（(])")


def excepted(m: re.Match[str]) -> str:
    """What an EXCEPT match leaves out, whichever way it was worded."""
    return (m.group("x") or m.group("y") or m.group("z") or m.group("o") or "").strip("的 ")


INSIDE_END = re.compile(r"(?:里面|里头|里|当中|之中|中|之内|以内|内)$")  # 「基本支出里」: the whole an item is in


def excepted_whole(m: re.Match[str]) -> str:
    """The whole whose share of the asked item is left out (「不属于基本支出」: 基本支出; 「扣除项目支出中的
    部分」: 项目支出), or "" when what is left out is an item itself (「除了公务接待」)."""
    if m.group("o"):
        return m.group("o").strip("的 ")
    z = (m.group("z") or "").strip("的 ")
    return INSIDE_END.sub("", z) if INSIDE_END.search(z) and len(INSIDE_END.sub("", z)) >= 2 else ""


@dataclass(frozen=True)
class Verdict:
    ok: bool
    uncovered: tuple[str, ...] = ()
    quantity: str = ""  # the quantity asked, when the figures are of another kind
    label: str = ""  # the figure that was refused, in words
    periods: tuple[str, ...] = ()  # parts of the year the figures are of, the question not
    narrower: tuple[str, ...] = ()  # a part of a budget the figure's own label names, the question not
    blank: str = ""  # the line the question names, which the report prints with no amount
    joined: tuple[str, str] = ("", "")  # the pair a figure is of (its label), and the one of them asked
    left_out: str = ""  # what the question leaves out (除了X), which the one figure is


def question_text(question: str) -> str:
    """The question as the verifier reads it: NFKC, no spaces, no quotation marks."""
    return _SPACE.sub("", _QUOTES.sub("", normalize(question)))  # a line a PDF wrapped is one line


def item_core(item: str) -> str:
    """An item's telling word among the items of a named sum (出国, 用车, 接待): its name without the
    words the items share."""
    return re.sub(r"因公|公务|[（(]境[）)]|购置及运行|经?费$", "", item)


def uncovered_terms(question: str, contexts: Iterable[str], names: Iterable[str] = ()) -> list[str]:
    """The content words of `question` that neither `contexts` (the figures' labels), nor `names`
    (agencies in scope), nor the vocabulary's neutral words and function characters account for."""
    q = question_text(question)
    taken = [not _CJK.match(ch) for ch in q]
    for m in _DATE.finditer(q):  # 「2023年」「8月」: the years and dates are the scope's, not content
        _mark(taken, m.start(), len(m.group()))
    for m in _YES_NO.finditer(q):  # 「有没有公司来申请？…有几件」: whether is asked, nothing is negated
        _mark(taken, m.start(), len(m.group()))
    for m in DIRECTION_ONLY.finditer(q):  # 「…有多少？比上年是增是减？」: the level's sentence says which way
        _mark(taken, m.start(), len(m.group()))
    if _DAYS_ASKED.search(q):
        for m in _SPAN_TALK.finditer(q):
            _mark(taken, m.start(), len(m.group()))
    for m in HOW_ASIDE.finditer(q):  # 「（拿今年的数减去增加额推算）」: how to work it out, not what is asked
        _mark(taken, m.start(), len(m.group()))
    for m in HOW_SHOWN.finditer(q):  # 「（精确到2位小数）」: how to write it, not what is asked
        _mark(taken, m.start(), len(m.group()))
    for m in _MEASURE_NOUN.finditer(q):  # 「哪个场次多」 of 「…8场」: the measure word said as a noun
        if re.search(r"\d\s*" + m.group(1), "|".join(contexts)):
            _mark(taken, m.start(), len(m.group()))
    for said in (WORKED_FROM, SOURCE_SAID):  # 「照某年预算说明推算」: where to read it, not what is asked
        for m in said.finditer(q):
            _mark(taken, m.start(), len(m.group()))
    context = "|".join(question_text(c) for c in contexts if c)
    if "政府信息" in context:  # 「获取信息总数」 for the printed 「获取政府信息总数」: the information meant
        context += "|" + context.replace("政府信息", "信息")
    for m in _WHICH_VERB.finditer(q):  # 「谁分得多」「哪个花得多」: how the larger came to be, no item's words
        _mark(taken, m.start(1), len(m.group(1)))
    for m in WHICH_MORE.finditer(q):  # 「哪类条数多」: the comparative that closes which-is-more asks, no item
        _mark(taken, m.end() - 1, 1)
    for m in _COUNT_IN_WORDS.finditer(q):  # 「两位借调人员」 of the printed 「2位借调人员」: one count
        if re.search(rf"(?<![\d.]){CN_NUMBERS[m.group(1)]}\s*{m.group(2)}", context):
            _mark(taken, m.start(), len(m.group()))
    v = vocabulary()
    for start, end in name_mentions(q, {question_text(n) for n in names}):
        _mark(taken, start, end - start)
    for m in _EXCLUDED.finditer(q):  # 「除了不予处理以外」 names what is not asked
        _mark(taken, m.start(), len(m.group()))
    for m in _ITEMS_COUNTED.finditer(q):  # 「这三种结果」「以上两项」 count the items named, no item of their own
        _mark(taken, m.start(), len(m.group()))
    before = list(taken)
    stretches = _claim_context(q, context, taken)
    _claim_abbreviations(q, context, taken)
    for m in _GLOSSED.finditer(q):  # 「坐车（公务用车）」: the name in brackets says what the words before it mean
        if all(taken[m.start(2):m.end(2)]):
            _mark(taken, m.start(1), len(m.group(1)))
    for word, printed in v.synonyms.items():  # 「案子」 is what labels print as 案件
        if word in q and any(p in context for p in printed):
            _claim_all(q, word, taken)
    for whole, items in v.named_sums.items():  # 「三公经费里的公务接待费」: the item's own group, by definition
        named = [core for item in items if (core := item_core(item)) in q and core in context]
        for said in (whole, whole.removesuffix("经费")) if named else ():
            _claim_all(q, said, taken)
    alone = _single_tokens(q)
    inside = [False] * len(q)  # 「机关运行经费」: its 机关 is content, not the agency
    for term in v.compounds:
        _claim_all(q, term, inside)
    keep = list(taken)
    for w in v.neutral:
        if any(n in w for n in v.negation) and w not in v.unnegated:
            continue
        if len(w) > 1:
            _claim_all(q, w, taken)
            # 「全部或部分公开」: an alternative named, no filler (found by plain search: a pattern per neutral
            # word would overflow the regex cache on every question)
            at = q.find(w + "或")
            while at >= 0:
                if not any(keep[at:at + len(w)]):
                    taken[at:at + len(w)] = [False] * len(w)
                at = q.find(w + "或", at + 1)
        else:  # 「项」 is neutral as a measure word, not inside 「项目」
            for i in alone.get(w, ()):
                taken[i] = True
    for i, (was, compound) in enumerate(zip(keep, inside, strict=True)):
        if compound and not was:  # a compound's characters stay as the labels left them
            taken[i] = False
    out: list[str] = _pieced_words(q, stretches, before, context) + _asked_plain_printed_negated(q, context, v)
    # 「一般公共预算」 is covered by a label that prints it, not by 一般公共服务 beside a 预算 elsewhere
    out += [term for term, forms in v.unbroken.items() if term in q and not any(f in context for f in forms)
            and not all(before[q.find(term):q.find(term) + len(term)])]
    # a negation turns a figure into its opposite: it is covered only by a label that negates too
    # (「没公开」 by 不予公开, 「没能提供」 by 无法提供), never by a neutral word
    unnegated = [False] * len(q)  # 「不少」: many, no negation
    for w in v.unnegated:
        _claim_all(q, w, unnegated)
    for neg in v.negation:
        i = q.find(neg)
        while i >= 0:
            if not all(taken[i:i + len(neg)]) and not all(unnegated[i:i + len(neg)]):
                if _negation_covered(q[i + len(neg):], context, v):
                    _mark(taken, i, len(neg))
                elif neg not in "".join(out):
                    out.append(neg)
                    _mark(taken, i, len(neg))
            i = q.find(neg, i + 1)
    for i, ch in enumerate(q):
        if not taken[i] and ch in v.function_chars:
            taken[i] = True
        # 「历年累计数」「公开信息数」: 数 after the words it counts says "the number of" them, nothing more
        elif not taken[i] and ch == "数" and i > 0 and taken[i - 1] and _CJK.match(q[i - 1]):
            taken[i] = True
    out += _split_words(q, taken, v.function_chars, context)
    run = ""
    for i, ch in enumerate(q + "|"):
        if i < len(q) and not taken[i]:
            run += ch
            continue
        # a lone character counts when it is a noun of its own, or an everyday word the vocabulary
        # knows (输 is printed 败诉/纠正) (「小微企业」 cuts as 小/微/企业: 微 is a
        # word the label must hold, as in 「小型和微型」, where 里/中/谁/提 are not); one left from a longer word
        # is named above
        lone = len(run) == 1 and run not in context and (i - 1 in _single_nouns(q) or run in v.synonyms)
        if len(run) >= _MIN_TERM or lone:
            out.append(run)
        run = ""
    return out


_WHICH_VERB = re.compile(r"(?:哪一?[个项块类种边样家]|谁)([\u4e00-\u9fff]{1,2}得)(?:更|比较|略|稍)?[多少高低大小]")
_COUNT_IN_WORDS = re.compile(r"([两二三四五六七八九十])(位|个|名|人|辆|台|次|项|家|所|户|批)")
_NARROWER = 5  # what a contrast qualifier the question does not name weighs against a figure
LISTED = "listed"  # an answer's warning: its figures stand side by side, none is the others' input
COMPLEMENT = "complement"  # an answer's warning: a total less its negated part, the rest asked plainly
OUTSIDE = "outside"  # an answer's warning: an item less its like-named item of a narrower list
BEFORE_YEAR = "before-year"  # an answer's warning: a running total less its year's part, the stock before
AVERAGE = "average"  # an answer's warning: an amount divided by the count its sentence prints
WORKED_BACK = "worked-back"  # an answer's warning: the year before, from this year's level and its change
_NEGATED_REACH = 8  # how far after a label's negation the negated word may stand (不予以公开, 尚未审结)


_DEMONSTRATIVES = frozenset("这那该此其本")


def _asked_plain_printed_negated(q: str, context: str, v: Vocabulary) -> list[str]:
    """Words the question asks plainly that the labels print only negated (「合格的批次有几个」 of
    「其中不合格15批次」, 「公开了几件」 of 「不予公开」 alone): the figure counts their opposite."""
    negs = sorted(v.negation, key=len, reverse=True)
    out: list[str] = []
    for neg in negs:
        for m in re.finditer(re.escape(neg), context):
            word = context[m.end():m.end() + 2]
            if len(word) < 2 or not all(_CJK.match(ch) for ch in word) or word in out \
                    or word in v.neutral or word[0] in v.function_chars or word[0] in _DEMONSTRATIVES:
                continue  # 「没有这个信息」 negates 信息, not 这个
            spot = re.compile(f"(?={re.escape(word)})")  # every place the word starts, overlapping too
            at = [a.start() for a in spot.finditer(q)]
            if not at or any(after_negation(q, i, negs) for i in at):
                continue  # not asked, or asked negated too
            if all(after_negation(context, p.start(), negs) for p in spot.finditer(context)):
                out.append(word)
    return out


def after_negation(text: str, i: int, negs: Iterable[str]) -> bool:
    """Whether a negation word ends right where `text[i:]` begins."""
    return any(text.startswith(n, i - len(n)) for n in negs if i >= len(n))


def _negation_covered(after: str, context: str, v: Vocabulary) -> bool:
    """Whether a label negates what the question negates: 「还没结案」 by 尚未审结 (未 … 结), 「没公开」
    by 不予公开; not 「还没判的诉讼」 by 未经复议直接起诉, whose 未 negates something else. The
    question's negated characters are the first content ones after its negation word."""
    skip = v.function_chars | {w for w in v.neutral if len(w) == 1} | set("".join(v.negation))
    negated = [ch for ch in after[:4] if _CJK.match(ch) and ch not in skip][:2]
    spots = [m.end() for n in v.negation for m in re.finditer(re.escape(n), context)]
    if not negated:
        return bool(spots)
    return any(ch in context[end:end + _NEGATED_REACH] for end in spots for ch in negated)


@lru_cache(maxsize=4096)
def _words(q: str) -> tuple[str, ...]:
    """The question's words (jieba), cut once: the verifier reads one question many times over
    (each runner-up, each part)."""
    import jieba

    return tuple(jieba.cut(q, HMM=False))


@lru_cache(maxsize=4096)
def _single_nouns(q: str) -> frozenset[int]:
    """Where a single character stands as a noun of its own (jieba's part of speech n)."""
    import jieba.posseg

    out, i = set(), 0
    for w in jieba.posseg.cut(q, HMM=False):
        if len(w.word) == 1 and w.flag == "n":
            out.add(i)
        i += len(w.word)
    return frozenset(out)


def _single_tokens(q: str) -> dict[str, list[int]]:
    """Where each character stands as a word of its own, by character."""
    out: dict[str, list[int]] = {}
    i = 0
    for word in _words(q):
        if len(word) == 1:
            out.setdefault(word, []).append(i)
        i += len(word)
    return out


def _split_words(q: str, taken: list[bool], function_chars: frozenset[str], context: str = "") -> list[str]:
    """A word only partly explained is not explained: 「水电费」 is not 「电费」. The question's words
    come from jieba; a word of two or more characters of which some are claimed and one is not
    yields that character as uncovered (and it is marked, so it is named once)."""
    out: list[str] = []
    i = 0
    for word in _words(q):
        j = i + len(word)
        span = range(i, j)
        if len(word) >= 2 and any(taken[k] for k in span) and not all(taken[k] for k in span):
            left = "".join(q[k] for k in span if not taken[k] and q[k] not in function_chars)
            # a word claimed only by its grammar (「拨给」 of 「拨付…经费」) is one character, covered when a
            # label prints it (「除了」 and 「加其他」 stay uncovered: no label prints their 除 or 加)
            grammar = all(q[k] in function_chars for k in span if taken[k])
            if left and not (grammar and len(left) == 1 and left in context):
                out.append(left)
                _mark(taken, i, len(word))
        i = j
    return out


def _mark(taken: list[bool], start: int, length: int) -> None:
    for i in range(start, start + length):
        taken[i] = True


def _claim_all(q: str, word: str, taken: list[bool]) -> None:
    if not word:
        return
    i = q.find(word)
    while i >= 0:
        _mark(taken, i, len(word))
        i = q.find(word, i + 1)


def _claim_context(q: str, context: str, taken: list[bool]) -> list[tuple[int, int]]:
    """Claim every stretch of two or more question characters that the labels hold, longest first
    at each position (「不予公开」 is claimed whole, so its 不 is explained); the stretches claimed."""
    stretches: list[tuple[int, int]] = []
    if not context:
        return stretches
    i = 0
    while i < len(q) - 1:
        if taken[i] and taken[i + 1]:
            i += 1
            continue
        best = _held(q, i, context)
        end = i + best
        if best >= 2 and end < len(q) and not taken[end] and _held(q, end, context) < 2 \
                and _held(q, end - 1, context) >= 2:
            # 「…中心2017年预计」 beside a title's 「…中心2017年预算」: the stretch leaves its last character to
            # the word that holds it with the next one (预计), which would otherwise be left alone (计)
            best -= 1
            if best < 2 or all(taken[i:i + best]):
                i += 1
                continue
        if best >= 2 and _only_in_a_name(q, i, best, context):
            best = 0
        if best >= 2:
            _mark(taken, i, best)
            stretches.append((i, i + best))
            i += best
        else:
            i += 1
    return stretches


def _held(q: str, i: int, context: str) -> int:
    """How many characters of `q` from `i` on the labels hold as one stretch (0 under two)."""
    j, best = i + 2, 0
    while j <= len(q) and q[i:j] in context:
        best = j - i
        j += 1
    return best


_GLOSSED = re.compile(r"([\u4e00-\u9fff]{2,8})[（(]([\u4e00-\u9fff“”\"]{2,20})[)）]")
_TERM_BREAK = re.compile(r"[|/×\s（）()“”\"、，,：:；;]+")


_PLACE_END = re.compile(r"实验区|[省市县区]")


def _claim_abbreviations(q: str, context: str, taken: list[bool]) -> None:
    """Claim a stretch of the question that shortens one label term the way line names are
    shortened, keeping its first and last characters and others in order: 物业费 for 物业管理费,
    公车运行费 for 公务用车运行维护费, 职工医保缴费 for 职工基本医疗保险缴费."""
    terms = {t for t in _TERM_BREAK.split(context) if len(t) >= 4}
    # 「疾控中心」 of 「平潭综合实验区疾病预防控制中心」: a unit's name shortened without its place
    terms |= {t[m.end():] for t in terms for m in _PLACE_END.finditer(t) if len(t) - m.end() >= 4}
    # 「村委会」 of 「对村民委员会和村党支部的补助」: one of the things a line's name joins, the preposition of
    # whom it is for aside
    terms |= {p for t in terms for p in re.split(r"[和及与]", t) if len(p) >= 4}
    terms |= {m.group(1) for t in terms for m in re.finditer(r"[对向给为]([\u4e00-\u9fff]{4,})", t)}
    if not terms:
        return
    i = 0
    while i < len(q) - 2:
        found = 0
        for j in range(min(len(q), i + 10), i + 2, -1):
            s = q[i:j]
            if all(taken[i:j]) or not _CJK.match(s[0]) or not _CJK.match(s[-1]):
                continue
            if any(abbreviates(s, t) for t in terms):
                found = j - i
                break
        if found:
            _mark(taken, i, found)
            i += found
        else:
            i += 1


# words the labels print inside the name of what is counted (「…信息公开申请数量」): there they do not
# say what became of it (「全部给公开了的」 is 予以公开, not every 信息公开 application)
_NAMES_HOLDING = {"公开": ("信息公开", "政务公开", "依申请公开")}


def _only_in_a_name(q: str, i: int, n: int, context: str) -> bool:
    word = q[i:i + n]
    names = _NAMES_HOLDING.get(word)
    if not names or any(q.find(name) <= i < q.find(name) + len(name) for name in names if name in q):
        return False
    bare = context
    for name in names:
        bare = bare.replace(name, "|")
    return word not in bare


def _pieced_words(q: str, stretches: list[tuple[int, int]], before: list[bool], context: str) -> list[str]:
    """Words of the question held only in pieces from different places of the labels: 「一般公共服务
    支出」 claimed as 一般公共 (of 一般公共预算) + 服务支出 (of 商品和服务支出) leaves the word 公共服务
    nowhere whole, so the line it names is not the one these labels are."""
    out: list[str] = []
    i = 0
    amounts = set(vocabulary().amount_nouns)
    for word in _words(q):
        j = i + len(word)
        swapped = len(word) == 4 and word[2:] + word[:2] in context  # 问卷调查 for 调查问卷
        # 「经费支出」 of 「“三公”经费…拨款支出」: two amount nouns name no line of their own
        generic = len(word) == 4 and {word[:2], word[2:]} <= amounts
        if len(word) >= 2 and not any(before[i:j]) and word not in context and not swapped and not generic:
            touching = [(a, b) for a, b in stretches if a < j and b > i]
            if len(touching) >= 2 and all(any(a <= k < b for a, b in touching) for k in range(i, j)):
                out.append(word)
        i = j
    return out


@dataclass(frozen=True)
class Sources:
    """What the verifier may read of a report besides its facts: table titles, the text, and the
    names its tables print."""

    titles: Callable[[str], dict[tuple[str, str], str]]
    text: Callable[[str], str]
    labels: Callable[[str], frozenset[str]] = lambda report_id: frozenset()


def unheld_labels(question: str, contexts: Iterable[str], labels: Iterable[str],
                  names: Iterable[str] = ()) -> list[str]:
    """The report's printed line names the question names whole that no figure's words hold whole.

    Coverage word by word lets two labels cover a name between them: a row's label and a column's
    can hold the words of a third line in pieces. A name the report prints is a line of its own, so
    the figure must carry it (as its row, its parent, its clause)."""
    q = question_text(question)
    for n in sorted({question_text(n) for n in names if n}, key=len, reverse=True):
        q = q.replace(n, "|")
    q = _EXCLUDED.sub("|", q)
    context = "|".join(question_text(c) for c in contexts if c)
    out: list[str] = []
    for label in sorted(labels, key=len, reverse=True):
        if label in q:
            if label not in context:
                out.append(label)
            q = q.replace(label, "|")
    return out


_HEADING = re.compile(r"(?m)^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
                      r"|第[一二三四五六七八九十]+[部分章节])[^。；;\n]{0,30}$")  # a heading: short, no sentence
_HEADING_OPENS_LINE = re.compile(r"(?m)^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
                                 r"|第[一二三四五六七八九十]+[部分章节])[^。；;\n]{0,30}?(?=[ \t\u3000]|$)")
_LEAD = 120  # characters of text before a prose number that may name its subject


_PREMISE = re.compile(r"[^，,。；;？?]*?\d+(?:\.\d+)?\s*(?:万元|亿元|元|人次|人|条|件|宗|个|项|篇|次|%)\s*[，,；;]")


def contrasted(question: str, figs: Iterable[Figure], names: Iterable[str] = (), share: bool = False) -> list[str]:
    """The qualifiers the question asks that a figure's own row or column contradicts: a cell of the
    「预算数」 column does not answer 「…决算多少」, even in a table titled 决算 (the title covers the
    whole table; the column says which figure this is). A figure that prints several members of a
    group, or none, is not contradicted."""
    figs = list(figs)
    q = question_text(question)
    for n in sorted({question_text(x) for x in names if x}, key=len, reverse=True):
        q = q.replace(n, "|")
    q = _COMPARED_WITH.sub("|", q)  # 「本年收入比上年少了」: the year compared with qualifies no figure
    # 「…总关注N人，其中这一年新增M人，那…」: a clause stating a figure is the asker's premise, not a
    # qualifier of the figure asked
    q = _PREMISE.sub("|", q)
    out: list[str] = []
    # 「实际支出」 says 决算; but a word a figure's own label holds as printed (「年初」 of 「年初结转和结余」)
    # says that figure, not what the everyday word would mean elsewhere (年初 → 年初预算)
    own_words = {w for fig in figs for group in vocabulary().contrasts
                 for w in members(question_text(" ".join(fig.fact.row_path + fig.fact.column_path)), group)}
    plain = q
    for key in vocabulary().synonyms:  # 「实际在职」 is one word for 在职: its 实际 is no 决算
        if key in plain and any(w in key for w in own_words):
            plain = plain.replace(key, "|")
    for w in sorted(own_words, key=len, reverse=True):
        plain = plain.replace(w, "|")
    printed = " ".join(vocabulary().printed_for(plain))
    for fig in figs:
        own = question_text(" ".join(fig.fact.row_path + fig.fact.column_path))
        own = with_kind(own, fig.report.kind)  # a final account's figure is a 决算 one unless it says otherwise
        # 「自然人和法律服务机构的申请合计」: the question names this figure's own cell outright, so the
        # 自然人 it also asks is another addend's, not a contradiction of 法人或其他组织 / 法律服务机构
        cells = [question_text(x) for x in (fig.fact.row_path[-1:] + fig.fact.column_path[-1:])]
        others = [question_text(" ".join(g.fact.row_path[-1:] + g.fact.column_path)) for g in figs if g is not fig]
        for group in vocabulary().contrasts:
            if fig.fact.unit in HEADCOUNT_UNITS and any(w in group for w in ("预算", "决算")):
                continue  # a headcount is neither: 「实际在职几人」 asks no 决算 of a budget's staffing table
            asked = members(q, group) or members(printed, group)
            asked = {w for w in asked if not _said_of_another(q, w, others)}
            # a sentence's own label says which member it is; the heading it stands under (「结余情况：…本年乡财政
            # 总收入…」) only when the label names none
            have = (fig.fact.table == "prose" and members(with_kind(question_text(fig.fact.row_path[-1]),
                                                                    fig.report.kind), group)) or members(own, group)
            named = any(len(c) >= 3 and c in q and not members(c, group) for c in cells)
            if asked and have and not asked & have and not named:
                out += [w for w in group if w in asked and w not in out]
            elif len(figs) == 1 and len(asked) >= 2 and len(have) == 1 and have < asked \
                    and any(re.search(re.escape(w) + r"[和与及、]", q) for w in asked):  # not 「收入支出总计」
                # 「区级和省级…共多少」 of one figure labelled 省级: one part is no answer for both
                out += [w for w in group if w in asked - have and w not in out]
        out += [w for w in part_of_asked(q, [question_text(c) for c in fig.fact.column_path]) if w not in out]
    if len(figs) == 1 or (share and figs):  # 「其他应主动公开的政府信息7条」 is the rest of a list, no answer
        # to how many were published, nor the part of a share (a heading's sum may well add up a 「其他」 row)
        f = figs[0].fact
        # (「在职人数(含其他聘用人员)」: what a label says it includes is no rest of anything)
        own_label = _INCLUDES.sub("", question_text(" ".join(f.row_path[-1:] + f.column_path[-1:])))
        out += [w for w in vocabulary().residual if w in own_label and w not in q and w not in out]
    return out


def _said_of_another(q: str, word: str, others: list[str]) -> bool:
    """Whether every 「上年」 of 「新收的加上上年结转的申请」 is part of another addend's own name
    (上年结转…): that addend answers for the qualifier, and 本年新收 beside it is no contradiction.
    So too a word that is another addend's own cell (「自然人和企业一共」: 自然人 is the other column,
    not a contradiction of the 商业企业 one the everyday 企业 found)."""
    if len(word) >= 3 and any(word in o for o in others):  # a name, not a qualifier like 上年
        return True
    spots = [m.start() for m in re.finditer(re.escape(word), q)]
    return bool(spots and others) and all(
        any(q[i:i + len(word) + 2] in o or (i >= 2 and q[i - 2:i + len(word)] in o) for o in others)
        for i in spots)


def heading_of(fig: Figure, sources: Sources) -> str:
    """The heading a prose number of no numbered item stands under, "" for any other figure."""
    f = fig.fact
    if f.table != "prose" or len(f.row_path) != 1 or not f.span:
        return ""
    text = sources.text(f.report_id)
    # 「（三）其他资金预算执行情况 这部分资金…」: a heading the crawl left on the line its section opens
    heads = list(_HEADING_OPENS_LINE.finditer(text, 0, f.span[0])) if text else []
    return heads[-1].group() if heads else ""


_LIST_ITEMS = 40
_SECTION_OPENS = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+[部分章节])")
_ITEM_OPENS = re.compile(r"\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）])")


def list_head(text: str, start: int) -> str:
    """The sentence announcing the list a prose number's sentence is an item of (「2015年公共财政拨款
    支出337.32万元，…具体情况如下：」 over 「1.行政运行289.74万元」): its words are the item's too. Back
    over the items before it and all they say, never past the section's own heading."""
    s0 = max(text.rfind(c, 0, start) for c in "。；\n") + 1
    if first := _ANNOUNCED_ITEM.search(text, s0, start):
        # 「…支出8000万元，主要支出项目包括：（一）城市建设支出3000万元」: the first item in the announcing sentence
        return without_reasons(text[s0:first.start(1)])
    if not _ITEM_OPENS.match(text, s0):
        return ""
    for _ in range(_LIST_ITEMS):
        end = len(text[:s0].rstrip())
        p0 = max(text.rfind(c, 0, end - 1) for c in "。；\n") + 1
        sentence = text[p0:end]
        if first := _ANNOUNCED_ITEM.search(sentence):  # the list announced, its first item in the same sentence
            return without_reasons(sentence[:first.start(1)])
        if ANNOUNCES_A_LIST.search(sentence):
            if len(_CJK.findall(ANNOUNCES_A_LIST.sub("", sentence))) < 6 and p0 > 0:  # 「…28.15万元。具体情况如下：」
                q0 = max(text.rfind(c, 0, p0 - 1) for c in "。；\n") + 1
                sentence = text[q0:end]
            # 「…比上年增加300万元，主要原因是新增河长制专职人员工资，主要支出项目包括：」: why the whole changed
            # is no item's words
            return without_reasons(sentence)
        if _SECTION_OPENS.match(sentence) or p0 == 0:
            return ""
        s0 = p0
    return ""


def numbered_parent(text: str, start: int) -> str:
    """The item a sub-item is numbered under (「2、公用支出：55.58万元（1）、综合定额公用经费：26.21万元；（2）、
    误餐及通讯补贴：21.75万元」: 公用支出 over 误餐及通讯补贴): back over the sub-items before it, (k-1) down to
    (1), to the item of the outer numbering printed with its own figure just before (1). Its name is the
    sub-item's owner; anything else between (another list, a sentence's end) gives none."""
    marks = list(_SUB_MARK.finditer(text, max(0, start - _PARENT_REACH), start))
    if not marks or len(text[marks[-1].end():start]) > _ITEM_CHARS or "。" in text[marks[-1].end():start]:
        return ""
    expect, at = int(marks[-1].group(1)) - 1, marks[-1].start()
    for m in reversed(marks[:-1]):
        if expect == 0:
            break
        if int(m.group(1)) != expect:
            return ""
        expect, at = expect - 1, m.start()
    if expect != 0:
        return ""
    parent = _PARENT_ITEM.search(text, max(0, at - 2 * _ITEM_CHARS), at)
    return parent.group(1).strip() if parent else ""


_SUB_MARK = re.compile(r"[（(](\d{1,2})[)）]")
_PARENT_REACH = 1500  # characters back to the first sub-item of a list
_PARENT_ITEM = re.compile(r"(?<![\d.])(?:\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]{1,2}\s*、)\s*"
                          r"((?:(?:19|20)\d\d\s*年度?)?[^\d，,。；;：:（()]{2,24}?)\s*[：:]?\s*\d+(?:\.\d+)?\s*"
                          r"(?:万元|亿元|元)\s*[：:，,]?\s*$")


def breakdown_head(text: str, start: int) -> str:
    """The sentence a 「其中」 sentence breaks down (「基本支出68.59万元。其中，人员支出59.41万元，…」):
    the whole it opens on was printed, and closed, just before it, and is the part's subject."""
    s0 = max(text.rfind(c, 0, start) for c in "。；\n") + 1
    if s0 <= 1 or not _BREAKDOWN_OPENS.match(text, s0):
        return ""
    p0 = max(text.rfind(c, 0, s0 - 1) for c in "。；\n") + 1
    head = text[p0:s0]
    # 「…收入预算为1513.881万元，比上年增加217.201万元，主要原因是…对个人和家庭的补助预算增加…」: why the whole
    # changed says nothing of what it is, nor of its parts
    reason = _REASON_CLAUSE.search(head)
    return head[:reason.start()] if reason else head


_REASON_CLAUSE = re.compile(r"[，,；;]\s*(?:主要|其)?(?:原因(?:是|为|在于)|是由于|由于|因为)")


def whole_before_its_parts(text: str, start: int) -> str:
    """The clause a 「其中」 (包括, 分别为) of the same sentence breaks down (「全年公开公文类政府信息共118条，
    其中…财政预算、决算信息4条，…」): what the whole is, the items listed after it are too (公开, 公文类)."""
    s0 = max(text.rfind(c, 0, start) for c in "。；\n") + 1
    at = max(text.rfind(w, s0, start) for w in _PARTS_OPEN)
    if at <= s0:
        # 「…基本支出340.00万元，其中：工资福利支出290.00万元；商品和服务支出50.00万元；…」: a list whose items
        # a 「；」 parts (or a 「，」 before it), every one before this a name and its one figure
        # (the items may stand on lines of their own, each opened by its number: 「其中：\n1.某公司70万元；\n2.…」)
        p0 = text.rfind("。", 0, start) + 1
        at = max(text.rfind(w, p0, start) for w in _PARTS_OPEN)
        said = (_ITEM_NUMBER.sub("", i).strip(" \t\n\u3000:：") for i in re.split(r"[；;，,]", text[at + 2:s0]))
        items = [i for i in said if i] if at > p0 else None
        # (none before it: the first item, on the line after 「其中：」)
        if items is None or not all(len(_FIGURE.findall(i)) == 1 and len(i) <= _ITEM_CHARS for i in items) \
                or (not items and "\n" not in text[at:start]):
            return ""
        s0 = p0
        if lines := list(_ITEM_LINE.finditer(text, s0, at)):  # the whole is the item line the list opens under
            s0 = lines[-1].start() + 1
    if at <= s0 or (_open_brackets(text[s0:at]) and not _open_brackets(text[s0:start])):
        return ""  # 「…30万元(其中12万元是…) 4、…」: the 其中 of a note closed before the figure opens no list of it
    return without_reasons(text[s0:at])


def without_reasons(words: str) -> str:
    """The words without the clauses that say why something changed (「…，主要原因是新增…工资，…」): a reason
    names what moved the whole, never an item of it."""
    return "，".join(c for c in re.split(r"[，,]", words) if not _REASON_OPENS.match(c))


def _open_brackets(before: str) -> bool:
    """Whether the words end inside an open parenthesis."""
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


_ITEM_MARK = r"(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）])"  # 「2.」「（三）」: an item's number
# 「…包括：（一）…」: a list announced, its first item following in the same sentence
_ANNOUNCED_ITEM = re.compile(r"(?:如下|包括|分别为|分别是)\s*(?:[（(][^（）()]{0,20}[)）])?\s*[：:]\s*"
                            rf"(?={_ITEM_MARK})()")
_ITEM_LINE = re.compile(r"\n[ \t\u3000]*" + _ITEM_MARK)
_ITEM_CHARS = 40  # an item of a 「；」 list: a name and its figure
_ITEM_NUMBER = re.compile(r"^[\s:：]*" + _ITEM_MARK)


_PARTS_OPEN = ("其中", "包括", "分别为", "分别是")  # 「共公开政府信息34条，信息类别包括…」


def purpose_of_named_line(question: str, f: Fact, sources: Sources) -> str:
    """What the sentence after a budget line says it is for (「（六）2130150事业运行210万元。主要用于水利服务中心、
    应急中心…在职人员工资」), when the question names the line itself: the purpose then qualifies the line
    the question asks. A question naming only what the money is for (「在职人员工资是多少」) is no question of
    this line, whose purpose lists more than it."""
    if f.table != "prose" or not f.span or not f.row_path:
        return ""
    name = _LINE_CODE.sub("", split_marker(f.row_path[-1])[1]).strip()
    if len(_CJK.findall(name)) < 2 or name not in question_text(question):
        return ""
    m = _PURPOSE_AFTER.match(sources.text(f.report_id), f.span[1])
    return m.group(1) if m else ""


_SUBJECT_CODE = re.compile(r"(?<![\d.])(2\d{4}(?:\d{2})?)(?![\d.])")  # a 款 or 项 code of the 功能分类 (20104, 2010401)
_LINE_CODE = re.compile(r"^\s*\d{3,7}\s*|[（(]项级科目[)）]")
_PURPOSE_AFTER = re.compile(r"[^。；;]{0,6}[。；;]\s*(?:主要)?用于([^。；;]{2,80})")


def figure_context(fig: Figure, sources: Sources, heading: bool = True) -> list[str]:
    """Everything that says what a figure is: its row and column paths, its table's title, the
    report's title, the template's everyday words for its cell; for a prose number its own clause,
    its sentence's opening clause and the heading it stands under (「（一）主动公开情况」 is the subject of
    「…人事任免文件12件」, 「12345热线」 of the 「工单」 sentence after it)."""
    f = fig.fact
    title = own_title(sources.titles(f.report_id).get((f.report_id, f.table), ""), f, fig.report.template)
    out = [*f.row_path, *f.column_path, fig.report.title or "", title]
    if len(f.row_path) > 1 and f.table != "prose":  # 「污染防治 / 大气」 is said 「大气污染防治」
        out.append("".join(split_marker(p)[1] for p in reversed(f.row_path)))
    elif f.table == "prose" and len(f.row_path) > 1 and " " in f.row_path[0]:  # a numbered item's 类 款 项
        out.append("".join(reversed(f.row_path[0].split())))
    if f.table == "prose":
        text = sources.text(f.report_id) if f.span else ""
        if not text:
            out.append(f.sentence or "")
        else:
            out += own_clause(text, f.span[0], f.span[1], parts=False)
            if (gloss := _GLOSS_AFTER.match(text, f.span[1])) and not _AMOUNT_INSIDE.search(gloss.group(1)):
                out.append(gloss.group(1))  # 「0.9万元（2位借调人员经费）」: what the amount is for, said of it alone
            if heading and (head := heading_of(fig, sources)):  # a numbered item's own subject outranks it
                out.append(head)
            out.append(list_head(text, f.span[0]))
            out.append(numbered_parent(text, f.span[0]))
            out.append(breakdown_head(text, f.span[0]))
            out.append(whole_before_its_parts(text, f.span[0]))
    out += template_words(f, fig.report.template)
    return out


_GLOSS_AFTER = re.compile(r"\s*(?:万元|亿元|元)?\s*[（(]([^（）()]{2,40})[)）]")
# a bracket that splits the amount (「（其中…10万元…）」) names its parts, not the amount
_AMOUNT_INSIDE = re.compile(r"\d\s*(?:万元|亿元|元|%)|其中|含")
_SENTENCE_END = re.compile(r"[。！？]|\n\s*\n")
# a figure that ends a clause or an item of a list: 「77.10万元、」「343.49万元，」; not a date (2025年),
# nor a number inside a name (H5), nor a 「由42分钟缩至19分钟」 that goes on in its clause
_ITEM_END = re.compile(r"(?<![A-Za-z\d.,])\d+(?:[.,]\d+)*\s*(?![年月日号\d\s])"
                       r"[^\d\s，；：、。,;:！？]{0,4}?\s*([、，；,;])")
_FIGURE = re.compile(r"(?<![A-Za-z\d.,])\d+(?:[.,]\d+)*(?!\s*[年月日号\d.,])")


# a clause that says how the figure before it changed, or what share it is, refers to it (「财政拨款收入
# 1,234.50万元，比上年预算增加56.70万元」「…决算为0万元，完成预算的0%」); one that opens a
# breakdown (「其中自然人100件，法人20件」) is a sibling, not a subject
_CHANGE_OPENS = re.compile(r"\s*(?:比|较|同比|环比|与|增长|增加|减少|下降|上升|持平|完成|占|达到)")
_BREAKDOWN_OPENS = re.compile(r"\s*其中")
_REASON_OPENS = re.compile(r"\s*(?:主要|其)?(?:原因(?:是|为|在于)|是由于|由于|因为)")


_ADDEND_OPENS = re.compile(r"\s*(?:再|另)?(?:加上?|减去?|扣除|扣减|减掉)")


def own_clause(text: str, start: int, end: int, parts: bool = True) -> list[str]:
    """What a prose number's own words are, not its whole sentence (a sibling's words, 「…其中：货物
    预算77.10万元、服务预算518.18万元」, would cover the 595.28 before them): the sentence's opening
    clause (its subject), the words back to the figure that ends the item before it, the words
    that open the list it is an item of (「关停…的政府网站1个、政务新媒体2个」), the subject a comma
    carries over from the clause before, and the words after it up to the next clause or item
    (「对29项…重要政策文件进行解读」). `parts`: whether a parenthesis listing its parts counts; it says
    more than the question asked, but covers none of it (「本级」 of 「（某本级1103.72万元…）」)."""
    lead = _SENTENCE_END.split(text[max(0, start - _LEAD):start])[-1]
    if heads := list(_HEADING.finditer(lead)):  # a heading line (and any table above it) is no part of it
        lead = lead[heads[-1].end():]
    if lines := list(_ITEM_LINE.finditer(lead)):  # 「…；\n2.区水务公司45万元」: an item on a line of its own opens
        lead = lead[lines[-1].start() + 1:]  # its own sentence, the item above is no subject of it
    clauses = re.split(r"[，；：,;:]", lead)
    opening = clauses[0]
    if len(clauses) > 2 and len(_CJK.findall(_DATE.sub("", opening))) < 2:
        opening = lead[: len(clauses[0]) + 1 + len(clauses[1])]  # 「2022年，我局主动公开…」: a date opens no subject
    items = list(_ITEM_END.finditer(lead))
    back = lead[items[-1].end():] if items else lead
    list_lead = ""
    if items and items[-1].group(1) == "、":  # an item of a list: the list's own lead
        first = len(items) - 1
        while first > 0 and items[first - 1].group(1) == "、" and items[first - 1].end() >= items[first].start() - 12:
            first -= 1
        before = lead[: items[first].start()]
        earlier = list(_ITEM_END.finditer(before))
        list_lead = before[earlier[-1].end():] if earlier else before
    carried = ""
    if items and items[-1].group(1) in "，,":  # 「公众号发送了373条信息，本年新增关注用户达3201人」
        prev_start = items[-2].end() if len(items) > 1 else 0
        prev_lead = lead[prev_start:items[-1].start()]
        # inside a 「其中…，…，…」 list the clauses are siblings: none is the subject of the next
        in_list = "其中" in lead[:prev_start]
        # 「…支出1376.05万元，加上解上级支出570万元，…」: an addend opens its own item, no attribute of the last
        if _CHANGE_OPENS.match(back) or not (_BREAKDOWN_OPENS.match(prev_lead) or in_list):
            carried = prev_lead
    # 「…支出1376.05万元，加上解上级支出570万元，…」: an addend names its own item; the subject the sentence
    # opens with is the figure it is added to, not this one's
    if _ADDEND_OPENS.match(back) or _REASON_OPENS.match(back):
        # 「…经费支出276.02万元，…主要原因是某本级专项业务费220万元调整为…」: a figure the reason names is
        # the reason's, not the subject's the sentence opens with
        opening = list_lead = carried = ""

    tail = _SENTENCE_END.split(text[end:end + 40])[0]
    # 「…1170.58万元（某本级1103.72万元…）」: the parts a parenthesis lists cover nothing of the whole
    tail = re.split(r"[，；：,;:]" if parts else r"[，；：,;:]|[（(](?=[^）)]*\d)", tail)[0]
    if _FIGURE.search(tail):  # another figure follows in this clause: stop at its list's separator
        tail = re.split(r"[、]|(?<![A-Za-z])\d", tail)[0]
    return [opening, list_lead, carried, back + text[start:end] + tail]


_WHOLE_SCOPE = re.compile(r"全(?:区|市|县|镇|乡|省)|我(?:区|市|县|镇)")
_SUB_SCOPE = re.compile(r"各(?:乡镇|街道|部门|单位|片区|社区|村)|(?:区|市|县)直|下属|所属")


def unasked_words(question: str, fig: Figure, sources: Sources) -> int:
    """How many characters of what a figure's own label says the question does not: among figures
    that all pass, the one that says no more than was asked (「三公经费完成预算的」 26.46%, not the
    「公务用车购置及运行维护费…完成预算的」 28.15% beside it)."""
    f = fig.fact
    whole = ""
    if f.table == "prose" and f.span and (text := sources.text(f.report_id)):
        # 「…一般公共预算基本支出340.00万元，其中：…商品和服务支出50.00万元」: the whole a list breaks down
        # qualifies each of its items in a contrast (基本 of the one, nothing of 「…预算支出410.00万元，其中：」's)
        whole = whole_before_its_parts(text, f.span[0])
        own = "".join((*f.row_path[:-1], *own_clause(text, f.span[0], f.span[1])[2:]))
    else:
        own = "".join(f.row_path + f.column_path)
    v = vocabulary()
    q = question_text(question)
    own = _WHOLE_SCOPE.sub("", question_text(own))  # 「全区主动公开…」: the whole the question asks of
    extra = sum(1 for ch in own if _CJK.match(ch) and ch not in q and ch not in v.function_chars)
    # 「各乡镇主动公开…1638条」「区直各部门…」: a part of the agency's population, not the agency
    extra += _NARROWER * sum(1 for m in _SUB_SCOPE.finditer(own) if m.group() not in q)
    # a qualifier of a contrast group the question does not name at all (基本支出 when 支出 was asked)
    # makes the figure a narrower one than asked
    label = question_text(" ".join(f.row_path + f.column_path) + whole)
    narrower = sum(1 for group in v.contrasts
                   if (have := members(label, group)) and not members(q, group) and not have <= set(v.contrast_wholes))
    return extra + _NARROWER * narrower


def own_title(title: str, f: Fact, version: str | None) -> str:
    """A table title without the names of the other groups it titles: 「行政复议、行政诉讼情况」
    does not explain 「诉讼」 for a review cell."""
    tpl = load_templates().get(version or "") or load_templates()["2021"]
    words = tpl.t4_words
    if words is None or not f.column_key or not f.row_key or not f.row_key.startswith("t4."):
        return title
    own = f.column_key.partition(".")[0]
    others = {w for g, ws in words.groups.items() if g != own and not (own.startswith("suit") and g == "suits")
              for w in ws}
    for w in sorted(others, key=len, reverse=True):
        title = title.replace(w, "")
    return title


# the template's tables as people number them (「表二里的…」)
_TABLE_NUMBER = {"t2": ("表二", "表2", "第二张表"), "t3": ("表三", "表3", "第三张表"),
                 "t4": ("表四", "表4", "第四张表")}


def template_words(f: Fact, version: str | None) -> list[str]:
    """The template's labels and everyday aliases for a template cell (and for its parent rows)."""
    tpl = load_templates().get(version or "") or load_templates()["2021"]
    if not f.row_key or "." not in f.row_key:
        return []
    table_key, row_key = f.row_key.split(".", 1)
    try:
        table = tpl.table(table_key)
    except KeyError:
        return []
    out = [own_title(table.title, f, version), *_TABLE_NUMBER.get(table_key, ())]
    keys = {r.key for r in table.rows}
    key: str | None = row_key
    while key in keys:
        row = table.row(key)
        out += [row.label, *row.aliases]
        for col in row.columns:
            if col.key == f.column_key:
                out += [*col.path, *col.aliases]
        key = row.parent
    if table_key == "t4" and tpl.t4_words is not None and f.column_key:
        group, _, outcome = f.column_key.partition(".")
        words = tpl.t4_words
        out += [*words.groups.get(group, ()), words.group_labels.get(group, ""), *words.outcomes.get(outcome, ())]
        if group.startswith("suit"):
            out += [*words.groups.get("suits", ())]
    return out


_N_ITEMS = {2: "两二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def _counted_items(question: str, n: int) -> str:
    """「2010401和2010501两个…科目加起来」: a count of the items that matches the figures added counts
    them, it names nothing of its own."""
    chars = _N_ITEMS.get(n, "")
    if n < 2 or not chars:
        return question
    return re.sub(rf"(?:这|那|以上|上述)?(?:[{chars}]|{n})(?:个|项|类|种|笔)", " ", question)


def check(question: str, answer: Answer, names: Iterable[str], sources: Sources,
          operation_share: bool = False) -> Verdict:
    """Coverage and quantity of an answer's figures against the question."""
    figs = answer.figures
    if not figs:
        return Verdict(True)
    contexts: list[str] = []
    for fig in figs:
        contexts += figure_context(fig, sources)
    if len(figs) == 1 and (purpose := purpose_of_named_line(question, figs[0].fact, sources)):
        contexts.append(purpose)
    labels = {lbl for fig in figs for lbl in sources.labels(fig.fact.report_id)}
    question = _counted_items(question, len(figs))
    if BEFORE_YEAR in answer.warnings and (before := asks_before_year(question, None)):
        question = checked_question(question, before)  # 「…以前」 is what the subtraction answers
    if AVERAGE in answer.warnings and (per := asks_average(question)):
        question = amount_question(question, per)  # 「平均每条…」 is what the division answers
    elif AVERAGE in answer.warnings and (month := asks_per_month(question)):
        question = amount_question(question, month).replace("平均", "")  # 「平均每个月…」: the year's total
    elif AVERAGE in answer.warnings and asks_span_average(question):
        question = span_question(question)  # 「2021-2023年…平均每年」: the span's figure, divided by its years
    if OUTSIDE in answer.warnings and (ex := EXCEPT.search(question)) and ex.group("o"):
        # 「…中有几成没算进基本支出（项目的）」: the bracket says again what lies outside the whole
        question = question[:ex.end()] + re.sub(r"^[（(][^（()）]{1,20}[)）]", "", question[ex.end():])
    if _headcounts(figs, ("在职", "实有")):
        question = _ACTUAL.sub("", question)  # 「实际在职几人」: the 在职 column is the actual headcount
    asked = question
    if _headcounts(figs, _STAFFING_COLUMNS) and all(f.fact.table != "prose" for f in figs):
        asked = _STAFF_WORDS.sub("", question)  # 「后勤人员」「管理岗位」: a staffing row's people, said as people
        if len(figs) >= 2:  # the units listed, each a figure of the sum (one unit's row is no such list)
            asked = _UNITS_JOINED.sub(" ", _UNITS_LISTED.sub("", asked))
    left = uncovered_terms(asked, contexts, names) + contrasted(question, figs, names, operation_share)
    # 「科目2130301行政运行」: a subject code the question names is the line's own, printed with it
    said = "|".join(contexts)
    left += [code for code in _SUBJECT_CODE.findall(question_text(question)) if code not in said]
    left += [lbl for lbl in unheld_labels(question, contexts, labels, names) if lbl not in left]
    if COMPLEMENT in answer.warnings:  # the rest of a negated part is what the plain word asks
        said = "|".join(question_text(c) for c in contexts if c)
        rest = set(_asked_plain_printed_negated(question_text(question), said, vocabulary()))
        left = [w for w in left if w not in rest and w not in vocabulary().negation]
    if not left and len(figs) > 1 and (answer.value is None or LISTED in answer.warnings):
        # figures set side by side, not combined into one value: each must answer the question by
        # itself (「企业申请的行政复议」 is neither the 企业 applications nor all reviews)
        alone = (uncovered_terms(question, figure_context(fig, sources), names) for fig in figs)
        left = next((terms for terms in alone if terms), [])
    if not left and len(figs) == 2 and WHICH_MORE.search(question_text(question)) \
            and all(f.fact.table == "prose" for f in figs):
        left = _side_unheld(question, figs, sources, names)
    label = "、".join(dict.fromkeys(" / ".join(g.fact.row_path + g.fact.column_path)[:40] for g in figs[:2]))
    if not left and len(figs) == 1 and (head := heading_of(figs[0], sources)) \
            and uncovered_terms(question, figure_context(figs[0], sources, heading=False), names) \
            and not uncovered_terms(question, [head, figs[0].report.title or ""], names):
        # 「三公经费一共多少」 covered only by the heading 「八、…“三公”经费支出情况」 over 「（一）因公出国（境）
        # 经费…10万元」: the figure's own words add nothing the question asks, so it is one item under
        # the heading, not the heading's whole
        left = [_heading_subject(head)]
    if not left and len(figs) == 1:
        left = one_item_for_its_whole(question, figs[0].fact) or members_named_alone(question, figs[0].fact, names) \
            or the_whole_not_the_part(
            question, figs[0].fact, figs[0].report.template) or body_named_alone(question, figs[0], sources)
    if not left and len(figs) == 1 and (part := part_in_brackets(question, figs[0], sources, names)):
        return Verdict(False, label=label, narrower=(part,))
    if not left and len(figs) == 1 and (part := part_asked(question, figs[0], sources, names)):
        left = [part]  # 「某指挥部本级的…」 asks the part the bracket after the whole prints
    if not left and (either := _EITHER.search(question_text(question))) \
            and not any("或" in question_text(c) for c in contexts) and (answer.value is None or len(figs) <= 2):
        left = [either.group()]  # 「当面或网上提交的」 names two ways: one figure's label must say both
    if left:
        return Verdict(False, tuple(left), label=label)
    if (which := WHICH_MORE.search(question_text(question))) and (len(figs) == 1 or not _one_of_or_gap(answer)):
        # 「哪类多」 compares: one figure answers no 哪, nor does a value that is neither one of the figures
        # compared nor the gap between them (a sum of the two)
        return Verdict(False, (which.group(),), label=label)
    if len(figs) == 1 and (each := _EACH_OF.search(question_text(question))) and not TOTAL_ASKED.search(question) \
            and each.group() not in question_text(" ".join(figs[0].fact.row_path)):
        # 「各所属单位分别支出多少」 asks a list, not a total (a line that names 「各乡镇」 itself is their total)
        return Verdict(False, (each.group(),), label=label)
    if qualified := next((w for fig in figs if (w := bracket_unasked(question, fig, sources))), ""):
        return Verdict(False, label=label, narrower=(qualified,))
    if len(figs) == 1 and (parts := narrower_item(question, figs[0].fact)
                           or member_for_a_total(question, figs[0].fact) or spent_on_unasked(question, figs[0].fact)
                           or act_unasked(question, figs[0].fact)
                           or own_name_unasked(question, figs[0].fact, names)):
        return Verdict(False, label=label, narrower=tuple(parts))
    if INFO_COUNTED.search(question_text(question)) and (
            cases := [f for f in figs if f.fact.unit in ("件", "宗") and "信息" not in " ".join(f.fact.row_path)]):
        # 「依申请公开的信息…几条」 counts items of information, not the requests (件) a row or sentence counts
        return Verdict(False, uncovered=("依申请公开的信息",), label=" / ".join(cases[0].fact.row_path)[:40])
    if len(figs) == 1 and (ex := EXCEPT.search(question_text(question))) and (out := excepted(ex)) \
            and not uncovered_terms(out, figure_context(figs[0], sources), names):
        return Verdict(False, label=label, left_out=out)  # 「除了公务接待，其余…」 is never 公务接待费 itself
    if (pair := next((p for fig in figs if (p := _one_of_joined(question, fig.fact))[0]), ("", "")))[0]:
        return Verdict(False, label=label, joined=pair)
    if len(figs) == 1 and (blank := printed_blank(question, sources.text(figs[0].fact.report_id), figs[0].fact)):
        return Verdict(False, label=label, blank=blank)
    if periods := _periods_unasked(question, figs):
        return Verdict(False, label=label, periods=tuple(periods))
    if rate := _per_unit_unasked(question, figs):
        return Verdict(False, label=label, narrower=(rate,))
    # a level worked back from is of the report's own year by design: its section's date is no other year
    if WORKED_BACK not in answer.warnings and (section := _section_of_another_year(question, figs, sources)):
        return Verdict(False, label=label, periods=(section,))
    if span := _period_asked_unheld(question, figs, sources):
        return Verdict(False, uncovered=(span,), label=label)
    wanted = quantity_asked(question_text(question))
    unit = answer.unit if answer.value is not None else figs[0].fact.unit
    if wanted == "percent" and operation_share:
        return Verdict(True)
    # 「关注人数1314人次」: a label that names the count asked (人数) is that count, whatever unit it has
    labelled = len(figs) == 1 and counts_as_labelled(question_text(question), " ".join(figs[0].fact.row_path))
    if wanted == "money" and money_named_not_asked(question_text(question),
                                                   [question_text(" ".join(f.fact.row_path)) for f in figs]):
        wanted = ""  # 「财政资金类信息」: the money word names the item counted
    if wanted and not unit_answers(wanted, unit) and not labelled:
        return Verdict(False, quantity=wanted, label=label)
    if unit in DAY_UNITS and not _DAYS_ASKED.search(question_text(question)) and not _HOW_LONG.search(question):
        # 「20日内公开…“三公经费”等事项」: a time limit answers how long, never how much the 三公 budget is
        return Verdict(False, quantity="span", label=label)
    return Verdict(True)


# 「来信、来电、来访、网络投诉等信访投诉事项7733件」: members of a list closed by 等, one figure for all
_LISTED = re.compile(r"((?:[\u4e00-\u9fffA-Za-z\d]{1,12}、){1,9}[\u4e00-\u9fffA-Za-z\d]{1,12})等")
_GROUP_WORDS = re.compile(r"这些|那些|之类|等等|这几[类项个种方]|等(?!于)")


_EITHER = re.compile(r"[\u4e00-\u9fff]{1,6}或(?!者|是|许)[\u4e00-\u9fff]{1,4}")
_BODIES = re.compile(r"^([^及()（）]{4,}?(?:局|委员会|办公室|指挥部|中心|站|所|院|队))及([^及()（）]{4,})$")
_BRACKET_AFTER = re.compile(r"\s*(?:万元|亿元|元|人|个|辆|件|条)?\s*[（(]([^（）()]{4,200})[）)]")


def body_named_alone(question: str, fig: Figure, sources: Sources) -> list[str]:
    """A report of two bodies (「某指挥部及某服务中心」) asked about one of them by name. The second
    body named alone asks its own figures: one whose label does not name it is not its. The first
    names the report as often as itself, so only a figure whose bracket prints each body's share
    (「1170.58万元（某指挥部本级1103.72万元，某服务中心66.86万元）」) is too much for it."""
    joined = _BODIES.match(question_text(fig.report.agency or ""))
    q = question_text(question)
    if joined is None or joined.group() in q or not fig.fact.span:
        return []
    own = question_text(" ".join(fig.fact.row_path))
    lead, second = joined.groups()
    if second in q and second not in own:
        return [second]
    bracket = _BRACKET_AFTER.match(sources.text(fig.fact.report_id)[fig.fact.span[1]:fig.fact.span[1] + 240])
    return [lead] if bracket and lead in q and lead in question_text(bracket.group(1)) and lead not in own else []


# 「支出预算1170.58万元（某指挥部本级1103.72万元，某服务中心66.86万元）」: the bracket right after a figure
# lists its parts
_WHOLE_THEN_BRACKET = re.compile(r"\d\s*(?:万元|亿元|元|人|名|个|件|条|项|辆|%)?\s*[（(]$")


def _side_unheld(question: str, figs: list[Figure], sources: Sources, names: Iterable[str]) -> list[str]:
    """「公务接待费，指挥部和服务中心谁多」: two sentences' numbers set side by side; each must hold what the
    question says of both (公务接待费), less what names the other side (its own label): a unit's share of
    another amount (专项业务费) is no side of this comparison."""
    if any(len(f.fact.row_path) < 2 for f in figs):
        return []  # only parts of wholes (a unit's share of an amount) are held to the other's whole
    for i, fig in enumerate(figs):
        other = figs[1 - i].fact
        whole, own = question_text(" ".join(other.row_path[:-1])), question_text(other.row_path[-1])
        unheld = [w for w in uncovered_terms(question, figure_context(fig, sources), names)
                  if len(w) >= 2 and w in whole and not bigrams(w) & bigrams(own)]
        if unheld:
            return unheld
    return []


def _without_agency(label: str, fig: Figure, names: Iterable[str]) -> str:
    """A label less the agency's names (the question's and the report's own), longest first: what is
    left tells a part apart (本级, a unit's own name)."""
    own = question_text(label)
    for name in sorted({question_text(n) for n in (*names, *agency_aliases(fig.report.agency or ""))},
                       key=len, reverse=True):
        own = own.replace(name, "")
    return own


def _last_clause(text: str) -> str:
    """The words after the last clause break (the whole's own words, just before its figure or bracket)."""
    return text[max(text.rfind(c) for c in "，,。；;：:") + 1:]


# 「资本性支出（基本建设）0.00万元；资本性支出0.35万元」: a line qualified in brackets right before its figure
_QUALIFIED = re.compile(r"([\u4e00-\u9fff]{2,20})[（(]([\u4e00-\u9fff]{2,10})[)）]\s*$")


def bracket_unasked(question: str, fig: Figure, sources: Sources) -> str:
    """The qualifier a line prints in brackets right before its figure (「资本性支出（基本建设）」), when the
    report prints the same line bare with a figure too and the question says none of the qualifier: the
    qualified line is another than the one asked."""
    f = fig.fact
    if f.table != "prose" or not f.span:
        return ""
    text = sources.text(f.report_id)
    m = _QUALIFIED.search(text[max(0, f.span[0] - 34):f.span[0]])
    if m is None or bigrams(m.group(2)) & bigrams(question_text(question)):
        return ""
    name = re.split(r"[；;，,：:。、\s]", m.group(1))[-1]
    bare = re.search(r"(?<![\u4e00-\u9fff])" + re.escape(name) + r"\s*\d", text) if len(name) >= 3 else None
    return m.group(2) if bare else ""


def part_in_brackets(question: str, fig: Figure, sources: Sources, names: Iterable[str]) -> str:
    """A figure printed as one part of the figure before its bracket, told apart from the other parts by
    its own label (a unit's name, 本级): it answers only a question that names that part; asked
    without it, the question asks the whole (its words are the whole's too). Returns the part's label."""
    f = fig.fact
    if f.table != "prose" or not f.span:
        return ""
    before = sources.text(f.report_id)[max(0, f.span[0] - 240):f.span[0]]
    opened = max(before.rfind("（"), before.rfind("("))
    if opened < 0 or max(before.rfind("）"), before.rfind(")")) > opened \
            or not _WHOLE_THEN_BRACKET.search(before[:opened + 1]):
        return ""
    # the words that tell this part from the whole (the clause before the bracket): 本级, a unit's name,
    # 「产业奖补」 of 「收入预算为…（产业奖补收入预算为…）」
    own = _without_agency(f.row_path[-1], fig, names)
    if len(question_text(f.row_path[-1])) >= 4 and not own.strip():
        # the part is the agency's own body (「…指挥部14.2万元，…服务中心6.3万元」 in the 指挥部's report): naming
        # the agency names the report, whose whole the bracket splits; only 「本级」「本身」 ask the part
        return "" if _SELF_ONLY.search(question) else f.row_path[-1]
    distinct = _distinct(own, question_text(_last_clause(before[:opened])))
    if not distinct:
        return ""
    if distinct & bigrams(question_text(question)) and not (
            _own_body(f.row_path[-1], fig.report.title) and not _SELF_ONLY.search(question)):
        return ""
    return f.row_path[-1]


# 「指挥部本级」「指挥部自己分到」「单独的」: the question sets the report's own body apart from its units
_SELF_ONLY = re.compile(SELF_ASKED.pattern + r"|不算|不含|不包括|除去|扣除|以外|之外")


def _own_body(label: str, title: str | None) -> bool:
    """Whether a bracketed part is the report's own body (its title's name, outside the title's brackets:
    「…开发建设指挥部（管理局含综合服务中心）预算说明」 and the part 「金井片区开发建设指挥部」): a question naming
    that body names the report, whose whole the bracket splits, not the part."""
    name = question_text(label.strip())
    head = question_text(re.sub(r"[（(][^（）()]*[）)]", "，", title or ""))
    return len(name) >= 4 and name in head


def _distinct(part: str, whole: str) -> set[str]:
    """The bigrams of what tells a part from its whole: runs of the part's characters the whole's words
    lack (「其他应」 of 「其他应主动公开的政府信息」 under 「主动公开政府信息55条」; 本级; a unit's name)."""
    runs = re.split("[" + re.escape("".join(set(whole))) + "]", part) if whole else [part]
    return {r[i:i + 2] for r in runs for i in range(len(r) - 1)}


_BRACKET_ITEM = re.compile(r"([^，,、；;：:\d（）()]{2,40}?)(?:为|是)?\s*\d[\d,，]*(?:\.\d+)?\s*"
                           r"(?:万元|亿元|元|人|名|个|件|条|项|辆|%)")


def part_asked(question: str, fig: Figure, sources: Sources, names: Iterable[str]) -> str:
    """A whole answering a question that names one of the parts its bracket lists (「机关运行经费276.02万元
    （某指挥部本级273.27万元，某服务中心2.75万元）」 asked of 本级): the part is asked, not the whole.
    Returns the part's label."""
    f = fig.fact
    if f.table != "prose" or not f.span:
        return ""
    text = sources.text(f.report_id)
    bracket = _BRACKET_AFTER.match(text[f.span[1]:f.span[1] + 240])
    if bracket is None:
        return ""
    # the agency's own names say which report, not which part (「…项目建设指挥部」 shares 项目建设 with its 服务中心)
    q = _without_agency(question, fig, names)
    if (ex := EXCEPT.search(q)) and (out := excepted(ex)):
        q = q.replace(out, "")  # 「除了某一类，还剩几条」 names the part to take away from the whole
    whole = _last_clause(question_text(text[max(0, f.span[0] - 80):f.span[0]])) + question_text(f.row_path[-1])
    for item in _BRACKET_ITEM.finditer(bracket.group(1)):
        own = _without_agency(item.group(1), fig, names)
        if _distinct(own, whole) & bigrams(q):
            return item.group(1).strip()
        if len(question_text(item.group(1))) >= 4 and not own.strip() and _SELF_ONLY.search(question):
            return item.group(1).strip()  # 「…指挥部本级」: the part that is the agency's own body
    return ""


def one_item_for_its_whole(question: str, f: Fact) -> list[str]:
    """A whole fixed as the sum of its items (三公经费) asked, answered by a figure whose own label names
    one item (「（二）公务接待费 2018年预算安排3万元」 right after the 三公 heading): the item is not
    the whole, whatever heading its sentence opens with."""
    q = question_text(question)
    own = question_text(" ".join(f.row_path))
    for whole, items in vocabulary().named_sums.items():
        said = [w for w in (whole, whole.removesuffix("经费")) if w in q]
        cores = [item_core(i) for i in items]
        if said and not any(c in q for c in cores) and any(c in own for c in cores) and said[0] not in own:
            return [said[0]]
    return []


def members_named_alone(question: str, f: Fact, names: Iterable[str] = ()) -> list[str]:
    """The members of a list a figure's label prints as a group (「A、B、C等X」) that the question
    names without the others: the figure is the whole group's, so it does not answer for one
    member (「来电有多少件」 is not the figure of 「来信、来电、来访、网络投诉等」)."""
    q = question_text(question)
    for n in sorted({question_text(x) for x in names if x}, key=len, reverse=True):
        q = q.replace(n, "|")
    label = question_text(_own_words(f))
    if _LISTED.search(q) or _GROUP_WORDS.search(q):  # the question names a group (「来信、来电等」「这些工作」)
        return []
    for m in _LISTED.finditer(label):
        items, group = m.group(1).split("、"), label[m.end():]  # the group's own name is no member's
        first = next((items[0][-k:] for k in range(min(len(items[0]), 6), 1, -1)
                      if items[0][-k:] in q and items[0][-k:] not in group), "")
        asked = [w for w in items[1:] if len(w) >= 2 and w in q and w not in group] + ([first] if first else [])
        if asked and len(asked) < len(items):
            return asked
    # 「因本机关不掌握等原因无法提供564件」: one reason 等 others, a group the question names one of
    for m in _ONE_AND_OTHERS.finditer(label):
        item = m.group(1)
        said = next((item[-k:] for k in range(min(len(item), 6), 2, -1) if item[-k:] in q), "")
        if said and m.group(2) not in q:
            return [said]
    return []


_ONE_AND_OTHERS = re.compile(r"([\u4e00-\u9fff]{3,12})等(原因|情形|情况|方式|渠道|类型|形式)")


# 「收到的申请里，属于企业的有几件」: a whole, then the part of it asked
_INSIDE = re.compile(r"^(.{2,40}?)(?:之中|当中|中|里)[，,](.{2,40})$")
_THE_REST = re.compile(r"其余|剩下|剩余|余下|还有")
_ASK_TAIL = re.compile(r"(?:属于|是|为|有|占|的|多少|几|加起来|一共|总共|合计|共计|花了|用了|[条件个项人万元篇次]"
                       r"|[两二三四五六七八九十\d]+[类项个种])+"
                       r"|[？?。，,、\s]")


def the_whole_not_the_part(question: str, f: Fact, version: str | None = None) -> list[str]:
    """The words of the part a question asks inside a whole (「…信息里，属于依申请公开的」) when the
    figure's own label names the whole and not one pair of characters of the part: that figure is
    the whole (514 of 「全年印发公文类政府信息共514条，其中…依申请公开信息数363条」)."""
    m = _INSIDE.match(normalize(question).replace(" ", ""))
    if f.table != "prose" or not m or EXCEPT.search(question) or _THE_REST.search(m.group(2)):
        return []  # 「…里，除了X，其余」 asks the whole less a part; a table cell's own labels say what it is
    own = question_text(_own_words(f))
    whole, part = question_text(m.group(1)), question_text(_ASK_TAIL.sub("", m.group(2)))
    # the cell's everyday names (律师事务所 for 法律服务机构) and the printed forms of the part's words
    said = own + "|" + "|".join(template_words(f, version)) + "|" + "|".join(vocabulary().printed_for(part))
    if len(part) < 2 or not (bigrams(whole) & bigrams(own)) or bigrams(part) & bigrams(said):
        return []
    return [part]


# 「三、2019年一般公共预算支出万元，其中：…」: a line printed with its unit and no amount
_BLANK_AMOUNT = re.compile(r"(?<![\d.])([\u4e00-\u9fff]{4,20}?)(?:万元|元)(?=[，,；;。])")


def printed_blank(question: str, text: str, f: Fact | None = None) -> str:
    """The line the question names word for word that the report prints with no amount: any other
    sentence's figure would answer for a line the report itself left empty. A line printed with its
    amount too (「本年收入183.58万元」 of the whole, 「本年收入万元」 in a sentence of another fund the question
    does not name) is not left empty: the figure whose own label is that line word for word stands."""
    q = question_text(question)
    own = _DATE.sub("", f.row_path[-1]).strip() if f is not None and f.table == "prose" and f.row_path else ""
    said = (f.sentence or "") if f is not None else ""
    return next((name for name, lead in _blank_lines(text or "") if name in q and not (
        name == own and (fund := _OTHER_FUND.search(lead)) and fund.group() not in q and fund.group() not in said)), "")


# a fund other than the general budget, which a line printed empty may be of
# (「（二）政府性基金预算财政拨款…本年收入万元」)
_OTHER_FUND = re.compile(r"政府性基金|国有资本经营|社会保险基金|财政专户")


@lru_cache(maxsize=64)  # asked of every answer checked; a report's text is read once
def _blank_lines(text: str) -> tuple[tuple[str, str], ...]:
    """Each line printed with no amount, with its sentence up to it."""
    out = []
    for m in _BLANK_AMOUNT.finditer(text):
        name = _DATE.sub("", m.group(1))
        if len(name) >= 4:
            out.append((name, text[max(text.rfind(c, 0, m.start()) for c in "。\n") + 1:m.start()]))
    return tuple(out)


# 「各下属单位分别…」「每个科室…」: one figure for each member of a group the report may not list
_EACH_OF = re.compile(r"(?:各|每个|每一个|每家|每一家)(?:个|家)?(?:下属|所属|二级)?"
                      r"(?:单位|部门|科室|处室|乡镇|街道|片区|中心|站|所|队|局)")
TOTAL_ASKED = re.compile(r"一共|合计|总共|共计|总计|加起来|总额|总数")  # a total asked for


_INCLUDES = re.compile(r"(?:包括|包含|含)[^，,。；;）)]*")


def narrower_item(question: str, f: Fact) -> list[str]:
    """The parts of a budget (三公经费, 机关运行经费) a figure's own label names and the question does not:
    a 「“三公”经费一般公共预算财政拨款支出」 figure is no answer to 「财政拨款支出一共多少」."""
    if f.table != "prose":  # a table's cells name their part in rows and columns the verifier reads
        return []
    if f.unit in DAY_UNITS:  # 「20日内公开部门决算及“三公”经费决算」: a time limit is no amount of a part
        return []
    # 「机关运行经费支出（包括政府采购）」: what a figure is said to include makes it no part of that
    q, own = question_text(question), question_text(_INCLUDES.sub("", _own_words(f)))
    q += " " + " ".join(vocabulary().printed_for(q))  # 「买公务车」 says 购置
    # 「公务接待费」 asked by its own name under the 三公 heading: an item of that whole, by definition
    within = {w for w, items in vocabulary().named_sums.items() for i in items
              if (core := item_core(i)) in q and core in own}
    return [w for w in vocabulary().narrow_items if w in own and w not in q and w.removesuffix("费") not in q
            and not any(w in whole or whole.removesuffix("经费") in w for whole in within)]


# 「比2016年决算数减少」「增长」: how a level changed, said under the level's name
_A_CHANGE = re.compile(r"增|减|降|涨|升|持平")
# what a whole's own name may say beside what it amounts to: its year, that it is the year's or the body's, 合计
_WHOLE_WORDS = re.compile(r"(?:19|20)\d\d\s*年度?|本年度?|全年|当年|年度|年初|部门|单位|本级|相应|安排|合计|总计|总额"
                          r"|总数|共计|一共|总共|共|总|收支|全部|整个|所有"
                          # 「我部部门预算收入为」: the agency speaking of itself names no line
                          r"|(?:我|本)(?:部|局|委|办|院|所|站|队|中心|单位|镇|乡|区|县|市|处|科)")


def _telling_pairs(words: str, names: Iterable[str] = ()) -> set[str]:
    """The bigrams of `words` that tell one line from another: less the names, what it amounts to
    (支出, 预算, 经费) and the words any whole's name may say (本年, 合计)."""
    text = question_text(words)
    for n in sorted({question_text(x) for x in (*names, *vocabulary().amount_nouns) if x}, key=len, reverse=True):
        text = text.replace(n, "，")
    return bigrams(_WHOLE_WORDS.sub("，", text))


_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*")


def own_name_unasked(question: str, f: Fact, names: Iterable[str] = ()) -> list[str]:
    """A figure whose own name tells it apart (「4.项目支出」「社会发展性支出」) asked by a question that says
    none of what tells it: 「部门支出预算总额」 asks a whole, which no line is, however its 支出 and the report's 预算
    cover the words asked. A numbered item of a list is always held to this; another line when the question
    names nothing but what is asked for and how much of it (its content words all amount nouns)."""
    if f.table != "prose" or not f.row_path:
        return []
    label = f.row_path[-1]
    # 「4.项目支出」: an item of a list, its number printed before its name; 「二、基本支出预算数」 too, a
    # section's number before a name said alone (not a heading glued to a sentence's words)
    mark = NUMBERED_ITEM.match(label) or (_SECTION_NUMBER.match(label) if " " not in label.strip() else None)
    # (「2、对个人和家庭补助支出：8090.20万元」: the number opens the sentence, right before the name)
    sentence = f.sentence or ""
    opened = NUMBERED_ITEM.match(sentence) or _SECTION_NUMBER.match(sentence)
    numbered = mark is not None or bool(opened and " " not in label.strip()
                                        and sentence[opened.end():].lstrip().startswith(label.strip()))
    if not numbered and (len(f.row_path) < 2 or _A_CHANGE.search(label)
                         or _telling_pairs("".join(uncovered_terms(question, (), names)), names)):
        return []  # a line with no subject above it may be the whole; a change is the level's
    name = label[mark.end():].strip() if mark else label.strip()
    own = _telling_pairs(name, names)
    if not own:  # 「3.经费」「本年支出合计」: the line says only what it amounts to
        return []
    q = question_text(question)
    q += " " + " ".join(vocabulary().printed_for(q))
    return [] if own & bigrams(q) else [name]


# 「2014年公务用车购置 0辆」: a label that ends on what was done that year counts the things it was done to
_ACT_END = re.compile(r"(?:购置|购买|新购|新增|处置|报废|更新|购入)$")


def act_unasked(question: str, f: Fact) -> list[str]:
    """What a counted figure's label says was done (bought, added, scrapped) when the question says none
    of it: the cars bought in a year are no answer to how many cars the agency has."""
    if f.table != "prose" or not f.row_path or not (m := _ACT_END.search(f.row_path[-1].strip())):
        return []
    if (f.unit or "").endswith("元"):  # 「购置费」 is money spent, not things counted
        return []
    q = question_text(question)
    q += " " + " ".join(vocabulary().printed_for(q))  # 「买了几辆」 says 购置
    return [] if m.group() in q else [m.group()]


# 「全年一般公共预算支出中用于教育、农林水…等民生领域的支出达到1232.58万元」: the part of a whole spent on something
_SPENT_ON = re.compile(r"中(?:用于|用在|投入(?:到|于)?)([^，,。；;]{2,60})$")


def spent_on_unasked(question: str, f: Fact) -> list[str]:
    """What a figure's sentence says it is the part of a whole spent on (「X中用于…民生领域的支出」), when the
    question says none of it: that part is no answer for the whole X the sentence opens with."""
    if f.table != "prose" or not f.sentence or not f.raw or (at := f.sentence.find(f.raw)) < 0:
        return []
    clause = re.split(r"[，,；;]", f.sentence[:at])[-1]
    m = _SPENT_ON.search(clause)
    if m is None:
        return []
    # the words of what it was spent on, less those of the whole it is part of (一般公共 of both)
    said = bigrams(question_text(m.group(1))) - bigrams(question_text(clause[:m.start()])) - bigrams("支出资金经费达到")
    return [] if said & bigrams(question_text(question)) else [m.group(1)[:20]]


_ALL_OF = re.compile(r"一共|总共|共有|合计|总计|共计|总数|全部")


def _one_of_or_gap(answer: Answer) -> bool:
    """Whether an answer's value is one of its figures or the difference of two of them."""
    if answer.value is None:
        return True
    vals = [f.fact.value for f in answer.figures]
    return answer.value in vals or any(abs(a - b) == answer.value for i, a in enumerate(vals) for b in vals[i + 1:])


_HEAD_LINE = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?\s*"
                        r"([\u4e00-\u9fff]{4,16})")


def member_for_a_total(question: str, f: Fact) -> list[str]:
    """A member of a 其中 list (「共有车辆17辆，其中：…一般公务用车3辆…」) asked as a total (「一共有多少
    辆车」): the list's head, printed before 其中 in the same unit, is the total; the member answers only
    a question that names it outright."""
    q = question_text(question)
    if f.table != "prose" or not f.sentence or not f.raw or not f.unit:
        return []
    s = f.sentence
    at = number_at(f)  # 「共有车辆16辆，其中：一般公务用车16辆」: the printing the label leads up to
    k = s.rfind("其中", 0, at) if at > 0 else -1
    head = re.search(r"\d+(?:\.\d+)?\s*" + re.escape(f.unit), s[:k]) if k >= 0 else None
    if head is None:
        return []
    # 「（三）公务用车购置及运行费 2019年预算安排3.8万元，其中：公车运行费…，公车购置费0万元」: a question
    # that names the head's own line asks the head, as one asking a total does
    line = _HEAD_LINE.match(s[:head.start()])
    label = question_text(f.row_path[-1])
    named = max((n for n in range(len(label), 1, -1) for i in range(len(label) - n + 1) if label[i:i + n] in q),
                default=0)
    if named == 0:  # 「有几辆车」 names no word of 「机要通信用车」 but its noun: the head's count is asked
        return [f.row_path[-1]]
    if not _ALL_OF.search(q) and not (line and question_text(line.group(1)) in q):
        return []
    return [f.row_path[-1]] if named < len(label) - 1 else []


# 「主动公开及依申请公开政府信息总条数占…78.80%」: one figure of two things joined; 「均为」「各」 after
# the pair gives each its own figure
_PAIR = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:及(?!时)|以及|和|与|加)([\u4e00-\u9fff]{2,6})")
# what makes the pair one figure: a total or share of the two (「…总条数占…」「…占比」)
_JOINT = re.compile(r"总条数|总数|总量|合计|共计|总计|占比|占")
_EACH_AFTER = re.compile(r"均|各|分别|都")
_PAIR_LEAD = re.compile(r"^(?:其中|包括|含|共|全年|(?:19|20)\d\d年度?)+")


def one_of_a_pair(question: str, f: Fact) -> tuple[str, str]:
    """A prose figure whose own words join two things (「A及B…总数」, or a label that is the pair and
    nothing else) asked for one of them alone: the pair's figure, and the one asked, or two empty
    strings."""
    if f.table != "prose":
        return "", ""
    printed = f.row_path[-1] if f.row_path else ""
    own = question_text(printed)
    q = question_text(question)
    # 「其中…依申请公开及不予公开388份」: the label is the pair and nothing else, so the number is the two
    # together (not 「…等30余个集中宣传活动及 新闻发布会」, whose number stands inside the pair, nor a
    # listed category's name, 「突发公共事件应急预案、预警信息及应对情况」)
    bare = _PAIR_LEAD.sub("", own)
    whole_pair = "、" not in printed and not re.search(r"(?:及|和|与)\s+\S", printed)
    # the two must be things of one kind, said alike (依申请公开 / 不予公开): a name that joins two
    # words of its own (公务用车购置及运行费, 对个人和家庭补助支出, 年末结转和结余) is one thing
    alone = m if whole_pair and (m := _PAIR.fullmatch(bare)) and m.group(1)[-2:] == m.group(2)[-2:] else None
    for m in [alone] if alone else _PAIR.finditer(own):
        if not alone and (_EACH_AFTER.search(own[m.end():]) or not _JOINT.search(own[m.end():])):
            continue
        a, b = m.group(1), m.group(2)
        # a side is asked when the question says its opening words (依申请公…); a word the sides share
        # with something else the question names (公务 of 公务接待) asks neither
        said_a, said_b = a[:4] in q, b[:4] in q
        if said_a != said_b and a[:4] != b[:4]:
            return m.group(), a if said_a else b
    return "", ""


def _one_of_joined(question: str, f: Fact) -> tuple[str, str]:
    """The joined things a figure is printed for, and the one of them asked alone (or two empty strings)."""
    if f.row_path and (cut := f.row_path[-1].find(PURPOSE_MARK)) > 0:
        # 「行政运行 用于在职人员工资、津补贴及社会保障缴费」: what a line is for joins nothing it is printed for
        f = replace(f, row_path=(*f.row_path[:-1], f.row_path[-1][:cut]))
    last = last_of_a_list(question, f)
    if last[0]:
        return last
    if (pair := one_of_a_pair(question, f))[0]:
        return pair
    return pair if (pair := one_side_of_a_cost(question, f))[0] else own_share_of_bodies(question, f)


_OWN_SHARE = re.compile(r"自己|单独|本身|自身")
_BODY = r"[\u4e00-\u9fff]{2,20}?(?:指挥部|中心|局|站|所|队|院|办|馆|委员会)"
_TWO_BODIES = re.compile(rf"({_BODY})(?:和|及|与|、)({_BODY})")


def own_share_of_bodies(question: str, f: Fact) -> tuple[str, str]:
    """A figure its sentence says is for two bodies together (「…用于…指挥部和…服务中心的人员支出」), asked as
    one body's own (「某中心单独的人员经费」): no share of the two is printed, so the figure is no answer."""
    q = question_text(question)
    if not _OWN_SHARE.search(q) or f.table != "prose" or not (m := _TWO_BODIES.search(f.sentence or "")):
        return "", ""
    bodies = [re.sub(r"^.*?(?:用于|包括|含|为)", "", b) for b in (m.group(1), m.group(2))]
    asked = next((b for b in bodies if b[-3:] in q), "")
    return ("和".join(bodies), asked) if asked else ("", "")


# 「公务用车购置及运行费」: two costs of one thing, their verbs joined before the cost they share
_TWO_COSTS = re.compile(r"([\u4e00-\u9fff]{2})(?:及|和|与)([\u4e00-\u9fff]{2})(?:维护)?(费|经费|支出)")


def one_side_of_a_cost(question: str, f: Fact) -> tuple[str, str]:
    """A figure for two costs of one thing (购置及运行费) asked for one of them alone, by its word or an
    everyday one (「买公车」 says 购置, 「养车」 运行): the figure is both. (label, the one asked) or two
    empty strings; one said with neither, or with both, is the figure itself."""
    if not f.row_path or not (f.unit or "").endswith("元"):
        return "", ""
    m = _TWO_COSTS.search(question_text(f.row_path[-1]))
    if m is None:
        return "", ""
    q = question_text(question)
    said = q + "|" + "|".join(vocabulary().printed_for(q))
    a, b = (m.group(i) in said for i in (1, 2))
    asked = m.group(1) if a else m.group(2)
    # 「公务用车购置及运行费 …车辆运行经费34.20万元」: a label that goes on to name the one side is that side's
    if a == b or asked in question_text(f.row_path[-1])[m.end():]:
        return "", ""
    return m.group(), asked


def last_of_a_list(question: str, f: Fact) -> tuple[str, str]:
    """An amount printed right after two long things joined by 及 (「…新增台湾专才工资及下属…公司第二期
    资本金600万元」) asked for the first one alone, the second not named at all: the amount is the
    second one's (or the two's), never the first's. Only amounts of money: a listed category's name
    (「…的政策、措施及其实施情况8条」) is one name. Returns (the label, the thing asked) or two empty strings."""
    if not (f.unit or "").endswith("元") or not f.row_path:
        return "", ""
    own = question_text(f.row_path[-1])
    q = question_text(question)
    parts = [p for p in re.split(r"以及|及(?!时|其)", own) if p]
    if len(parts) != 2 or min(len(p) for p in parts) < 6 or _JOINT.search(parts[-1]) or _asked_part(parts[-1], q, 1):
        return "", ""  # two long things, the later one not asked at all (公务用车购置及运行费 is one thing)
    return (own, parts[0]) if _asked_part(parts[0], q, 2) else ("", "")


def _asked_part(part: str, q: str, least: int) -> bool:
    """Whether the question names a listed thing: `least` of its two-character words or more."""
    words = [part[i:i + 2] for i in range(len(part) - 1)]
    return sum(w in q for w in words) >= least



def pair_split(asked: str, facts: Iterable[Fact]) -> str:
    """The two things a question joins (「主动公开及依申请公开的」) when the figures' own words hold only
    one of them: a share or level of one member is not the pair's. Returns the pair as asked, or ""."""
    # a prose figure's label, not its clause: the clause of a list's second item holds the first
    own = question_text("|".join((f.row_path[-1:] if f.table == "prose" else f.row_path + f.column_path)[0]
                                 if f.row_path else "" for f in facts))
    for m in _PAIR.finditer(question_text(asked)):
        a, b = m.group(1), m.group(2)
        only_a, only_b = bigrams(a) - bigrams(b), bigrams(b) - bigrams(a)
        if only_a and only_b and bool(only_a & bigrams(own)) != bool(only_b & bigrams(own)):
            return m.group()
    return ""


def _own_words(f: Fact) -> str:
    """A figure's own label; for a prose number, its clause up to the number (the label may keep only
    the last item of a list: 「政策文件等信息共」 of 「…项目清单、…、政策文件等信息共13条」)."""
    label = f.row_path[-1] if f.row_path else ""
    if f.table != "prose" or not f.sentence or not f.raw or (at := f.sentence.find(f.raw)) < 0:
        return label
    clause = re.split(r"[，,。；;：:]", f.sentence[:at])[-1]
    return clause if clause.endswith(label[-4:]) else label


def _heading_subject(head: str) -> str:
    bare = re.sub(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*", "", head)
    return bare.strip()[:30] + "（总数）"


# a part of the year a figure's own label names (「第二季度开工15个项目」, 「上半年」, 「3月份」)
_PERIOD_PART = re.compile(r"第[一二三四1-4]季度|[一二三四1-4]季度|[上下]半年"
                          r"|(?<![\d年])\d{1,2}\s*月份?(?!\s*\d{1,2}\s*日)")


def _periods_unasked(question: str, figs: tuple[Figure, ...]) -> list[str]:
    """The parts of the year the figures' own labels name and the question does not: one quarter's
    figure does not answer for 「四个季度一共」 or for the year."""
    q = question_text(question)
    out: list[str] = []
    for fig in figs:
        label = " ".join(fig.fact.row_path[-1:] + fig.fact.column_path)
        out += [m.group() for m in _PERIOD_PART.finditer(label) if question_text(m.group()) not in q]
    if len(figs) > 1 and len(set(out)) > 1:  # 「两个季度的收入合起来」: the periods together are the span asked
        return []
    return list(dict.fromkeys(out))


# 「每部定额3.8万元」「人均5000元」: an amount for one of many, which no total is
_PER_UNIT = re.compile(r"每(?:部|辆|台|人|名|位|户|个|件|套|间|家|所|批|次|场)|人均|单价")
_PER_UNIT_ASKED = re.compile(r"每|人均|单价|平均|一部|一辆|一台|一人|一个人|一户")


def _per_unit_unasked(question: str, figs: tuple[Figure, ...]) -> str:
    """The per-unit words of a figure's own label (「每部定额」) when the question asks no amount per
    unit: the rate for one car is not what the cars together cost, nor the budget line."""
    if _PER_UNIT_ASKED.search(question_text(question)):
        return ""
    for fig in figs:
        label = fig.fact.row_path[-1] if fig.fact.row_path else ""
        if _PER_UNIT.search(label):
            return label
    return ""


def _section_of_another_year(question: str, figs: tuple[Figure, ...], sources: Sources) -> str:
    """The heading of the section a prose figure stands in when it dates the section to years the
    question does not ask (「一、2018年预算执行情况」 of a report that then sets out 2019's budget),
    and the figure's own sentence names none of the asked years either: last year's outturn is not
    this year's plan. "" when the question names no year or the section names none."""
    asked = set(years_in(question))
    if not asked:
        return ""
    if _YEAR_BEFORE_SAID.search(question):  # 「2018年…比上年」 asks 2017's figure too
        asked |= {y - 1 for y in asked}
    for fig in figs:
        f = fig.fact
        if f.table == "prose" and f.span and (heading := dated_otherwise(
                section_of(sources.text(f.report_id), f.span[0]), f.sentence or "", asked)):
            return heading
    return ""


_YEAR_BEFORE_SAID = re.compile(r"上一?年|去年|前一年")
# a part of the year a question asks (「1月到8月」「上半年」「前三个季度」「第二季度」)
_PERIOD_ASKED = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?\s*(?:到|至|—|－|-|~|～)\s*"
                           r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|末)?"
                           r"|[上下]半年|前[一二三两1-3]个?季度|第?[一二三四1-4]季度|前[一二三四五六七八九十\d]{1,2}个月")


def _period_asked_unheld(question: str, figs: tuple[Figure, ...], sources: Sources) -> str:
    """A part of the year the question asks that no figure's own words name: a figure of the whole
    period the report covers (its year, or the months it was in being) is no figure of 1月到8月."""
    m = _PERIOD_ASKED.search(question_text(question))
    if not m:
        return ""
    said = "|".join(c for fig in figs for c in figure_context(fig, sources))
    months = re.findall(r"(\d{1,2}|[一二三四五六七八九十]{1,3})月", m.group())
    held = m.group() in said or (months and all(f"{mo}月" in said for mo in months))
    return "" if held else m.group()


_QUANTITY_WORDS = {"percent": "比例（百分数）", "money": "金额", "span": "数额或数量，不是期限"}
_ACTUAL = re.compile(r"实际|实有")
_STAFFING_COLUMNS = ("在职", "实有", "人员编制", "编制")
_STAFF_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])(?:人员|岗位)")


def _headcounts(figs: Iterable[Figure], columns: tuple[str, ...]) -> bool:
    """Whether every figure is a headcount read in a column opening with one of `columns`."""
    return all(f.fact.unit in HEADCOUNT_UNITS and any(c.startswith(columns) for c in f.fact.column_path)
               for f in figs)


def refusal(answer: Answer, verdict: Verdict) -> Answer:
    """The refusal that replaces an answer the verifier did not let through: it names what the
    question asked that no stored figure of the report says."""
    r = answer.figures[0].report
    if verdict.left_out:
        text = (f"{who(r)}的报告中找到的「{verdict.label}」正是问题要除去的「{verdict.left_out}」，不是其余部分，"
                "所以不作为答案；报告里没有找到可以相减的总数和各项。")
    elif verdict.joined[0]:
        text = (f"{who(r)}的报告中找到的数字是「{verdict.joined[0]}」两者合在一起的，"
                f"问题只问其中的「{verdict.joined[1]}」，所以不作为答案；报告里没有单独的这一数字。")
    elif verdict.blank:
        text = (f"{who(r)}的报告里「{verdict.blank}」一项只印了单位（万元），没有数字，所以无法回答；"
                f"其他句子里的数字（如「{verdict.label}」）不是这一项。")
    elif verdict.narrower:
        text = (f"{who(r)}的报告中找到的「{verdict.label}」只是「{'」「'.join(verdict.narrower)}」的数字，"
                "问题问的不是这一部分，所以不作为答案；报告里没有所问的这一数字。")
    elif verdict.periods:
        text = (f"{who(r)}的报告中找到的「{verdict.label}」只是「{'」「'.join(verdict.periods)}」的数字，"
                "问题问的不是这一段时间，所以不作为答案；报告里没有所问时段的这一数字。")
    elif verdict.uncovered:
        terms = "」「".join(verdict.uncovered)
        text = (f"在{who(r)}的报告中没有找到与「{terms}」对应的数字：最接近的是「{verdict.label}」，"
                f"但它并不是按「{terms}」统计的，所以不作为答案。可以换一种问法，或直接问表内的行列名称。")
    else:
        asked = _QUANTITY_WORDS.get(verdict.quantity) or f"多少{verdict.quantity.split(':', 1)[-1]}"
        text = (f"问题问的是{asked}，但{who(r)}的报告中找到的「{verdict.label}」是另一种数"
                f"（单位：{answer.figures[0].fact.unit or '无'}），报告里没有所问的这个数字。")
    return replace(answer, status=REFUSED, text=text, value=None, unit=None, figures=(), table=None,
                   warnings=answer.warnings + ("verifier",), citations=answer.citations)


def gate(question: str, answer: Answer, names: Iterable[str], sources: Sources,
         operation_share: bool = False) -> Answer:
    """The answer if every word of the question is accounted for and the quantity fits; else a refusal."""
    if answer.status not in (ANSWERED, AMBIGUOUS):
        return answer
    verdict = check(question, answer, names, sources, operation_share)
    return answer if verdict.ok else refusal(answer, verdict)
