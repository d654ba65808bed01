"""`reportqa serve`: the web chat, REST API and widget under uvicorn, on this machine's data dir."""

from __future__ import annotations

import gc

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
    app = create_app(settings)
    long_lived_out_of_gc()
    # stop within seconds on SIGTERM: requests still running after 5 s are cancelled (an upload's
    # ingest is all-or-nothing per report, and queued passages wait in the database)
    uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=5)


def long_lived_out_of_gc() -> None:
    """Keep the cycle collector's full passes short in a serving process.

    A full pass walks every object the process holds (the web framework, the tokeniser's
    dictionary, the cached facts): 100–230 ms each, during which no question is answered, several
    times a minute under load. What is alive at start-up, and what survives a full pass, is there
    to stay: it is moved out of the collector's sight (`gc.freeze`), so each pass walks only what
    was made since the last. Such objects are still freed when nothing refers to them any more;
    only a reference cycle among them would outlive its use."""
    gc.collect()
    gc.freeze()
    if _freeze_survivors not in gc.callbacks:
        gc.callbacks.append(_freeze_survivors)


def _freeze_survivors(phase: str, info: dict) -> None:
    if phase == "stop" and info.get("generation") == 2:
        gc.freeze()
