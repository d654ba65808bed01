"""The `reportqa` command: thin wrappers over library functions.

Heavy imports (pdfplumber, chromadb, the embedder, gradio) happen inside the commands that need
them, so `reportqa --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from index.errors import ReportQAError
from index.settings import Settings, documented_settings


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


def _fail(e: ReportQAError) -> None:
    click.echo(f"Error: {e}", err=True)
    sys.exit(2)


@click.group(
    epilog="Settings (environment):\n\n" + "\n\n".join(f"{k}: {v}" for k, v in documented_settings().items())
)
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help="Where the fact database and index live (default: $REPORTQA_DATA_DIR or ./data).")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None) -> None:
    """reportqa: answers questions over government information-disclosure annual reports."""
    try:
        ctx.obj = {"settings": Settings.from_env(data_dir=data_dir)}
    except ReportQAError as e:
        _fail(e)


def _store(ctx: click.Context):
    from index.store import open_store

    s = _settings(ctx)
    return open_store(s.data_dir, s.database_url)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--id", "report_id", help="Report id (default: the file name without its extension).")
@click.option("--agency", help="Override the publishing agency (发布机关).")
@click.option("--year", type=click.IntRange(1949, 2100), help="Override the year reported on.")
@click.option("--title", help="Override the title.")
@click.option("--published", help="Override the publication date (YYYY-MM-DD).")
@click.option("--template", type=click.Choice(["2019", "2021"]), help="Override the template version.")
@click.option("--no-index", is_flag=True, help="Store facts only; skip the text index.")
@click.option("--queue-only", is_flag=True,
              help="Store facts and queue the passages for `reportqa worker` instead of embedding them here "
                   "(always so with a PostgreSQL database).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], report_id, agency, year, title, published, template,
           no_index: bool, queue_only: bool) -> None:
    """Ingest report files or folders (txt, md, html, pdf, docx).

    Facts are stored first (figure questions answer at once); passages are then embedded here
    (SQLite) or queued for `reportqa worker`s (PostgreSQL, or --queue-only)."""
    from tqdm import tqdm

    from index.budget import Budget
    from index.ingest import ingest_paths
    from index.parse import Overrides
    from index.report_ids import check_report_id

    s = _settings(ctx)
    try:
        if report_id is not None:
            check_report_id(report_id)
        store = _store(ctx)
        indexer = None if no_index else _indexer(s, store)
        overrides = Overrides(report_id, agency, year, title, published, template)
        results = ingest_paths(
            list(paths), store, overrides, s.max_upload_mb * 2**20, indexer,
            progress=lambda xs: tqdm(xs, desc="ingest", unit="file", file=sys.stderr, disable=len(xs) < 2),
            budget=Budget.from_settings(s),
            embed=False if queue_only or store.shared_queue else None,
        )
    except ReportQAError as e:
        _fail(e)
    for r in results:
        if r.status == "failed":
            click.echo(f"✗ {r.path}: {r.error}")
            continue
        line = f"✓ {r.report_id} [{r.status}]"
        if r.status != "unchanged":
            line += (f" {r.agency or '?'} {r.year or '?'}: {r.facts} facts, {r.tables} tables, "
                     f"{len(r.failed_checks)}/{r.checks} checks failed, {len(r.warnings)} warnings")
        click.echo(line)
        for f in r.failed_checks:
            click.echo(f"    check failed: {f}")
        for w in r.warnings:
            click.echo(f"    warning: {w}")
    failed = sum(r.status == "failed" for r in results)
    click.echo(f"{len(results) - failed} ingested, {failed} failed")
    queued = sum(r.queued for r in results)
    if queued:
        click.echo(f"{queued} passages queued for the text index: run `reportqa worker` to embed them")
    sys.exit(1 if failed else 0)


def _indexer(settings: Settings, store):
    """The text index for ingest, when this build has one (a Chroma server that is down does not stop
    the facts from being stored: the passages stay queued)."""
    try:
        from index.text_index import TextIndexer
    except ImportError:
        return None
    return TextIndexer.open(settings, store, lazy=True)


@cli.command()
@click.option("--batch", default=64, show_default=True, help="Chunks taken and embedded at a time.")
@click.option("--poll", default=2.0, show_default=True, help="Seconds between looks at an empty queue.")
@click.option("--until-empty", is_flag=True, help="Exit once the queue is empty instead of waiting for more.")
@click.pass_context
def worker(ctx: click.Context, batch: int, poll: float, until_empty: bool) -> None:
    """Embed queued passages into the text index (run any number, on any machine that reaches the
    database and the Chroma server). Stops between batches on SIGTERM or Ctrl-C."""
    import signal
    import threading

    from index.embed_queue import work

    s = _settings(ctx)
    try:
        store = _store(ctx)
        indexer = _indexer(s, store)
    except ReportQAError as e:
        _fail(e)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    click.echo(f"reportqa worker: {store.queue_size()} passages queued in {store.path}, index {indexer.where}",
               err=True)
    try:
        done = work(store, indexer, batch=batch, poll=poll, until_empty=until_empty, stop=stop,
                    report=lambda m: click.echo(m, err=True))
    except ReportQAError as e:
        _fail(e)
    click.echo(f"embedded {done} passages; {store.queue_size()} still queued")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per report.")
@click.pass_context
def reports(ctx: click.Context, as_json: bool) -> None:
    """List ingested reports."""
    from dataclasses import asdict

    store = _store(ctx)
    progress = store.progress()
    for r in store.reports():
        queued, embedded = progress.get(r.id, (0, 0))
        if as_json:
            click.echo(json.dumps({**asdict(r), "queued": queued, "embedded": embedded}, ensure_ascii=False))
        else:
            index = f"{embedded}/{queued + embedded} passages indexed" if queued + embedded else "no passages"
            click.echo(f"{r.id}\t{r.agency or '?'}\t{r.year or '?'}\t{r.kind or r.template or '-'}\t{r.format}\t"
                       f"{r.title or ''}\t{index}")


def fact_json(f) -> dict:
    """The public JSON shape of a fact (also used by the REST API)."""
    return {
        "report": f.report_id, "table": f.table, "row": list(f.row_path), "column": list(f.column_path),
        "keys": {"row": f.row_key, "column": f.column_key}, "value": str(f.value), "unit": f.unit,
        "status": f.status, "candidate": f.candidate,
        "source": {"page": f.page, "span": list(f.span) if f.span else None, "raw": f.raw, "sentence": f.sentence},
    }


@cli.command()
@click.argument("report")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per fact.")
@click.option("--table", help="Only facts of this table (t2, t3, t4, g1…, prose).")
@click.pass_context
def facts(ctx: click.Context, report: str, as_json: bool, table: str | None) -> None:
    """Print the facts of one report."""
    store = _store(ctx)
    try:
        store.report(report)
    except ReportQAError as e:
        _fail(e)
    for f in store.facts(report, table):
        if as_json:
            click.echo(json.dumps(fact_json(f), ensure_ascii=False))
        else:
            flag = "" if f.status == "exact" else f" [{f.status}{f' #{f.candidate}' if f.candidate else ''}]"
            col = " / ".join(f.column_path)
            click.echo(f"{f.table}\t{' / '.join(f.row_path)}\t{col}\t{f.value} {f.unit or ''}{flag}")


@cli.command()
@click.argument("report")
@click.pass_context
def check(ctx: click.Context, report: str) -> None:
    """Show the identity checks of one report (its template's or its finance kind's); exit 1 if any fails."""
    store = _store(ctx)
    try:
        store.report(report)
        warns = store.warnings(report)
    except ReportQAError as e:
        _fail(e)
    checks = store.checks(report)
    for c in checks:
        click.echo(f"{'ok  ' if c.ok else 'FAIL'} {c.name}: {c.description}" + ("" if c.ok else f" ({c.detail})"))
    for w in warns:
        click.echo(f"warning: {w}")
    bad = sum(not c.ok for c in checks)
    click.echo(f"{len(checks) - bad}/{len(checks)} checks hold")
    sys.exit(1 if bad else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def coverage(paths: tuple[Path, ...]) -> None:
    """Parse report files (nothing is stored) and print what each yields, as a Markdown table."""
    from index.coverage import coverage_table

    try:
        click.echo(coverage_table(list(paths)))
    except ReportQAError as e:
        _fail(e)


@cli.command()
@click.argument("report")
@click.pass_context
def delete(ctx: click.Context, report: str) -> None:
    """Delete one stored report: its facts, checks, passages and vectors."""
    from index.remove import delete_report

    s = _settings(ctx)
    try:
        store = _store(ctx)
        delete_report(store, _indexer(s, store), report, s.data_dir / "uploads")
    except ReportQAError as e:
        _fail(e)
    click.echo(f"deleted {report}")


def main() -> None:
    cli(prog_name="reportqa")


from ui.cmd_ask import ask  # noqa: E402

cli.add_command(ask)


from ui.cmd_serve import serve  # noqa: E402

cli.add_command(serve)


from ui.cmd_search import search  # noqa: E402

cli.add_command(search)


from ui.cmd_eval import bench, eval_cmd  # noqa: E402

cli.add_command(eval_cmd, "eval")
cli.add_command(bench)


from ui.cmd_export import audit, export  # noqa: E402

cli.add_command(export)
cli.add_command(audit)
