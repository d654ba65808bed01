"""The fact table and the audit on the web: GET /api/facts and /api/audit, the /audit pages, and
(in real Chromium) filtering the audit by agency and following a row to its marked cell.

The app runs over every bundled report, parsed once per session without a text index (no model).
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from index.audit import Audit, Cell, Issue
from index.models import Report
from index.settings import Settings
from qa.service import Service
from ui.audit_page import audit_page

# the five template inconsistencies and the fifteen identities 石泉路街道 2025 (samples/20) breaks itself
ALL_ISSUES = 20

CHROMIUM = Path("/usr/bin/chromium")
DISCLOSURE = ["00_houjie_zhen_2023", "01_huaian_shi_2024", "02_hongze_qu_2023", "03_hongze_qu_2024",
              "04_pingtan_zone_2025", "06_pingtan_zone_2021", "07_pingtan_zone_2019", "08_pingtan_junshan_2022",
              "09_pingtan_scjgj_2019", "10_pingtan_gzj_2019", "11_pingtan_lwtj_2019", "12_shanghai_kewei_2024",
              "13_shanghai_bgt_2025"]


@pytest.fixture(scope="module")
def audit_app(samples_data_dir: Path):
    from ui.app import create_app

    settings = Settings.from_env(env={}, data_dir=samples_data_dir)
    return create_app(settings, Service(settings, with_index=False))


@pytest.fixture(scope="module")
def web(audit_app):
    from fastapi.testclient import TestClient

    with TestClient(audit_app) as c:
        yield c


def test_api_facts_downloads_csv_that_reads_back(web) -> None:
    r = web.get("/api/facts", params={"agency": "洪泽", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="reportqa-facts.csv"' in r.headers["content-disposition"]
    back = pd.read_csv(io.BytesIO(r.content), dtype={"value_text": str})
    assert set(back.report) == {"02_hongze_qu_2023", "03_hongze_qu_2024"}
    cell = back[(back.report == "02_hongze_qu_2023") & (back.row_key == "t4.cases")
                & (back.column_key == "review.upheld")]
    assert cell.value_text.tolist() == ["10"] and cell.page.tolist() == [4]


def test_api_facts_wide_json_and_parquet(web) -> None:
    rows = web.get("/api/facts", params={"report": DISCLOSURE, "wide": "t3.new:total"}).json()
    assert len(rows) == len(DISCLOSURE)
    kind = web.get("/api/facts", params={"report": "00_houjie_zhen_2023", "table": "t3"}).json()[0]["kind"]
    assert kind and web.get("/api/facts", params={"kind": kind, "wide": "t3.new:total"}).json()
    by_report = {r["report"]: r for r in rows}
    assert all(isinstance(r["t3.new:total"], int) for r in rows)
    assert by_report["00_houjie_zhen_2023"]["t3.new:total"] == 14
    assert by_report["01_huaian_shi_2024"]["t3.new:total"] == 3119
    r = web.get("/api/facts", params=[("report", "00_houjie_zhen_2023"), ("table", "t3"), ("format", "parquet")])
    frame = pd.read_parquet(io.BytesIO(r.content))
    assert set(frame.table) == {"t3"} and len(frame) == 25 * 7  # rows with cells of their own × columns


def test_api_facts_errors_say_what_was_wrong(web, monkeypatch) -> None:
    monkeypatch.setattr("ui.api.MAX_EXPORT_ROWS", 1000)
    big = web.get("/api/facts", params={"format": "csv"})
    assert big.status_code == 413 and "reportqa export" in big.json()["detail"]
    assert web.get("/api/facts", params={"report": "00_houjie_zhen_2023"}).status_code == 200
    assert web.get("/api/facts", params={"report": "nope"}).status_code == 404
    bad = web.get("/api/facts", params={"wide": "t3.new"})
    assert bad.status_code == 422 and "ROW_KEY:COLUMN_KEY" in bad.json()["detail"]
    assert web.get("/api/facts", params={"format": "exe"}).status_code == 422


def test_api_audit_json_and_csv(web) -> None:
    body = web.get("/api/audit").json()
    assert body["reports"] == 17
    assert {(i["report"], i["check"]) for i in body["issues"]} >= {("02_hongze_qu_2023", "t4.review_total")}
    assert len(body["issues"]) == ALL_ISSUES
    csv = web.get("/api/audit", params={"agency": "君山", "format": "csv"})
    assert pd.read_csv(io.BytesIO(csv.content)).check.tolist() == [
        "t3.total_is_sum[自然人]", "t3.total_is_sum[其他]", "t3.total_is_sum[总计]"]


def test_audit_page_lists_filters_and_links_to_the_cells(web) -> None:
    page = web.get("/audit").text
    assert page.count('class="rq-issue"') == ALL_ISSUES and "script-src 'none'" in web.get("/audit").headers[
        "content-security-policy"]
    only = web.get("/audit", params={"agency": "洪泽区人民政府"}).text
    assert only.count('class="rq-issue"') == 2 and "君山" not in only.split("<table")[-1]
    assert web.get("/audit", params={"agency": "淮安市洪泽区人民政府"}).text.count('class="rq-issue"') == 0
    csv_link = only.split('<a href="/api/audit?')[1].split('"')[0].replace("&amp;", "&")
    listed = pd.read_csv(io.BytesIO(web.get("/api/audit?" + csv_link).content))
    assert listed.report.tolist() == ["02_hongze_qu_2023"] * 2
    table = web.get("/audit/table", params=[("report", "02_hongze_qu_2023"), ("table", "t4"),
                                           ("cell", "t4.cases:review.total"), ("part", "t4.cases:review.upheld")])
    assert table.status_code == 200
    assert '<td id="hit" class="rq-part">10</td>' in table.text and '<td class="rq-hit">0</td>' in table.text
    back = web.get("/audit/table", params={"report": "02_hongze_qu_2023", "table": "t4",
                                           "back": "agency=洪泽区人民政府&next=javascript:alert(1)"}).text
    assert 'id="rq-back"' in back and "javascript" not in back
    assert web.get("/audit/table", params={"report": "nope", "table": "t4"}).status_code == 404
    assert web.get("/audit/table", params={"report": "02_hongze_qu_2023", "table": "t9"}).status_code == 404


def test_blank_cells_are_a_scope_of_their_own(web) -> None:
    assert len(web.get("/api/audit", params={"blanks": "true"}).json()["issues"]) > 5
    page = web.get("/audit", params={"scope": "blank"}).text
    rows = page.count('class="rq-issue"')
    assert rows > 0 and "t4.review_total" not in page and "没有读到数字" in page
    link = page.split('class="rq-goto" href="')[1].split('"')[0].replace("&amp;", "&")
    assert web.get(link).status_code == 200
    assert web.get("/audit").text.count('class="rq-issue"') == ALL_ISSUES  # not among the inconsistencies


def test_audit_page_escapes_report_text() -> None:
    evil = "<script>alert(1)</script>"
    cell = Cell("r1", "t4", (evil,), ("总计",), "t4.cases", "review.total", Decimal(0), 2, "left")
    issue = Issue("r1", evil, 2023, "disclosure", "t4.review_total", evil, Decimal(0), Decimal(1), evil,
                  cells=(cell,))
    html = audit_page(Audit((), 1, (issue,)), True, [Report("r1", evil, 2023, None, None, "2021", "", "txt", "")],
                      agency=evil)
    assert evil not in html and "&lt;script&gt;" in html


def test_chat_page_serves_its_download_links(web) -> None:
    from ui.render import download_links

    links = download_links("平潭综合实验区", 2021, ["06_pingtan_zone_2021"])
    assert 'href="/api/facts?report=06_pingtan_zone_2021&amp;format=csv"' in links
    assert "/audit?agency=" in links
    assert 'href="/api/facts?format=csv"' in download_links(None, None, ["a", "b"])


@pytest.fixture(scope="module")
def live_audit(audit_app):
    from websupport import serve_in_thread

    srv = serve_in_thread(audit_app)
    yield srv
    srv.server.should_exit = True
    srv.thread.join(timeout=10)


@pytest.mark.browser
@pytest.mark.slow
def test_browser_filters_the_audit_by_agency_and_follows_a_row_to_its_cell(live_audit, tmp_path) -> None:
    from playwright.sync_api import Error, expect, sync_playwright
    from websupport import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        except Error as e:
            pytest.fail(f"cannot start Chromium at {CHROMIUM} ({e}); run `make browser-deps`")
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        page.set_default_timeout(30_000)
        foreign: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(live_audit.url) else foreign.append(r.url))
        page.goto(live_audit.url + "/audit")
        expect(page.locator("tr.rq-issue")).to_have_count(ALL_ISSUES)
        page.locator("#f-agency").select_option("洪泽区人民政府")
        page.locator("#f-apply").click()
        expect(page.locator("tr.rq-issue")).to_have_count(2)
        expect(page.locator("#rq-issues")).not_to_contain_text("君山")
        expect(page.locator("#f-agency")).to_have_value("洪泽区人民政府")
        page.screenshot(path=str(ARTIFACTS / "audit_list.png"), full_page=True)

        row = page.locator("tr.rq-issue", has_text="行政复议 总计")
        expect(row).to_contain_text("0 ≠ 11")
        row.locator("a.rq-goto").click()
        expect(page.locator("h1")).to_contain_text("洪泽区人民政府2023年")
        expect(page.locator("td.rq-hit")).to_have_text(["0"])  # 行政复议 总计, printed 0
        expect(page.locator("td.rq-part")).to_have_text(["10", "1", "0", "0"])  # 维持, 纠正, 其他, 尚未审结
        assert page.url.endswith("#hit")
        page.screenshot(path=str(ARTIFACTS / "audit_cell.png"), full_page=True)
        page.locator("#rq-back").click()  # back to the same filtered list
        expect(page.locator("tr.rq-issue")).to_have_count(2)
        expect(page.locator("#f-agency")).to_have_value("洪泽区人民政府")

        # the chat page's report panel: the download follows the picked agency
        page.goto(live_audit.url)
        expect(page.locator("#rq-download-csv")).to_have_attribute("href", "/api/facts?format=csv")
        page.locator("#rq-agency input").click()
        page.get_by_role("option", name="洪泽区人民政府", exact=True).click()
        link = page.locator("#rq-download-csv")
        # one agency under both its printed names: its 2023 and 2024 reports
        expect(link).to_have_attribute("href", "/api/facts?report=02_hongze_qu_2023&report=03_hongze_qu_2024"
                                                "&format=csv")
        with page.expect_download() as download:
            link.click()
        got = pd.read_csv(download.value.path())
        assert set(got.report) == {"02_hongze_qu_2023", "03_hongze_qu_2024"} and len(got) > 100
        browser.close()
    assert foreign == []
