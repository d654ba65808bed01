"""The fact table out: every bundled report's facts exported in each format and read back with pandas."""

from __future__ import annotations

import io
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from index.errors import ReportQAError
from index.export import FORMATS, frame_bytes
from index.frame import facts_frame, open_facts_store, report_kind, wide_frame
from index.models import AMBIGUOUS
from index.store import SQLiteStore
from ui.cli import cli


@pytest.fixture(scope="module")
def store(samples_data_dir: Path) -> SQLiteStore:
    return open_facts_store(samples_data_dir)


@pytest.fixture(scope="module")
def long(samples_data_dir: Path) -> pd.DataFrame:
    return facts_frame(samples_data_dir)


def _stored(store: SQLiteStore) -> Counter:
    """Every stored fact as (report, table, row, column, candidate, exact value, unit, status, page)."""
    return Counter(
        (f.report_id, f.table, " / ".join(f.row_path), " / ".join(f.column_path), f.candidate, f.value,
         f.unit or "", f.status, f.page)
        for r in store.reports() for f in store.facts(r.id)
    )


def _text(v) -> str:
    """An empty text cell: CSV and Excel cannot tell it from a missing one."""
    return "" if pd.isna(v) else v


TEXT = {"value_text": str, "row": str, "column": str, "unit": str}


def _read(data: bytes, fmt: str) -> pd.DataFrame:
    """Read back as a notebook would; text columns as text (a label like 「2023」 is not a number)."""
    buf = io.BytesIO(data)
    if fmt == "csv":
        return pd.read_csv(buf, dtype=TEXT, keep_default_na=False, na_values=[""])
    if fmt == "parquet":
        return pd.read_parquet(buf)
    if fmt == "xlsx":
        return pd.read_excel(buf, dtype=TEXT)
    return pd.read_json(buf, lines=True, precise_float=True, dtype=TEXT)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_round_trips_every_fact_exactly(store, long, fmt) -> None:
    back = _read(frame_bytes(long, fmt), fmt)
    expected = _stored(store)
    assert len(back) == sum(expected.values()) > 4000
    got = Counter(
        (r.report, r.table, _text(r.row), _text(r.column), int(r.candidate), Decimal(r.value_text), _text(r.unit),
         r.status, None if pd.isna(r.page) else int(r.page))
        for r in back.itertuples()
    )
    assert got == expected
    # the float column is the same number, for arithmetic
    assert all(Decimal(repr(float(v))) == Decimal(t) for v, t in zip(back["value"], back["value_text"], strict=True))
    assert set(back["report"]) == {r.id for r in store.reports()}


def test_long_form_carries_report_metadata_and_source(store, long) -> None:
    row = long[(long.report == "00_houjie_zhen_2023") & (long.row_key == "t3.new") & (long.column_key == "total")]
    assert len(row) == 1
    r = row.iloc[0]
    assert (r.agency, r.year, r.table, r.value_text, r.unit) == ("厚街镇人民政府", 2023, "t3", "14", "宗")
    assert r.kind == report_kind(store.report("00_houjie_zhen_2023")) and r.kind
    assert r.table_title == "收到和处理政府信息公开申请情况" and r.row.startswith("一、本年新收")
    pdf = long[(long.report == "02_hongze_qu_2023") & (long.table == "t4")]
    assert set(pdf.page) == {4}
    prose = long[long.table == "prose"]
    assert prose.sentence.notna().all() and (prose.table_title == "正文").all()


