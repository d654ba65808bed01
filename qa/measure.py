"""Which number a question asks for in one report: a template cell, a derived measure, a cell of
another table, or a number in the prose — tried in that order, each with the words that chose it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache, partial

from index.models import AMBIGUOUS, Fact
from index.prose_facts import DAY_UNITS
from index.template import Derived, load_templates, normalize, split_marker
from qa.cells import CellMatch, RowHit, match_cells
from qa.compose import pct
from qa.knowledge import ReportFacts, Value
from qa.scope import names_used, years_in
from qa.text_match import (
    Scored,
    asks_change,
    asks_rate,
    best_prose_fact,
    best_table_fact,
    is_change,
    misses_a_specific_word,
    prose_candidates,
    table_base,
)
from qa.verify import TOTAL_ASKED, uncovered_terms
from qa.vocab import quantity_asked

_NON_COUNT_UNITS = re.compile(
    r"(多少|几)(万|亿)?(条|份|篇|期|版|人次|人|次|场|户|万元|元|分钟|小时|天|辆|名|位|平方米|公里|吨)"
    r"|多少钱|工单|粉丝"
)
_COUNT_UNITS = {"件", "宗", "个", "起", "项"}


@dataclass(frozen=True)
class Measure:
    """A value found for the question in one report, and how it was chosen."""

    value: Value
    kind: str  # template | derived | table | prose
    defaults: tuple[str, ...] = ()
    table: str | None = None
    row: str | None = None
    column: str | None = None


def specific_rows(hits: list[RowHit]) -> list[RowHit]:
    """Drop a heading when one of its own sub-rows is named too (无法提供 vs 本机关不掌握…), and the
    results' total when it is named only as the set an outcome belongs to (「按其他处理办结的」
    「办结的申请里予以公开的」: 办结 says where to look, the outcome is what is asked)."""
    keys = {(h.table, h.row.key) for h in hits}
    outcome = any(h.table == "t3" and not h.weak and _in_results(h.row.key) for h in hits)
    return [h for h in hits if not any((h.table, k) in keys for k in _children_keys(h))
            and not (outcome and h.table == "t3" and h.row.key == "total" and _said_as_done(h))
            and not _domain_of_a_later(h, hits)]


_DOMAIN_AFTER = re.compile(r"^[的]?(?:政府信息公开|信息公开)?(?:申请|案件|官司)?(?:里面|里头|里|当中|之中|中)")


def _domain_of_a_later(hit: RowHit, hits: list[RowHit]) -> bool:
    """「收到的申请里，予以公开的有几件」: a row said as the set the next row is counted in
    (…里/…中 right after it) is where to look, not a second figure asked."""
    if not hit.text or hit.table != "t3":
        return False
    after = hit.text[hit.start + hit.length:]
    return bool(_DOMAIN_AFTER.match(after)) and any(
        h.table == hit.table and h.start > hit.start and not h.weak and h.row.key != hit.row.key for h in hits)


def _in_results(key: str) -> bool:
    """An outcome row of table 三 (予以公开 … 其他处理 and their sub-rows), not the total itself."""
    table = load_templates()["2021"].table("t3")
    row = next((r for r in table.rows if r.key == key), None) if key != "total" else None
    while row is not None and row.parent:
        if row.parent == "results":
            return True
        row = next((r for r in table.rows if r.key == row.parent), None)
    return False


def _said_as_done(hit: RowHit) -> bool:
    """The total named by a word for having been handled (办结, 办理完毕), not by 总计 or 合计."""
    said = hit.text[hit.start:hit.start + hit.length] if hit.text else ""
    return bool(said) and not any(w in said for w in ("总计", "合计", "总数"))


def _named_child(question: str, hit: RowHit) -> RowHit:
    """「其他处理中的其他情形」: a heading named, and then one of its own sub-rows by a word the
    heading's name already used up (其他) — the sub-row is meant, not the heading's sum."""
    if hit.weak or hit.table not in ("t2", "t3"):
        return hit
    # the hit's own text: a question matched without its agency's name has other offsets
    q = hit.text or normalize(question).replace(" ", "")
    rest = q[:hit.start] + "|" + q[hit.start + hit.length:]
    table = load_templates()["2021"].table(hit.table)
    for child in table.children(hit.row.key):
        core = split_marker(child.label)[1]
        if any(len(w) >= 2 and w in rest for w in (core, *child.aliases)):
            return RowHit(hit.table, child, hit.start, hit.length, text=hit.text)
    return hit


def _children_keys(h: RowHit) -> list[str]:
    tpl = load_templates()["2021"]
    return [c.key for c in tpl.table(h.table).children(h.row.key)] if h.table in ("t2", "t3") else []


_APPLICATIONS = re.compile(r"申请|提出|提交|申请人|来信|依申请")


def _about_applications(question: str) -> bool:
    return bool(_APPLICATIONS.search(question))


def _t2_column(question: str, hit: RowHit, version: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The column of a table-二 row the question names, among the columns of the report's own
    template version: the 2019 table counts 本年新制作/本年新公开/对外公开总数量 where the 2021
    one counts 本年制发/本年废止/现行有效."""
    q = normalize(question)
    row = hit.row
    templates = load_templates()
    if version in templates and version != "2021":
        try:
            row = templates[version].table("t2").row(hit.row.key)
        except KeyError:
            pass
    # the longest name wins: 「对外公开总数量」 also holds 「公开」, an alias of 本年新公开数量
    bare = q.replace("的", "")  # 「上一年的采购项目数量」 names 采购项目数量 as printed
    named = [(len(a), col) for col in row.columns for a in (col.path[-1], *col.aliases)
             if len(a) >= 2 and (a in q or a in bare)]
    if named:
        return max(named, key=lambda n: n[0])[1].key, ()
    money = [c for c in row.columns if "金额" in c.path[-1]]
    if len(money) == 1 and quantity_asked(q) == "money":  # 「采购花费几何」: its 金额 column
        return money[0].key, ()
    col = next((c for c in row.columns if c.default), row.columns[0])
    if len(row.columns) == 1:
        return col.key, ()
    return col.key, (f"未指明哪一列，按「{col.path[-1]}」回答",)


