"""The benchmark runs end to end at a toy size (fake embedder) and reports every figure it promises."""

from __future__ import annotations

from click.testing import CliRunner

from eval.bench import markdown, run_bench
from ui.cli import cli


def test_scale_run_at_a_toy_size() -> None:
    results = run_bench(None, [], [3, 6], budget_s=120, scale_embedder="fake:384", queries=2, baseline=True,
                        e5_reports=0)
    first, second = results["scale"]
    assert first["reports"] == 3 and second["reports"] == 6 and second["reached"]
    assert second["chunks"] > first["chunks"] > 0
    assert second["sqlite"] > 0 and second["chroma"] > 0
    assert second["lookup_unscoped"]["correct"] == "2/2" and second["lookup_scoped"]["correct"] == "2/2"
    assert "scoped" in second["retrieval"] and second["peak_rss_mb"] > 0
    assert second["baseline"]["chunks"] > 0
    text = markdown(results)
    assert "## Scale" in text and "LangChain baseline" in text


def test_budget_stops_a_size_and_says_so() -> None:
    results = run_bench(None, [], [5], budget_s=0, scale_embedder="fake:64", queries=1, baseline=False, e5_reports=0)
    (row,) = results["scale"]
    assert row["reports"] == 0 and not row["reached"]
    assert "(budget)" in markdown(results)


def test_cli_bench() -> None:
    result = CliRunner().invoke(cli, ["bench", "--no-samples", "--sizes", "2", "--queries", "1", "--no-baseline",
                                      "--e5-reports", "0"])
    assert result.exit_code == 0, result.output
    assert "# reportqa benchmark" in result.output
