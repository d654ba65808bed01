"""From a loaded `Document` to everything we store about it: metadata, tables, facts, checks.

Template tables are rebuilt from the text stream; any table the template does not claim is kept
as a generic grid with its printed headers; numbers in the prose become facts with their sentence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.checks import run_checks
from index.errors import ParseError
from index.finance import finance_parse, grid_keyer
from index.generic_tables import generic_tables
from index.indicator_table import indicator_table
from index.kinds import detect_finance_kind, finance_kinds
from index.metadata import DISCLOSURE_TITLE, extract_metadata
from index.models import Document, ParsedReport, Report, Table
from index.one_line_tables import one_line_tables
from index.prose_facts import prose_facts
from index.template import detect_version, load_templates
from index.template_parse import parse_template_tables

DISCLOSURE_MARKERS = ("政府信息公开", "第二十条")
# Bumped whenever parsing changes what a file yields: stored reports read by another version are
# read again on the next ingest instead of being skipped as unchanged.
PARSER_VERSION = "15"


@dataclass(frozen=True)
class Overrides:
    """Metadata given by the user wins over what the text says."""

    report_id: str | None = None
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    published: str | None = None
    template: str | None = None

    def signature(self) -> str:
        """The parser version and the metadata given: what, besides the file's bytes, decides
        what a report's stored facts are. The same file with a new --agency is read again."""
        given = [f"{k}={v}" for k, v in vars(self).items() if v is not None and k != "report_id"]
        return "|".join([PARSER_VERSION, *given])


def _block_offsets(doc: Document) -> list[int]:
    offsets, pos = [], 0
    for b in doc.blocks:
        offsets.append(pos)
        pos += len(b.text) + 1
    return offsets


def _page_lookup(doc: Document, offsets: list[int]) -> Callable[[int], int | None]:
    def page_of(pos: int) -> int | None:
        i = bisect.bisect_right(offsets, pos) - 1
        if i < 0:
            return None
        block = doc.blocks[i]
        if block.line_pages:  # a table over several pages: the page of the row holding `pos`
            line = block.text.count("\n", 0, pos - offsets[i])
            return block.line_pages[min(line, len(block.line_pages) - 1)]
        return block.page

    return page_of


_COUNT_UNIT = re.compile(r"申请[^，。；\d]{0,8}?\d+\s*(宗|件)")


def count_unit(text: str) -> str | None:
    """宗 or 件: the word this report counts applications in, from its own prose."""
    found = Counter(_COUNT_UNIT.findall(text))
    return found.most_common(1)[0][0] if found else None


# 「…政府信息公开工作年度报告」, and before the 2019 format 「…政府信息公开年度报告」「…政府信息公开工作报告」
_DISCLOSURE_TITLE = re.compile(DISCLOSURE_TITLE)


def _is_disclosure_report(text: str) -> bool:
    """A disclosure report by its markers or its title; the title read without spaces, since a
    crawled title may carry one inside (「政府信息公开 工作年度报告」)."""
    return all(m in text for m in DISCLOSURE_MARKERS) \
        or bool(_DISCLOSURE_TITLE.search("".join(text[:3000].split())))


def _looks_like_a_report(report: Report) -> bool:
    """A report names its agency and year; a known report kind with one of them is enough too.
    Anything else (a README, a letter) would be stored as 「?」 and crowd every list of reports."""
    if report.agency and report.year:
        return True
    return bool((report.kind or report.template) and (report.agency or report.year))


_STAFFING_TITLE = "部门预算单位构成"
_BODY_END = re.compile(r"(?:局|委员会|办公室|院|中心|街道|镇|乡|所|站|队|馆|会|部|处|办)$")


def _also_named(agency: str | None, tables: list[Table]) -> str | None:
    """The agency under the name its own staffing table prints, when that table has the one unit and
    names it otherwise (a title's 「区交通运输局港航处」, the table's 「平潭县港航管理所」): 「A（B）」, so a
    question naming either finds the report."""
    staffing = [t for t in tables if t.title == _STAFFING_TITLE]
    if not agency or len(staffing) != 1 or len(staffing[0].row_paths) != 1:
        return agency
    unit = "".join(staffing[0].row_paths[0])
    if len(unit) < 4 or not _BODY_END.search(unit) or unit in agency or agency in unit or "（" in agency:
        return agency
    return f"{agency}（{unit}）"


