"""Benchmarks on this machine: ingest throughput, question latency, memory, and growth with scale.

    reportqa bench [--sizes 1000,10000] [--budget 900] [--no-samples] [--no-baseline] [--json OUT]
    python -m eval.bench …

What it measures, and why it is measured this way:

1. **Sample ingest** — the bundled reports through `Service.ingest` with the configured embedder
   (e5 by default), text inputs (txt/md/html) and PDFs timed apart, because PDF parsing and
   text parsing cost very different amounts.
2. **Question latency by type** — every question of the eval sets asked against those reports
   (after one warm-up question, whose cold start — model load, jieba, BM25 build — is reported
   on its own), p50/p95 per question type.
3. **Against the LangChain baseline** — the plain split-embed-retrieve pipeline from
   `eval/bench_retrieval.py` (reused, not copied) over the same reports and the same embedder:
   recall@5 and latency on its paraphrased retrieval questions.
4. **Scale** — a synthetic corpus (`eval/synthetic.py`) ingested cumulatively up to each size in
   `--sizes`; at each size: ingest time, SQLite and Chroma size on disk, figure-lookup latency
   (unscoped — the system must find the agency and year among all reports — and scoped, with the
   answers checked against the generated truth), retrieval latency, and the same for the baseline.
   On 2 cores e5 embeds only a few passages a second, so 10,000 reports (~430,000 chunks) cannot
   be embedded with e5 in a benchmark run: the scale run uses a deterministic 384-dimension hashing
   embedder (`fake:384`, the size of e5's vectors, so the stores grow as they would), and e5's real
   throughput is measured on a few synthetic reports and projected. `--budget` caps each size's
   ingest time; a size not reached within it is reported as such, with what was measured.

Peak memory is the process's maximum resident set (`resource.getrusage`), printed after each phase.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from eval.run import ask_one, load_items, percentile
from eval.score import values_match
from eval.synthetic import SyntheticReport, write_corpus

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def mb(n: float) -> str:
    return f"{n / 2**20:.1f} MB"


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def p50_p95(ms: Sequence[float]) -> str:
    return f"{percentile(ms, 50):.1f} / {percentile(ms, 95):.1f}" if ms else "–"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _settings(data_dir: Path, embedder: str | None = None):
    from index.settings import Settings

    s = Settings.from_env(data_dir=data_dir)
    return replace(s, embedder=embedder) if embedder else s


def _chunk_count(svc) -> int:
    return svc.indexer.count() if svc.indexer is not None else 0


# ---- 1 + 2: the bundled samples ------------------------------------------------------------------

def sample_ingest(samples: Path, data_dir: Path) -> tuple[object, dict]:
    """Ingest text inputs, then PDFs, into a fresh Service; throughput of each."""
    from qa.service import Service

    svc = Service(_settings(data_dir))
    files = sorted(p for p in samples.iterdir() if p.is_file())
    groups = {"text (txt/md/html)": [p for p in files if p.suffix.lower() in TEXT_SUFFIXES],
              "PDF": [p for p in files if p.suffix.lower() == ".pdf"]}
    rows = {}
    for name, paths in groups.items():
        if not paths:
            continue
        before = _chunk_count(svc)
        results, seconds = timed(lambda paths=paths: svc.ingest(paths))
        ok = sum(r.status != "failed" for r in results)
        chunks = _chunk_count(svc) - before
        rows[name] = {"reports": ok, "seconds": round(seconds, 2), "reports_per_s": round(ok / seconds, 3),
                      "chunks": chunks, "chunks_per_s": round(chunks / seconds, 2) if chunks else None,
                      "bytes": sum(p.stat().st_size for p in paths)}
        log(f"ingested {ok} {name} report(s) in {seconds:.1f}s")
    return svc, {"embedder": svc.settings.embedder, "groups": rows, "peak_rss_mb": round(peak_rss_mb(), 1)}


def latency_by_type(svc, qa_paths: Sequence[Path], samples: Path) -> dict:
    """Every eval question once (after a warm-up), latency per type."""
    items = load_items(qa_paths, samples)
    warm = items[0]
    _, cold = timed(lambda: ask_one(svc.ask, warm))
    # a describe question warms up the retriever too (query embedding, jieba, BM25 over all chunks)
    describe = next((it for it in items if it["type"] == "text_fact"), warm)
    _, cold_retrieval = timed(lambda: ask_one(svc.ask, describe))
    outcomes = [ask_one(svc.ask, it) for it in items]
    by_type: dict[str, list[float]] = {}
    for o in outcomes:
        by_type.setdefault(o.item["type"], []).append(o.latency_ms)
    every = [o.latency_ms for o in outcomes]
    return {
        "questions": len(items), "cold_start_ms": round(cold * 1000, 1),
        "cold_retrieval_ms": round(cold_retrieval * 1000, 1),
        "by_type": {t: {"n": len(v), "p50_ms": round(percentile(v, 50), 1), "p95_ms": round(percentile(v, 95), 1)}
                    for t, v in by_type.items()},
        "all": {"n": len(every), "p50_ms": round(percentile(every, 50), 1), "p95_ms": round(percentile(every, 95), 1)},
        "accuracy": round(sum(o.correct for o in outcomes) / len(outcomes), 4),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _baseline_module():
    """eval/bench_retrieval.py (the LangChain baseline), when this build has it."""
    try:
        from eval import bench_retrieval
    except ImportError:
        return None
    return bench_retrieval


def build_baseline(br, files: Sequence[Path], where: Path, embedder) -> tuple[object, float, int]:
    """(vector store, seconds, chunks) from bench_retrieval.build_baseline, whichever shape it returns.

    Its author is still shaping that module: it has returned both (vs, seconds, chunks) and
    (vs, Build(seconds, chunks, chars)); reading either keeps this benchmark running on both.
    """
    vs, *rest = br.build_baseline(files, where, embedder)
    if len(rest) == 1:
        return vs, rest[0].seconds, rest[0].chunks
    return vs, rest[0], rest[1]


def baseline_on_samples(svc, tmp: Path, k: int = 5) -> dict | None:
    """Recall@k and latency: our retriever (on the Service's stores) vs the LangChain baseline."""
    br = _baseline_module()
    if br is None or svc.indexer is None:
        return None
    questions = br.load_questions()
    files = br.sample_files({q.report for q in questions})
    vs, base_s, base_n = build_baseline(br, files, tmp, svc.indexer.embedder)
    ours_search = br.ours_search(svc.store, svc.indexer, k)
    ours_search(questions[0])
    ours = br.evaluate(questions, ours_search)
    base = br.evaluate(questions, br.baseline_search(vs, k))

    def row(outcomes) -> dict:
        ms = [o.seconds * 1000 for o in outcomes]
        return {"recall@1": round(br.recall(outcomes, 1), 3), f"recall@{k}": round(br.recall(outcomes, k), 3),
                "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1)}

    return {"questions": len(questions), "reports": len(files), "ours": row(ours),
            "baseline": {**row(base), "chunks": base_n, "build_s": round(base_s, 1)},
            "peak_rss_mb": round(peak_rss_mb(), 1)}


# ---- 4: scale ----------------------------------------------------------------------------------

def _figure_questions(reports: Sequence[SyntheticReport], n: int, rng: random.Random) -> list[tuple]:
    kinds = (("收到多少宗政府信息公开申请？", "新收"), ("行政许可决定有多少件？", "行政许可"),
             ("有多少申请因为政府没有这个信息而无法提供？", "不掌握"), ("企业申请了几宗？", "商业企业"))
    out = []
    for r in rng.sample(list(reports), min(n, len(reports))):
        text, key = rng.choice(kinds)
        out.append((r, f"{r.short_name}{r.year}年{text}", r.truth[key]))
    return out


def _lookup(svc, questions: list[tuple], scoped: bool) -> tuple[list[float], int]:
    from qa.scope import Filters

    ms, correct = [], 0
    for r, q, want in questions:
        started = time.perf_counter()
        answer = svc.ask(q, [], Filters(reports=(r.report_id,)) if scoped else None)
        ms.append((time.perf_counter() - started) * 1000)
        got = answer.to_json().get("result") or {}
        correct += answer.status == "answered" and values_match(want, got.get("value"), got.get("unit"), q)
    return ms, correct


def _retrieval(svc, questions: list[tuple]) -> dict:
    from qa.retrieve import retrieve
    from qa.scope import Filters

    _, build = timed(lambda: retrieve("政府信息公开申请", 5, None, store=svc.store, index=svc.indexer))
    scoped, unscoped = [], []
    for r, q, _ in questions:
        _, s = timed(lambda q=q, r=r: retrieve(q, 5, Filters(reports=(r.report_id,)), store=svc.store,
                                               index=svc.indexer))
        scoped.append(s * 1000)
        _, s = timed(lambda q=q: retrieve(q, 5, None, store=svc.store, index=svc.indexer))
        unscoped.append(s * 1000)
    return {"first_query_ms": round(build * 1000, 1), "scoped": p50_p95(scoped), "unscoped": p50_p95(unscoped)}


def _baseline_latency(vs, questions: list[tuple]) -> dict:
    scoped, unscoped = [], []
    for r, q, _ in questions:
        _, s = timed(lambda q=q, r=r: vs.similarity_search(q, k=5, filter={"report_id": r.report_id}))
        scoped.append(s * 1000)
        _, s = timed(lambda q=q: vs.similarity_search(q, k=5))
        unscoped.append(s * 1000)
    return {"scoped": p50_p95(scoped), "unscoped": p50_p95(unscoped)}


def scale_run(sizes: Sequence[int], budget_s: float, embedder: str, queries: int, baseline: bool,
              seed: int = 7) -> list[dict]:
    """Ingest a synthetic corpus cumulatively to each size (each step capped at `budget_s`)."""
    from index.embed import embedder_from_spec
    from qa.service import Service

    rng = random.Random(seed)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="reportqa-scale-", ignore_cleanup_errors=True) as tmp_name:
        tmp = Path(tmp_name)
        reports, gen_s = timed(lambda: write_corpus(tmp / "corpus", max(sizes), seed))
        log(f"wrote {len(reports)} synthetic reports in {gen_s:.1f}s")
        svc = Service(_settings(tmp / "data", embedder))
        br = _baseline_module() if baseline else None
        base_embedder = embedder_from_spec(embedder)
        vs, base_total_s, base_chunks = None, 0.0, 0
        done, ingest_total = 0, 0.0
        for size in sorted(sizes):
            started = time.perf_counter()
            step_files = []
            while done < size and time.perf_counter() - started < budget_s:
                r = reports[done]
                path = tmp / "corpus" / r.filename
                result = svc.ingest([path])[0]
                if result.status == "failed":
                    raise SystemExit(f"synthetic report failed to ingest: {result.error}")
                step_files.append(path)
                done += 1
                if done % 250 == 0:
                    log(f"  {done} reports ingested ({time.perf_counter() - started:.0f}s this step)")
            step_s = time.perf_counter() - started
            ingest_total += step_s
            row: dict = {"target": size, "reports": done, "reached": done >= size,
                         "ingest_step_s": round(step_s, 1), "ingest_total_s": round(ingest_total, 1),
                         "reports_per_s": round(len(step_files) / step_s, 2) if step_s else None,
                         "chunks": _chunk_count(svc),
                         "sqlite": disk_bytes(svc.settings.db_path) + disk_bytes(Path(f"{svc.settings.db_path}-wal")),
                         "chroma": disk_bytes(svc.settings.chroma_path)}
            log(f"size {size}: {done} reports in {ingest_total:.0f}s; measuring …")
            qs = _figure_questions(reports[:done], queries, rng)
            unscoped_ms, unscoped_ok = _lookup(svc, qs, scoped=False)
            scoped_ms, scoped_ok = _lookup(svc, qs, scoped=True)
            row["lookup_unscoped"] = {"p50/p95 ms": p50_p95(unscoped_ms), "correct": f"{unscoped_ok}/{len(qs)}"}
            row["lookup_scoped"] = {"p50/p95 ms": p50_p95(scoped_ms), "correct": f"{scoped_ok}/{len(qs)}"}
            row["retrieval"] = _retrieval(svc, qs)
            if br is not None and step_files:
                vs, s, n = build_baseline(br, step_files, tmp / "baseline", base_embedder)
                base_total_s += s
                base_chunks += n
                row["baseline"] = {"build_total_s": round(base_total_s, 1), "chunks": base_chunks,
                                   "chroma": disk_bytes(tmp / "baseline"), **_baseline_latency(vs, qs)}
            row["peak_rss_mb"] = round(peak_rss_mb(), 1)
            rows.append(row)
            if done < size:
                log(f"size {size} not reached within {budget_s:.0f}s: stopped at {done}")
                break
    return rows


def e5_projection(count: int, sizes: Sequence[int]) -> dict | None:
    """e5's real ingest throughput on `count` synthetic reports, projected to each size."""
    if count <= 0:
        return None
    from qa.service import Service

    with tempfile.TemporaryDirectory(prefix="reportqa-e5-", ignore_cleanup_errors=True) as tmp_name:
        tmp = Path(tmp_name)
        reports = write_corpus(tmp / "corpus", count, seed=11)
        svc = Service(_settings(tmp / "data", "e5"))
        svc.indexer.embedder.embed_query("预热")  # load the model outside the timing
        _, seconds = timed(lambda: svc.ingest([tmp / "corpus" / r.filename for r in reports]))
        chunks = _chunk_count(svc)
    per_report = seconds / count
    return {"reports": count, "seconds": round(seconds, 1), "chunks": chunks,
            "chunks_per_s": round(chunks / seconds, 2), "s_per_report": round(per_report, 2),
            "projected_hours": {str(n): round(n * per_report / 3600, 1) for n in sizes}}


# ---- report ------------------------------------------------------------------------------------

def markdown(results: dict) -> str:
    """The benchmark figures as Markdown tables (what `reportqa bench` prints)."""
    out = [f"# reportqa benchmark ({results['machine']})", ""]
    s = results.get("samples")
    if s:
        out += [f"## Ingest throughput (bundled samples, embedder {s['embedder']})", "",
                "| input | reports | seconds | reports/s | chunks | chunks/s |", "|---|---|---|---|---|---|"]
        for name, g in s["groups"].items():
            out.append(f"| {name} | {g['reports']} | {g['seconds']} | {g['reports_per_s']} | {g['chunks']} | "
                       f"{g['chunks_per_s'] or '–'} |")
        out += ["", f"Peak memory after ingest: {s['peak_rss_mb']} MB", ""]
    lat = results.get("latency")
    if lat:
        out += [f"## Question latency by type ({lat['questions']} eval questions, warm)", "",
                "| type | n | p50 ms | p95 ms |", "|---|---|---|---|"]
        out += [f"| {t} | {v['n']} | {v['p50_ms']} | {v['p95_ms']} |" for t, v in lat["by_type"].items()]
        out += [f"| **all** | {lat['all']['n']} | {lat['all']['p50_ms']} | {lat['all']['p95_ms']} |", "",
                f"Cold start (first question: model load, caches): {lat['cold_start_ms']} ms; first passage "
                f"question: {lat['cold_retrieval_ms']} ms. Eval accuracy in this run: {lat['accuracy'] * 100:.1f}%. "
                f"Peak memory: {lat['peak_rss_mb']} MB.", ""]
    b = results.get("baseline_samples")
    if b:
        out += [f"## Retrieval vs the LangChain baseline ({b['questions']} questions over {b['reports']} reports)", "",
                "| retriever | recall@1 | recall@5 | p50 ms | p95 ms |", "|---|---|---|---|---|",
                f"| hybrid (ours) | {b['ours']['recall@1']} | {b['ours']['recall@5']} | {b['ours']['p50_ms']} | "
                f"{b['ours']['p95_ms']} |",
                f"| LangChain split + Chroma | {b['baseline']['recall@1']} | {b['baseline']['recall@5']} | "
                f"{b['baseline']['p50_ms']} | {b['baseline']['p95_ms']} |", ""]
    scale = results.get("scale")
    if scale:
        out += [f"## Scale (synthetic reports, embedder {results['scale_embedder']}, "
                f"budget {results['budget_s']:.0f} s per size)", "",
                "| size | reached | ingest s (total) | reports/s | chunks | SQLite | Chroma "
                "| lookup unscoped p50/p95 ms (correct) | lookup scoped p50/p95 ms (correct) "
                "| retrieval scoped p50/p95 ms | retrieval unscoped p50/p95 ms | first retrieval ms | peak RSS MB |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in scale:
            lu, ls, rt = r["lookup_unscoped"], r["lookup_scoped"], r["retrieval"]
            reached = f"{r['reports']}{'' if r['reached'] else ' (budget)'}"
            out.append(f"| {r['target']} | {reached} | {r['ingest_total_s']} | "
                       f"{r['reports_per_s']} | {r['chunks']} | {mb(r['sqlite'])} | {mb(r['chroma'])} | "
                       f"{lu['p50/p95 ms']} ({lu['correct']}) | {ls['p50/p95 ms']} ({ls['correct']}) | "
                       f"{rt['scoped']} | {rt['unscoped']} | {rt['first_query_ms']} | {r['peak_rss_mb']} |")
        if any("baseline" in r for r in scale):
            out += ["", "LangChain baseline on the same synthetic reports and embedder:", "",
                    "| size | build s (total) | chunks | Chroma | query scoped p50/p95 ms "
                    "| query unscoped p50/p95 ms |",
                    "|---|---|---|---|---|---|"]
            out += [f"| {r['reports']} | {r['baseline']['build_total_s']} | {r['baseline']['chunks']} | "
                    f"{mb(r['baseline']['chroma'])} | {r['baseline']['scoped']} | {r['baseline']['unscoped']} |"
                    for r in scale if "baseline" in r]
        out.append("")
    e5 = results.get("e5_projection")
    if e5:
        proj = ", ".join(f"{n} reports ≈ {h} h" for n, h in e5["projected_hours"].items())
        out += ["## e5 on synthetic reports", "",
                f"{e5['reports']} reports ({e5['chunks']} chunks) in {e5['seconds']} s: {e5['chunks_per_s']} chunks/s, "
                f"{e5['s_per_report']} s per report. Projected e5 ingest: {proj}.", ""]
    out.append(f"Total benchmark time: {results['total_s']:.0f} s.")
    return "\n".join(out) + "\n"


def run_bench(samples: Path | None, qa_paths: Sequence[Path], sizes: Sequence[int], budget_s: float,
              scale_embedder: str, queries: int, baseline: bool, e5_reports: int) -> dict:
    """Every phase in order; a phase left out (None, empty sizes) is skipped."""
    started = time.perf_counter()
    results: dict = {"machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
                     "scale_embedder": scale_embedder, "budget_s": budget_s}
    if samples is not None:
        with tempfile.TemporaryDirectory(prefix="reportqa-bench-", ignore_cleanup_errors=True) as tmp_name:
            tmp = Path(tmp_name)
            svc, results["samples"] = sample_ingest(samples, tmp / "data")
            log("asking the eval questions …")
            results["latency"] = latency_by_type(svc, qa_paths, samples)
            if baseline:
                log("building the LangChain baseline on the samples …")
                results["baseline_samples"] = baseline_on_samples(svc, tmp)
    if sizes:
        results["scale"] = scale_run(sizes, budget_s, scale_embedder, queries, baseline)
    if e5_reports:
        log(f"measuring e5 on {e5_reports} synthetic reports …")
        results["e5_projection"] = e5_projection(e5_reports, sizes or (1000, 10000))
    results["total_s"] = time.perf_counter() - started
    return results


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--samples", type=Path, default=ROOT / "samples", help="report folder for phases 1–3")
    p.add_argument("--qa", type=Path, nargs="*", default=[ROOT / "eval" / "qa"], help="Q&A sets for latency")
    p.add_argument("--no-samples", action="store_true", help="skip phases 1–3 (sample ingest, latency, baseline)")
    p.add_argument("--sizes", default="1000,10000", help="synthetic corpus sizes, comma-separated ('' = none)")
    p.add_argument("--budget", type=float, default=900, help="seconds of ingest allowed per size")
    p.add_argument("--scale-embedder", default="fake:384", help="embedder spec for the scale run")
    p.add_argument("--queries", type=int, default=30, help="questions timed at each size")
    p.add_argument("--no-baseline", action="store_true", help="skip the LangChain baseline")
    p.add_argument("--e5-reports", type=int, default=5, help="synthetic reports to embed with e5 (0 = skip)")
    p.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    args = p.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = run_bench(None if args.no_samples else args.samples, args.qa, sizes, args.budget,
                        args.scale_embedder, args.queries, not args.no_baseline, args.e5_reports)
    print(markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
