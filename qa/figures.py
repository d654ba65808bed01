"""One report's figure answers: a lookup, a share, a sum or a difference, each composed from
measures with every input shown, and the refusals that say which figure could not be found."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from index.models import AMBIGUOUS, Fact, Report
from index.template import load_templates, split_marker
from qa.answer import AMBIGUOUS as ANS_AMBIGUOUS
from qa.answer import ANSWERED, REFUSED, Answer
from qa.cells import match_cells
from qa.compose import ambiguous_text, breakdown, figures_of, num, pct, quality_notes, who
from qa.intent import CN_NUMBERS, DIFF, DIFF_VERBS, RATIO, SUM, THAN_TAIL, WHICH_MORE, without_share_words
from qa.knowledge import ReportFacts, Value
from qa.lists import BREAKDOWN_REACH, BREAKDOWN_SPAN, items_of
from qa.measure import Measure, find_measures, prose_measure, share_base, table_measure
from qa.scope import in_order, report_names
from qa.text_match import bigrams, is_total_label, most_of, prose_candidates, without
from qa.verify import (
    LISTED,
    list_head,
    own_clause,
    own_name_unasked,
    question_text,
    template_words,
    uncovered_terms,
)
from qa.vocab import vocabulary

_PREDICATE = re.compile(r"^(?:完成|占|比|较|增长|增加|减少|下降|达到?|为|是|共|其中)")


_ITEM_LEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?=\d{5,9}|\D))?"
                        r"\s*(?:\d{3,9}\s*-?)?")  # a list number and a subject code before a line's name
_GENERIC_PROSE_LABELS = frozenset({"拨款支出", "支出", "预算", "决算", "安排", "预算安排", "决算数", "预算数", "合计"})


def shown_label(f: Fact) -> str:
    """The words a reader needs to see which number of the sentence is meant: a label that is only
    a predicate (「完成预算的」「增长」) is shown with the clause it continues (「因公出国（境）费决算为 0
    万元，完成预算的」), when the number stands once in its sentence."""
    label = f.row_path[-1] if f.row_path else ""
    if len(f.row_path) > 1:  # a numbered item's subject: 「… 行政运行 / 年初预算为」
        return " / ".join(f.row_path)
    sentence, raw = f.sentence or "", f.raw or ""
    # 「第四季度开工」 says which item it is by itself; 「拨款支出」 of 「…城管执法（项）拨款支出2029.24万元」
    # says only that it is spending, the same for every line of its list
    short = len(re.findall(r"[\u4e00-\u9fff]", label)) < 4 or label in _GENERIC_PROSE_LABELS
    if not (_PREDICATE.match(label) or short) or not raw or sentence.count(raw) != 1:
        return label
    at = sentence.index(raw)
    carried, back = own_clause(sentence, at, at)[2:4]
    start = sentence.rfind(carried, 0, at) if carried else -1
    words = (sentence[start:at] if start >= 0 else back).strip("，,；;：: ")
    words = _ITEM_LEAD.sub("", words)  # 「（二）2120104城乡社区（类）…」: its list number and subject code
    return " ".join(words.split()) if len(label) < len(words) <= 60 else label


def names_of(report: Report, question: str = "") -> frozenset[str]:
    """The names an agency goes by (with a short form the question made up), none for a report without one."""
    return report_names(question, report)


_GAP = re.compile(r"[多少高低大小](?:花|用|支出?|拨|收|付|出)?了?(?:多少|几)|相差|差多少|差距|差额|差了|差几")


def asks_gap(q: str) -> bool:
    """「多了多少」「相差多少」 want the size of the difference; 「增长多少」 wants it signed."""
    return bool(_GAP.search(q))


def refuse_figure(q: str, r: Report) -> Answer:
    looked = ("表二、表三、表四的各行各列、其他表格的行列标题" if r.template
              else "报告各表格（收支、功能分类、经济分类、“三公”经费等）的行列标题")
    return Answer(q, REFUSED, f"在{who(r)}的报告中没有找到与「{q}」对应的数字（查找了{looked}和正文中的数字）。",
                  reports=(r.id,))


# the question asks what a table prints (「附表里…这一栏填的是多少」)
_TABLE_NAMED = re.compile(r"附表|表里|表中|表上|统计表|这一栏|那一栏|栏里")
# words every row of a statistics table may say, which tell no row apart (受理…信息总数)
_ROW_FILLER = re.compile(r"受理|信息|总数|数$|的")
_YEAR_SAID = re.compile(r"(?:19|20)\d\d\s*年")
_RUNNING = re.compile(r"累计|历年|以来")
_HEADING_GLUED = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\S{0,20}\s+")
# the words a sentence says a row's count with and nothing else (「我局共收到依申请公开」)
_SAID_WORDS = re.compile(r"我局|我委|我办|本局|本机关|本单位|我单位|全局|全年|本年度?|(?:19|20)\d\d\s*年度?"
                         r"|总共|一共|共|"
                         r"收到|受理|接收|政府|信息|总数|数|的|了|各类|依法|[\s，,：:]")


def said_otherwise(rf: ReportFacts, v: Value) -> Fact | None:
    """A sentence of the report's own year stating the thing a table row counts with another number
    (附表 「受理依申请公开信息总数 0」 beside 「共收到依申请公开3件」): the report contradicts itself, and
    neither figure can be given as its answer. The row's own words (less the table's filler) must stand
    whole in the sentence's label, in a unit counting the same things."""
    if len(v.inputs) != 1 or v.summed or v.value is None:
        return None
    f = v.inputs[0]
    # the statistics table of a disclosure report, in its year's column (a count in all is no year's)
    if not rf.report.template or not f.table.startswith("g") or not f.row_path or not f.unit \
            or f.unit.endswith("元") or any("累计" in c for c in f.column_path):
        return None
    core = _ROW_FILLER.sub("", f.row_path[-1])
    if len(core) < 3:
        return None
    same = vocabulary().same_unit
    for p in rf.facts:
        if p.table != "prose" or not p.row_path or not p.unit or p.value == f.value or core not in p.row_path[-1] \
                or _RUNNING.search(p.row_path[-1]):  # 「累计主动公开政府信息1016条」: a count in all, no year's
            continue
        # 「二、依申请公开情况 全年共受理依申请公开」: the heading glued before it is no word of the sentence's
        said = _HEADING_GLUED.sub("", p.row_path[-1])
        if _SAID_WORDS.sub("", said.replace(core, "")).strip():
            continue  # 「县直各单位主动公开…」「其他应主动公开的…」: a part or another thing, not the row said again
        said = (p.sentence or "")[:max((p.sentence or "").find(p.raw or ""), 0)]
        years = {int(y[:4]) for y in _YEAR_SAID.findall(said)}
        if same(p.unit, f.unit) and (not years or years == {rf.report.year}):
            return p
    return None


