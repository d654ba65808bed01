"""The REST API, endpoint by endpoint, through FastAPI's TestClient (no network, no browser)."""

from __future__ import annotations

import re

import pytest
from websupport import SEED, XSS

pytestmark = pytest.mark.slow  # the session fixture embeds the reports with the real e5 model


def test_health(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["reports"] >= 2


def test_reports_lists_the_ingested_reports_without_server_paths(client):
    r = client.get("/api/reports")
    assert r.status_code == 200
    by_id = {x["id"]: x for x in r.json()}
    seed = by_id["00_houjie_zhen_2023"]
    assert (seed["agency"], seed["year"]) == ("厚街镇人民政府", 2023)
    assert seed["source"] == "00_houjie_zhen_2023.txt"


def test_ask_answers_a_figure_with_its_citation(client):
    r = client.post("/api/ask", json={"question": "厚街镇2023年收到多少宗信息公开申请?"})
    assert r.status_code == 200
    a = r.json()
    assert a["status"] == "answered"
    assert a["result"] == {"value": "14", "unit": "宗"}
    assert a["citations"] and a["citations"][0]["report"] == "00_houjie_zhen_2023"
    assert a["figures"][0]["row"].startswith("一、本年新收")


def test_ask_follow_up_uses_history(client):
    history = [{"role": "user", "content": "厚街镇2023年收到多少宗信息公开申请?"},
               {"role": "assistant", "content": "14宗"}]
    r = client.post("/api/ask", json={"question": "企业申请了几宗?", "history": history})
    assert r.json()["result"]["value"] == "2"


def test_ask_filters_scope_the_question(client):
    unscoped = client.post("/api/ask", json={"question": "企业申请了几宗?"}).json()
    assert unscoped["status"] == "needs_clarification"
    scoped = client.post("/api/ask", json={"question": "企业申请了几宗?",
                                           "filters": {"agency": "厚街镇人民政府", "year": 2023}}).json()
    assert scoped["status"] == "answered" and scoped["result"]["value"] == "2"
    by_id = client.post("/api/ask", json={"question": "企业申请了几宗?",
                                          "filters": {"reports": ["00_houjie_zhen_2023"]}}).json()
    assert by_id["result"]["value"] == "2"


def test_ask_comparison_has_a_table_to_chart(client):
    a = client.post("/api/ask", json={"question": "比较厚街镇和上海市政府办公厅收到的申请数"}).json()
    assert a["table"] and {row["report"] for row in a["table"]} == {"00_houjie_zhen_2023", "13_shanghai_bgt_2025"}


@pytest.mark.parametrize("body", [{}, {"question": ""}, {"question": "x", "history": [{"role": "robot"}]},
                                  {"question": "x", "filters": {"year": "last"}}])
def test_ask_rejects_malformed_bodies(client, body):
    assert client.post("/api/ask", json=body).status_code == 422


def test_facts_of_a_report(client):
    r = client.get("/api/reports/00_houjie_zhen_2023/facts", params={"table": "t3"})
    assert r.status_code == 200
    body = r.json()
    assert body["report"]["agency"] == "厚街镇人民政府"
    total = [f for f in body["facts"] if f["row"] == ["一、本年新收政府信息公开申请数量"] and f["column"] == ["总计"]]
    assert total and total[0]["value"] == "14"
    assert {f["table"] for f in body["facts"]} == {"t3"}


def test_facts_of_a_missing_report_is_404_with_a_clear_message(client):
    r = client.get("/api/reports/no_such_report/facts")
    assert r.status_code == 404
    assert "no_such_report" in r.json()["detail"] and "Known reports" in r.json()["detail"]


def _upload(client, name: str, data: bytes, **kw):
    return client.post("/api/reports", files=[("files", (name, data, "application/octet-stream"))], **kw)


def test_upload_adds_a_report_and_keeps_its_text_as_text(client, xss_upload):
    assert xss_upload.status_code == 201, xss_upload.text
    (result,) = xss_upload.json()["results"]
    assert result["status"] == "added" and result["report_id"] == "xss_report"
    assert result["agency"] == "测试镇人民政府" and result["facts"] > 0
    assert "path" not in result
    a = client.post("/api/ask", json={"question": "测试镇2023年通过门户网站公开了哪些信息"}).json()
    assert XSS in a["answer"]  # JSON carries the text as it is; the pages escape it (see the browser tests)


def test_upload_same_file_again_is_unchanged(client):
    r = _upload(client, SEED.name, SEED.read_bytes())
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "unchanged"


def test_upload_too_big_is_413(client):
    r = _upload(client, "big.txt", b"x" * (2**20 + 1))
    assert r.status_code == 413
    assert "limit is 1 MB" in r.json()["detail"]


def test_upload_far_too_big_is_stopped_by_the_body_limit(client):
    r = _upload(client, "huge.txt", b"x" * (5 * 2**20 + 2))
    assert r.status_code == 413
    assert "at most 5 MB" in r.json()["detail"]


def test_upload_wrong_type_is_415(client):
    r = _upload(client, "report.exe", b"MZ\x90\x00")
    assert r.status_code == 415
    assert ".docx" in r.json()["detail"]


def test_upload_empty_file_is_422(client):
    r = _upload(client, "empty.txt", b"")
    assert r.status_code == 422
    assert "empty" in r.json()["detail"]


def test_upload_without_files_is_422(client):
    assert client.post("/api/reports").status_code == 422


def test_upload_that_is_no_report_is_422_and_not_kept(client, settings):
    r = _upload(client, "not_a_report.pdf", "今天天气很好。".encode())
    assert r.status_code == 422
    assert r.json()["results"][0]["status"] == "failed" and r.json()["detail"]
    assert not list((settings.data_dir / "uploads").rglob("not_a_report.pdf"))


def test_api_key_guards_uploads_only(keyed_client):
    assert _upload(keyed_client, "a.exe", b"x").status_code == 401
    assert _upload(keyed_client, "a.exe", b"x", headers={"X-API-Key": "wrong"}).status_code == 401
    assert _upload(keyed_client, "a.exe", b"x", headers={"X-API-Key": "s3cret"}).status_code == 415
    ok = _upload(keyed_client, SEED.name, SEED.read_bytes(), headers={"X-API-Key": "s3cret"})
    assert ok.status_code == 200
    assert keyed_client.post("/api/ask", json={"question": "厚街镇2023年收到多少宗信息公开申请?"}).status_code == 200
    assert keyed_client.get("/api/reports").status_code == 200


def test_cors_for_the_api(client):
    r = client.options("/api/ask", headers={"Origin": "https://www.example.gov.cn",
                                            "Access-Control-Request-Method": "POST",
                                            "Access-Control-Request-Headers": "content-type"})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] in ("*", "https://www.example.gov.cn")


def test_openapi_and_docs_are_local(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/reports", "/api/reports/{report_id}/facts", "/api/health"} <= set(spec["paths"])
    page = client.get("/docs")
    assert page.status_code == 200 and "SwaggerUIBundle" in page.text and "/openapi.json" in page.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/docs-assets/") for a in assets), assets  # no CDN
    for a in assets:
        assert client.get(a).status_code == 200


def test_widget_and_embed_are_served(client):
    js = client.get("/widget.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "attachShadow" in js.text
    embed = client.get("/embed", params={"agency": "厚街镇人民政府", "year": "2023"})
    assert embed.status_code == 200
    assert "frame-ancestors *" in embed.headers["content-security-policy"]
    assert client.get("/embed.js").status_code == 200
