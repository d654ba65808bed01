"""Turning answers and reports into text the web faces show, with every piece of outside text escaped.

Report text and questions come from strangers: a report may hold `<script>` and a question may hold
Markdown or HTML. Nothing here ever passes such text through unescaped, so the browser shows it as
the characters it is and never runs it. Kept apart from the Gradio wiring so it can be tested
without a browser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlencode

from index.models import Fact, Report, Table
from qa.answer import Answer, table_name

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$])")


def md_text(text: str) -> str:
    """Outside text as Markdown that renders literally: `<b>` shows as <b>, `**x**` as **x**.

    Markdown specials get a backslash first; then `&`, `<` and `>` become entities (an entity is
    never Markdown syntax, so `>` at a line start is no quote). Both steps act
    on single characters, so any prefix of the text escapes the same way (streaming relies on it).
    """
    return html.escape(_MD_SPECIAL.sub(r"\\\1", text), quote=False)


def h(text: object) -> str:
    """Outside text for an HTML attribute or element. `$`, braces and backticks become entities too,
    so that no client-side template syntax can ever see them."""
    return (html.escape(str(text), quote=True)
            .replace("$", "&#36;").replace("{", "&#123;").replace("}", "&#125;").replace("`", "&#96;"))


def report_label(r: Report) -> str:
    return f"{r.agency or r.id}{f'{r.year}年' if r.year else ''}"


def report_labels(reports: Iterable[Report]) -> dict[str, str]:
    return {r.id: report_label(r) for r in reports}


def answer_markdown(answer: Answer, text: str | None = None, labels: dict[str, str] | None = None) -> str:
    """The chat bubble: the answer (or a streamed prefix of it), then its numbered citations.

    `labels` names reports by agency and year (「厚街镇人民政府2023年」) where the answer has no figure to say so.
    """
    body = md_text(answer.text if text is None else text)
    if text is not None and text != answer.text:
        return body
    lines = citation_lines(answer, labels)
    if not lines:
        return body
    return body + "\n\n**出处**\n\n" + "\n".join(f"{i}\\. {md_text(c)}  " for i, c in enumerate(lines, 1))


def citation_lines(answer: Answer, labels: dict[str, str] | None = None) -> list[str]:
    """One line per citation: 「厚街镇人民政府2023年 · 表三（…） 一、本年新收… × 总计 = 14宗」."""
    names = dict(labels or {}) | {f.report.id: report_label(f.report) for f in answer.figures}
    out = []
    for c in answer.citations:
        who = names.get(c.report, c.report)
        if not answer.figures:  # passages: the answer quotes them and the evidence panel shows them whole
            out.append(f"{who} · {c.section or '正文'}{f'（第{c.page}页）' if c.page else ''}")
            continue
        where = "" if c.text.startswith(f"第{c.page}页") or c.page is None else f"（第{c.page}页）"
        out.append(f"{who} · {c.text}{where}")
    return out


# ---- evidence panel -----------------------------------------------------------------------------

def evidence_html(answer: Answer | None, tables_of, labels: dict[str, str] | None = None, limit: int = 4) -> str:
    """The side panel: each cited table with the cited cell marked, or the cited passage.

    `tables_of(report_id) -> list[Table]` reads the stored grids; passing it in keeps this module
    free of the store. `labels` names reports for passages that carry only a report id.
    """
    if answer is None:
        return '<div class="rq-evidence rq-empty">提问后，这里显示答案所依据的原表格或原文。</div>'
    parts: list[str] = []
    shown: set[tuple[str, str]] = set()
    for fig in answer.figures:
        f = fig.fact
        key = (f.report_id, f.table if f.table != "prose" else f"prose:{f.span}")
        if key in shown:
            continue
        shown.add(key)
        if len(parts) >= limit:
            break
        heading = f"{report_label(fig.report)} · {_where(f)}"
        if f.table == "prose":
            parts.append(_section(heading, f'<blockquote class="rq-passage">{passage_html(f)}</blockquote>'))
            continue
        table = next((t for t in tables_of(f.report_id) if t.key == f.table), None)
        body = table_html(table, f) if table else f'<p class="rq-passage">{h(f.raw)}</p>'
        parts.append(_section(heading, body))
    if not answer.figures:
        for c in answer.citations[:limit]:
            page = f" · 第{c.page}页" if c.page else ""
            parts.append(_section(f"{(labels or {}).get(c.report, c.report)} · {c.section}{page}",
                                  f'<blockquote class="rq-passage">{h(c.text)}</blockquote>'))
    if not parts:
        return '<div class="rq-evidence rq-empty">这个回答没有引用报告内容。</div>'
    return '<div class="rq-evidence">' + "".join(parts) + "</div>"


def _where(f: Fact) -> str:
    page = f"第{f.page}页 " if f.page else ""
    return page + ("正文" if f.table == "prose" else table_name(f.table))


def _section(heading: str, body: str) -> str:
    return f'<section class="rq-ev"><h4>{h(heading)}</h4>{body}</section>'


def passage_html(f: Fact) -> str:
    """The sentence a prose figure came from, with the figure itself marked."""
    sentence = f.sentence or f.raw
    label = f.row_path[-1] if f.row_path else ""
    at = sentence.find(label + f.raw) if label else -1
    start = at + len(label) if at >= 0 else sentence.find(f.raw)
    if start < 0 or not f.raw:
        return h(sentence)
    end = start + len(f.raw)
    return f'{h(sentence[:start])}<mark class="rq-hit">{h(sentence[start:end])}</mark>{h(sentence[end:])}'


def hit_cell(table: Table, fact: Fact) -> tuple[int, int] | None:
    """Where a fact sits in its table's grid: the row whose path matches and the column whose path
    matches, or (for grids printed as 「本年制发件数:5」) the cell that starts with the column label."""
    rows = [i for i, p in enumerate(table.row_paths) if tuple(p) == fact.row_path]
    if not rows:
        return None
    r = rows[0]
    cols = [j for j, p in enumerate(table.column_paths) if tuple(p) == fact.column_path]
    if cols and cols[0] < len(table.cells[r]):
        return r, cols[0]
    label = fact.column_path[-1] if fact.column_path else ""
    for j, cell in enumerate(table.cells[r] if r < len(table.cells) else ()):
        if label and cell.startswith(label):
            return r, j
    return None


_CANDIDATES = re.compile(r"^\?\((.*)\)$")
_LABELLED = re.compile(r"^([^:：]+)[:：](.*)$")


def table_html(table: Table, fact: Fact | None = None, marks: dict[tuple[int, int], str] | None = None) -> str:
    """A stored table as an HTML grid (header paths joined by /), the cited cell marked.

    `marks` gives more cells a class of their own (the audit marks a total and the parts it should equal);
    the first marked cell gets `id="hit"`, so a link can scroll to it. A cell whose glued digits read
    several ways shows 「?」 (its readings in a note under the table, not inside the grid); a table
    whose groups have their own columns (template table 二, cells stored as 「本年制发件数:5」) gets a
    header row for each group instead of labels in every cell.
    """
    hit = hit_cell(table, fact) if fact else None
    marks = marks or {}
    first = min(marks) if marks else None
    head = "".join(f"<th>{h(' / '.join(p))}</th>" for p in table.column_paths)
    unit = f'<caption>{h(table.title)}{f"（单位：{h(table.unit)}）" if table.unit else ""}</caption>'
    rows, notes, group = [], [], None
    for i, cells in enumerate(table.cells):
        label = " / ".join(table.row_paths[i]) if i < len(table.row_paths) else ""
        split = [_LABELLED.match(c) for c in cells] if not table.column_paths else []
        if split and all(split):
            names = tuple(m.group(1) for m in split)
            if names != group:
                rows.append('<tr class="rq-group"><th></th>' + "".join(f"<th>{h(n)}</th>" for n in names) + "</tr>")
                group = names
            cells = tuple(m.group(2) for m in split)
        tds = []
        for j, cell in enumerate(cells):
            cls = ["rq-hit"] if hit == (i, j) else [marks[(i, j)]] if (i, j) in marks else []
            shown, title = cell, ""
            amb = _CANDIDATES.match(cell)
            if amb:
                readings = amb.group(1).split("|")
                notes.append(f"{label}：{'、'.join(readings[:8])}{'…' if len(readings) > 8 else ''}")
                cls.append("rq-amb")
                shown, title = "?", f' title="{h("可能的读法：" + "｜".join(readings[:20]))}"'
            mark = f' class="{h(" ".join(cls))}"' if cls else ""
            anchor = ' id="hit"' if (i, j) == first else ""
            tds.append(f"<td{anchor}{mark}{title}>{h(shown)}</td>")
        marked_row = (hit and hit[0] == i) or any(r == i for r, _ in marks)
        row_mark = ' class="rq-hit-row"' if marked_row else ""
        rows.append(f'<tr{row_mark}><th scope="row">{h(label)}</th>{"".join(tds)}</tr>')
    thead = f"<thead><tr><th></th>{head}</tr></thead>" if head else ""
    note = ""
    if notes:
        items = "".join(f"<li>{h(n)}</li>" for n in dict.fromkeys(notes))
        note = (f'<div class="rq-amb-note">标「?」的格子：原文数字粘连，有几种读法，不作猜测。<ul>{items}</ul></div>')
    return (f'<div class="rq-scroll"><table class="rq-table">{unit}{thead}<tbody>{"".join(rows)}</tbody></table>'
            f"</div>{note}")


# ---- charts -------------------------------------------------------------------------------------

def chart_svg(rows: Sequence[dict] | None, width: int = 420) -> str:
    """Comparisons as bars, one agency over years as a line: inline SVG, so no script and no CDN."""
    if not rows:
        return ""
    points = [(_row_label(r), float(r["value"]), f"{r['value']}{r.get('unit') or ''}") for r in rows
              if _is_number(r.get("value"))]
    if not points:
        return ""
    agencies = {r.get("agency") for r in rows}
    years = [r.get("year") for r in rows]
    trend = len(agencies) == 1 and len(set(years)) == len(rows) > 1
    title = h(rows[0].get("label") or "")
    if trend:
        order = sorted(range(len(rows)), key=lambda i: rows[i].get("year") or 0)
        points = [(f"{rows[i].get('year')}年", points[i][1], points[i][2]) for i in order]
        body, height = _line(points, width), 220
    else:
        body, height = _bars(points, width), 34 + 30 * len(points)
    kind = "trend" if trend else "compare"
    return (f'<figure class="rq-chart" data-kind="{kind}"><figcaption>{title}</figcaption>'
            f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" '
            f'xmlns="http://www.w3.org/2000/svg">{body}</svg></figure>')


def _row_label(r: dict) -> str:
    """「厚街镇人民政府2023」, the name shortened first so the year always shows."""
    name, year = str(r.get("agency") or r.get("report")), str(r.get("year") or "")
    return (name if len(name) <= 9 else name[:8] + "…") + year


def _is_number(v: object) -> bool:
    try:
        float(str(v))
    except ValueError:
        return False
    return True


def _bars(points: list[tuple[str, float, str]], width: int) -> str:
    top = max((p[1] for p in points), default=0) or 1
    left, bar_w = 150, width - 150 - 70
    out = []
    for i, (label, value, shown) in enumerate(points):
        y = 10 + 30 * i
        w = max(1.0, bar_w * value / top)
        out.append(
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" font-size="12" fill="#333">{h(label)}</text>'
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="20" rx="3" fill="#3b82f6"/>'
            f'<text x="{left + w + 4:.1f}" y="{y + 15}" font-size="12" fill="#111">{h(shown)}</text>'
        )
    return "".join(out)


def _line(points: list[tuple[str, float, str]], width: int) -> str:
    top = max(p[1] for p in points) or 1
    x0, x1, y0, y1 = 40, width - 30, 180, 30
    step = (x1 - x0) / max(1, len(points) - 1)
    xy = [(x0 + step * i, y0 - (y0 - y1) * v / top) for i, (_, v, _) in enumerate(points)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    out = [f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="#999"/>',
           f'<polyline points="{path}" fill="none" stroke="#3b82f6" stroke-width="2"/>']
    for (x, y), (label, _, shown) in zip(xy, points, strict=True):
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#3b82f6"/>'
                   f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" font-size="12">{h(shown)}</text>'
                   f'<text x="{x:.1f}" y="{y0 + 18}" text-anchor="middle" font-size="12">{h(label)}</text>')
    return "".join(out)


# ---- picker, examples, ingest results -----------------------------------------------------------

def example_questions(reports: Iterable[Report], limit: int = 6) -> list[str]:
    """Questions that the loaded reports can answer, so a first visitor sees what to ask."""
    rs = [r for r in reports if r.agency and r.year]
    rs.sort(key=lambda r: (r.agency or "", -(r.year or 0)))
    out: list[str] = []
    for r in rs[:3]:
        out.append(f"{r.agency}{r.year}年收到多少件政府信息公开申请？")
    if rs:
        r = rs[0]
        out.append(f"{r.agency}{r.year}年商业企业申请了多少件？")
    agencies = list(dict.fromkeys(r.agency for r in rs))
    if len(agencies) >= 2:
        out.append(f"比较{agencies[0]}和{agencies[1]}收到的政府信息公开申请数量")
    for a in agencies:
        if sum(r.agency == a for r in rs) >= 2:
            out.append(f"{a}近几年收到的政府信息公开申请数量有什么变化？")
            break
    return out[:limit]


def ingest_results_html(results: Sequence) -> str:
    """Per-file outcome of an upload: what was added, what failed and why, which checks failed."""
    if not results:
        return ""
    words = {"added": "已导入", "replaced": "已更新", "unchanged": "未变化", "failed": "失败"}
    rows = []
    for r in results:
        who = f"{r.agency or '?'} {r.year or '?'}" if r.status != "failed" else ""
        detail = h(r.error or "") if r.status == "failed" else f"{r.facts} 个数字，{r.tables} 张表"
        notes = "".join(f"<li>校验未通过：{h(c)}</li>" for c in r.failed_checks)
        notes += "".join(f"<li>提示：{h(w)}</li>" for w in r.warnings[:5])
        rows.append(
            f'<tr class="rq-{h(r.status)}"><td>{h(r.report_id)}</td><td>{words.get(r.status, h(r.status))}</td>'
            f"<td>{h(who)}</td><td>{detail}{f'<ul>{notes}</ul>' if notes else ''}</td></tr>"
        )
    return ('<table class="rq-table rq-results"><thead><tr><th>报告</th><th>结果</th><th>机关 年度</th>'
            f'<th>详情</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def download_links(agency: str | None, year: int | None, report_ids: Sequence[str] = ()) -> str:
    """The report panel's downloads: the facts of the reports in scope as CSV and Excel, and the audit.

    A scoped download names its reports by id: the agency filter of the API matches a part of a name,
    and 「平潭综合实验区」 is part of its bureaus' names too."""
    ids = [("report", r) for r in report_ids] if agency or year else []
    csv = "/api/facts?" + urlencode([*ids, ("format", "csv")])
    xlsx = "/api/facts?" + urlencode([*ids, ("format", "xlsx")])
    scope = {k: v for k, v in (("agency", agency), ("year", year)) if v is not None}
    audit = "/audit" + ("?" + urlencode(scope) if scope else "")
    which = f"{agency or '全部机关'} {f'{year}年' if year else '全部年度'}"
    return (f'<div class="rq-download"><span>数据（{h(which)}）：</span>'
            f'<a id="rq-download-csv" href="{h(csv)}" download>下载 CSV</a>'
            f'<a id="rq-download-xlsx" href="{h(xlsx)}" download>下载 Excel</a>'
            f'<a id="rq-audit-link" href="{h(audit)}" target="_blank" rel="noopener">数据核查</a></div>')
