"""The scale benchmark: the synthetic corpus on (a) SQLite + embedded Chroma and (b) PostgreSQL + a
Chroma server, at each size, with the hashing embedder (`fake:384`, e5's vector size).

    reportqa bench --scale --sizes 300,1000 [--setups sqlite,servers] [--queries 30] [--json OUT]
                   [--embed-chunks N] [--e5-sample 100 --e5-chunks 600]
    python -m eval.bench_scale --sizes 300,1000

Per setup and size it prints:

* **ingest, facts**: reports/s through parse + store with the passages only queued (what
  `reportqa ingest` costs before any embedding; figure questions answer from then on);
* **embedding, chunks/s**: draining that queue into Chroma — in-process for SQLite; for the
  servers by `reportqa worker` processes of one thread each (OMP_NUM_THREADS=1), one first and
  then a second beside it, so the speed-up of two workers over one is measured on the same queue;
  `--embed-chunks N` stops after N chunks (the rest stay queued: passages of reports not reached
  yet are found by their words alone), so a large size needs no hour of draining;
* **serving**, in a fresh process (as after a restart), the way `reportqa serve` answers: time from
  process start to the first figure answer and to the first passage answer, figure lookup and
  passage p50/p95 over `--queries` questions each (figures checked against the generated truth,
  passages against their report), a search across every report (`reportqa search` without
  `--report`), the reports whose facts it holds, and the process's peak RSS;
* **disk**: the fact database and the Chroma data.

`--e5-sample N` also embeds an N-report sample with the real e5 model (bundled, CPU) on fresh servers,
one worker and then two (one thread each), for `--e5-chunks` chunks: the embedding rate that
matters, since the hashing embedder costs next to nothing.

The PostgreSQL and Chroma servers are real ones started on loopback in temporary directories
(eval/servers.py) and stopped at the end. The targets of the scale work are printed beside the
figures; they are stated for 10,000 reports on the servers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from eval.run import percentile
from eval.synthetic import SyntheticReport, write_corpus

ROOT = Path(__file__).resolve().parent.parent
SETUPS = {"sqlite": "SQLite + embedded Chroma", "servers": "PostgreSQL + Chroma server"}
TARGETS = {"serving RSS": "≤ 1.5 GB", "figure p50": "≤ 50 ms", "passage p95": "≤ 300 ms",
           "first answer after restart": "≤ 5 s", "two workers vs one": "≥ 1.7×", "facts ingest": "≥ 20 reports/s"}
FIGURES = (("收到多少宗政府信息公开申请？", "新收"), ("行政许可决定有多少件？", "行政许可"),
           ("有多少申请因为政府没有这个信息而无法提供？", "不掌握"), ("企业申请了几宗？", "商业企业"))
PASSAGE = "存在的主要问题及改进情况是什么？"
SEARCHES = ("政府信息公开工作存在的主要问题", "行政复议和行政诉讼情况", "主动公开政府信息情况", "政府网站建设")
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def disk_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _env(settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTQA_")}
    env.update(extra)
    env.update(REPORTQA_DATA_DIR=str(settings.data_dir), REPORTQA_EMBEDDER=settings.embedder,
               REPORTQA_DATABASE_URL=settings.database_url, REPORTQA_CHROMA_URL=settings.chroma_url,
               PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", OMP_WAIT_POLICY="PASSIVE")
    return env


def _questions(reports: Sequence[SyntheticReport], n: int, seed: int) -> dict:
    rng = random.Random(seed)
    picked = rng.sample(list(reports), min(n, len(reports)))
    figures = []
    for r in picked:
        text, key = rng.choice(FIGURES)
        figures.append({"q": f"{r.short_name}{r.year}年{text}", "want": str(r.truth[key])})
    passages = [{"q": f"{r.short_name}{r.year}年{PASSAGE}", "report": r.report_id} for r in picked]
    return {"figures": figures, "passages": passages}


# ---- the serving probe (runs in its own process) ---------------------------------------------------

def probe(questions_path: Path) -> dict:
    """Open the service from the environment's settings as `reportqa serve` would, answer the
    questions, and report times, correctness and peak RSS (one JSON object on stdout)."""
    started = time.time()
    from eval.score import values_match
    from index.settings import Settings
    from qa.service import Service

    qs = json.loads(questions_path.read_text(encoding="utf-8"))
    svc = Service(Settings.from_env())
    opened = time.time()
    first_figure = svc.ask(qs["figures"][0]["q"])
    t_figure = time.time()
    first_passage = svc.ask(qs["passages"][0]["q"])
    t_passage = time.time()
    fig_ms, fig_ok = [], 0
    for item in qs["figures"]:
        t0 = time.perf_counter()
        a = svc.ask(item["q"])
        fig_ms.append((time.perf_counter() - t0) * 1000)
        got = a.to_json().get("result") or {}
        fig_ok += a.status == "answered" and values_match(item["want"], got.get("value"), got.get("unit"), item["q"])
    pas_ms, pas_ok = [], 0
    for item in qs["passages"]:
        t0 = time.perf_counter()
        a = svc.ask(item["q"])
        pas_ms.append((time.perf_counter() - t0) * 1000)
        pas_ok += a.status == "answered" and bool(a.citations) and a.citations[0].report == item["report"]
    from qa.retrieve import retrieve

    search_ms, found = [], 0
    for q in SEARCHES:  # across every report, as `reportqa search` without --report
        t0 = time.perf_counter()
        found += bool(retrieve(q, 5, None, store=svc.store, index=svc.indexer))
        search_ms.append((time.perf_counter() - t0) * 1000)
    return {
        "started": started, "open_s": round(opened - started, 2),
        "first_figure_s": round(t_figure - started, 2), "first_passage_s": round(t_passage - started, 2),
        "first_ok": [first_figure.status, first_passage.status],
        "figure_p50_ms": round(percentile(fig_ms, 50), 1), "figure_p95_ms": round(percentile(fig_ms, 95), 1),
        "figure_correct": f"{fig_ok}/{len(fig_ms)}",
        "passage_p50_ms": round(percentile(pas_ms, 50), 1), "passage_p95_ms": round(percentile(pas_ms, 95), 1),
        "passage_correct": f"{pas_ok}/{len(pas_ms)}",
        "search_all_p50_ms": round(percentile(search_ms, 50), 1), "search_all_max_ms": round(max(search_ms), 1),
        "search_all_found": f"{found}/{len(search_ms)}", "facts_cached": svc.qa.kb.cached(),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _run_probe(settings, questions: dict, tmp: Path) -> dict:
    path = tmp / "questions.json"
    path.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    spawned = time.time()
    out = subprocess.run([sys.executable, "-m", "eval.bench_scale", "--probe", str(path)], env=_env(settings),
                         cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        raise SystemExit(f"serving probe failed: {out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["restart_to_first_figure_s"] = round(result["first_figure_s"] + result["started"] - spawned, 2)
    result["restart_to_first_passage_s"] = round(result["first_passage_s"] + result["started"] - spawned, 2)
    return result


# ---- embedding ------------------------------------------------------------------------------------

def _worker(settings, batch: int = 64) -> subprocess.Popen:
    """A `reportqa worker` of one thread (so two of them can show their scaling on two cores)."""
    return subprocess.Popen([sys.executable, "-c", "from ui.cli import main; main()", "worker", "--until-empty",
                             "--batch", str(batch)], env=_env(settings, **ONE_THREAD), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _ready(proc: subprocess.Popen) -> None:
    """Wait for a worker's first line (imports done, store open), then keep its pipe drained."""
    proc.stderr.readline()
    threading.Thread(target=proc.stderr.read, daemon=True).start()


