"""Numbers stated in prose (「主动公开信息2516条」) become facts too, each with its sentence.

The label of such a fact is the clause leading up to the number, which is what the question side
matches words against; the sentence is kept whole for the citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from index.models import EXACT, Fact
from index.numbers import to_decimal

_UNITS = (
    # a time limit (「15个工作日」「自批复之日起20日内」) is a span of days, never a date's day
    "个百分点|个工作日|工作日|日(?=内|以内|之内)|个月"
    "|万人次|人次|万人|万次|万元|亿元|元|条|宗|件|份|篇|期|版|次|人|个|场次|场|起|项|家|天|批次|批|部|本|张|户|所|%"
    "|分钟|小时|辆|名|位|平方米|公里|吨|亩|分(?![之钟])"
    r"|万(?=[，,。；;、）)\s]|$)|亿(?=[，,。；;、）)\s]|$)"
)
_NUMBER = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(余|多)?\s*(" + _UNITS + r")"
)
# a text layer wraps lines mid-sentence: 「…服务预算518.18\n万元」「…预算为178.85万\n元。」
_WRAPPED_UNIT = re.compile(r"(?<=[\d万亿])\n(?=[ \t]*(?:" + _UNITS + r"|元))")
_YUAN_AFTER = re.compile(r"\s*元")
# 「…政府采购服务预\n算24,821.72万元」: a full line that ends inside a sentence (25 characters since the last
# sentence's end, so not a heading glued after one) goes on in the next one,
# unless that one opens a heading or a list item; the break becomes a control character (no part of a label)
_WRAPPED_LINE = re.compile(
    r"(?<=[^\n。；;！!？?]{25})(?<![：:])\n(?=[\u4e00-\u9fff\d“\"（(])"
    r"(?![一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[.．、](?!\d)|第[一二三四五六七八九十]+)"
)
# a page crawled into one line keeps its headings and numbered items apart by a space only
# (「…情况如下： 1.财政拨款收入…」「…经费支出情况 （一）因公出国（境）经费…」): each opens a sentence
# (「三、2018年度预计支出：…」: a heading may open on its year)
_INLINE_HEADING = re.compile(r"[ \t\u3000](?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]"
                             r"|\d{1,2}[.．、](?!\d))\s*(?:[\u4e00-\u9fff“\"]|(?:19|20)\d\d\s*年)"
                             r"|[（(][一二三四五六七八九十]{1,3}[)）]\s*\d{3,7}\s*[-—－]?\s*[\u4e00-\u9fff])")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
_CLAUSE_BREAK = re.compile(r"[，,、:：（(\u2460-\u2473]")  # 「…=19.20万元 ② 地区津贴」: a circled number opens an item
_LEVEL = re.compile(r"[（(](类|款|项)[)）]")
_LEVEL_TAIL = re.compile(r"^[类款项][)）][”\"]?\s*")
# words that only say what is counted (「拨款支出」「决算数」), naming no line of their own
_MEASURE_ONLY = re.compile(r"(?:财政)?(?:拨款)?(?:支出|收入)?(?:决算|预算)?数?(?:为|是)?")
_LIST_MARK = re.compile(r"^[一二三四五六七八九十\d]{1,3}[）)]\s*")


# a page break or other control character inside a sentence of a text layer is no part of a label
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# 「政府采购金额（以合同签订为准）为1771.11万元」: an aside that closes before the number qualifies the
# clause it sits in; it does not open a new one (a level marker 「（项）」 or a list number 「（二）」 does,
# and so does the scope after an owner's name, 「…街道办事处（部门）共有车辆」, which ends the name)
_ASIDE = re.compile(r"(?<![局处委会府院所站队室心镇道厅办司位])[（(]"
                    r"((?=[^（()）]*[\u4e00-\u9fff]{2})(?![一二三四五六七八九十\d]+[)）])(?![类款项][)）])"
                    r"[^（()），,。；;：:、]{2,20})[)）]")


def _label(sentence: str, at: int) -> str:
    """The clause before the number: 「其中组织机构信息26条」 → 「其中组织机构信息」."""
    before = _HEADING_ON_ITEM.sub("，", sentence[:at])  # 「…（一）收入预算1.一般公共预算收入」 names the item
    before = _ASIDE.sub(r" \1 ", before)
    before = _ONE_CHAR_ASIDE.sub(lambda m: m.group().translate(_HIDE), before)  # 「出国（境）经费」: one name
    parts = _CLAUSE_BREAK.split(before)
    label = parts[-1].strip() if parts else before
    # 「…1条，突发公共事件应急预案、预警信息及应对情况1条」: in a list its numbers part by 「，」, a 「、」 joins
    # the words of one name (the words before it hold no number of their own)
    clause = re.split(r"[，,：:；;]", before)[-1]
    # (or the clause opens its sentence: 「…；财政预算、决算报告共3条；」)
    # (「核准企业资质条、施工许可证76条」: a piece that ends on a measure word lost its number, and is an item)
    if "、" in clause and not re.search(r"\d", _CLAUSE_YEAR.sub("", clause)) \
            and ("，" in before or clause.strip() == before.strip()) and len(clause) <= 40 \
            and not any(_LOST_NUMBER.search(p) for p in clause.split("、")[:-1]):
        label = clause.strip()
    if len(label) < 2 and len(parts) > 1:  # 「综合定额公用费：①5500元×…」: the last words before the breaks
        label = (next((p for p in reversed(parts[:-1]) if p.strip()), "") + label).strip()
    # 「（二）公务用车购置及运行费46.56万元」: the cut at 「（」 leaves the list number behind, and
    # 「…（项）”2026年度预算」 the end of the item's name
    label = _LIST_MARK.sub("", label) or label
    if re.fullmatch(r"[类款项][)）]\s*", label) and len(parts) > 1 and _HAN.search(parts[-2]):
        # 「（5）2040205出入境管理（项）1983.37万元」: the level closes the item's name, which is the label
        label = _LIST_MARK.sub("", parts[-2].strip()) or parts[-2].strip()
    if (level := _LEVEL_TAIL.match(label)) and label[level.end():].strip() \
            and _MEASURE_ONLY.fullmatch(label[level.end():].strip()) \
            and len(parts) > 1 and _HAN.search(item := _LEVEL_TAIL.sub("", parts[-2].strip())):
        # 「…事务(款)一般行政管理事务(项)拨款支出45.58万元」: the words after the level only say what is
        # counted; the line is the item the level closes
        label = item + label[level.end():].strip()
    label = _LEVEL_TAIL.sub("", label) or label
    # 「…维护等经费150万元以及党委工作经费10万元」: a label ends at the figure before it
    # (「由42分钟缩至19分钟」 keeps its words: 缩至 is no name of its own)
    if (prior := list(_NUMBER.finditer(label))) and (j := _JOINER_LEAD.match(label, prior[-1].end())) \
            and len(_HAN.findall(label[j.end():])) >= 2:
        label = label[j.end():]
    return _CONTROL.sub("", label).translate(_SHOW)[-40:]


# 「2011年制作、获取…」: the year opening the clause is no number of the list
_CLAUSE_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*年度?")
_LOST_NUMBER = re.compile(r"(?:条|件|个|项|人|次|份|篇|万元|元)\s*$")


# a single character in brackets inside a name (出国（境）): no list number (（一）) nor level (（项）)
_ONE_CHAR_ASIDE = re.compile(r"(?<=[\u4e00-\u9fff])[（(]([^一二三四五六七八九十类款项\d\W])[)）]")
_HIDE = str.maketrans("（）()", "\ue000\ue001\ue002\ue003")  # no clause break inside, restored as printed
_SHOW = {v: k for k, v in _HIDE.items()}
_JOINER_LEAD = re.compile(r"\s*(?:以及|及|和|与|并|、)\s*")


# 「5.“社会保障和就业支出（类）…（项）”25.93万元，主要用于…。2023年当年预算执行数为…，比2023年预算
#执行数增加3.84%。」: the sentences after a numbered item's first are still about its subject
NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*(?!\d)")  # 「4.项目支出…」, also in a label
# 「“住房保障支出(类）-住房改革支出（款）-购房补贴（项）”2026年度预算…」: an item of that list even
# where the page lost its number
_QUOTED_ITEM = re.compile(r"^\s*[“\"][^“”\"]{2,120}?[（(]项[)）]\s*[”\"]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD_AFTER_SPACE = re.compile(r"\s+")
# words whose first character is also a unit: after a number and a space they are the next cell's
_WORDS_OPENED_BY_A_UNIT = frozenset({"项目", "人员", "个人", "名称", "部门", "家庭", "所属", "户籍", "期间", "条例",
                                     "次数", "件数", "本级", "场所", "批复", "份额", "篇幅", "起诉", "分类", "位于"})
_CODE_ONLY = re.compile(r"^\s*\d{3,7}\s*(?:[(（]?(?:类|款|项)级?科目[)）]?)?\s*$")
_USED_FOR = re.compile(r"\s*主要用于([^，,。；;\d]{2,24}?)(?:等|方面)?(?:的支出)?[。；;]")
# 「主要用于所属单位区交通综合执法支队的在职人员经费、…」: what the figure before is for, up to its first clause
_PURPOSE_NEXT = re.compile(r"\s*主要用于([^，,。；;\d]{2,30})")
_GOES_ON = re.compile(r"^\s*(?:主要用于|主要是|主要包括|用于|包括)")
_SUB_ITEM = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[)）]\s*(?=[\u4e00-\u9fff“\"])")
_SECTION_NAMED = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*([\u4e00-\u9fff]{2,12})\s+(?=\S)")
# 「住房公积金：40982元×12月×12%=5.90万元」「运转经费：6万元×9个=540000元」: a worked line; the factors before 「=」
# are its inputs (a base, months, a rate), the figure after it is what the line amounts to
_FACTOR = r"\d+(?:\.\d+)?\s*(?:万元|元|人次|人|个月|月|个|天|次|辆|%|％)?\s*(?:[（(]?[\u4e00-\u9fff]{1,4}[)）]?\s*)?"
_FORMULA = re.compile(rf"(?<![\d.])(?:{_FACTOR}[×xX*＊+＋]\s*)+{_FACTOR}[=＝]\s*(?=\d)")
# 「企业退休人员管理经费：24.47万元（8155人*30元）」: the product in brackets after a figure is how it was
# worked out; its factors are no figures of their own
_BRACKETED_PRODUCT = re.compile(rf"[（(]\s*(?:{_FACTOR}[×xX*＊]\s*)+{_FACTOR}[)）]")
# 「（二）支出预算1.人员经费321.17万元。」: a lettered heading run straight into its list's first item is no
# part of that item's name (the item is one line of the heading's list, not the heading's total)
_HEADING_ON_ITEM = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）][\u4e00-\u9fff“”\"]{2,16}?"
                              r"(?=\d{1,2}\s*[.．、](?!\d)\s*[\u4e00-\u9fff])")
_SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]"
                      r"|第[一二三四五六七八九十]+[部分章节])")


# a parenthesis opened right after an amount, its items up to this one each an amount too: a breakdown
_BREAKS_DOWN = re.compile(r"\d\s*(?:万元|亿元|元|万)\s*[（(](?:[^（()）\d]{2,30}?\d+(?:\.\d+)?\s*(?:万元|亿元|元|万)"
                          r"\s*[，,、；;]\s*)*[^（()）\d]{2,30}?$")


def _in_parenthesis(sentence: str, at: int) -> bool:
    """Whether `at` stands inside a parenthesis opened earlier in the sentence."""
    before = sentence[:at]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


# a clause that only says how a figure changed, its subject left to the clause before
# a year a change is said against: with 年, or bare before the base it names (「比2014决算数增加」)
YEAR_AGAINST = r"(?:19|20)\d\d\s*年|(?:19|20)\d\d(?=\s*(?:决算|预算|执行))"
_BARE_CHANGE = re.compile(r"^\s*(?:(?:比|较|同比|与|和|相比)\s*(?:上年|去年|上一年|前一年|" + YEAR_AGAINST + r")"
                          r"|(?:增长|增加|减少|下降|上升|降低)了?\s*$)")
_PREDICATE_ONLY = re.compile(r"^\s*(?:其中|增长|增加|减少|下降|上升|降低|完成|占|达到?|为|共)")


# 「…主动公开52条，其中政策…类3条，国土资源…类信息 45，其他类4条」: an item of a 其中 list printed
# without its unit counts in the unit of the list's head
_BARE_ITEM = re.compile(r"(?<![\d.,])(\d{1,6})()()()(?=\s*[，,、；;。]|$)")


def _with_listed(sentence: str) -> list[re.Match[str]]:
    """The sentence's numbers with units, and the bare items of a 其中 list after one of them."""
    found = list(_NUMBER.finditer(sentence))
    at = sentence.find("其中")
    if at < 0 or not any(m.start() < at for m in found):
        return found
    bare = [b for b in _BARE_ITEM.finditer(sentence, at) if _HAN.match(sentence[:b.start()].rstrip()[-1:])
            and not any(m.start() <= b.start(1) < m.end() for m in found)]
    return sorted(found + bare, key=lambda m: m.start()) if bare else found


