"""Match a question to facts that the template does not name: numbers in prose (by the words
around them) and cells of other tables such as budgets (by their printed row and column headers).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from index.models import AMBIGUOUS, Fact
from index.prose_facts import DAY_UNITS, YEAR_AGAINST
from index.template import normalize, split_marker
from qa.lists import whole_of
from qa.scope import agency_aliases
from qa.vocab import (
    ANNOUNCES_A_LIST,
    COUNT_NOUN,
    MONEY_WORDS,
    abbreviates,
    abbreviation_of,
    contradicts,
    contrast_fit,
    members,
    money_named_not_asked,
    part_of_asked,
    quantity_asked,
    unit_answers,
    vocabulary,
    with_kind,
    without_names,
)

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # digits say nothing about which number is meant
# bigrams that say "a number is wanted" and nothing about which one
_STOP = {
    "多少", "少条", "少件", "少宗", "少份", "少个", "少次", "少人", "是多", "有多", "了多", "一共", "总共", "请问",
    "报告", "今年", "去年", "年度", "本年", "几条", "几件", "几宗", "几个", "几份", "数量", "共有", "有几", "少万",
    "全年", "年共", "年的", "的信", "多大", "安排", "是多少",
    # words in nearly every sentence of these reports: they cannot tell two numbers apart
    "信息", "公开", "政府", "息公", "开信", "工作", "预算", "行政",
}
_UNIT_CLASSES = {
    "money": MONEY_WORDS,
    "条": ("条",), "份": ("份", "工单"), "篇": ("篇",), "期": ("期",), "人": ("多少人", "几人", "关注", "粉丝"),
    "次": ("次", "阅读", "转发", "浏览", "访问", "点击"), "件": ("件", "宗"), "场": ("场",), "天": ("天", "工作日"),
    "家": ("几家", "多少家"), "个": ("几个", "多少个"), "辆": ("辆",), "分钟": ("分钟",), "小时": ("小时",),
    "%": ("比例", "占比", "百分", "比重", "%", "率", "几成", "增幅", "降幅"),
}


def unit_class(unit: str) -> str | None:
    if unit in DAY_UNITS:  # 「20日内」「15个工作日」: a span of days, asked 「几天」
        return "天"
    for name in _UNIT_CLASSES:
        if name == "money" and unit.endswith("元"):
            return name
        if name != "money" and unit.endswith(name):
            return name
    return None


@lru_cache(maxsize=256)
def _units_asked(question: str) -> frozenset[str]:
    """The kinds of quantity a question asks for (asked once per question, not once per fact). A
    one-character measure word counts only after a count word: the 件 of 「事件」「文件」 asks nothing,
    nor the 次 of 「一次性奖金」 (a word of its own: one-off)."""
    question = _FIXED_COMPOUND.sub("", question)
    return frozenset(name for name, words in _UNIT_CLASSES.items()
                     if any(w in question and (len(w) > 1 or name in ("money", "%")
                                               or re.search(_COUNTED_BY + re.escape(w), question))
                            for w in words))


# a numeral and a measure word that make an adjective, counting nothing (一次性, 一条龙, 一站式)
_FIXED_COMPOUND = re.compile(r"一(?:次|条|站|揽子?)(?=[性龙式])")
_SPANS = ("天", "分钟", "小时")  # a length of time: a time limit, a wait, never a count of things
_SPAN_ASKED = re.compile(r"多久|多长|时限|期限|时长|天数|时间|工作日|几天|多少天|几个?小时|几分钟|多少分钟|多少小时")
_COUNTED_BY = r"(?:几|多少|\d|[两一二三四五六七八九十百千万]|每)\s*(?:人|批|场|户|件)?"  # 多少人次, 几批次


def unit_conflict(question: str, unit: str | None) -> bool:
    """「收了多少钱」 cannot be answered with a number of 条."""
    if not unit:
        return False
    asked = _units_asked(question)
    have = unit_class(unit)
    if quantity_asked(question) == "count:人":  # 「几个在职人员」: people are asked, whatever measure word
        return not unit_answers("count:人", unit)
    if have == "%" and "%" not in asked:  # 「公开率100%」 answers no question about how many
        return True
    if have in _SPANS and have not in asked and not _SPAN_ASKED.search(question):
        return True  # 「印发之日起7天之内」 answers no question about how many (信息, 件), only how long
    if bool(asked) and have is not None and have not in asked:
        return True
    # 「几批次」 is not answered by 24人次, nor 「多少辆」 by 63套: a measure word asked is the one printed
    wanted = quantity_asked(question)
    return wanted.startswith("count:") and not unit_answers(wanted, unit)


def counts_as_labelled(question: str, label: str) -> bool:
    """「关注人数是多少」 of 「关注人数1314人次」: the label itself names the count the question asks
    for (人数, 户数, 件数), so the unit the report printed with it is that count's, not another thing's."""
    if not quantity_asked(question).startswith("count:"):  # 「…人数占比」 asks a share, not the count
        return False
    return any(w.group() in label for w in COUNT_NOUN.finditer(question))


_WHOLE_WORDS = re.compile(r"(?:19|20)\d\d\s*年度?|全[区县市镇省国年]|今年|本年度?|累计|共计|总共|全部")
_PREFERRED_COLUMNS = ("合计", "总计", "预算数", "小计", "本年预算", "金额", "本年度")


_RUN_BREAK = re.compile(r"[^\u4e00-\u9fffA-Za-z\d]+")
_DIGITS = re.compile(r"\d+")


def synonym_bigrams(question: str) -> set[str]:
    """The bigrams of what reports print for the everyday words of the question (「买」 → 购置): the
    same synonyms the verifier accepts, so a candidate it would accept is also found."""
    return {b for p in vocabulary().printed_for(question) for b in bigrams(p)}


# a year before a word that is no item's (「2017年一共」): its 年 joins nothing, so 「2017年一般…」 shares
# no 「年一」 with it
_YEAR_BEFORE_WORD = re.compile(r"(?:19|20)\d\d\s*年度?"
                               r"(?=一共|总共|一年|共|合计|的|是|有|全|各|里|中|在|和|与|及|花|用)")


def bigrams(text: str) -> set[str]:
    """Character bigrams within runs of words: digits are skipped (「比2022年预算」 → 比年, 年预, 预算),
    punctuation breaks the run, so 「（三）公务接待费」 does not say 「三公」."""
    out: set[str] = set()
    for run in _RUN_BREAK.split(_YEAR_BEFORE_WORD.sub(" ", normalize(text))):
        s = _DIGITS.sub("", run)
        out |= {s[i:i + 2] for i in range(len(s) - 1)}
    return out - _STOP


@dataclass(frozen=True)
class Scored:
    fact: Fact
    score: float
    overlap: int = 0  # bigrams of the fact's own words that the question shares


_CLAUSE_END = re.compile(r"[，,；;。：:（）()]")


def dated_before(f: Fact) -> str:
    """What a prose number's sentence says before it (where its date, if any, is printed)."""
    return (f.sentence or "")[:max(number_at(f), 0)] + " " + (f.row_path[-1] if f.row_path else "")


