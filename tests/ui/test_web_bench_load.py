"""eval/bench_load.py: a short run against the live server, its checking of every answer, and its
refusal to leave loopback."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import httpx
import pytest

from eval.bench_load import Expected, Probe, check, gist, main, percentile, questions_for, reference, run, stored_value


def test_percentiles_and_questions():
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0 and percentile([1.0, 9.0], 95) == 9.0
    qs = questions_for([{"id": "a", "agency": "厚街镇人民政府", "year": 2023},
                        {"id": "b", "agency": "上海市人民政府办公厅", "year": 2025}])
    assert Probe("厚街镇人民政府2023年收到多少件政府信息公开申请？", "a", ("t3.new", "total")) in qs
    assert any(p.question.startswith("比较") and p.cell is None for p in qs)


def test_an_answer_is_wrong_when_its_figure_or_its_gist_moves():
    answer = {"status": "answered", "result": {"value": "14", "unit": "件"},
              "figures": [{"report": "a", "value": "14"}]}
    fact = {"keys": {"row": "t3.new", "column": "total"}, "value": "14", "status": "exact"}
    assert stored_value([fact], ("t3.new", "total")) == Decimal(14)
    assert stored_value([{**fact, "status": "ambiguous"}], ("t3.new", "total")) is None
    expected = Expected(gist(answer), Decimal(14), "a")
    assert check(answer, expected) is None
    assert "expected 14" in check({**answer, "result": {"value": "41", "unit": "件"}}, expected)
    assert "expected 14" in check({**answer, "status": "refused", "result": None}, expected)
    assert "other than a" in check({**answer, "figures": [{"report": "b", "value": "14"}]}, expected)
    passage = Expected(gist({"status": "answered", "result": None, "figures": []}))
    assert check({"status": "refused", "result": None, "figures": []}, passage) is not None


def test_refuses_a_host_that_is_not_loopback():
    with pytest.raises(SystemExit):
        main(["--url", "http://example.com:80", "--seconds", "1"])


@pytest.mark.slow
def test_short_run_against_the_live_server(live):
    probes = [Probe("厚街镇2023年收到多少宗信息公开申请?", "00_houjie_zhen_2023", ("t3.new", "total"))]

    async def checked():
        async with httpx.AsyncClient(base_url=live.url, timeout=60, trust_env=False) as http:
            expected, quiet_wrong = await reference(http, probes)
        return expected, quiet_wrong, await run(live.url, clients=2, seconds=1.5, questions=probes,
                                                expected=expected)

    expected, quiet_wrong, result = asyncio.run(checked())
    assert quiet_wrong == [] and expected[probes[0].question].value == Decimal(14)
    assert result.requests > 0 and result.errors == 0 and result.wrong == 0
    assert result.statuses == {"answered": result.requests}
    assert result.p50_ms <= result.p95_ms <= result.max_ms
