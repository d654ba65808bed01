"""Ingest end to end on real files: per-file results, atomicity, idempotence, bad inputs."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.ingest import ingest_paths
from index.parse import Overrides
from index.store import SQLiteStore
from ui.cli import cli


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return SQLiteStore(tmp_path / "facts.sqlite3")


def _cell(store: SQLiteStore, report: str, row_key: str, col: str):
    got = [f for f in store.facts(report) if f.row_key == row_key and f.column_key == col]
    assert len(got) == 1, (row_key, col, got)
    return got[0]


def test_seed_ingests_with_unit_and_metadata(samples_dir: Path, store: SQLiteStore) -> None:
    [r] = ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], store)
    assert r.status == "added" and r.failed_checks == ()
    report = store.report("00_houjie_zhen_2023")
    assert (report.agency, report.year, report.template, report.published) == ("厚街镇人民政府", 2023, "2021",
                                                                               "2024-01-31")
    new_total = _cell(store, report.id, "t3.new", "total")
    assert (new_total.value, new_total.unit) == (14, "宗")  # the report counts applications in 宗
    prose = {f.row_path[0]: f for f in store.facts(report.id, "prose")}
    assert prose["二是通过官方微信公众号“厚街发布”公开信息"].value == 1896
    assert prose["2023年共处理工单"].value == 31800
    assert prose["其中投诉类"].value == 26816 and prose["其中投诉类"].unit == "份"
    assert "厚街发布" in prose["二是通过官方微信公众号“厚街发布”公开信息"].sentence


def test_reingest_same_content_is_a_noop(samples_dir: Path, store: SQLiteStore) -> None:
    path = samples_dir / "00_houjie_zhen_2023.txt"
    ingest_paths([path], store)
    before = [f.id for f in store.facts()]
    [again] = ingest_paths([path], store)
    assert again.status == "unchanged"
    assert [f.id for f in store.facts()] == before


def test_changed_content_replaces_the_report(samples_dir: Path, store: SQLiteStore, tmp_path: Path) -> None:
    copy = tmp_path / "houjie.txt"
    shutil.copy(samples_dir / "00_houjie_zhen_2023.txt", copy)
    ingest_paths([copy], store)
    copy.write_text(copy.read_text(encoding="utf-8").replace("行政许可\n\n24769", "行政许可\n\n24770"), "utf-8")
    [r] = ingest_paths([copy], store)
    assert r.status == "replaced"
    assert _cell(store, "houjie", "t2.licensing", "decisions").value == 24770
    assert len(store.reports()) == 1


def test_every_template_table_of_the_bundled_reports(samples_dir: Path, store: SQLiteStore) -> None:
    files = [samples_dir / n for n in ("01_huaian_shi_2024.pdf", "03_hongze_qu_2024.pdf",
                                        "04_pingtan_zone_2025.html", "06_pingtan_zone_2021.txt")]
    results = ingest_paths(files, store)
    assert [r.status for r in results] == ["added"] * 4
    huaian = "01_huaian_shi_2024"
    assert _cell(store, huaian, "t3.new", "total").value == 3119
    assert _cell(store, huaian, "t3.new", "natural_person").value == 3001
    assert _cell(store, huaian, "t2.penalty", "decisions").value == 3985758
    assert _cell(store, huaian, "t4.cases", "review.total").value == 351
    assert _cell(store, huaian, "t3.new", "total").page == 4
    assert not [c for c in store.checks(huaian) if not c.ok]
    hongze = "03_hongze_qu_2024"
    assert _cell(store, hongze, "t3.other", "total").value == 0  # （六）其他处理 printed as one row
    assert _cell(store, hongze, "t3.unavailable.not_held", "total").value == 31
    assert not [c for c in store.checks(hongze) if not c.ok]
    assert [int(_cell(store, hongze, "t4.cases", k).value) for k in ("review.total", "suit_direct.total",
                                                                      "suit_after.total")] == [2, 1, 3]
    html = "04_pingtan_zone_2025"
    assert [int(_cell(store, html, "t2.normative", k).value) for k in ("issued", "repealed", "in_force")] == [
        58, 45, 546]
    assert _cell(store, "06_pingtan_zone_2021", "t3.new", "total").value == 70


def test_source_that_disagrees_with_itself_is_flagged(samples_dir: Path, store: SQLiteStore) -> None:
    [r] = ingest_paths([samples_dir / "02_hongze_qu_2023.pdf"], store)
    assert r.status == "added"
    failed = {c.name for c in store.checks("02_hongze_qu_2023") if not c.ok}
    assert "t4.review_total" in failed  # 10 + 1 + 0 + 0 printed with a 总计 of 0
    assert _cell(store, "02_hongze_qu_2023", "t4.cases", "review.upheld").value == 10


def test_budget_tables_become_facts_in_their_unit(samples_dir: Path, store: SQLiteStore) -> None:
    ingest_paths([samples_dir / "15_wanli_jiedao_budget_2024.pdf"], store)
    report = store.report("15_wanli_jiedao_budget_2024")
    assert report.agency == "上海市普陀区人民政府万里街道办事处" and report.year == 2024 and report.template is None
    titles = [t.title for t in store.tables(report.id)]
    assert "2024年部门财务收支预算总表" in titles
    g1 = [f for f in store.facts(report.id, "g1") if f.row_path[-1] == "一、财政拨款收入"]
    assert g1 and g1[0].value == 156211123 and g1[0].unit == "元"


def test_one_bad_file_never_spoils_the_rest(samples_dir: Path, store: SQLiteStore, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(samples_dir / "00_houjie_zhen_2023.txt", folder / "a_good.txt")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_garbage.txt").write_bytes(bytes(range(256)) * 40)
    pdf = (samples_dir / "01_huaian_shi_2024.pdf").read_bytes()
    (folder / "d_truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "e_not_a_zip.docx").write_text("这不是一个Word文件", encoding="utf-8")
    seed = (samples_dir / "00_houjie_zhen_2023.txt").read_text("utf-8").replace("\xa0", " ")
    (folder / "f_gbk.txt").write_bytes(seed.encode("gbk"))
    results = {Path(r.path).name: r for r in ingest_paths([folder], store)}
    assert results["a_good.txt"].status == "added"
    assert results["f_gbk.txt"].status == "added"
    for bad in ("b_empty.txt", "c_garbage.txt", "d_truncated.pdf", "e_not_a_zip.docx"):
        assert results[bad].status == "failed" and bad in results[bad].error, results[bad]
    assert "empty" in results["b_empty.txt"].error
    assert "truncated" in results["d_truncated.pdf"].error
    assert {r.id for r in store.reports()} == {"a_good", "f_gbk"}
    assert _cell(store, "f_gbk", "t3.new", "total").value == 14  # the GBK copy reads the same


def test_huge_file_refused_before_reading(store: SQLiteStore, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(200 * 2**20)
    [r] = ingest_paths([big], store)
    assert r.status == "failed" and "REPORTQA_MAX_UPLOAD_MB" in r.error
    assert store.reports() == []


def test_failure_while_embedding_keeps_the_facts_and_queues_the_chunks(samples_dir: Path, store: SQLiteStore,
                                                                       tmp_path: Path) -> None:
    from index.embed import FakeEmbedder
    from index.embed_queue import drain
    from index.settings import Settings
    from index.text_index import TextIndexer

    class Broken(FakeEmbedder):
        def embed_passages(self, texts):
            raise RuntimeError("vector store down")

    index = TextIndexer.open(Settings(data_dir=tmp_path / "data"), embedder=Broken())
    [r] = ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], store, indexer=index)
    assert r.status == "added" and any("vector store down" in w for w in r.warnings)
    assert _cell(store, "00_houjie_zhen_2023", "t3.new", "total").value == 14  # facts answer at once
    assert r.queued == len(store.chunks()) > 0 and index.count() == 0
    index.embedder = FakeEmbedder()
    assert drain(store, index) == r.queued and store.queue_size() == 0
    assert sorted(index.ids()) == sorted(store.chunk_ids())


def test_cli_ingest_reports_facts_check(samples_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    data = ["--data-dir", str(tmp_path / "data")]
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    res = runner.invoke(cli, [*data, "ingest", "--no-index", str(samples_dir / "00_houjie_zhen_2023.txt"),
                              str(bad)])
    assert res.exit_code == 1, res.output  # a file failed, after the others were ingested
    assert "✓ 00_houjie_zhen_2023 [added]" in res.output and "✗" in res.output and "1 failed" in res.output
    res = runner.invoke(cli, [*data, "reports"])
    assert "00_houjie_zhen_2023\t厚街镇人民政府\t2023" in res.output
    res = runner.invoke(cli, [*data, "facts", "00_houjie_zhen_2023", "--json", "--table", "t3"])
    rows = [json.loads(line) for line in res.output.splitlines()]
    new_total = next(r for r in rows if r["keys"] == {"row": "t3.new", "column": "total"})
    assert new_total["value"] == "14" and new_total["unit"] == "宗" and new_total["status"] == "exact"
    assert new_total["row"] == ["一、本年新收政府信息公开申请数量"] and new_total["column"] == ["总计"]
    res = runner.invoke(cli, [*data, "check", "00_houjie_zhen_2023"])
    assert res.exit_code == 0 and "42/42 checks hold" in res.output
    res = runner.invoke(cli, [*data, "facts", "nope"])
    assert res.exit_code == 2 and "No report with id 'nope'" in res.output


def test_cli_overrides_metadata(samples_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["--data-dir", str(tmp_path), "ingest", "--no-index", "--id", "hj", "--agency",
                              "东莞市厚街镇人民政府", "--year", "2023", str(samples_dir / "00_houjie_zhen_2023.txt")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["--data-dir", str(tmp_path), "reports"])
    assert res.output.startswith("hj\t东莞市厚街镇人民政府\t2023")


def test_filled_word_report_ingests_like_the_seed(store: SQLiteStore, tmp_path: Path) -> None:
    from tests.fixtures.make_docx import build_filled_docx

    path = build_filled_docx(tmp_path / "houjie_2023.docx")
    [r] = ingest_paths([path], store)
    assert r.status == "added" and r.failed_checks == (), r
    assert store.report("houjie_2023").format == "docx"
    assert _cell(store, "houjie_2023", "t3.new", "total").value == 14
    assert _cell(store, "houjie_2023", "t3.withheld.internal", "commercial").value == 2
    assert _cell(store, "houjie_2023", "t2.fees", "fee_amount").value == Decimal("8862.02")
    assert _cell(store, "houjie_2023", "t2.normative", "repealed").value == 7


def test_a_replacement_whose_embedding_fails_is_brought_in_step_later(samples_dir: Path, store: SQLiteStore,
                                                                     tmp_path: Path) -> None:
    from index.embed import FakeEmbedder
    from index.embed_queue import work
    from index.settings import Settings
    from index.text_index import TextIndexer

    class Flaky(FakeEmbedder):
        fail = False

        def embed_passages(self, texts):
            if self.fail:
                raise RuntimeError("index write failed")
            return super().embed_passages(texts)

    copy = tmp_path / "hj.txt"
    shutil.copy(samples_dir / "00_houjie_zhen_2023.txt", copy)
    flaky = Flaky()
    index = TextIndexer.open(Settings(data_dir=tmp_path / "data"), embedder=flaky)
    ingest_paths([copy], store, indexer=index)
    before = set(index.ids("hj"))
    assert before == store.chunk_ids()
    copy.write_text(copy.read_text(encoding="utf-8").replace("31800份", "31801份"), "utf-8")
    flaky.fail = True
    [r] = ingest_paths([copy], store, indexer=index)
    assert r.status == "replaced" and r.queued == 1  # only the changed passage waits
    assert _cell(store, "hj", "t2.licensing", "decisions").value == 24769
    flaky.fail = False
    assert work(store, index, until_empty=True) == 1
    assert set(index.ids("hj")) == store.chunk_ids() != before  # the stale passage is gone, the new one in
    assert store.dirty() == [] and store.queue_size() == 0


def test_rows_of_a_table_continued_on_the_next_page_cite_that_page(samples_dir: Path, store: SQLiteStore) -> None:
    ingest_paths([samples_dir / "01_huaian_shi_2024.pdf"], store)
    # pdftotext: table 三 starts on page 4; 「（七）总计」 and 「1.信访举报投诉类申请」 are printed on page 5
    assert _cell(store, "01_huaian_shi_2024", "t3.new", "total").page == 4
    assert _cell(store, "01_huaian_shi_2024", "t3.total", "total").page == 5
    assert _cell(store, "01_huaian_shi_2024", "t3.not_processed.petition", "total").page == 5


def test_unreadable_template_table_is_not_reread_as_a_generic_table(samples_dir: Path, store: SQLiteStore) -> None:
    """The garbled 科委 extraction: its table 二 cannot be read, and its cells must not turn up
    under other labels as a generic grid."""
    [r] = ingest_paths([samples_dir / "12_shanghai_kewei_2024.md"], store)
    assert r.status == "added" and any("could not read" in w for w in r.warnings)
    generic = [f for f in store.facts("12_shanghai_kewei_2024") if f.table.startswith("g")]
    assert not any("行政许可" in "/".join(f.row_path) or "规范性文件" in "/".join(f.row_path) for f in generic)
    assert _cell(store, "12_shanghai_kewei_2024", "t3.new", "total").value == 34  # 「全年收到…申请 34 件」


def test_a_new_parser_version_or_new_metadata_reads_the_same_file_again(samples_dir: Path, store: SQLiteStore,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import index.parse

    path = samples_dir / "00_houjie_zhen_2023.txt"
    ingest_paths([path], store)
    [same] = ingest_paths([path], store)
    assert same.status == "unchanged"
    [renamed] = ingest_paths([path], store, Overrides(agency="东莞市厚街镇人民政府"))
    assert renamed.status == "replaced" and store.report(renamed.report_id).agency == "东莞市厚街镇人民政府"
    assert ingest_paths([path], store, Overrides(agency="东莞市厚街镇人民政府"))[0].status == "unchanged"
    monkeypatch.setattr(index.parse, "PARSER_VERSION", "next")
    [reread] = ingest_paths([path], store, Overrides(agency="东莞市厚街镇人民政府"))
    assert reread.status == "replaced" and _cell(store, reread.report_id, "t3.new", "total").value == 14


def test_a_store_from_before_parser_versions_opens_and_rereads(samples_dir: Path, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.sqlite3"
    old = sqlite3.connect(db)
    old.execute("CREATE TABLE reports (id TEXT PRIMARY KEY, agency TEXT, year INTEGER, title TEXT, published TEXT, "
                "template TEXT, source TEXT, format TEXT, sha256 TEXT, region TEXT, warnings TEXT, text TEXT)")
    old.commit()
    old.close()
    store = SQLiteStore(db)
    [r] = ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], store)
    assert r.status == "added"
    assert ingest_paths([samples_dir / "00_houjie_zhen_2023.txt"], store)[0].status == "unchanged"


def test_a_second_writer_waits_and_one_kept_waiting_too_long_is_told_why(samples_dir: Path, tmp_path: Path) -> None:
    import threading

    db = tmp_path / "facts.sqlite3"
    a, b = SQLiteStore(db), SQLiteStore(db)
    files = [samples_dir / "00_houjie_zhen_2023.txt", samples_dir / "06_pingtan_zone_2021.txt"]
    out: dict[int, list] = {}
    threads = [threading.Thread(target=lambda i=i, s=s: out.__setitem__(i, ingest_paths([files[i]], s)))
               for i, s in enumerate((a, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status for i in (0, 1) for r in out[i]] == ["added", "added"]
    assert {r.id for r in a.reports()} == {"00_houjie_zhen_2023", "06_pingtan_zone_2021"}

    impatient = SQLiteStore(db, busy_timeout=0.2)
    with a.transaction():  # another process holding the write lock
        [r] = ingest_paths([samples_dir / "07_pingtan_zone_2019.txt"], impatient)
    assert r.status == "failed" and "locked by another writer" in r.error and "unexpected" not in r.error
    assert not impatient.exists("07_pingtan_zone_2019")