def template_measures(rf: ReportFacts, cm: CellMatch, question: str) -> list[Measure]:
    """Values for every template cell the question names, in the order named."""
    out: list[Measure] = []
    for d in cm.derived:
        if (part := _one_part_named(d, question)) is not None:
            # 「直接告到法院的」: 直接 is 未经复议直接起诉's alone, so that group is asked, not 行政诉讼's sum
            t, r, c = part
            if (v := rf.cell(t, r, c)) is not None:
                out.append(Measure(v, "template", (), t, r, c))
            continue
        v = rf.derived(d)
        if v is not None:
            out.append(Measure(v, "derived", table="t4", row=d.key))
    named = {(h.table, h.row.key): h for h in map(partial(_named_child, question), cm.rows)}
    rows = specific_rows(list(named.values()))
    t3_cols = [c for c in cm.columns if c.table == "t3"]
    t4_cols = [c for c in cm.columns if c.table == "t4"]
    if t4_cols or cm.derived:  # 「被申请行政复议一共多少件」: 申请/一共 alone name no cell of table 三
        rows = [r for r in rows if not r.weak]
        t3_cols = [c for c in t3_cols if c.column.key != "total"]
    if not rows and t3_cols:
        rows = [r for r in cm.rows if r.table == "t3"] or []
        if not rows and not _about_applications(question):
            return [m for m in out if m is not None]  # 「国有企业资产」 names the 企业 column of nothing asked
        if not rows:
            note = ("未指明哪一行，按「本年新收政府信息公开申请数量」回答",)
            out += [_t3(rf, "new", c.column.key, note) for c in t3_cols]
            return [m for m in out if m is not None]
    for hit in rows:
        if not hit.weak and hit.table in ("t2", "t3") and not _has_cells(rf, hit):
            return []  # a row the question names is unreadable here: answering the others would mislead
        if hit.table == "t3":
            if t3_cols:
                out += [_t3(rf, hit.row.key, c.column.key, ()) for c in t3_cols]
            else:
                out.append(_t3(rf, hit.row.key, "total", ()))
        elif hit.table == "t2":
            col, notes = _t2_column(question, hit, rf.report.template)
            v = rf.cell("t2", hit.row.key, col)
            out.append(Measure(v, "template", notes, "t2", hit.row.key, col) if v else None)
    if not cm.derived:
        for c in t4_cols:
            v = rf.cell("t4", "cases", c.column.key)
            out.append(Measure(v, "template", (), "t4", "cases", c.column.key) if v else None)
    return [m for m in out if m is not None and m.value is not None]


def _one_part_named(d: Derived, question: str) -> tuple[str, str, str] | None:
    """The one part of a derived sum the question names by words no other part's name holds
    (直接, 未经 of 未经复议直接起诉; 议后 of 复议后起诉), if exactly one is so named."""
    q = normalize(question).replace(" ", "")
    names = {part: _part_name(part) for part in d.parts}
    named = []
    for part, name in names.items():
        others = set().union(*(_pairs(n) for p, n in names.items() if p != part))
        if any(b in q for b in _pairs(name) - others):
            named.append(part)
    return named[0] if len(named) == 1 else None


