"""Turn values into answer text and citations. Every number written here comes from a `Value`
(stored facts) or from arithmetic whose inputs are written beside it.
"""

from __future__ import annotations

from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal

from index.models import AMBIGUOUS, RECOVERED, Fact, Report
from qa.answer import Citation, Figure, plain, table_name
from qa.knowledge import ReportFacts, Value, cell_label
from qa.text_match import STAFFING_TITLE


def who(report: Report) -> str:
    return f"{report.agency or report.id}{f'{report.year}年' if report.year else ''}"


def num(v: Decimal | None, unit: str | None) -> str:
    """A figure with its unit; a cell the parse could not settle is said to be unsettled, never a number."""
    if v is None:
        return "（原文数字无法确定）"
    return f"{plain(v)}{unit or ''}"


# 「（保留3位小数）」: the places a question asks its percentages in, for the one question being answered
PLACES: ContextVar[int | None] = ContextVar("PLACES", default=None)


def places_asked(default: int = 2) -> int:
    """The decimal places the question asks for (「保留一位小数」), else `default`."""
    places = PLACES.get()
    return default if places is None else places


def quotient(part: Decimal, base: Decimal) -> Decimal:
    """A division the report does not print (a ratio, an average), to the places the question asks,
    else to two."""
    return (part / base).quantize(Decimal(1).scaleb(-places_asked()), rounding=ROUND_HALF_UP)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    """A percentage to one decimal (or to the places the question asks for); a small non-zero share
    keeps two significant digits, so 13,500 of 99,706,020 reads 0.014%, not a misleading 0.0%."""
    share = part * 100 / whole
    if (places := PLACES.get()) is not None:
        return share.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if share == 0 or abs(share) >= Decimal("0.05"):
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    step = Decimal(1).scaleb(share.copy_abs().adjusted() - 1)
    return share.quantize(step, rounding=ROUND_HALF_UP)


def cite(fact: Fact, report: Report, titles: dict[tuple[str, str], str] | None = None) -> Citation:
    if fact.table == "prose":
        return Citation(report.id, "正文", fact.page, fact.sentence or fact.raw)
    section = (titles or {}).get((report.id, fact.table)) if fact.table.startswith("g") else None
    col = " / ".join(fact.column_path)
    cell = " / ".join(fact.row_path) + (f" × {col}" if col else "")
    return Citation(report.id, section or table_name(fact.table), fact.page,
                    f"{cell} = {plain(fact.value)}{fact.unit or ''}")


def figures_of(
    values: list[tuple[Value, Report]], titles: dict[tuple[str, str], str] | None = None
) -> tuple[tuple[Figure, ...], tuple[Citation, ...]]:
    """The facts behind values, each once, with citations; `titles` names a budget table by its title."""
    figs: list[Figure] = []
    cites: list[Citation] = []
    seen: set[str] = set()
    for v, r in values:
        for f in v.inputs:
            if f.id in seen:
                continue
            seen.add(f.id)
            figs.append(Figure(f, r))
            cites.append(cite(f, r, titles))
    return tuple(figs), tuple(cites)


def breakdown(v: Value) -> str:
    """「(三)不予公开 = 1.属于国家秘密 0 + … = 4」 for a value summed from parts."""
    if not v.summed or len(v.inputs) < 2:
        return ""
    parts = " + ".join(f"{cell_label(f) if len(v.inputs) <= 2 else f.row_path[-1]} {plain(f.value)}"
                       for f in v.inputs)
    return f"（{v.label} = {parts} = {num(v.value, v.unit)}）"


def quality_notes(rf: ReportFacts, v: Value) -> list[str]:
    """Warnings a reader needs: digits recovered from glued text, a report that disagrees with itself."""
    notes = []
    notes.extend(v.blanks)
    said = [f for f in v.inputs if f.table == "prose"]
    if said and any(f.status == AMBIGUOUS for f in v.inputs if f.table != "prose"):
        sentences = "」「".join(dict.fromkeys(f.sentence or f.raw for f in said))
        notes.append(f"原文表格这一行数字粘连、可有几种拆法，按正文「{sentences}」所说确定为这一种。")
    recovered = [f for f in v.inputs if f.status == RECOVERED]
    # a staffing row's two counts glued (「3841」): read as the one split whose counts are of a size
    sized = [f for f in recovered if rf.titles.get((rf.report.id, f.table)) == STAFFING_TITLE]
    if sized:
        notes.append(f"原文表中这一单位的编制数与在职人数两格粘连，印为「{sized[0].raw}」；按两数大小相近（相差不到一倍）的"
                     "唯一拆法读出，其余拆法两数相差悬殊。")
    recovered = [f for f in recovered if f not in sized]
    glued = [f for f in recovered if f.raw and f.raw.isdigit() and f.raw != str(f.value)]  # 「20263542」 → 2026
    if glued or any(f.row_key and f.row_key.startswith(("t2.", "t3.", "t4.")) for f in recovered):
        notes.append("原文表格数字粘连在一起，此数按表内合计关系还原（唯一符合的拆分）。")
    elif recovered:  # a budget table printed as text, its empty cells simply missing
        notes.append("原文表格的空格没有印出，此数所在的列按表内合计关系确定（唯一符合的放法）。")
    # template checks are named by table (t3.…), a finance report's by its standard table (expense.…)
    tables = {f.table for f in v.inputs} | {f.row_key.split(".")[0] for f in v.inputs
                                            if f.row_key and f.table.startswith("g")}
    failed = [c for t in tables for c in rf.failed_checks(t)]
    if failed:
        shown = "；".join(f"{c.description}（{c.detail}）" for c in failed[:2])
        title = rf.titles.get((rf.report.id, v.inputs[0].table))
        where = f"「{title}」" if title and v.inputs[0].table.startswith("g") else table_name(v.inputs[0].table)
        notes.append(f"注意：该报告{where}自身的数字不平衡：{shown}。数字按原文照录。")
    return notes


def ambiguous_text(rf: ReportFacts, v: Value) -> str:
    cands = "、".join(plain(c) for c in v.candidates if c >= 0)
    glued = [f for f in v.inputs if f.raw.isdigit() and len(f.raw) > len(plain(f.value))]
    if glued:  # cells printed with no break between them (「财政核拨2024」): every reading is named
        f = glued[0]
        readings = dict.fromkeys(plain(g.value) for g in rf.facts if g.table == f.table and g.span == f.span
                                 and g.row_path == f.row_path and g.column_path == f.column_path)
        return (f"{who(rf.report)}报告中「{v.label}」一格与相邻格的数字粘连在一起，原文印为「{f.raw}」，"
                f"可能的读法有：{'、'.join(readings)}，无法唯一确定，因此不作为答案；请以原文为准。")
    if v.inputs and all(f.table.startswith("g") for f in v.inputs):
        return (f"{who(rf.report)}报告中「{v.label}」所在的一行，原文印出的数字比列数少，这一格是否为"
                f"{cands or '该数'}无法唯一确定，因此不作为答案；请以原文为准。")
    return (f"{who(rf.report)}报告中「{v.label}」一格的数字在原文里与相邻格粘连，无法唯一确定"
            + (f"，可能的读法有：{cands}。" if cands else "。") + "请以原文为准。")
