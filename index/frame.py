"""The stored facts as pandas DataFrames: one tidy row per fact, or one row per report.

Analysts want the numbers of many reports side by side in a notebook or a spreadsheet, not one
question at a time. `facts_frame` reads the store through the `FactStore` protocol's read methods
only (reports, tables, facts), so it works over any backend; `wide_frame` pivots chosen cells
(canonical template keys such as ``t3.new:total``) into one column each, so the same cell of
every agency and year lines up.

In a notebook::

    from index.frame import facts_frame
    df = facts_frame("data")                        # the data dir, or an open store
    df[df.column_key == "total"].groupby("agency").value.sum()

Values are exact: ``value_text`` is the stored decimal as text and ``value`` the same number as a
float for arithmetic. An ambiguous cell keeps every candidate reading, each on its own row with
``status == "ambiguous"``; the wide form leaves such a cell empty rather than pick one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import ReportQAError, TooLargeError
from index.models import AMBIGUOUS, Fact, Report

if TYPE_CHECKING:
    import pandas as pd

    from index.store import FactStore

COLUMNS = (
    "report", "agency", "year", "kind", "template", "table", "table_title", "row", "column", "row_key",
    "column_key", "value", "value_text", "unit", "status", "candidate", "page", "source", "sentence",
)
REPORT_COLUMNS = ("report", "agency", "year", "kind")
PATH_SEP = " / "  # row and column paths are joined with it, as the CLI and the API print them


def report_kind(report: Report) -> str | None:
    """The report's kind: the registry's when the store records one, else `disclosure` for a report
    that follows a national disclosure template (stores from before kinds were recorded)."""
    kind = getattr(report, "kind", None)
    if kind:
        return str(kind)
    return "disclosure" if report.template else None


@dataclass(frozen=True)
class Selection:
    """Which reports to read. Empty fields select everything; `agency` matches a part of the name."""

    reports: tuple[str, ...] = ()
    agency: str | None = None
    year: int | None = None
    kind: str | None = None

    def select(self, reports: Iterable[Report]) -> list[Report]:
        wanted = set(self.reports)
        return [
            r for r in reports
            if (not wanted or r.id in wanted)
            and (self.agency is None or self.agency in (r.agency or ""))
            and (self.year is None or r.year == self.year)
            and (self.kind is None or report_kind(r) == self.kind)
        ]


def selected_reports(store: FactStore, selection: Selection) -> list[Report]:
    """The stored reports the selection names; an id that is not stored is an error, not an empty table."""
    reports = store.reports()
    missing = sorted(set(selection.reports) - {r.id for r in reports})
    if missing:
        known = ", ".join(r.id for r in reports[:10]) or "none yet"
        raise ReportQAError(f"No stored report with id {', '.join(missing)}. Known reports: {known}. "
                            "List them with `reportqa reports`.")
    return selection.select(reports)


def fact_rows(store: FactStore, reports: Sequence[Report], table: str | None = None,
              max_rows: int | None = None) -> list[dict]:
    """One dict per fact of these reports, in the long form's columns."""
    rows: list[dict] = []
    for r in reports:
        titles = {t.key: t.title for t in store.tables(r.id)}
        kind = report_kind(r)
        for f in store.facts(r.id, table):
            rows.append(_row(r, kind, titles, f))
        if max_rows is not None and len(rows) > max_rows:
            raise TooLargeError(
                f"The selection holds more than {max_rows:,} facts; narrow it with a report, agency, year "
                "or kind filter, or export with the `reportqa export` command."
            )
    return rows


def _row(r: Report, kind: str | None, titles: dict[str, str], f: Fact) -> dict:
    return {
        "report": r.id, "agency": r.agency, "year": r.year, "kind": kind, "template": r.template,
        "table": f.table, "table_title": "正文" if f.table == "prose" else titles.get(f.table),
        "row": PATH_SEP.join(f.row_path), "column": PATH_SEP.join(f.column_path),
        "row_key": f.row_key, "column_key": f.column_key, "value": float(f.value), "value_text": str(f.value),
        "unit": f.unit, "status": f.status, "candidate": f.candidate, "page": f.page, "source": f.raw,
        "sentence": f.sentence,
    }


