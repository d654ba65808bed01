"""`reportqa eval` and `reportqa bench`: thin click faces over eval.run and eval.bench.

The eval never writes into the user's data dir: it ingests into a fresh temporary one unless
`--data-dir` names one on purpose; the group's other settings (embedder, Chroma URL …) still apply.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("eval")
@click.argument("qa", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--reports", "reports_dir", required=True, multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of report files to ingest (e.g. samples); repeat for several.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("eval-out"), show_default=True,
              help="Where results.jsonl, summary.md and the chart are written.")
@click.option("--data-dir", "eval_data_dir", type=click.Path(path_type=Path), default=None,
              help="Use (and ingest into) this data dir instead of a fresh temporary one.")
@click.option("--min-accuracy", type=float, default=None,
              help="Exit 1 when overall accuracy is below this (0.85 or 85).")
@click.pass_context
def eval_cmd(ctx: click.Context, qa: tuple[Path, ...], reports_dir: tuple[Path, ...], out: Path,
             eval_data_dir: Path | None,
             min_accuracy: float | None) -> None:
    """Score the system on Q&A sets (JSONL files or folders of them) over the reports in --reports."""
    from eval.run import evaluate_command

    settings = ctx.obj["settings"] if ctx.obj else None
    sys.exit(evaluate_command(list(qa), list(reports_dir), out, eval_data_dir, min_accuracy, settings))


@click.command()
@click.option("--samples", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("samples"),
              show_default=True, help="Report folder for ingest throughput, latency and the baseline.")
@click.option("--qa", "qa_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Q&A sets whose questions are timed (default: eval/qa).")
@click.option("--no-samples", is_flag=True, help="Skip the sample phases (ingest, latency, baseline).")
@click.option("--sizes", default="1000,10000", show_default=True, help="Synthetic corpus sizes, comma-separated.")
@click.option("--budget", type=float, default=900, show_default=True, help="Seconds of ingest allowed per size.")
@click.option("--scale-embedder", default="fake:384", show_default=True, help="Embedder spec for the scale run.")
@click.option("--queries", type=int, default=30, show_default=True, help="Questions timed at each size.")
@click.option("--no-baseline", is_flag=True, help="Skip the LangChain baseline.")
@click.option("--e5-reports", type=int, default=5, show_default=True,
              help="Synthetic reports embedded with e5 to project its ingest time (0 = skip).")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None, help="Also write raw figures here.")
@click.option("--scale", is_flag=True,
              help="Only the scale run at --sizes on SQLite + embedded Chroma and on PostgreSQL + a Chroma server "
                   "(both started on loopback): ingest, embedding with one and two workers, serving after a restart.")
@click.option("--setups", default="sqlite,servers", show_default=True, help="With --scale: sqlite, servers or both.")
@click.option("--embed-chunks", type=int, default=None,
              help="With --scale: embed at most this many chunks per size (the rest stay queued).")
@click.option("--e5-sample", type=int, default=0, show_default=True,
              help="With --scale: also embed this many reports with the real e5, one worker then two (0 = skip).")
@click.option("--e5-chunks", type=int, default=600, show_default=True,
              help="With --scale: chunks the e5 sample embeds.")
def bench(samples: Path, qa_paths: tuple[Path, ...], no_samples: bool, sizes: str, budget: float, scale_embedder: str,
          queries: int, no_baseline: bool, e5_reports: int, json_out: Path | None, scale: bool, setups: str,
          embed_chunks: int | None, e5_sample: int, e5_chunks: int) -> None:
    """Benchmark ingest throughput, latency, memory and growth with corpus size on this machine."""
    if scale:
        from eval import bench_scale

        results = bench_scale.run_scale([int(s) for s in sizes.split(",") if s.strip()],
                                        [s.strip() for s in setups.split(",") if s.strip()], queries,
                                        embed_chunks=embed_chunks, e5_sample=e5_sample, e5_chunks=e5_chunks)
        click.echo(bench_scale.markdown(results))
        if json_out:
            import json

            json_out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
        return
    from eval.bench import ROOT, markdown, run_bench

    qa = list(qa_paths) or [ROOT / "eval" / "qa"]
    size_list = [int(s) for s in sizes.split(",") if s.strip()]
    results = run_bench(None if no_samples else samples, qa, size_list, budget, scale_embedder, queries,
                        not no_baseline, e5_reports)
    click.echo(markdown(results))
    if json_out:
        import json

        json_out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
