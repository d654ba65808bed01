"""The audit as web pages: `/audit` lists every failed identity, filterable by agency, year, kind and
scope; `/audit/table` shows the table of one issue with the cells involved marked.

Server-rendered HTML with no script: the filter is a plain GET form, so the page works anywhere
and its list is a link one can share. Every piece of report text goes through `render.h`.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from index.audit import BLANK_SCOPE, REPORT_SCOPE, YEARS_SCOPE, Audit, Cell, Issue, cells_text
from index.errors import UnknownReportError
from index.frame import Selection, report_kind
from index.models import Fact, Report
from qa.answer import table_name
from ui.guard import GuardedService
from ui.render import h, hit_cell, report_label, table_html

TITLE = "年报数据核查"
FILTERS = ("agency", "year", "kind", "scope")
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'self'; script-src 'none'; style-src 'unsafe-inline'; "
                                          "frame-ancestors 'self'", "X-Content-Type-Options": "nosniff"}
CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",system-ui,sans-serif;margin:1.2rem 2rem;color:#111}
h1{font-size:1.4rem;margin:.2rem 0 .6rem}
form{display:flex;gap:1rem;flex-wrap:wrap;align-items:end;margin:.6rem 0 1rem}
label{display:flex;flex-direction:column;font-size:.85rem;gap:.2rem}
select,button{font-size:.95rem;padding:.25rem .4rem}
.rq-table{border-collapse:collapse;font-size:13px;width:100%}
.rq-table caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem}
.rq-table th,.rq-table td{border:1px solid #d4d4d8;padding:3px 7px;text-align:left;vertical-align:top}
.rq-table td{white-space:normal}
.rq-grid td{text-align:right;white-space:nowrap}
.rq-table tr.rq-hit-row th,.rq-table tr.rq-hit-row td{background:rgba(250,204,21,.15)}
.rq-table tr td.rq-hit{background:#fde047;font-weight:700;outline:2px solid #ca8a04}
.rq-table tr td.rq-part{background:#bfdbfe;font-weight:700;outline:1px solid #2563eb}
.rq-summary{color:#333}.rq-muted{color:#666;font-size:.85rem}
.rq-legend span{padding:0 .4rem;margin-right:.6rem}
"""


