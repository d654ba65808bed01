"""The `Answer` a question gets, and its public JSON shape (CLI `--json`, REST API, eval).

Every figure in `text` is one of `figures` (a stored fact, with its citation) or the result of
arithmetic over them, whose inputs are listed; `status` says whether we answered, refused, need
the user to pick a report, or can only give an ambiguous reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from index.models import Fact, Report


class Status(StrEnum):
    """What became of a question; a `str`, so JSON and comparisons with plain strings still work."""

    ANSWERED = "answered"
    REFUSED = "refused"
    AMBIGUOUS = "ambiguous"
    NEEDS_CLARIFICATION = "needs_clarification"


ANSWERED = Status.ANSWERED
REFUSED = Status.REFUSED
AMBIGUOUS = Status.AMBIGUOUS
NEEDS_CLARIFICATION = Status.NEEDS_CLARIFICATION


@dataclass(frozen=True)
class Figure:
    """A fact used in an answer, with the report it belongs to."""

    fact: Fact
    report: Report

    def to_json(self) -> dict:
        f = self.fact
        return {
            "value": plain(f.value),
            "unit": f.unit,
            "report": f.report_id,
            "agency": self.report.agency,
            "year": self.report.year,
            "table": f.table,
            "row": " / ".join(f.row_path),
            "column": " / ".join(f.column_path),
            "status": f.status,
            "source": source_text(f),
        }


@dataclass(frozen=True)
class Citation:
    report: str
    section: str
    page: int | None
    text: str

    def to_json(self) -> dict:
        return {"report": self.report, "section": self.section, "page": self.page, "text": self.text}


@dataclass(frozen=True)
class Answer:
    question: str
    status: Status | str
    text: str
    value: Decimal | None = None
    unit: str | None = None
    figures: tuple[Figure, ...] = ()
    citations: tuple[Citation, ...] = ()
    table: tuple[dict, ...] | None = None
    reports: tuple[str, ...] = ()  # the reports the answer is about (the conversation's focus)
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # a question of several parts: each part's own result, in order (the headline is only the first's)
    parts: tuple[Answer, ...] = ()

    def to_json(self) -> dict:
        out = {
            "question": self.question,
            "status": str(self.status),
            "answer": self.text,
            "result": None if self.value is None else {"value": plain(self.value), "unit": self.unit},
            "figures": [f.to_json() for f in self.figures],
            "citations": [c.to_json() for c in self.citations],
            "table": list(self.table) if self.table is not None else None,
            "reports": list(self.reports),
            "warnings": list(self.warnings),
        }
        if self.parts:
            out["parts"] = [{"question": a.question, "status": str(a.status),
                             "result": None if a.value is None else {"value": plain(a.value), "unit": a.unit}}
                            for a in self.parts]
        return out


def plain(value: Decimal) -> str:
    """A decimal as people write it: 14, 8862.02, 44.7 (never 1.4E+1 or 14.00)."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def source_text(f: Fact) -> str:
    """Where a fact was printed, in words: 「第3页 表三 一、本年新收… × 自然人」 or its sentence."""
    where = f"第{f.page}页 " if f.page else ""
    if f.table == "prose":
        return where + (f.sentence or f.raw)
    col = " / ".join(f.column_path)
    return f"{where}{table_name(f.table)} {' / '.join(f.row_path)}" + (f" × {col}" if col else "")


TABLE_NAMES = {
    "t2": "表二（主动公开政府信息情况）",
    "t3": "表三（收到和处理政府信息公开申请情况）",
    "t4": "表四（行政复议、行政诉讼情况）",
}


def table_name(key: str) -> str:
    return TABLE_NAMES.get(key, f"表格{key[1:]}" if key.startswith("g") else key)
