"""Fixtures for the web faces: one service over a few small reports, ingested once per session (the
text index embeds with the real e5 model, which takes seconds), the app over it, and a live server.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before anything imports gradio
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from collections.abc import Iterator  # noqa: E402
from dataclasses import replace  # noqa: E402

import pytest  # noqa: E402
from websupport import ARTIFACTS, SEED, SHANGHAI, LiveServer, serve_in_thread, xss_report_text  # noqa: E402

from index.settings import Settings  # noqa: E402
from qa.service import Service  # noqa: E402


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings.from_env(env={}, data_dir=tmp_path_factory.mktemp("ui") / "data", max_upload_mb=1)


@pytest.fixture(scope="session")
def service(settings: Settings) -> Service:
    svc = Service(settings)
    results = svc.ingest([SEED, SHANGHAI])
    assert [r.status for r in results] == ["added", "added"], results
    return svc


@pytest.fixture(scope="session")
def app(settings: Settings, service: Service):
    from ui.app import create_app

    return create_app(settings, service)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def xss_upload(client, tmp_path_factory: pytest.TempPathFactory):
    """A report holding `<script>`, uploaded once through the API (both the API and browser tests use it)."""
    path = tmp_path_factory.mktemp("xss") / "xss_report.txt"
    path.write_text(xss_report_text(), encoding="utf-8")
    with path.open("rb") as f:
        return client.post("/api/reports", files=[("files", (path.name, f, "text/plain"))])


@pytest.fixture(scope="session")
def live(settings: Settings, service: Service) -> Iterator[LiveServer]:
    """The app served for real (the browser tests); its own app object, so TestClient state is not shared."""
    from ui.app import create_app

    srv = serve_in_thread(create_app(settings, service))
    yield srv
    srv.server.should_exit = True
    srv.thread.join(timeout=10)


@pytest.fixture
def keyed_client(settings: Settings, service: Service):
    """The same reports behind an app that requires an API key for writes."""
    from fastapi.testclient import TestClient

    from ui.app import create_app

    with TestClient(create_app(replace(settings, api_key="s3cret"), service)) as c:
        yield c


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
