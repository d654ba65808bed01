"""Load benchmark: N concurrent clients asking through POST /api/ask for a fixed time, on loopback.

    python -m eval.bench_load --data-dir data --clients 8 --seconds 30
    python -m eval.bench_load --url http://127.0.0.1:7860 --clients 4
    python -m eval.bench_load --data-dir data --clients 20 --seconds 20 --upload samples/01_huaian_shi_2024.pdf …

Without --url it starts `reportqa serve` on a free loopback port over --data-dir (in its own
process, so the clients do not share the server's interpreter lock) and stops it afterwards.
Questions are built from the reports the server holds: figure look-ups, a passage question and a
comparison, in rotation. Prints throughput and latency percentiles; --json writes them too.

Every answer is checked, so speed is never bought with wrong answers: a figure look-up must give
the value the report's stored fact holds (read from GET /api/reports/{id}/facts), and every answer
must say what the same question got on the quiet server before the run (status, result and the
figures cited). An answer that does not is counted as wrong, and a few are printed.

With --upload, the files are uploaded through POST /api/reports (one request each, in turn) while
the clients ask: the questions must not wait for the ingest (its facts commit in one short
transaction, its passages are embedded off the request path), so the figures to watch are p95,
max and errors during the upload, and how long the upload and its embedding took.

Loopback only: this is a load generator, and it refuses to point at any other host.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlsplit

import httpx

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Result:
    clients: int
    seconds: float
    requests: int
    errors: int
    throughput_rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int]
    ingest: dict | None = None
    wrong: int = 0
    wrong_examples: list[str] = field(default_factory=list)
    while_storing: dict | None = None  # the questions asked before the upload's facts were stored


@dataclass(frozen=True)
class Probe:
    """A question, and for a figure look-up the report and template cell whose stored fact answers it."""

    question: str
    report: str | None = None
    cell: tuple[str, str] | None = None  # (row key, column key)


@dataclass(frozen=True)
class Expected:
    """What an answer must say: the reference answer's gist, and the stored figure when one is known."""

    gist: tuple
    value: Decimal | None = None
    report: str | None = None


FIGURE_QUESTIONS = (("收到多少件政府信息公开申请？", ("t3.new", "total")),
                    ("商业企业申请了多少件？", ("t3.new", "commercial")),
                    ("予以公开了多少件？", ("t3.disclosed", "total")))


def questions_for(reports: list[dict]) -> list[Probe]:
    """A mix the server can answer from the reports it holds (fast figure look-ups, slower passages)."""
    rs = [r for r in reports if r.get("agency") and r.get("year")]
    qs: list[Probe] = []
    for r in rs[:6]:
        who = f"{r['agency']}{r['year']}年"
        qs += [Probe(who + q, r["id"], cell) for q, cell in FIGURE_QUESTIONS]
        qs.append(Probe(f"{who}主动公开方面做了哪些工作？"))
    agencies = list(dict.fromkeys(r["agency"] for r in rs))
    if len(agencies) >= 2:
        qs.append(Probe(f"比较{agencies[0]}和{agencies[1]}收到的政府信息公开申请数量"))
    return qs or [Probe("收到多少件政府信息公开申请？")]


def gist(answer: dict) -> tuple:
    """What must not change under load: status, result and the figures cited (report, value)."""
    result = answer.get("result") or {}
    figures = tuple(sorted((f.get("report") or "", f.get("value") or "") for f in answer.get("figures") or ()))
    return answer.get("status"), result.get("value"), result.get("unit"), figures


def _decimal(text: object) -> Decimal | None:
    try:
        return Decimal(str(text))
    except (InvalidOperation, ValueError):
        return None


def stored_value(facts: list[dict], cell: tuple[str, str]) -> Decimal | None:
    """The one value a report stores for a template cell (None when it has none, or an ambiguous reading)."""
    values = {_decimal(f["value"]) for f in facts
              if (f["keys"]["row"], f["keys"]["column"]) == cell and f.get("status") != "ambiguous"}
    return values.pop() if len(values) == 1 else None


def check(answer: dict, expected: Expected) -> str | None:
    """Why an answer is wrong, or None when it says what it must."""
    if expected.value is not None:
        result = answer.get("result") or {}
        if answer.get("status") != "answered" or _decimal(result.get("value")) != expected.value:
            return f"expected {expected.value}, got {answer.get('status')} {result.get('value')}"
        if any(f.get("report") != expected.report for f in answer.get("figures") or ()):
            return f"cites a report other than {expected.report}"
    if gist(answer) != expected.gist:
        return f"differs from the quiet answer {expected.gist[:3]}: {gist(answer)[:3]}"
    return None