def lookup(q: str, rf: ReportFacts, measures: list[Measure]) -> Answer:
    r = rf.report
    parts, notes, used = [], [], []
    for m in measures[:4]:
        v = m.value
        if v.value is None:
            return Answer(q, ANS_AMBIGUOUS, ambiguous_text(rf, v), None, v.unit, *figures_of([(v, r)], rf.titles),
                          reports=(r.id,), warnings=("ambiguous",))
        if (check := rf.contradicted(v)) is not None:
            text = (f"{who(r)}报告中「{v.label}」印为{num(check.left, v.unit)}，但同一行各列相加为"
                    f"{num(check.right, v.unit)}：报告自身不一致，无法确定哪个是对的，因此不作为答案；请以原文为准。")
            return Answer(q, ANS_AMBIGUOUS, text, None, v.unit, *figures_of([(v, r)], rf.titles),
                          reports=(r.id,), warnings=("ambiguous", "self-contradiction"))
        other = said_otherwise(rf, v) if m.kind == "table" else None
        if other is not None and _TABLE_NAMED.search(q):
            # 「附表里…填的是多少」 asks what the table prints: that, and the sentence at odds with it
            notes.append(f"注意：正文说「{other.sentence}」（{num(other.value, other.unit)}），与表中数字不一致。")
        elif other is not None:
            text = (f"{who(r)}报告中「{v.label}」印为{num(v.value, v.unit)}，但正文说「{other.sentence}」"
                    f"（{num(other.value, other.unit)}）：报告自身不一致，无法确定哪个是对的，"
                    "因此不作为答案；请以原文为准。")
            # the cell is the figure the question was matched to; the sentence that says otherwise is cited
            figs, cites = figures_of([(v, r)], rf.titles)
            cites += figures_of([(prose_measure(other).value, r)], rf.titles)[1]
            return Answer(q, ANS_AMBIGUOUS, text, None, v.unit, figs, cites, reports=(r.id,),
                          warnings=("ambiguous", "self-contradiction"))
        label = v.label if m.kind != "prose" else f"报告原文：「{v.inputs[0].sentence}」"
        if m.kind == "prose":
            parts.append(f"{who(r)}{label}其中「{shown_label(v.inputs[0])}」为{num(v.value, v.unit)}")
        else:
            parts.append(f"{who(r)}「{label}」为{num(v.value, v.unit)}{breakdown(v)}")
        notes += list(m.defaults) + quality_notes(rf, v)
        used.append((v, r))
    text = "；".join(parts) + "。" + "".join(f"（{n}）" if not n.startswith(("注意", "原文")) else n for n in notes)
    head = measures[0].value
    figs, cites = figures_of(used, rf.titles)
    listed = (LISTED,) if len(used) > 1 else ()  # side by side: the verifier checks each on its own
    return Answer(q, ANSWERED, text, head.value, head.unit, figs, cites, reports=(r.id,),
                  warnings=tuple(n for n in notes if n.startswith(("注意", "原文"))) + listed)


_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
_COUNT = re.compile(r"([两二三四五六七八九十]|\d{1,2})个")


def numbered_series(q: str, rf: ReportFacts, m: Measure) -> list[Measure]:
    """The numbered siblings of a prose figure in its sentence (第一季度…第四季度用款计划), when the
    question asks for that many of them (「四个季度」) or for all (「各」「全部」「所有」)."""
    f = m.value.inputs[0]
    if f.table != "prose" or not _ORDINAL.search(f.row_path[-1]):
        return []
    stem = _ORDINAL.sub("第N", f.row_path[-1])
    series = [x for x in rf.facts if x.table == "prose" and x.sentence == f.sentence and x.unit == f.unit
              and _ORDINAL.sub("第N", x.row_path[-1]) == stem]
    counted = _COUNT.search(q)
    want = (CN_NUMBERS.get(counted.group(1)) or int(counted.group(1))) if counted else None
    if len(series) < 2 or (want != len(series) and not (want is None and re.search(r"各|全部|所有", q))):
        return []
    return [prose_measure(x) for x in series]


def refuse_parts(q: str, rf: ReportFacts, measures: list[Measure], kind: str) -> Answer:
    r = rf.report
    found = "；".join(f"「{m.value.label}」{num(m.value.value, m.value.unit)}" for m in measures[:3])
    text = (f"{who(r)}报告中只找到{found}，没有找到要{_verb(kind)}的其他各项，无法算出结果。"
            "可以分别询问每一项，或写明各项的名称。")
    _, cites = figures_of([(m.value, r) for m in measures[:3]], rf.titles)
    return Answer(q, REFUSED, text, citations=cites, reports=(r.id,))


def _verb(kind: str) -> str:
    return {SUM: "相加", RATIO: "相除"}.get(kind, "相减")


def refuse_item(q: str, rf: ReportFacts, item: str, kind: str) -> Answer:
    """A sum or difference one of whose items no figure of the report answers by itself."""
    r = rf.report
    what = f"「{item.strip('的 ')}」" if item.strip("的 ") else "其中一项"
    text = (f"{who(r)}报告中没有找到单独对应{what}的数字，无法{_verb(kind)}算出结果；"
            "可以分别询问每一项，或写明表内的行列名称。")
    return Answer(q, REFUSED, text, reports=(r.id,))


def share_answer(q: str, rf: ReportFacts, m: Measure | None, eff: str, text: str = "") -> Answer:
    """`text`: the report's text, where a prose part's list head (its whole) is read."""
    r = rf.report
    base = None
    if m is None or m.kind in ("table", "prose") or whole_named(eff) is not None:
        # 「商品和服务支出里，物业管理费占多大比例」「新收申请中，…无法提供的占百分之几」: a whole the
        # question names beats the table's 合计 (and the first figure found may be that whole itself)
        if named := _named_whole(eff, rf, m):
            m, base = named
    named_whole = whole_named(eff)
    if base is None and m is not None:
        base = share_base(rf, m) or _list_head_base(rf, m, text)
        if base is None and _asked_in_the_share_clause(eff, m):
            base = _breakdown_base(rf, m, text)
        names = names_of(r, eff)
        if base is not None and named_whole is not None and uncovered_terms(
                named_whole[0], [base[1], *(p for f in base[0].inputs
                                            for p in (*f.row_path, *f.column_path, *template_words(f, r.template)))],
                names):
            # the question names a whole (「商品和服务支出里，物业管理费占…」) the table's total is not
            # (「总支出里」「收入里」 are): that total would answer another question
            return Answer(q, REFUSED, f"在{who(r)}的报告中没有找到问题所说的总数「{named_whole[0]}」，"
                                      "无法计算这个比例。", reports=(r.id,))
    if m is None:
        return refuse_figure(q, r)
    part = m.value
    if part.value is None:  # a part the parse could not settle: said as unsure, never divided
        return lookup(q, rf, [m])
    if base is None:
        if part.unit in ("%", "个百分点"):  # the report states the share itself
            return lookup(q, rf, [m])
        figs, cites = figures_of([(part, r)], rf.titles)
        return Answer(q, REFUSED, f"{who(r)}「{part.label}」为{num(part.value, part.unit)}，但报告中找不到它所占的"
                                  "总数，无法计算比例。可以在问题里写明是占什么的比例（如「占“三公”经费的比例」）。",
                      citations=cites, reports=(r.id,))
    return divided(q, rf, part, base)


def divided(q: str, rf: ReportFacts, part: Value, base: tuple[Value, str]) -> Answer:
    """`part` as a percentage of the whole in `base`, both cited and the division shown."""
    r = rf.report
    whole, whole_label = base
    if whole.value in (None, 0) or part.value is None:
        return refuse_figure(q, r)
    share = pct(part.value, whole.value)
    text = (f"{who(r)}「{part.label}」{num(part.value, part.unit)}，占{whole_label}{num(whole.value, whole.unit)}的"
            f"{share}%（{part.value} ÷ {whole.value} × 100 = {share}%）。")
    text += "".join(quality_notes(rf, part))
    figs, cites = figures_of([(part, r), (whole, r)], rf.titles)
    return Answer(q, ANSWERED, text, share, "%", figs, cites, reports=(r.id,))