def dated_to(before: str, year: int, own_year: int | None) -> bool:
    """Whether the words before a number date it to `year`: 「截至2020年底，…共有车辆9辆」 does; 「2017
    本年收入…，比2016年决算数增加…，1. 财政拨款收入…」 does not (2016 is what 2017 is compared with,
    and the report's own year stands nearer the number)."""
    spots = [m.start() for m in re.finditer(str(year), before)
             if not _BASE_YEAR.match(before, max(0, m.start() - 3)) and not _BASE_BEFORE.search(before[:m.start()])
             and not _NONE_THAT_YEAR.match(before, m.end())]
    if not spots:
        return False
    own = before.rfind(str(own_year)) if own_year else -1
    return spots[-1] > own


def common_tail(a: str, b: str, han_only: bool = False) -> int:
    """How many characters two labels end alike on (`han_only`: counting Chinese characters only, so a
    number or a space ends the run)."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail] \
            and (not han_only or "\u4e00" <= a[-1 - tail] <= "\u9fff"):
        tail += 1
    return tail


def dated_last_to(before: str, year: int) -> bool:
    """Whether the year said last before a number (a comparison's base aside) is `year`: 「（参照2020年度）
    3. 2021年度项目经费支出：22万元」 dates 22 to 2021, not to the 2020 said before it."""
    said = [int(m.group()) for m in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", before)
            if not _BASE_YEAR.match(before, max(0, m.start() - 3)) and not _BASE_BEFORE.search(before[:m.start()])]
    return bool(said) and said[-1] == year


_BASE_BEFORE = re.compile(r"(?:比|较|与|同)\s*$")
# 「…新增决算单位，2015年无具体支出数，具体情况如下：1. 基本支出0.00万元」: a year said to have no
# figure dates none of the numbers after it
_NONE_THAT_YEAR = re.compile(r"\s*年?度?(?:无|没有|未|尚无|暂无)")


def number_at(f: Fact) -> int:
    """Where the number stands in its sentence. 「制作政务信息514条，主动公开政府信息514条」 prints the
    same figure twice: the one meant is the one its own label leads up to."""
    s, raw, label = f.sentence or "", f.raw or "", f.row_path[-1] if f.row_path else ""
    first = s.find(raw)
    i = first
    while i >= 0:
        if label and s[:i].rstrip().endswith(label[-6:]):
            return i
        i = s.find(raw, i + 1)
    return first


_UNIT_SELF = re.compile(r"[(（]本级[)）]$")
_LIST_REACH = 80  # how far back a count's clause is read through a list of words


def _window(f: Fact, i: int) -> tuple[str, str]:
    """The words around a prose number: before it (what it counts) and after it up to the clause end
    (「共发布380条财政资金信息」 names its subject after the number). The span before holds 24 letters,
    not 24 characters: 「财政拨款收入1,234.50万元，比2022年预算增加」 must reach back past the digits.
    `i` is where the number stands (`_at`)."""
    s = f.sentence or ""
    if i < 0:
        return s, ""
    tail = s[i + len(f.raw):]
    m = _CLAUSE_END.search(tail)
    after = tail[: m.start() if m else 24]
    if re.search(r"、[^、]*\d", after):  # a list of numbers: its next item is not this one's subject
        after = after.split("、")[0]
    start, letters = i, 0
    while start > 0 and letters < 24:
        start -= 1
        letters += bool(_KEEP.match(s[start]))
    before = s[start:i]
    opens = max(s.rfind(c, 0, i) for c in "，,；;。：:") + 1
    clause = s[opens:i]
    if len(clause) > len(before) and len(clause) <= _LIST_REACH and "、" in clause and not re.search(r"\d", clause):
        # 「全年累计主动公开涵盖公安机关办事程序、便民政策、…等政府信息135条」: a list of words (no other
        # number) between the verb and the count is still its clause; the verb says what is counted
        before = clause
    if _HAN_FIRST.match(after) and (prior := _PRIOR_ITEM.search(before)):
        # 「选认47名区级科技特派员、21名省级…」: a count that names its thing after it; the item printed
        # before it (up to its 、) is another count's, not this one's subject
        before = before[:prior.start()] + before[prior.end():]
    return before, after


_HAN_FIRST = re.compile(r"[\u4e00-\u9fff]")
_PRIOR_ITEM = re.compile(r"\d+(?:\.\d+)?\s*[^\d\s、，,]{1,2}[\u4e00-\u9fff“”\"]{2,12}、\s*$")


# 「截至2023年8月31日」 dates the count, it is not the year the figure is about
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?=年)(?!年\s*\d{1,2}\s*月)")
# a number that is a change: 「比2022年预算增加56.70万元」「与2023年预算持平」
_CHANGE_LABEL = re.compile(r"(增加|减少|增长|下降|提高|降低|上升|回落|回升|下滑|增|减|多|少)了?约?$")
_ASKS_CHANGE = re.compile(r"[比较].{0,16}(多|少|增|减|高|低|涨|降|回落|回升)|增加|减少|增长|下降|提高|降低|上升"
                          r"|回落|回升|变化|增幅|降幅"
                          r"|差")
# 决算 and 执行数 are what was spent; a 预算 figure is what was planned
_ACTUAL = re.compile(r"决算|实际(支出|花|用|执行)|执行数")


# a tie on shared words is settled by the label whose words the question mostly names, or names
# at least twice as much of as the other's
_CLEAR = 0.5
_TOTAL_ASKED = re.compile(r"一共|总共|合计|总计|总数|全部|共计|总额")
_HEAD_BONUS = 1.0


def _heads_list(f: Fact, i: int) -> int:
    """1 when the number (at `i`) is followed by 「其中」, or its sentence ends announcing the items
    that follow (「…8,949.55万元，比上年减少…，具体情况如下：」): it is the total its list breaks down."""
    s = f.sentence or ""
    rest = s[i + len(f.raw):] if i >= 0 else ""
    return int(i >= 0 and (bool(re.match(r"\s*[，,：:]?\s*其中", rest)) or bool(ANNOUNCES_A_LIST.search(rest))))




def _in_list(f: Fact, i: int) -> int:
    """1 when 「其中」 comes before the number (at `i`) in its sentence: it is one part of a total."""
    s = f.sentence or ""
    return int(i > 0 and "其中" in s[:i])


_RATE = re.compile(r"(增加|增长|减少|下降|提高|降低|上升|上涨|下跌|涨|降|跌|变化|多|少)了?"
                   r"(百分之几|百分之多少|多少%|几%|几个百分点|多少个百分点)|增幅|降幅|增长率|增速")


def asks_rate(question: str) -> bool:
    """「比2023年增加了百分之几」 wants a stated rate of change, not a share of some total."""
    return bool(_RATE.search(question))


# 「…安排了多少？比上年是增是减？」: which way it went, asked beside an amount, asks no amount of change
DIRECTION_ONLY = re.compile(r"(?:比|较|与|跟|和)[^，,。？?]{0,8}?"
                            r"(?:是增是减|是增还是减|增还是减|是增加还是减少|增加还是减少"
                            r"|是多还是少|多了还是少了|是涨是降|涨了还是降了|是升是降|升还是降)[了吗呢]?")


# another year compared with (「比上年」「较2016年」): a change is asked, no level of the year
COMPARED_YEAR = re.compile(r"[比较与跟和]\s*(?:上一?年|去年|前一年|(?:19|20)\d\d\s*年)|同比|上年")


@lru_cache(maxsize=4096)  # asked once per report a question is looked up in
def asks_change(question: str) -> bool:
    rest = DIRECTION_ONLY.sub("", question)
    return bool(_ASKS_CHANGE.search(rest if re.search(r"多少|几", rest) else question))


def is_change(label: str) -> bool:
    return bool(_CHANGE_LABEL.search(label.strip()) or _VERB_FIRST_CHANGE.search(label.strip()))


# 「主要原因是增加渔船更新补助资金100.00万元」: the change said before what changed
_VERB_FIRST_CHANGE = re.compile(r"(?:^|原因是|原因为|主要是|[，,])(?:增加|减少)[\u4e00-\u9fff“”]{2,20}$")


# a change clause whose subject is the clause before it (the parser keeps that subject in the path)
_BARE_CHANGE = re.compile(r"^\s*(?:(?:比|较|同比|与|和|相比)\s*(?:上年|去年|上一年|前一年|" + YEAR_AGAINST + r")度?"
                          r"(?:决算|预算|执行)?数?|(?:增长|增加|减少|下降|上升|降低))[增长加减少下降上升低了\s]*$")
_BASE_YEAR = re.compile(r"(?:比|较|与|同)\s*(?:19|20)\d\d\s*年度?")


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


def year_mismatch(question: str, label: str, report_year: int | None) -> bool:
    """「2024年的“三公”经费预算」 asked of a 2025 report is not its 「2025年“三公”经费预算数」: when the
    question names a year besides the report's own, a number whose label names years must name it."""
    asked = _years(question)
    content = asked - {report_year} if asked - {report_year} else asked
    own = _years(_BASE_YEAR.sub("", label))  # 「比2025年预算减少」 is a 2026 figure compared with 2025
    return bool(content and own and not own & content)


def kind_mismatch(question: str, label: str) -> bool:
    """A change answers only a question about change, and a planned figure never answers one about
    what was actually spent."""
    change = is_change(label)
    if change != asks_change(question):
        return change  # a change question may still be answered by a stated level, never vice versa
    return bool(_ACTUAL.search(question)) and not _ACTUAL.search(label) and "预算" in without_names(label)


def without(question: str, names: set[str]) -> str:
    """The question without its mentions of the agencies: 「厚街镇有多少人口」 must not match 「厚街镇收到…」."""
    spans = name_mentions(question, names)
    for start, end in reversed(spans):
        question = question[:start] + " " + question[end:]
    return question


def name_mentions(question: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where the question names an agency, in order. A name said again after it (or a longer name
    holding it) was said (「县政协2015年政协会议…」) stands inside a line's name, which is asked: only
    its first saying is the agency's."""
    spans: list[tuple[int, int]] = []
    said: list[str] = []
    for n in sorted({n for n in names if n}, key=len, reverse=True):
        at = question.find(n)
        while at >= 0:
            if not any(s < at + len(n) and at < e for s, e in spans):
                if any(n in earlier for earlier, (s, _) in zip(said, spans, strict=True) if s < at):
                    break
                spans.append((at, at + len(n)))
                said.append(n)
            at = question.find(n, at + 1)
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    return [spans[i] for i in order]


_YEARS_SAID = re.compile(r"(?:19|20)\d\d\s*年度?")


def states_a_number(question: str) -> bool:
    """Whether the question gives a number other than a year (most give none: no figure is then checked)."""
    return bool(re.search(r"\d", _YEARS_SAID.sub("", question)))


def said_in_question(question: str, f: Fact) -> str:
    """The figure as the question itself states it (「12个区直部门」), or "": a number the question gives
    qualifies what it asks and is never the answer to it."""
    if f.table != "prose" or not f.raw or not f.unit or not re.search(r"\d", f.raw):
        return ""
    raw = "".join(normalize(f.raw).split())
    return raw if re.search(r"(?<![\d.])" + re.escape(raw), "".join(normalize(question).split())) else ""


def _prose_scores(question: str, facts: list[Fact], agency_names: set[str] = frozenset(),
                  report_year: int | None = None, levels_only: bool = False,
                  kind: str | None = None) -> list[tuple[float, float, Fact, int]]:
    """(score, precision, fact, words shared) for every prose number the question may mean."""
    qn = normalize(question)
    # a final account's every figure is a 决算: the word tells none of its numbers apart, and would
    # only match the headings glued to labels (「…支出决算情况 2017年度…支出」)
    own_kind = qn.replace("决算", "|") if kind == "final" else qn
    q = bigrams(without(own_kind, agency_names)) | synonym_bigrams(qn)
    self_asked = bool(SELF_ASKED.search(qn))
    said = bigrams(qn)  # the question's own words, its agency's names included
    total_asked = bool(_TOTAL_ASKED.search(qn))
    ranked: list[tuple[float, float, Fact, int]] = []
    running = _running_totals(facts) if "累计" not in qn else set()
    # a change (「较上年决算数减少17.68万元」) answers only a question about a change: the 决算 of its base
    # is no reason to take it for 「…支出决算」
    levels_only = levels_only or not asks_change(qn)
    for f in facts:
        if f.table != "prose" or f.id in running:
            continue
        label = f.row_path[-1]
        if purpose_unsaid(label, said):
            label = label[:label.find(PURPOSE_MARK)]  # two lines of one name, told apart by a purpose not asked
        if unit_conflict(qn, f.unit) and not counts_as_labelled(qn, label) \
                and not (unit_class(f.unit) not in ("money", "%", *_SPANS) and quantity_asked(qn) != "percent"
                         and money_named_not_asked(qn, [label])):
            continue
        at = number_at(f)
        dated = label if _years(label) else (f.sentence or "")[:max(at, 0)]
        if year_mismatch(qn, dated, report_year) or kind_mismatch(qn, label) or (levels_only and is_change(label)):
            continue
        before, after = _window(f, at)
        words = bigrams(label)
        if len(f.row_path) > 1 and _BARE_CHANGE.match(label):  # 「机关运行经费支出 / 比 2024 年度减少」
            words |= bigrams(f.row_path[-2])
        if _SUMS_UP.match(label) and len(clauses := re.split(r"[，,]", before)) >= 2:
            # 「…专栏主动公开，共公开政府信息34条」: a total sums up what the clause before it said
            words |= bigrams(clauses[-2])
        if self_asked and (body := bigrams(SELF_ASKED.sub("", label))) \
                and any(body <= bigrams(n) for n in agency_names):
            # 「…指挥部自己分到多少」「…指挥部本级的」: a part named by the agency's own name, asked as its own
            words = words & said
            own = words | (bigrams(after) & q)
        else:
            own = (words | bigrams(after)) & q
        near = bigrams(before) & q
        # the item a numbered line's figure is of (「公务接待费 / 累计接待91批次」) names it too, enough to
        # consider it (how it ranks is its own words' and the window's)
        item = bigrams(" ".join(f.row_path[:-1])) & q
        unit_named = bool(f.unit) and unit_class(f.unit) is not None and not unit_conflict(qn, f.unit) and any(
            w in qn for w in _UNIT_CLASSES.get(unit_class(f.unit) or "", ()))
        if not own or len(own | near | item) < (1 if unit_named else 2):
            continue
        # 「年初预算」 is not the item's level in a final account (its actual), nor 「决算」 a budget's; a
        # headcount is neither (「部门预算单位基本情况 …在职人员共N人」 answers a question of how many actually serve)
        if contradicts(qn, label if f.unit in HEADCOUNT_UNITS else with_kind(label, kind),
                       skip_kind=f.unit in HEADCOUNT_UNITS):
            continue
        core = 2 * len(own) + len(near) + (1.5 if unit_named else 0) + 0.01 * len(own | near)
        if rest_unasked(qn, label):  # 「其他应主动公开…信息」 is the rest, not 「主动公开的信息」
            core /= 2
        # the numbered item's subject (「…事业单位医疗」 over 「比2023年预算执行数增加14.04%」)
        # only beside a label that matches on its own: a subject alone picks no figure of its item
        if len(own) >= 2:
            core += 0.5 * len(bigrams(" ".join(f.row_path[:-1])) & q - own)
        if total_asked:  # 「政府采购预算一共多少」: the head of 「…4821.20万元，其中：货物57.43万元、…」
            core += _HEAD_BONUS * (_heads_list(f, at) - _in_list(f, at))
        # 「全区主动公开政府信息2122条」 over 「各乡镇主动公开政府信息613条」: the scope and time a label
        # names (全区, 2017年) ask nothing of the question; a part it names (各乡镇) does
        own_words = bigrams(_WHOLE_WORDS.sub(" ", label)) or words
        precision = len(own_words & q) / len(own_words) if own_words else 0.0
        ranked.append((core, precision, f, len(own)))
    ranked.sort(key=lambda r: (-r[0], -r[1], -len(r[2].row_path[-1])))  # then the fuller label
    return ranked


SELF_ASKED = re.compile(r"本级|本身|自身|自己|单独")  # the agency's own body set apart (verify adds 不算…)
PURPOSE_MARK = " 用于"  # how a line's purpose joins its name (index/prose_facts.py)
STAFFING_TITLE = "部门预算单位构成"  # the title index/one_line_tables.py gives a staffing table
# a unit of the department named apart from it (「…中心」「…所」): another row than the agency's own
_UNIT_ASKED = re.compile(r"(?:中心|所|站|队|院|办|馆|局|室)(?:的|有|在职|编制|人员)")


def purpose_unsaid(label: str, asked: set[str]) -> bool:
    """Whether a label carries a purpose (「城市建设支出 用于全区环境卫生保洁费」) of which the question says
    nothing beyond the line's own name (its 支出 is the name's)."""
    cut = label.find(PURPOSE_MARK)
    return cut > 0 and not (bigrams(label[cut:]) - bigrams(label[:cut])) & asked


def rest_unasked(question: str, label: str) -> bool:
    """A label that names the rest of a set (其他…, 其余…) for a question that does not ask the rest."""
    return any(w in label and w not in question for w in vocabulary().residual)


def _running_totals(facts: list[Fact]) -> set[str]:
    """Running totals printed beside the year's own figure in one sentence (「…累计主动公开政府信息
    1568条，…其中2018年度我局共主动公开政府信息181条」): a question that does not ask 累计 asks the year's."""
    by_sentence: dict[str, list[Fact]] = {}
    for f in facts:
        if f.table == "prose" and f.sentence:
            by_sentence.setdefault(f.sentence, []).append(f)
    out: set[str] = set()
    for group in by_sentence.values():
        for f in group:
            if "累计" in f.row_path[-1] and not _A_YEAR.search(f.row_path[-1]):
                if any(g is not f and g.unit == f.unit and _A_YEAR.search(g.row_path[-1]) for g in group):
                    out.add(f.id)
    return out


_A_YEAR = re.compile(r"(?:19|20)\d\d\s*年|本年|当年")


def one_amount_rounded(values: list[Decimal | None]) -> Decimal | None:
    """The most precise of values that are one amount printed to different places (90333.39 and
    90333.4; not 90333.39 and 90333.5, nor 3 and 3.4), else None."""
    if any(v is None for v in values) or len(set(values)) < 2:
        return None
    places = [max(0, -v.as_tuple().exponent) for v in values]
    coarse = min(places)
    if max(places) == coarse or coarse == 0:
        return None
    step = Decimal(1).scaleb(-coarse)
    if len({v.quantize(step, rounding=ROUND_HALF_UP) for v in values}) != 1:
        return None
    return values[places.index(max(places))]


_NOT_ITEM = re.compile(r"(?:19|20)\d\d\s*年度?|本年度?|当年|[\d\s.,，、:：（）()一二三四五六七八九十]+")


def same_item(a: Fact, b: Fact) -> bool:
    """Two printings of one item (「本年支出」, 「（二）2016本年支出」): the labels say the same thing but
    for years and numbering."""
    x, y = (_NOT_ITEM.sub("", normalize(f.row_path[-1])) if f.row_path else "" for f in (a, b))
    return bool(x) and bool(y) and (x in y or y in x)


def best_prose_fact(question: str, facts: list[Fact], agency_names: set[str] = frozenset(),
                    report_year: int | None = None, levels_only: bool = False,
                    kind: str | None = None) -> Scored | None:
    """The prose number whose own words the question shares most; None below two shared bigrams,
    and None when two numbers under the very same words tie (the question cannot tell them apart).

    `levels_only`: the value is set beside other reports' values, which the answer then subtracts;
    a change the report states (「比2023年增加25万元」) is not a level to subtract from.

    Among equals, the label whose words the question names most wins, if the question names most
    of them: 「一共主动公开了几条信息」 is 「主动公开政府信息514条」, not 「其他应主动公开政府信息494条」."""
    ranked = _prose_scores(question, facts, agency_names, report_year, levels_only, kind)
    if not ranked:
        return None
    ranked, phrase_won = _phrase_first(question, ranked, agency_names)
    core, precision, best, overlap = ranked[0]
    # one item name in two 「其中」 lists: a word or two of the list's opening sentence near one of them
    # decides nothing; the wholes the lists break down do
    qb = bigrams(normalize(question))

    def named(f: Fact) -> tuple[str, ...]:  # a purpose the question does not say names nothing
        last = f.row_path[-1]
        return (*f.row_path[:-1], last[:last.find(PURPOSE_MARK)]) if purpose_unsaid(last, qb) else f.row_path

    alike = [f for c, _, f, _ in ranked if named(f) == named(best) and core - c < _NEAR_WORD]
    if len({f.value for f in alike}) > 1 and (listed := listed_as_asked(question, alike, facts, agency_names)):
        return Scored(listed, core + 0.001 * precision, overlap)
    for other_core, other_precision, other, _ in ranked[1:]:
        if other_core == core and phrase_won:
            continue
        if other_core < core:
            break
        if other.value == best.value:
            continue
        if same_item(best, other) and (finest := one_amount_rounded([best.value, other.value])) is not None:
            best = best if best.value == finest else other  # 90333.39 and 90333.4: one amount, the finer kept
            continue
        if other_core == core and (inner := named_inside(question, best, other)) is not None:
            best = inner  # 「基本支出中人员支出」: the part named inside its whole is asked, not the whole
            continue
        if other_core == core and (part := _names_the_part(question, best, other)) is not None:
            best = part  # 「三公那部分开支」: 「“三公”经费…支出80.89万元」, not 「机关运行经费支出」
            continue
        if other_core == core and (rest := _the_rest_unasked(question, best, other)) is not None:
            best = rest  # 「一共主动公开几条」: 「主动公开信息数为140条」, not 「其他因主动公开的…56条」
            continue
        same_words = normalize(" ".join(named(other))) == normalize(" ".join(named(best)))
        if same_words and (lead := _plainer_subject(question, [f for c, _, f, _ in ranked if c == core])):
            best = lead  # 「一、…本年收入92.34万元」 over 「（二）政府性基金预算财政拨款…本年收入0.00万元」
            break
        if same_words and (listed := listed_as_asked(question, [f for c, _, f, _ in ranked if c == core], facts,
                                                     agency_names)):
            best = listed  # 「商品和服务支出」 of the 「…支出，其中：」 list, not of the 「…基本支出，其中：」 one
            break
        if same_words or not (precision >= _CLEAR or precision >= 2 * other_precision) or other_precision == precision:
            return None  # 「买公务车的预算」: 公务用车购置费? 运行费? 公务接待费? — the question cannot tell
    if _counted_otherwise(normalize(question), best, facts):
        other = _counted_as_asked(normalize(question), best, facts, agency_names)
        return Scored(other, core + 0.001 * precision, overlap) if other else None
    return Scored(best, core + 0.001 * precision, overlap)  # on a tie, a table cell wins (exact 元)


def _names_the_part(question: str, a: Fact, b: Fact) -> Fact | None:
    """Of two tied numbers, the one whose label names the part of a budget the question names
    (三公, 机关运行, 采购), when the other's does not: None when neither or both do."""
    q = normalize(question)
    asked = [w for w in vocabulary().narrow_items if w in q]
    if not asked:
        return None
    said = [all(w in normalize(" ".join(f.row_path)) for w in asked) for f in (a, b)]
    return (a if said[0] else b) if said[0] != said[1] else None


def _the_rest_unasked(question: str, a: Fact, b: Fact) -> Fact | None:
    """Of two tied numbers, the one that is no 「其他…」 rest of a list, when the other is and the
    question does not say 其他: None when neither or both are."""
    q = normalize(question)
    rest = [any(w in normalize(f.row_path[-1]) and w not in q for w in vocabulary().residual) for f in (a, b)]
    return (b if rest[0] else a) if rest[0] != rest[1] else None


_INSIDE = re.compile(r"^(?:里面|当中|之中|里|中)的?[，,]?")


def _named_at(q: str, label: str) -> tuple[int, int] | None:
    """Where the longest run of a label's words (three characters or more) stands in the question."""
    best: tuple[int, int] | None = None
    for run in _CJK_RUNS.findall(normalize(label)):
        for n in range(len(run), 2, -1):
            hit = next(((i, i + n) for i in range(len(run) - n + 1) if run[i:i + n] in q), None)
            if hit:
                at = q.find(run[hit[0]:hit[1]])
                if best is None or n > best[1] - best[0]:
                    best = (at, at + n)
                break
    return best


def named_inside(question: str, a: Fact, b: Fact) -> Fact | None:
    """Of two numbers the question names both of, the one it names inside the other (「X里的Y」
    「X中Y」): Y, a part of X, is what is asked; None when neither is so named."""
    q = normalize(question)
    spots = [(_named_at(q, f.row_path[-1]), f) for f in (a, b)]
    if any(at is None for at, _ in spots):
        return None
    (first, _), (second, inner) = sorted(spots, key=lambda s: s[0][0])
    return inner if first[1] <= second[0] and _INSIDE.match(q[first[1]:second[0]]) else None


_SUBJECT_MARGIN = 4  # characters of a sentence's subject the question does not say that make it another's


def _plainer_subject(question: str, tied: list[Fact]) -> Fact | None:
    """Of numbers printed under the very same words in different sentences, the one whose sentence
    opens with no subject the question does not name, when every other opens with one (a sub-item's
    「（二）政府性基金预算财政拨款…」): the question asked the plain one. None when that is not clear."""
    q = normalize(question)

    def extra(f: Fact) -> int:
        s = f.sentence or ""
        opening = re.split(r"[，,。；;]|\d", s, maxsplit=1)[0]
        return sum(1 for ch in opening if "\u4e00" <= ch <= "\u9fff" and ch not in q)

    scored = sorted(((extra(f), f) for f in tied), key=lambda x: x[0])
    values = {f.value for _, f in scored}
    if len(values) < 2:
        return None
    low = scored[0][0]
    plain = {f.value for e, f in scored if e == low}
    rest = [e for e, f in scored if f.value not in plain]
    return scored[0][1] if len(plain) == 1 and rest and min(rest) - low >= _SUBJECT_MARGIN else None


def listed_as_asked(question: str, tied: list[Fact], facts: list[Fact],
                    agency_names: set[str] = frozenset()) -> Fact | None:
    """Of numbers printed under the very same words as items of different 「其中」 lists, the one whose
    list's whole the question names by the words that set it apart from the other wholes (「基本支出里的
    商品和服务支出」); when the question names none, the one under the whole that says nothing the others
    do not (「一般公共预算支出」 beside 「一般公共预算基本支出」): the plain word asks the whole list's item.
    None when the wholes cannot be found or do not decide. The agency's own names tell no list apart."""
    q = bigrams(without(normalize(question), agency_names))
    wholes = [(f, whole_of(facts, f)) for f in tied]
    if any(w is None for _, w in wholes) or len({f.value for f in tied}) < 2:
        return None
    names = [_NO_DIGITS.sub("", without(normalize(w.row_path[-1] if w.row_path else ""), agency_names))
             for _, w in wholes]

    def others(i: int, of) -> set[str]:
        return set().union(*(of(n) for j, n in enumerate(names) if j != i))

    said = {f.value for i, (f, _) in enumerate(wholes) if (bigrams(names[i]) - others(i, bigrams)) & q}
    if said:
        return next(f for f, _ in wholes if f.value in said) if len(said) == 1 else None
    # 「一般公共预算支出」 says no character 「一般公共预算基本支出」 does not
    plain = {f.value for i, (f, _) in enumerate(wholes) if not set(names[i]) - others(i, set)}
    return next(f for f, _ in wholes if f.value in plain) if len(plain) == 1 else None


_NEAR_WORD = 2  # a score a shared bigram of a number's window adds (one of its own words adds two)
_NO_DIGITS = re.compile(r"[\d.年度]+")


def _counted_otherwise(q: str, best: Fact, facts: list[Fact]) -> bool:
    """「窗口一年办了多少件」 over 「…审批事项148项，…年办件量2408件」: the question's measure word is
    printed, in the same sentence, with another number; the chosen one counts in a unit only taken
    as alike (项 for 件). Unless the question says the chosen unit too (「审批事项有多少件」), the
    sentence counts two things and the question's word may point at the other: not this one."""
    wanted = quantity_asked(q)
    if not wanted.startswith("count:") or not best.unit or not best.sentence:
        return False
    word = wanted.split(":", 1)[1]
    if best.unit.endswith(word) or best.unit.lstrip("余多") in q.replace(word, "|"):
        return False
    return any(f.table == "prose" and f.sentence == best.sentence and f.value != best.value and f.unit
               and f.unit.lstrip("余多").removeprefix("万") == word for f in facts)


def _counted_as_asked(q: str, best: Fact, facts: list[Fact], agency_names: set[str]) -> Fact | None:
    """The number of the same sentence printed with the measure word the question asks (「年办件量
    2408件」 for 「一年办了多少件」), when it is the only one so printed and its own label shares a word
    of the question: the sentence counts two things and the question said which."""
    word = quantity_asked(q).split(":", 1)[1]
    qb = bigrams(without(q, agency_names))
    same = [f for f in facts if f.table == "prose" and f.sentence == best.sentence and f.unit
            and f.unit.lstrip("余多").removeprefix("万") == word]
    if len({f.value for f in same}) != 1:
        return None
    return same[0] if bigrams(same[0].row_path[-1]) & qb else None


_CJK_RUNS = re.compile(r"[\u4e00-\u9fff]+")


def _phrase_first(question: str, ranked: list[tuple[float, float, Fact, int]], agency_names: set[str]
                  ) -> tuple[list[tuple[float, float, Fact, int]], bool]:
    """Among numbers tied on shared words, the one whose label holds a phrase of the question of four
    characters or more, two longer than any rival's (「行政运行支出」: 「…--行政运行」 over 「机关运行经费
    支出」, which shares only 运行 and 支出 apart): the question names that line, not a mix of words."""
    top = [r for r in ranked if r[0] == ranked[0][0]]
    if len(top) < 2:
        return ranked, False
    q = "|".join(_CJK_RUNS.findall(without(normalize(question), agency_names)))

    def phrase(f: Fact) -> int:
        return max((_lcs(run, q) for run in _CJK_RUNS.findall(normalize(f.row_path[-1]))), default=0)

    lengths = [phrase(r[2]) for r in top]
    best = max(range(len(top)), key=lambda i: lengths[i])
    if lengths[best] < 4 or any(n > lengths[best] - 2 for i, n in enumerate(lengths) if i != best):
        return ranked, False
    # a rival that also holds a content word the winner lacks (「政府采购…服务」: 政府采购服务预算 against
    # the phrase 政府采购预算) is a rival still; only an amount noun (支出, 经费) may be the winner's lack
    asked = bigrams(q)
    generic = {b for w in vocabulary().amount_nouns for b in bigrams(w)}
    own = bigrams(top[best][2].row_path[-1])
    if any((bigrams(r[2].row_path[-1]) & asked) - own - generic for i, r in enumerate(top) if i != best):
        return ranked, False
    return [top[best]] + [r for r in ranked if r is not top[best]], True


def prose_candidates(question: str, facts: list[Fact], agency_names: set[str] = frozenset(),
                     report_year: int | None = None, k: int = 6, kind: str | None = None) -> list[Scored]:
    """The best `k` prose numbers by the same ranking, for a verifier to choose among when the
    first choice does not cover the question; numbers whose words tie are left to the caller."""
    return [Scored(f, core + 0.001 * precision, overlap)
            for core, precision, f, overlap in _prose_scores(question, facts, agency_names, report_year,
                                                             kind=kind)[:k]]


HEADCOUNT_UNITS = ("人", "名", "位")  # units of a headcount
_SUMS_UP = re.compile(r"(?:共计|合计|总计|共)")
_FUNCTION_CHARS = set("是有的了多少几在和与及为共年月日个件条宗元万之其中等")
_RARE = 3  # table rows holding a bigram, at most, for it to name a specific item


def label_frequency(facts: list[Fact]) -> Counter[str]:
    """In how many table rows of a report each bigram appears: rare ones name a specific item
    (「工会」 of 工会经费). Prose labels are clause fragments, not item names, and are left out;
    so are bigrams with a function character (「算是」 of 「预算是多少」)."""
    return Counter(b for f in facts if f.table != "prose" for b in bigrams(" ".join(f.row_path))
                   if not _FUNCTION_CHARS & set(b))


def misses_a_specific_word(question: str, fact: Fact, frequency: Counter[str],
                           agency_names: set[str] = frozenset()) -> bool:
    """Whether the question names an item the report labels somewhere (「工会」 of 工会经费) that the
    chosen number's sentence never mentions: then the number is about something else."""
    q = bigrams(without(normalize(question), agency_names))
    context = bigrams(" ".join(fact.row_path)) | bigrams(fact.sentence or "")
    # the agency's own name (「平潭」「公安」 of 平潭综合实验区公安局) names no item, though a table of its
    # units prints it
    own = bigrams(" ".join(agency_names))
    return any(0 < frequency[b] <= _RARE for b in q - context - own)


def _lcs(a: str, b: str) -> int:
    """Length of the longest common substring. From each start in the shorter string, only a match
    longer than the best so far is tried, by substring search: about len + best searches, where a
    table of every pair of characters made this a quarter of a busy server's time."""
    if len(a) > len(b):
        a, b = b, a
    best = 0
    for i in range(len(a)):
        while i + best < len(a) and a[i:i + best + 1] in b:
            best += 1
    return best


def _covered(label: str, q: str) -> float:
    """The share of a label's bigrams the question holds."""
    words = _label_bigrams(label)
    return sum(w in q for w in words) / len(words) if words else 0.0


@lru_cache(maxsize=65536)
def _label_words(label: str) -> tuple[str, ...]:
    """A label's words (jieba) of two characters or more, without the words that only ask for a
    figure (总数, 合计): 受理依申请公开信息总数 → 受理, 申请, 公开, 信息."""
    import jieba

    v = vocabulary()
    return tuple(w for w in jieba.cut(label, HMM=False) if len(w) >= 2 and w not in v.figure_cues)


def _words_covered(label: str, q: str) -> float:
    words = _label_words(label)
    return sum(w in q for w in words) / len(words) if len(words) >= 2 else 0.0


# A report's labels are read again by every question about it: what depends on a label alone is
# made once per label (bounded caches of pure functions of the label text).
@lru_cache(maxsize=16384)
def _label_bigrams(label: str) -> frozenset[str]:
    return frozenset(label[i:i + 2] for i in range(len(label) - 1))


@lru_cache(maxsize=16384)
def _clean_label(label: str) -> str:
    return split_marker(label)[1].strip(" ：:")


_TOTAL_WORDS = ("合计", "总计", "小计")
_TOTAL_CUE = re.compile(r"一共|合计|全部|整体|总")


def is_total_label(label: str) -> bool:
    return any(w in label for w in _TOTAL_WORDS)


def table_base(fact: Fact, facts: list[Fact]) -> Fact | None:
    """The total a generic-table cell is a share of: its row's 合计 column, else its column's 合计 row."""
    same = [f for f in facts if f.table == fact.table and f is not fact]
    if fact.column_path and not is_total_label(fact.column_path[-1]):
        for f in same:
            if f.row_path == fact.row_path and f.column_path[:-1] == fact.column_path[:-1] and f.column_path and \
                    is_total_label(f.column_path[-1]):
                return f
    totals = [f for f in same if f.column_path == fact.column_path and f.row_path and is_total_label(f.row_path[0])]
    return min(totals, key=lambda f: len(f.row_path), default=None)


# row labels that name no particular line item: matching only these is not evidence enough
_GENERIC_LABELS = {"合计", "总计", "小计", "支出", "收入", "基本支出", "项目支出", "预算", "本年收入", "本年支出",
                   "收入总计", "支出总计", "收入合计", "支出合计"}


# what people say for the 功能分类 names printed in budget tables
_ABBREVIATIONS = {"社保": "社会保障", "医保": "医疗保障", "文旅": "文化旅游", "卫健": "卫生健康", "城建": "城乡社区"}


def _without_place(label: str, agency_names: set[str]) -> str:
    """A row naming a unit by its full name without the place it shares with the agency's name (and
    without the 中共 a party body's name opens with: 中共平潭综合实验区机要局)."""
    label = label.removeprefix("中共")
    best = 0
    for name in agency_names:
        n = 0
        while n < min(len(name), len(label)) and name[n] == label[n]:
            n += 1
        best = max(best, n)
    return label[best:] if best >= 3 and len(label) - best >= 2 else label


def expand_abbreviations(q: str) -> str:
    for short, full in _ABBREVIATIONS.items():
        if short in q and full not in q:
            q = q.replace(short, full)
    return q


def best_table_fact(question: str, facts: list[Fact], titles: dict[str, str],
                    agency_names: set[str] = frozenset(), kind: str | None = None) -> Scored | None:
    """The generic-table cell whose row header the question names, in its best-fitting column.

    A row scores by how much of its printed path the question names (「城乡社区管理事务下面的行政运行」
    names both the 款 and the 项), never by the agency's own name; a total row is taken only when
    the question names a column and no line item.
    """
    ranked, item_named, q = _table_scores(question, facts, titles, agency_names, kind)
    best = max(ranked, key=lambda s: s.score, default=None)
    return best if best is None or _stands(best.fact, q, item_named) else None


def table_candidates(question: str, facts: list[Fact], titles: dict[str, str],
                     agency_names: set[str] = frozenset(), k: int = 6, kind: str | None = None) -> list[Scored]:
    """The best `k` cells by the same ranking, each one that could stand as an answer: the
    runners-up a verifier may take when the first choice does not cover the question."""
    ranked, item_named, q = _table_scores(question, facts, titles, agency_names, kind)
    ranked.sort(key=lambda s: -s.score)
    return [s for s in ranked if _stands(s.fact, q, item_named)][:k]


def _stands(f: Fact, q: str, item_named: bool) -> bool:
    """A total row stands only when no line item is named and the question names its headers."""
    if _clean_label(f.row_path[-1]) in _GENERIC_LABELS and not any(
            len(c) >= 2 and c in q and c not in _GENERIC_LABELS for c in f.column_path):
        return not item_named and _named_generic(f, q)
    return True


def _table_scores(question: str, facts: list[Fact], titles: dict[str, str],
                  agency_names: set[str], kind: str | None = None) -> tuple[list[Scored], bool, str]:
    plain = _DOCUMENT_NAME.sub("", "".join(without(normalize(question), agency_names).split()))
    q = expand_abbreviations(plain)
    # 「收到…申请」 finds a row printed 「受理…」 by its words: what the everyday words are printed as
    q_syn = q + "|" + "|".join(vocabulary().printed_for(q))
    ranked: list[Scored] = []
    item_named = False
    asked = bigrams(question)
    # a final account's figure is what was spent: asked without 预算 or 决算 (「接待费用了多少」),
    # its 决算数 column answers, not the 预算数 printed beside it
    spent = kind == "final" and not any(members(q_syn, g) for g in vocabulary().contrasts if "决算" in g)
    title_words: dict[str, int] = {}
    # 「单位名称…领导小组财政拨款07」: a staffing table of one row is the agency's own, whatever it calls itself
    rows: dict[str, set[tuple[str, ...]]] = {}
    for f in facts:
        if f.table.startswith("g") and f.unit == "人" and f.row_path:
            rows.setdefault(f.table, set()).add(f.row_path)
    alone = {t for t, r in rows.items() if len(r) == 1 and titles.get(t) == STAFFING_TITLE}
    for order, f in enumerate(facts):
        if not f.table.startswith("g") or not f.row_path:
            continue
        label = _UNIT_SELF.sub("本级", _clean_label(f.row_path[-1]))  # 「某办公室（本级）」 is 某办公室本级
        if len(label) < 2:
            continue
        if label not in q and (own := _without_place(label, agency_names)) in q:
            label = own  # 「统计局」 for the row 平潭综合实验区统计局 of the 平潭综合实验区经济发展局 report
        named_col = max((len(c) for c in f.column_path[-1:] if len(c) >= 3 and c in q), default=0)
        # a one-row table (the “三公” table) prints its items as columns: the item is in the header
        item_col = max((len(c) for c in f.column_path if len(c) >= 4 and c in q and not is_total_label(c)
                        and c not in _GENERIC_LABELS), default=0)
        if label in q:
            row = len(label) + 2
            item_named = item_named or label not in _GENERIC_LABELS
        elif ((label.endswith("本级") and "本级" in q
               and any(n in label or abbreviates(label.removesuffix("本级"), n) for n in agency_names))
              or (f.table in alone and not _UNIT_ASKED.search(q))
              or (_AN_AGENCY.search(label) and (label in agency_names
                                                or _without_place(label, agency_names) in agency_names
                                                or _LEVEL_PREFIX.sub("", label) in agency_names
                                                or _own_line_named(label, agency_names)))) \
                and any(bigrams(c.replace("人员", "").rstrip("数")) & bigrams(q_syn) for c in f.column_path):
            # 「综合执法局本级」「苏平片区管理局」: the agency's own line, named by the agency, for a column
            # the question asks (its 编制 / 在职): the name alone asks every figure of the report
            row = 4
            item_named = True
        elif item_col and f.row_key and f.row_key.endswith(".row"):
            row = item_col + 1
        elif named_col and is_total_label(label) and (_TOTAL_CUE.search(q) or named_col >= 4):
            # 「基本支出一共多少」「基本支出的决算数」: a column named, read on the table's total row
            row = 1
        else:
            common = _lcs(label, q)
            if common >= 4:  # 「卫生健康」 of 卫生健康支出 is half a name: it weighs half
                row = common * min(1.0, common / len(label) + 0.25)
            elif len(label) >= 4 and (short := abbreviation_of(label, q) or abbreviation_of(label, plain)
                                      or abbreviation_of(_without_place(label, agency_names), q)):
                # 「物业费」 for 物业管理费, 「疾控中心」 for 平潭综合实验区疾病预防控制中心: a name shortened
                # the usual way (a unit's without the place it shares with the agency)
                row = short
            elif len(label) >= 4 and (_covered(label, q_syn) >= 2 / 3 or _words_covered(label, q_syn) >= 0.75):
                # 「给工会的经费」: every word of 工会经费, not side by side; 「收到…信息公开申请」: the
                # words of 受理依申请公开信息总数 in another order; less what the label says beyond the
                # question (「同意部分公开答复数」 for 「同意公开」 says 部分 more)
                row = len(label) / 2 - sum(1 for ch in label if ch not in q_syn) / 2
            else:
                continue
        parents = sum(len(_clean_label(p)) for p in f.row_path[:-1] if len(_clean_label(p)) >= 2 and
                      _clean_label(p) in q) if label in q else 0
        cols = f.column_path
        # 「三公经费决算」: the 决算数 column, not the 预算数 one beside it
        own_cols = with_kind("".join(cols), kind)
        if contradicts(q, own_cols) or part_of_asked(q, list(cols)):  # the verifier would refuse it (预算数 for
            continue  # 决算, 基本支出 / 人员经费 for 基本支出): rank only what it would not
        col = sum(len(c) if c in q else most_of(c, q) or _said_otherwise(c, q_syn) for c in cols if len(c) >= 2) \
            + 3 * contrast_fit(q, own_cols)
        pref = 0.5 if any(any(p in c for p in _PREFERRED_COLUMNS) for c in cols[-1:]) else 0
        if spent and cols and ("预算" in cols[-1] or "决算" in cols[-1]):
            pref = 0.5 if "决算" in cols[-1] else 0
        if f.table not in title_words:
            title_words[f.table] = len(bigrams(titles.get(f.table, "")) & asked)
        tscore = 0.2 * title_words[f.table]
        unsure = 3 if f.status == AMBIGUOUS else 0  # a cell whose column the parse could not settle
        ranked.append(Scored(f, (row + parents) * 2 + col + pref + tscore - unsure - order * 1e-6))
    return ranked, item_named, q


# 「信息公开情况统计表中」「信息公开年报中」: where the figure is printed, not a row's words (it would
# find the row 政府信息公开收费减免金额 by them)
_DOCUMENT_NAME = re.compile(r"(?:政府)?信息公开(?:工作)?(?:情况)?(?:统计表|年度报告|年报|报告|附表)")


def _own_line_named(label: str, agency_names: set[str]) -> bool:
    """A body's line named by a short form of it (「文联」 of 平潭综合实验区文联, 「三甲医院指挥部」 of
    …三甲医院建设指挥部): one of the line's own aliases, or a name that shortens it the usual way."""
    bare = re.sub(r"^.*?(?:综合实验区|[省市县区])(?=[\u4e00-\u9fff]{2})", "", label)
    return bool(agency_aliases(label) & agency_names) or any(abbreviates(n, bare) for n in agency_names if len(n) >= 3)


# 「区口岸办」: the agency's own line, its level said before its short name
_LEVEL_PREFIX = re.compile(r"^(?:区|市|县|镇|乡)(?=[\u4e00-\u9fff]{2})")
# a line that is a body by its ending (苏平片区管理局), not a line of spending that shares its stem (文化和旅游)
_AN_AGENCY = re.compile(r"(?:局|委员会|常委会|工会|委|办公室|办|中心|院|所|队|站|联合会|协会|联|协|指挥部|政府)$")


def _said_otherwise(column: str, q_syn: str) -> int:
    """A headcount column named by what reports print for the question's everyday word (「在岗」 →
    在职 of 在职人数): its own word, less 人员 and 数, among them weighs a little."""
    return int(bool(bigrams(column.replace("人员", "").rstrip("数")) & bigrams(q_syn.split("|", 1)[-1])))


def most_of(column: str, q: str) -> int:
    """A column header the question names in other words for its last character or so (「在职人员」 for
    在职人数): the common run, when it is two thirds of the header and three characters or more."""
    common = _lcs(column, q)
    return common if common >= 3 and common * 3 >= len(column) * 2 else 0


def _named_generic(f: Fact, q: str) -> bool:
    """A total row stands as an answer only when the question names one of its headers outright,
    or names the total together with its column (「支出决算总计」: 总计 of the 支出 column)."""
    if any(len(c) >= 3 and c in q for c in (*f.row_path, *f.column_path)):
        return True
    label = _clean_label(f.row_path[-1]) if f.row_path else ""
    return label in q and any(len(c) >= 2 and c in q for c in f.column_path)
