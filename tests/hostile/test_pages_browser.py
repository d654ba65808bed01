"""The chat page in real Chromium, as a new user meets it: uploads that are no report (refused, in
Chinese), upload progress in stages, deleting a report, the evidence for a table whose digits were
glued, passage answers without repetition, the page on a phone, and the key box opening the upload."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hostile_files import ROOT, SEED
from hostile_webapp import make_settings, seeded_service, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = Path("/usr/bin/chromium")
GZJ = ROOT / "samples" / "10_pingtan_gzj_2019.txt"  # table 二 printed with glued digits
JUNSHAN = ROOT / "samples" / "08_pingtan_junshan_2022.txt"
ARTIFACTS = ROOT / "artifacts"
TIMEOUT = 60_000
# Every text the page shows while it works, recorded as it appears (progress lines come and go fast).
RECORD = """() => { window.seen = []; new MutationObserver(ms => { for (const m of ms) {
  const t = (m.target.textContent || '').match(/正在[^\\n]{0,30}/g); if (t) window.seen.push(...t); } })
  .observe(document.body, {subtree: true, childList: true, characterData: true}); }"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from ui.app import create_app

    settings = make_settings(tmp_path_factory.mktemp("pages") / "data")
    svc = seeded_service(settings)
    assert [r.status for r in svc.ingest([GZJ])] == ["added"]
    open_live = serve(create_app(settings, svc))
    keyed_live = serve(create_app(replace(settings, api_key="k3y"), svc))
    yield open_live, keyed_live
    open_live.stop()
    keyed_live.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _open(browser, url: str, width: int = 1400, height: int = 1000):
    page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    page.locator("#rq-question textarea").wait_for()
    page.locator("#rq-examples").get_by_text("年收到多少件政府信息公开申请", exact=False).first.wait_for()
    return page


def _ask(page, question: str):
    from playwright.sync_api import expect

    before = page.locator('#rq-chat [data-testid="bot"]').count()
    page.locator("#rq-question textarea").fill(question)
    page.locator("#rq-question textarea").press("Enter")
    bot = page.locator('#rq-chat [data-testid="bot"]').nth(before)
    expect(bot).to_contain_text("出处", timeout=TIMEOUT)
    return bot


def _upload(page, *paths: Path) -> None:
    page.locator("#rq-files input[type=file]").set_input_files([str(p) for p in paths])
    page.locator("#rq-files").get_by_role("cell", name=paths[-1].name).wait_for()
    page.locator("#rq-upload").click()


def test_uploads_show_their_stages_and_refusals_in_chinese(site, browser, tmp_path):
    from playwright.sync_api import expect

    live, _ = site
    notes = tmp_path / "会议记录.txt"
    notes.write_text("今天开会讨论了三件事，大家都发了言，会议开得很好。\n" * 30, encoding="utf-8")
    broken = tmp_path / "年报.pdf"
    broken.write_bytes(b"this is not a pdf at all" * 10)
    page = _open(browser, live.url)
    page.evaluate(RECORD)
    _upload(page, JUNSHAN, notes, broken)
    results = page.locator("#rq-results")
    expect(results).to_contain_text("已导入", timeout=TIMEOUT)
    expect(results).to_contain_text("未识别出报告")
    expect(results).to_contain_text("文件已损坏或与扩展名不符")
    seen = page.evaluate("window.seen")
    assert any(s.startswith("正在读取 1/3") for s in seen), seen
    assert any("已提取" in s or "正在切分段落" in s for s in seen), seen
    assert any(s.startswith("正在嵌入段落") for s in seen), seen
    text = results.inner_text()
    english = [w for w in ("no report", "not a PDF", "give it with", "agency not found", "--agency") if w in text]
    assert english == [], text
    page.screenshot(path=str(ARTIFACTS / "hostile_upload.png"), full_page=True)
    page.locator("#rq-agency input").click()
    options = page.get_by_role("option").all_inner_texts()
    assert any("君山" in o for o in options) and not any(o.strip() in ("?", "「?」") for o in options), options
    page.close()


