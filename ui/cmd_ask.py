"""`reportqa ask`: one question from the command line, as text or as the Answer JSON."""

from __future__ import annotations

import json
import sys

import click

from index.errors import ReportQAError
from index.settings import Settings


@click.command()
@click.argument("question")
@click.option("--report", "reports", multiple=True, help="Only these report ids (repeatable).")
@click.option("--agency", help="Only reports of this agency (any common name of it).")
@click.option("--year", type=click.IntRange(1949, 2100), help="Only reports for this year.")
@click.option("--json", "as_json", is_flag=True, help="Print the Answer as JSON.")
@click.pass_context
def ask(ctx: click.Context, question: str, reports: tuple[str, ...], agency: str | None, year: int | None,
        as_json: bool) -> None:
    """Answer a question over the ingested reports, citing every figure."""
    from qa.scope import Filters
    from qa.service import Service

    settings: Settings = ctx.obj["settings"]
    try:
        answer = Service(settings).ask(question, filters=Filters(tuple(reports), agency, year))
    except ReportQAError as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(answer.text)
    for c in answer.citations:
        where = f"第{c.page}页 " if c.page else ""
        click.echo(f"  [来源] {c.report} {where}{c.section}：{c.text[:160]}")
    if answer.status != "answered":
        click.echo(f"  （{answer.status}）")