async def reference(http: httpx.AsyncClient, probes: Sequence[Probe]) -> tuple[dict[str, Expected], list[str]]:
    """Each question asked once, alone, on the quiet server; its figure checked against the stored fact.
    Returns the expectations and the questions whose quiet answer is already wrong."""
    facts: dict[str, list[dict]] = {}
    expected: dict[str, Expected] = {}
    wrong: list[str] = []
    for p in probes:
        value = None
        if p.report and p.cell:
            if p.report not in facts:
                r = await http.get(f"/api/reports/{p.report}/facts")
                facts[p.report] = r.json()["facts"] if r.status_code == 200 else []
            value = stored_value(facts[p.report], p.cell)
        answer = (await http.post("/api/ask", json={"question": p.question})).raise_for_status().json()
        expected[p.question] = Expected(gist(answer), value, p.report)
        if (why := check(answer, expected[p.question])) is not None:
            wrong.append(f"{p.question}: {why}")
    return expected, wrong


def percentile(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return float("nan")
    k = min(len(sorted_ms) - 1, max(0, round(p / 100 * (len(sorted_ms) - 1))))
    return sorted_ms[k]


async def upload(http: httpx.AsyncClient, files: list[Path], api_key: str | None = None,
                 stored_at: list[float] | None = None) -> dict:
    """Upload each file in turn; then wait until the server's queue of passages to embed is empty.
    `stored_at` receives the moment the last file's facts were stored."""
    started = time.perf_counter()
    statuses = []
    headers = {"X-API-Key": api_key} if api_key else {}
    for path in files:
        r = await http.post("/api/reports", files=[("files", (path.name, path.read_bytes()))], headers=headers,
                            timeout=600)
        statuses.append(r.status_code)
    stored = time.perf_counter() - started
    if stored_at is not None:
        stored_at.append(time.perf_counter())
    queued = None
    while time.perf_counter() - started < 600:
        queued = (await http.get("/api/health")).json().get("index", {}).get("queued")
        if not queued:
            break
        await asyncio.sleep(0.5)
    return {"files": len(files), "statuses": statuses, "facts_stored_s": round(stored, 1),
            "embedded_s": round(time.perf_counter() - started, 1), "left_queued": queued}


async def run(url: str, clients: int, seconds: float, questions: Sequence[Probe | str], timeout: float = 60,
              uploads: list[Path] | None = None, api_key: str | None = None,
              expected: dict[str, Expected] | None = None) -> Result:
    """Each client asks the next question as soon as it has the last answer, until time is up (the
    upload, with `uploads`, goes on to its end). With `expected`, every answer is checked."""
    texts = [q.question if isinstance(q, Probe) else q for q in questions]
    latencies: list[float] = []
    started_at: list[float] = []
    stored_at: list[float] = []
    statuses: Counter[str] = Counter()
    errors = wrong = 0
    examples: list[str] = []
    deadline = time.perf_counter() + seconds

    async def client(n: int, http: httpx.AsyncClient) -> None:
        nonlocal errors, wrong
        i = n
        while time.perf_counter() < deadline:
            q = texts[i % len(texts)]
            i += clients
            t0 = time.perf_counter()
            try:
                r = await http.post("/api/ask", json={"question": q})
                r.raise_for_status()
                answer = r.json()
                statuses[answer["status"]] += 1
            except (httpx.HTTPError, KeyError, ValueError):
                errors += 1
                continue
            latencies.append((time.perf_counter() - t0) * 1000)
            started_at.append(t0)
            if expected is not None and (why := check(answer, expected[q])) is not None:
                wrong += 1
                if len(examples) < 5:
                    examples.append(f"{q}: {why}")

    limits = httpx.Limits(max_connections=clients + 1, max_keepalive_connections=clients + 1)
    ingest = None
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits, trust_env=False) as http:
        started = time.perf_counter()

        async def asking() -> float:
            await asyncio.gather(*(client(n, http) for n in range(clients)))
            return time.perf_counter() - started

        if uploads:
            elapsed, ingest = await asyncio.gather(asking(), upload(http, uploads, api_key, stored_at))
        else:
            elapsed = await asking()
    ms = sorted(latencies)
    storing = None
    if stored_at:
        early = sorted(m for m, t0 in zip(latencies, started_at, strict=True) if t0 < stored_at[0])
        storing = {"requests": len(early), "p50_ms": round(percentile(early, 50), 1),
                   "p95_ms": round(percentile(early, 95), 1), "max_ms": round(early[-1], 1) if early else None}
    return Result(clients, round(elapsed, 2), len(ms), errors, round(len(ms) / elapsed, 2),
                  round(percentile(ms, 50), 1), round(percentile(ms, 95), 1), round(percentile(ms, 99), 1),
                  round(ms[-1], 1) if ms else float("nan"), dict(statuses), ingest, wrong, examples, storing)


