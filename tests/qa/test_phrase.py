"""LLM phrasing against a real local HTTP server that speaks the OpenAI chat API."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from index.settings import Settings
from qa.ask import QA
from qa.phrase import LLMPhraser, guard
from qa.scope import Filters


class _FakeOpenAI(BaseHTTPRequestHandler):
    reply = ""
    seen: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _FakeOpenAI.seen.append(body)
        payload = {
            "id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": _FakeOpenAI.reply}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def llm_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


def _qa(qa_store, url: str) -> QA:
    settings = Settings(llm_base_url=url, llm_model="fake", llm_api_key="k")
    return QA(qa_store, phraser=LLMPhraser.from_settings(settings))


def test_phrasing_with_the_same_numbers_is_used(qa_store, llm_url):
    _FakeOpenAI.reply = "厚街镇人民政府2023年共收到企业提出的政府信息公开申请2宗。"
    a = _qa(qa_store, llm_url).ask("企业申请了几宗?", filters=Filters(reports=("00_houjie_zhen_2023",)))
    assert a.text == _FakeOpenAI.reply and str(a.value) == "2" and a.citations
    sent = _FakeOpenAI.seen[-1]["messages"][-1]["content"]
    assert "企业申请了几宗" in sent and "商业企业 = 2宗" in sent


def test_a_number_not_in_the_evidence_is_rejected(qa_store, llm_url):
    _FakeOpenAI.reply = "厚街镇2023年企业申请了15宗。"
    a = _qa(qa_store, llm_url).ask("企业申请了几宗?", filters=Filters(reports=("00_houjie_zhen_2023",)))
    assert "15" not in a.text and "2宗" in a.text
    assert any(w.startswith("llm_rejected") for w in a.warnings)


def test_an_unreachable_model_falls_back(qa_store):
    a = _qa(qa_store, "http://127.0.0.1:9/v1").ask("企业申请了几宗?", filters=Filters(reports=("00_houjie_zhen_2023",)))
    assert "2宗" in a.text and any(w.startswith("llm_unavailable") for w in a.warnings)


def test_guard_on_plain_cases(qa):
    a = qa.ask("予以公开占比多少?", filters=Filters(reports=("00_houjie_zhen_2023",)))
    assert guard(a, "予以公开4宗，占办结总数16宗的25.0%。")
    assert not guard(a, "予以公开占比约26%。")
    assert not guard(a, "")
