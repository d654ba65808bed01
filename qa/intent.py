"""What kind of answer a question wants, from its wording.

Kept to cue words on purpose: the kinds are few and the cues are stable in Chinese; the hard part
(which cell, which report) is decided elsewhere from the template and the stored reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text_match import DIRECTION_ONLY, asks_rate
from qa.vocab import vocabulary

LOOKUP, SHARE, SUM, DIFF, YOY, COMPARE, RANK, TREND, DESCRIBE, RATIO = (
    "lookup", "share", "sum", "diff", "yoy", "compare", "rank", "trend", "describe", "ratio",
)
_TIMES = re.compile(r"(?:是|为|相当于|等于)[^，,。？?]{2,30}?的?(?:多少|几)倍")  # 「A是B的几倍」

_FIGURE = re.compile(
    r"多少|几(?!乎)[\u4e00-\u9fff]|几$|数量|数目|金额|是多少|有几|总数|合计|一共|总共"
    r"|占比|比例|比重|百分|哪一?年|更多|更少|更高|更低"
)
SHARE_CUE = _SHARE = re.compile(r"占比|比例|比重|百分之几|百分比|占.{0,12}(多少|几)|占到"
                                # 「…占全区当年公布的政府信息总量的多少」: a long whole, then 的多少 to end
                                r"|占[^，,。？?]{12,30}的(?:多少|几成)(?=\s*[？?。]?\s*$)")
# 「…里，政府购买服务占了多少钱」「占用多少万元」: the part's own amount of money, not its share (a count,
# 「21件申请中，某类的占多少件」, is read by the share path, which finds the part in its whole)
_PART_AMOUNT = re.compile(r"占(?:了|用了?)?[^，,。？?]{0,4}?多少(?:钱|万元|亿元|元)"
                          r"(?!.*(?:比例|比重|百分|占比|几成))")
_SHARE_WORDS = re.compile(r"(所?占的?|占了|占到)?(百分之多少|百分之几|百分比|比例|比重|占比|多少|几成)|所?占了?|占到")
# 「财政拨款收入加事业收入」「年初结余加上本年拨款」: 加 joins two items (加上 between any two words)
_PLUS = re.compile(r"(?<=[出费入金款数额资])加(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])加上(?=[\u4e00-\u9fff])")
_JOINED_THEN_ALL = re.compile(r"[和与及、][^，,。？?]{1,12}?共(?:计|有)?(?:多少|几)")
_SUM = re.compile(r"一共|合计|总共|加起来|之和|加上|共计|加总|合起来|合在一起|加在一起|加一块|加一起|加到一起|总和|"
                  + _PLUS.pattern)
# 「多多少」「高多少」「少花了多少」「差额」: the size of a difference (a verb may stand between)
# the verbs that may stand between 多/少 and the amount: 多花了多少, 少发了几条, 多办了多少件
DIFF_VERBS = "花|用|支出?|拨|收|付|出|发|办|做|开"
# after a 比 any short verb may stand there (「比乡镇多发布了几条」「比本级少安排了几万元」): the 比 says
# a difference is asked, whatever was done
THAN_TAIL = r"[多少高低][\u4e00-\u9fff]{1,2}?了?(?:多少|几)"  # where the items end, the 比 already read
DIFF_AFTER_THAN = rf"比[^，,。？?；;]{{1,24}}?{THAN_TAIL}"
_DIFF = re.compile(rf"[多少高低](?:{DIFF_VERBS})?了?(?:多少|几)|{DIFF_AFTER_THAN}|差多少|相差|差距|差额|差了|差几")
_YOY = re.compile(
    r"比去年|比上年|比上一年|同比|较上年|较去年|比前一年"
    r"|增长了?多少|增加了?多少|减少了?多少|下降了?多少|增幅|降幅"
    # 「每月提高了几元」「时限缩短了几分钟」: how much a figure moved
    r"|(?:提高|上涨|涨|提升|上调|降低|下调|缩短|缩减|压缩)了?(?:多少|几)"
    # 「到2016年变了多少」「变动了几件」: a change asked without saying which way
    r"|变动?了?(?:多少|几)"
)
# 「较2023年少了多少」: a change over a year named, when a figure is asked (「为什么比上年少了」 asks why)
_YOY_YEAR = re.compile(r"[比较]\s*(?:19|20)\d\d\s*年度?[^，。？?；]{0,8}?(?:多|少|增|减|高|低|降|上升)")
# 历年累计 is a column of the old statistics tables, not years asked
_TREND = re.compile(r"趋势|变化|近[两三四五\d]年|这几年|历年(?!累计)|逐年|每年|各年")
_RANK = re.compile(r"哪个|哪家|哪些.{0,6}(最|多)|最多|最少|最高|最低|排名|排序|排第|前[三五十]")
_COMPARE = re.compile(r"谁|相比|对比|比较|和.{1,12}比|与.{1,12}比|哪个多|哪个少"
                      r"|分别|各自|各[\u4e00-\u9fff]{0,8}(多少|几)")
_DESCRIBE = re.compile(r"吗[?？]?$|是否|有没有|么[?？]?$"
                       r"|哪些|什么|怎么|如何|怎样|为什么|情况|措施|问题|做了|举措|介绍|说说|概括|总结|主要")
_WHICH_ONES = re.compile(r"哪几(?:个|项|类|种|家|条|方面|部分)?|是哪些|有哪些")
_WHICH_THING = re.compile(r"哪(?!一?年)")
_WHY = re.compile(r"为什么|为啥|为何|什么原因|啥原因|原因是什么|原因是啥|原因有哪些|原因何在|怎么会"
                  # 「…降了54%，理由是什么」「…多了358万元，主要是因为增加了什么」: a reason, the figure quoted
                  # (「以…为理由不公开的申请」 names a ground, and asks no reason)
                  r"|理由(?:是什么|是啥|有哪些|何在)|什么理由|因为[^，。？?]{0,12}?(?:什么|哪些|啥)|(?:怎么|如何)解释")
# what the report tables never break down by: asking for it gets a refusal, not the nearest total
UNSUPPORTED = re.compile(
    r"平均|人均|外国|境外|国籍|性别|年龄|男性|女性|多少天|几天|天数|用时|时长|台湾|台胞|港澳|华侨|外籍"
    r"|(网上|网络|在线|信函|寄信|邮寄|当面|现场|传真|电子邮件|电话)(提交|提出|申请|递交)"
    r"|(关于|涉及|有关)(?!(政府)?信息公开|政府信息)[^，。？?]{1,10}的"
)
# 「差旅费和会议费哪个多」: two items of one report, the larger asked for
WHICH_MORE = re.compile(r"(?:哪个|哪项|哪一项|哪一个|哪块|哪一块|哪类|哪一类|哪种|哪一种|哪边|哪一边|哪样|哪一样|谁)"
                        r"(?:(?:[\u4e00-\u9fff]{1,3}得|的[\u4e00-\u9fff]{1,2})?(?:更|比较|略|稍|稍微|要)?"
                        r"|[\u4e00-\u9fff]{1,5}(?:更|比较)|[\u4e00-\u9fff]{1,4}(?<![最多几])(?=[多少高低大小][？?。，,]?$))"
                        r"(?:多|少|高|低|大|小)")
_TWO_ITEMS = re.compile(r"比(?!\s*(?:19|20)\d\d|去年|上年|上一年|前一年)|和|与|跟"
                        # 「公用、项目这两部分支出相差多少」: two items listed, or counted as two
                        r"|、(?=[^，,。？?]{0,20}(?:相差|差距|差额|差多少|差了))|[这那]?[两二](?:项|块|部分|者|类|种)")
_PERIODS_COUNTED = re.compile(r"[两二三四五六七八九十\d]+个?(?:季度|个月)")
_MULTI_YEAR = re.compile(r"近([两三四五\d])年")
CN_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# 「三个预算单位」「各单位」「所有下属单位」: every unit a staffing table lists (as qa.figures reads them)
_UNITS_COUNTED = re.compile(r"(?:(?:[两二三四五六七八九十]|\d{1,2})个|各|所有|全部)(?:预算|下属|所属|基层)?"
                            r"(?:单位|中心|机构)")


def without_share_words(question: str) -> str:
    """The part a share question counts: 「“其他”占了百分之多少」 looks up 「“其他”」 — asked with the
    share words, every count would be ruled out as the wrong unit."""
    return _SHARE_WORDS.sub(" ", question)


@dataclass(frozen=True)
class Intent:
    kind: str
    wants_figure: bool
    lowest: bool = False  # rank: 最少/最低
    years_back: int | None = None  # trend: 近三年


# 「哪家办结的申请少？」: the comparative may close the clause its 哪家/谁 opens
# (the 少 of 多少 asks a number, not for the smaller: 「谁多、多多少」)
_LOWEST = re.compile(r"最少|最低|(?:哪个|哪家|哪一个|谁)[^，。？?、]{0,4}?(?:更|比较)?(?<!多)[少低小]"
                     r"|(?:哪个|哪家|哪一个|哪一?年|谁)[^，。？?多高大]{0,20}(?:更|比较)?[少低小](?:一些|些)?"
                     r"(?=[？?，,。]|$)")


def asks_lowest(question: str) -> bool:
    """Whether the smaller (最少, 哪个少) of those compared is asked for."""
    return bool(_LOWEST.search(question))


def classify(question: str, agencies_named: int, strong_rows: int) -> Intent:
    q = question
    figure = bool(_FIGURE.search(q))
    lowest = asks_lowest(q)
    if _WHY.search(q):  # 「为何比上年少这么多」: a reason is asked, however the change is worded
        return Intent(DESCRIBE, False)
    if (ones := _WHICH_ONES.search(q)) and not _FIGURE.search(q[:ones.start()] + q[ones.end():]):
        return Intent(DESCRIBE, False)  # 「试点区是哪几个？」: the items are asked, not how many
    back = None
    if m := _MULTI_YEAR.search(q):
        back = CN_NUMBERS.get(m.group(1)) or int(m.group(1))
    if _TREND.search(q) and not (_DESCRIBE.search(q) and not figure and "变化" not in q):
        return Intent(TREND, True, years_back=back)
    if (which := WHICH_MORE.search(q)) and agencies_named < 2 and _TWO_ITEMS.search(q):
        return Intent(DIFF, True, lowest=bool(re.search(r"[少低小]", which.group())))
    if _RANK.search(q) and agencies_named != 1:
        return Intent(RANK, True, lowest)
    if (_COMPARE.search(q) or _DIFF.search(q) or WHICH_MORE.search(q)) and agencies_named >= 2:
        # 「A和B…，哪边更多」: every everyday form of which-is-more compares the agencies named
        return Intent(COMPARE, True, lowest)
    # 「…安排了多少？比上年是增是减？」: the amount asked, which way it went said beside it
    level_asked = (rest := DIRECTION_ONLY.sub("", q)) != q and bool(re.search(r"多少|几", rest)) \
        and not _YOY.search(rest) and not re.search(r"差|增|减|涨|降|变", rest)
    if not level_asked and (_YOY.search(q) or (_YOY_YEAR.search(q) and figure)):
        return Intent(YOY, True)
    if asks_rate(q) and len(set(re.findall(r"(?:19|20)\d\d", q))) == 2:
        return Intent(YOY, True)  # 「从2024年到2025年增加了百分之几」: a change between the two years named
    if _TIMES.search(q) and agencies_named < 2:  # 「A大约是B的几倍」: one figure divided by another
        return Intent(RATIO, True)
    if _SHARE.search(q) and not asks_rate(q) and not _PART_AMOUNT.search(q):  # 「增加了百分之几」: a stated rate
        return Intent(SHARE, True)
    # 「项目支出比基本支出少多少」: two items; 「比2022年多了多少」 is a change over time
    if _DIFF.search(q) and (strong_rows >= 2 or _TWO_ITEMS.search(q)):
        return Intent(DIFF, True)
    if (_SUM.search(q) or "和" in q or "与" in q) and strong_rows >= 2:
        return Intent(SUM, True)
    # 「办公费和印刷费加起来」「行政运行加其他宣传事务一共」: items of another table
    if _SUM.search(q) and re.search(r"[和与及、]|(?<![增参追附添更施])加(?![强快大入以起上总])", q):
        return Intent(SUM, True)
    if _JOINED_THEN_ALL.search(q):  # 「区级和省级科技特派员共多少名」: the items joined, then 共
        return Intent(SUM, True)
    if _SUM.search(q) and (_PERIODS_COUNTED.search(q) or _UNITS_COUNTED.search(q)):
        # 「四个季度…一共」「三个预算单位…一共」: the periods' or the units' figures added
        return Intent(SUM, True)
    if re.search(r"加起来|之和|相加|加在一起|加一块|加一起|加到一起", q) or _PLUS.search(q):  # 「三个季度的用款之和」
        return Intent(SUM, True)
    if _WHICH_THING.search(q) and not figure:
        # 「那13600万元…是补给哪条船的」「那70万元给了哪部新戏」: a thing named, asked of a figure the question quotes
        return Intent(DESCRIBE, False)
    if figure or (vocabulary().names_an_amount(q) and not _DESCRIBE.search(q)):
        return Intent(LOOKUP, True)
    if _DESCRIBE.search(q):
        return Intent(DESCRIBE, False)
    return Intent(LOOKUP if strong_rows else DESCRIBE, bool(strong_rows))
