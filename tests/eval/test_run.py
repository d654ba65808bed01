"""The eval run end to end on one small report with the fake embedder: outputs, threshold, CLI."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from eval.run import evaluate_command, main, percentile, run_eval, summary_markdown, validate_item, write_outputs
from index.settings import Settings
from ui.cli import cli

SEED = "00_houjie_zhen_2023.txt"
ITEMS = [
    {"id": "t1", "question": "企业申请了几宗？", "answer": "2宗", "value": "2", "type": "table_cell",
     "reports": [SEED], "evidence": ["商业企业"], "source": "表三 新收 × 商业企业"},
    {"id": "t2", "question": "厚街镇2023年收到了多少宗政府信息公开申请？", "answer": "14宗", "value": "14",
     "type": "table_cell", "reports": [SEED], "scoped": False, "source": "表三 新收 × 总计"},
    {"id": "t3", "question": "北京市2023年的GDP是多少？", "answer": "无", "type": "unanswerable", "scoped": False,
     "source": "not in the corpus"},
    {"id": "t4", "question": "企业申请了几宗？", "answer": "故意写错", "value": "999", "type": "table_cell",
     "reports": [SEED], "source": "a deliberately wrong expectation, to see a failure reported"},
]


@pytest.fixture()
def setup(tmp_path: Path, samples_dir: Path) -> tuple[Path, Path, Settings]:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(samples_dir / SEED, reports / SEED)
    qa = tmp_path / "set.jsonl"
    qa.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in ITEMS), encoding="utf-8")
    settings = replace(Settings.from_env(env={}), embedder="fake")
    return reports, qa, settings


def test_run_scores_and_writes_outputs(setup: tuple[Path, Path, Settings], tmp_path: Path) -> None:
    reports, qa, settings = setup
    report = run_eval([qa], reports, settings=settings)
    by_id = {o.item["id"]: o for o in report.outcomes}
    assert by_id["t1"].correct and by_id["t1"].recall_hit is True
    assert by_id["t2"].correct
    assert by_id["t4"].confident_wrong and not by_id["t4"].correct
    assert report.overall.n == 4 and report.ingest_failures == []

    paths = write_outputs(report, tmp_path / "out")
    lines = [json.loads(x) for x in paths["results"].read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["t1", "t2", "t3", "t4"]
    first = lines[0]
    assert {"question", "expected", "got", "status", "score", "figures", "citations", "latency_ms"} <= set(first)
    assert first["got"]["result"]["value"] == "2" and first["figures"]
    summary = paths["summary"].read_text(encoding="utf-8")
    assert "| table_cell | 3 |" in summary and "t4" in summary and "confident wrong" in summary
    assert "a deliberately wrong expectation" in summary  # the failing line's source, shown
    assert paths["chart"].read_bytes()[:4] == b"\x89PNG"


def test_fresh_data_dir_is_not_the_users(setup: tuple[Path, Path, Settings], tmp_path: Path) -> None:
    reports, qa, settings = setup
    kept = tmp_path / "kept"
    run_eval([qa], reports, data_dir=kept, settings=replace(settings, data_dir=tmp_path / "users"))
    assert (kept / "facts.sqlite3").exists() and not (tmp_path / "users").exists()


def test_min_accuracy_sets_the_exit_code(setup: tuple[Path, Path, Settings], tmp_path: Path) -> None:
    reports, qa, settings = setup
    out = tmp_path / "out"
    assert evaluate_command([qa], reports, out, None, 0.5, settings) == 0
    assert evaluate_command([qa], reports, out, None, 90, settings) == 1  # 90 means 90 %


def test_source_is_optional(setup: tuple[Path, Path, Settings], tmp_path: Path) -> None:
    reports, _, settings = setup
    items = [{k: v for k, v in i.items() if k != "source"} for i in ITEMS]
    assert all(validate_item(i, reports) == [] for i in items)
    qa = tmp_path / "no_source.jsonl"
    qa.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    report = run_eval([qa], reports, settings=settings)
    assert report.overall.n == 4 and sum(o.correct for o in report.outcomes) == 3
    assert "| t4 |" in summary_markdown(report)


def test_bad_set_exits_2_before_ingesting(tmp_path: Path, samples_dir: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "q", "type": "table_cell"}\n', encoding="utf-8")
    assert main([str(bad), "--reports", str(samples_dir), "--out", str(tmp_path / "o")]) == 2


def test_cli_eval(setup: tuple[Path, Path, Settings], tmp_path: Path) -> None:
    reports, qa, _ = setup
    out = tmp_path / "cli-out"
    result = CliRunner().invoke(cli, ["eval", str(qa), "--reports", str(reports), "--out", str(out),
                                      "--min-accuracy", "0.99"], env={"REPORTQA_EMBEDDER": "fake"})
    assert result.exit_code == 1, result.output
    assert "accuracy 75.0% (3/4)" in result.output and "below the minimum" in result.output
    assert (out / "results.jsonl").exists() and (out / "summary.md").exists()


def test_summary_without_outcomes_is_still_a_table() -> None:
    from eval.run import EvalReport

    text = summary_markdown(EvalReport([], 0.0, []))
    assert "| questions | 0 |" in text


def test_percentile_nearest_rank() -> None:
    assert percentile([], 50) == 0.0
    assert percentile([5.0], 95) == 5.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0


def test_reports_from_several_folders(setup: tuple[Path, Path, Settings], tmp_path: Path, samples_dir: Path) -> None:
    reports, _, settings = setup
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(samples_dir / "08_pingtan_junshan_2022.txt", other)
    qa = tmp_path / "two.jsonl"
    items = [ITEMS[0], {"id": "j1", "question": "君山片区2022年收到多少件信息公开申请？", "answer": "0件", "value": "0",
                        "type": "table_cell", "reports": ["08_pingtan_junshan_2022.txt"], "source": "表三 新收 × 总计"}]
    qa.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    assert any("is not in" in e for e in validate_item(items[1], reports))
    report = run_eval([qa], [reports, other], settings=settings)
    assert report.ingest_failures == [] and all(o.correct for o in report.outcomes), [o.reason for o in report.outcomes]
    res = CliRunner().invoke(cli, ["eval", str(qa), "--reports", str(reports), "--reports", str(other),
                                   "--out", str(tmp_path / "o")], env={"REPORTQA_EMBEDDER": "fake"})
    assert res.exit_code == 0, res.output