def _wait_below(store, level: int, timeout: float = 3600) -> tuple[float, int]:
    deadline = time.monotonic() + timeout
    while True:
        q = store.queue_size()
        if q <= level or time.monotonic() > deadline:
            return time.perf_counter(), q
        time.sleep(0.2)


def embed_with_workers(settings, store, limit: int | None = None, batch: int = 64) -> dict:
    """One worker on the first ~40% of the chunks to embed, then a second beside it for the rest;
    with `limit`, both stop (SIGTERM, between batches) once that many chunks are embedded."""
    total = store.queue_size()
    if not total:
        return {"chunks": 0}
    goal = min(total, limit) if limit else total
    started = time.perf_counter()
    one = _worker(settings, batch)
    _ready(one)
    t0, q0 = time.perf_counter(), store.queue_size()
    t1, q1 = _wait_below(store, total - int(goal * 0.4))
    two = _worker(settings, batch)
    _ready(two)
    t2, q2 = time.perf_counter(), store.queue_size()
    t3, q3 = _wait_below(store, total - goal)
    for p in (one, two):
        if p.poll() is None:
            p.terminate()
    for p in (one, two):
        p.wait(timeout=300)
    done = total - store.queue_size()
    rate1 = (q0 - q1) / (t1 - t0) if t1 > t0 else None
    rate2 = (q2 - q3) / (t3 - t2) if t3 > t2 and q2 > q3 else None
    return {"chunks": total, "embedded": done, "seconds": round(t3 - started, 1),
            "chunks_per_s": round((total - q3) / (t3 - started), 1),
            "one_worker_chunks_per_s": round(rate1, 1) if rate1 else None,
            "two_workers_chunks_per_s": round(rate2, 1) if rate2 else None,
            "speedup": round(rate2 / rate1, 2) if rate1 and rate2 else None}


