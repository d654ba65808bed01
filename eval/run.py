"""The evaluation run: ingest a folder of reports, ask every question of a Q&A set, score, report.

`reportqa eval QA.jsonl --reports DIR [--reports DIR2]` and `python -m eval …` both end here.
The run goes through the same `Service` as the CLI and the web app (real embedder, real Chroma),
so what it measures is what a user gets. It writes, under `--out`:

* `results.jsonl` — one line per question: what was expected, what came back (status, headline
  number, answer text, figures, citations), the score and why, and the latency;
* `summary.md` — accuracy overall and per type, refusal accuracy, confident wrong numbers,
  retrieval recall@5, latency p50/p95, accuracy per report, and every failure;
* `accuracy_by_type.png` — the per-type accuracy as a bar chart.

A Q&A line is {"id", "question", "answer", "type", "source"?, "value"?, "reports"?, "evidence"?,
"scoped"?}; `source` (where the answer is printed) is shown in the failures table when given.
`validate_item` says exactly what a bad line lacks, so a broken set fails loudly before any model
is loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eval.score import NUMERIC_TYPES, TYPES, evidence_hit, parse_quantity, score

REQUIRED = ("id", "question", "answer", "type")


class QASetError(ValueError):
    """A Q&A set that cannot be evaluated; the message names the file, line and field."""


Folders = Path | Sequence[Path]


def _folders(reports: Folders | None) -> list[Path]:
    """One --reports folder or several (the bundled samples and the held-out reports together)."""
    if reports is None:
        return []
    return [reports] if isinstance(reports, Path) else list(reports)


def validate_item(item: object, reports_dir: Folders | None = None) -> list[str]:
    """Everything wrong with one Q&A line (empty when it is fine)."""
    if not isinstance(item, dict):
        return ["not a JSON object"]
    errors = [f"missing {k!r}" for k in REQUIRED if not item.get(k) and item.get(k) != 0]
    kind = item.get("type")
    if kind is not None and kind not in TYPES:
        errors.append(f"type {kind!r} is not one of {', '.join(TYPES)}")
    value = item.get("value")
    if kind in NUMERIC_TYPES and value is None:
        errors.append(f"type {kind} needs a 'value'")
    if value is not None and parse_quantity(value) is None:
        errors.append(f"value {value!r} holds no number")
    if kind == "unanswerable" and value is not None:
        errors.append("an unanswerable question has no 'value'")
    reports = item.get("reports", [])
    if not isinstance(reports, list) or not all(isinstance(r, str) for r in reports):
        errors.append("'reports' must be a list of file names")
    elif reports_dir is not None:
        where = _folders(reports_dir)
        errors += [f"report {r!r} is not in {' or '.join(map(str, where))}" for r in reports
                   if not any((d / r).is_file() for d in where)]
    evidence = item.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) and e for e in evidence):
        errors.append("'evidence' must be a list of non-empty strings")
    if "scoped" in item and not isinstance(item["scoped"], bool):
        errors.append("'scoped' must be true or false")
    return errors


def qa_files(paths: Iterable[Path]) -> list[Path]:
    """The JSONL files given, folders expanded to their *.jsonl (sorted)."""
    out: list[Path] = []
    for p in paths:
        out += sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    return out


def load_items(paths: Iterable[Path], reports_dir: Folders | None = None) -> list[dict]:
    """Read and validate Q&A lines; raise QASetError listing every bad line, and duplicate ids."""
    items: list[dict] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in qa_files(paths):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e.msg})")
                continue
            problems += [f"{where}: {e}" for e in validate_item(item, reports_dir)]
            if isinstance(item, dict) and "id" in item:
                if item["id"] in seen:
                    problems.append(f"{where}: id {item['id']!r} already used at {seen[item['id']]}")
                seen[str(item["id"])] = where
                items.append({**item, "_file": path.name})
    if problems:
        raise QASetError("bad Q&A set:\n  " + "\n  ".join(problems))
    if not items:
        raise QASetError("no questions found in " + ", ".join(str(p) for p in paths))
    return items


def report_ids(item: dict) -> tuple[str, ...]:
    """The filter a question is asked with: its reports' ids, unless it is unscoped."""
    if item.get("scoped", True) is False:
        return ()
    return tuple(Path(r).stem for r in item.get("reports", []))


