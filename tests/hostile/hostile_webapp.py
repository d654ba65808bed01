"""The app over a small store for the web attacks: the seed report, the fake embedder (the model is
not the point here), and uvicorn on a free loopback port when a test needs a real server."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from hostile_files import SEED

from index.settings import Settings

SEED_QUESTION = "厚街镇2023年收到多少宗信息公开申请？"
SEED_ANSWER = "14宗"


def make_settings(data_dir: Path, **changes) -> Settings:
    return replace(Settings.from_env(env={}, data_dir=data_dir, max_upload_mb=2), embedder="fake", **changes)


def seeded_service(settings: Settings):
    from qa.service import Service

    svc = Service(settings)
    assert [r.status for r in svc.ingest([SEED])] == ["added"]
    return svc


@dataclass
class Live:
    url: str
    server: object
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app) -> Live:
    """uvicorn on 127.0.0.1 and a free port, in a daemon thread, returned once it accepts connections."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    return Live(f"http://127.0.0.1:{port}", server, thread)
