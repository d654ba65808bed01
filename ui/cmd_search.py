"""`reportqa search`: the passages hybrid retrieval finds for a query, ranked, with where they are."""

from __future__ import annotations

import json
import sys

import click

from index.errors import ReportQAError
from index.settings import Settings


@click.command()
@click.argument("query", required=False, default="")
@click.option("--report", "reports", multiple=True, help="Only these report ids (repeatable).")
@click.option("--agency", help="Only reports whose agency contains this (e.g. 厚街镇).")
@click.option("--year", type=click.IntRange(1949, 2100), help="Only reports for this year.")
@click.option("--k", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="How many passages.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per passage.")
@click.option("--reindex", is_flag=True,
              help="Rebuild the text index from the stored chunks first (after changing REPORTQA_EMBEDDER).")
@click.pass_context
def search(ctx: click.Context, query: str, reports: tuple[str, ...], agency: str | None, year: int | None, k: int,
           as_json: bool, reindex: bool) -> None:
    """Search the ingested reports' passages (BM25 + embeddings, fused)."""
    from index.store import open_store
    from index.text_index import TextIndexer
    from qa.retrieve import retrieve
    from qa.scope import Filters

    settings: Settings = ctx.obj["settings"]
    if not query and not reindex:
        raise click.UsageError("give a QUERY (or --reindex)")
    try:
        store = open_store(settings.data_dir, settings.database_url)
        index = TextIndexer.open(settings, store, rebuild=reindex)
        missing = index.sync(store) if reindex else 0
        if reindex:
            click.echo(f"reindexed {missing} chunks with {index.embedder.name}", err=True)
        if not query:
            return
        hits = retrieve(query, k, Filters(tuple(reports), agency, year), store=store, index=index)
    except ReportQAError as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(2)
    if not hits:
        click.echo("no passages found" + ("" if store.reports() else " (nothing ingested yet: run `reportqa ingest`)"),
                   err=True)
        sys.exit(1)
    for rank, (chunk, score) in enumerate(hits, start=1):
        if as_json:
            click.echo(json.dumps({
                "rank": rank, "score": round(score, 6), "report": chunk.report_id, "section": chunk.section,
                "kind": chunk.kind, "page": chunk.page, "id": chunk.id, "text": chunk.text,
            }, ensure_ascii=False))
            continue
        page = f" p.{chunk.page}" if chunk.page else ""
        click.echo(f"{rank}. [{score:.4f}] {chunk.report_id}{page} · {chunk.section or '（导言）'}")
        click.echo("   " + chunk.text.replace("\n", "\n   "))
