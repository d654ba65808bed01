"""The template tables of real reports, cell by cell, whatever their layout."""

from decimal import Decimal

import pytest

from index.checks import run_checks
from index.models import AMBIGUOUS, EXACT, RECOVERED
from index.template import detect_version, load_templates
from index.template_parse import parse_template_tables

T3_COLS = ["natural_person", "commercial", "research", "nonprofit", "legal", "other_org", "total"]


def parse(samples_dir, name):
    raw = (samples_dir / name).read_text(encoding="utf-8")
    tpl = load_templates()[detect_version(raw, None)]
    return tpl, raw, parse_template_tables(name, tpl, raw)


def cells(facts, row_key):
    """{column_key: value} of one row, requiring a single reading."""
    got = {f.column_key: f for f in facts if f.row_key == row_key}
    assert all(f.candidate == 0 for f in got.values()), row_key
    return {k: f.value for k, f in got.items()}


def t3_row(facts, key):
    row = cells(facts, f"t3.{key}")
    return [int(row[c]) for c in T3_COLS]


# 厚街镇 2023: every cell of the four tables, as printed in the seed (one cell per line).
HOUJIE_T3 = {
    "new": [12, 2, 0, 0, 0, 0, 14],
    "carried": [1, 0, 0, 0, 1, 1, 3],
    "disclosed": [2, 0, 0, 0, 1, 1, 4],
    "partly": [1, 0, 0, 0, 0, 0, 1],
    "withheld.state_secret": [0] * 7,
    "withheld.law": [0] * 7,
    "withheld.security": [0] * 7,
    "withheld.third_party": [0] * 7,
    "withheld.internal": [1, 2, 0, 0, 0, 0, 3],
    "withheld.process": [0] * 7,
    "withheld.enforcement": [0] * 7,
    "withheld.query": [1, 0, 0, 0, 0, 0, 1],
    "unavailable.not_held": [4, 0, 0, 0, 0, 0, 4],
    "unavailable.needs_making": [1, 0, 0, 0, 0, 0, 1],
    "unavailable.unclear": [0] * 7,
    "not_processed.petition": [0] * 7,
    "not_processed.repeat": [0] * 7,
    "not_processed.publication": [0] * 7,
    "not_processed.mass": [0] * 7,
    "not_processed.confirm": [0] * 7,
    "other.no_correction": [0] * 7,
    "other.no_fee": [0] * 7,
    "other.other": [2, 0, 0, 0, 0, 0, 2],
    "total": [12, 2, 0, 0, 1, 1, 16],
    "carry_next": [1, 0, 0, 0, 0, 0, 1],
}


@pytest.mark.parametrize("row,expected", HOUJIE_T3.items())
def test_seed_table3_every_cell(samples_dir, row, expected):
    _, _, p = parse(samples_dir, "00_houjie_zhen_2023.txt")
    assert t3_row(p.facts, row) == expected


def test_seed_table3_cells_are_exact_with_paths_and_provenance(samples_dir):
    _, raw, p = parse(samples_dir, "00_houjie_zhen_2023.txt")
    f = next(f for f in p.facts if f.row_key == "t3.new" and f.column_key == "commercial")
    assert f.value == 2 and f.status == EXACT and f.unit == "件"
    assert f.row_path == ("一、本年新收政府信息公开申请数量",)
    assert f.column_path == ("法人或其他组织", "商业企业")
    assert raw[f.span[0]:f.span[1]] == "2"
    legal = next(f for f in p.facts if f.row_key == "t3.carried" and f.column_key == "legal")
    assert legal.value == 1 and legal.column_path[-1] == "法律服务机构"
    internal = next(f for f in p.facts if f.row_key == "t3.withheld.internal" and f.column_key == "total")
    assert internal.row_path == ("三、本年度办理结果", "(三)不予公开", "5.属于三类内部事务信息")
    assert internal.value == 3


def test_seed_table2(samples_dir):
    _, _, p = parse(samples_dir, "00_houjie_zhen_2023.txt")
    assert cells(p.facts, "t2.rules") == {"issued": 0, "repealed": 0, "in_force": 0}
    assert cells(p.facts, "t2.normative") == {"issued": 5, "repealed": 7, "in_force": 20}
    assert cells(p.facts, "t2.licensing") == {"decisions": 24769}
    assert cells(p.facts, "t2.penalty") == {"decisions": 842}
    assert cells(p.facts, "t2.coercion") == {"decisions": 8}
    fee = next(f for f in p.facts if f.row_key == "t2.fees")
    assert fee.value == Decimal("8862.02") and fee.unit == "万元"


def test_seed_table4_all_fifteen_cells(samples_dir):
    tpl, _, p = parse(samples_dir, "00_houjie_zhen_2023.txt")
    row = cells(p.facts, "t4.cases")
    assert [c.key for c in tpl.table("t4").rows[0].columns] == list(row)
    assert list(row.values()) == [0] * 15


def test_seed_every_identity_holds(samples_dir):
    tpl, _, p = parse(samples_dir, "00_houjie_zhen_2023.txt")
    checks = run_checks("seed", tpl, p.facts)
    assert len(checks) > 30
    assert [c.name for c in checks if not c.ok] == []