_SIZE_SAID = re.compile(r"(?:那|这)?(\d+)\s*(?:件|宗|条|个|项|份)(?=[\u4e00-\u9fff])")
# 中 of 中心, 中央, 中医, 中学 is no 「…之中」 (「平潭传媒中心2018年…」 names no whole)
# (the 中 or 里 that closes its clause, when one does: 「2019年中楼乡…支出里，人员经费…」 splits at 里, not in 中楼乡)
WHOLE_OF = re.compile(r"^(.{2,40}?)(?:之中|当中|中(?![心央医学])|里)(?:[，,]|(?![^，,。？?]*(?:中|里)[，,]))(.+)$")
_PART_OF = re.compile(r"^(.{2,40}?)(?:所占|占了|占到|占)(.{2,30}?)的?(?:比例|比重|百分|几成|多少|份额|几)")


_BREAKDOWN = "其中"


def _asked_in_the_share_clause(q: str, m: Measure) -> bool:
    """「…人员支出是多少，其中基本支出占了多大比例」: the clause that asks the share names its part; a
    figure of another clause (人员支出) is no part of that share."""
    clause = re.split(r"[，,。？?；;]", q.rstrip("？?。 "))[-1]
    return bool((bigrams(clause) & bigrams(m.value.inputs[0].row_path[-1])) - _GENERIC_PAIRS)


# pairs every line of a budget or a list of information shares: they tell no line from another
_GENERIC_PAIRS = frozenset({"支出", "收入", "信息", "经费", "预算", "公开", "政府", "万元", "费用", "资金"})


# clauses that say how the whole changed and why (「…512.40万元，比2019年增加了41.20万元，主要原因是…，其中：」):
# they stand between a whole and its 其中 without being another whole
_ASIDE_CLAUSE = re.compile(r"^\s*(?:比|较|同比|与|主要原因|原因是|主要是|主要由于|由于)")


def _said_between(between: str) -> int:
    """How many characters stand between a whole and its 其中, the clauses of its change and its reason aside."""
    return sum(len(c) + 1 for c in re.split(r"[，,]", between) if c and not _ASIDE_CLAUSE.match(c))


def _breakdown_base(rf: ReportFacts, m: Measure, text: str) -> tuple[Value, str] | None:
    """「共发布1169篇公众号信息，其中原创类信息159篇」「部门发展专项560万元。其中…480万元用于…」: the
    figure printed just before the 其中 a prose part stands after is the whole it is a share of."""
    f = m.value.inputs[0]
    if m.kind != "prose" or not text or not f.span or f.value is None:
        return None
    at = text.rfind(_BREAKDOWN, max(0, f.span[0] - BREAKDOWN_SPAN), f.span[0])
    if at < 0 or "。" in text[at:f.span[0]]:  # the part's own sentence opens the breakdown
        return None
    wholes = [g for g in rf.facts if g.table == "prose" and g.unit == f.unit and g.span and g.value is not None
              and g.span[1] <= at and _said_between(text[g.span[1]:at]) <= BREAKDOWN_REACH and g.value >= f.value
              and not _A_CHANGE.match(g.row_path[-1])]  # 「…，比上年减少544.02万元，其中」: no whole
    if not wholes and text[:at].rstrip().endswith(("。", "；")):
        # 「主动公开政府信息225条，公开类别主要涉及…。其中…征地信息类121条」: a 其中 that opens its
        # sentence breaks down the one figure of this unit the sentence before it prints
        before = text[:at].rstrip()
        start = max(before.rfind(c, 0, len(before) - 1) for c in "。；\n") + 1
        wholes = [g for g in rf.facts if g.table == "prose" and g.unit == f.unit and g.span and g.value is not None
                  and start <= g.span[0] and g.span[1] <= at and g.value >= f.value]
        if len({g.value for g in wholes}) != 1:
            return None
    if not wholes:
        return None
    g = max(wholes, key=lambda x: x.span[1])
    label = shown_label(g)
    return Value(g.value, g.unit, (g,), label), label


def _one_inside_another(rf: ReportFacts, vals: list[Value]) -> tuple[Value, Value] | None:
    """(part, whole) when one addend is an item of the 「其中」 list printed right after another."""
    for whole in vals:
        if len(whole.inputs) != 1:
            continue
        items = {f.id for f in _breakdown_of(rf, whole.inputs[0])}
        for part in vals:
            if part is not whole and len(part.inputs) == 1 and part.inputs[0].id in items:
                return part, whole
    return None


def _breakdown_of(rf: ReportFacts, whole: Fact) -> list[Fact]:
    """The items of the 「其中」 list that follows a prose figure in its sentence, in its unit."""
    return items_of(rf.facts, whole)


def listed_under(rf: ReportFacts, text: str, whole: Fact) -> list[Fact]:
    """The items of the 「其中」 list a prose figure opens (「一般公共预算支出410.00万元，其中：工资福利支出
    300.00万元；商品和服务支出60.00万元；…」), however its items are parted, up to the sentence's end."""
    if whole.table != "prose" or not whole.span or not text or _BREAKDOWN not in text[whole.span[1]:
                                                                                  whole.span[1] + BREAKDOWN_REACH]:
        return []
    end = text.find("。", whole.span[1])
    end = len(text) if end < 0 else end
    return [f for f in rf.facts if f.table == "prose" and f.span and whole.span[1] < f.span[0] < end
            and f.unit == whole.unit and f.value is not None]


def _list_head_base(rf: ReportFacts, m: Measure, text: str) -> tuple[Value, str] | None:
    """The figure of the sentence announcing the list a prose part is an item of (「2017年支出621.18万元，
    …具体情况如下：」 over 「2.项目支出438.40万元」): the whole the part is a share of."""
    f = m.value.inputs[0]
    if m.kind != "prose" or not text or not f.span:
        return None
    head = list_head(text, f.span[0])
    if not head:
        return None
    heads = sorted((g for g in rf.facts if g.table == "prose" and g.unit == f.unit and g.sentence and g.span
                    and g.span[0] < f.span[0] and g.sentence.strip()[:30] in head), key=lambda g: g.span[0])
    if not heads or heads[0].value is None or f.value is None or heads[0].value < f.value:
        return None
    g = heads[0]
    return Value(g.value, g.unit, (g,), g.row_path[-1]), f"「{g.row_path[-1]}」"


def whole_named(q: str) -> tuple[str, str, bool] | None:
    """(whole, part, part named on its own) when the question names the whole of a share:
    「项目支出占支出总计的比例」 (part before 占, whole after it) or 「“三公”经费中，…占多少」 (whole
    before 中/里). None when it names none (「不予公开的占比」: the table's own total is meant)."""
    after = _PART_OF.match(q)
    if after and uncovered_terms(after.group(2), ()):  # 「占了多大比例」 names no whole
        return after.group(2), after.group(1), True
    if inside := _PART_IN_WHOLE.match(q):  # 「行政处罚类在主动公开信息里占几成」: the whole after 在
        return inside.group(2), inside.group(1), True
    if match := WHOLE_OF.match(q):
        return match.group(1), without_share_words(match.group(2)), False
    if after and vocabulary().printed_for(after.group(2)):  # 「占全年总支出的」: a total by its everyday name
        return after.group(2), after.group(1), True
    return None