# 「微博、微信分别发布平潭旅游信息495条和632条」: the k names before 分别 go with its k numbers, in order
_RESPECTIVELY = re.compile(r"分别")
_CLAUSE_END = re.compile(r"[，,：:；;。！!？?]")
_NAMES_JOINED = re.compile(r"[、和]|以及")
_LINK_VERB = re.compile(r"(?:为|是|达到?|有|共)$")


def _respective_labels(sentence: str, numbers: list[re.Match[str]]) -> dict[int, str]:
    """{a number's start: its own name} for the numbers a 「A、B分别…m、n」 clause pairs with names.
    Unless names and numbers are as many, each number maps to "" (no label can say whose it is)."""
    out: dict[int, str] = {}
    said: list[str] = []
    for r in _RESPECTIVELY.finditer(sentence):
        before = _CLAUSE_END.split(sentence[:r.start()])[-1]
        names = [w.strip() for w in _NAMES_JOINED.split(before) if w.strip()]
        if not before.strip() and said:  # 「…分别为10万元、20万元，分别比上年减少1万元、2万元」: the same names
            names = said
        end = (m.start() + r.end() if (m := _CLAUSE_END.search(sentence[r.end():])) else len(sentence))
        nums = [n for n in numbers if r.end() <= n.start() < end]
        if len(names) < 2 or not nums:
            continue
        if len(nums) != len(names):
            out.update((n.start(), "") for n in nums)
            continue
        verb = _LINK_VERB.sub("", sentence[r.end():nums[0].start()].strip())
        said = names
        for name, n in zip(names, nums, strict=True):
            out[n.start()] = (name + verb)[-40:]
    return out