def _doc(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{h(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>'
            f"<body>{body}</body></html>")


def _summary(audit: Audit, shown: Sequence[Issue]) -> str:
    reports = len(dict.fromkeys(i.report_id for i in shown))
    return (f'<p class="rq-summary" id="rq-summary">{len(audit.reports)} 份报告，{audit.checks} 项校验；'
            f"{len(shown)} 项不一致，涉及 {reports} 份报告。</p>")


def audit_page(audit: Audit, links: bool = True, reports: Sequence[Report] = (), agency: str = "",
               year: str = "", kind: str = "", scope: str = "") -> str:
    """The whole list as one page; `links` False for a file written by the CLI (no server to link to).
    `reports` (all stored) fill the filter's choices."""
    shown = [i for i in audit.issues if (not agency or i.agency == agency)
             and (i.scope == scope if scope else i.scope != BLANK_SCOPE)]
    back = urlencode([(k, v) for k, v in zip(FILTERS, (agency, year, kind, scope), strict=True) if v])
    body = [f"<h1>{TITLE}</h1>", _summary(audit, shown)]
    if links:
        body.append(_filter_form(reports, agency, year, kind, scope))
    if not shown:
        body.append('<p id="rq-none">所选报告的数字全部相符。</p>')
        return _doc(TITLE, "".join(body))
    head = "<tr><th>报告</th><th>校验</th><th>不一致</th><th>涉及的单元格</th><th>页码</th>"
    head += "<th>查看</th></tr>" if links else "</tr>"
    rows = []
    for i in shown:
        who = f"{h(i.agency or i.report_id)} {h(i.year) + '年' if i.year else ''}"
        sub = f'<div class="rq-muted">{h(i.report_id)}</div>'
        if i.scope == YEARS_SCOPE:
            sub += f'<div class="rq-muted">与上年报告 {h(i.previous)} 比较</div>'
        what = f'{h(i.description)}<div class="rq-muted">{h(i.check)}</div>'
        goto = f"<td>{_links(i, back)}</td>" if links else ""
        rows.append(f'<tr class="rq-issue" data-report="{h(i.report_id)}" data-check="{h(i.check)}">'
                    f"<td>{who}{sub}</td><td>{what}</td><td>{h(i.detail)}</td><td>{h(cells_text(i))}</td>"
                    f"<td>{h(i.page) if i.page is not None else ''}</td>{goto}</tr>")
    body.append(f'<table class="rq-table rq-audit" id="rq-issues"><thead>{head}</thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')
    return _doc(TITLE, "".join(body))


def _filter_form(reports: Sequence[Report], agency: str, year: str, kind: str, scope: str) -> str:
    def select(name: str, label: str, everything: str, options: list[tuple[str, str]], value: str) -> str:
        opts = [f'<option value="">{everything}</option>'] + [
            f'<option value="{h(v)}"{" selected" if v == value else ""}>{h(text)}</option>' for v, text in options]
        return f'<label>{label}<select name="{name}" id="f-{name}">{"".join(opts)}</select></label>'

    agencies = sorted({r.agency for r in reports if r.agency})
    years = sorted({r.year for r in reports if r.year}, reverse=True)
    kinds = sorted({k for r in reports if (k := report_kind(r))})
    # the download lists what the page lists: the picked agency by its reports' ids (the API's agency
    # filter matches a part of a name), blank rows only in their own scope
    ids = [("report", r.id) for r in reports if agency and r.agency == agency]
    query = urlencode(ids + [(k, v) for k, v in (("year", year), ("kind", kind)) if v]
                      + ([("blanks", "true")] if scope == BLANK_SCOPE else []) + [("format", "csv")])
    return ('<form method="get" action="/audit" id="rq-filter">'
            + select("agency", "发布机关", "全部机关", [(a, a) for a in agencies], agency)
            + select("year", "年度", "全部年度", [(str(y), f"{y}年") for y in years], year)
            + select("kind", "报告类型", "全部类型", [(k, k) for k in kinds], kind)
            + select("scope", "校验范围", "全部不一致", [(REPORT_SCOPE, "报告内"), (YEARS_SCOPE, "跨年度"),
                                                   (BLANK_SCOPE, "空白或未读到的单元格")], scope)
            + '<button type="submit" id="f-apply">筛选</button>'
            + f'<a href="/api/audit?{h(query)}" download>下载 CSV</a></form>')


def _links(i: Issue, back: str = "") -> str:
    own = [c for c in i.cells if c.report_id == i.report_id]
    out = []
    if not i.cells and i.table:
        url = "/audit/table?" + urlencode({"report": i.report_id, "table": i.table, "check": i.check, "back": back})
        out.append(f'<a class="rq-goto" href="{h(url)}">{h(table_name(i.table))}</a>')
    if own:
        out.append(f'<a class="rq-goto" href="{h(cell_url(i, own, back))}">{h(table_name(own[0].table))}</a>')
    prev = [c for c in i.cells if c.report_id != i.report_id]
    if prev:
        out.append(f'<a class="rq-goto-prev" href="{h(cell_url(i, prev, back))}">'
                   f"上年{h(table_name(prev[0].table))}</a>")
    return " ".join(out)


def cell_url(issue: Issue, cells: Sequence[Cell], back: str = "") -> str:
    """The table page of these cells (all of one report and table), the identity's two sides marked;
    `back` is the list's filter, so the way back returns to the same rows."""
    params: list[tuple[str, str]] = [("report", cells[0].report_id), ("table", cells[0].table),
                                     ("check", issue.check)]
    params += [("cell" if c.side == "left" else "part", c.key) for c in cells]
    return "/audit/table?" + urlencode(params + ([("back", back)] if back else [])) + "#hit"


def back_url(back: str) -> str:
    """The list with the filter it was left with; only the filter's own fields pass, so the link
    can lead nowhere but back to /audit."""
    kept = [(k, v) for k, v in parse_qsl(back) if k in FILTERS]
    return "/audit" + ("?" + urlencode(kept) if kept else "")


def table_page(report: Report, tables: Sequence, facts: Sequence[Fact], table: str, totals: Sequence[str],
               parts: Sequence[str], check: str = "", back: str = "") -> str:
    """One stored table with the cells named by key marked: `totals` yellow, `parts` blue."""
    grid = next((t for t in tables if t.key == table), None)
    if grid is None:
        raise KeyError(table)
    by_key = {f"{f.row_key}:{f.column_key}": f for f in facts if f.table == table and f.row_key and f.column_key}
    marks: dict[tuple[int, int], str] = {}
    for css, keys in (("rq-part", parts), ("rq-hit", totals)):
        for key in keys:
            at = hit_cell(grid, by_key[key]) if key in by_key else None
            if at is not None:
                marks[at] = css
    title = f"{report_label(report)} · {table_name(table)}"
    page = f"（第{grid.page}页）" if grid.page else ""
    body = (f'<p><a href="{h(back_url(back))}" id="rq-back">← 返回核查列表</a></p><h1>{h(title)}{h(page)}</h1>'
            + (f'<p>校验：<code>{h(check)}</code></p>' if check else "")
            + '<p class="rq-legend"><span class="rq-hit-key" style="background:#fde047">总计（等式左边）</span>'
              '<span style="background:#bfdbfe">各项（等式右边）</span></p>'
            + table_html(grid, marks=marks).replace('class="rq-table"', 'class="rq-table rq-grid"', 1))
    return _doc(title, body)


def audit_router(svc: GuardedService) -> APIRouter:
    """The two pages; they read through the guarded service, so an upload in progress is never half seen."""
    router = APIRouter(include_in_schema=False)

    @router.get("/audit")
    def audit_list(agency: str = "", year: str = "", kind: str = "", scope: str = "") -> HTMLResponse:
        y = int(year) if year.strip().isdigit() else None
        reports = svc.reports()
        # the agency picked from the list is one agency, not every name it is part of
        ids = tuple(r.id for r in reports if r.agency == agency) if agency else ()
        if agency and not ids:
            result = Audit((), 0, ())
        else:
            result = svc.audit(Selection(reports=ids, year=y, kind=kind or None), blanks=scope == BLANK_SCOPE)
        html = audit_page(result, True, reports, agency, str(y or ""), kind, scope)
        return HTMLResponse(html, headers=PAGE_HEADERS)

    @router.get("/audit/table")
    def audit_table(report: str, table: str, cell: list[str] = Query(default=[]),  # noqa: B008
                    part: list[str] = Query(default=[]), check: str = "",  # noqa: B008
                    back: str = "") -> HTMLResponse:
        try:
            r = svc.report(report)
            html = table_page(r, svc.tables(report), svc.facts(report), table, cell, part, check, back)
        except UnknownReportError as e:
            raise HTTPException(404, str(e)) from None
        except KeyError:
            raise HTTPException(404, f"Report {report!r} has no table {table!r}.") from None
        return HTMLResponse(html, headers=PAGE_HEADERS)

    return router