_PART_IN_WHOLE = re.compile(r"^(.{2,40}?)在([^，,。？?]{2,30}?)(?:之中|当中|中(?![心央医学])|里面|里)[，,]?"
                            r"(?:所|的)?占")


def whole_of_share(q: str, rf: ReportFacts, m: Measure | None) -> tuple[Measure, tuple[Value, str]] | None:
    """The whole a share question names (「…占办理结果的比例」), with the part read beside it."""
    return _named_whole(q, rf, m)


def _tells_itself_apart(words: str, m: Measure, names: set[str]) -> bool:
    """A prose line whose own name says more than the whole's words ask (a numbered part)."""
    return m.kind == "prose" and bool(own_name_unasked(words, m.value.inputs[0], names))


def _named_whole(q: str, rf: ReportFacts, m: Measure | None) -> tuple[Measure, tuple[Value, str]] | None:
    """「项目支出里，维修费占多大比重」: the whole is named before 中/里 and the
    part after it (or by the whole question, `m`). The whole must be another figure in the same
    unit, at least as large as the part."""
    tpl = load_templates()["2021"]
    named = whole_named(q)
    if named is None:
        return None
    head, tail, own_part = named
    names = names_of(rf.report, q)  # 「某审批局…办结的申请里」: the name's 审批 is no 行政许可 row
    head, tail = without(head, names), without(tail, names)
    # 「支出中」「整个支出预算里」: the bare word's total, before any figure the word alone ties with
    wholes = (quoted_whole(head, rf) or _total_by_word(rf, head, names)
              or find_measures(rf, match_cells(head, tpl), head))
    if (size := _SIZE_SAID.search(head)) and (bare := _SIZE_SAID.sub("", head).strip()):
        # 「5件申请里」「主动公开的120条信息里」: the size the asker knows is no word of the whole's name, but
        # the whole must be that size: read without it first, and kept only when it is
        said = Decimal(size.group(1))
        plain = quoted_whole(bare, rf) or find_measures(rf, match_cells(bare, tpl), bare)
        wholes = next((w for w in (plain, wholes) if w and w[0].value.value == said), wholes)
    if not wholes and m is not None and m.value.unit and m.value.unit not in ("%", "个百分点"):
        # 「占制发的」「占制作总量的」: a whole named by a word or two, which alone ties with
        # every figure; it counts what the part counts, so it is read as a count in the part's unit
        counted = f"{head}多少{m.value.unit}"
        wholes = find_measures(rf, match_cells(counted, tpl), counted)
    # 「比上年减少544.02万元」 says how a figure changed: it is no whole of anything
    wholes = [w for w in wholes if not (w.kind == "prose" and _A_CHANGE.match(w.value.inputs[0].row_path[-1]))]
    if wholes and _tells_itself_apart(head, wholes[0], names):
        # 「全部支出预算」 is no 「二、基本支出预算数」: a line whose own name tells it apart is a part; the
        # whole is another sentence's, when one that says every word of it agrees on one amount
        ranked = [prose_measure(s.fact) for s in prose_candidates(head, rf.facts, names, rf.report.year,
                                                                   kind=rf.report.kind)]
        fit = [w for w in ranked if not _tells_itself_apart(head, w, names)
               and not uncovered_terms(head, list(w.value.inputs[0].row_path), names)]
        wholes = fit if len({w.value.value for w in fit}) == 1 else []
    if not wholes or wholes[0].value.value is None:
        return None
    w = wholes[0].value
    said = question_text(" ".join(p for f in w.inputs for p in (*f.row_path, *f.column_path)))
    if any(n in head and n not in said for n in vocabulary().amount_nouns if len(n) >= 2):
        return None  # 「总支出」 is no 「…指挥部本级1103.72万元」: the whole's label must say what it amounts to
    found = find_measures(rf, match_cells(tail, tpl), tail)
    parts = found if own_part else ([m] if m is not None else []) + found
    if items := _breakdown_of(rf, w.inputs[0]):
        # 「印发公文类政府信息共514条，其中…依申请公开信息数363条」: the part is an item of the whole's own
        # breakdown, not a like-worded figure of another sentence
        ranked = [s.fact for s in prose_candidates(tail, items, names, rf.report.year, kind=rf.report.kind)]
        sharing = [f for f in items if bigrams(tail) & bigrams(f.row_path[-1])]  # 「原创的」 of 「其中原创类信息」
        # an item that says every word the part does; else the part is no item of this list
        named = [f for f in ranked + sharing if not uncovered_terms(tail, [f.row_path[-1]], names)]
        parts = [prose_measure(f) for f in dict.fromkeys(named)] or parts
    for part in parts:
        p = part.value
        if {f.id for f in w.inputs} == {f.id for f in p.inputs} or p.value is None or p.unit != w.unit:
            continue
        # a sentence printing the part's very count (「…门户网站累计公开…202条」 beside 「其中2019年度…共主动
        # 公开…202条」) says that count again; it is no whole of it (a table's 总计 may equal its one part)
        said_twice = w.value == p.value and w.inputs[0].table == "prose"
        # 「项目支出」 is no 「某项目建设指挥部本级」: the words a part is asked by must be its own label's,
        # not the agency's name inside it
        own = [without(x, names) for f in p.inputs if f.table == "prose" for x in f.row_path]
        if own and not bigrams(" ".join(own)) & bigrams(without(tail, names)):
            continue
        if w.value >= p.value > 0 and not said_twice:
            return part, (w, f"「{w.label}」")
    return None


# 「支出中」「整个支出预算里」「全部收入里」: a whole said by the bare word of what it amounts to
_BARE_WHOLE = re.compile(r"^(?:整个|全部|所有|总的|全年的?|本年的?|当年的?)?"
                         r"(?P<noun>(?:预算|决算)?(?:支出|收入)(?:预算|决算)?)(?:总额|总数|合计|总计)?$")
# what a total's own label may say beside that word: a year, that it is the year's, planned, in all
_TOTAL_SAID = re.compile(r"(?:19|20)\d\d\s*年度?|本年度?|全年|当年|相应|安排|合计|总计|总额|共计?|总|[,，、\s的]"
                         r"|^[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]")


def _total_by_word(rf: ReportFacts, head: str, names: set[str]) -> list[Measure]:
    """The report's total of what a bare word names (「支出」 → 本年支出, 「支出预算」 → 相应安排支出预算): a
    level whose own label says that word and nothing else but a year, the agency and 合计-like words. A
    total is at least every part so labelled (the funds' own 本年支出 inside it), so the largest is it."""
    bare = _DATE_ONLY.sub("", head)
    if not (m := _BARE_WHOLE.match(bare)):
        return []
    noun = m.group("noun")
    said = [f for f in rf.facts if f.table == "prose" and f.unit and f.value is not None and f.row_path
            and _TOTAL_SAID.sub("", without(f.row_path[-1].split()[-1], names)) == noun]  # a heading before it aside
    return [prose_measure(max(said, key=lambda f: f.value))] if said else []


_QUOTED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|亿元|元|条|件|宗|个|项|份|篇|次|人次)")


def quoted_whole(head: str, rf: ReportFacts) -> list[Measure]:
    """「办结的56件里，…占几成」: the whole is quoted by its own figure; the report's number of
    that value and unit, whose words share most with the question's, is that whole."""
    m = _QUOTED.search(head)
    if not m:
        return []
    value = Decimal(m.group(1))
    same = [f for f in rf.facts if f.value == value and f.status != AMBIGUOUS
            and (f.unit == m.group(2) or vocabulary().same_unit(f.unit or "", m.group(2)))]
    if not same:
        return []
    words = bigrams(head)
    best = max(same, key=lambda f: len(words & bigrams(" ".join((*f.row_path, *f.column_path, f.sentence or "")))))
    return [prose_measure(best) if best.table == "prose" else table_measure(best)]