# 「其中15万元用于口岸大通关建设工作经费，480万元用于澳前口岸办公服务大楼服务保障经费」: the amount
# opens its clause and what it is for follows
_OPENS_CLAUSE = re.compile(r"(?:^|[，,；;：:。])\s*(?:其中[：:]?|另有|以及|及|和)?\s*$")
_PURPOSE = re.compile(r"\s*(?:用于|用作|用在|作为|系)([^，,；;。]{2,40})")


# two bare numbers side by side in a label: the cells of a flattened table row (「行政 30 37」)
_TABLE_ROW = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s+\d+(?:\.\d+)?(?![\d.])(?!\s*(?:[%％]|万|亿|元|年|月|日))")

# a span of days (「15个工作日」「20日内」)
DAY_UNITS = frozenset({"天", "日", "工作日", "个工作日"})
_WITHIN = re.compile(r"\s*(?:以|之)?内\s*[，,]?\s*([^，,。；;（(]{2,40})")


def _done_within(sentence: str, m: re.Match[str]) -> str:
    """What a time limit is set for: the act said after 「…内」 (「自批复之日起15日内，批复所属单位决算」),
    which names the span better than the words before it (the same 「自…之日起」 opens every limit)."""
    if m.group(4) not in DAY_UNITS:
        return ""
    after = _WITHIN.match(sentence, m.end())
    return _CONTROL.sub("", after.group(1)).strip() if after else ""


