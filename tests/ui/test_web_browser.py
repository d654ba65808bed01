"""The pages in real Chromium (Playwright), against the app served by uvicorn on a free port.

Each test saves a screenshot under artifacts/. Every page records dialogs (an executed `alert`
would open one) and requests to any host but ours (there must be none: no CDN, no call-home).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from websupport import PINGTAN, XSS, serve_static

from ui.feedback import FeedbackStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT = 60_000


@dataclass
class Tab:
    page: object
    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        except Error as e:
            pytest.fail(f"cannot start Chromium at {CHROMIUM} ({e}); run `make browser-deps`, "
                        "or leave these tests out with -m 'not browser'")
        yield b
        b.close()


@pytest.fixture
def tab(browser, live):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    t = Tab(ctx.new_page())
    t.page.set_default_timeout(TIMEOUT)
    t.page.on("dialog", lambda d: (t.dialogs.append(d.message), d.dismiss()))
    t.page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
              else t.foreign.append(r.url))
    yield t
    ctx.close()


def open_chat(t: Tab, url: str) -> None:
    t.page.goto(url)
    t.page.locator("#rq-question textarea").wait_for()
    t.page.locator("#rq-examples").get_by_text("年收到多少件政府信息公开申请", exact=False).first.wait_for()


def ask(t: Tab, question: str, expect_text: str):
    """Ask on the main page and wait for the finished answer (it streams, so wait for the end text)."""
    from playwright.sync_api import expect

    before = t.page.locator('#rq-chat [data-testid="bot"]').count()
    t.page.locator("#rq-question textarea").fill(question)
    t.page.locator("#rq-question textarea").press("Enter")
    bot = t.page.locator('#rq-chat [data-testid="bot"]').nth(before)
    expect(bot).to_contain_text(expect_text, timeout=TIMEOUT)
    return bot


def pick(t: Tab, elem_id: str, option: str) -> None:
    t.page.locator(f"#{elem_id} input").click()
    t.page.get_by_role("option", name=option).click()


def test_main_page_answers_with_citation_evidence_chart_and_feedback(tab, live, settings, artifacts):
    from playwright.sync_api import expect

    open_chat(tab, live.url)
    bot = ask(tab, "厚街镇2023年收到多少宗信息公开申请?", "出处")
    expect(bot).to_contain_text("14宗")
    expect(bot).to_contain_text("厚街镇人民政府2023年")
    expect(tab.page.locator("#rq-evidence td.rq-hit")).to_have_text("14")
    expect(tab.page.locator("#rq-evidence")).to_contain_text("表三")

    tab.page.locator('#rq-chat button[aria-label="赞"]').last.click()
    feedback = FeedbackStore.in_dir(settings.data_dir)
    deadline = time.monotonic() + 10
    while not any(f.rating == 1 and "厚街镇2023年" in f.question for f in feedback.all()):
        assert time.monotonic() < deadline, "the 👍 was not stored"
        time.sleep(0.2)
    stored = feedback.all()[-1]
    assert stored.answer["result"] == {"value": "14", "unit": "宗"}

    follow = ask(tab, "企业申请了几宗?", "出处")
    expect(follow).to_contain_text("2宗")

    ask(tab, "比较厚街镇和上海市政府办公厅收到的申请数", "出处")
    expect(tab.page.locator('#rq-chart figure[data-kind="compare"] rect')).to_have_count(2)
    expect(tab.page.locator("#rq-chart")).to_contain_text("1295")
    tab.page.screenshot(path=str(artifacts / "main_page.png"), full_page=True)
    assert tab.dialogs == [] and tab.foreign == []


def test_upload_a_report_then_ask_about_it_in_its_scope(tab, live, artifacts):
    from playwright.sync_api import expect

    open_chat(tab, live.url)
    tab.page.locator("#rq-files input[type=file]").set_input_files(str(PINGTAN))
    # The file list shows stem and suffix in separate spans; its accessible name is the whole name.
    expect(tab.page.locator("#rq-files").get_by_role("cell", name=PINGTAN.name)).to_be_visible()
    tab.page.locator("#rq-upload").click()
    expect(tab.page.locator("#rq-results")).to_contain_text(re.compile("已导入|已更新|未变化"), timeout=180_000)
    expect(tab.page.locator("#rq-results")).to_contain_text("平潭综合实验区")
    tab.page.screenshot(path=str(artifacts / "upload.png"), full_page=True)

    pick(tab, "rq-agency", "平潭综合实验区")
    expect(tab.page.locator("#rq-examples")).to_contain_text("平潭综合实验区2021年")
    bot = ask(tab, "收到多少件政府信息公开申请？", "出处")  # no agency named: the picker scopes it
    expect(bot).to_contain_text("70件")
    expect(bot).to_contain_text("平潭综合实验区2021年")
    assert tab.dialogs == [] and tab.foreign == []


def test_widget_on_another_origin_answers_in_its_scope(tab, live, tmp_path, artifacts):
    from playwright.sync_api import expect

    # the host page hides every div, button and iframe of its own: the widget must not be touched
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某镇政府网站</title>'
        "<style>div,button,iframe{display:none!important}body{font-size:40px;color:red}</style></head>"
        "<body><h1>某镇政府网站</h1><p>政府信息公开专栏</p>"
        f'<script src="{live.url}/widget.js" data-agency="厚街镇人民政府" data-year="2023" '
        'data-title="厚街镇年报问答" data-position="right"></script></body></html>', encoding="utf-8")
    site, httpd = serve_static(tmp_path)
    try:
        assert site.split(":")[-1] != live.url.split(":")[-1]
        tab.page.goto(site + "/index.html")
        tab.page.locator("reportqa-widget button.bubble").click()
        frame = tab.page.frame_locator("reportqa-widget iframe")
        expect(frame.locator("#scope")).to_contain_text("厚街镇人民政府 2023年")
        frame.locator("#q").fill("企业申请了几宗？")  # no agency named: the data attributes scope it
        frame.locator("#q").press("Enter")
        answer = frame.locator(".msg.bot").last
        expect(answer).to_contain_text("2宗", timeout=TIMEOUT)
        expect(answer.locator(".cites li").first).to_contain_text("商业企业")
        tab.page.screenshot(path=str(artifacts / "widget.png"))
    finally:
        httpd.shutdown()
    assert tab.dialogs == []
    assert all(u.startswith((site, live.url)) for u in tab.foreign)


def test_script_in_a_report_or_question_shows_as_text(tab, live, xss_upload, artifacts):
    from playwright.sync_api import expect

    assert xss_upload.status_code == 201
    open_chat(tab, live.url)
    bot = ask(tab, "<img src=x onerror=alert(2)>厚街镇2023年收到多少宗信息公开申请?", "出处")
    expect(tab.page.locator('#rq-chat [data-testid="user"]').last).to_contain_text("<img src=x onerror=alert(2)>")
    expect(bot).to_contain_text("14宗")
    bot = ask(tab, "测试镇2023年通过门户网站公开了哪些信息", XSS)
    expect(tab.page.locator("#rq-evidence")).to_contain_text(XSS)
    assert tab.page.locator("#rq-chat script, #rq-evidence script, #rq-chat img[src=x]").count() == 0
    tab.page.screenshot(path=str(artifacts / "script_as_text.png"), full_page=True)

    tab.page.goto(live.url + "/embed?agency=测试镇人民政府&year=2023")
    tab.page.locator("#q").fill("通过门户网站公开了哪些信息")
    tab.page.locator("#q").press("Enter")
    expect(tab.page.locator(".msg.bot").last).to_contain_text(XSS, timeout=TIMEOUT)
    assert tab.page.locator("#log script").count() == 0
    tab.page.screenshot(path=str(artifacts / "embed_script_as_text.png"))
    assert tab.dialogs == [] and tab.foreign == []


def test_a_follow_up_keeps_the_scope_never_the_figure(tab, live, artifacts):
    """An off-topic turn after a figure is refused, not answered with that figure again; a follow-up
    for a year not held names the conversation's agency and the years it has."""
    from playwright.sync_api import expect

    def ask_in_turn(question: str, expect_text: str):
        """Ask once the last answer has finished; a question typed while the chat still settles is
        sent again (the page drops an Enter that arrives mid-update)."""
        users = tab.page.locator('#rq-chat [data-testid="user"]')
        before = users.count()
        box = tab.page.locator("#rq-question textarea")
        for _ in range(3):
            box.fill(question)
            box.press("Enter")
            try:
                expect(users).to_have_count(before + 1, timeout=5_000)
                break
            except AssertionError:
                continue
        bot = tab.page.locator('#rq-chat [data-testid="bot"]').nth(before)
        expect(bot).to_contain_text(expect_text, timeout=TIMEOUT)
        return bot

    open_chat(tab, live.url)
    ask_in_turn("厚街镇2023年收到多少宗信息公开申请？", "14")
    off = ask_in_turn("今天天气怎么样？", "无关")
    assert "14" not in off.inner_text()
    other_year = ask_in_turn("那2022年呢？", "2023年")
    assert "厚街镇" in other_year.inner_text() and "14宗" not in other_year.inner_text()
    tab.page.screenshot(path=str(artifacts / "follow_ups.png"), full_page=True)
    assert tab.dialogs == [] and tab.foreign == []