def rows_frame(rows: list[dict]) -> pd.DataFrame:
    """The long form with its column types: nullable integers for year and page, text as strings."""
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    frame["page"] = frame["page"].astype("Int64")
    frame["candidate"] = frame["candidate"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    for col in ("report", "agency", "kind", "template", "table", "table_title", "row", "column", "row_key",
                "column_key", "value_text", "unit", "status", "source", "sentence"):
        frame[col] = frame[col].astype("string")
    return frame


def open_facts_store(source: FactStore | str | Path) -> FactStore:
    """An open store, or the one configured for a data dir (REPORTQA_DATABASE_URL is honoured)."""
    if not isinstance(source, str | Path):
        return source
    from index.settings import Settings
    from index.store import open_store

    settings = Settings.from_env(data_dir=Path(source))
    if not settings.database_url and not settings.db_path.exists():
        raise ReportQAError(f"No fact database under {settings.data_dir}: ingest reports there first "
                            f"(`reportqa --data-dir {settings.data_dir} ingest PATH`).")
    return open_store(settings.data_dir, settings.database_url)


def facts_frame(source: FactStore | str | Path = "data", reports: Sequence[str] = (), agency: str | None = None,
                year: int | None = None, kind: str | None = None, table: str | None = None) -> pd.DataFrame:
    """Every stored fact of the selected reports, one row each (the columns are `COLUMNS`)."""
    store = open_facts_store(source)
    chosen = selected_reports(store, Selection(tuple(reports), agency, year, kind))
    return rows_frame(fact_rows(store, chosen, table))


def parse_key(key: str) -> tuple[str, str]:
    """`t3.new:total` → (row key, column key)."""
    row, sep, col = key.partition(":")
    if not sep or not row or not col:
        raise ReportQAError(f"Cell key {key!r} is not ROW_KEY:COLUMN_KEY (e.g. t3.new:total, t2.normative:in_force); "
                            "the keys are in the row_key and column_key columns of the long export.")
    return row, col


def wide_frame(long: pd.DataFrame, keys: Sequence[str], reports: Sequence[Report] = ()) -> pd.DataFrame:
    """One row per report and one column per chosen cell (`ROW_KEY:COLUMN_KEY`), from the long form.

    A report without the cell has it empty; so has a report whose reading of the cell is ambiguous
    (its candidates are listed in the `ambiguous` column, never one of them chosen). `reports` keeps
    reports that have no fact at all in the table, so a selection's every report shows.
    """
    import pandas as pd

    parsed = [parse_key(k) for k in keys]
    if not parsed:
        raise ReportQAError("--wide needs at least one cell key, e.g. t3.new:total")
    base = long[list(REPORT_COLUMNS)].drop_duplicates("report")
    if reports:
        present = set(base["report"])
        extra = [{"report": r.id, "agency": r.agency, "year": r.year, "kind": report_kind(r)}
                 for r in reports if r.id not in present]
        if extra:
            base = pd.concat([base, pd.DataFrame(extra).astype(base.dtypes.to_dict())], ignore_index=True)
    out = base.reset_index(drop=True)
    ambiguous: dict[str, list[str]] = {}
    for key, (row_key, col_key) in zip(keys, parsed, strict=True):
        cells = long[(long.row_key == row_key) & (long.column_key == col_key)]
        readings = cells.groupby("report")["value_text"].nunique()
        unclear = set(cells[cells.status == AMBIGUOUS]["report"]) | set(readings[readings > 1].index)
        for rid in sorted(unclear):
            values = "/".join(cells[cells.report == rid]["value_text"].unique())
            ambiguous.setdefault(rid, []).append(f"{key}={values}")
        clear = cells[~cells.report.isin(unclear)].drop_duplicates("report")
        column = out["report"].map(dict(zip(clear["report"], clear["value"], strict=True))).astype("Float64")
        whole = column.dropna()
        out[key] = column.astype("Int64") if (whole == whole.round()).all() else column  # counts print as 14, not 14.0
    out["ambiguous"] = out["report"].map(lambda rid: "; ".join(ambiguous.get(rid, ())) or pd.NA).astype("string")
    return out.sort_values(["agency", "year", "report"], na_position="last").reset_index(drop=True)