def _part_name(part: tuple[str, str, str]) -> str:
    table, row, column = part
    tdef = load_templates()["2021"].table(table)
    col = next((c for r in tdef.rows if r.key == row for c in r.columns if c.key == column), None)
    return "".join(col.path[1:-1]) if col is not None and len(col.path) > 2 else ""


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _has_cells(rf: ReportFacts, hit: RowHit) -> bool:
    """Whether the report printed the row, or (a heading such as 「三、本年度办理结果」) one of its sub-rows."""
    table = load_templates()["2021"].table(hit.table)
    rows, seen = [hit.row.key], set()
    while rows:
        key = rows.pop()
        seen.add(key)
        prefix = f"{hit.table}.{key}"
        if any(k[0] == prefix or k[0].startswith(prefix + ".") for k in rf.cells):
            return True
        rows += [c.key for c in table.children(key) if c.key not in seen]
    return False


def _t3(rf: ReportFacts, row: str, col: str, notes: tuple[str, ...]) -> Measure | None:
    v = rf.cell("t3", row, col)
    return Measure(v, "template", notes, "t3", row, col) if v else None


def with_own_rows(cm: CellMatch, question: str, version: str | None) -> CellMatch:
    """Add the rows of table 二 that only the report's own template version has: the 2019 table
    counts 政府集中采购 and 本年新公开数量, which the 2021 one dropped."""
    if not version or version == "2021" or version not in load_templates():
        return cm
    have = {(h.table, h.row.key) for h in cm.rows}
    extra = [h for h in _own_t2_rows(question, version) if (h.table, h.row.key) not in have]
    return replace(cm, rows=cm.rows + extra) if extra else cm


@lru_cache(maxsize=1024)
def _own_t2_rows(question: str, version: str) -> tuple[RowHit, ...]:
    """The table-二 rows the question names in `version`'s template, named in full (「政府集中采购」),
    not by a word any sentence may hold (「采购项目信息」). Cached: a comparison asks it of every
    report of that version."""
    own = match_cells(question, load_templates()[version])
    return tuple(h for h in own.rows if h.table == "t2" and h.length >= 4)


def find_measures(rf: ReportFacts, cm: CellMatch, question: str, across: bool = False) -> list[Measure]:
    """Template cells first; else a cell of another table; else a number in the prose.

    `across`: the value will be set beside other reports' values, so the same template cell is
    taken in each rather than a prose figure that only some reports state."""
    q = normalize(question)
    # a figure of a section dated to another year (last year's outturn in this year's budget) is not asked
    rf = rf.of_years(frozenset(years_in(question)) or frozenset({rf.report.year} - {None}))
    cm = with_own_rows(cm, question, rf.report.template)
    names = names_used(question, rf.report.agency) if rf.report.agency else set()
    if asks_rate(q):  # only a rate the report states answers it: never a count or a computed share
        rates = [f for f in rf.facts if f.table == "prose" and f.unit in ("%", "个百分点")]
        got = best_prose_fact(question, rates, names, rf.report.year, kind=rf.report.kind)
        return [prose_measure(got.fact)] if got else []
    found = template_measures(rf, cm, question)
    wants_other_unit = bool(_NON_COUNT_UNITS.search(q)) and not any(u in q for u in ("宗", "件"))
    # across reports the question's years choose the reports, not a figure inside one of them
    prose = best_prose_fact(question, rf.facts, names, None if across else rf.report.year, levels_only=across,
                            kind=rf.report.kind)
    if prose is None and not across:
        prose = told_apart_by_sentence(question, rf.facts, names, rf.report.year, rf.report.kind)
    # 「给工会的经费」 is not 「“三公”经费」 (across reports the question also names other agencies,
    # whose words are no item of this one)
    own_names = set(names) | ({rf.report.agency} if rf.report.agency else set())
    if prose and not across and misses_a_specific_word(question, prose.fact, rf.label_frequency, own_names):
        prose = None
    only_weak = not cm.strong_rows and not cm.columns and not cm.derived
    if only_weak and prose and prose.overlap >= 3 and not across:
        # 「某办公室代管的申请受理了几件」: the prose names this exact figure; the table only its total
        found = []
    # 「依申请公开的信息几条」: the words the template row was matched by stand inside a phrase a
    # sentence prints whole (「依申请公开信息数246条」), even one dated otherwise: the row (applications)
    # is not what is asked
    said = [prose.fact] if prose else [f for f in rf.facts if f.table == "prose" and f.row_path]
    printed = bool(said and not across and cm.strong_rows
                   and any(all(_inside_printed_phrase(h, q, f) for h in cm.strong_rows) for f in said))
    if found and printed:
        # 「排水许可证信息」: 许可 read as the 行政许可 row is a word inside a longer phrase a
        # sentence prints whole (「排水许可证5条」): that sentence names the figure
        found = []
    days = all(_not_days(q, m.value.unit) for m in found)
    if found and not days and not (wants_other_unit and all(m.value.unit in _COUNT_UNITS for m in found)):
        return found
    if not found and not printed and rf.report.template and any(h.table in ("t2", "t3") for h in cm.strong_rows) \
            and any(f.table.startswith("t") for f in rf.facts):
        # a template cell was named but this report's table could not be read there: a number from
        # elsewhere in the text would answer a different question
        return []
    tables = {f.table for f in rf.facts if f.table.startswith("g")}
    if tables:
        titles = {key: title for (_, key), title in rf.titles.items()}
        cell = best_table_fact(question, rf.facts, titles, names, rf.report.kind)
        change = prose is not None and asks_change(q) and is_change(prose.fact.row_path[-1])
        # across reports a table cell beats a sentence: every report of a kind prints the same table,
        # so the same cell can be set beside the others (one report's prose is no other's key)
        if cell and not _not_days(q, cell.fact.unit) \
                and (prose is None or cell.score >= prose.score or _same_amount(cell.fact, prose.fact)
                     or _named_outright(cell.fact, prose.fact, q) or across) and not change:
            return [table_measure(cell.fact)]
    if prose:
        return [prose_measure(prose.fact)]
    return found