def parse_document(doc: Document, report_id: str, overrides: Overrides | None = None) -> ParsedReport:
    """Parse one loaded document. Pure: nothing is written here."""
    overrides = overrides or Overrides()
    text = doc.text
    meta = extract_metadata(text)
    year = overrides.year or meta.year
    offsets = _block_offsets(doc)
    page_of = _page_lookup(doc, offsets)
    warnings: list[str] = []

    template = overrides.template
    if template is None and _is_disclosure_report(text):
        template = detect_version(text, year)
    facts, tables, checks, regions = [], [], [], []
    if template:
        tpl = load_templates()[template]
        parsed = parse_template_tables(report_id, tpl, text, page_of, count_unit(text))
        facts += parsed.facts
        tables += parsed.tables
        regions = parsed.regions
        warnings += parsed.warnings
        if not parsed.facts:
            warnings.append("no template table was found in this report")
        checks = run_checks(report_id, tpl, parsed.facts)

    claimed = {
        i for i, (b, start) in enumerate(zip(doc.blocks, offsets, strict=True))
        if b.kind == "table" and any(a < start + len(b.text) and start < z for a, z in regions)
    }
    finance = None if template else detect_finance_kind(text)
    kind = finance_kinds()[finance] if finance else None
    gtables, gfacts = generic_tables(report_id, doc, claimed, grid_keyer(kind) if kind else None)
    tables += gtables
    facts += gfacts
    table_spans = [(start, start + len(b.text)) for b, start in zip(doc.blocks, offsets, strict=True)
                   if b.kind == "table"]
    if kind:
        fin = finance_parse(report_id, doc, kind, gtables)
        tables += fin.tables
        facts += fin.facts
        checks += fin.checks
        warnings += fin.warnings
        table_spans += fin.regions
    if kind or not template:  # a crawled page on one line: its single-value coded tables, a row to each
        # code, and its staffing table (a budget's 说明 may print no standard table title at all)
        first = 1 + max((int(t.key[1:]) for t in tables if t.key[1:].isdigit() and t.key.startswith("g")), default=0)
        otables, ofacts, ospans = one_line_tables(report_id, text, first, table_spans, page_of)
        tables += otables
        facts += ofacts
        table_spans += ospans
    prose = None
    if template and not any(f.table.startswith("t") for f in facts):
        # a report before the 2019 template: its statistics table of indicators, glued in a crawl
        prose = prose_facts(report_id, text, regions + table_spans, page_of)
        itables, ifacts, ispans = indicator_table(report_id, text, f"g{len(gtables) + 1}", page_of, prose)
        if itables:
            tables += itables
            facts += ifacts
            table_spans += ispans
            warnings = [w for w in warnings if w != "no template table was found in this report"]
            prose = None  # read again without the table's span: its glued cells are no sentences
    facts += prose if prose is not None else prose_facts(report_id, text, regions + table_spans, page_of)

    report = Report(
        id=report_id,
        agency=overrides.agency or _also_named(meta.agency, tables),
        year=year,
        title=overrides.title or meta.title,
        published=overrides.published or meta.published,
        template=template,
        source=doc.source,
        format=doc.format,
        sha256=doc.sha256,
        kind=template or finance,
    )
    if not _looks_like_a_report(report):
        raise ParseError(
            f"{Path(doc.source).name}: no report found: neither its agency (发布机关) and year nor a report "
            "kind could be read from the text. Check that it is a disclosure or budget report, or give the "
            "agency and year (--agency/--year, or the upload form)."
        )
    if report.agency is None:
        warnings.append("agency not found in the text; give it with --agency")
    if report.year is None:
        warnings.append("year not found in the text; give it with --year")
    return ParsedReport(report, tuple(tables), tuple(facts), tuple(checks), tuple(warnings))