async def _reference(url: str, probes: Sequence[Probe]) -> tuple[dict[str, Expected], list[str]]:
    async with httpx.AsyncClient(base_url=url, timeout=120, trust_env=False) as http:
        return await reference(http, probes)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, env: dict[str, str] | None = None) -> tuple[str, subprocess.Popen]:
    """`reportqa serve` on a free loopback port, returned once /api/health answers."""
    port = _free_port()
    env = dict(env if env is not None else os.environ, GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1")
    cmd = [sys.executable, "-c", "from ui.cli import main; main()", "--data-dir", str(data_dir),
           "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(url + "/api/health", timeout=2, trust_env=False).status_code == 200:
                return url, proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.terminate()
    raise SystemExit("server did not start within 120 s")


def main(argv: list[str] | None = None) -> Result:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="A running server on loopback (default: start one over --data-dir).")
    ap.add_argument("--data-dir", type=Path, default=Path(os.environ.get("REPORTQA_DATA_DIR", "data")))
    ap.add_argument("--clients", type=int, default=4, help="Concurrent clients (default 4).")
    ap.add_argument("--seconds", type=float, default=20, help="How long to keep asking (default 20).")
    ap.add_argument("--warmup", type=float, default=2, help="Seconds of untimed asking first (default 2).")
    ap.add_argument("--upload", type=Path, nargs="*", default=[],
                    help="Report files uploaded through the API while the clients ask.")
    ap.add_argument("--api-key", default=os.environ.get("REPORTQA_API_KEY"), help="X-API-Key for --upload.")
    ap.add_argument("--json", type=Path, help="Also write the result here.")
    args = ap.parse_args(argv)

    proc = None
    if args.url:
        host = urlsplit(args.url).hostname
        if host not in LOOPBACK:
            ap.error(f"--url must be on loopback ({', '.join(sorted(LOOPBACK))}), not {host!r}")
        url = args.url.rstrip("/")
    else:
        url, proc = start_server(args.data_dir)
    try:
        reports = httpx.get(url + "/api/reports", timeout=30, trust_env=False).json()
        questions = questions_for(reports)
        expected, quiet_wrong = asyncio.run(_reference(url, questions))
        if args.warmup > 0:
            asyncio.run(run(url, args.clients, args.warmup, questions))
        result = asyncio.run(run(url, args.clients, args.seconds, questions, uploads=args.upload,
                                 api_key=args.api_key, expected=expected))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"{len(reports)} reports, {len(questions)} questions in rotation, {result.clients} clients, "
          f"{result.seconds} s")
    print(f"requests {result.requests}  errors {result.errors}  throughput {result.throughput_rps} req/s")
    print(f"latency ms  p50 {result.p50_ms}  p95 {result.p95_ms}  p99 {result.p99_ms}  max {result.max_ms}")
    print("answer statuses " + ", ".join(f"{k} {v}" for k, v in sorted(result.statuses.items())))
    checked = sum(1 for e in expected.values() if e.value is not None)
    print(f"wrong answers {result.wrong} (each answer checked against its quiet answer; {checked} of "
          f"{len(questions)} questions also against the stored fact)")
    for line in quiet_wrong:
        print(f"  wrong even on the quiet server: {line}")
    for line in result.wrong_examples:
        print(f"  wrong under load: {line}")
    if result.ingest:
        i = result.ingest
        print(f"upload of {i['files']} file(s) during the run: HTTP {i['statuses']}, facts stored after "
              f"{i['facts_stored_s']} s, passages embedded after {i['embedded_s']} s ({i['left_queued']} left queued)")
        if result.while_storing:
            w = result.while_storing
            print(f"  asked before the facts were stored: {w['requests']} requests, p50 {w['p50_ms']}  "
                  f"p95 {w['p95_ms']}  max {w['max_ms']} ms")
    if args.json:
        args.json.write_text(json.dumps(asdict(result), ensure_ascii=False, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