def _not_days(q: str, unit: str | None) -> bool:
    """「几天」 asks a span of days: no count in another unit (a table's 条, 件) answers it."""
    return quantity_asked(q).removeprefix("count:") in DAY_UNITS and unit not in DAY_UNITS


def _inside_printed_phrase(hit: RowHit, q: str, prose: Fact) -> bool:
    """Whether the words a template row was matched by stand inside a phrase of the question that
    the prose number's label prints whole, three or more characters longer than those words."""
    text, label = hit.text or q, normalize(prose.row_path[-1]) if prose.row_path else ""
    a, b = hit.start, hit.start + hit.length
    # 「依申请公开的…信息」 says the printed 「依申请公开信息数」 with a 的 between: read without it
    a, b = a - text[:a].count("的"), b - text[:b].count("的")
    text, label = text.replace("的", ""), label.replace("的", "")
    if not label or text[a:b] not in label:
        return False
    while a > 0 and text[a - 1:b] in label:
        a -= 1
    while b < len(text) and text[a:b + 1] in label:
        b += 1
    phrase = text[a:b]
    if any(phrase in normalize(w) for w in (hit.row.core, *hit.row.aliases)):
        return False  # 「本机关不掌握」 is the row's own name said longer, not another thing's
    return b - a >= hit.length + 3


def told_apart_by_sentence(question: str, facts: list[Fact], names: set[str], year: int | None,
                           kind: str | None) -> Scored | None:
    """Numbers whose labels share the question's words equally (「…公开各类政府信息756条」 beside
    「其他应主动公开的政府信息32条」 for 「通过公众号公开了几条政府信息」): the one whose own
    sentence accounts for every word of the question, when exactly one value's does. The words
    that tell them apart are the question's, read in the sentence that prints the number."""
    ranked = prose_candidates(question, facts, names, year, kind=kind)
    top = [s for s in ranked if ranked[0].score - s.score < 0.01] if ranked else []
    if len(top) < 2 or len({s.fact.value for s in top}) < 2:
        return None
    clean = [s for s in top if not uncovered_terms(question, [s.fact.sentence or "", *s.fact.row_path], names)]
    if len({s.fact.value for s in clean}) > 1:
        # 「预算总额61.3万元。其中：政府购买服务项目…45.5万元」 asked 「政府采购预算」: the member, whose own
        # words the question leaves out, is not what it asks; the head is
        heads = [s for s in clean if not _member_unnamed(question, s.fact)]
        if len({s.fact.value for s in heads}) != 1 and TOTAL_ASKED.search(question):
            # 「采购总共用了多少钱」 of 「政府采购支出总额14.15万元…工程支出0万元…」: the total said as one
            heads = [s for s in clean if _TOTAL_SAID.search(s.fact.row_path[-1])]
        clean = heads if len({s.fact.value for s in heads}) == 1 else clean
    return clean[0] if clean and len({s.fact.value for s in clean}) == 1 else None