# 「涉及」「及时」 join nothing: their 及 is part of a word
_PARTS = {SUM: re.compile(r"[和与、]|(?<!涉)及(?!时)|加上|加"), DIFF: re.compile(r"[和与、比跟同]|(?<!涉)及(?!时)")}
PARTS_END = {SUM: re.compile(r"一共|合计|总共|加起来|加在一起|加一块|加一起|加到一起|相加|之和|共计|总计|总数"
                             r"|加总|合起来|合在一起|总和"),
              DIFF: re.compile(r"相差|差多少|差了|差距|差额|多了|少了|多出|差几|相比|对比"
                               r"|(?:增加|减少|增长|下降|提高|降低)了?(?:多少|几)"
                               rf"|[多少高低](?:{DIFF_VERBS})?了?(?:多少|几)|{THAN_TAIL}"
                               rf"|{WHICH_MORE.pattern}")}  # 「哪个多」「哪边多」, worded as the intent reads them


_COUNTED = re.compile(r"(?:这|那|以上|上述)?[两二三四五六七八九十\d几]+(?:种|项|类|个|块|方面|部分)"
                      r"(?P<noun>[\u4e00-\u9fff]{0,8}?)(?=[的\s？?，,]*$)")
# 「项目、人员、公用三块支出」「党建和宣传两项经费」: the line word said once after the count is each item's
_LINE_WORD = re.compile(r"(?:支出|收入|经费|费用|资金|拨款)$")
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_DATE_ONLY = re.compile(r"\s|(?:19|20)\d\d\s*年度?|[的在中里]")
_SCOPE_ONLY = re.compile(r"本级|本部|全年|本年度?|今年|当年|的")
_ONLY_QUALIFIER = re.compile(r"年初预算|调整预算|预算数|决算数|预算|决算|执行数|计划|实际|的|[?？。，\s]")


# (also as a later item, 「出国费和公车购置及运维费比，…」: after the joiner, before 比)
_JOINED_RUN = re.compile(r"(?:(?<=[，,里中的年和、])|^)(?:(?![和与及])[\u4e00-\u9fff]){2,8}[及与][\u4e00-\u9fff]{2,6}?"
                         r"(?=[和与、，,比]|$)")


_LINE_END = re.compile(r"(?<=[\u4e00-\u9fff]{3})(?:支出|经费)$")  # 「商品和服务」 for 「商品和服务支出」


def _shortens(run: str, label: str) -> bool:
    """「公车购置及运维费」 of 「公务用车购置及运行维护费 2025年预算」: a stretch of the label from the run's
    first character to its last, longer than the run, holds the run's characters in order."""
    for i in (k for k, ch in enumerate(label) if ch == run[0]):
        for j in (k for k in range(len(label) - 1, i, -1) if label[k] == run[-1]):
            stretch = label[i:j + 1]
            if len(stretch) > len(run) and in_order(run, stretch):
                return True
    return False


_KIND_END = re.compile(r"(?:类)?(?:信息|事项)?(?:方面)?$")


def _leading_members(name: str, head: str) -> str:
    """「水利、林业类」 for the printed 「水利、林业、海洋、渔业类」:
    a list's first members said with 类 or 等 name the whole list, when at least two of them are."""
    members = name.split("、")
    for k in range(len(members) - 1, 1, -1):
        form = "、".join(members[:k])
        if any(form + end in head for end in ("类", "等")):
            return form
    return ""


def item_parts(rf: ReportFacts, q: str, kind: str = SUM) -> list[str]:
    """The items a sum or difference names, in order (「办公费和印刷费加起来」 → 办公费, 印刷费); a
    printed name that holds a joiner (「商品和服务支出」) is one item; [] when fewer than two."""
    head = PARTS_END[kind].split(without(q, names_of(rf.report, q)))[0]
    # a printed name holding a joiner, as the question writes it (「重大建设项目批准和实施情况」 for the
    # prose's 「重大建设项目的批准和实施情况」)
    joined = sorted({form for f in rf.facts if f.row_path
                     for lbl in [re.sub(r"^(?:其中|包括|含)", "", split_marker(f.row_path[-1])[1])]
                     if len(lbl) >= 3 and _PARTS[kind].search(lbl)
                     # 「法规、规章类」 for the printed 「法规、规章信息」: the kind said with 类 or bare
                     for form in (lbl, lbl.replace("的", ""), _tail_in(lbl, head), _KIND_END.sub("", lbl),
                                  _LINE_END.sub("", lbl),
                                  _leading_members(_KIND_END.sub("", lbl), head))
                     if len(form) >= 3 and form in head},
                    key=len, reverse=True)
    # 「公车购置及运维费」 for the printed 「公务用车购置及运行维护费」: a joined name shortened the usual way
    printed = {re.sub(r"^(?:其中|包括|含)", "", split_marker(f.row_path[-1])[1]) for f in rf.facts if f.row_path}
    joined += sorted({run for run in _JOINED_RUN.findall(head) if run not in joined and any(
        _shortens(run, lbl) for lbl in printed if _PARTS[kind].search(lbl))}, key=len, reverse=True)
    # 「商品和服务支出」 for the misprinted 「商品和服务支支出」: a printed name holding 和, said a little shorter
    joined += sorted({run for lbl in printed if "和" in lbl and len(lbl) >= 5
                      for m in re.finditer(re.escape(lbl[:2]), head)
                      if (end := head.find(lbl[-2:], m.start() + 2)) > 0
                      and (run := head[m.start():end + 2]) not in joined and "和" in run
                      and len(run) >= 4 and _shortens(run, lbl)}, key=len, reverse=True)
    # 「“财政预算、决算报告”和“…”」: a quoted name is one item, whatever joiners it holds
    joined += sorted({m for m in _QUOTED_NAME.findall(head) if _PARTS[kind].search(m) and m not in joined},
                     key=len, reverse=True)
    # 「宣传栏、电子屏等渠道发布的」: members listed up to 等 and what they are examples of make one item
    joined += [m.group() for m in _ENUMERATED.finditer(head) if m.group() not in joined]
    for i, lbl in enumerate(joined):
        head = head.replace(lbl, f"\x00{i}\x00")
    if (listed := _LISTED_IN_BRACKETS.search(head)) and len(_PARTS[kind].split(listed.group(2))) >= 2:
        # 「“三公”经费（出国、接待、公车）合计」: the bracket lists the items of the whole before it
        owner = listed.group(1).strip()
        head = "、".join(f"{owner}中{p}" for p in _PARTS[kind].split(listed.group(2)) if p.strip())
    parts = [p for p in _PARTS[kind].split(head) if len(p.strip()) >= 2]
    parts = [re.sub(r"\x00(\d+)\x00", lambda m: joined[int(m.group(1))], p) for p in parts]
    if len(parts) >= 2 and "的" in parts[-1] and (noun := parts[-1][parts[-1].rfind("的") + 1:].strip("，, ")) \
            and all("的" not in p and 0 < len(_DATE_ONLY.sub("", p)) <= _BARE_QUALIFIER for p in parts[:-1]):
        # 「年末和年初的结转结余」「基本和项目的支出」: bare qualifiers share the noun after the last one's 的
        last = parts[-1][:parts[-1].rfind("的")]
        parts = [p + noun for p in parts[:-1]] + [last + noun]
    if parts and (counted := _COUNTED.search(parts[-1])):
        # 「不予公开、不予处理这两种结果」「办公费和印刷费两项」: the count names no item
        parts[-1] = parts[-1][:counted.start()].rstrip() or parts[-1]
        if _LINE_WORD.search(line := counted.group("noun")) and all(len(p.strip()) >= 2 for p in parts):
            parts = [p if p.rstrip("的，, ").endswith(line) else p.rstrip("的，, ") + line for p in parts]
    if len(parts) < 2:
        return []
    # 「年末结余比年初多出多少」: a later part that says only the other member of a contrast the
    # first part names is the first part's item with that member (年初结转和结余)
    parts = parts[:1] + [_other_member(parts[0], p) for p in parts[1:]]
    # 「公务接待费决算比预算少多少」: a later part that only names the other figure of the same item
    first_item = _ONLY_QUALIFIER.sub("", parts[0])
    same_item = [not _ONLY_QUALIFIER.sub("", p).strip() for p in parts[1:]]
    # 「卫生健康支出的人员经费和公用经费」「教育支出，人员经费加公用经费」: what the first item
    # is 「…的」 (or 「…，」) of, every later item is of too
    head = parts[0].rstrip("的，, ")
    cut = max(head.rfind(c) for c in "的，,中里")  # 「政府采购预算中货物类和服务类」 too
    # 「“规章类”的信息和…」: what follows the 的 is the item's kind word, so what precedes is the item
    owner = head[: cut + 1] if cut > 0 and head[cut + 1:].strip() not in _KIND_WORDS else ""
    if owner and (any(0 <= (at := head.find(n)) <= cut < at + len(n) for n in joined) or _in_quotes(head, cut)):
        owner = ""  # 「对个人和家庭的补助与人员经费」: the 的 is the printed name's own, no owner's
    bare = _DATE_ONLY.sub("", owner.rstrip("，,"))
    if not _HAN.search(_SCOPE_ONLY.sub("", bare)) and not _names_a_row(rf, bare):
        owner = ""  # 「万里街道2024年的工资福利支出和商品…」: a year and a scope own no item (unless a row is so named)
    # a later item saying its own owner (「…的」「…中」, or set off by 「，」) keeps it; a 的 inside a printed
    # name (「行政单位的离退休费」) is that name's, not an owner's
    parts = parts[:1] + [first_item + p if same
                         else p if any(c in p for c in "的，,中里") and not _printed_whole(p, printed)
                         or any(c in p for c in "，,中里")
                         else owner + p for p, same in zip(parts[1:], same_item, strict=True)]
    return _shared_column(rf, parts)


