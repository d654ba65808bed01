"""Attacks on the running server (uvicorn on 127.0.0.1, a free port): reading server files through
the chat's upload event, replacing or deleting someone else's report, writing from another origin
(also through a real browser), and framing the page."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from hostile_files import SEED
from hostile_limits import store_state
from hostile_webapp import SEED_ANSWER, SEED_QUESTION, make_settings, seeded_service, serve

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from ui.app import create_app

    settings = make_settings(tmp_path_factory.mktemp("live") / "data")
    svc = seeded_service(settings)
    open_live, keyed_live = serve(create_app(settings, svc)), serve(create_app(replace(settings, api_key="k3y"), svc))
    yield settings, open_live, keyed_live
    open_live.stop()
    keyed_live.stop()


def _config_index(url: str, elem_id: str) -> tuple[int, int]:
    """(fn_index, trigger id) of the event whose first input is the component `elem_id`."""
    cfg = httpx.get(f"{url}/config").json()
    ids = {c["id"]: c.get("props", {}).get("elem_id") for c in cfg["components"]}
    for i, dep in enumerate(cfg["dependencies"]):
        if dep["inputs"] and ids.get(dep["inputs"][0]) == elem_id:
            return i, dep["targets"][0][0]
    raise AssertionError(f"no event reads {elem_id}")


def _call_event(url: str, fn_index: int, trigger: int, data: list) -> tuple[int, dict | None]:
    """Join Gradio's queue directly, as a script would, and read the event's final message."""
    session = uuid.uuid4().hex[:12]
    body = {"data": data, "fn_index": fn_index, "trigger_id": trigger, "session_hash": session, "event_data": None}
    with httpx.Client(base_url=url, timeout=60) as c:
        joined = c.post("/gradio_api/queue/join", json=body)
        if joined.status_code != 200:
            return joined.status_code, None
        with c.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}) as stream:
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    msg = json.loads(line[5:])
                    if msg.get("msg") == "process_completed":
                        return 200, msg
    return 200, None


def test_the_chat_upload_event_cannot_read_a_file_on_the_server(site, tmp_path):
    settings, live, _ = site
    secret = tmp_path / f"{uuid.uuid4().hex[:8]}_secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8").replace("厚街镇", "机密镇"), encoding="utf-8")
    before = store_state(settings.data_dir)
    fn, trigger = _config_index(live.url, "rq-files")
    file_data = {"path": str(secret), "orig_name": secret.name, "meta": {"_type": "gradio.FileData"}}
    status, msg = _call_event(live.url, fn, trigger, [[file_data], "", "*", "*", "", ""])
    assert status == 200 and msg is not None and msg["success"] is False
    assert "机密镇" not in json.dumps(msg, ensure_ascii=False)
    assert store_state(settings.data_dir) == before
    answer = httpx.post(f"{live.url}/api/ask", json={"question": "机密镇2023年收到多少宗信息公开申请？"}).json()
    assert "机密镇人民政府" not in answer["answer"]


def test_the_chat_refuses_oversized_questions_on_the_server(site):
    _, live, _ = site
    fn, trigger = _config_index(live.url, "rq-question")
    status, _ = _call_event(live.url, fn, trigger, ["问" * 2_000_000, [], None, "*", "*"])
    assert status == 413  # refused before a byte of it reached the chat
    status, msg = _call_event(live.url, fn, trigger, ["问" * 5000, [], None, "*", "*"])
    assert status == 200 and msg["success"] is True
    chat = msg["output"]["data"][1]
    assert not (isinstance(chat, list) and chat), "an over-long question must not be answered"


def test_an_anonymous_upload_never_replaces_a_stored_report(site):
    _, live, _ = site
    forged = SEED.read_text(encoding="utf-8").replace("14", "99", 1).encode()
    r = httpx.post(f"{live.url}/api/reports", files=[("files", (SEED.name, forged, "text/plain"))], timeout=60)
    assert r.status_code == 201 and r.json()["results"][0]["report_id"] != SEED.stem
    facts = httpx.get(f"{live.url}/api/reports/{SEED.stem}/facts", params={"table": "t3"}).json()["facts"]
    assert any(f["value"] == "14" and f["row"][0].startswith("一、本年新收") for f in facts)
    scoped = {"question": SEED_QUESTION, "filters": {"reports": [SEED.stem]}}
    assert SEED_ANSWER in httpx.post(f"{live.url}/api/ask", json=scoped).json()["answer"]


def test_writes_from_another_origin_are_refused(site):
    settings, live, _ = site
    before = store_state(settings.data_dir)
    elsewhere = {"Origin": "http://127.0.0.1:9", "Sec-Fetch-Site": "same-site"}
    r = httpx.post(f"{live.url}/api/reports", headers=elsewhere,
                   files=[("files", ("x.txt", SEED.read_bytes(), "text/plain"))])
    assert r.status_code == 403
    assert httpx.delete(f"{live.url}/api/reports/{SEED.stem}", headers=elsewhere).status_code == 403
    assert httpx.post(f"{live.url}/gradio_api/upload", headers=elsewhere,
                      files=[("files", ("x.txt", b"x", "text/plain"))]).status_code == 403
    assert httpx.post(f"{live.url}/gradio_api/queue/join", headers=elsewhere, json={}).status_code == 403
    assert store_state(settings.data_dir) == before
    # asking stays open to every origin (the widget asks from other sites)
    assert httpx.post(f"{live.url}/api/ask", headers=elsewhere, json={"question": SEED_QUESTION}).status_code == 200
    # our own pages may write
    own = {"Origin": live.url}
    assert httpx.post(f"{live.url}/gradio_api/upload", headers=own,
                      files=[("files", ("x.txt", b"x", "text/plain"))]).status_code == 200


def test_gradios_file_drop_needs_the_key_when_one_is_set(site):
    _, _, keyed = site
    files = [("files", ("x.txt", b"x", "text/plain"))]
    assert httpx.post(f"{keyed.url}/gradio_api/upload", files=files).status_code == 401
    assert httpx.post(f"{keyed.url}/gradio_api/upload", files=files, headers={"X-API-Key": "bad"}).status_code == 401
    assert httpx.post(f"{keyed.url}/gradio_api/upload", files=files, headers={"X-API-Key": "k3y"}).status_code == 200
    assert httpx.post(f"{keyed.url}/gradio_api/upload", files=files,
                      cookies={"reportqa_key": "k3y"}).status_code == 200


def test_only_the_embed_page_may_be_framed_by_other_sites(site):
    _, live, _ = site
    page = httpx.get(f"{live.url}/")
    assert "frame-ancestors 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "SAMEORIGIN"
    assert "frame-ancestors *" in httpx.get(f"{live.url}/embed").headers["content-security-policy"]
    for path in ("/docs", "/audit", "/api/health"):
        assert "frame-ancestors 'self'" in httpx.get(f"{live.url}{path}").headers["content-security-policy"], path


@pytest.mark.browser
def test_a_page_on_another_origin_can_neither_write_nor_frame_the_chat(site, tmp_path):
    from playwright.sync_api import sync_playwright

    settings, live, _ = site
    attacker = tmp_path / "attacker"
    attacker.mkdir()
    (attacker / "index.html").write_text(f"""<!doctype html><meta charset="utf-8"><body>
<iframe id="f" src="{live.url}/" width="800" height="600"></iframe>
<script>
const fd = new FormData();
fd.append("files", new Blob(["{SEED.read_text(encoding='utf-8')[:2000].replace(chr(10), ' ').replace('"', '')}"],
          {{type: "text/plain"}}), "{SEED.name}");
window.sent = fetch("{live.url}/api/reports", {{method: "POST", body: fd, mode: "no-cors"}})
  .then(() => "sent", e => "error");
</script></body>""", encoding="utf-8")
    from hostile_static import serve_static

    origin, httpd = serve_static(attacker)
    before = store_state(settings.data_dir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"{origin}/index.html")
            assert page.evaluate("window.sent") in ("sent", "error")
            page.wait_for_timeout(1500)
            framed = [f for f in page.frames if f != page.main_frame]
            assert framed and all("rq-question" not in (f.content() if f.url.startswith(live.url) else "")
                                  for f in framed)
            browser.close()
    finally:
        httpd.shutdown()
    assert store_state(settings.data_dir) == before