@dataclass
class Outcome:
    """One question's result line."""

    item: dict
    answer: dict
    correct: bool
    confident_wrong: bool
    reason: str
    latency_ms: float
    recall_hit: bool | None

    def to_json(self) -> dict:
        it = self.item
        return {
            "id": it["id"], "question": it["question"], "type": it["type"], "reports": it.get("reports", []),
            "scoped": it.get("scoped", True),
            "expected": {"answer": it["answer"], "value": it.get("value"), "source": it.get("source")},
            "got": {"status": self.answer.get("status"), "result": self.answer.get("result"),
                    "answer": self.answer.get("answer")},
            "status": self.answer.get("status"), "score": int(self.correct), "confident_wrong": self.confident_wrong,
            "reason": self.reason, "figures": self.answer.get("figures", []),
            "citations": self.answer.get("citations", []), "recall_at_5": self.recall_hit,
            "latency_ms": round(self.latency_ms, 1),
        }


def ask_one(ask: Callable[..., object], item: dict) -> Outcome:
    """Ask one question through `ask(question, history, filters)`; a crash is a scored failure, not an abort."""
    from qa.scope import Filters

    ids = report_ids(item)
    started = time.perf_counter()
    try:
        answer = ask(item["question"], [], Filters(reports=ids) if ids else None).to_json()
    except Exception as e:  # one crashing question must not hide the other results
        detail = traceback.format_exception_only(type(e), e)[-1].strip()
        answer = {"status": "error", "answer": detail, "result": None, "figures": [], "citations": []}
    latency = (time.perf_counter() - started) * 1000
    s = score(item, answer)
    evidence = item.get("evidence") or []
    hit = evidence_hit(evidence, answer.get("citations", [])) if evidence and item["type"] != "unanswerable" else None
    return Outcome(item, answer, s.correct, s.confident_wrong, s.reason, latency, hit)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): plain and stable for small samples."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


@dataclass
class Group:
    n: int = 0
    correct: int = 0
    confident_wrong: int = 0
    latencies: list[float] = field(default_factory=list)

    def add(self, o: Outcome) -> None:
        self.n += 1
        self.correct += o.correct
        self.confident_wrong += o.confident_wrong
        self.latencies.append(o.latency_ms)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0


@dataclass
class EvalReport:
    """The measured numbers of one run (what summary.md shows)."""

    outcomes: list[Outcome]
    ingest_seconds: float
    ingest_failures: list[str]

    @property
    def overall(self) -> Group:
        g = Group()
        for o in self.outcomes:
            g.add(o)
        return g

    def by(self, key: Callable[[Outcome], str]) -> dict[str, Group]:
        groups: dict[str, Group] = {}
        for o in self.outcomes:
            groups.setdefault(key(o), Group()).add(o)
        return groups

    @property
    def by_type(self) -> dict[str, Group]:
        groups = self.by(lambda o: o.item["type"])
        return {t: groups[t] for t in TYPES if t in groups}

    @property
    def by_report(self) -> dict[str, Group]:
        def key(o: Outcome) -> str:
            reps = o.item.get("reports", [])
            if o.item["type"] == "comparison" or len(reps) != 1:
                return "(cross-report / none)"
            return Path(reps[0]).stem
        return dict(sorted(self.by(key).items()))

    @property
    def accuracy(self) -> float:
        return self.overall.accuracy

    @property
    def refusal_accuracy(self) -> float | None:
        g = self.by_type.get("unanswerable")
        return g.accuracy if g else None

    @property
    def false_refusals(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.item["type"] != "unanswerable" and o.answer.get("status") == "refused"]

    @property
    def recall_at_5(self) -> tuple[int, int]:
        hits = [o.recall_hit for o in self.outcomes if o.recall_hit is not None]
        return sum(hits), len(hits)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]


def run_eval(
    qa_paths: Sequence[Path],
    reports_dir: Folders,
    data_dir: Path | None = None,
    settings: object | None = None,
    progress: Callable[[Iterable[dict]], Iterable[dict]] = lambda xs: xs,
    log: Callable[[str], None] = lambda s: None,
) -> EvalReport:
    """Ingest the report folder(s) (into `data_dir`, or a fresh temporary one) and answer every question.

    `settings` lets a caller pass its own Settings (embedder, Chroma URL …); its data dir is
    replaced by the one the eval uses, so an eval never writes into a user's data.
    """
    items = load_items(qa_paths, reports_dir)
    if data_dir is not None:
        return _run(items, reports_dir, data_dir, settings, progress, log)
    with tempfile.TemporaryDirectory(prefix="reportqa-eval-", ignore_cleanup_errors=True) as tmp:
        return _run(items, reports_dir, Path(tmp), settings, progress, log)