_BARE_QUALIFIER = 3  # characters of a qualifier said without its noun (年初, 基本, 上半年)
_KIND_WORDS = frozenset({"信息", "政府信息", "数量", "数字", "金额", "情况"})
_QUOTED_SPAN = re.compile(r"[“\"「][^”\"」“「]{2,30}[”\"」]")


def _in_quotes(text: str, at: int) -> bool:
    """Whether position `at` of the text stands inside a quoted name (its 的 is the name's own)."""
    return any(m.start() <= at < m.end() for m in _QUOTED_SPAN.finditer(text))

_QUOTED_NAME = re.compile(r"[“\"「]([^”\"」“「]{3,30})[”\"」]")
# 「食品药品、产品质量等检查情况类」: a list closed by 等 names one kind (not 「…等三项」, which counts them)
_ENUMERATED = re.compile(r"(?:[^\s和与及比跟同，,。？?、；;]{1,10}、)+[^\s和与及比跟同，,。？?、；;]{1,10}?"
                         r"等(?![两二三四五六七八九十几\d]+[项类个种块])[^\s和与及比跟同，,。？?、；;]{0,14}")
_WHICH_LEAD = re.compile(r"^(?:哪一?个|哪一?项|哪一?块|哪一?类|哪种|哪一?边|谁)的?")
_WHICH_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{0,2}得)?(?:更|比较)?[多少高低大小]$")


def _which_measure(q: str) -> str:
    """The measure a 「哪个…多」 names between its two ends (「哪个编制人数多」 → 编制人数), when it names
    one: not a verb of how (「花得多」) nor the bare money word (「的钱更多」)."""
    m = WHICH_MORE.search(q)
    if m is None:
        return ""
    middle = re.sub(r"的?钱$", "", _WHICH_TAIL.sub("", _WHICH_LEAD.sub("", m.group())))
    return middle if len(middle) >= 2 and middle not in _NO_MEASURE else ""


_NO_MEASURE = frozenset({"数量", "数字", "金额", "科目", "项目", "方面", "部分", "单位", "部门"})


_LISTED_IN_BRACKETS = re.compile(r"([^（(]*)[（(]([^（()）]{3,40})[)）]")


def _tail_in(label: str, head: str) -> str:
    """The longest end of a label that the question says (「…林业部门年初结转和结余」 → 年初结转和结余)."""
    return next((label[k:] for k in range(len(label) - 2) if label[k:] in head), "")


def _other_member(first: str, part: str) -> str:
    word = part.strip(" ，,？?。")
    for group in vocabulary().contrasts:
        if word in group and (said := next((g for g in group if g != word and g in first), None)):
            return first.replace(said, word)
    return part


def _printed_whole(part: str, printed: set[str]) -> bool:
    """The part is a name some label prints whole (its 的 is the name's own)."""
    said = part.strip(" ，,、？?")
    return len(said) >= 4 and any(said in lbl for lbl in printed)


def _names_a_row(rf: ReportFacts, words: str) -> bool:
    """「本级的在职人数与编制数」: 本级 is the scope of a report, and also the row 「经济发展局本级」 of its
    staffing table, whose columns the items are."""
    words = question_text(words)
    return len(words) >= 2 and any(f.table != "prose" and f.row_path and words in question_text(f.row_path[-1])
                                   for f in rf.facts)


def _shared_column(rf: ReportFacts, parts: list[str]) -> list[str]:
    """「本级、统计局、口岸服务中心在职人数加起来」: a column the last item ends with and no other item
    names is said once for all of them, so every item asks for it (not one item 在职, the rest 编制)."""
    columns = {question_text(c[-1]) for f in rf.facts if f.table != "prose" and f.column_path
               for c in [f.column_path] if len(question_text(c[-1])) >= 2}
    last = question_text(parts[-1])
    tail = next((last[i:] for i in range(1, len(last) - 1) if last[i:] in columns), "")
    said = {c[-k:] for c in columns for k in range(2, len(c) + 1)}  # 「编制数」 says 人员编制数
    if not tail or any(w in question_text(p) for p in parts[:-1] for w in said):
        return parts
    return [p + tail for p in parts[:-1]] + parts[-1:]


