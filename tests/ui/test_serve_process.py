"""`reportqa serve` as its own process: questions answer while an upload is ingested, and SIGTERM
stops the server within seconds even in the middle of one."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx

from eval.bench_load import start_server
from index.settings import Settings
from qa.service import Service

ROOT = Path(__file__).parents[2]
PDF = ROOT / "samples" / "01_huaian_shi_2024.pdf"
QUESTION = "厚街镇2023年收到多少宗信息公开申请？"


def test_questions_do_not_wait_for_an_upload_and_sigterm_stops_the_server(tmp_path: Path) -> None:
    data = tmp_path / "data"
    svc = Service(Settings.from_env(env={}, data_dir=data, embedder="fake:384"))
    svc.ingest([ROOT / "samples" / "00_houjie_zhen_2023.txt"])
    svc.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTQA_")}
    env.update(REPORTQA_EMBEDDER="fake:384", PYTHONPATH=str(ROOT), OMP_WAIT_POLICY="PASSIVE")
    url, proc = start_server(data, env)
    try:
        with httpx.Client(base_url=url, timeout=60, trust_env=False) as http:
            done: dict = {}

            def upload(name: str) -> None:
                files = [("files", (name, PDF.read_bytes(), "application/pdf"))]
                try:
                    done[name] = http.post("/api/reports", files=files).status_code
                except httpx.HTTPError as e:
                    done[name] = e

            assert http.post("/api/ask", json={"question": QUESTION}).status_code == 200  # the cold start
            t = threading.Thread(target=upload, args=("huaian.pdf",))
            t.start()
            latencies = []
            while t.is_alive():
                started = time.perf_counter()
                r = http.post("/api/ask", json={"question": QUESTION})
                latencies.append(time.perf_counter() - started)
                assert r.status_code == 200 and r.json()["result"]["value"] == "14"
            t.join()
            assert done["huaian.pdf"] == 201 and len(latencies) >= 3
            assert max(latencies) < 2.0, latencies  # no question waited for the ingest
            assert http.post("/api/ask", json={"question": "淮安市2024年收到多少件政府信息公开申请？"}).json()[
                "status"] == "answered"

            t = threading.Thread(target=upload, args=("again.pdf",))
            t.start()
            time.sleep(0.5)  # the second upload is being parsed now
            stopping = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=20)
            assert time.monotonic() - stopping < 10
            t.join(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