def test_a_report_can_be_deleted_from_the_report_panel(site, browser):
    from playwright.sync_api import expect

    live, _ = site
    page = _open(browser, live.url)
    _upload(page, JUNSHAN)
    expect(page.locator("#rq-results")).to_contain_text("君山", timeout=TIMEOUT)
    page.locator("#rq-manage").get_by_text("管理报告").click()
    page.locator("#rq-delete-pick input").click()
    page.get_by_role("option", name="08_pingtan_junshan_2022", exact=False).click()
    page.locator("#rq-delete").click()
    expect(page.locator("#rq-deleted")).to_contain_text("已删除报告「08_pingtan_junshan_2022」")
    # the pickers are refreshed by the deletion's own event: wait for it rather than race it
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        page.keyboard.press("Escape")
        page.locator("#rq-agency input").click()
        options = page.get_by_role("option").all_inner_texts()
        if not any("君山" in o for o in options) or time.monotonic() > deadline:
            break
        page.wait_for_timeout(250)
    assert not any("君山" in o for o in options), options
    page.close()


def test_evidence_for_a_glued_table_keeps_its_shape(site, browser):
    from playwright.sync_api import expect

    live, _ = site
    page = _open(browser, live.url)
    bot = _ask(page, "平潭综合实验区国有资产管理局2019年规范性文件本年新制作数量是多少？")
    expect(bot).to_contain_text("6件")
    evidence = page.locator("#rq-evidence")
    expect(evidence.locator("td.rq-hit")).to_have_text("6")
    cells = evidence.locator("td").all_inner_texts()
    assert cells and not any("?(" in c or "|" in c for c in cells), cells
    expect(evidence.locator("tr.rq-group th").first).to_be_visible()
    expect(evidence.locator(".rq-amb-note")).to_contain_text("粘连")
    overflow = page.evaluate("""() => { const e = document.querySelector('#rq-evidence');
        return e.scrollWidth - e.clientWidth; }""")
    assert overflow <= 1, f"the evidence overflows its panel by {overflow}px"
    page.screenshot(path=str(ARTIFACTS / "hostile_glued_evidence.png"), full_page=True)
    page.close()


def test_a_passage_answer_prints_each_passage_once(site, browser):
    live, _ = site
    page = _open(browser, live.url)
    bot = _ask(page, "厚街镇2023年在政府信息管理方面做了哪些工作？")
    text = bot.inner_text()
    sources = text.split("出处", 1)[1]
    assert len(sources) < 300, sources  # the sources name where the passages are, not what they say
    assert len(text) < 1400, len(text)
    page.close()


def test_on_a_phone_the_evidence_is_close_below_the_answer(site, browser):
    live, _ = site
    page = _open(browser, live.url, width=390, height=844)
    bot = _ask(page, "厚街镇2023年收到多少宗信息公开申请？")
    page.locator("#rq-evidence td.rq-hit").wait_for()
    gap = page.evaluate("""() => {
        const bots = document.querySelectorAll('#rq-chat [data-testid="bot"]');
        const answer = bots[bots.length - 1].getBoundingClientRect();
        const ev = document.querySelector('#rq-evidence').getBoundingClientRect();
        return ev.top - answer.bottom; }""")
    assert bot.is_visible() and gap < 450, f"evidence is {gap:.0f}px below the answer"
    page.screenshot(path=str(ARTIFACTS / "hostile_phone.png"), full_page=True)
    page.close()


def test_the_key_box_opens_the_upload_when_a_key_is_set(site, browser, tmp_path):
    from playwright.sync_api import expect

    _, keyed = site
    page = _open(browser, keyed.url)
    copy = tmp_path / "keyed_copy.txt"
    copy.write_bytes(SEED.read_bytes())
    page.locator("#rq-key input").fill("k3y")
    page.locator("#rq-key input").press("Tab")
    page.wait_for_function("document.cookie.includes('reportqa_key=k3y')")
    _upload(page, copy)
    expect(page.locator("#rq-results")).to_contain_text(re.compile("已导入|未变化"), timeout=TIMEOUT)
    page.close()