def measures_per_part(rf: ReportFacts, q: str, kind: str = SUM) -> list[Measure]:
    """「办公费和印刷费加起来」「项目支出比基本支出少多少」: each named item looked up on its own, when
    the question lists several."""
    parts = item_parts(rf, q, kind)
    if not parts:
        return []
    tpl = load_templates()["2021"]
    # 「…财政预算、决算信息和…类信息一共几条」: each item is counted as the whole question counts
    counted = _COUNT_ASKED.search(q)
    money = _money_said(q, parts)  # 「出国、接待、公车三项预算合计」: each item's 预算, not its 辆
    # 「甲科和乙科，哪个在职人数多」: what is compared is said once, after 哪个, for every item
    measure = _which_measure(q) if kind == DIFF else ""
    found: list[Measure] = []
    for part in parts:
        words = part + counted.group() if counted and not _COUNT_ASKED.search(part) else part + (
            money if not any(w in part for w in vocabulary().quantity_words["money"]) else "")
        got = []
        if measure and measure not in words:
            got = find_measures(rf, match_cells(words + measure, tpl), words.rstrip("，, ") + measure)
        got = got or find_measures(rf, match_cells(words, tpl), words)
        cut = max(part.rfind(c) for c in "的，,中里")
        if _in_quotes(part, cut):
            cut = -1  # 「“文体场馆运行的支出”」: a 的 inside a quoted name owns nothing
        if cut > 0 and len(item := part[cut + 1:].strip()) >= 2 and _HAN.search(part[:cut]) \
                and (not got or not _new(got[0], found) or _is_the_owner(rf, got[0], part[:cut])
                     or _owner_words(part, cut)):
            # 「一般公共预算支出里，行政运行」: the owner's words outrank its item's; the item is looked up
            # by its own name (the caller still checks that the owner covers it)
            words = item + counted.group() if counted and not _COUNT_ASKED.search(item) else \
                item + _money_said(part, [item])
            got = find_measures(rf, match_cells(words, tpl), words) or got
        if not got and found and (twin := _twin_of(found[0], part)):
            # 「收入比支出多了几万」: 支出 alone ties among many lines; the first item's own line with the
            # other member (本年收入 → 本年支出) is the one set against it
            got = find_measures(rf, match_cells(twin, tpl), twin)
        if got and _new(got[0], found):
            found.append(got[0])
    return found if len(found) == len(parts) else []


def _twin_of(first: Measure, part: str) -> str:
    """The first item's own label with the member of a contrast it prints swapped for the one the later
    part names alone (「本年收入」 and 「支出」 → 本年支出), or ""."""
    label = first.value.inputs[0].row_path[-1] if len(first.value.inputs) == 1 and first.value.inputs[0].row_path \
        else ""
    words = _DATE_ONLY.sub("", part).strip("，, ")
    for group in vocabulary().contrasts:
        said = [m for m in group if m in label]
        asked = [m for m in group if m == words]
        if len(said) == 1 and asked and asked[0] != said[0]:
            return label.replace(said[0], asked[0])
    return ""


def _money_said(q: str, parts: list[str]) -> str:
    """The amount word a question says of all its items at once (「三项预算合计」「…合计多少钱」), for
    the items that do not say one themselves; "" when none is said, or every item says its own."""
    words = vocabulary().quantity_words["money"]
    if all(any(w in p for w in words) for p in parts):
        return ""
    return next((w for w in words if len(w) >= 2 and w in q), "")


def _owner_words(part: str, cut: int) -> bool:
    """「…的公共财政拨款里，X」「一般公共预算支出中X」: the item is named inside a whole the question
    names (里, 中), not after a mere year or scope."""
    owner = part[:cut].rstrip()
    inside = part[cut] in "里中" or owner.endswith(("里", "中"))
    return inside and len(re.findall(r"[\u4e00-\u9fff]", _DATE_ONLY.sub("", owner))) >= 4


def _is_the_owner(rf: ReportFacts, m: Measure, owner: str) -> bool:
    """Whether `m` is the figure the owner phrase alone names (the whole, not an item of it)."""
    of_owner = find_measures(rf, match_cells(owner, load_templates()["2021"]), owner) if len(owner) >= 2 else []
    return bool(of_owner) and of_owner[0].value.inputs[0].id == m.value.inputs[0].id


def _new(m: Measure, found: list[Measure]) -> bool:
    """Whether a part's figure is none found before: another fact, and not the same item printed again
    (「对个人和家庭补助支出236.95万元」 in the overview, 「（三）对个人和家庭的补助支出236.95万元」 in its
    section)."""
    return all(m.value.inputs[0].id != f.value.inputs[0].id and not _printed_again(m.value, f.value)
               for f in found)


def _printed_again(a: Value, b: Value) -> bool:
    """One amount under one name, printed twice (the names alike but for 的, spaces and a list number)."""
    return a.value == b.value and a.unit == b.unit and _SAME_NAME.sub("", a.label) == _SAME_NAME.sub("", b.label)


_SAME_NAME = re.compile(r"[的\s]|^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]")


_CODE = re.compile(r"(?<![\d.])(\d{3}(?:\d{2}){1,2})(?![\d.])")


def coded_items(rf: ReportFacts, q: str, least: int = 2) -> list[Measure]:
    """「…（2010101、2010201）两个科目合计」: the lines the question names by their subject codes, the
    figure each code's own label leads up to; [] unless every code names exactly one figure (and at least
    `least` codes are named)."""
    codes = list(dict.fromkeys(_CODE.findall(q)))
    if len(codes) < least:
        return []
    found: list[Measure] = []
    for code in codes:
        own = [f for f in rf.facts if f.row_path and re.search(rf"(?<!\d){code}(?!\d)", f.row_path[-1])
               and f.value is not None and f.status != AMBIGUOUS and not _CHANGE_WORD.search(f.row_path[-1])]
        values = {f.value for f in own}
        if len(values) != 1:
            return []
        f = own[0]
        found.append(prose_measure(f) if f.table == "prose" else table_measure(f))
    return found


# (「六家单位」: units counted with 家 too; 「四个决算单位」 of a final account)
_UNITS_COUNTED = re.compile(r"(?P<own>(?:机关|本级|本身)(?:本身|本级)?(?:和|与|及|加上|加|连同)(?:其)?)?"
                            r"(?:(?P<n>[两二三四五六七八九十]|\d{1,2})[个家]|各|所有|全部)"
                            r"(?:预算|决算|下属|所属|基层)?(?:单位|中心|机构)")


# 「在职的共有几人」 of the column 在职人数: the words of a headcount column that only say it counts
_COUNT_WORDS = re.compile(r"人员|人数|数$")


def units_of_a_column(rf: ReportFacts, q: str) -> list[Measure]:
    """「三个预算单位在职的一共多少人」「7个单位在职人员加起来」: one column of a table that lists units
    (the staffing table of a budget), every row of it, when the question counts as many units as
    the table lists and every unit prints a figure there; [] otherwise."""
    counted = _UNITS_COUNTED.search(q)
    if counted is None:
        return []
    n = counted.group("n")
    want = (CN_NUMBERS.get(n) or int(n)) if n else None
    if want is not None and counted.group("own"):  # 「机关加上三个下属单位」: the body itself and three more
        want += 1
    found: list[Measure] = []
    for table in rf.tables:
        if table.template_table or len(table.column_paths) < 2:
            continue
        cols = [i for i, c in enumerate(table.column_paths) if c and (c[-1] in q or most_of(c[-1], q))] or \
            [i for i, c in enumerate(table.column_paths) if c and len(stem := _COUNT_WORDS.sub("", c[-1])) >= 2
             and stem in q]
        rows = [p for p in table.row_paths if p and not is_total_label(p[-1])]
        if len(cols) != 1 or len(rows) < 2 or (want is not None and want != len(rows)):
            continue
        column = table.column_paths[cols[0]]
        cells = [next((f for f in rf.facts if f.table == table.key and f.row_path == row
                       and f.column_path == column and f.status != AMBIGUOUS), None) for row in rows]
        if any(c is None for c in cells) or found:
            return []  # a unit without a figure, or two tables that fit: no sum to give
        found = [table_measure(c) for c in cells if c is not None]
    return found


