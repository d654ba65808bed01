"""Helpers shared by the web tests: the report fixtures' paths, a report holding `<script>`, and a
uvicorn server in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[2]
SEED = ROOT / "samples" / "00_houjie_zhen_2023.txt"
SHANGHAI = ROOT / "samples" / "13_shanghai_bgt_2025.md"
PINGTAN = ROOT / "samples" / "06_pingtan_zone_2021.txt"
ARTIFACTS = ROOT / "artifacts"
XSS = "<script>alert(1)</script>"


def xss_report_text() -> str:
    """The seed report, renamed to 测试镇, with a script tag inside a paragraph."""
    text = SEED.read_text(encoding="utf-8").replace("厚街镇", "测试镇").replace("厚街", "测试")
    return text.replace("通过“中国·东莞”门户网站测试镇栏目及东莞市政府信息公开目录",
                        f"通过门户网站{XSS}栏目")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    server: object
    thread: threading.Thread


def serve_in_thread(app, port: int | None = None) -> LiveServer:
    """uvicorn on a free loopback port in a daemon thread, returned once it accepts connections."""
    import uvicorn

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)


def serve_static(folder: Path) -> tuple[str, object]:
    """A plain static file server on another loopback port: a page of another origin for the widget."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}", httpd