def _purpose_after(sentence: str, m: re.Match[str]) -> str:
    """The purpose printed after an amount that opens its clause, as that amount's label."""
    if not _OPENS_CLAUSE.search(sentence[:m.start()]):
        return ""
    after = _PURPOSE.match(sentence, m.end())
    return _CONTROL.sub("", after.group(1)).strip()[-40:] if after else ""


# 「选认47名区级科技特派员、21名省级个人科技特派员」「开设…3个链接菜单」: a count printed before the
# thing it counts; the noun after the measure word, up to the clause's end, is the number's own name
_COUNT_UNITS = frozenset("名位家个所项辆台场座部批户篇人")
_COUNTED = re.compile(r"([\u4e00-\u9fff“”\"]{2,12}?)(?=[、，,。；;：:）)]|和|及|与|以及|$)")
_PRIOR_COUNTED = re.compile(r"\d+(?:\.\d+)?\s*[名位家个所项辆台场座部批户篇人][\u4e00-\u9fff“”\"]{2,12}"
                            r"(?:、|和|及|与)?\s*$")


_COUNTED_AS = re.compile(r"\s*(?:为|系)([\u4e00-\u9fff“”\"]{2,12}?)(?=[、，,。；;]|$)")


def _counted_after(sentence: str, m: re.Match[str]) -> str:
    """The noun a count names after its measure word (「47名区级科技特派员、」), or after 为 (「其中148份为
    主动公开，180份为依申请公开」: each count is the thing it is said to be), else ""."""
    unit = (m.group(3) or "") + (m.group(4) or "")
    if unit and (said := _COUNTED_AS.match(sentence, m.end())):
        return said.group(1).strip("“”\"")
    if unit not in _COUNT_UNITS:
        return ""
    after = _COUNTED.match(sentence, m.end())
    return after.group(1).strip("“”\"") if after else ""