_CHANGE_WORD = re.compile(r"增加|减少|增长|下降|比|较")
_A_CHANGE = re.compile(r"^(?:比|较|同比|与|相比)[^，,。]{0,12}?(?:增加|减少|增长|下降|上升|降低|多|少)了?$")
_COUNT_ASKED = re.compile(r"(?:几|多少)(?:件|条|宗|个|项|次|人|份|篇|期|辆|家|场)")


_MONEY_SCALES = {"元": Decimal(1), "千元": Decimal(1_000), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}


def in_one_unit(vals: list[Value]) -> tuple[list[Value], str] | None:
    """The inputs of a sum or difference in one unit, and a note of each conversion made; None
    when they count different things (件 beside 条, 人次 beside 元) and no sum of them means anything.

    A report prints its tables in 元 and its prose in 万元: those are added after converting to the
    smaller scale, exactly, and the answer says so; 件 and 宗 count the same cases."""
    units = [v.unit or "" for v in vals]
    if len(set(units)) <= 1:  # one unit, or no settled value at all (every cell ambiguous)
        return vals, ""
    if all(u in _MONEY_SCALES for u in units):
        target = min(units, key=_MONEY_SCALES.__getitem__)
        moved = [replace(v, value=v.value * _MONEY_SCALES[v.unit] / _MONEY_SCALES[target], unit=target)
                 if v.unit != target else v for v in vals]
        notes = [f"{num(v.value, v.unit)}按{num(m.value, target)}计" for v, m in zip(vals, moved, strict=True)
                 if v.unit != target]
        return moved, "（单位换算：" + "，".join(notes) + "。）"
    if all(u and vocabulary().count_alike(u, units[0]) for u in units):
        return vals, ""
    return None


def _as_asked(q: str, rf: ReportFacts, pick: Value, pair: list[Value]) -> str:
    """「（即问题中的“公务用车运行费”）」: the winner named as the question named it, when the report prints
    it otherwise (「公车运行费」), so the reader sees which side of the question it is."""
    parts = item_parts(rf, q, DIFF)
    if len(parts) != 2:
        return ""
    names = names_of(rf.report, q)
    said = [_YEAR_SAID.sub("", without(p, names)).strip("，,的 ") for p in parts]
    # 「预算中人员支出」: the item, not where it stands; a quoted name is the item as said (its 的 its own)
    said = [m.group(1) if (m := _QUOTED_NAME.search(p)) else _OWNER_SAID.sub("", p).strip("，,、 ") for p in said]
    fits = [[len(bigrams(p) & bigrams(v.label)) for p in said] for v in pair]
    i = pair.index(pick)
    straight, crossed = fits[i][0] + fits[1 - i][1], fits[i][1] + fits[1 - i][0]
    if straight == crossed:
        return ""
    best = 0 if straight > crossed else 1
    if len(said[best]) < 2 or said[best] in pick.label:
        return ""
    return f"（即问题中的「{said[best]}」）"


_OWNER_SAID = re.compile(r"^.*(?:的|(?<=[算出费])中|里)")


def arithmetic(q: str, rf: ReportFacts, measures: list[Measure], kind: str) -> Answer:
    r = rf.report
    vals = [m.value for m in measures if m.value.value is not None]
    if len(vals) < 2:
        return refuse_parts(q, rf, measures, kind)
    same = in_one_unit(vals)
    if same is None:
        shown = "，".join(f"「{v.label}」{num(v.value, v.unit)}" for v in vals[:3])
        return Answer(q, REFUSED, f"{who(r)}报告中找到的{shown}单位不同，计的不是同一种数，不能{_verb(kind)}；"
                                  "可以分别询问每一项。", reports=(r.id,))
    vals, converted = same
    # a prose figure is named with the subject it belongs to (「…大气 / 年初预算为」), not its bare predicate
    vals = [replace(v, label=shown_label(v.inputs[0])) if v.inputs and v.inputs[0].table == "prose" else v
            for v in vals]
    if bad := next((m for m in measures if m.value.value is not None and rf.contradicted(m.value)), None):
        return lookup(q, rf, [bad])  # says the report contradicts itself
    unit = vals[0].unit
    if kind == SUM and (nested := _one_inside_another(rf, vals)):
        # 「公务用车购置及运行费7.6万元，其中：公车运行费7.6万元」: an item of another addend's own list is
        # already in that addend; adding both counts it twice
        part, whole = nested
        return Answer(q, REFUSED, f"{who(r)}报告中「{part.label}」是「{whole.label}」其中的一项，已含在后者之内，"
                                  "不能相加；可以写明要加的是哪几项。", reports=(r.id,))
    if kind == SUM:
        total = sum((v.value for v in vals), start=vals[0].value * 0)
        formula = " + ".join(f"{v.label} {num(v.value, v.unit)}" for v in vals)
        text = f"{who(r)}{formula} = {num(total, unit)}。"
        value = total
    elif WHICH_MORE.search(q):  # 「哪个多」: the larger (or for 少/低, the smaller) named, the gap shown
        lowest = bool(re.search(r"[少低小]", WHICH_MORE.search(q).group()))
        big, small = sorted(vals[:2], key=lambda v: v.value, reverse=True)
        pick = small if lowest else big
        gap = big.value - small.value
        # 「哪个花得多？差多少？」: the gap is the number asked; 「哪个多」 alone asks which, shown by its figure
        value = gap if _GAP.search(q[WHICH_MORE.search(q).end():]) else pick.value
        if gap == 0:  # a tie names no winner: both are said, and that they are equal
            text = (f"{who(r)}两者一样多：{vals[0].label} {num(vals[0].value, unit)}，"
                    f"{vals[1].label} {num(vals[1].value, unit)}，相差为0。")
        else:
            text = (f"{who(r)}「{pick.label}」{_as_asked(q, rf, pick, vals[:2])}{'更少' if lowest else '更多'}："
                    f"{big.label} {num(big.value, unit)}，"
                    f"{small.label} {num(small.value, unit)}，相差{num(gap, unit)}"
                    f"（{num(big.value, unit)} − {num(small.value, unit)} = {num(gap, unit)}）。")
    elif _GAP.search(q) and vals[0].value < vals[1].value:  # 「决算比预算少多少」: the gap, not a negative
        a, b = vals[0], vals[1]
        value = b.value - a.value
        text = (f"{who(r)}{a.label} {num(a.value, unit)}，{b.label} {num(b.value, unit)}，前者比后者少"
                f"{num(value, unit)}（{num(b.value, unit)} − {num(a.value, unit)} = {num(value, unit)}）。")
    else:
        # 「除去A和B，其余」: the whole less every item taken off
        value = vals[0].value - sum((v.value for v in vals[1:]), start=vals[0].value * 0)
        terms = " − ".join(f"{v.label} {num(v.value, unit)}" for v in vals)
        text = f"{who(r)}{terms} = {num(value, unit)}。"
    text += converted
    text += "".join(dict.fromkeys(n for v in vals for n in quality_notes(rf, v)))  # each note once
    figs, cites = figures_of([(v, r) for v in vals], rf.titles)
    return Answer(q, ANSWERED, text, value, unit, figs, cites, reports=(r.id,))
