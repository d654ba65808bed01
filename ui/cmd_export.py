"""`reportqa export` and `reportqa audit`: the fact table out, and every report that does not add up.

Thin: the selection, the frames, the writers and the audit are library functions in `index/`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from index.errors import ReportQAError
from index.settings import Settings


def _selection_options(fn):
    for opt in reversed([
        click.option("--report", "reports", multiple=True, help="Only this report id (repeatable)."),
        click.option("--agency", help="Only reports whose agency contains this (e.g. 洪泽区)."),
        click.option("--year", type=int, help="Only reports for this year."),
        click.option("--kind", help="Only reports of this kind (e.g. disclosure)."),
    ]):
        fn = opt(fn)
    return fn


def _fail(e: ReportQAError) -> None:
    click.echo(f"Error: {e}", err=True)
    sys.exit(2)


def _emit(data: bytes, out: Path | None, binary: bool) -> None:
    """Write to the file, or to standard output (not a binary format to a terminal)."""
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        return
    if binary and sys.stdout.isatty():
        raise ReportQAError("Parquet and Excel are binary: give a file with -o FILE.")
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


@click.command()
@_selection_options
@click.option("--table", help="Only facts of this table (t2, t3, t4, g1…, prose).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "xlsx", "jsonl"]),
              help="Output format (default: from the -o file's extension, else csv).")
@click.option("--wide", "wide", multiple=True, metavar="KEY",
              help="One row per report, one column per cell ROW_KEY:COLUMN_KEY (repeatable or comma-separated), "
                   "e.g. --wide t3.new:total.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@click.pass_context
def export(ctx: click.Context, reports: tuple[str, ...], agency: str | None, year: int | None, kind: str | None,
           table: str | None, fmt: str | None, wide: tuple[str, ...], out: Path | None) -> None:
    """Export the stored facts as a tidy table (one row per fact), or wide (one row per report)."""
    from index.export import format_of, frame_bytes
    from index.frame import Selection, fact_rows, rows_frame, selected_reports, wide_frame
    from index.store import open_store

    s: Settings = ctx.obj["settings"]
    try:
        fmt = format_of(out.name if out else "", fmt)
        store = open_store(s.data_dir, s.database_url)
        chosen = selected_reports(store, Selection(reports, agency, year, kind))
        frame = rows_frame(fact_rows(store, chosen, table))
        keys = [k.strip() for w in wide for k in w.split(",") if k.strip()]
        if wide:
            frame = wide_frame(frame, keys, chosen)
        _emit(frame_bytes(frame, fmt), out, fmt in ("parquet", "xlsx"))
    except ReportQAError as e:
        _fail(e)
    if out is not None:
        click.echo(f"{len(frame)} rows from {len(chosen)} reports → {out}", err=True)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@_selection_options
@click.option("--blanks", is_flag=True,
              help="Also list template cells of printed tables that hold no number (left blank, or unreadable).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "html", "json"]), default="md", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@click.pass_context
def audit(ctx: click.Context, paths: tuple[Path, ...], reports: tuple[str, ...], agency: str | None,
          year: int | None, kind: str | None, blanks: bool, fmt: str, out: Path | None) -> None:
    """List every failed identity of the stored reports (or of the files at PATHS), also across years.

    With PATHS the files are parsed into a temporary store and audited, each also against its
    agency's previous year among the files and the reports already stored; the data dir is not
    written. Exit 1 when an issue is found, 0 when every report adds up.
    """
    from index.audit import run_audit
    from index.frame import Selection
    from index.store import open_store

    s: Settings = ctx.obj["settings"]
    selection = Selection(reports, agency, year, kind)
    try:
        if paths:
            stored = open_store(s.data_dir, s.database_url) if s.database_url or s.db_path.exists() else None
            with tempfile.TemporaryDirectory(prefix="reportqa-audit-") as tmp:
                store = _parsed(paths, Path(tmp), s)
                result = run_audit(store, selection, blanks, earlier=stored)
                store.close()
        else:
            result = run_audit(open_store(s.data_dir, s.database_url), selection, blanks)
        _emit(_audit_bytes(result, fmt), out, binary=False)
    except ReportQAError as e:
        _fail(e)
    click.echo(f"{len(result.reports)} reports, {result.checks} checks, {len(result.issues)} issues", err=True)
    sys.exit(1 if result.issues else 0)


def _parsed(paths: tuple[Path, ...], tmp: Path, s: Settings):
    """The files parsed into a throw-away store (facts and checks only, no text index)."""
    from index.ingest import ingest_paths
    from index.store import SQLiteStore

    store = SQLiteStore(tmp / "facts.sqlite3")
    for r in ingest_paths(list(paths), store, max_bytes=s.max_upload_mb * 2**20):
        if r.status == "failed":
            click.echo(f"✗ {r.path}: {r.error}", err=True)
    return store


def _audit_bytes(result, fmt: str) -> bytes:
    import json

    from index.audit import issue_rows, markdown

    if fmt == "md":
        return markdown(result).encode("utf-8")
    if fmt == "json":
        body = {"reports": len(result.reports), "checks": result.checks,
                "issues": [i.to_json() for i in result.issues]}
        return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "csv":
        import pandas as pd

        from index.audit import ISSUE_COLUMNS

        return pd.DataFrame(issue_rows(result.issues), columns=list(ISSUE_COLUMNS)).to_csv(index=False).encode(
            "utf-8-sig")
    from ui.audit_page import audit_page

    return audit_page(result, links=False).encode("utf-8")
