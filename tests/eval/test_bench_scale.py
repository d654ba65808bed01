"""The scale benchmark at a toy size: the serving probe answers, a bounded embedding stops at its bound."""

from __future__ import annotations

from eval.bench_scale import markdown, run_scale


def test_scale_run_at_a_toy_size_with_bounded_embedding() -> None:
    results = run_scale([4], setups=("sqlite",), queries=2, embed_chunks=20)
    (row,) = results["rows"]
    embed, serving = row["embedding"], row["serving"]
    assert embed["embedded"] == 20 < embed["chunks"]  # the rest stay queued
    assert serving["figure_correct"] == "2/2" and serving["passage_correct"] == "2/2"
    assert serving["search_all_found"] == "4/4" and 1 <= serving["facts_cached"] <= 4
    assert serving["first_ok"] == ["answered", "answered"] and serving["rss_mb"] > 0
    table = markdown(results)
    assert "| SQLite + embedded Chroma | 4 |" in table and "20 of " in table and "Load average" in table
