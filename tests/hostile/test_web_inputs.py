"""Hostile requests to the REST API: oversized and malformed bodies, odd characters, errors that
must not echo server paths or what was sent, silent replacement, and deleting."""

from __future__ import annotations

import json
import time

import pytest
from hostile_files import SEED
from hostile_webapp import SEED_ANSWER, SEED_QUESTION, make_settings, seeded_service


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    from fastapi.testclient import TestClient

    from ui.app import create_app

    settings = make_settings(tmp_path_factory.mktemp("web") / "data")
    svc = seeded_service(settings)
    with TestClient(create_app(settings, svc)) as client:
        yield settings, svc, client


@pytest.fixture(scope="module")
def keyed(env, tmp_path_factory):
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from ui.app import create_app

    settings, svc, _ = env
    with TestClient(create_app(replace(settings, api_key="k3y"), svc)) as client:
        yield client


def _ask(client, **body):
    return client.post("/api/ask", json={"question": SEED_QUESTION, **body})


def test_a_lone_surrogate_is_a_clear_422_not_a_500(env):
    _, _, client = env
    raw = '{"question": "厚街镇\\ud800收到多少宗申请？"}'
    r = client.post("/api/ask", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"].startswith("Invalid request: question:")
    raw = '{"question": "那企业呢？", "history": [{"role": "user", "content": "\\udfff"}]}'
    turn = client.post("/api/ask", content=raw, headers={"Content-Type": "application/json"})
    assert turn.status_code == 422


def test_a_megabyte_question_is_refused_without_echoing_it(env):
    _, _, client = env
    r = client.post("/api/ask", json={"question": "问" * 50_000})
    assert r.status_code == 422
    assert "at most 1000 characters" in r.json()["detail"] and "问问问" not in r.text
    r = client.post("/api/ask", json={"question": "x" * 2**20})
    assert r.status_code == 413 and len(r.text) < 300


def test_a_huge_history_turn_costs_nothing(env):
    _, _, client = env
    body = json.dumps({"question": SEED_QUESTION, "history": [{"role": "user", "content": "x" * 50 * 2**20}]})
    start = time.monotonic()
    r = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and time.monotonic() - start < 5
    long_turn = _ask(client, history=[{"role": "user", "content": "长" * 5000}])
    assert long_turn.status_code == 422 and "长长长" not in long_turn.text
    many = _ask(client, history=[{"role": "user", "content": "那企业呢？"}] * 41)
    assert many.status_code == 422


def test_a_body_without_a_length_is_still_capped(env):
    _, _, client = env

    def chunks():
        for _ in range(64):
            yield b"x" * 8192

    r = client.post("/api/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_filters_are_bounded(env):
    _, _, client = env
    assert _ask(client, filters={"year": 99999999999999999999}).status_code == 422
    assert _ask(client, filters={"agency": "局" * 500}).status_code == 422
    assert _ask(client, filters={"reports": ["r"] * 201}).status_code == 422


def test_a_file_sent_without_a_name_is_not_echoed(env):
    _, _, client = env
    secret = "机密内容" * 2000
    r = client.post("/api/reports", files=[("files", ("", secret.encode(), "text/plain"))])
    assert r.status_code in (415, 422) and "机密内容" not in r.text and len(r.text) < 600


def test_upload_errors_name_the_file_not_the_server_path(env):
    settings, _, client = env
    r = client.post("/api/reports", files=[("files", ("g0.txt", b"\x00\x01binary" * 100, "text/plain"))])
    assert r.status_code == 422
    assert "g0.txt" in r.text and "uploads" not in r.text and str(settings.data_dir) not in r.text


def test_an_upload_named_like_a_stored_report_is_kept_beside_it(env):
    _, _, client = env
    forged = SEED.read_text(encoding="utf-8").replace("14", "99", 1)
    r = client.post("/api/reports", files=[("files", (SEED.name, forged.encode(), "text/plain"))])
    assert r.status_code == 201, r.text
    assert r.json()["results"][0]["report_id"] == "00_houjie_zhen_2023-2"
    ids = {x["id"] for x in client.get("/api/reports").json()}
    assert {"00_houjie_zhen_2023", "00_houjie_zhen_2023-2"} <= ids
    facts = client.get("/api/reports/00_houjie_zhen_2023/facts", params={"table": "t3"}).json()["facts"]
    assert any(f["value"] == "14" for f in facts)  # the stored report is what it was
    # the same bytes again are the same version, not a third one
    again = client.post("/api/reports", files=[("files", (SEED.name, forged.encode(), "text/plain"))])
    assert again.json()["results"][0] == {**again.json()["results"][0], "status": "unchanged",
                                          "report_id": "00_houjie_zhen_2023-2"}
    assert client.delete("/api/reports/00_houjie_zhen_2023-2").status_code == 200


def test_a_text_that_is_no_report_is_refused(env):
    _, _, client = env
    r = client.post("/api/reports", files=[("files", ("notes.txt", "今天开会讨论了三件事。".encode() * 20,
                                                      "text/plain"))])
    assert r.status_code == 422 and "no report found" in r.json()["detail"]
    assert "notes" not in {x["id"] for x in client.get("/api/reports").json()}


def test_delete_needs_the_key_when_one_is_set_and_removes_everything(env, keyed):
    settings, svc, client = env
    r = client.post("/api/reports", files=[("files", ("copy.txt", SEED.read_bytes(), "text/plain"))])
    assert r.status_code == 201
    assert keyed.delete("/api/reports/copy").status_code == 401
    assert keyed.delete("/api/reports/copy", headers={"X-API-Key": "nope"}).status_code == 401
    assert keyed.delete("/api/reports/copy", headers={"X-API-Key": "k3y"}).status_code == 200
    assert client.get("/api/reports/copy/facts").status_code == 404
    assert svc.store.chunks("copy") == [] and svc.indexer.collection.get(where={"report_id": "copy"})["ids"] == []
    assert not list((settings.data_dir / "uploads").rglob("copy.txt"))
    assert client.delete("/api/reports/copy").status_code == 404
    assert client.delete("/api/reports/..%2F..%2Fx").status_code in (404, 422)
    assert SEED_ANSWER in _ask(client).json()["answer"]


def test_docs_are_interactive_and_local(env):
    _, _, client = env
    page = client.get("/docs").text
    assert "SwaggerUIBundle" in page and "cdn" not in page.lower()
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