_TOTAL_SAID = re.compile(r"总额|总计|合计|总数|共计|总支出|总收入")


def _member_unnamed(question: str, f: Fact) -> bool:
    """A 其中 member whose label says three or more characters the question does not."""
    sentence, raw = f.sentence or "", f.raw or ""
    at = sentence.find(raw) if raw else -1
    label = f.row_path[-1] if f.row_path else ""
    return at > 0 and "其中" in sentence[:at] and sum(ch not in question for ch in label) >= 3


def table_measure(f: Fact) -> Measure:
    """A cell of a table other than the template's, labelled by its row and column headers."""
    label = " / ".join(f.row_path) + (" × " + " / ".join(f.column_path) if f.column_path else "")
    if f.status == AMBIGUOUS:  # its row printed fewer numbers than columns: which cell holds it is unsure
        return Measure(Value(None, f.unit, (f,), label, candidates=(f.value,)), "table", table=f.table)
    return Measure(Value(f.value, f.unit, (f,), label), "table", table=f.table)


def prose_measure(f: Fact) -> Measure:
    """A number of the prose as a measure, labelled by the words that lead up to it."""
    return Measure(Value(f.value, f.unit, (f,), f.row_path[-1]), "prose", table="prose")


def _named_outright(cell: Fact, prose: Fact, q: str) -> bool:
    """The question names the table row whole and the prose label only in part: 「卫生健康支出」
    is the row, not the item 「卫生健康支出 公共卫生 其他公共卫生支出」 that begins with it."""
    row = normalize(cell.row_path[-1]) if cell.row_path else ""
    text = normalize(prose.row_path[-1]).replace(" ", "")
    q = q.replace(" ", "")
    return len(row) >= 4 and row in q and text not in q


_SCALE = {"元": 1, "万元": 10_000, "亿元": 100_000_000}


def _same_amount(cell: Fact, prose: Fact) -> bool:
    """「财政拨款收入15621.11万元」 in the text is the table's 156,211,123元 rounded: the cell is exact."""
    a, b = _SCALE.get(cell.unit or ""), _SCALE.get(prose.unit or "")
    if a is None or b is None:
        return False
    exponent = prose.value.as_tuple().exponent
    half = Decimal(5).scaleb((exponent if isinstance(exponent, int) else 0) - 1) * b
    return abs(cell.value * a - prose.value * b) <= half


def share_base(rf: ReportFacts, m: Measure) -> tuple[Value, str] | None:
    """What a value is a share of: 办理结果总计 for an outcome, 总计 for an applicant column, the
    group total in table 四, the 合计 of a budget table."""
    if m.table == "t4" and m.column:
        whole = rf.t4_total(m.column)
        return (whole, " / ".join(whole.inputs[0].column_path[:-1]) + " 总计") if whole else None
    if m.table == "t3" and m.row and under_results(m.row):
        whole = rf.cell("t3", "total", m.column or "total")
        return (whole, "办理结果总计") if whole else None
    if m.table == "t3" and m.column and m.column != "total":
        whole = rf.cell("t3", m.row or "new", "total")
        return (whole, m.value.label.split(" / ")[0] + " 总计") if whole else None
    if m.kind == "table":
        base = table_base(m.value.inputs[0], rf.facts)
        if base is None:
            return None
        label = " / ".join(base.row_path) + " × " + " / ".join(base.column_path)
        return Value(base.value, base.unit, (base,), label), label
    return None


def under_results(row: str) -> bool:
    """Rows under 三、本年度办理结果 (other than its 总计) are outcomes, shares of the 总计."""
    table = load_templates()["2021"].table("t3")
    keys = {x.key for x in table.rows}
    key = row
    while key in keys:
        parent = table.row(key).parent
        if parent == "results":
            return row != "total"
        key = parent
    return False


def share_measure(rf: ReportFacts, m: Measure) -> Measure | None:
    """A share as a measure of its own (for comparing shares across reports)."""
    base = share_base(rf, m)
    if base is None or base[0].value in (None, 0) or m.value.value is None:
        return None
    whole, label = base
    share = pct(m.value.value, whole.value)
    value = Value(share, "%", m.value.inputs + whole.inputs, f"{m.value.label} 占{label}的比例")
    return Measure(value, "share", table=m.table, row=m.row, column=m.column)
