"""Each hostile file of the issue, ingested by the real `reportqa` command in its own process, with
its time and memory measured: refused with a clear one-line reason, or read, always within budget,
and a refused file leaves the store as it was."""

from __future__ import annotations

from pathlib import Path

import hostile_files as hf
import pytest
from hostile_limits import LIMITS, MEMORY_MB, SECONDS, store_state
from hostile_measure import ROOT, reportqa


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed report, for the refusals to leave unchanged."""
    data = tmp_path_factory.mktemp("seeded") / "data"
    run = reportqa(data, "ingest", "--no-index", str(hf.SEED), env=LIMITS)
    assert run.returncode == 0, run.stdout + run.stderr
    return data


STARTUP = 5  # starting the command (Python, click, the fork server) on a busy two-core machine


def _within_budget(run) -> None:
    # the file itself is held to SECONDS by the budget (past it, it is refused and the test fails)
    assert run.seconds <= SECONDS + STARTUP, f"took {run.seconds:.1f} s"
    assert run.peak_mb <= MEMORY_MB, f"peaked at {run.peak_mb:.0f} MB"
    assert "Traceback" not in run.stderr, run.stderr[-2000:]


def _refused(seeded: Path, path: Path, reason: str, env: dict[str, str] = LIMITS):
    before = store_state(seeded)
    run = reportqa(seeded, "ingest", "--no-index", str(path), env=env)
    assert run.returncode == 1, run.stdout + run.stderr
    line = next(x for x in run.stdout.splitlines() if x.startswith("✗"))
    assert reason in line and "unexpected error" not in line, line
    assert store_state(seeded) == before
    return run


@pytest.mark.parametrize("digits", [40, 80])
def test_a_row_of_glued_digits_is_read_within_budget(tmp_path, digits):
    # before: 40 glued digits took ~40 s and 80 never ended
    run = reportqa(tmp_path / "data", "ingest", "--no-index", str(hf.glued_row(tmp_path, digits)), env=LIMITS)
    assert run.returncode == 0 and "✓ glued_" in run.stdout, run.stdout + run.stderr
    _within_budget(run)


def test_the_projects_readme_is_refused_as_no_report_within_budget(seeded):
    # before: the README never finished parsing, and a text that is no report was stored as 「?」
    _within_budget(_refused(seeded, ROOT / "README.md", "no report found"))


def test_a_docx_zip_bomb_is_refused_before_inflating(seeded, hostile_dir):
    bomb = hf.docx_bomb(hostile_dir, inflated_mb=400)
    assert bomb.stat().st_size < 1.5 * 2**20
    run = _refused(seeded, bomb, "zip bomb")
    _within_budget(run)
    assert run.peak_mb < 200  # nothing was inflated


@pytest.mark.parametrize("rows", [60, 200])  # a 2.8 KB and a 9 KB page
def test_an_html_span_bomb_is_refused(seeded, tmp_path, rows):
    page = hf.span_bomb(tmp_path, rows)
    assert page.stat().st_size < 10_000
    _within_budget(_refused(seeded, page, "covers more than"))


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deeply_nested_html_is_read_as_the_report_it_holds(tmp_path, depth):
    # before: 1,000 levels raised RecursionError ("unexpected error"); 100,000 took minutes
    run = reportqa(tmp_path / "data", "ingest", "--no-index", str(hf.nested(tmp_path, depth)), env=LIMITS)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "厚街镇人民政府 2023: 240 facts" in run.stdout
    _within_budget(run)


def test_the_memory_budget_refuses_a_file_no_single_guard_catches(seeded, hostile_dir):
    page = hf.flat_html(hostile_dir)
    run = _refused(seeded, page, "more than 150 MB of memory", env={**LIMITS, "REPORTQA_INGEST_MEMORY_MB": "150"})
    assert run.seconds <= SECONDS + STARTUP


def test_the_time_budget_refuses_a_slow_file(seeded, hostile_dir):
    page = hf.flat_html(hostile_dir)
    run = _refused(seeded, page, "longer than 1 s", env={**LIMITS, "REPORTQA_INGEST_SECONDS": "1"})
    assert run.seconds <= 1 + STARTUP + 3  # the budget and starting the command (unbounded, it takes ~15 s)


def test_utf16_without_bom_is_read_as_text(tmp_path):
    run = reportqa(tmp_path / "data", "ingest", "--no-index", str(hf.utf16_without_bom(tmp_path)), env=LIMITS)
    assert run.returncode == 0 and "240 facts" in run.stdout, run.stdout + run.stderr
