"""CI's accuracy gate: the bundled Q&A sets over the bundled samples, real e5 and real Chroma.

MIN_ACCURACY sits a little below what the system scored when the gate was set (97.4 %, 260 of
267 questions), so a regression fails CI while improvements pass; raise it as qa/ gets better.
Every set CI runs also allows no confident wrong number at all.
The run writes its results.jsonl and summary.md under pytest's tmp dir, and the failure message
carries the summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.run import console_summary, run_eval, write_outputs
from index.settings import Settings

QA_DIR = Path(__file__).resolve().parents[2] / "eval" / "qa"
MIN_ACCURACY = 0.95


@pytest.mark.slow
def test_eval_sets_meet_the_threshold(samples_dir: Path, e5_samples_data_dir: Path, tmp_path: Path) -> None:
    settings = Settings.from_env(env={})  # defaults: bundled e5, embedded Chroma, SQLite
    # the session's e5 index of the samples: the eval's own ingest finds every report already there
    report = run_eval([QA_DIR], samples_dir, data_dir=e5_samples_data_dir, settings=settings)
    paths = write_outputs(report, tmp_path / "out")
    wrong = [o.item["id"] for o in report.outcomes if o.confident_wrong]
    assert not report.ingest_failures, report.ingest_failures
    assert report.accuracy >= MIN_ACCURACY and not wrong, (
        f"confident wrong: {wrong}\n{console_summary(report)}\n\n{paths['summary'].read_text(encoding='utf-8')}"
    )


ROOT = Path(__file__).resolve().parents[2]
OTHER_SETS = [ROOT / "eval" / "heldout" / "heldout.jsonl", ROOT / "eval" / "blind" / "blind.jsonl"]
# the two sets together scored 88.2 % (97/110) with the fake embedder used here (which changes only
# which passages text questions get), less a margin; and no confident wrong number at all
MIN_OTHER_ACCURACY = 0.85


@pytest.mark.slow
def test_held_out_and_blind_sets_hold_the_line(samples_dir: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    settings = replace(Settings.from_env(env={}), embedder="fake")
    report = run_eval(OTHER_SETS, [samples_dir, ROOT / "eval" / "heldout_reports"], data_dir=tmp_path / "d",
                      settings=settings)
    paths = write_outputs(report, tmp_path / "out")
    wrong = [o.item["id"] for o in report.outcomes if o.confident_wrong]
    assert not report.ingest_failures, report.ingest_failures
    assert report.accuracy >= MIN_OTHER_ACCURACY and not wrong, (
        f"confident wrong: {wrong}\n{console_summary(report)}\n\n{paths['summary'].read_text(encoding='utf-8')}"
    )


PROBE_SETS = sorted((ROOT / "eval" / "probes").glob("*.jsonl"))
# the probe rounds (disclosure and finance reports written up to find the classes of misses) scored
# 80.6 % (203/252) with the fake embedder when the gate was set, less a margin; no wrong number at all
MIN_PROBE_ACCURACY = 0.70


def _round(n: int) -> tuple[list[Path], Path]:
    """A later probe round's question sets and the folder of its own reports."""
    folder = ROOT / "eval" / "probes" / f"round{n}"
    return sorted(folder.glob("*.jsonl")), folder / "reports"