def _run(items: list[dict], reports_dir: Folders, data_dir: Path, settings: object | None,
         progress: Callable[[Iterable[dict]], Iterable[dict]], log: Callable[[str], None]) -> EvalReport:
    from dataclasses import replace

    from index.settings import Settings
    from qa.service import Service

    s = replace(settings, data_dir=data_dir) if settings is not None else Settings.from_env(data_dir=data_dir)
    svc = Service(s)
    started = time.perf_counter()
    folders = _folders(reports_dir)
    results = svc.ingest(folders)
    ingest_seconds = time.perf_counter() - started
    failed = [f"{r.path}: {r.error}" for r in results if r.status == "failed"]
    log(f"ingested {len(results) - len(failed)} report(s) from {', '.join(map(str, folders))} in {ingest_seconds:.1f}s"
        + (f", {len(failed)} failed" if failed else ""))
    outcomes = [ask_one(svc.ask, item) for item in progress(items)]
    return EvalReport(outcomes, ingest_seconds, failed)


# ---- writing the report -------------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.1f}%"


def _got(o: Outcome) -> str:
    r = o.answer.get("result") or {}
    value = f"{r.get('value')}{r.get('unit') or ''}" if r else "—"
    text = (o.answer.get("answer") or "").replace("\n", " ").replace("|", "｜")
    return f"{o.answer.get('status')}; {value}; {text[:140]}{'…' if len(text) > 140 else ''}"


def summary_markdown(report: EvalReport, title: str = "reportqa evaluation") -> str:
    """The human-readable summary (summary.md)."""
    ov = report.overall
    hits, with_evidence = report.recall_at_5
    lines = [
        f"# {title}", "",
        "| measure | value |", "|---|---|",
        f"| questions | {ov.n} |",
        f"| accuracy | **{_pct(ov.accuracy)}** ({ov.correct}/{ov.n}) |",
        f"| refusal accuracy (unanswerable refused) | {_pct(report.refusal_accuracy)} |",
        f"| answerable questions refused | {len(report.false_refusals)} |",
        f"| confident wrong numbers | {ov.confident_wrong} |",
        f"| retrieval recall@5 (questions with evidence) | "
        f"{_pct(hits / with_evidence if with_evidence else None)} ({hits}/{with_evidence}) |",
        f"| latency p50 / p95 | {percentile(ov.latencies, 50):.0f} ms / {percentile(ov.latencies, 95):.0f} ms |",
        f"| ingest time | {report.ingest_seconds:.1f} s |",
        "",
        "## Per type", "",
        "| type | n | correct | accuracy | confident wrong | p50 ms | p95 ms |", "|---|---|---|---|---|---|---|",
    ]
    for t, g in report.by_type.items():
        lines.append(f"| {t} | {g.n} | {g.correct} | {_pct(g.accuracy)} | {g.confident_wrong} | "
                     f"{percentile(g.latencies, 50):.0f} | {percentile(g.latencies, 95):.0f} |")
    lines += ["", "## Per report", "", "| report | n | accuracy |", "|---|---|---|"]
    lines += [f"| {k} | {g.n} | {_pct(g.accuracy)} |" for k, g in report.by_report.items()]
    if report.ingest_failures:
        lines += ["", "## Ingest failures", ""] + [f"- {f}" for f in report.ingest_failures]
    lines += ["", f"## Failures ({len(report.failures)})", "",
              "| id | type | question | expected | source | got (status; value; answer) | why |",
              "|---|---|---|---|---|---|---|"]
    for o in report.failures:
        it = o.item
        expected = it.get("value") or it["answer"]
        lines.append(f"| {it['id']} | {it['type']} | {it['question']} | {expected} | {it.get('source') or ''} | "
                     f"{_got(o)} | {'**confident wrong** ' if o.confident_wrong else ''}{o.reason} |")
    return "\n".join(lines) + "\n"