def test_wide_form_puts_new_applications_of_every_disclosure_report_in_one_column(store, long) -> None:
    wide = wide_frame(long, ["t3.new:total", "t2.normative:in_force"], store.reports())
    assert wide.report.is_unique and set(wide.report) == {r.id for r in store.reports()}
    disclosure = [r for r in store.reports() if r.template]
    assert len(disclosure) == 13
    by_report = wide.set_index("report")
    for r in disclosure:
        [fact] = [f for f in store.facts(r.id, "t3") if f.row_key == "t3.new" and f.column_key == "total"]
        assert by_report.loc[r.id, "t3.new:total"] == fact.value, r.id
    assert by_report.loc["00_houjie_zhen_2023", "t3.new:total"] == 14
    assert by_report.loc["13_shanghai_bgt_2025", "t3.new:total"] == 1295
    assert str(wide["t3.new:total"].dtype) == "Int64"
    # a glued cell that splits several ways stays empty, its readings named, never one chosen
    ambiguous = [f for f in store.facts("06_pingtan_zone_2021", "t2")
                 if f.row_key == "t2.normative" and f.column_key == "in_force"]
    assert ambiguous and all(f.status == AMBIGUOUS for f in ambiguous)
    assert pd.isna(by_report.loc["06_pingtan_zone_2021", "t2.normative:in_force"])
    assert "t2.normative:in_force=" in by_report.loc["06_pingtan_zone_2021", "ambiguous"]
    # budgets have no such cell
    assert pd.isna(by_report.loc["14_wanli_jiedao_budget_2023", "t3.new:total"])


def test_filters_select_reports(samples_data_dir, store) -> None:
    hongze = facts_frame(samples_data_dir, agency="洪泽区", table="t4")
    assert set(hongze.report) == {"02_hongze_qu_2023", "03_hongze_qu_2024"} and set(hongze.table) == {"t4"}
    assert set(facts_frame(samples_data_dir, year=2019).year) == {2019}
    kind = report_kind(store.report("00_houjie_zhen_2023"))
    assert set(facts_frame(samples_data_dir, kind=kind).report) == {
        r.id for r in store.reports() if report_kind(r) == kind}
    one = facts_frame(samples_data_dir, reports=["00_houjie_zhen_2023"])
    assert set(one.report) == {"00_houjie_zhen_2023"}
    with pytest.raises(ReportQAError, match="nope"):
        facts_frame(samples_data_dir, reports=["nope"])


def test_notebook_entry_needs_an_existing_store(tmp_path) -> None:
    with pytest.raises(ReportQAError, match="ingest reports there first"):
        facts_frame(tmp_path / "missing")


def test_excel_keeps_report_text_as_text_never_a_formula() -> None:
    from openpyxl import load_workbook

    frame = pd.DataFrame({"row": pd.array(["=HYPERLINK(\"http://x\",\"y\")", "a\x0bb"], dtype="string"),
                          "value": [1.0, 2.0]})
    wb = load_workbook(io.BytesIO(frame_bytes(frame, "xlsx")))
    cell = wb["facts"]["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert wb["facts"]["A3"].value == "ab"


def test_cli_export_writes_files_and_the_wide_form(samples_data_dir, store, tmp_path) -> None:
    runner = CliRunner()
    out = tmp_path / "facts.parquet"
    r = runner.invoke(cli, ["--data-dir", str(samples_data_dir), "export", "--agency", "洪泽", "-o", str(out)])
    assert r.exit_code == 0, r.output
    back = pd.read_parquet(out)
    assert set(back.report) == {"02_hongze_qu_2023", "03_hongze_qu_2024"}
    kind = report_kind(store.report("00_houjie_zhen_2023"))
    r = runner.invoke(cli, ["--data-dir", str(samples_data_dir), "export", "--kind", kind,
                            "--wide", "t3.new:total,t3.carried:total", "--format", "csv"])
    assert r.exit_code == 0, r.output
    wide = pd.read_csv(io.StringIO(r.output.lstrip("\ufeff")))
    assert list(wide.columns[:6]) == ["report", "agency", "year", "kind", "t3.new:total", "t3.carried:total"]
    assert len(wide) == sum(report_kind(x) == kind for x in store.reports()) >= 9
    assert wide.set_index("report").loc["01_huaian_shi_2024", "t3.new:total"] == 3119
    bad = runner.invoke(cli, ["--data-dir", str(samples_data_dir), "export", "--wide", "t3.new"])
    assert bad.exit_code == 2 and "ROW_KEY:COLUMN_KEY" in bad.output