def embed_in_process(store, indexer, limit: int | None = None) -> dict:
    """Drain the queue here, batch by batch (as `reportqa ingest` does with SQLite), up to `limit`."""
    total = store.queue_size()
    goal = min(total, limit) if limit else total
    done, t0 = 0, time.perf_counter()
    while done < goal:
        with store.claim(min(64, goal - done)) as chunks:
            if not chunks:
                break
            indexer.embed(chunks)
        done += len(chunks)
    seconds = time.perf_counter() - t0
    return {"chunks": total, "embedded": done, "seconds": round(seconds, 1),
            "chunks_per_s": round(done / seconds, 1) if done else None}


# ---- one setup at every size --------------------------------------------------------------------------

def run_setup(setup: str, corpus: list[SyntheticReport], corpus_dir: Path, sizes: Sequence[int], queries: int,
              seed: int, embed_chunks: int | None = None) -> list[dict]:
    from eval.servers import ChromaServer, postgres_server
    from index.ingest import ingest_paths
    from index.settings import Settings
    from index.store import open_store
    from index.text_index import TextIndexer

    rows = []
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"reportqa-scale-{setup}-",
                                                                   ignore_cleanup_errors=True)))
        settings = Settings.from_env(env={}, data_dir=tmp / "data", embedder="fake:384")
        if setup == "servers":
            url = stack.enter_context(postgres_server(durable=True))  # fsync on, as a real server runs
            chroma = stack.enter_context(ChromaServer(tmp / "chroma-server"))
            settings = replace(settings, database_url=url, chroma_url=chroma.url)
        store = open_store(settings.data_dir, settings.database_url)
        stack.callback(store.close)
        indexer = TextIndexer.open(settings)
        done = 0
        for size in sorted(sizes):
            files = [corpus_dir / r.filename for r in corpus[done:size]]
            t0 = time.perf_counter()
            results = ingest_paths(files, store, indexer=indexer, embed=False)
            facts_s = time.perf_counter() - t0
            failed = [r for r in results if r.status == "failed"]
            if failed:
                raise SystemExit(f"synthetic report failed to ingest: {failed[0].error}")
            done = size
            log(f"[{setup}] {size} reports: facts stored in {facts_s:.0f}s; embedding …")
            embed = (embed_with_workers(settings, store, embed_chunks) if setup == "servers"
                     else embed_in_process(store, indexer, embed_chunks))
            log(f"[{setup}] {size} reports: {embed['embedded']} of {embed['chunks']} chunks embedded; serving probe …")
            serving = _run_probe(settings, _questions(corpus[:size], queries, seed + size), tmp)
            db = (_pg_size(store) if setup == "servers" else
                  disk_bytes(settings.db_path) + disk_bytes(Path(f"{settings.db_path}-wal")))
            vectors = disk_bytes(tmp / "chroma-server" if setup == "servers" else settings.chroma_path)
            rows.append({"setup": setup, "reports": size, "new_reports": len(files),
                         "facts_reports_per_s": round(len(files) / facts_s, 1), "embedding": embed,
                         "serving": serving, "db_bytes": db, "chroma_bytes": vectors,
                         # the benchmark's own process: it ingested (and, with SQLite, embedded) so far
                         "ingest_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})
            log(f"[{setup}] {size}: {json.dumps(rows[-1], ensure_ascii=False)}")
    return rows


def _pg_size(store) -> int:
    return int(store._q("SELECT pg_database_size(current_database())")[0][0])


def run_e5_sample(corpus: list[SyntheticReport], corpus_dir: Path, reports: int, chunks: int) -> dict:
    """The real e5 model on fresh servers: facts of `reports` reports, then `chunks` chunks embedded
    by one worker and then two (one thread each)."""
    from eval.servers import ChromaServer, postgres_server
    from index.ingest import ingest_paths
    from index.settings import Settings
    from index.store import open_store
    from index.text_index import TextIndexer

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="reportqa-scale-e5-",
                                                                   ignore_cleanup_errors=True)))
        url = stack.enter_context(postgres_server(durable=True))
        chroma = stack.enter_context(ChromaServer(tmp / "chroma-server"))
        settings = Settings.from_env(env={}, data_dir=tmp / "data", embedder="e5", database_url=url,
                                     chroma_url=chroma.url)
        store = open_store(settings.data_dir, settings.database_url)
        stack.callback(store.close)
        files = [corpus_dir / r.filename for r in corpus[:reports]]
        ingest_paths(files, store, indexer=TextIndexer.open(settings), embed=False)
        log(f"[e5] {reports} reports stored, {store.queue_size()} chunks queued; embedding {chunks} …")
        embed = embed_with_workers(settings, store, chunks, batch=16)
    return {"reports": reports, **embed}