# each later round with its own reports, gated once its classes were handled: rounds 5 and 6 scored
# 74.8 % (98/131) and 73.3 % (85/116) with the fake embedder when they joined the gate, less a margin
PROBE_ROUNDS = {
    "rounds 3-4": (PROBE_SETS, ROOT / "eval" / "probe_reports", MIN_PROBE_ACCURACY),
    "round 5": (*_round(5), 0.65),
    "round 6": (*_round(6), 0.65),
    # round 7 (five reports, one of another city, in one set) at 60.6 % (43/71) when it joined
    "round 7": (*_round(7), 0.55),
    # round 8 (three disclosure reports, three finance 说明, in one set) at 76.0 % (57/75) when it joined
    "round 8": (*_round(8), 0.65),
    # round 9 (three disclosure reports, three finance 说明) at 72.0 % (54/75) when it joined
    "round 9": (*_round(9), 0.62),
    # round 10 (three disclosure reports, three finance 说明) at 86.7 % (65/75) when it joined
    "round 10": (*_round(10), 0.78),
    # round 11 (three disclosure reports, three finance 说明 and 批复) at 80.0 % (60/75) when it joined
    "round 11": (*_round(11), 0.72),
    # round 12 (three disclosure reports, three finance 说明 and 批复) at 67.1 % (47/70) when it joined
    "round 12": (*_round(12), 0.60),
    # round 13 (three disclosure reports, two finance 说明, a 决算批复) at 74.7 % (56/75) when it joined
    "round 13": (*_round(13), 0.68),
    # round 14 (four disclosure reports, a final account and a budget 说明) at 86.7 % (65/75) when it joined
    "round 14": (*_round(14), 0.78),
    # round 15 (five finance 说明 and a disclosure report in Markdown tables) at 84.3 % (59/70) when it joined
    "round 15": (*_round(15), 0.76),
    # round 16 (six disclosure reports, cells glued) at 81.4 % (57/70) when it joined
    "round 16": (*_round(16), 0.74),
    # round 17 (pre-2019 statistics tables, a covering letter, two budget 说明) at 72.9 % (51/70) when it joined
    "round 17": (*_round(17), 0.65),
    # round 18 (pre-2019 tables glued, spaced and of one column; a 决算 and a 预算 说明) at 80.0 % (56/70)
    "round 18": (*_round(18), 0.72),
    # round 19 (a 重庆 budget page in HTML, four disclosure reports, a one-column 附表) at 95.7 % (67/70)
    "round 19": (*_round(19), 0.86),
    # round 20 (a 2013 统计数据 table, glued 2019/2021 tables, a 决算 and a 预算 with staffing) at 90.0 % (63/70)
    "round 20": (*_round(20), 0.82),
    # round 21 (five finance 说明 of three bodies; titles filed under another body) at 75.7 % (53/70)
    "round 21": (*_round(21), 0.68),
    # round 22 (five disclosure reports: a pre-2019 table, 2019 and 2021 templates glued) at 64.3 % (45/70)
    "round 22": (*_round(22), 0.57),
    # round 23 (five finance 说明 of four bodies, three years) at 70.0 % (49/70)
    "round 23": (*_round(23), 0.63),
    # round 24 (five disclosure reports, a year-only pre-2019 table) at 72.9 % (51/70)
    "round 24": (*_round(24), 0.65),
    # round 25 (five finance 说明: staffing tables glued, spaced and for several bodies) at 81.4 % (57/70)
    "round 25": (*_round(25), 0.74),
    # round 26 (five disclosure reports: 2021 and 2019 templates, a 2011 prose report) at 77.1 % (54/70)
    "round 26": (*_round(26), 0.70),
    # round 27 (five finance 说明 of 指挥部, 联合会 and a bureau; staffing tables of one to nine units) at 71.4 %
    "round 27": (*_round(27), 0.64),
    # round 28 (five disclosure reports, one with its 制作 sentence dated the year before) at 67.1 % (47/70)
    "round 28": (*_round(28), 0.60),
    # round 29 (five finance reports: two 预算批复 notices, a 镇, two 指挥部 and an office) at 55.7 % (39/70),
    # 85.7 % (60/70) once its classes were handled
    "round 29": (*_round(29), 0.78),
    # round 30 (five 片区 disclosure reports of both templates, one covering four months) at 74.3 % (52/70),
    # 91.4 % (64/70) once its classes were handled
    "round 30": (*_round(30), 0.84),
    # round 31 (five disclosure reports: a 2016 附表 on one line, 2020 glued, three 2021 templates) at 87.1 %
    "round 31": (*_round(31), 0.80),
    # round 32 (five finance reports 2016-2019, tables only for staffing) at 81.4 % (57/70)
    "round 32": (*_round(32), 0.74),
    # round 33 (five disclosure reports 2013-2021, first run on the code of its round) at 72.9 % (51/70),
    # 78.6 % (55/70) after the next round's classes
    "round 33": (*_round(33), 0.72),
    # round 34 (five finance reports 2016-2019, first run on the code of its round) at 62.9 % (44/70),
    # 77.1 % (54/70) after the next round's classes
    "round 34": (*_round(34), 0.70),
    # round 35 (five disclosure reports 2015-2023, a table 二 with prose after it) at 85.7 % (60/70) first,
    # 92.9 % (65/70) now
    "round 35": (*_round(35), 0.88),
    # round 36 (five finance reports 2016-2017: a 片区 决算, a 决算批复, a three-year plan, two 乡 budgets) at
    # 58.6 % (41/70) first, 78.6 % (55/70) now
    "round 36": (*_round(36), 0.74),
    # round 37 (five disclosure reports 2013-2025, first run on the code of its round) at 77.1 % (54/70),
    # 88.6 % (62/70) now
    "round 37": (*_round(37), 0.84),
    # round 38 (five finance reports 2018-2019, first run on the code of its round) at 71.4 % (50/70), two
    # wrong figures then (a pair's cost for one of them, a like-named item of another list); 84.3 % now
    "round 38": (*_round(38), 0.80),
    # round 39 (five disclosure reports 2014-2025, first run on the code of the round before) at 77.1 %
    # (54/70), 85.7 % (60/70) now
    "round 39": (*_round(39), 0.82),
    # round 40 (five finance reports 2015-2019: a flattened full 决算, a town's budget speech) at 57.1 %
    # (40/70) first, three wrong figures then (a rate per car, last year's section for this year's); 78.6 % now
    "round 40": (*_round(40), 0.75),
    # round 41 (three disclosure, two finance reports 2013-2023, first run with this round's first classes
    # in) at 78.6 % (55/70), one wrong figure then (a staffing cell with its breakdown); 82.9 % now
    "round 41": (*_round(41), 0.80),
    # round 42 (five finance reports 2015-2021, first run with this round's first classes in) at 58.6 %
    # (41/70), 75.7 % (53/70) now
    "round 42": (*_round(42), 0.72),
    # round 43 (three disclosure reports 2012-2025, a 决算批复, a 预算说明; first run on the code of the round
    # before) at 77.1 % (54/70), two wrong figures then (a number the question states, a share read as a
    # lookup); 82.9 % now
    "round 43": (*_round(43), 0.80),
    # round 44 (five finance reports 2014-2018; first run on the code of the round before) at 35.7 % (25/70):
    # two reports did not ingest (a glued staffing header, a year in Chinese numerals); 81.4 % now
    "round 44": (*_round(44), 0.78),
    # round 45 (five finance reports 2014-2020; first run with this round's first classes in) at 74.3 %
    # (52/70), one wrong figure then (a heading's 结余 over a total's 收入); 74.3 % now
    "round 45": (*_round(45), 0.71),
    # round 46 (two pre-2019 disclosure reports and three finance reports 2011-2017; first run with this
    # round's first classes in) at 60.0 % (42/70), three wrong figures then (人员经费 read inside
    # 流浪乞讨人员救助支出); 72.9 % now (a statistics table headed by its year column only)
    "round 46": (*_round(46), 0.70),
    # rounds 47-50 (twenty finance and pre-2019 disclosure reports 2009-2023; first run on the code of the
    # round before): 64.3 %, 58.6 %, 61.4 % (five wrong figures then: 基本支出 pieced from 基本建设, a
    # reason clause read as an item's words, a change for a level asked beside it), 58.6 % (one wrong: two
    # bodies' figure for one's own); now 65.7 %, 77.1 %, 68.6 %, 74.3 %
    "round 47": (*_round(47), 0.62),
    "round 48": (*_round(48), 0.74),
    "round 49": (*_round(49), 0.64),
    "round 50": (*_round(50), 0.71),
    # rounds 51-54 (three pre-2019 disclosure reports and nineteen finance pages 2015-2022; first run on the
    # code of the round before): 50.0 % (one wrong: a programme's score for money asked), 67.1 %, 74.3 %,
    # 48.6 % (two wrong: a worked line's factor for its result, one item of a sum said with 加上); four pages
    # did not ingest then; now 51.4 %, 70.0 %, 84.3 %, 68.6 %
    "round 51": (*_round(51), 0.48),
    "round 52": (*_round(52), 0.66),
    "round 53": (*_round(53), 0.80),
    "round 54": (*_round(54), 0.65),
    # rounds 55-58 (twenty-one finance pages 2014-2019, a 2011 and a 2013 county/zone disclosure report, a 2014
    # letter on the year's disclosure work; first run on the code of the round before or of this round's
    # first commits): 50.0 % (two wrong: a bracketed product's factor compared as an amount, a numbered part
    # taken for the whole asked), 55.7 % (two wrong: two acts printed as one line summed with another line,
    # one figure answering two parts split at 各乡镇), 70.0 % (one wrong: a shortened joined line split at its
    # 及), 61.4 % (one wrong: a change taken for the level of the year before the one named; one page did not
    # ingest); now 60.0 %, 61.4 %, 71.4 %, 67.1 %
    "round 55": (*_round(55), 0.57),
    "round 56": (*_round(56), 0.58),
    "round 57": (*_round(57), 0.68),
    "round 58": (*_round(58), 0.64),
    # rounds 59-60 (a 2014 and a 2017 disclosure report, eight 预算说明 2017-2019; first run on round 17's code):
    # 67.1 % (five wrong: a verb between 多 and 多少 after 比 not read as a difference, the agency's own share of a
    # bracketed amount taken for the whole, a unit's share of another amount taken for a share and a side of a
    # comparison), 74.3 %; now 85.7 %, 81.4 %
    "round 59": (*_round(59), 0.82),
    "round 60": (*_round(60), 0.78),
    # rounds 61-62 (ten 预算 pages 2015-2019; first run on round 18's code): 78.6 %, 77.1 % (one wrong: a body's
    # full name glossed by its short form read as an item's words); now 91.4 %, 90.0 %
    "round 61": (*_round(61), 0.88),
    "round 62": (*_round(62), 0.86),
    # rounds 63-64 (ten 预算 pages 2017-2019; first run on round 19's code): 68.6 %, 78.6 %; now 87.1 %, 92.9 %
    "round 63": (*_round(63), 0.82),
    "round 64": (*_round(64), 0.88),
    # round 65 (new wordings over five disclosure reports of the corpus; first run on 758185a): 72.9 % (one wrong:
    # an application carried over from the year before read as one carried on to the next); now 87.1 %
    "round 65": (*_round(65), 0.84),
}