def _lead_of_counted(label: str) -> str:
    """What the words before a count say of it: the verb the whole list shares (「选认」 of 「选认47名
    区级科技特派员、」 before 「21名…」), not the item printed before it."""
    prior = _PRIOR_COUNTED.search(label)
    return label[:prior.start()].strip() if prior else label


def _item_subject(rest: str) -> str:
    """A numbered item's subject: its quoted name (类/款/项 markers dropped), else its first clause."""
    quoted = re.match(r"[“\"]([^“”\"]{2,120})[”\"]", rest)
    # 「文化旅游体育与传媒支出（类）文化和旅游（款）行政运行（项）。」 unquoted: up to its 项
    levels = re.match(r"([^。，,；;“”\"]{2,120}?[（(]项[)）])", rest)
    words = quoted.group(1) if quoted else levels.group(1) if levels else \
        re.split(r"[，,。；;：:（(]|\d", rest, maxsplit=1)[0]
    return " ".join(_LEVEL.sub(" ", _CONTROL.sub("", words)).split())[-40:]


def headings_on_lines(text: str) -> str:
    """The text with each heading or numbered item a one-line page runs on put on a line of its
    own; one character for one, so offsets into the text still hold."""
    return _INLINE_HEADING.sub("\n", text)


# a full-width comma used as a thousands separator: a number of one to three digits with no unit of its
# own, then three digits and an amount's unit (「1，799.35万元」); a comma between two clauses is never
# followed by exactly three digits of money
_WIDE_THOUSANDS = re.compile(r"(?<![\d.,，])(\d{1,3})，(?=\d{3}(?:\.\d+)?\s*(?:万元|亿元|元))")


