"""The question-side vocabulary (index/vocabulary.json), read and compiled once.

Other qa modules ask this one which words ask for a figure, which carry no content, which negate,
and which quantity a question wants; none of them spells those word lists itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

Quantity = str  # "percent" | "money" | "count:<measure word>" | ""


@dataclass(frozen=True)
class Vocabulary:
    ask: tuple[str, ...]
    neutral: tuple[str, ...]  # longest first
    compounds: tuple[str, ...]  # terms a neutral word is part of (机关运行经费): content there
    unbroken: dict[str, tuple[str, ...]]  # a budget kind (一般公共预算): covered by a label printing a form
    function_chars: frozenset[str]
    negation: tuple[str, ...]
    quantity_words: dict[str, tuple[str, ...]]
    quantity_units: dict[str, tuple[str, ...]]
    interchangeable: tuple[frozenset[str], ...]
    addable: tuple[frozenset[str], ...]  # stricter: the same things counted, so a sum means something
    part_break: tuple[str, ...]
    part_lead: tuple[str, ...]  # words that open a later part and are dropped (其中)
    part_keep: tuple[str, ...]  # words that open a later part about the first part's subject (占, 比)
    each: tuple[str, ...]
    joiners: tuple[str, ...]
    figure_cues: tuple[str, ...]
    amount_nouns: tuple[str, ...]  # a question that only names one of these (「工会经费？」) asks its figure
    synonyms: dict[str, tuple[str, ...]]  # everyday word → the words labels print for it
    contrasts: tuple[tuple[str, ...], ...]  # qualifiers that exclude each other (预算 / 决算)
    contrast_parts: tuple[tuple[str, ...], ...]  # groups whose members are parts of one whole
    residual: tuple[str, ...]  # 其他: a label naming the rest of a set
    narrow_items: tuple[str, ...]  # 三公经费: a part of a budget a label may name beside a wider word
    contrast_names: tuple[str, ...]  # names that hold a member without meaning it (一般公共预算)
    contrast_same: tuple[tuple[str, str], ...] = ()  # words said for a member (年底 → 年末), longest first
    contrast_wholes: tuple[str, ...] = ()  # members that name the whole (本部门), never a narrower figure
    named_sums: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 三公经费 → its three items
    particulars: tuple[str, ...] = ()  # a particular of one request or case (网上, 判决), longest first
    method_verbs: tuple[str, ...] = ()  # 倒推, 推算: a clause saying how a figure is worked out
    method_words: tuple[str, ...] = ()  # the words such a clause is otherwise made of, longest first
    unnegated: tuple[str, ...] = ()  # 不少, 不断: a negation character that negates nothing

    def asks_figure(self, text: str) -> bool:
        return any(c in text for c in self.figure_cues)

    def printed_for(self, text: str) -> list[str]:
        """What reports print for the everyday words of `text` (「买」 → 购置, 购买, 采购)."""
        # longest word first, each stretch read once: 「实际在职」 is 在职, and its 实际 no 决算
        out: list[str] = []
        for word, printed in self.synonyms.items():
            if word in text:
                out += printed
                text = text.replace(word, "|")
        return out

    def names_an_amount(self, text: str) -> bool:
        """「机关运行经费预算？」「事业收入？」: a bare noun phrase ending in an amount asks for it."""
        head = text.rstrip("？?。.！! 呢吧啊")
        return any(head.endswith(w) for w in self.amount_nouns)

    def count_alike(self, a: str, b: str) -> bool:
        """14宗 and 3件 add up to 17 cases; 14宗 and 2516条 add up to nothing."""
        return _grouped(a, b, self.addable)

    def same_unit(self, a: str, b: str) -> bool:
        """件 and 宗 count the same things; 辆 and 元 do not."""
        return _grouped(a, b, self.interchangeable)


def _grouped(a: str, b: str, groups: tuple[frozenset[str], ...]) -> bool:
    return a == b or any(a in group and b in group for group in groups)


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def vocabulary() -> Vocabulary:
    raw = json.loads(resources.files("index").joinpath("vocabulary.json").read_text(encoding="utf-8"))
    q = raw["quantity"]
    return Vocabulary(
        ask=_longest_first(raw["ask"]),
        neutral=_longest_first(raw["neutral"] + raw["ask"] + q["count"]["words"]),
        compounds=_longest_first(raw["compounds"]),
        unbroken={k: tuple(v) for k, v in raw["unbroken"].items()},
        function_chars=frozenset(raw["function_chars"]),
        negation=_longest_first(raw["negation"]),
        quantity_words={k: _longest_first(v["words"]) for k, v in q.items()},
        quantity_units={k: tuple(v["units"]) for k, v in q.items()},
        interchangeable=tuple(frozenset(g) for g in raw["interchangeable_units"]),
        addable=tuple(frozenset(g) for g in raw["addable_units"]),
        part_break=tuple(raw["part_break"]),
        part_lead=_longest_first(raw["part_lead"]),
        part_keep=_longest_first(raw["part_keep"]),
        each=_longest_first(raw["each"]),
        joiners=_longest_first(raw["joiners"]),
        figure_cues=_longest_first(raw["figure_cues"]),
        amount_nouns=_longest_first(raw["amount_nouns"]),
        synonyms={k: tuple(v) for k, v in sorted(raw["synonyms"].items(), key=lambda kv: -len(kv[0]))
                  if not k.startswith("_")},
        contrasts=tuple(tuple(g) for g in raw["contrasts"]["groups"]),
        contrast_names=_longest_first(raw["contrasts"].get("names", [])),
        residual=tuple(raw.get("residual", [])),
        narrow_items=tuple(raw.get("narrow_items", [])),
        contrast_parts=tuple(tuple(g) for g in raw["contrasts"].get("parts", [])),
        contrast_same=tuple(sorted(raw["contrasts"].get("same", {}).items(), key=lambda kv: -len(kv[0]))),
        contrast_wholes=tuple(raw["contrasts"].get("wholes", [])),
        named_sums={k: tuple(v) for k, v in raw.get("named_sums", {}).items() if not k.startswith("_")},
        particulars=_longest_first(raw.get("particulars", [])),
        method_verbs=_longest_first(raw["method_clause"]["verbs"]),
        method_words=_longest_first(raw["method_clause"]["words"] + raw["method_clause"]["verbs"]),
        unnegated=_longest_first(raw.get("unnegated", [])),
    )


@lru_cache(maxsize=4096)  # asked of every candidate figure of a question: one reading per text
def quantity_asked(text: str) -> Quantity:
    """What kind of number the question wants: a percentage, an amount of money, a count of some
    measure word (「几辆」 → count:辆), or "" when it does not say."""
    v = vocabulary()
    money_at = _MONEY_ASK.search(text)
    pct_at = max((text.rfind(w) for w in v.quantity_words["percent"] if w in text), default=-1)
    # 「按报告给的办理率算，…大约办理了多少起」: a rate named as the input, a count asked after it
    counted_after = any(a > pct_at for w in v.quantity_words["count"] for a in _find_all(text, w)
                        if not _starts_a_word(text, a + len(w) - 1))
    if pct_at >= 0 and not counted_after and not (money_at and money_at.start() > pct_at):
        return "percent"
    for w in v.quantity_words["count"]:
        at = [a for a in _find_all(text, w) if not _starts_a_word(text, a + len(w) - 1)]
        # 「几个“行政运行”科目…合计多少钱」: the ask that comes last is what the question wants
        if at and not (money_at and money_at.start() > at[-1]):
            word = w.removeprefix("多少").removeprefix("几")
            if word == "个" and ((_PEOPLE_COUNTED.search(text[:at[-1]]) and _ENDS.match(text, at[-1] + len(w)))
                                or _PEOPLE_AFTER.match(text, at[-1] + len(w))):
                return "count:人"  # 「核定编制几个」「在职人员有几个」「有几个编制」: people, counted in 人
            return "count:" + word
    if _MONEY_HEAD_ASKED.search(text):
        return "money"  # 「在编人员的人员经费是多少」: the noun asked about is an amount, whoever it is for
    if (noun := _COUNT_NOUN_ASKED.search(text)) and not money_at:
        return "count:" + noun.group(1)  # 「接待总人数是多少」「办件数有多少」: the noun says what is counted
    if _HEADCOUNT_NAMED.search(text) and not money_at:
        return "count:人"  # 「预算里各单位的在职人员合起来」: the 预算 names the report, people are asked
    if any(w in text for w in v.quantity_words["money"]):
        return "money"
    return ""


# a noun of what is counted (人数 of 关注人数, 件数 of 办件数): it asks that count, in that unit
COUNT_NOUN = re.compile(r"(人|户|件|家|辆|台|篇|条|项|场|次)数")
_COUNT_NOUN_ASKED = re.compile(r"(?!次)" + COUNT_NOUN.pattern + r"\s*(?:是|有|为|共|一共|总共|合计)?\s*(?:多少|几)")
_MONEY_HEAD_ASKED = re.compile(r"(?:经费|资金|费用|支出|拨款)\s*(?:是|有|为|共|一共|总共|合计)?\s*"
                               r"多少(?![个人名位项件条])")
_HEADCOUNT_NAMED = re.compile(r"在职人员|在职人数|实有人数|编制数|人员编制|核定编制|职工人数|在编")
_PEOPLE_COUNTED = re.compile(r"编制|人员|人数|在职|职工|干部|员工|工作人员")
# 「几个人」「几个在职人员」
_PEOPLE_AFTER = re.compile(r"(?:人员)?编制|(?:在职|在编|实有|在岗)?(?:工作人员|人员|职工|干部)|人(?!次|民|大)"
                           r"|[\u4e00-\u9fff]{1,3}?员(?![会额])")  # 「几个卫生员」「几个公务员」
_ENDS = re.compile(r"\s*(?:[？?。！!，,]|$|人)")
_MONEY_ASK = re.compile(r"多少钱|多少万元|多少元|多少万(?!人)|金额是?多少")
# the words that make a question one about money (text_match reads a question's kind of quantity by them too)
MONEY_WORDS = ("钱", "元", "金额", "经费", "资金", "预算", "收入", "支出", "费用")


def money_named_not_asked(question: str, labels: list[str]) -> bool:
    """Whether every money word of the question stands in the name of the item it asks about
    (「财政资金类信息」 of the printed 「财政资金类8条」, 「“部门预算、决算”类」): the word names the
    item, it asks no amount; a 多少钱 or 金额 would."""
    words = [w for w in MONEY_WORDS if w in question]
    # 「综合定额公用经费0.9万元（2位借调人员经费）」: the item the question names is printed with its amount,
    # so the count in its bracket is not what a question of that item's money asks
    amounted = any(len(m.group(1)) >= _AMOUNTED_ITEM and m.group(1)[-_AMOUNTED_ITEM:] in question
                   for label in labels for m in _AMOUNT_OF.finditer(label))
    return bool(words) and not _MONEY_ASK.search(question) and not amounted \
        and all(any(w in label for label in labels) for w in words)


_AMOUNT_OF = re.compile(r"([\u4e00-\u9fff]+)\s*\d+(?:\.\d+)?\s*(?:万元|亿元|元)")
_AMOUNTED_ITEM = 4  # characters of the item printed before an amount the question must say


def _find_all(text: str, w: str) -> list[int]:
    out, i = [], text.find(w)
    while i >= 0:
        out.append(i)
        i = text.find(w, i + 1)
    return out


def _starts_a_word(text: str, at: int) -> bool:
    """「多少项目支出」: the 项 opens the word 项目, it is no measure word (「几辆车」 is one); nor is a
    word the cutter glued a measure word to the noun it counts (「多少通电话」: 通 + 电话)."""
    word = next((w for w, start, _ in _tokens(text) if start == at and len(w) >= 2), None)
    return word is not None and not _one_word(word[1:])


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    import jieba

    return tuple(jieba.tokenize(text, HMM=False))


def _one_word(text: str) -> bool:
    """Whether the word cutter reads `text` as one word of two or more characters."""
    return len(text) >= 2 and word_list(text) == (text,)


@lru_cache(maxsize=1024)
def word_list(text: str) -> tuple[str, ...]:
    """The text cut into words (jieba, dictionary only), cached: names are cut once."""
    import jieba

    return tuple(jieba.lcut(text, HMM=False))


def unit_answers(quantity: Quantity, unit: str | None) -> bool:
    """Whether a figure in `unit` can answer a question wanting `quantity`."""
    if not quantity or not unit:
        return True
    v = vocabulary()
    if quantity == "percent":
        return unit in v.quantity_units["percent"]
    if quantity == "money":
        return unit.endswith("元")
    word = quantity.split(":", 1)[1]
    # 万件 is 件 by the ten thousand; 人次 is not 次 (24人次 in 2批次)
    base = unit.lstrip("余多")  # 「5500余条」 counts 条
    return v.same_unit(word, base) or (base.endswith(word) and base[: -len(word)] in ("", "万", "亿", "千", "万余"))


@lru_cache(maxsize=65536)  # every label of a report is read against each contrast group
def without_names(text: str) -> str:
    """The text without names that hold a qualifier they do not mean (一般公共预算财政拨款支出 says
    nothing of 预算 as against 决算)."""
    for name in vocabulary().contrast_names:
        text = text.replace(name, "|")
    return text


def members(text: str, group: tuple[str, ...]) -> set[str]:
    """The members of a contrast group a text says, a longer member hiding the shorter it holds
    (「年初预算」 is not also 「预算」)."""
    found: set[str] = set()
    rest = _said_as_members(without_names(text))
    for w in sorted(group, key=len, reverse=True):
        if w in rest:
            found.add(w)
            rest = rest.replace(w, "|")
    return found


def contrast_fit(question: str, label: str) -> int:
    """How a label's qualifiers sit with the question's: +1 for each contrast group where they
    agree (决算 asked, 决算数 printed), −1 where they exclude each other (决算 asked, 预算数 printed),
    and −1 where the label narrows what the question left whole (基本支出 printed, neither 基本支出
    nor 项目支出 asked: the line's 合计 answers). Members are read longest first across groups, so
    the 支出 of 基本支出 is no 支出 of the 收入/支出 group."""
    asked_all, have_all = _qualifiers(question), _qualifiers(label)
    v = vocabulary()
    score = 0
    for i, group in enumerate(v.contrasts):
        asked, have = asked_all.get(i, set()), have_all.get(i, set())
        if asked and have:
            score += 1 if asked & have else -1
        elif have and not asked and group in v.contrast_parts:
            score -= 1
    return score


def contradicts(question: str, label: str, skip_kind: bool = False) -> bool:
    """Whether a label says a qualifier the question's excludes (决算 asked, 预算数 printed).
    `skip_kind`: the figure is of no budget or account (a headcount), so 预算/决算 groups say nothing."""
    asked_all, have_all = _qualifiers(question), _qualifiers(label)
    groups = vocabulary().contrasts
    return any(asked_all.get(i) and have and not asked_all[i] & have for i, have in have_all.items()
               if not (skip_kind and ("预算" in groups[i] or "决算" in groups[i])))


@lru_cache(maxsize=8192)
def _qualifiers(text: str) -> dict[int, frozenset[str]]:
    """The contrast members a text says, by group, each span read once as its longest member (read
    once per label: every candidate cell of every question asks it)."""
    rest = _said_as_members(without_names(text))
    out: dict[int, set[str]] = {}
    for w, groups in _members_longest_first():
        if w in rest:
            for i in groups:  # 决算 is of 预算/决算 and of 年初预算/调整预算/决算 alike
                out.setdefault(i, set()).add(w)
            rest = rest.replace(w, "|")
    return {i: frozenset(ws) for i, ws in out.items()}


# 「全年累计…」「本年累计…」: a sum over the report's own year is that year's figure; but 「本年累计总关注
# 用户达…」 is a total reached, a stock, not what the year added
_YEAR_TO_DATE = re.compile(r"(?:全年|年内|本年度?|当年)\s*累计(?!\s*总)")
# 「2021年累计…」 may be the year's sum or the total to that year: it asks neither member
_A_YEARS_SUM = re.compile(r"(?:19|20)\d\d\s*年度?\s*累计")


def _said_as_members(text: str) -> str:
    """The text with the words said for a contrast member replaced by it (年底 → 年末)."""
    text = _YEAR_TO_DATE.sub("当年", _A_YEARS_SUM.sub("", text))
    for word, member in vocabulary().contrast_same:
        text = text.replace(word, member)
    return text


@cache
def _members_longest_first() -> tuple[tuple[str, tuple[int, ...]], ...]:
    groups = vocabulary().contrasts
    words = sorted({w for g in groups for w in g}, key=lambda w: (-len(w), w))
    return tuple((w, tuple(i for i, g in enumerate(groups) if w in g)) for w in words)


_KIND_QUALIFIER = {"final": "决算", "budget": "预算"}


def with_kind(label: str, kind: str | None) -> str:
    """A table cell's own words with what its report's kind says of every cell that names neither
    预算 nor 决算: a final account's 「本年收入合计」 is a 决算 figure, a budget's 「合计」 a 预算 one
    (so 「年初预算」 is never answered by a final account's actual)."""
    word = _KIND_QUALIFIER.get(kind or "")
    if not word or any(w in label for w in ("预算", "决算", "执行")):
        return label
    return f"{label} {word}"


def part_of_asked(question: str, columns: list[str]) -> list[str]:
    """A column the question names, read in a sub-column that is only a part of it: 「基本支出」 asked,
    「基本支出 / 人员经费」 given (公用经费 is the rest of it). The part's words, or []."""
    out = []
    for parent, child in zip(columns, columns[1:], strict=False):
        if len(parent) >= 2 and parent in question and child not in question:
            out += [w for g in vocabulary().contrast_parts for w in g if w in child and w not in question]
    return out


def abbreviates(short: str, term: str) -> bool:
    """Whether `short` shortens `term` the way line names are shortened: the same first and last
    characters, the others in order, at least a third of the term kept (物业费 for 物业管理费,
    公车运行费 for 公务用车运行维护费; not 公费 for 公务用车运行维护费)."""
    if not (len(short) >= 3 and len(short) < len(term) <= 3 * len(short)):
        return False
    if short[0] != term[0] or short[-1] != term[-1]:
        return False
    dropped, at = [], 0
    for ch in short:
        found = term.find(ch, at)
        if found < 0:
            return False
        dropped.append(term[at:found])
        at = found + 1
    # a conjunction dropped with what it joins (公务用车购置及运行维护费 → 公车运维费 loses 购置及): the
    # short form names one of two things, not the line (商品和服务 → 商品服务 keeps both)
    return not any(len(run) >= 2 and any(c in run for c in "及和与或") for run in dropped)


def abbreviation_of(term: str, text: str) -> int:
    """The length of the longest stretch of `text` that shortens `term`, 0 when none does (asked of
    every label of a report per question: only stretches between its first and last characters)."""
    if len(term) < 4 or term[0] not in text or term[-1] not in text:
        return 0
    best = 0
    starts = [i for i, ch in enumerate(text) if ch == term[0]]
    ends = [j + 1 for j, ch in enumerate(text) if ch == term[-1]]
    for i in starts:
        for j in ends:
            if best < j - i <= min(10, len(term) - 1) and abbreviates(text[i:j], term):
                best = j - i
    return best


# the end of a sentence announcing the list after it (「…具体情况如下(按项级科目分类统计)：」「…包括：」)
ANNOUNCES_A_LIST = re.compile(r"(?:如下|包括|分别为|分别是)\s*(?:[（(][^（）()]{0,20}[)）])?\s*[：:]?\s*$")