def run_scale(sizes: Sequence[int], setups: Sequence[str] = tuple(SETUPS), queries: int = 30, seed: int = 7,
              embed_chunks: int | None = None, e5_sample: int = 0, e5_chunks: int = 600) -> dict:
    started = time.perf_counter()
    out: dict = {"machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}", "embedder": "fake:384",
                 "sizes": list(sizes), "rows": [], "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="reportqa-corpus-", ignore_cleanup_errors=True) as tmp_name:
        corpus_dir = Path(tmp_name)
        corpus = write_corpus(corpus_dir, max([*sizes, e5_sample]), seed)
        if e5_sample:
            out["e5"] = run_e5_sample(corpus, corpus_dir, e5_sample, e5_chunks)
            log(f"[e5] {json.dumps(out['e5'])}")
        for setup in setups:
            out["rows"] += run_setup(setup, corpus, corpus_dir, sizes, queries, seed, embed_chunks)
    out["total_s"] = round(time.perf_counter() - started, 1)
    out["load_after"] = os.getloadavg()
    return out


def markdown(results: dict) -> str:
    mb = lambda n: f"{n / 2**20:.0f} MB"  # noqa: E731
    load = lambda xs: " / ".join(f"{x:.1f}" for x in xs)  # noqa: E731
    lines = [f"# reportqa scale benchmark ({results['machine']}, embedder {results['embedder']})", "",
             "| setup | reports | facts ingest reports/s | embedding chunks/s (1 → 2 workers) | chunks embedded "
             "| figure p50/p95 ms | passage p50/p95 ms | search all reports p50 / max ms "
             "| restart → first figure / passage s | serving RSS | reports cached | database | Chroma |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results["rows"]:
        e, s = r["embedding"], r["serving"]
        workers = (f" ({e['one_worker_chunks_per_s']} → {e['two_workers_chunks_per_s']}, ×{e['speedup']})"
                   if e.get("speedup") else "")
        lines.append(
            f"| {SETUPS[r['setup']]} | {r['reports']} | {r['facts_reports_per_s']} | "
            f"{e.get('chunks_per_s')}{workers} | {e.get('embedded', e.get('chunks'))} of {e.get('chunks')} | "
            f"{s['figure_p50_ms']} / {s['figure_p95_ms']} ({s['figure_correct']}) | "
            f"{s['passage_p50_ms']} / {s['passage_p95_ms']} ({s['passage_correct']}) | "
            f"{s['search_all_p50_ms']} / {s['search_all_max_ms']} ({s['search_all_found']}) | "
            f"{s['restart_to_first_figure_s']} / {s['restart_to_first_passage_s']} | {s['rss_mb']:.0f} MB | "
            f"{s['facts_cached']} | {mb(r['db_bytes'])} | {mb(r['chroma_bytes'])} |")
    if results.get("e5"):
        e = results["e5"]
        lines += ["", f"Real e5, {e['reports']} reports on PostgreSQL + Chroma server, {e['embedded']} chunks: "
                  f"one worker {e['one_worker_chunks_per_s']} chunks/s, two workers "
                  f"{e['two_workers_chunks_per_s']} chunks/s (×{e['speedup']}), one thread each."]
    lines += ["", "Targets at 10,000 reports on PostgreSQL + Chroma server: "
              + "; ".join(f"{k} {v}" for k, v in TARGETS.items()) + ".", "",
              f"Load average (1/5/15 min) before {load(results['load_before'])}, after "
              f"{load(results['load_after'])}. Total benchmark time: {results['total_s']:.0f} s.", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.bench_scale", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="300,1000", help="corpus sizes, comma-separated")
    p.add_argument("--setups", default=",".join(SETUPS), help="sqlite, servers or both")
    p.add_argument("--queries", type=int, default=30, help="figure and passage questions timed at each size")
    p.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    p.add_argument("--embed-chunks", type=int, default=None, help="embed at most this many chunks per size")
    p.add_argument("--e5-sample", type=int, default=0, help="also embed this many reports with the real e5")
    p.add_argument("--e5-chunks", type=int, default=600, help="chunks the e5 sample embeds (1 then 2 workers)")
    p.add_argument("--probe", type=Path, default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(args.probe)))
        return 0
    results = run_scale([int(s) for s in args.sizes.split(",") if s.strip()],
                        [s.strip() for s in args.setups.split(",") if s.strip()], args.queries,
                        embed_chunks=args.embed_chunks, e5_sample=args.e5_sample, e5_chunks=args.e5_chunks)
    print(markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