_ANGLE_NUMBER = re.compile(r"[〈<＜]([一二三四五六七八九十]{1,3})[〉>＞]")


def prose_facts(
    report_id: str,
    text: str,
    skip: Iterable[tuple[int, int]] = (),
    page_of: Callable[[int], int | None] = lambda _: None,
) -> list[Fact]:
    """Every number-with-unit in the prose of `text`, outside the `skip` spans (the tables)."""
    skip = sorted(skip)
    # one character for one, so spans stay offsets into the text
    text = _WRAPPED_UNIT.sub(" ", text)
    text = _WIDE_THOUSANDS.sub(r"\1,", text)  # 「本年收入1，799.35万元」: a full-width comma between thousands
    # 「〈五〉、政府性基金支出决算情况」: a heading numbered in angle brackets is numbered as in （五）
    text = _ANGLE_NUMBER.sub(lambda m: f"（{m.group(1)}）", text)
    text = headings_on_lines(text)
    chars = list(text)
    for m in _WRAPPED_LINE.finditer(text):  # never into or out of a table
        if not any(a - 80 <= m.start() < b + 1 for a, b in skip):
            chars[m.start()] = "\x0b"
    for a, b in skip:  # 「…行政事业性收费9116.36(二)主动公开…」: the words after a table open a sentence of their own
        if a < b < len(chars) and chars[b - 1] not in "。！？\n":
            chars[b - 1] = "\n"
    text = "".join(chars)
    out: list[Fact] = []
    purposes: dict[int, tuple[str, str]] = {}  # fact index → (what it is for, the sentence that says so)
    head = ""  # the subject of the numbered item the sentence belongs to
    lettered = ""  # the subject of the lettered item 「（三）项目支出…」 just read
    carried = ""  # the level a sentence ended on with 「；」
    for sm in _SENTENCE.finditer(text):
        s0 = sm.start()
        if any(a <= s0 < b for a, b in skip):
            head = ""
            continue
        sentence = sm.group().strip()
        shown = _CONTROL.sub("", sentence)
        lead = len(sm.group()) - len(sm.group().lstrip())
        if glued := _HEADING_ON_ITEM.match(sentence):
            sentence, lead = sentence[glued.end():], lead + glued.end()
        if item := NUMBERED_ITEM.match(sentence):
            head = _item_subject(sentence[item.end():])
        elif _QUOTED_ITEM.match(sentence):  # the next item, its number lost in the text layer
            head = _item_subject(sentence.lstrip())
        elif sub := _SUB_ITEM.match(sentence):
            # 「（三）项目支出260万元。主要用于拆违等经费100万元…」: a sentence that goes on explaining a
            # lettered item's first (主要用于…) is about its subject
            head, lettered = "", _item_subject(sentence[sub.end():])
        elif lettered and _GOES_ON.match(sentence):
            head = lettered
        elif (named := _SECTION_NAMED.match(sentence)) and named.group(1) in sentence[named.end():]:
            # 「五、失业保险基金 2016年失业保险基金预算收入413万元，预算支出552万元，当年结余-139万元。」: a
            # section named by what its sentence is about, said again in it, is the subject of every figure
            head = named.group(1)
        elif _SECTION.match(sentence):  # 「三、政府信息依申请公开工作情况…」: a new section, a new subject
            head = ""
        if not _SUB_ITEM.match(sentence) and not _GOES_ON.match(sentence):
            lettered = ""
        last_unit = ""
        # the subject of the sentence's last level (「机关运行经费支出 816.16 万元」); a sentence cut off by
        # 「；」 goes on about the level the one before ended on (「…收入预算为6233.88万元；比上年减少…」)
        level = carried if sentence[:1] in "比较与" else ""
        inner = level
        before, carried = carried, ""
        numbers = _with_listed(sentence)
        formulas = [(f.start(), f.end()) for f in _FORMULA.finditer(sentence)]
        formulas += [(f.start(), f.end()) for f in _BRACKETED_PRODUCT.finditer(sentence)]
        respective = _respective_labels(sentence, numbers) if "分别" in sentence else {}
        for m in numbers:
            if sentence[m.end():m.end() + 1] in ("年", "月", "日") or sentence[m.end(4):m.end(4) + 1] == "日":
                continue
            if _WORD_AFTER_SPACE.match(sentence, m.end(2) if m.group(2) else m.end(1)) \
                    and sentence[m.start(4):m.start(4) + 2] in _WORDS_OPENED_BY_A_UNIT:
                continue  # 「人员经费 7725.98 项目经费」: 项 opens the next cell's word, it is no unit
            if respective.get(m.start(), None) == "":
                continue  # a number of a 分别 clause whose names it cannot be paired with
            if any(a <= m.start() < b for a, b in formulas):
                continue  # a factor of a worked line, no figure of its own
            worked = next((a for a, b in formulas if b == m.start()), None)
            label = respective.get(m.start()) or _done_within(sentence, m) or _purpose_after(sentence, m) \
                or _label(sentence, m.start() if worked is None else worked)
            if not respective.get(m.start()) and (noun := _counted_after(sentence, m)):
                # 「选认47名区级科技特派员」; 「180份为依申请公开」: the count is named after it, the words before
                # it are another count's
                said_as = bool(_COUNTED_AS.match(sentence, m.end()))
                label = noun if said_as else f"{_lead_of_counted(label)} {noun}".strip()
            if len(_HAN.findall(label)) < 2 and head:  # 「5.“…事业单位医疗（项）”50.37万元」: the subject
                label = head
            if _CODE_ONLY.match(label) and (named := _USED_FOR.match(text, sm.end())):
                # 「（五）21301（项级科目）75.93万元。主要用于农业支出。」: a line said by its code alone is
                # named by what the next sentence says it is for
                label = f"{label.split()[0]} {named.group(1).strip()}"
            purpose = None
            if label and not _CODE_ONLY.match(label) and not sentence[m.end():].strip(" 。；;"):
                # what the next sentence says the figure is for: kept aside, it names the line only when
                # another line has the same name (see `_told_apart_by_purpose`)
                purpose = _PURPOSE_NEXT.match(text, sm.end())
            if not label or _TABLE_ROW.search(label):
                continue  # 「…敖东镇政府 行政 30 37 含工勤9人」: a flattened table's cells, no clause of a sentence
            subject = head
            # a figure inside a parenthesis (「收入预算为1170.58万元（本级1103.72万元，中心66.86万元），比上年减少
            # 544.02万元」) is a part of the level before it: a change said after the parenthesis is the level's
            inside = _in_parenthesis(sentence, m.start())
            if _BARE_CHANGE.match(label) and (inner if inside else level) and not head:
                subject = inner if inside else level  # 「…816.16 万元，比 2024 年度减少 165.4 万元」
            elif inside and level and _BREAKS_DOWN.search(sentence[:m.start()]) and not head:
                # 「公务接待费…11万元（某指挥部9万元，某服务中心2万元）」: each unit's share is a part of that
                # whole, named by it (the same units split every amount of such a report)
                subject, inner = level, label
            elif not _BARE_CHANGE.match(label) and not _PREDICATE_ONLY.match(label):
                inner = label
                if not inside:
                    level = label
            unit = (m.group(3) or "") + (m.group(4) or "")
            if not unit:  # a bare 其中 item: the unit of the number before it in the sentence
                unit = last_unit
                if not unit:
                    continue
            last_unit = unit
            end = m.end()
            if unit in ("万", "亿") and (yuan := _YUAN_AFTER.match(sentence, end)):  # 「178.85万 元」
                unit, end = unit + "元", yuan.end()
            start = s0 + lead + m.start()
            if any(a <= start < b for a, b in skip):  # a sentence that runs into a table: its cells are the table's
                continue
            # 「当年结余-139万元」: a minus sign after a word (not a range's dash after a digit) makes it negative
            signed = m.start() > 0 and sentence[m.start() - 1] in "-－−" \
                and not sentence[m.start() - 2:m.start() - 1].isdigit()
            if signed:
                label = label.rstrip("-－− ") or label
            value = to_decimal(m.group(1) + (m.group(2) or ""))
            out.append(
                Fact(
                    report_id=report_id,
                    table="prose",
                    row_path=(subject, label) if subject and subject != label else (label,),
                    column_path=(),
                    value=-value if signed else value,
                    unit=unit,
                    status=EXACT,
                    page=page_of(start),
                    span=(start - signed, s0 + lead + end),
                    raw=sentence[m.start() - signed:end],
                    sentence=shown,
                )
            )
            if purpose is not None:
                purposes[len(out) - 1] = (purpose.group(1).strip(),
                                          _CONTROL.sub("", _SENTENCE.match(text, sm.end()).group().strip()))
        # 「…收入预算为6233.88万元；比上年减少…」「（一）2016本年收入49.5万元。比2015年决算数增加9.5万元」: a
        # sentence that opens with 比/较 goes on about the level the one before ended on
        carried = level if sentence.endswith(("；", ";", "。")) else ""
        if not numbers and _GOES_ON.match(sentence):
            # 「公务接待费预算安排2万元。主要用于…接待活动。与上年相比支出下降20%」: what the money is for, said
            # between, leaves the level the change is of
            carried = before
    return _told_apart_by_purpose(out, purposes, text)


