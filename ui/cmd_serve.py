"""`reportqa serve`: the web chat, REST API and widget under uvicorn, on this machine's data dir."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 to accept other machines.")
@click.option("--port", default=7860, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the chat at /, the REST API at /api (docs at /docs) and the widget at /widget.js."""
    import uvicorn  # heavy imports only here, so `reportqa --help` stays fast

    from ui.app import create_app

    settings = ctx.obj["settings"]
    click.echo(f"reportqa: data in {settings.data_dir}, serving http://{host}:{port}/ (API docs at /docs)")
    # stop within seconds on SIGTERM: requests still running after 5 s are cancelled (an upload's
    # ingest is all-or-nothing per report, and queued passages wait in the database)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", timeout_graceful_shutdown=5)