def write_chart(report: EvalReport, path: Path) -> bool:
    """Accuracy per type as a PNG; False (and no file) when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display on servers and CI
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    groups = report.by_type
    names = list(groups)
    acc = [groups[t].accuracy * 100 for t in names]
    fig, ax = plt.subplots(figsize=(8, 4))
    bars = ax.bar(names, acc, color="#3b6ea5")
    for bar, t in zip(bars, names, strict=True):
        g = groups[t]
        ax.annotate(f"{g.correct}/{g.n}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, 105)
    ax.set_ylabel("accuracy (%)")
    ax.set_title(f"Accuracy per question type (overall {report.accuracy * 100:.1f}%)")
    ax.tick_params(axis="x", labelrotation=15)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def write_outputs(report: EvalReport, out_dir: Path) -> dict[str, Path]:
    """Write results.jsonl, summary.md and the chart; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = out_dir / "results.jsonl"
    with results.open("w", encoding="utf-8") as f:
        for o in report.outcomes:
            f.write(json.dumps(o.to_json(), ensure_ascii=False) + "\n")
    summary = out_dir / "summary.md"
    chart = out_dir / "accuracy_by_type.png"
    text = summary_markdown(report)
    if write_chart(report, chart):
        text += "\n![accuracy per type](accuracy_by_type.png)\n"
    else:
        text += "\n(chart skipped: matplotlib is not installed)\n"
    summary.write_text(text, encoding="utf-8")
    paths = {"results": results, "summary": summary}
    if chart.exists():
        paths["chart"] = chart
    return paths


def threshold(x: float) -> float:
    """--min-accuracy accepts 0.85 or 85 (percent)."""
    return x / 100 if x > 1 else x


def console_summary(report: EvalReport) -> str:
    hits, n_ev = report.recall_at_5
    per_type = ", ".join(f"{t} {_pct(g.accuracy)} ({g.correct}/{g.n})" for t, g in report.by_type.items())
    ov = report.overall
    return (f"accuracy {_pct(ov.accuracy)} ({ov.correct}/{ov.n}); {per_type}\n"
            f"refusal accuracy {_pct(report.refusal_accuracy)}; confident wrong numbers {ov.confident_wrong}; "
            f"recall@5 {_pct(hits / n_ev if n_ev else None)} ({hits}/{n_ev}); "
            f"latency p50 {percentile(ov.latencies, 50):.0f} ms, p95 {percentile(ov.latencies, 95):.0f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m eval QA.jsonl|DIR... --reports DIR [--out DIR] [--data-dir DIR] [--min-accuracy X]`."""
    p = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[0])
    p.add_argument("qa", nargs="+", type=Path, help="Q&A JSONL files or folders of them")
    p.add_argument("--reports", required=True, type=Path, action="append",
                   help="folder of report files to ingest (repeat for several)")
    p.add_argument("--out", type=Path, default=Path("eval-out"), help="where results.jsonl, summary.md go")
    p.add_argument("--data-dir", type=Path, default=None, help="use this data dir instead of a fresh one")
    p.add_argument("--min-accuracy", type=float, default=None, help="exit 1 below this (0.85 or 85)")
    args = p.parse_args(argv)
    return evaluate_command(args.qa, args.reports, args.out, args.data_dir, args.min_accuracy)


def evaluate_command(qa: Sequence[Path], reports: Folders, out: Path, data_dir: Path | None,
                     min_accuracy: float | None, settings: object | None = None) -> int:
    """The shared body of `reportqa eval` and `python -m eval`; returns the exit code."""
    from tqdm import tqdm

    def log(s: str) -> None:
        print(s, file=sys.stderr)

    for folder in _folders(reports):
        if not folder.is_dir():
            log(f"Error: --reports {folder} is not a folder of report files.")
            return 2
    try:
        report = run_eval(list(qa), reports, data_dir, settings, log=log,
                          progress=lambda xs: tqdm(list(xs), desc="eval", unit="q", file=sys.stderr))
    except QASetError as e:
        log(f"Error: {e}")
        return 2
    paths = write_outputs(report, out)
    print(console_summary(report))
    print("wrote " + ", ".join(str(p) for p in paths.values()))
    if min_accuracy is not None and report.accuracy < threshold(min_accuracy):
        print(f"FAIL: accuracy {report.accuracy * 100:.1f}% is below the minimum {threshold(min_accuracy) * 100:.1f}%")
        return 1
    return 0