def test_glued_digits_recovered_by_identities(fixtures_dir):
    """「15130000154」 is 151, 3, 0, 0, 0, 0, 154: the row total picks the only valid split."""
    _, _, p = parse(fixtures_dir, "05_pingtan_zone_2025.txt")
    assert t3_row(p.facts, "new") == [151, 3, 0, 0, 0, 0, 154]
    assert t3_row(p.facts, "unavailable.not_held") == [49, 1, 0, 0, 0, 0, 50]
    assert t3_row(p.facts, "total") == [147, 1, 0, 0, 0, 0, 148]
    assert t3_row(p.facts, "carry_next") == [4, 2, 0, 0, 0, 0, 6]
    new = [f for f in p.facts if f.row_key == "t3.new"]
    assert {f.status for f in new} == {RECOVERED}
    t4 = cells(p.facts, "t4.cases")
    assert [int(v) for v in t4.values()] == [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]


def test_one_digit_a_cell_is_kept_though_the_row_does_not_add_up(fixtures_dir):
    """「5100000」 under seven columns splits only one way; its 总计 of 0 fails the row's sum, which
    the checks report, instead of the whole row being dropped."""
    tpl, _, p = parse(fixtures_dir, "30_pingtan_haitan_2024.txt")
    assert t3_row(p.facts, "new") == [5, 1, 0, 0, 0, 0, 0]
    assert t3_row(p.facts, "unavailable.not_held") == [4, 0, 0, 0, 0, 0, 0]
    assert {f.status for f in p.facts if f.row_key == "t3.new"} == {RECOVERED}
    failed = {c.name for c in run_checks("r", tpl, p.facts) if not c.ok}
    assert "t3.row_total[一、本年新收政府信息公开申请数量]" in failed
    _, _, q = parse(fixtures_dir, "28_pingtan_ziranziyuan_2023.txt")
    assert t3_row(q.facts, "partly") == [8, 1, 0, 0, 0, 0, 8]  # 「8100008」


def test_column_identities_narrow_a_row_with_two_valid_splits(fixtures_dir):
    """「330000033」 reads as 33,0,… or 3,30,…; only 33 makes the 自然人 column add up."""
    _, _, p = parse(fixtures_dir, "05_pingtan_zone_2025.txt")
    assert t3_row(p.facts, "disclosed") == [33, 0, 0, 0, 0, 0, 33]


def test_ambiguous_split_keeps_every_candidate(fixtures_dir):
    """「行政规范性文件5845546」 has no identity to decide it: all readings are stored, none chosen."""
    _, _, p = parse(fixtures_dir, "05_pingtan_zone_2025.txt")
    amb = [f for f in p.facts if f.row_key == "t2.normative"]
    assert amb and {f.status for f in amb} == {AMBIGUOUS}
    readings = {}
    for f in amb:
        readings.setdefault(f.candidate, {})[f.column_key] = int(f.value)
    assert {"issued": 58, "repealed": 45, "in_force": 546} in readings.values()
    assert len(readings) > 1


def test_spaced_and_irregular_2019_layout(samples_dir):
    tpl, _, p = parse(samples_dir, "07_pingtan_zone_2019.txt")
    assert tpl.version == "2019"
    assert t3_row(p.facts, "new") == [23, 0, 0, 0, 0, 0, 23]  # printed 「230 000023」
    assert t3_row(p.facts, "other") == [0] * 7  # 2019: 其他处理 has no sub-rows, printed 「0 0 0 0 0 00」
    assert t3_row(p.facts, "total") == [23, 0, 0, 0, 0, 0, 23]  # 「23 0 00 0 023」
    assert t3_row(p.facts, "unavailable.unclear") == [5, 0, 0, 0, 0, 0, 5]
    assert [c.name for c in run_checks("x", tpl, p.facts) if not c.ok] == []


def test_signed_increment_column_2019(samples_dir):
    _, _, p = parse(samples_dir, "09_pingtan_scjgj_2019.txt")
    lic = [f for f in p.facts if f.row_key == "t2.licensing"]
    readings = {}
    for f in lic:
        readings.setdefault(f.candidate, {})[f.column_key] = f.value
    assert {"prev_items": 20, "change": 17, "decisions": 37} in readings.values()
    assert all(r["prev_items"] == 20 for r in readings.values())  # the sign fixes where 「+」 starts


def test_inconsistent_source_is_flagged_not_corrected(samples_dir):
    """君山片区 2022 prints 总计 0 although one outcome row holds 5: the check fails, the cells stay."""
    tpl, _, p = parse(samples_dir, "08_pingtan_junshan_2022.txt")
    assert t3_row(p.facts, "unavailable.not_held") == [3, 0, 0, 0, 0, 2, 5]
    assert t3_row(p.facts, "total") == [0] * 7
    failed = [c for c in run_checks("x", tpl, p.facts) if not c.ok]
    assert {c.name for c in failed} >= {"t3.total_is_sum[总计]"}
    assert all(c.left != c.right for c in failed)