def _run_round(name: str, out: str) -> tuple[str, float, list[str], list[str], str]:
    """One probe round's eval in a fresh data dir (run in a worker process): its accuracy, confident
    wrong ids, ingest failures, and the summary written under `out`."""
    from dataclasses import replace

    sets, reports, _ = PROBE_ROUNDS[name]
    settings = replace(Settings.from_env(env={}), embedder="fake")
    report = run_eval(sets, [reports], data_dir=Path(out) / "d", settings=settings)
    paths = write_outputs(report, Path(out) / "out")
    wrong = [o.item["id"] for o in report.outcomes if o.confident_wrong]
    summary = f"{console_summary(report)}\n\n{paths['summary'].read_text(encoding='utf-8')}"
    return name, report.accuracy, wrong, list(report.ingest_failures), summary


@pytest.fixture(scope="module")
def probe_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, float, list[str], list[str], str]]:
    """Every probe round run once, two at a time (one per core: each round is parsing and fake
    embedding, no shared state), so the rounds' wall time is about halved."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    root = tmp_path_factory.mktemp("probes")
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_run_round, name, str(root / name.replace(" ", "_"))) for name in sorted(PROBE_ROUNDS)]
        return {got[0]: got for got in (f.result() for f in futures)}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PROBE_ROUNDS))
def test_probe_sets_state_no_wrong_figure(probe_results: dict, name: str) -> None:
    sets, _, floor = PROBE_ROUNDS[name]
    _, accuracy, wrong, failures, summary = probe_results[name]
    assert sets and not failures, failures
    assert accuracy >= floor and not wrong, f"confident wrong: {wrong}\n{summary}"
