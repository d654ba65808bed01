"""eval/bench_load.py: a short run against the live server, and its refusal to leave loopback."""

from __future__ import annotations

import asyncio

import pytest

from eval.bench_load import main, percentile, questions_for, run


def test_percentiles_and_questions():
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0 and percentile([1.0, 9.0], 95) == 9.0
    qs = questions_for([{"agency": "厚街镇人民政府", "year": 2023}, {"agency": "上海市人民政府办公厅", "year": 2025}])
    assert "厚街镇人民政府2023年收到多少件政府信息公开申请？" in qs and any(q.startswith("比较") for q in qs)


def test_refuses_a_host_that_is_not_loopback():
    with pytest.raises(SystemExit):
        main(["--url", "http://example.com:80", "--seconds", "1"])


@pytest.mark.slow
def test_short_run_against_the_live_server(live):
    result = asyncio.run(run(live.url, clients=2, seconds=1.5, questions=["厚街镇2023年收到多少宗信息公开申请?"]))
    assert result.requests > 0 and result.errors == 0
    assert result.statuses == {"answered": result.requests}
    assert result.p50_ms <= result.p95_ms <= result.max_ms