_SECTION_HEADING = re.compile(r"(?:^|[\s。；;])[一二三四五六七八九十]{1,3}\s*[、.．]")


_LEADING_CODE = re.compile(r"^\d{3,7}\s*")


def _told_apart_by_purpose(facts: list[Fact], purposes: dict[int, tuple[str, str]], text: str) -> list[Fact]:
    """「（一）一般行政管理事务（项级科目）40万元。主要用于消防安全宣传活动支出。（二）一般行政管理事务（项级科目）
    120万元。主要用于村级消防协管员补贴支出。」: lines printed under one name are told apart by what the next
    sentence says each is for; the purpose joins their labels and their cited sentences. A line whose
    name is its own keeps it: what it is for describes it, it does not name it."""
    named: dict[tuple[str, ...], list[int]] = {}
    for i in purposes:  # (「2130102一般行政管理事务」 and 「2130302一般行政管理事务」: one name under two codes)
        named.setdefault((*facts[i].row_path[:-1], _LEADING_CODE.sub("", facts[i].row_path[-1])), []).append(i)
    out = list(facts)
    runs: list[list[int]] = []
    for same in named.values():  # one list's lines: no section heading between them (「六、政府性基金…」 opens another)
        same.sort(key=lambda i: facts[i].span[0])
        runs.append([same[0]])
        for i in same[1:]:
            between = text[facts[runs[-1][-1]].span[1]:facts[i].span[0]]
            if _SECTION_HEADING.search(between):
                runs.append([i])
            else:
                runs[-1].append(i)
    for same in runs:
        if len(same) < 2 or len({facts[i].value for i in same}) < 2:
            continue
        for i in same:
            f, (purpose, said) = facts[i], purposes[i]
            out[i] = replace(f, row_path=(*f.row_path[:-1], f"{f.row_path[-1]} 用于{purpose}"),
                             sentence=f"{f.sentence}{said}")
    return out
